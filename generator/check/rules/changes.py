"""The rules of changes and sources: the changes list names pages, periods and services that exist
and gives its page a free address; every fact names a verified, recent source; what the site still
lacks before publishing is listed as work."""

from __future__ import annotations

import datetime as dt

from generator.check.rules.context import REVIEW_MONTHS, Context, months_before
from generator.model import schema
from generator.model.document import Document
from generator.model.errors import WARNING


def changes(c: Context) -> None:
    """data/changes.yaml: unique ids; every page, period and service it names exists."""
    f = "changes.yaml"
    if f not in c.docs:
        return
    c.unique(f, c.project.changes, ("changes",), "change")
    pages = set(schema.PageSlugs.model_fields) | {"home", "changes"} | {pg.meta.id for pg in c.project.pages}
    periods = {p.id for p in c.project.all_periods}
    services = {s.id for s in c.project.services}
    # A period or service id written twice (`duplicate-id`, at the duplicate) most likely
    # replaced another id by mistake: the entries naming that id are judged once it is fixed.
    judge_periods = len(periods) == len(c.project.all_periods)
    judge_services = len(services) == len(c.project.services)
    for i, change in enumerate(c.project.changes):
        base = ("changes", i)
        c.refs(f, change.pages, base + ("pages",), pages, "page")
        if judge_periods:
            c.refs(f, change.periods, base + ("periods",), periods, "period")
        if judge_services:
            c.refs(f, change.services, base + ("services",), services, "service")
    slugs = c.project.strings.get("slug-changes")
    if slugs is None:
        return
    for lang in c.langs:
        slug = slugs.root.get(lang)
        taken = {s.root.get(lang) for _, s in c.project.config.pages} | \
            {pg.slug for pg in c.project.pages if pg.lang == lang}
        if slug in taken:
            c.add("strings.yaml", ("strings", "slug-changes", lang),
                  f"the slug '{slug}' of the changes page is already used by another page",
                  "give the changes page its own address", code="duplicate-slug", args=(slug,))


def sources(c: Context) -> None:
    """Every service, requirement and the process facts name a source (or say why none is
    public). A source nobody has verified against the live page is publishing work; one whose
    facts date (the verification, else the page's own date or its copy's) from over
    REVIEW_MONTHS months ago is a warning, once per page; a date in the future is a slip. The
    sources a hand-written page lists in its front matter are judged the same way."""
    limit = months_before(c.today, REVIEW_MONTHS)
    facts: list[tuple[str, tuple, schema.ProcessFile | schema.Service | schema.Requirement, str]] = [
        ("process.yaml", (), c.project.process, "process.yaml")]
    facts += [("services.yaml", ("services", i), s, s.id) for i, s in enumerate(c.project.services)]
    facts += [("requirements.yaml", ("requirements", i), r, r.id)
              for i, r in enumerate(c.project.requirements)]
    stale: set[tuple] = set()
    for file, path, fact, name in facts:
        if not fact.sources and fact.source_note is None:
            c.add(file, path + (("id",) if path else ()),
                  f"{name} has no source", "add `sources:` (the public page the facts come from, "
                  "with the page's own date as `updated:`) or, where no page is public, "
                  "`source_note:` saying where they come from",
                  severity=WARNING, code="no-source", args=(name,))
        steps = [(("steps", j), step) for j, step in enumerate(getattr(fact, "steps", []))]
        for base, item in [((), fact), *steps]:
            _judge(c, file, [(path + base + ("sources", k), source) for k, source in enumerate(item.sources)],
                   limit, stale)
    for page in c.project.pages:
        if page.front is not None:
            _judge(c, page.front, [(("sources", k), source) for k, source in enumerate(page.meta.sources)],
                   limit, stale)


def _judge(c: Context, file: str | Document, entries: list[tuple[tuple, schema.Source]], limit: dt.date,
           stale: set[tuple]) -> None:
    """The dates and the verification of the sources at `entries` ((path, source) of `file`)."""
    for entry, source in entries:
        url = source.href(c.langs[0])
        for key in ("updated", "seen", "verified"):
            day = getattr(source, key)
            if day is not None and day > c.today:
                c.add(file, entry + (key,), f"the source's `{key}:` {day} is after today "
                      f"({c.today})", "write the day the page shows, or the day it "
                      "was really verified", severity=WARNING, code="source-in-future",
                      args=(str(day),))
        if source.verified is None:
            c.add(file, entry + ("url",), f"the source {url} has not been verified against "
                  "the live page", "when a person has checked the facts against the live "
                  "page, add `verified:` with that day; until then `make check-strict` "
                  "lists this and the site is not ready to publish",
                  severity=WARNING, code="unverified-source", args=(url,))
        dated = source.dated
        page = (url, dated)
        if dated is not None and dated < limit and page not in stale:
            stale.add(page)
            key = "verified" if source.verified else "updated" if source.updated else "seen"
            c.add(file, entry + (key,), f"the facts of the source {url} date from "
                  f"{dated}, over {REVIEW_MONTHS} months ago", "check the facts against "
                  "the live page and write that day as `verified:`",
                  severity=WARNING, code="stale-source", args=(str(dated),))


def before_publishing(c: Context) -> None:
    """What the site still lacks (`before_publishing:`) is publishing work, not text for readers."""
    for i, text in enumerate(c.project.config.before_publishing):
        c.add("site.yaml", ("before_publishing", i), f"before publishing: {text}",
              "add the fact to the data or the page it belongs to and remove this line from "
              "`before_publishing:`; until then `make check-strict` fails",
              severity=WARNING, code="editorial-note", args=(text,))
