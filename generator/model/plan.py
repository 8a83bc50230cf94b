"""The page plan: every page's key, address and title in every language.

This is the one place that maps a record to an address. Validation (the redirect
rules), rendering, the feeds, the CDN files and the address manifest all ask the
plan instead of computing a path themselves. It depends only on the validated
`Project`, so every stage above validation may use it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from generator.model import schema
from generator.model.project import Project

# Generated pages in navigation order; content pages are slotted in by nav_order.
NAV_ORDER = {"home": 0, "planner": 5, "process": 10, "registration": 20, "schedule": 30, "services": 40,
             "requirements": 50, "customer": 60, "changes": 990, "accessibility": 1000}
GENERATED_PAGES = set(NAV_ORDER)
"""Page names that data/changes.yaml may list under `pages:` (besides hand-written pages' ids)."""



@dataclass
class Page:
    """One page of the site, in every language."""

    key: str
    """Stable across languages: 'service:prescription', 'period:1/2026', 'content:about'."""
    template: str
    paths: dict[str, str]
    """Language → path of the Markdown file inside docs/ (e.g. palvelut/resepti.md)."""
    titles: dict[str, str]
    source: tuple[str, tuple]
    """(data file or content path, key path) that the page is generated from."""
    updated: dt.date
    context: dict = field(default_factory=dict)
    nav: int | None = None
    """Position in the navigation; None keeps the page out of the menu."""


def url_of(md_path: str) -> str:
    """docs-relative Markdown path → URL path below the language root (directory URLs)."""
    if md_path == "index.md":
        return ""
    stem = md_path[:-3]
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem + "/"


class SitePlan:
    """The page plan (every page's key, template, address and title in every language) plus
    the lookups and helpers the templates use."""

    def __init__(self, project: Project, today: dt.date):
        self.project = project
        self.today = today
        self.base_path = urlsplit(project.config.site_url).path.rstrip("/")
        """The site's path below its origin ('' or e.g. /kanta-opas), without a trailing slash."""
        self.origin = project.config.site_url.rstrip("/").removesuffix(self.base_path)
        """scheme://host[:port] of the published site, for absolute addresses (feeds, sitemap)."""
        self.changes = sorted(project.changes, key=lambda c: c.date, reverse=True)
        """The change log, newest first (a stable sort: same-day changes keep the file's order)."""
        self.changes_by_key: dict[str, list] = {}
        for change in self.changes:
            for key in self.change_keys(change):
                self.changes_by_key.setdefault(key, []).append(change)
        self.pages: list[Page] = self._plan()
        self.by_key = {page.key: page for page in self.pages}
        # Lookups the templates use, built once (not once per page: that is O(pages x records)).
        services_requiring: dict[str, list] = {r.id: [] for r in project.requirements}
        for service in project.services:
            for rid in service.requires:
                services_requiring.setdefault(rid, []).append(service)
        periods_accepting: dict[str, list] = {s.id: [] for s in project.services}
        for period in project.periods:
            for sid in period.accepts:
                periods_accepting[sid].append(period)
        self.lookups = {
            "periods_accepting": periods_accepting,
            "service_by_id": {s.id: s for s in project.services},
            "requirement_by_id": {r.id: r for r in project.requirements},
            "services_requiring": services_requiring,
            "roles": {r.id: r for r in project.config.roles},
            "contacts": {c.id: c for c in project.config.contacts},
            "support_events": {e.kind: e for e in project.process.support_events},
        }

    # -- the page plan ---------------------------------------------------------

    def _plan(self) -> list[Page]:
        p = self.project
        langs = p.languages
        slug = {name: slugs.root for name, slugs in p.config.pages}
        strings = p.strings

        def title(key: str) -> dict[str, str]:
            return {lang: strings[key][lang] for lang in langs}

        newest_period = max(x.last_reviewed for x in p.periods)
        pages = [
            Page("home", "home.md.j2", {lang: "index.md" for lang in langs}, title("title-home"),
                 ("site.yaml", ()), max(newest_period, p.process.last_reviewed), nav=NAV_ORDER["home"]),
            # The planner (overrides/assets/planner.js): its script and the rules' JSON are loaded only here.
            Page("planner", "planner.md.j2", {lang: f"{slug['planner'][lang]}.md" for lang in langs},
                 title("title-planner"), ("process.yaml", ("planner",)),
                 max(newest_period, p.process.last_reviewed, max(s.last_reviewed for s in p.services)),
                 {"planner_page": True}, nav=NAV_ORDER["planner"]),
            Page("process", "process.md.j2", {lang: f"{slug['process'][lang]}.md" for lang in langs},
                 title("title-process"), ("process.yaml", ()), p.process.last_reviewed,
                 nav=NAV_ORDER["process"]),
            Page("registration", "registration.md.j2",
                 {lang: f"{slug['registration'][lang]}.md" for lang in langs}, title("title-registration"),
                 ("process.yaml", ("registration_triggers",)),
                 max(newest_period, p.process.last_reviewed), nav=NAV_ORDER["registration"]),
            Page("schedule", "schedule.md.j2",
                 {lang: f"{slug['schedule'][lang]}/index.md" for lang in langs}, title("title-schedule"),
                 ("periods.yaml", ()), newest_period, nav=NAV_ORDER["schedule"]),
            Page("services", "services.md.j2",
                 {lang: f"{slug['services'][lang]}/index.md" for lang in langs}, title("title-services"),
                 ("services.yaml", ()), max(s.last_reviewed for s in p.services), nav=NAV_ORDER["services"]),
            Page("requirements", "requirements.md.j2",
                 {lang: f"{slug['requirements'][lang]}.md" for lang in langs},
                 title("title-requirements"), ("requirements.yaml", ()),
                 max(s.last_reviewed for s in p.services), nav=NAV_ORDER["requirements"]),
            Page("customer", "customer.md.j2", {lang: f"{slug['customer'][lang]}.md" for lang in langs},
                 title("title-customer"), ("process.yaml", ("customer_relationship",)),
                 p.process.last_reviewed, nav=NAV_ORDER["customer"]),
            Page("accessibility", "accessibility.md.j2",
                 {lang: f"{slug['accessibility'][lang]}.md" for lang in langs},
                 title("title-accessibility"), ("site.yaml", ("accessibility",)),
                 p.config.accessibility.reviewed, nav=NAV_ORDER["accessibility"]),
        ]
        # Dated periods first, then those Kela has not announced (their page says so and shows no date).
        rows = sorted(enumerate(p.all_periods), key=lambda row: isinstance(row[1], schema.UnannouncedPeriod))
        for i, period in rows:
            pages.append(Page(
                f"period:{period.id}", "period.md.j2",
                {lang: f"{slug['schedule'][lang]}/{period.slug}.md" for lang in langs},
                {lang: strings["title-period"][lang].format(id=period.id) for lang in langs},
                ("periods.yaml", ("periods", i)), period.last_reviewed, {"period": period}))
        for i, service in enumerate(p.services):
            pages.append(Page(
                f"service:{service.id}", "service.md.j2",
                {lang: f"{slug['services'][lang]}/{service.slug[lang]}.md" for lang in langs},
                {lang: service.name[lang] for lang in langs},
                ("services.yaml", ("services", i)),
                # The page lists the periods that accept the service: their changes count too.
                max([service.last_reviewed, *(x.last_reviewed for x in p.periods if service.id in x.accepts)]),
                {"service": service}))
        for page_id, versions in sorted(p.content_versions().items()):
            first = versions[langs[0]]
            pages.append(Page(
                f"content:{page_id}", "content.md.j2",
                {lang: f"{versions[lang].slug}.md" for lang in langs},
                {lang: versions[lang].meta.title for lang in langs},
                (first.path, ()), max(v.meta.last_reviewed for v in versions.values()),
                {"versions": versions}, nav=100 + first.meta.nav_order))
        pages.append(Page(
            "changes", "changes.md.j2", {lang: f"{strings['slug-changes'][lang]}.md" for lang in langs},
            title("title-changes"), ("changes.yaml", ()),
            self.changes[0].date if self.changes else newest_period, nav=NAV_ORDER["changes"]))
        for page in pages:
            # A change recorded for a page updates it on that day.
            latest = self.changes_by_key.get(page.key)
            if latest and latest[0].date > page.updated:
                page.updated = latest[0].date
        return pages

    def change_keys(self, change) -> list[str]:
        """The keys of the pages a change names (data/changes.yaml)."""
        return ([name if name in GENERATED_PAGES else f"content:{name}" for name in change.pages]
                + [f"period:{pid}" for pid in change.periods]
                + [f"service:{sid}" for sid in change.services])

    # -- helpers for templates -----------------------------------------------------

    def url(self, key: str, lang: str) -> str:
        """Absolute URL path of a page, e.g. /sv/tjanster/recepttjansten/."""
        return f"{self.base_path}/{lang}/{url_of(self.by_key[key].paths[lang])}"

    @cached_property
    def addresses(self) -> list[str]:
        """Every page's address in every language, sorted."""
        return sorted({self.url(page.key, lang) for page in self.pages for lang in self.project.languages})

    def feed_file(self, lang: str, name: str) -> str:
        """A calendar's path below the output root: fi/kalenteri/kaikki.ics."""
        return f"{lang}/{self.project.strings['slug-feeds'][lang]}/{name}.ics"

    def feed_url(self, lang: str, name: str) -> str:
        """A calendar's URL path: /fi/kalenteri/kaikki.ics."""
        return f"{self.base_path}/{self.feed_file(lang, name)}"

    def changes_feed(self, lang: str) -> str:
        """URL path of a language's Atom feed of the change log, next to the changes page:
        /fi/muutokset.atom beside /fi/muutokset/."""
        return f"{self.base_path}/{lang}/{self.project.strings['slug-changes'][lang]}.atom"

    ROOT_PAGES = ("index.html", "404.html", "kg-root.css")
    """The root's own files: the language chooser, the 404 page and their style sheet."""
    HTML_FILES = ("_headers", "_nginx.conf")
    """Files publish makes from the built HTML (the CSP hashes its inline scripts)."""

    def data_files(self) -> list[str]:
        """Every file publish makes from the data alone, by output-relative path, sorted:
        the root pages, sitemap and robots.txt, calendars, JSON and Atom feeds, the planner's
        API, `_redirects` and a page at every old address. Publish makes exactly these (the
        build refuses a difference), so `check` knows them without making them."""
        p = self.project
        files = [*self.ROOT_PAGES, "sitemap.xml", "robots.txt", "_redirects",
                 "api/services.json", "api/periods.json", "api/planner.json"]
        for lang in p.languages:
            files.append(self.feed_file(lang, p.strings["feed-all"][lang]))
            files += [self.feed_file(lang, period.slug) for period in p.periods]
            files.append(self.changes_feed(lang).removeprefix(self.base_path + "/"))
            files.append(f"api/planner.{lang}.json")
        files += [self.stub_file(item) for item in redirects(self)]
        return sorted(files)

    def stub_file(self, item: Redirect) -> str:
        """The page at an old address, for hosts without `_redirects`: old/address/index.html."""
        return item.old[len(self.base_path):].strip("/") + "/index.html"

    def link_place(self, lang: str, source: str, href: str) -> tuple[str, int, int] | None:
        """Where an editor wrote the link `href` of the page built from docs/`source`: the
        hand-written page's file, line and column; None for a generated page."""
        for page in self.pages:
            versions = page.context.get("versions")
            if versions is not None and lang in versions and page.paths[lang] == source:
                version = versions[lang]
                link = next((ln for ln in version.links if ln.href == href), None)
                return (version.path, link.line, link.column) if link else (version.path, 0, 0)
        return None

    def text_place(self, href: str) -> tuple[str, int, int] | None:
        """Where an editor wrote a link to `href`: the first hand-written page or data text that
        has it, as file, line and column; None when no editor wrote it (a template's link)."""
        for page in self.project.pages:
            link = next((ln for ln in page.links if ln.href == href), None)
            if link:
                return page.path, link.line, link.column
        written = f"]({href}"
        for doc in self.project.sources.values():
            for path, value in _strings(doc.data, ()):
                if written in value:
                    line, column = doc.position(path)
                    return doc.path, line, column
        return None

    def absolute(self, path: str) -> str:
        """A site path (from `url()` or starting with `base_path`) as a full address."""
        return self.origin + path

    def nav(self, lang: str) -> list[dict[str, str]]:
        ordered = sorted((p for p in self.pages if p.nav is not None), key=lambda p: (p.nav, p.key))
        return [{p.titles[lang]: p.paths[lang]} for p in ordered]

    def edit_url(self, page: Page, lang: str) -> str:
        """GitHub-style link to the page's source file, at the record's line where known; "" (no
        link) while the repository's address is not set."""
        file, path = page.source
        site = self.project.config
        if site.repo_url is None:
            return ""
        if "versions" in page.context:  # a hand-written page: its own file in this language
            version = page.context["versions"][lang]
            target = f"{self.project.content_dir.name}/{lang}/{version.slug}.md"
            anchor = ""
        else:
            target = f"{self.project.data_dir.name}/{file}"
            anchor = f"#L{self.project.line_of(file, path)}" if path else ""
        return f"{site.repo_url.rstrip('/')}/blob/{site.edit_branch}/{target}{anchor}"


# ---------------------------------------------------------------------------
# Old addresses: the one list the CDN files, nginx and validation share
# ---------------------------------------------------------------------------


def _strings(value, path: tuple):
    """(key path, text) of every string in a loaded YAML document's plain data."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


@dataclass(frozen=True, order=True)
class Redirect:
    old: str
    """Absolute URL path that no longer has a page, e.g. /fi/palvelut/vanha/."""
    new: str
    """Where it went, e.g. /fi/palvelut/uusi/."""
    lang: str


def service_redirects(site: SitePlan) -> list[Redirect]:
    """`redirect_from:` of each service: its earlier slugs per language, next to its page."""
    items = set()
    for service in site.project.services:
        for old in service.redirect_from:
            for lang in site.project.languages:
                new = site.url(f"service:{service.id}", lang)
                old_path = new.rstrip("/").rsplit("/", 1)[0] + f"/{old[lang]}/"
                if old_path != new:
                    items.add(Redirect(old_path, new, lang))
    return sorted(items)


def declared_redirects(site: SitePlan) -> list[Redirect]:
    """`redirects:` in site.yaml: retired or moved pages, each `old:` → `new:` path below the site
    root (`/fi/vanha-sivu/` → `/fi/palvelut/`). The fallback page speaks the old address's language."""
    langs = site.project.languages
    items = set()
    for declared in site.project.config.redirects:
        lang = declared.old.split("/")[1]
        items.add(Redirect(site.base_path + declared.old, site.base_path + declared.new,
                           lang if lang in langs else langs[0]))
    return sorted(items)


def redirects(site: SitePlan) -> list[Redirect]:
    """Every old address the data declares, with its new one (validation keeps them apart from
    each other and from published pages)."""
    return sorted(set(service_redirects(site)) | set(declared_redirects(site)))
