"""`/api/planner.json`: everything the planner page's script needs, written by publish.

The rules block (process.yaml `planner:`), the services with their prerequisites and steps,
the requirements, the periods with their dates and date states, and the planner's strings in
every language. The script (overrides/assets/planner.js) holds no rule values and no text of
its own: all of it comes from here, so an editor's change to the YAML reaches the page with
the next build. Documented in the README ("Machine-readable outputs").
"""

from __future__ import annotations

import json

from generator.model import planner
from generator.model.dates import period_states, weakest
from generator.model.plan import SitePlan

EXTRA_STRINGS = ("format-date", "format-month", "format-time", "date-example", "provisional", "online",
                 "title-period", "month-names", "online-and-place")
"""Strings the script uses besides planner.SCRIPT_STRINGS."""


def planner_data(site: SitePlan) -> dict:
    """The JSON document as a dict (tests feed the same data to the script)."""
    p = site.project
    langs = p.languages
    rules = p.process.planner
    base = site.base_path
    support = {e.kind: e for e in p.process.support_events}

    def page_urls(key: str) -> dict[str, str]:
        return {lang: site.url(key, lang) for lang in langs}

    return {
        "generated_for": site.today.isoformat(),
        "languages": langs,
        "timezone": p.config.timezone,
        "site_name": p.config.site_name.root,
        "rules": {
            "sectors": rules.sectors,
            "lead_months_certified": rules.lead_months_certified,
            "lead_months_uncertified": rules.lead_months_uncertified,
            "lead_months_functionality": rules.lead_months_functionality,
            "change_sectors": rules.change_sectors,
            "no_registration_changes": rules.no_registration_changes,
        },
        "services": [{
            "id": s.id, "kind": s.kind, "sectors": s.sectors, "name": s.name.root,
            "url": page_urls(f"service:{s.id}"),
            "registration_required": s.registration.required,
            "vendor_exception": s.registration.vendor_exception, "uses_periods": s.uses_periods,
            "requires": s.requires, "requires_services": s.requires_services,
            "steps": [{"who": step.who, "title": step.title.root, "registers": step.registers}
                      for step in s.steps],
        } for s in p.services],
        "requirements": [{
            "id": r.id, "who": r.who, "name": r.name.root,
            "url": {lang: f"{site.url('requirements', lang)}#{r.slug[lang]}" for lang in langs},
        } for r in p.requirements],
        # In the site's order: the checklist is grouped by who does it, in this order.
        "roles": [{"id": r.id, "name": r.name.root} for r in p.config.roles],
        "periods": [{
            "id": period.id, "url": page_urls(f"period:{period.id}"),
            "start": period.start.isoformat(), "end": period.end.isoformat(), "dates": period.dates,
            "registration": {"opens": period.registration.opens.isoformat(),
                             "closes": period.registration.closes.isoformat(),
                             "dates": period.registration_dates},
            # The least sure state among all the period's dates: how the plan must be worded.
            "certainty": weakest(*period_states(period)),
            "events": [{
                "title": e.title.root if e.title else support[e.kind].name.root,
                "date": e.date.isoformat(), "start": e.start.strftime("%H:%M"),
                "end": e.end.strftime("%H:%M"), "online": e.online,
                "place": e.place.root if e.place else None, "dates": period.event_dates(e),
            } for e in period.events],
            "accepts": period.accepts,
            "calendar": {lang: f"{base}/{site.feed_file(lang, period.slug)}" for lang in langs},
        } for period in p.periods],  # dated ones only: a period Kela has not announced is no choice
        "strings": {key: p.strings[key].root for key in (*planner.SCRIPT_STRINGS, *EXTRA_STRINGS)},
    }


def one_language(value, lang: str, languages: list[str]):
    """`value` with every {language: text} mapping cut down to `lang`'s text (same shape)."""
    if isinstance(value, dict):
        if value and set(value) == set(languages):
            return {lang: value[lang]}
        return {k: one_language(v, lang, languages) for k, v in value.items()}
    if isinstance(value, list):
        return [one_language(v, lang, languages) for v in value]
    return value


def planner_json(site: SitePlan) -> dict[str, bytes]:
    """`api/planner.json` (every language, for any reader of the data) and, for the page itself,
    `api/planner.<lang>.json` with only that language's texts and what the page can show,
    compact: the page's first visit stays small (bench/README.md, page weight). By
    output-relative path."""
    data = planner_data(site)
    langs = site.project.languages
    files = {"api/planner.json": json.dumps(data, ensure_ascii=False, indent=1) + "\n"}
    # The page's files leave out what it can never show: services of sectors the form does not
    # offer, and periods whose registration had closed by the build date (a reader's today is
    # later, so no plan can recommend them).
    sectors = set(data["rules"]["sectors"])
    page = {**data,
            "services": [s for s in data["services"] if sectors & set(s["sectors"])],
            "periods": [p for p in data["periods"] if p["registration"]["closes"] >= data["generated_for"]]}
    for lang in langs:
        files[f"api/planner.{lang}.json"] = json.dumps(
            {**one_language(page, lang, langs), "languages": [lang]}, ensure_ascii=False,
            separators=(",", ":")) + "\n"
    return {path: body.encode("utf-8") for path, body in files.items()}
