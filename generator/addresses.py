"""The published addresses (urls.txt) checked from the page plan, without building the site.

CI compares `urls.txt` with what a build serves; the same list follows from the data alone (every
page of the page plan in every language, plus the files the post-build makes from the data: feeds,
calendars, the root pages and the redirect stubs). `check` compares that list with `urls.txt`, so an
editor learns about a lost or new address in a second instead of after a full build on CI; the
build still compares its real output (generator/manifest.py) as the final word.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import manifest, postbuild
from .problems import ERROR, Problem
from .render import Site

UPDATE = "make urls"
"""The one command that rewrites urls.txt (the Makefile target; it runs `generator urls --update`)."""


def planned_urls(site: Site) -> list[str]:
    """Every address a build of this data would publish (the addresses `published_urls` finds in
    the built output, predicted: MkDocs writes one index.html per page and nothing else kept)."""
    urls = {site.url(page.key, lang) for page in site.pages for lang in site.project.languages}
    for rel in postbuild.data_files(site):
        address = manifest.address_of(rel, site.base_path)
        if address is not None:
            urls.add(address)
    return sorted(urls)


def check_manifest(project, today: dt.date) -> list[Problem]:
    """Lost addresses (in urls.txt, not planned) and new ones (planned, not listed) as errors,
    each lost one at its line of urls.txt: CI's `urls --check` fails on both."""
    site = Site(project, today)
    path = manifest.manifest_path(site)
    if not path.is_file():
        return []
    shown = _shown(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    line_of = {line.strip(): n for n, line in enumerate(lines, 1)}
    listed = manifest.read(path)
    missing, added = manifest.compare(listed, planned_urls(site))
    problems = [Problem(shown, line_of.get(url, 0), 1 if url in line_of else 0,
                        f"the address {url} would no longer work",
                        hint="if the page got a new address, keep the old one working: a service's old "
                             "slug under `redirect_from:` in data/services.yaml, any other page under "
                             "`redirects:` in data/site.yaml; if the page was removed on purpose, run "
                             f"`{UPDATE}`", severity=ERROR, code="urls-gone", args=(url, UPDATE))
                for url in missing]
    if added:
        listing = ", ".join(added[:5]) + (f" (+{len(added) - 5})" if len(added) > 5 else "")
        problems.append(Problem(shown, 0, 0, f"{len(added)} new address(es) are not in urls.txt yet: "
                                f"{listing}", hint=f"run `{UPDATE}` and save urls.txt with your change",
                                severity=ERROR, code="urls-unlisted", args=(len(added), listing, UPDATE)))
    return problems


def check_schemas(project) -> list[Problem]:
    """The IDE's lists of ids (schemas/) in step with the data: CI fails when they are not."""
    from .schema import stale_ids

    ids = {"services": [s.id for s in project.services], "requirements": [r.id for r in project.requirements],
           "sectors": [s.id for s in project.site.sectors], "contacts": [c.id for c in project.site.contacts],
           "roles": [r.id for r in project.site.roles], "periods": [p.id for p in project.periods]}
    schemas = Path(project.data_dir).parent / "schemas"
    stale = stale_ids(ids, schemas)
    if not stale:
        return []
    return [Problem(_shown(schemas), 0, 0, "the schemas' lists of ids are out of date (" + ", ".join(stale)
                    + "): the editor would underline correct ids",
                    hint="run `make schemas` and save schemas/ with your change", severity=ERROR,
                    code="schemas-stale", args=(", ".join(stale),))]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
