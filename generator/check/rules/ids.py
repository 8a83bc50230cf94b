"""The rules of references and ids: every id is unique in its file, every reference names a record
that exists, slugs (the pages' addresses) are unique per language, and what a service says about
periods agrees with what the periods accept."""

from __future__ import annotations

from collections.abc import Sequence

from generator.check.rules.context import Context
from generator.model import schema
from generator.model.errors import WARNING, Problem
from generator.model.project import ContentPage


def unique_ids_and_references(c: Context) -> None:
    site, f = c.project.config, "site.yaml"
    c.unique(f, site.languages, ("languages",), "language", "code")
    contacts = c.unique(f, site.contacts, ("contacts",), "contact")
    sectors = c.unique(f, site.sectors, ("sectors",), "sector")
    roles = c.unique(f, site.roles, ("roles",), "role")
    # Each file's own ids and its references into the files that parsed; a file that did not
    # parse is skipped here and checked once it does (`_more_checks`).
    ok = c.parsed.__contains__
    reqs = c.unique("requirements.yaml", c.project.requirements, ("requirements",), "requirement")
    services = c.unique("services.yaml", c.project.services, ("services",), "service")
    c.unique("periods.yaml", c.project.all_periods, ("periods",), "period")
    if ok("process.yaml"):
        c.unique("process.yaml", c.project.process.registration_triggers, ("registration_triggers",),
                 "trigger")

    for i, r in enumerate(c.project.requirements):
        c.ref("requirements.yaml", r.who, ("requirements", i, "who"), roles, "role")
    for i, s in enumerate(c.project.services):
        base = ("services", i)
        f = "services.yaml"
        c.refs(f, s.sectors, base + ("sectors",), sectors, "sector")
        if ok("requirements.yaml"):
            c.refs(f, s.requires, base + ("requires",), reqs, "requirement")
        c.refs(f, s.requires_services, base + ("requires_services",), services, "service")
        c.ref(f, s.contact, base + ("contact",), contacts, "contact")
        for j, step in enumerate(s.steps):
            c.ref(f, step.who, base + ("steps", j, "who"), roles, "role")
        if s.kind == "functionality" and not s.extends:
            c.add(f, base + ("kind",), "a functionality must say which service it extends",
                  "add `extends: <service id>`", code="functionality-extends")
        if s.extends:
            c.ref(f, s.extends, base + ("extends",), services, "service")
            if s.extends == s.id:
                c.add(f, base + ("extends",), "a service cannot extend itself", code="self-ref")
        if s.id in s.requires_services:
            c.add(f, base + ("requires_services",), "a service cannot require itself",
                  code="self-ref")
    for i, any_period in enumerate(c.project.all_periods):
        base = ("periods", i)
        if ok("services.yaml"):
            c.refs("periods.yaml", any_period.accepts, base + ("accepts",), services, "service")
    for i, period in c.dated():
        base = ("periods", i)
        c.unique("periods.yaml", period.events, base + ("events",), "event")
        for j, event in enumerate(period.events):
            for k, sid in enumerate(event.services):
                if sid not in period.accepts:
                    c.add("periods.yaml", base + ("events", j, "services", k),
                          f"the service '{sid}' is not accepted by period {period.id}",
                          "add it to the period's `accepts:` or remove it here",
                          code="event-service", args=(sid, period.id))
    proc = c.project.process
    if not ok("process.yaml"):
        return
    for i, t in enumerate(proc.registration_triggers):
        c.refs("process.yaml", t.sectors, ("registration_triggers", i, "sectors"), sectors, "sector")
    c.refs("process.yaml", proc.vendor_exception_sectors, ("vendor_exception_sectors",),
           sectors, "sector")
    c.refs("process.yaml", proc.planner.sectors, ("planner", "sectors"), sectors, "sector")
    c.refs("process.yaml", proc.planner.change_sectors, ("planner", "change_sectors"), sectors, "sector")
    kinds = [e.kind for e in proc.support_events]
    for i, kind in enumerate(kinds):
        if kinds.index(kind) != i:
            c.add("process.yaml", ("support_events", i, "kind"),
                  f"the event kind '{kind}' is described twice", code="duplicate-id")


def slugs(c: Context) -> None:
    """URLs stay unique per language; generated sections and pages never collide."""
    for lang in c.langs:
        top: dict[str, str] = {}
        for name, slugs in c.project.config.pages:
            if lang in slugs.root:
                if slugs[lang] in top:
                    c.add("site.yaml", ("pages", name, lang),
                          f"the slug '{slugs[lang]}' is used by two pages",
                          code="duplicate-slug", args=(slugs[lang],))
                top[slugs[lang]] = name
        sluggish: list[tuple[str, Sequence[schema.Service | schema.Requirement], str]] = [
            ("services.yaml", c.project.services, "services"),
            ("requirements.yaml", c.project.requirements, "requirements")]
        for file, items, what in sluggish:
            seen: dict[str, int] = {}
            for i, item in enumerate(items):
                slug = item.slug.root.get(lang)
                if slug is None:
                    continue
                if slug in seen:
                    c.add(file, (what, i, "slug", lang),
                          f"the {lang} slug '{slug}' is already used by {items[seen[slug]].id}",
                          "every page needs its own address", code="duplicate-slug", args=(slug,))
                seen[slug] = i
        # Earlier slugs may not shadow another live page. The service's own current slug is
        # allowed: when only one language's slug changed, the entry repeats the other's
        # (every language must be given), and that redirect is simply not written.
        live = {s.slug.root.get(lang) for s in c.project.services}
        for i, s in enumerate(c.project.services):
            for j, old in enumerate(s.redirect_from):
                if old.root.get(lang) in live - {s.slug.root.get(lang)}:
                    c.add("services.yaml", ("services", i, "redirect_from", j, lang),
                          f"'{old.root.get(lang)}' is the address of a live page",
                          "an old address can only redirect when no page uses it",
                          code="redirect-shadows", args=(old.root.get(lang),))

    by_id: dict[str, dict[str, ContentPage]] = {}
    for page in c.project.pages:
        if page.meta.id in by_id.get(page.lang, {}):
            c.problems.append(Problem(page.path, 2, 1, f"the page id '{page.meta.id}' is used "
                                      f"twice in content/{page.lang}/", code="duplicate-id"))
        by_id.setdefault(page.lang, {})[page.meta.id] = page
    all_ids = {page.meta.id for page in c.project.pages}
    for page_id in sorted(all_ids):
        have = [lang for lang in c.langs if page_id in by_id.get(lang, {})]
        for lang in c.langs:
            if lang not in have:
                source = by_id[have[0]][page_id]
                c.problems.append(Problem(
                    source.path, 2, 1, f"the page '{page_id}' has no {lang} translation",
                    hint=f"add content/{lang}/<slug>.md with `id: {page_id}` in its front matter",
                    code="missing-page-translation", args=(page_id, lang)))


def uses_periods(c: Context) -> None:
    """A service taken into use outside the periods is in no period and needs no registration."""
    outside = {s.id for s in c.project.services if not s.uses_periods}
    for i, s in enumerate(c.project.services):
        if not s.uses_periods and s.registration.required:
            c.add("services.yaml", ("services", i, "registration", "required"),
                  f"{s.id} is not taken into use in periods (`uses_periods: false`) but "
                  "requires registration for one", "set `required: false` or remove "
                  "`uses_periods: false`", code="uses-periods-registration", args=(s.id,))
    for i, period in enumerate(c.project.all_periods):
        for j, sid in enumerate(period.accepts):
            if sid in outside:
                c.add("periods.yaml", ("periods", i, "accepts", j),
                      f"period {period.id} accepts {sid}, which is not taken into use in periods "
                      "(`uses_periods: false` in services.yaml)", "remove it from `accepts:`",
                      code="uses-periods", args=(period.id, sid))


def registration_accepted(c: Context) -> None:
    """A service that needs registration for a period, but that no current or upcoming period
    accepts, cannot be registered for: the editor most likely forgot `accepts:`."""
    open_periods = [p for p in c.project.periods if p.end >= c.today]
    if not open_periods:
        return  # `no-upcoming` already asks for next year's periods
    accepted = {sid for p in open_periods for sid in p.accepts}
    for i, s in enumerate(c.project.services):
        if s.uses_periods and s.registration.required and s.id not in accepted:
            c.add("services.yaml", ("services", i, "id"),
                  f"{s.id} requires registration for a period, but no current or upcoming period "
                  "accepts it", f"add {s.id} to `accepts:` of the coming periods in data/periods.yaml, "
                  "or set `required: false` under its `registration:`", severity=WARNING,
                  code="registration-unaccepted", args=(s.id,))


def search_terms(c: Context) -> None:
    """Search terms name pages that exist."""
    known = {name for name, _ in c.project.config.pages} | {"home"}
    known |= {f"service:{s.id}" for s in c.project.services}
    for i, term in enumerate(c.project.search_terms):
        for j, key in enumerate(term.pages):
            c.ref("search_terms.yaml", key, ("terms", i, "pages", j), known, "page")
