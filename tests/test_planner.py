"""The planner's rules in Python (generator/planner.py), /api/planner.json, the last-day reminder in
the calendars, the `planner:` block's validation and the timeline picture (generator/timeline.py).
The same rules in the browser: tests/browser/test_planner.py."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from icalendar import Calendar

from generator import TEMPLATE_DIR, planner, planner_api, timeline
from generator.errors import DataError
from generator.feeds import calendars
from generator.plan import SitePlan
from generator.validate import load_project

from .conftest import CONTENT, DATA, TODAY

D = dt.date


@pytest.fixture(scope="module")
def site():
    project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    return SitePlan(project, TODAY)


def plan(site, today=TODAY, **query):
    return planner.plan(site.project, {k: v if isinstance(v, list) else [v] for k, v in query.items()}, today)


HEALTH = {"sector": "health", "service": "patient-data-repository", "certified": "yes",
          "vendor_support": "no"}


@pytest.mark.parametrize("day, months, expected", [
    (D(2026, 11, 25), 3, D(2027, 2, 25)),
    (D(2026, 11, 30), 3, D(2027, 2, 28)),   # clamped to the month's end
    (D(2027, 11, 30), 3, D(2028, 2, 29)),   # a leap year
    (D(2026, 1, 31), 12, D(2027, 1, 31)),
    (D(2026, 12, 15), 1, D(2027, 1, 15)),
])
def test_add_months(day, months, expected):
    assert planner.add_months(day, months) == expected


def test_month_start_on_or_after():
    assert planner.month_start_on_or_after(D(2027, 2, 25)) == D(2027, 3, 1)
    assert planner.month_start_on_or_after(D(2027, 3, 1)) == D(2027, 3, 1)
    assert planner.month_start_on_or_after(D(2027, 12, 2)) == D(2028, 1, 1)


def test_certified_and_uncertified(site):
    certified = plan(site, **HEALTH)
    assert certified["register"] and certified["rule"] == "required"
    assert (certified["lead_months"], certified["earliest"], certified["period"]) == \
        (3, "2027-02-25", "1/2027")
    assert certified["certainty"] == "example"  # the shipped dates are examples
    uncertified = plan(site, **{**HEALTH, "certified": "unknown"})
    assert (uncertified["lead_months"], uncertified["period"]) == (12, "3/2027")


def test_the_registration_closing_day_still_counts(site):
    assert plan(site, D(2026, 12, 11), **HEALTH)["period"] == "1/2027"
    assert plan(site, D(2026, 12, 12), **HEALTH)["period"] == "2/2027"


def test_after_the_last_period_nothing_is_published(site):
    answer = plan(site, D(2028, 3, 1), **HEALTH)
    assert answer["register"] and answer["period"] is None and answer["none_published"]


def test_vendor_support_and_minor_change(site):
    vendor = plan(site, **{**HEALTH, "vendor_support": "yes"})
    assert (vendor["register"], vendor["rule"], vendor["period"]) == (False, "vendor-support", None)
    minor = plan(site, sector="social", service="register-access-right", certified="no", change="minor")
    assert (minor["register"], minor["rule"]) == (False, "minor-change")
    first = plan(site, sector="social", service="register-access-right", certified="no", change="first")
    assert first["register"] and first["rule"] == "required"
    # Pharmacies are not asked about vendor support: the exception is health care's.
    pharmacy = plan(site, sector="pharmacy", service="prescription", certified="yes", vendor_support="yes")
    assert pharmacy["register"]


def test_a_service_outside_the_periods(site):
    kelain = plan(site, **{**HEALTH, "service": "kelain"})
    assert (kelain["register"], kelain["rule"]) == (False, "not-required")


def test_target_month(site):
    late = plan(site, **{**HEALTH, "target": "2027-09"})
    assert (late["wanted"], late["too_early"], late["period"]) == ("2027-09-01", False, "2/2027")
    early = plan(site, **{**HEALTH, "target": "2027-01"})
    assert early["too_early"] and early["earliest_month"] == "2027-03" and early["period"] == "1/2027"


def test_requirements_are_merged_without_duplicates(site):
    both = plan(site, **{**HEALTH, "service": ["patient-data-repository", "imaging-data-repository"]})
    assert len(both["requirements"]) == len(set(both["requirements"]))
    wanted = set(site.project.service("patient-data-repository").requires) | \
        set(site.project.service("imaging-data-repository").requires)
    assert set(both["requirements"]) == wanted


@pytest.mark.parametrize("query, errors", [
    ({}, {"sector", "certified"}),
    ({"sector": "vendor", "certified": "yes"}, {"sector"}),  # vendors are pointed elsewhere
    ({"sector": "health", "certified": "yes", "vendor_support": "no"}, {"service"}),
    ({"sector": "social", "service": "register-access-right", "certified": "maybe"}, {"certified", "change"}),
    ({**HEALTH, "target": "9/2027"}, {"target"}),
    ({**HEALTH, "target": "2027-13"}, {"target"}),
    ({**HEALTH, "target": "0000-05"}, {"target"}),
])
def test_errors_name_the_controls(site, query, errors):
    answer = plan(site, **query)
    assert set(answer["errors"]) == errors
    assert all(key in site.project.strings for key in answer["errors"].values())


def test_planner_json_has_the_rules_and_every_string(site):
    body = json.loads(planner_api.planner_json(site)["api/planner.json"])
    rules = site.project.process.planner
    assert body["rules"]["lead_months_certified"] == rules.lead_months_certified
    assert body["rules"]["vendor_support_sectors"] == site.project.process.vendor_exception_sectors
    assert set(body["strings"]) >= set(planner.SCRIPT_STRINGS)
    assert set(planner.SCRIPT_STRINGS) <= set(planner.STRINGS)
    # Every string the script asks for is in the file.
    script = (TEMPLATE_DIR.parent.parent / "overrides" / "assets" / "planner.js").read_text(encoding="utf-8")
    asked = set(re.findall(r'\bt\("([a-z0-9-]+)"\)', script))
    asked |= set(re.findall(r'"(planner-[a-z0-9-]+)"', script))
    asked = {k for k in asked if not k.endswith("-")} | {"planner-according-example",
                                                          "planner-according-provisional"}
    assert asked <= set(body["strings"]), asked - set(body["strings"])
    assert all(set(v) == {"fi", "sv"} for v in body["strings"].values())
    assert [p["id"] for p in body["periods"]] == [p.id for p in site.project.periods]
    assert body["periods"][0]["calendar"]["fi"].endswith("/fi/kalenteri/1-2026.ics")


def test_the_script_holds_no_text_and_no_rule_values():
    """Every word and number of a plan comes from the JSON: the script has no Finnish or Swedish
    text and none of the lead times."""
    script = (TEMPLATE_DIR.parent.parent / "overrides" / "assets" / "planner.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    assert not re.search(r"[äöåÄÖÅ]", code)
    # The lead times are read from the rules, never written as numbers.
    assert "rules.lead_months_certified" in code and "rules.lead_months_uncertified" in code
    assert not re.search(r"(lead|months)\w*\s*[:=]\s*[0-9]", code)
    assert not re.search(r"\?\s*(3|12)\s*:", code)
    assert "eval(" not in code and "innerHTML" not in code


def test_the_last_registration_day_has_its_own_event_with_a_reminder(site):
    files = calendars(site)
    cal = Calendar.from_ical(files["fi/kalenteri/1-2027.ics"])
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    last = events["registration-closes-1-2027-fi@kayttoonotto.kanta.fi"]
    assert last.decoded("dtstart") == D(2026, 12, 11)
    assert str(last["status"]) == "TENTATIVE" and "(esimerkki)" in str(last["summary"])
    alarms = last.walk("VALARM")
    assert len(alarms) == 1
    assert alarms[0].decoded("trigger") == -dt.timedelta(days=site.project.process.planner.reminder_days)
    assert str(alarms[0]["action"]) == "DISPLAY"
    # The window's block is still there.
    assert "registration-1-2027-fi@kayttoonotto.kanta.fi" in events


def test_an_unknown_sector_in_the_planner_block_is_an_error(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    process = tmp_path / "data" / "process.yaml"
    process.write_text(process.read_text().replace("  sectors: [health, social, pharmacy]",
                                                   "  sectors: [health, socal, pharmacy]"))
    with pytest.raises(DataError) as err:
        load_project(tmp_path / "data", CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    text = "\n".join(str(p) for p in err.value.problems)
    assert "process.yaml" in text and "socal" in text


def test_timeline_draws_the_periods_not_yet_over(site):
    t = lambda key: site.project.strings[key]["fi"]  # noqa: E731
    date = lambda day: f"{day.day}.{day.month}.{day.year}"  # noqa: E731
    html = timeline.svg(site.project.periods, TODAY, t, date, "x")
    shown = timeline.shown_periods(site.project.periods, TODAY)
    assert [p.id for p in shown] == [p.id for p in site.project.periods if p.end >= TODAY]
    assert html.count('class="kg-tl-period ') == len(shown)
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    for p in shown:  # the text alternative has every period with its dates and their state
        assert f"{t('title-period').format(id=p.id)}: " in html
    assert "(esimerkki)" in html and "kg-tl--example" in html
    assert "style=" not in html and "\n\n" not in html  # CSP; one raw HTML block for Markdown
    assert html == timeline.svg(site.project.periods, TODAY, t, date, "x")
    assert timeline.svg(site.project.periods, D(2030, 1, 1), t, date, "x") == ""
    assert len(timeline.shown_periods(site.project.periods, TODAY, 3)) == 3


def test_each_language_has_its_own_compact_file(site):
    files = planner_api.planner_json(site)
    full = json.loads(files["api/planner.json"])
    for lang in site.project.languages:
        body = files[f"api/planner.{lang}.json"]
        assert b"\n" not in body.rstrip(b"\n")  # compact
        mine = json.loads(body)
        assert set(mine["strings"]) == set(full["strings"])
        assert all(set(v) == {lang} for v in mine["strings"].values())
        assert mine["services"][0]["name"] == {lang: full["services"][0]["name"][lang]}
        assert mine["rules"] == full["rules"]
        # Only what a plan made on or after the build date can show.
        assert [p["id"] for p in mine["periods"]] == [p.id for p in site.project.periods
                                                       if p.registration.closes >= site.today]
        assert {s["id"] for s in mine["services"]} == {
            s.id for s in site.project.services if set(s.sectors) & set(mine["rules"]["sectors"])}
        assert len(body) < 0.8 * len(files["api/planner.json"])


def test_a_lead_time_that_differs_from_the_duration_estimate_is_a_warning(tmp_path):
    """The planner's lead times and the process page's estimates are one fact written twice."""
    shutil.copytree(DATA, tmp_path / "data")
    _, warnings = load_project(tmp_path / "data", CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    assert not [w for w in warnings if w.code == "planner-lead-time"]  # the shipped data agrees
    process = tmp_path / "data" / "process.yaml"
    text = process.read_text()
    process.write_text(text.replace("  lead_months_uncertified: 12", "  lead_months_uncertified: 9"))
    _, warnings = load_project(tmp_path / "data", CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    found = [w for w in warnings if w.code == "planner-lead-time"]
    line = text.splitlines().index("  lead_months_uncertified: 12") + 1
    assert len(found) == 1 and found[0].line == line and found[0].file.endswith("process.yaml")
    assert found[0].args == ("uncertified", 9, 12)
    assert "lead_months_uncertified" in found[0].message and "12" in found[0].message


def test_the_timeline_legend_names_only_what_it_draws(site):
    t = lambda key: site.project.strings[key]["fi"]  # noqa: E731
    date = lambda day: f"{day.day}.{day.month}.{day.year}"  # noqa: E731

    def legend(periods) -> list[str]:
        html = timeline.svg(periods, TODAY, t, date, "x")
        return re.findall(r"kg-tl-key--(\w+)", html.split('class="kg-tl-legend"')[1])

    # The shipped periods: every date an example, so "confirmed" and "provisional" would explain
    # marks the picture does not have.
    assert legend(site.project.periods) == ["reg", "period", "event", "today", "example"]
    first, *rest = timeline.shown_periods(site.project.periods, TODAY)
    confirmed = first.model_copy(update={"dates": "confirmed", "events": []})
    assert legend([confirmed]) == ["reg", "period", "today", "confirmed"]
    provisional_event = first.model_copy(update={
        "dates": "confirmed", "events": [first.events[0].model_copy(update={"dates": "provisional"})]})
    assert legend([provisional_event, *rest]) == ["reg", "period", "event", "today", "confirmed",
                                                  "provisional", "example"]
