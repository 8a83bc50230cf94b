"""The reference for the onboarding planner's rules: which period, by when, what to have ready.

The product is the reader's browser's script (`overrides/assets/planner.js`, fed by
`/api/planner.json` from generator/publish/planner_api.py). This module states the same rules a second
time, as pure functions over the validated project and a date, so the tests can compare: the
browser test and the Node test (tests/node/) run tables of scenarios through both and require
identical answers. Nothing in generator/ uses it.

The answer is a plain dict of ids and ISO dates (no text): each side words it from
data/strings.yaml. Its keys:

- `errors`: control name → strings.yaml key of the message (empty when the input is complete);
- `register`: whether to register for a period; `rule`: why (`required`, `vendor-support`,
  `minor-change`, `not-required`). A service not yet in use or a functionality (`kind:
  functionality`) always needs a registration, unless a chosen service's source states the
  full-vendor-support exception (`registration.vendor_exception`) and the reader says the vendor
  gives all the support; social welfare's "none of these" (`minor`) only covers expanding a
  service already in use (`kind: service`) without a new system profile;
- `lead`: which lead time applies (`certified`, `uncertified`, or `functionality` when every
  chosen service is a functionality and the system is certified: the source says such an
  extension can be ready soon after registering), `lead_months` its months;
- `earliest` (today + lead), `earliest_month` (the month of `earliest`: every month and date
  shown comes from this one computation), `wanted` (the later of `earliest` and the target
  month's first day), `too_early` (the target month is before `earliest_month`);
- `period`: the recommended period's id, or None; `none_published` when no period in the data
  qualifies (the schedule for that time is not published yet). Only the chosen services that
  need a registration decide it: a service taken into use outside the periods (Kelain) or
  covered by an exception does not rule a period out;
- `certainty`: the least sure state of the recommended period's dates (dates.DATE_STATES);
- `services`: the chosen services in the data's order; `steps`: for each of them, the indexes of
  its steps to do (a step marked `registers` is left out of a plan with no registration);
  `requirements`: their prerequisites, merged, in the data's order of requirements.yaml;
  `prerequisite_services`: the services that must be in use first (`requires_services`), merged,
  in the data's order, leaving out those chosen in the same plan.

The form's state comes from the address (`parse_query`): both sides decode it the same way and
normalise every value with `normalise` (the same rule in planner.js), so odd input gives the
same answer, a plan or errors naming the controls, never a failure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes

from generator.model.dates import period_states, weakest
from generator.model.planner import SCRIPT_STRINGS, STRINGS  # noqa: F401 (the tests read them here too)
from generator.model.schema import Period, Service

if TYPE_CHECKING:
    from generator.model.project import Project

CERTIFIED = ("yes", "no", "unknown")
YES_NO = ("yes", "no")
CHANGES = ("first", "new", "expansion", "minor")
_MONTH_RE = re.compile(r"([1-9][0-9]{3})-(0[1-9]|1[0-2])\Z")
_ASCII_WHITESPACE = " \t\n\f\r"
"""What `normalise` trims: HTML's ASCII whitespace (a '+' in the address is a space), nothing
else. A BOM, U+0085, U+00A0 or a control character stays in the value, so the value matches no
choice and the form names the control: Python's str.strip and JavaScript's trim would each
remove a different set of them."""
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")

Query = Mapping[str, Sequence[str]]
"""The form's state as the query string carries it: name → every value given (parse_query)."""


def normalise(value: str) -> str:
    """A form value as the rules read it: ASCII whitespace trimmed at both ends."""
    return value.strip(_ASCII_WHITESPACE)


def _decode(part: str) -> str | None:
    """A query-string component decoded as the browser's decodeURIComponent does ('+' is a
    space first); None where it would throw (a '%' without two hex digits, bytes that are not
    UTF-8)."""
    part = part.replace("+", " ")
    if _BAD_ESCAPE.search(part):
        return None
    try:
        return unquote_to_bytes(part).decode("utf-8")
    except UnicodeDecodeError:
        return None


def parse_query(search: str) -> dict[str, list[str]]:
    """The address's query string (with or without its '?') as name → values, in order. A pair
    whose name or value does not decode is left out, as planner.js's parseQuery does."""
    query: dict[str, list[str]] = {}
    for pair in search.removeprefix("?").split("&"):
        if not pair:
            continue
        name, sep, value = pair.partition("=")
        key, text = _decode(name), _decode(value) if sep else ""
        if key is None or text is None:
            continue
        query.setdefault(key, []).append(text)
    return query


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` + `months` calendar months, the day clamped to the month's end (30.11. + 3 → 28.2.)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def offered_services(project: Project, sector: str) -> list[str]:
    """The services the form offers for a sector: those of that sector, in the data's order."""
    return [s.id for s in project.services if sector in s.sectors]


def registers_in_periods(service: Service) -> bool:
    return service.registration.required and service.uses_periods


def vendor_question(service: Service) -> bool:
    """Whether choosing `service` asks about full vendor support: its source states the
    exception (for Resepti, any actor, pharmacies too)."""
    return registers_in_periods(service) and service.registration.vendor_exception


def _first_value(query: Query, name: str) -> str:
    values = query.get(name) or []
    return normalise(values[0]) if values else ""


def plan(project: Project, query: Query, today: dt.date) -> dict:
    """The planner's answer for the form state `query` on `today` (see the module docstring)."""
    rules = project.process.planner
    errors: dict[str, str] = {}
    sector = _first_value(query, "sector")
    if sector not in rules.sectors:
        errors["sector"] = "planner-error-sector"
        sector = ""
    offered = offered_services(project, sector) if sector else []
    chosen = {normalise(v) for v in query.get("service") or []}
    services = [sid for sid in offered if sid in chosen]
    if sector and not services:
        errors["service"] = "planner-error-service"
    certified = _first_value(query, "certified")
    if certified not in CERTIFIED:
        errors["certified"] = "planner-error-certified"
    by_id = {s.id: s for s in project.services}
    chosen_services = [by_id[sid] for sid in services]
    ask_vendor = any(vendor_question(s) for s in chosen_services)
    ask_change = bool(sector) and sector in rules.change_sectors
    vendor_support = _first_value(query, "vendor_support")
    if ask_vendor and vendor_support not in YES_NO:
        errors["vendor_support"] = "planner-error-vendor-support"
    change = _first_value(query, "change")
    if ask_change and change not in CHANGES:
        errors["change"] = "planner-error-change"
    target_text = _first_value(query, "target")
    target = None
    if target_text:
        m = _MONTH_RE.fullmatch(target_text)
        if m:
            target = dt.date(int(m[1]), int(m[2]), 1)
        else:
            errors["target"] = "planner-error-target"
    if errors:
        return {"errors": errors}

    vendor_rule = ask_vendor and vendor_support == "yes"
    minor_rule = ask_change and change in rules.no_registration_changes
    needing, covered = [], set()
    for s in chosen_services:
        if not registers_in_periods(s):
            continue
        if vendor_rule and s.registration.vendor_exception:
            covered.add("vendor-support")
        elif minor_rule and s.kind == "service":
            covered.add("minor-change")
        else:
            needing.append(s.id)
    rule = ("required" if needing else "vendor-support" if "vendor-support" in covered
            else "minor-change" if covered else "not-required")

    if certified != "yes":
        lead, lead_months = "uncertified", rules.lead_months_uncertified
    elif all(s.kind == "functionality" for s in chosen_services):
        lead, lead_months = "functionality", rules.lead_months_functionality
    else:
        lead, lead_months = "certified", rules.lead_months_certified
    earliest = add_months(today, lead_months)
    earliest_month = earliest.replace(day=1)
    wanted = max(earliest, target) if target else earliest
    register = bool(needing)
    answer: dict = {
        "errors": {}, "register": register, "rule": rule, "lead": lead, "lead_months": lead_months,
        "earliest": earliest.isoformat(), "earliest_month": earliest_month.isoformat()[:7],
        "wanted": wanted.isoformat(), "too_early": bool(target and target < earliest_month),
        "period": None, "none_published": False, "certainty": None,
        "services": services,
        "steps": {s.id: [i for i, step in enumerate(s.steps) if register or not step.registers]
                  for s in chosen_services},
        "requirements": [r.id for r in project.requirements
                         if any(r.id in s.requires for s in chosen_services)],
        "prerequisite_services": [s.id for s in project.services if s.id not in services
                                  and any(s.id in c.requires_services for c in chosen_services)],
    }
    if needing:
        period = recommended_period(project.periods, needing, today, wanted)
        if period is None:
            answer["none_published"] = True
        else:
            answer["period"] = period.id
            answer["certainty"] = weakest(*period_states(period))
    return answer


def recommended_period(periods: Sequence[Period], services: Sequence[str], today: dt.date,
                       wanted: dt.date) -> Period | None:
    """The first period by start that accepts every service, whose registration closes on or
    after today and which ends on or after `wanted`."""
    fits = [p for p in periods
            if all(sid in p.accepts for sid in services)
            and p.registration.closes >= today and p.end >= wanted]
    return min(fits, key=lambda p: p.start, default=None)
