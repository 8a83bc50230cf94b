"""Stage 3: turn the validated project into Markdown + one MkDocs config per language.

`plan()` decides every page: its stable key (shared by all languages), its
template and its path in each language. `render()` runs the Jinja templates
(StrictUndefined: a misspelt variable fails the build instead of printing
nothing) and returns the files as a dict path → text; writing them is the
build stage's job, so nothing touches the disk until everything has rendered.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from . import PACKAGE_DIR, TEMPLATE_DIR
from . import dates as d
from . import keywords, timeline
from .models import kanta_language, unique_sources
from .validate import Project

if TYPE_CHECKING:
    import jinja2

# Generated pages in navigation order; content pages are slotted in by nav_order.
NAV_ORDER = {"home": 0, "planner": 5, "process": 10, "registration": 20, "schedule": 30, "services": 40,
             "requirements": 50, "customer": 60, "changes": 990, "accessibility": 1000}
GENERATED_PAGES = set(NAV_ORDER)
"""Page names that data/changes.yaml may list under `pages:` (besides hand-written pages' ids)."""

# How the templates mark a date, or a status computed from dates, that is not confirmed
# (_macros.md.j2): a page that carries one gets the notice of _dates_notice.md.j2 at its top.
_STATE_MARK_RE = re.compile(r'\bdata-(?:reg-|period-)?dates="(example|provisional)"')
_H1_RE = re.compile(r"^# .*\n", re.M)


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


class Site:
    """The page plan plus helpers the templates use."""

    def __init__(self, project: Project, today: dt.date):
        self.project = project
        self.today = today
        self.base_path = urlsplit(project.site.site_url).path.rstrip("/")
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
            "roles": {r.id: r for r in project.site.roles},
            "contacts": {c.id: c for c in project.site.contacts},
            "support_events": {e.kind: e for e in project.process.support_events},
        }

    # -- the page plan ---------------------------------------------------------

    def _plan(self) -> list[Page]:
        p = self.project
        langs = p.languages
        slug = {name: slugs.root for name, slugs in p.site.pages}
        strings = p.strings

        def title(key: str) -> dict[str, str]:
            return {lang: strings[key][lang] for lang in langs}

        newest_period = max(x.last_reviewed for x in p.periods)
        pages = [
            Page("home", "home.md.j2", {lang: "index.md" for lang in langs}, title("title-home"),
                 ("site.yaml", ()), max(newest_period, p.process.last_reviewed), nav=NAV_ORDER["home"]),
            # The planner (generator/planner.py): its script and the rules' JSON are loaded only here.
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
                 p.site.accessibility.reviewed, nav=NAV_ORDER["accessibility"]),
        ]
        for i, period in enumerate(p.periods):
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
        by_id: dict[str, dict] = {}
        for page in p.pages:
            by_id.setdefault(page.meta.id, {})[page.lang] = page
        for page_id, versions in sorted(by_id.items()):
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

    def nav(self, lang: str) -> list[dict[str, str]]:
        ordered = sorted((p for p in self.pages if p.nav is not None), key=lambda p: (p.nav, p.key))
        return [{p.titles[lang]: p.paths[lang]} for p in ordered]

    def edit_url(self, page: Page, lang: str) -> str:
        """GitHub-style link to the page's source file, at the record's line where known."""
        file, path = page.source
        site = self.project.site
        if "versions" in page.context:  # a hand-written page: its own file in this language
            version = page.context["versions"][lang]
            target = f"{self.project.content_dir.name}/{lang}/{version.slug}.md"
            anchor = ""
        else:
            target = f"{self.project.data_dir.name}/{file}"
            anchor = f"#L{self.project.line_of(file, path)}" if path else ""
        return f"{site.repo_url.rstrip('/')}/blob/{site.edit_branch}/{target}{anchor}"


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def environment(cache_dir: Path | None = None) -> jinja2.Environment:
    """One environment per process (templates compile once; Jinja's auto-reload still
    picks up an edited template in `serve`). `cache_dir`: where compiled templates
    are kept between processes, so a one-shot build does not compile them again."""
    import jinja2  # here: `check` asks the page plan (Site) without rendering anything

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(cache_dir)) if cache_dir else None,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown output; HTML attributes are escaped explicitly with |e
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["indent_md"] = lambda text, n=4: text.replace("\n", "\n" + " " * n)
    env.tests["contains"] = lambda seq, item: item in seq
    env.filters["tojson_attr"] = lambda value: jinja2.utils.htmlsafe_json_dumps(value)
    env.filters["page_language"] = kanta_language  # the language of a kanta.fi page, from its address
    env.globals["unique_sources"] = unique_sources  # several facts' sources, each page once
    env.globals["timeline"] = timeline.svg  # the periods as a picture (schedule and home pages)
    return env


class PageContext:
    """What a template sees for one page in one language (documented in _base.md.j2)."""

    def __init__(self, site: Site, page: Page, lang: str):
        self.site, self.page, self.lang = site, page, lang
        self.project = site.project
        self.here = page.paths[lang]

    def t(self, key: str) -> str:
        return self.project.strings[key][self.lang]

    def l(self, value) -> str:  # noqa: E743 - short on purpose: used everywhere in templates
        return value[self.lang]

    def ref(self, key: str, anchor: str = "") -> str:
        """Relative link from this page to another page's Markdown file (MkDocs checks it)."""
        target = self.site.by_key[key].paths[self.lang]
        rel = posixpath.relpath(target, posixpath.dirname(self.here) or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def date(self, day: dt.date) -> str:
        return d.format_date(day, self.t("format-date"))

    def time(self, value: dt.time) -> str:
        return d.format_time(value, self.t("format-time"))

    def title(self, key: str) -> str:
        return self.site.by_key[key].titles[self.lang]

    def feed(self, name: str) -> str:
        """Absolute path of a calendar feed written by the post-build stage."""
        return f"{self.site.base_path}/{self.lang}/{self.t('slug-feeds')}/{name}.ics"

    def changes_feed(self) -> str:
        """Absolute path of this language's Atom feed of the change log (feeds.atom_feeds)."""
        return changes_feed_path(self.site, self.lang)

    def as_dict(self) -> dict:
        p = self.project
        today = self.site.today
        return {
            "lang": self.lang, "t": self.t, "l": self.l, "ref": self.ref, "date": self.date,
            "time": self.time, "title": self.title, "feed": self.feed, "page": self.page,
            "changes_feed": self.changes_feed, "changes": self.site.changes,
            "change_keys": self.site.change_keys, "pages_by_key": self.site.by_key,
            "site": p.site, "process": p.process, "services": p.services, "periods": p.periods,
            "requirements": p.requirements, "today": today, "d": d, "strings": p.strings,
            **self.site.lookups,
            "sectors": p.site.sectors,
            **self.page.context,
        }


def render(site: Site, cache_dir: Path | None = None) -> dict[str, str]:
    """Render every page and config. Returns {relative path under the work dir: text}."""
    env = environment(cache_dir)
    files: dict[str, str] = {}
    langs = site.project.languages
    notice = env.get_template("_dates_notice.md.j2")
    for page in site.pages:
        template = env.get_template(page.template)
        for lang in langs:
            ctx = PageContext(site, page, lang)
            body = with_dates_notice(template.render(ctx.as_dict()), notice, ctx)
            files[f"{lang}/docs/{page.paths[lang]}"] = front_matter(site, page, lang, ctx) + body
    config = env.get_template("mkdocs.yml.j2")
    for lang in langs:
        ctx = PageContext(site, site.by_key["home"], lang)
        files[f"{lang}/mkdocs.yml"] = config.render(
            **ctx.as_dict(), nav=site.nav(lang), languages=site.project.site.languages,
            language=next(x for x in site.project.site.languages if x.code == lang),
            base_path=site.base_path, status_labels=_status_labels(site, lang),
            changes_feed_url=changes_feed_path(site, lang),
            inherit=str(PACKAGE_DIR.parent / "mkdocs.yml"),
            overrides_dir=str(PACKAGE_DIR.parent / "overrides"),
            page_url=lambda key, lang=lang: url_of(site.by_key[key].paths[lang]),
        )
    return files


def with_dates_notice(body: str, notice: jinja2.Template, ctx: PageContext) -> str:
    """The body with the example / provisional notice below its title when it shows such a date.

    Decided from what the page really shows (the marks _macros.md.j2 puts on every date and
    status), so no template can show an example date without saying so."""
    states = set(_STATE_MARK_RE.findall(body))
    if not states:
        return body
    text = notice.render(ctx.as_dict(), example="example" in states, provisional="provisional" in states)
    title = _H1_RE.search(body)
    at = title.end() if title else 0
    return body[:at] + "\n" + text + body[at:].lstrip("\n")


def changes_feed_path(site: Site, lang: str) -> str:
    """/fi/muutokset.atom: next to the changes page (/fi/muutokset/)."""
    return f"{site.base_path}/{lang}/{site.project.strings['slug-changes'][lang]}.atom"


def front_matter(site: Site, page: Page, lang: str, ctx: PageContext) -> str:
    """YAML front matter; values are JSON, which is valid YAML and needs no quoting rules."""
    meta = {
        "title": page.titles[lang],
        "alternates": {other: site.url(page.key, other) for other in site.project.languages},
        "edit_url": site.edit_url(page, lang),
        "updated": page.updated.isoformat(),
        "updated_text": ctx.date(page.updated),
    }
    if page.context.get("planner_page"):
        meta["planner"] = True  # overrides/main.html loads assets/planner.js on this page only
    versions = page.context.get("versions")
    if versions is not None and versions[lang].meta.description:
        # A hand-written page's own summary; the theme writes it into <meta name="description">
        # (else the site's description).
        meta["description"] = versions[lang].meta.description
    latest = site.changes_by_key.get(page.key)
    if latest:  # shown under the "updated" line (overrides/partials/source-file.html)
        meta["change"] = {"date": latest[0].date.isoformat(), "date_text": ctx.date(latest[0].date),
                          "text": latest[0].text[lang], "url": site.url("changes", lang)}
    # The names and forms people search for (generator/keywords.py says why they are tags).
    meta.update(keywords.search_meta(site.project, page, lang))
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()] + ["---", ""]
    return "\n".join(lines)


def _status_labels(site: Site, lang: str) -> dict[str, str]:
    """What kg.js writes: `registration-open`, and for dates that are not confirmed
    `registration-open-provisional` / `registration-open-example` (dates.status_key)."""
    strings = site.project.strings
    keys = ["registration-upcoming", "registration-open", "starting", "ongoing", "past"]
    labels = {}
    for key in keys:
        for state in ("confirmed", "provisional", "example"):
            labels[key + ("" if state == "confirmed" else f"-{state}")] = \
                strings[d.status_key(key, state)][lang]
    labels.update({f"window-{k}": strings[f"window-{k}"][lang] for k in ("upcoming", "open", "closed")})
    labels["format-date"] = strings["format-date"][lang]
    return labels
