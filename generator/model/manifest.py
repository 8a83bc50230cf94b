"""The URL manifest: every address the site has published must keep working.

`urls.txt` (next to `data/`, committed) lists every published address: each
page in each language, the calendar feeds, the JSON feeds, the root sitemap and
robots.txt, and the old addresses that redirect. Every build compares its
output with it:

* an address in the manifest that the build no longer serves (a renamed slug,
  a removed service or page) **fails the build** with the address and the fix;
* a new address is reported as a warning until the manifest is updated.

A page that moves or is retired keeps its old address with a redirect: a
service's earlier slugs go under its `redirect_from:` (data/services.yaml), any
other page's old address under `redirects:` in data/site.yaml (old → new path).

Update it deliberately, after a change that adds or (knowingly) removes pages:

    make urls                                          # rewrites urls.txt (editors)
    .venv/bin/python -m generator urls --check          # exit 1 when urls.txt is not current (CI)
    .venv/bin/python -m generator urls --check --from site   # the same against a built site/

`make check` compares the list with the page plan without building (generator/check/addresses.py).

A build whose data folder has no `urls.txt` next to it (the test fixtures)
skips the comparison.
"""

from __future__ import annotations

from pathlib import Path

from generator.model.errors import ERROR, WARNING, BuildError, Problem
from generator.model.messages import say
from generator.model.plan import SitePlan

FILE_NAME = "urls.txt"
HEADER = """\
# Every address the site publishes (generated; see README, "Addresses that keep working").
# A build fails when one of these is no longer served: give renamed services a
# `redirect_from:` in data/services.yaml, and other moved or retired pages an entry
# under `redirects:` in data/site.yaml, instead of deleting lines here.
# Update deliberately: make urls
"""
UPDATE = "make urls"
"""The command editors run (the Makefile target runs `generator urls --update`)."""
EXCLUDED_PARTS = {"assets", "search"}
"""Theme assets and the search index change with every Material release: not addresses people keep."""


def manifest_path(site: SitePlan) -> Path:
    return Path(site.project.data_dir).parent / FILE_NAME


def published_urls(out: Path, base_path: str = "") -> list[str]:
    """Every address of a built output folder that readers or other systems may keep."""
    urls = []
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        address = address_of(path.relative_to(out).as_posix(), base_path)
        if address is not None:
            urls.append(address)
    return sorted(urls)


def address_of(rel: str, base_path: str = "") -> str | None:
    """The address an output file is published at, or None for files nobody keeps an address of
    (also used by generator/check/addresses.py on the files the post-build will write)."""
    parts = rel.split("/")
    if parts[0].startswith("_") or EXCLUDED_PARTS & set(parts[:-1]) \
            or parts[-1] == "404.html" or rel.endswith(".gz"):
        return None
    if parts[-1] == "index.html":
        return f"{base_path}/{rel[: -len('index.html')]}"
    if rel.endswith((".ics", ".json", ".atom")) or rel in ("sitemap.xml", "robots.txt"):
        return f"{base_path}/{rel}"
    return None


def read(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def write(path: Path, urls: list[str]) -> None:
    path.write_text(HEADER + "\n".join(sorted(set(urls))) + "\n", encoding="utf-8")


def compare(expected: list[str], served: list[str]) -> tuple[list[str], list[str]]:
    """(missing: in the manifest but not served, added: served but not in the manifest)."""
    have, want = set(served), set(expected)
    return sorted(want - have), sorted(have - want)


def explain_missing(site: SitePlan, missing: list[str], added: list[str]) -> str:
    """A message that names every lost address and says how to keep it working."""
    p = site.project
    base = site.base_path
    lines = [f"{say('addresses', 'en', n=len(missing))} in {FILE_NAME} would no longer work:"]
    lines += [f"  {url}" for url in missing]
    section = {lang: site.url("services", lang) for lang in p.languages}

    def service_slug(url: str) -> tuple[str, str] | None:
        for lang, prefix in section.items():
            rest = url[len(prefix):] if url.startswith(prefix) else ""
            if rest.endswith("/") and rest.count("/") == 1:
                return lang, rest[:-1]
        return None

    lost: dict[str, list[str]] = {}  # lang → old slugs, for service pages
    for url in missing:
        found = service_slug(url)
        if found:
            lost.setdefault(found[0], []).append(found[1])
    fresh: dict[str, dict[str, str]] = {}  # service id → its new slug per language
    for service in p.services:
        for lang in p.languages:
            if site.url(f"service:{service.id}", lang) in added:
                fresh.setdefault(service.id, {})[lang] = service.slug[lang]
    if lost:
        services_file = Path(p.data_dir) / "services.yaml"
        lines.append("")
        lines.append("A service's slug changed or a service was removed.")
        candidates = list(fresh)
        if len(candidates) == 1 and all(len(v) == 1 for v in lost.values()):
            sid = candidates[0]
            i = next(i for i, s in enumerate(p.services) if s.id == sid)
            line = p.line_of("services.yaml", ("services", i)) if "services.yaml" in p.sources else 0
            service = p.services[i]
            old = {lang: (lost[lang][0] if lang in lost else service.slug[lang]) for lang in p.languages}
            entry = ", ".join(f"{lang}: {slug}" for lang, slug in old.items())
            lines.append(f"If '{sid}' was renamed, keep its old address working: add to it in "
                         f"{services_file}:{line}")
            lines.append("    redirect_from:")
            lines.append(f"      - {{{entry}}}")
        else:
            lines.append(f"Keep the old address working: add it to the renamed service's `redirect_from:` "
                         f"in {services_file}, e.g.")
            example = ", ".join(f"{lang}: {lost.get(lang, ['<old-slug>'])[0]}" for lang in p.languages)
            lines.append("    redirect_from:")
            lines.append(f"      - {{{example}}}")
    others = [url for url in missing if not service_slug(url)]
    if others:
        lines.append("")
        lines.append("Other addresses: a slug under `pages:` in data/site.yaml, the file name of a page in "
                     "content/, a period or a calendar name changed, or the page was removed. Change it "
                     "back if that was not intended.")
    lines.append("")
    lines.append("If a page was retired or moved on purpose, add a redirect to the page that replaces it "
                 f"under `redirects:` in {Path(p.data_dir) / 'site.yaml'} (paths below the site root).")
    retired = next((url[len(base):] for url in others if url.endswith("/")), None)
    if retired and retired.count("/") > 2:
        lang = retired.split("/")[1]
        fresh_pages = [url[len(base):] for url in added
                       if url.startswith(f"{base}/{lang}/") and url.endswith("/")]
        new = fresh_pages[0] if len(fresh_pages) == 1 else f"/{lang}/<new-page>/"
        lines.append("    redirects:")
        lines.append(f"      - {{old: {retired}, new: {new}}}")
    lines.append(f"Only if the address should really stop working: run `{UPDATE}` and commit {FILE_NAME}.")
    if base:
        lines.append(f"(Addresses include the site's base path {base}.)")
    return "\n".join(lines)


def likely_moves(site: SitePlan, missing: list[str], added: list[str]) -> dict[str, str]:
    """Lost page address → the new one the page seems to have moved to: in a language where just
    one page address was lost and just one appeared (a renamed file or slug)."""
    moves = {}
    for lang in site.project.languages:
        prefix = f"{site.base_path}/{lang}/"
        gone = [url for url in missing if url.startswith(prefix) and url.endswith("/")]
        new = [url for url in added if url.startswith(prefix) and url.endswith("/")]
        if len(gone) == 1 and len(new) == 1:
            moves[gone[0]] = new[0]
    return moves


def gone_problems(path: Path, shown: str, missing: list[str], site: SitePlan,
                  added: list[str]) -> list[Problem]:
    """Each lost address as an error at its line of urls.txt (`shown`: the file as the editor
    knows it), with the fix: a redirect (the very line to add, when the page plainly moved), or
    `make urls` when the page was removed on purpose."""
    lines = path.read_text(encoding="utf-8").splitlines()
    line_of = {line.strip(): n for n, line in enumerate(lines, 1)}
    moves = likely_moves(site, missing, added)
    owners = {url: _service_at(site, new) for url, new in moves.items()}
    # A service's old slugs, per language (its current one where it did not change): the one
    # `redirect_from:` entry that keeps every lost address of it working.
    old_slugs: dict[str, dict[str, str]] = {}
    for url, owner in owners.items():
        if owner:
            lang = url.removeprefix(f"{site.base_path}/").split("/")[0]
            old_slugs.setdefault(owner, {})[lang] = url.rstrip("/").rsplit("/", 1)[1]
    problems = []
    for url in missing:
        at = (shown, line_of.get(url, 0), 1 if url in line_of else 0, f"the address {url} would no longer work")
        new = moves.get(url)
        service = owners.get(url)
        if service:
            current = site.project.service(service).slug.root
            entry = "{" + ", ".join(f"{lang}: {old_slugs[service].get(lang, current[lang])}"
                                    for lang in site.project.languages) + "}"
            problems.append(Problem(*at, hint=f"the service '{service}' seems to have a new address {new}: "
                                    f"keep the old one working with `redirect_from: [{entry}]` under that "
                                    "service in data/services.yaml; if it was removed on purpose, run "
                                    f"`{UPDATE}`", severity=ERROR,
                                    code="urls-moved-service", args=(url, new, service, entry, UPDATE)))
        elif new and not _has_redirects(site):
            problems.append(Problem(*at, hint=f"the page seems to have a new address {new}: keep the old "
                                    "one working by adding two lines at the end of data/site.yaml: "
                                    f"`redirects:` and below it `  - {{old: {url}, new: {new}}}`; if the page "
                                    f"was removed on purpose, run `{UPDATE}`",
                                    severity=ERROR, code="urls-moved-new-key", args=(url, new, UPDATE)))
        elif new:
            problems.append(Problem(*at, hint=f"the page seems to have a new address {new}: keep the old "
                                    f"one working with `- {{old: {url}, new: {new}}}` under `redirects:` in "
                                    f"data/site.yaml; if the page was removed on purpose, run `{UPDATE}`",
                                    severity=ERROR, code="urls-moved", args=(url, new, UPDATE)))
        else:
            problems.append(Problem(*at, hint="if the page got a new address, keep the old one working: a "
                                    "service's old slug under `redirect_from:` in data/services.yaml, any other "
                                    "page under `redirects:` in data/site.yaml; if the page was removed on "
                                    f"purpose, run `{UPDATE}`", severity=ERROR, code="urls-gone",
                                    args=(url, UPDATE)))
    return problems


def _has_redirects(site: SitePlan) -> bool:
    """Whether data/site.yaml has the key `redirects:` that a new redirect goes under."""
    path = Path(site.project.data_dir) / "site.yaml"
    return path.is_file() and any(line.startswith("redirects:")
                                  for line in path.read_text(encoding="utf-8").splitlines())


def _service_at(site: SitePlan, url: str) -> str | None:
    """The id of the service whose page is at `url`, if it is one."""
    return next((s.id for s in site.project.services for lang in site.project.languages
                 if site.url(f"service:{s.id}", lang) == url), None)


def verify(site: SitePlan, out: Path) -> list[Problem]:
    """Compare a build with the committed manifest: raise on lost addresses, warn on new ones."""
    path = manifest_path(site)
    if not path.is_file():
        return []
    served = published_urls(out, site.base_path)
    missing, added = compare(read(path), served)
    if missing:
        # The same finding as problems at their lines of urls.txt, for the command line to show
        # in the editor's language (the English text is for logs and developers).
        raise BuildError(explain_missing(site, missing, added),
                         problems=gone_problems(path, shown_path(path), missing, site, added))
    if not added:
        return []
    shown = ", ".join(added[:5]) + (f" and {len(added) - 5} more" if len(added) > 5 else "")
    return [Problem(FILE_NAME, 0, 0, f"{say('new-addresses-are', 'en', n=len(added))} not in {FILE_NAME} yet: {shown}",
                    hint=f"run `{UPDATE}` and commit {FILE_NAME}, so they are protected too",
                    severity=WARNING, code="urls-new", args=(len(added), shown))]


def shown_path(path: Path) -> str:
    """A path as the editor knows it: relative to the current folder where it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
