"""Turn the checked project into Markdown + one MkDocs config per language.

The page plan (model/plan.py) has decided every page: its stable key (shared by all languages),
its template and its path in each language. `render()` runs the Jinja templates
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
from pathlib import Path
from typing import TYPE_CHECKING

from generator import PACKAGE_DIR, TEMPLATE_DIR
from generator.model import dates, timeline
from generator.model.plan import Page, SitePlan, url_of
from generator.model.schema import kanta_language, unique_sources
from generator.render import keywords

if TYPE_CHECKING:
    import jinja2

# How the templates mark a date, or a status computed from dates, that is not confirmed
# (_macros.md.j2): a page that carries one gets the notice of _dates_notice.md.j2 at its top.
_STATE_MARK_RE = re.compile(r'\bdata-(?:reg-|period-)?dates="(example|provisional)"')
_H1_RE = re.compile(r"^# .*\n", re.M)


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


@functools.cache
def environment(cache_dir: Path | None = None) -> jinja2.Environment:
    """One environment per process (templates compile once; Jinja's auto-reload still
    picks up an edited template in `serve`). `cache_dir`: where compiled templates
    are kept between processes, so a one-shot build does not compile them again."""
    import jinja2  # here: `check` asks the page plan (SitePlan) without rendering anything

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


@functools.cache
def html_environment() -> jinja2.Environment:
    """For the HTML pages the generator writes itself (templates/*.html.j2): autoescaped."""
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), undefined=jinja2.StrictUndefined,
                              autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


class PageContext:
    """What a template sees for one page in one language (documented at the top of _macros.md.j2)."""

    def __init__(self, plan: SitePlan, page: Page, lang: str):
        self.plan, self.page, self.lang = plan, page, lang
        self.project = plan.project
        self.here = page.paths[lang]

    def string(self, key: str) -> str:
        """The site string `key` of strings.yaml in this page's language (`t` in templates)."""
        return self.project.strings[key][self.lang]

    def localised(self, value) -> str:
        """A bilingual value's text in this page's language (`l` in templates)."""
        return value[self.lang]

    def ref(self, key: str, anchor: str = "") -> str:
        """Relative link from this page to another page's Markdown file (MkDocs checks it)."""
        target = self.plan.by_key[key].paths[self.lang]
        rel = posixpath.relpath(target, posixpath.dirname(self.here) or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def date(self, day: dt.date) -> str:
        return dates.format_date(day, self.string("format-date"))

    def time(self, value: dt.time) -> str:
        return dates.format_time(value, self.string("format-time"))

    def title(self, key: str) -> str:
        return self.plan.by_key[key].titles[self.lang]

    def feed(self, name: str) -> str:
        """Absolute path of a calendar feed written by the post-build stage."""
        return self.plan.feed_url(self.lang, name)

    def changes_feed(self) -> str:
        """Absolute path of this language's Atom feed of the change log (feeds.atom_feeds)."""
        return self.plan.changes_feed(self.lang)

    def as_dict(self) -> dict:
        p = self.project
        today = self.plan.today
        return {
            "lang": self.lang, "t": self.string, "l": self.localised, "ref": self.ref, "date": self.date,
            "time": self.time, "title": self.title, "feed": self.feed, "page": self.page,
            "changes_feed": self.changes_feed, "changes": self.plan.changes,
            "change_keys": self.plan.change_keys, "pages_by_key": self.plan.by_key,
            "config": p.config, "process": p.process, "services": p.services, "periods": p.periods,
            "unannounced": p.unannounced,
            "requirements": p.requirements, "today": today, "d": dates, "strings": p.strings,
            **self.plan.lookups,
            "sectors": p.config.sectors,
            **self.page.context,
        }


def render(site: SitePlan, cache_dir: Path | None = None) -> dict[str, str]:
    """Render every page and config. Returns {relative path under the work dir: text}."""
    env = environment(cache_dir)
    files: dict[str, str] = {}
    langs = site.project.languages
    for page in site.pages:
        for lang in langs:
            ctx = PageContext(site, page, lang)
            body = page_markdown(site, page, lang, env, ctx)
            files[f"{lang}/docs/{page.paths[lang]}"] = front_matter(site, page, lang, ctx) + body
    config = env.get_template("mkdocs.yml.j2")
    for lang in langs:
        ctx = PageContext(site, site.by_key["home"], lang)
        files[f"{lang}/mkdocs.yml"] = config.render(
            **ctx.as_dict(), nav=site.nav(lang), languages=site.project.config.languages,
            language=next(x for x in site.project.config.languages if x.code == lang),
            base_path=site.base_path, status_labels=_status_labels(site, lang),
            changes_feed_url=site.changes_feed(lang),
            inherit=str(PACKAGE_DIR.parent / "mkdocs.yml"),
            overrides_dir=str(PACKAGE_DIR.parent / "overrides"),
            page_url=lambda key, lang=lang: url_of(site.by_key[key].paths[lang]),
        )
    return files


def page_markdown(site: SitePlan, page: Page, lang: str, env: jinja2.Environment,
                  ctx: PageContext | None = None) -> str:
    """A page's Markdown in one language, as the build gives it to MkDocs (without its front
    matter); `check` reads the headings of the pages editors link to from it."""
    ctx = ctx or PageContext(site, page, lang)
    body = env.get_template(page.template).render(ctx.as_dict())
    return with_dates_notice(body, env.get_template("_dates_notice.md.j2"), ctx)


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


def front_matter(site: SitePlan, page: Page, lang: str, ctx: PageContext) -> str:
    """YAML front matter; values are JSON, which is valid YAML and needs no quoting rules."""
    meta: dict[str, object] = {
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
    # The names and forms people search for (generator/render/keywords.py says why they are tags).
    meta.update(keywords.search_meta(site.project, page, lang))
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()] + ["---", ""]
    return "\n".join(lines)


def _status_labels(site: SitePlan, lang: str) -> dict[str, str]:
    """What kg.js writes: `registration-open`, and for dates that are not confirmed
    `registration-open-provisional` / `registration-open-example` (dates.status_key)."""
    strings = site.project.strings
    keys = ["registration-upcoming", "registration-open", "starting", "ongoing", "past"]
    labels = {}
    for key in keys:
        for state in ("confirmed", "provisional", "example"):
            labels[key + ("" if state == "confirmed" else f"-{state}")] = \
                strings[dates.status_key(key, state)][lang]
    labels.update({f"window-{k}": strings[f"window-{k}"][lang] for k in ("upcoming", "open", "closed")})
    labels["format-date"] = strings["format-date"][lang]
    return labels
