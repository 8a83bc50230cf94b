"""The onboarding planner's rules: which period, by when, and what to have ready.

Pure functions over the validated project and a date. The same rules run in the reader's
browser (`overrides/assets/planner.js`, fed by `/api/planner.json` from planner_api.py);
tests/browser/test_planner.py runs a table of scenarios through both and requires identical
answers, so a change here must be made there too.

The answer is a plain dict of ids and ISO dates (no text): each side words it from
data/strings.yaml. Its keys:

- `errors`: control name → strings.yaml key of the message (empty when the input is complete);
- `register`: whether to register for a period; `rule`: why (`required`, `vendor-support`,
  `minor-change`, `not-required`);
- `lead_months`, `earliest` (today + lead), `earliest_month` (the first month that starts on or
  after `earliest`), `wanted` (the later of `earliest` and the target month's first day),
  `too_early` (the target month starts before `earliest`);
- `period`: the recommended period's id, or None; `none_published` when no period in the data
  qualifies (the schedule for that time is not published yet). Only the chosen services that
  need a registration decide it: a service taken into use outside the periods (Kelain) or
  covered by the vendor-support exception does not rule a period out;
- `certainty`: the least sure state of the recommended period's dates (dates.DATE_STATES);
- `services`: the chosen services in the data's order; `requirements`: their prerequisites,
  merged, in the data's order of requirements.yaml.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from . import dates as d
from .models import Period

if TYPE_CHECKING:  # validate.py imports this module's STRINGS
    from .project import Project

CERTIFIED = ("yes", "no", "unknown")
YES_NO = ("yes", "no")
CHANGES = ("first", "new", "expansion", "minor")
_MONTH_RE = re.compile(r"([1-9][0-9]{3})-(0[1-9]|1[0-2])\Z")

Query = Mapping[str, Sequence[str]]
"""The form's state as the query string carries it: name → every value given (parse_qs)."""


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` + `months` calendar months, the day clamped to the month's end (30.11. + 3 → 28.2.)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def month_start_on_or_after(day: dt.date) -> dt.date:
    """The first day of the first month that starts on or after `day`."""
    return day if day.day == 1 else add_months(day.replace(day=1), 1)


def offered_services(project: Project, sector: str) -> list[str]:
    """The services the form offers for a sector: those of that sector, in the data's order."""
    return [s.id for s in project.services if sector in s.sectors]


def asked(project: Project, sector: str) -> dict[str, bool]:
    """Which sector-specific questions the form asks: vendor_support, change."""
    rules = project.process.planner
    return {"vendor_support": sector in project.process.vendor_exception_sectors,
            "change": sector in rules.change_sectors}


def _one(query: Query, name: str) -> str:
    values = query.get(name) or []
    return values[0].strip() if values else ""


def plan(project: Project, query: Query, today: dt.date) -> dict:
    """The planner's answer for the form state `query` on `today` (see the module docstring)."""
    rules = project.process.planner
    errors: dict[str, str] = {}
    sector = _one(query, "sector")
    if sector not in rules.sectors:
        errors["sector"] = "planner-error-sector"
        sector = ""
    offered = offered_services(project, sector) if sector else []
    chosen = set(query.get("service") or [])
    services = [sid for sid in offered if sid in chosen]
    if sector and not services:
        errors["service"] = "planner-error-service"
    certified = _one(query, "certified")
    if certified not in CERTIFIED:
        errors["certified"] = "planner-error-certified"
    questions = asked(project, sector) if sector else {"vendor_support": False, "change": False}
    vendor_support = _one(query, "vendor_support")
    if questions["vendor_support"] and vendor_support not in YES_NO:
        errors["vendor_support"] = "planner-error-vendor-support"
    change = _one(query, "change")
    if questions["change"] and change not in CHANGES:
        errors["change"] = "planner-error-change"
    target_text = _one(query, "target")
    target = None
    if target_text:
        m = _MONTH_RE.fullmatch(target_text)
        if m:
            target = dt.date(int(m[1]), int(m[2]), 1)
        else:
            errors["target"] = "planner-error-target"
    if errors:
        return {"errors": errors}

    by_id = {s.id: s for s in project.services}
    chosen_services = [by_id[sid] for sid in services]
    vendor_rule = questions["vendor_support"] and vendor_support == "yes"
    minor_rule = questions["change"] and change in rules.no_registration_changes
    needing, rule = [], "not-required"
    for s in chosen_services:
        if not (s.registration.required and s.uses_periods):
            continue
        if minor_rule:
            rule = "minor-change"
        elif vendor_rule and s.registration.vendor_exception:
            rule = "vendor-support"
        else:
            needing.append(s.id)
    if needing:
        rule = "required"

    lead = rules.lead_months_certified if certified == "yes" else rules.lead_months_uncertified
    earliest = add_months(today, lead)
    wanted = max(earliest, target) if target else earliest
    answer: dict = {
        "errors": {}, "register": bool(needing), "rule": rule, "lead_months": lead,
        "earliest": earliest.isoformat(),
        "earliest_month": month_start_on_or_after(earliest).isoformat()[:7],
        "wanted": wanted.isoformat(), "too_early": bool(target and target < earliest),
        "period": None, "none_published": False, "certainty": None,
        "services": services,
        "requirements": [r.id for r in project.requirements
                         if any(r.id in s.requires for s in chosen_services)],
    }
    if needing:
        period = recommended_period(project.periods, needing, today, wanted)
        if period is None:
            answer["none_published"] = True
        else:
            answer["period"] = period.id
            answer["certainty"] = d.weakest(*d.period_states(period))
    return answer


def recommended_period(periods: Sequence[Period], services: Sequence[str], today: dt.date,
                       wanted: dt.date) -> Period | None:
    """The first period by start that accepts every service, whose registration closes on or
    after today and which ends on or after `wanted`."""
    fits = [p for p in periods
            if all(sid in p.accepts for sid in services)
            and p.registration.closes >= today and p.end >= wanted]
    return min(fits, key=lambda p: p.start, default=None)


STRINGS = (
    "title-planner", "planner-lead", "planner-sector", "planner-sector-vendor", "planner-service",
    "planner-service-hint", "planner-certified", "planner-certified-yes", "planner-certified-no",
    "planner-certified-unknown", "planner-vendor-support", "planner-vendor-support-hint", "planner-yes",
    "planner-no", "planner-change", "planner-change-first", "planner-change-new",
    "planner-change-expansion", "planner-change-minor", "planner-target", "planner-target-hint",
    "planner-submit", "planner-errors-title", "planner-error-sector", "planner-error-service",
    "planner-error-certified", "planner-error-vendor-support", "planner-error-change",
    "planner-error-target", "planner-result", "planner-empty", "planner-register-title",
    "planner-register-yes", "planner-register-no", "planner-rule-required", "planner-rule-minor-change",
    "planner-rule-not-required", "planner-period-title", "planner-period", "planner-lead-months",
    "planner-too-early", "planner-none-published", "planner-according-example",
    "planner-according-provisional", "planner-by-when", "planner-last-day", "planner-window",
    "planner-events-title", "planner-add-calendar", "planner-ready-title", "planner-steps-title",
    "planner-print", "planner-copy", "planner-copied", "planner-plan-date", "planner-address",
    "planner-nojs-title", "planner-nojs-rules", "planner-nojs-rule-1", "planner-nojs-rule-2",
    "planner-nojs-rule-3", "planner-nojs-rule-4", "planner-nojs-rule-5", "planner-nojs-table",
    "planner-nojs-none", "planner-link", "planner-link-service", "planner-events-optional",
)
"""strings.yaml keys the planner uses from code and script (validate.CODE_STRINGS includes them)."""

SCRIPT_STRINGS = (
    "planner-errors-title", "planner-error-sector", "planner-error-service", "planner-error-certified",
    "planner-error-vendor-support", "planner-error-change", "planner-error-target", "planner-empty",
    "planner-register-title", "planner-register-yes", "planner-register-no", "planner-rule-required",
    "planner-rule-minor-change", "planner-rule-not-required", "planner-nojs-rule-1",
    "planner-events-optional", "planner-period-title", "planner-period", "planner-lead-months",
    "planner-too-early", "planner-none-published", "planner-according-example",
    "planner-according-provisional", "planner-by-when", "planner-last-day", "planner-window",
    "planner-events-title", "planner-add-calendar", "planner-ready-title", "planner-steps-title",
    "planner-print", "planner-copy", "planner-copied", "planner-plan-date", "planner-address",
)
"""The strings the page's script writes (the form's own words are in the page): what
/api/planner.json carries. The rest of STRINGS are the template's."""
