"""The published addresses (urls.txt) checked from the page plan, without building the site.

CI compares `urls.txt` with what a build serves; the same list follows from the data alone (every
page of the page plan in every language, plus the files the post-build makes from the data: feeds,
calendars, the root pages and the redirect stubs). `check` compares that list with `urls.txt`, so an
editor learns about a lost or new address in a second instead of after a full build on CI; the
build still compares its real output (generator/model/manifest.py) as the final word.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.check import site_links
from generator.model import manifest
from generator.model.errors import ERROR, Problem
from generator.model.messages import say
from generator.model.plan import SitePlan

UPDATE = "make urls"
"""The one command that rewrites urls.txt (the Makefile target; it runs `generator urls --update`)."""


def planned_urls(site: SitePlan) -> list[str]:
    """Every address a build of this data would publish (the addresses `published_urls` finds in
    the built output, predicted: MkDocs writes one index.html per page and nothing else kept)."""
    urls = set(site.addresses)
    for rel in site.data_files():
        address = manifest.address_of(rel, site.base_path)
        if address is not None:
            urls.add(address)
    return sorted(urls)


def check_manifest(site: SitePlan, planned: list[str]) -> list[Problem]:
    """Lost addresses (in urls.txt, not planned) and new ones (planned, not listed) as errors,
    each lost one at its line of urls.txt: CI's `urls --check` fails on both."""
    path = manifest.manifest_path(site)
    if not path.is_file():
        return []
    shown = manifest.shown_path(path)
    missing, added = manifest.compare(manifest.read(path), planned)
    problems = manifest.gone_problems(path, shown, missing, site, added)
    if added:
        listing = ", ".join(added[:5]) + (f" (+{len(added) - 5})" if len(added) > 5 else "")
        problems.append(Problem(shown, 0, 0, f"{say('new-addresses-are', 'en', n=len(added))} not in urls.txt yet: "
                                f"{listing}", hint=f"run `{UPDATE}` and save urls.txt with your change",
                                severity=ERROR, code="urls-unlisted", args=(len(added), listing, UPDATE)))
    return problems


def check_links(site: SitePlan, planned: list[str], anchors: Callable[[str, str], set[str]]) -> list[Problem]:
    """Links of hand-written pages and data texts to files the build does not publish and to
    headings the linked page does not have, at the editor's place (site_links.site_link_problems):
    the build's MkDocs and link checker refuse them. `anchors(key, lang)` gives the ids of a
    page's headings (render.anchors reads them from the page rendered in memory)."""
    links = site_links.editor_links(site)
    if not links:
        return []
    published = set(planned) | {f"{site.base_path}/{rel}" for rel in site.ROOT_PAGES}
    return site_links.site_link_problems(site, published, anchors, links)


def check_schemas(project) -> list[Problem]:
    """The IDE's lists of ids (schemas/) in step with the data: CI fails when they are not."""
    from generator.check.json_schemas import stale_ids

    ids = {"services": [s.id for s in project.services], "requirements": [r.id for r in project.requirements],
           "sectors": [s.id for s in project.config.sectors], "contacts": [c.id for c in project.config.contacts],
           "roles": [r.id for r in project.config.roles], "periods": [p.id for p in project.all_periods]}
    schemas = Path(project.data_dir).parent / "schemas"
    stale = stale_ids(ids, schemas)
    if not stale:
        return []
    return [Problem(manifest.shown_path(schemas), 0, 0, "the schemas' lists of ids are out of date (" + ", ".join(stale)
                    + "): the editor would underline correct ids",
                    hint="run `make schemas` and save schemas/ with your change", severity=ERROR,
                    code="schemas-stale", args=(", ".join(stale),))]
