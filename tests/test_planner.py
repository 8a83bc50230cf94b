"""The planner's rules in Python (tests/planner_reference.py, the reference for planner.js),
/api/planner.json, the last-day reminder in the calendars, the `planner:` block's validation and
the timeline picture (generator/model/timeline.py).
The same rules in the browser: tests/browser/test_planner.py."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from icalendar import Calendar

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.model import timeline
from generator.model.errors import DataError
from generator.model.plan import SitePlan
from generator.publish import planner_api
from generator.publish.feeds import calendars
from tests import planner_reference as planner

from .helpers import CONTENT, DATA, TODAY

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


def test_the_earliest_month_is_the_month_of_the_earliest_day(site):
    """One computation: the earliest day and the earliest month shown beside it agree."""
    answer = plan(site, **{**HEALTH, "target": "2027-02"})
    assert (answer["earliest"], answer["earliest_month"], answer["too_early"]) == ("2027-02-25", "2027-02", False)
    assert answer["wanted"] == "2027-02-25"
    early = plan(site, **{**HEALTH, "target": "2027-01"})
    assert (early["earliest_month"], early["too_early"]) == ("2027-02", True)


def test_certified_and_uncertified(site):
    certified = plan(site, **HEALTH)
    assert certified["register"] and certified["rule"] == "required"
    assert (certified["lead_months"], certified["earliest"], certified["period"]) == \
        (3, "2027-02-25", "1/2027")
    assert certified["certainty"] == "example"  # the fixture's dates are examples
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
    minor = plan(site, sector="social", service="social-welfare-client-data-repository", certified="no",
                 change="minor")
    assert (minor["register"], minor["rule"]) == (False, "minor-change")
    first = plan(site, sector="social", service="register-access-right", certified="no", change="first")
    assert first["register"] and first["rule"] == "required"


@pytest.mark.parametrize("functionality", ["register-access-right", "social-welfare-document-groups"])
def test_a_functionality_always_needs_a_registration(site, functionality):
    """"None of these" is expanding a service already in use: a new functionality is not that."""
    assert site.project.service(functionality).kind == "functionality"
    answer = plan(site, sector="social", service=functionality, certified="yes", change="minor")
    assert (answer["register"], answer["rule"]) == (True, "required") and answer["period"]
    # With a service already in use expanded beside it, the functionality still decides.
    both = plan(site, sector="social", service=[functionality, "social-welfare-client-data-repository"],
                certified="yes", change="minor")
    assert (both["register"], both["rule"]) == (True, "required")


def test_the_vendor_question_follows_the_chosen_services_sources(site):
    """Asked wherever a chosen service's source states the exception: for Resepti pharmacies too;
    not for a service whose source does not."""
    pharmacy = plan(site, sector="pharmacy", service="prescription", certified="yes")
    assert pharmacy["errors"] == {"vendor_support": "planner-error-vendor-support"}
    covered = plan(site, sector="pharmacy", service="prescription", certified="yes", vendor_support="yes")
    assert (covered["register"], covered["rule"], covered["period"]) == (False, "vendor-support", None)
    # A health service taken into use outside the periods has no exception to ask about.
    kelain = plan(site, sector="health", service="kelain", certified="yes")
    assert kelain["errors"] == {} and kelain["rule"] == "not-required"
    # The exception covers what a chosen service's source states it for, nothing else.
    social = plan(site, sector="social", service="social-welfare-client-data-repository", certified="yes",
                  change="first", vendor_support="yes")
    assert (social["register"], social["rule"]) == (True, "required")


def test_a_plan_without_registration_has_no_registration_step(site):
    service = site.project.service("register-access-right")
    assert [i for i, step in enumerate(service.steps) if step.registers], "the fixture marks the step"
    needed = plan(site, sector="social", service=service.id, certified="yes", change="first")
    assert needed["steps"] == {service.id: list(range(len(service.steps)))}
    pdr = site.project.service("patient-data-repository")
    vendor = plan(site, **{**HEALTH, "vendor_support": "yes"})
    assert vendor["steps"] == {pdr.id: [i for i, step in enumerate(pdr.steps) if not step.registers]}
    assert len(vendor["steps"][pdr.id]) == len(pdr.steps) - 1
    minor = plan(site, sector="social", service="social-welfare-client-data-repository", certified="yes",
                 change="minor")
    swcdr = site.project.service("social-welfare-client-data-repository")
    assert minor["steps"] == {swcdr.id: [i for i, step in enumerate(swcdr.steps) if not step.registers]}


def test_a_functionality_takes_the_lead_time_of_the_data(site):
    rules = site.project.process.planner
    answer = plan(site, sector="social", service="register-access-right", certified="yes", change="new")
    assert (answer["lead"], answer["lead_months"]) == ("functionality", rules.lead_months_functionality)
    assert answer["earliest"] == planner.add_months(TODAY, rules.lead_months_functionality).isoformat()
    assert rules.lead_months_functionality != rules.lead_months_certified
    # Not certified: the certification takes its time whatever is taken into use.
    uncertified = plan(site, sector="social", service="register-access-right", certified="unknown", change="new")
    assert (uncertified["lead"], uncertified["lead_months"]) == ("uncertified", rules.lead_months_uncertified)
    # A service beside it: the service's lead time.
    mixed = plan(site, sector="social", service=["register-access-right", "social-welfare-client-data-repository"],
                 certified="yes", change="new")
    assert (mixed["lead"], mixed["lead_months"]) == ("certified", rules.lead_months_certified)


def test_prerequisite_services_are_listed(site):
    service = site.project.service("register-access-right")
    assert service.requires_services
    answer = plan(site, sector="social", service=service.id, certified="yes", change="new")
    assert answer["prerequisite_services"] == service.requires_services
    # A prerequisite chosen in the same plan is part of the plan, not something to have ready.
    both = plan(site, sector="social", service=[service.id, *service.requires_services], certified="yes",
                change="first")
    assert both["prerequisite_services"] == []


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
    assert body["rules"]["lead_months_functionality"] == rules.lead_months_functionality
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
    assert not [w for w in warnings if w.code == "planner-lead-time"]  # the fixture agrees
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

    # The fixture's periods: every date an example, so "confirmed" and "provisional" would explain
    # marks the picture does not have.
    assert legend(site.project.periods) == ["reg", "period", "event", "today", "example"]
    first, *rest = timeline.shown_periods(site.project.periods, TODAY)
    confirmed = first.model_copy(update={"dates": "confirmed", "events": []})
    assert legend([confirmed]) == ["reg", "period", "today", "confirmed"]
    provisional_event = first.model_copy(update={
        "dates": "confirmed", "events": [first.events[0].model_copy(update={"dates": "provisional"})]})
    assert legend([provisional_event, *rest]) == ["reg", "period", "event", "today", "confirmed",
                                                  "provisional", "example"]


# ---------------------------------------------------------------------------
# Any address gives a plan or the form's hints: parse_query and normalise, the same in planner.js
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("search, expected", [
    ("?__proto__=x&constructor=y&toString=1&hasOwnProperty=1",
     {"__proto__": ["x"], "constructor": ["y"], "toString": ["1"], "hasOwnProperty": ["1"]}),
    ("?sector=%E0%A4%A&certified=yes", {"certified": ["yes"]}),    # a cut escape: that pair only
    ("%=1&sector=health", {"sector": ["health"]}),
    ("service=%ED%A0%80&service=kelain", {"service": ["kelain"]}),  # a surrogate is not UTF-8
    ("certified=+yes+&target", {"certified": [" yes "], "target": [""]}),
    ("a=b=c&&a=%C3%A4", {"a": ["b=c", "ä"]}),
])
def test_parse_query_decodes_as_the_browser_does(search, expected):
    assert planner.parse_query(search) == expected


@pytest.mark.parametrize("value, expected", [
    (" yes\t\r\n\f", "yes"),
    ("\ufeffyes", "\ufeffyes"),      # a BOM is not whitespace: the value is no choice
    ("\x852027-05", "\x852027-05"),   # nor NEL
    ("\x1cyes\x1f", "\x1cyes\x1f"),  # nor the information separators Python's strip removes
    ("\u00a0yes", "\u00a0yes"),
])
def test_normalise_trims_ascii_whitespace_only(value, expected):
    assert planner.normalise(value) == expected


def test_odd_values_give_errors_naming_the_controls_or_a_plan(site):
    def answer(search):
        return planner.plan(site.project, planner.parse_query(search), TODAY)

    base = "sector=health&service=patient-data-repository&vendor_support=no"
    assert answer(base + "&certified=+yes+")["register"] is True
    assert answer(base + "&certified=%EF%BB%BFyes")["errors"] == {"certified": "planner-error-certified"}
    assert answer(base + "&certified=yes&target=%C2%852027-05")["errors"] == {"target": "planner-error-target"}
    assert answer(base + "&certified=yes&target=%1C2027-05")["errors"] == {"target": "planner-error-target"}
    assert answer("?__proto__=x&constructor=x&toString=1")["errors"] == {
        "sector": "planner-error-sector", "certified": "planner-error-certified"}


# The generated addresses: the form's own names and values, the ones that broke the page, escapes
# cut short, and characters each language's trim treats differently.
_NAMES = ["sector", "service", "certified", "vendor_support", "change", "target", "__proto__", "constructor",
          "toString", "hasOwnProperty", "valueOf"]
_VALUES = ["health", "social", "pharmacy", "vendor", "prescription", "patient-data-repository", "kelain",
           "register-access-right", "social-welfare-client-data-repository", "imaging-data-repository",
           "certificate-delivery", "yes", "no", "unknown", "first", "new", "expansion", "minor", "2027-01",
           "2027-05", "2027-09", "2028-02", ""]
_ODD = ["+", "%", "%A", "%E0%A4%A", "%C2%85", "%1C", "%EF%BB%BF", "\ufeff", "\x85", "\x1c", "\u00a0", "%20",
        "%2B", "%3D", "%26", "%ZZ", "%ED%A0%80", "%C3%A4", "\t", " ", "=", "&", "?"]


_FORMS = [
    [("sector", "health"), ("service", "patient-data-repository"), ("certified", "yes"), ("vendor_support", "no")],
    [("sector", "health"), ("service", "prescription"), ("service", "imaging-data-repository"),
     ("certified", "no"), ("vendor_support", "yes"), ("target", "2027-09")],
    [("sector", "health"), ("service", "certificate-delivery"), ("certified", "yes"), ("vendor_support", "no")],
    [("sector", "health"), ("service", "kelain"), ("certified", "unknown")],
    [("sector", "pharmacy"), ("service", "prescription"), ("certified", "yes"), ("vendor_support", "no"),
     ("target", "2027-05")],
    [("sector", "social"), ("service", "register-access-right"), ("certified", "yes"), ("change", "minor")],
    [("sector", "social"), ("service", "social-welfare-client-data-repository"), ("certified", "yes"),
     ("change", "minor"), ("target", "2027-01")],
    [("sector", "social"), ("service", "social-welfare-document-groups"),
     ("service", "social-welfare-client-data-repository"), ("certified", "no"), ("change", "first")],
]
"""Whole forms, each a plan before the generator bends it."""


def _queries():
    """Query strings: a whole form with up to three of its values wrapped in odd characters or
    its pairs dropped, junk pairs added; or a free mixture of the same pieces."""
    from hypothesis import strategies as st

    odd = st.sampled_from(_ODD)
    edit = st.tuples(st.integers(0, 6), st.sampled_from(["before", "after", "drop", "name"]), odd)

    def bend(form, edits, junk):
        pairs = list(form)
        for index, how, text in edits:
            if index >= len(pairs) or pairs[index] is None:
                continue
            name, value = pairs[index]
            pairs[index] = {"before": (name, text + value), "after": (name, value + text),
                            "drop": None, "name": (text + name, value)}[how]
        return "&".join([f"{p[0]}={p[1]}" for p in pairs if p] + junk)

    junk = st.lists(st.one_of(st.builds(lambda n, v: f"{n}={v}", st.sampled_from(_NAMES), odd), odd,
                              st.text(max_size=4)), max_size=2)
    form = st.builds(bend, st.sampled_from(_FORMS), st.lists(edit, max_size=3), junk)
    free = st.lists(st.one_of(st.sampled_from(_ODD + _NAMES + _VALUES), st.text(max_size=3)),
                    max_size=12).map("".join)
    return st.one_of(form, form, free).map(lambda q: "?" + q if q and q[0] != "?" else q)


def test_python_and_node_agree_on_generated_addresses(site):
    """The same generated query strings through planner.parse_query + plan and through
    planner.js's parseQuery + plan in Node: the same parsed query and the same answer, always
    (a plan or errors naming the controls; never an exception)."""
    import subprocess

    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    data = planner_api.planner_data(site)
    todays = [TODAY, D(2026, 12, 11), D(2026, 12, 12), D(2027, 9, 11)]
    script = TEMPLATE_DIR.parent.parent / "tests" / "node" / "planner_cases.js"

    @settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), database=None,
              phases=[Phase.generate])  # each failure names its address: no shrinking
    @given(st.lists(_queries(), min_size=100, max_size=100))
    def check(searches):
        cases = [{"search": s, "today": todays[i % len(todays)].isoformat()} for i, s in enumerate(searches)]
        run = subprocess.run(["node", str(script)], input=json.dumps({"data": data, "cases": cases}),
                             capture_output=True, text=True, encoding="utf-8", check=True, timeout=60)
        for case, got in zip(cases, json.loads(run.stdout), strict=True):
            query = planner.parse_query(case["search"])
            assert got["query"] == query, case
            answer = planner.plan(site.project, query, D.fromisoformat(case["today"]))
            assert got["answer"] == answer, case
            plans.append(not answer["errors"])

    plans: list[bool] = []
    check()
    assert sum(plans) >= len(plans) // 10, "too few generated addresses give a plan to compare"


def test_the_timeline_names_the_months_and_keeps_today_clear_of_the_labels(site):
    t = lambda key: site.project.strings[key]["fi"]  # noqa: E731
    date = lambda day: f"{day.day}.{day.month}.{day.year}"  # noqa: E731
    html = timeline.svg(site.project.periods, TODAY, t, date, "x")
    names = t("month-names-short").split()
    months = re.findall(r'<text class="kg-tl-month" x="([0-9.]+)" y="([0-9.]+)">([^<]+)</text>', html)
    assert months and all(name in names for _, _, name in months)
    # Room for each name: the labels stand at least MONTH_LABEL apart.
    xs = [float(x) for x, _, _ in months]
    assert all(b - a >= timeline.MONTH_LABEL - 0.1 for a, b in zip(xs, xs[1:], strict=False))
    # "Today" stands under the rows, below every year, month and period label (14 units high).
    today_y = float(re.search(r'<g class="kg-tl-today"[^>]*><line[^>]*/><text x="[0-9.]+" y="([0-9.]+)"',
                              html)[1])
    label_ys = [float(y) for y in re.findall(r'<text class="kg-tl-(?:year|month|label)" x="[0-9.]+" '
                                             r'y="([0-9.]+)"', html)]
    assert today_y - 14 > max(label_ys)
    height = float(re.search(r'viewBox="0 0 \d+ ([0-9.]+)"', html)[1])
    assert today_y <= height


def test_a_functionality_page_shows_no_general_duration(site):
    """The general 3–6 months / a year is about taking a service into use; a functionality's page
    says nothing of it (the planner's lead time for it follows lead_months_functionality)."""
    from generator.render.pages import render

    files = render(site)
    heading = "## " + site.project.strings["duration"]["fi"] + "\n"

    def page(service_id):
        return files[f"fi/docs/{site.by_key[f'service:{service_id}'].paths['fi']}"]

    functionality = site.project.service("register-access-right")
    assert functionality.kind == "functionality" and functionality.duration is None
    assert heading not in page(functionality.id)
    assert heading in page("patient-data-repository")


def test_hand_written_pages_and_the_planner_list_their_sources(site):
    """A content page's front matter `sources:` and the planner's (the process's) are listed last,
    as on the generated pages."""
    from generator.render.pages import render

    files = render(site)
    heading = "## " + site.project.strings["sources"]["fi"]
    with_sources = [page for page in site.project.pages if page.lang == "fi" and page.meta.sources]
    assert with_sources, "the fixture has a hand-written page with sources"
    for content in with_sources:
        text = files[f"fi/docs/{site.by_key[f'content:{content.meta.id}'].paths['fi']}"]
        assert heading in text and text.index(heading) > text.index(content.body.strip()[-40:])
        assert all(source.href("fi") in text.split(heading)[1] for source in content.meta.sources)
    planner_page = files[f"fi/docs/{site.by_key['planner'].paths['fi']}"]
    assert all(source.href("fi") in planner_page.split(heading)[1] for source in site.project.process.sources)


def test_an_event_online_and_on_site_is_worded_as_one_phrase(tmp_path):
    """"verkossa ja paikan päällä: <place>", never the place's name glued after "ja" in the wrong case."""
    from generator.render.pages import render

    shutil.copytree(DATA, tmp_path / "data")
    periods = tmp_path / "data" / "periods.yaml"
    text = periods.read_text(encoding="utf-8")
    assert "        online: false\n        place:" in text, "the fixture has an event on site"
    periods.write_text(text.replace("        online: false\n        place:", "        online: true\n        place:", 1),
                       encoding="utf-8")
    project, _ = load_project(tmp_path / "data", CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    files = render(site)
    s = project.strings
    period, event = next((p, e) for p in project.periods for e in p.events if e.online and e.place)
    page = files[f"fi/docs/{site.by_key[f'period:{period.id}'].paths['fi']}"]
    assert s["online-and-place"]["fi"].format(place=event.place["fi"]) in page
    assert f"{s['online']['fi']} {s['and']['fi']} {event.place['fi']}" not in page


def test_month_names_must_be_twelve(tmp_path):
    """The planner and the timeline pick a month's name by its number: a missing name is a check
    error at strings.yaml, not a crash of the build."""
    shutil.copytree(DATA, tmp_path / "data")
    strings = tmp_path / "data" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("  month-names-short:"))
    strings.write_text(text.replace(line, line.replace("joulu", "")), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_project(tmp_path / "data", CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    found = [p for p in err.value.problems if p.code == "month-names"]
    assert len(found) == 1 and found[0].file.endswith("strings.yaml")
    assert found[0].line == text.splitlines().index(line) + 1
    assert found[0].args == ("month-names-short", 11)


_GOLDEN_CASES = TEMPLATE_DIR.parent.parent / "tests" / "golden" / "planner-cases.json"


def _golden_searches() -> list[str]:
    """The whole forms, each with odd variants of its values, and the addresses that broke the page."""
    searches = []
    for form in _FORMS:
        plain = "&".join(f"{n}={v}" for n, v in form)
        searches += [plain, plain.replace("=", "=+", 1) + "+", plain.replace("certified=", "certified=%EF%BB%BF"),
                     plain + "&target=%C2%852027-05", plain.replace("service=", "service=%20", 1)]
    return searches + ["__proto__=x&constructor=x&toString=1&hasOwnProperty=1", "sector=%E0%A4%A&%=1", "",
                       "?sector=health&service=patient-data-repository&certified=yes&vendor_support=no&target=2027-01"]


def test_the_node_test_runner_agrees_with_the_python_reference(site, request):
    """tests/golden/planner-cases.json holds the Python reference's answers for fixed addresses and
    days; `node --test tests/node/` checks planner.js against it without a browser."""
    import subprocess

    todays = [TODAY, D(2026, 12, 11), D(2026, 12, 12), D(2027, 9, 11), D(2028, 3, 1)]
    cases = []
    for i, search in enumerate(_golden_searches()):
        today = todays[i % len(todays)]
        query = planner.parse_query(search)
        cases.append({"search": search, "today": today.isoformat(), "query": query,
                      "answer": planner.plan(site.project, query, today)})
    text = json.dumps({"data": planner_api.planner_data(site), "cases": cases}, ensure_ascii=False,
                      indent=1, sort_keys=True) + "\n"
    if request.config.getoption("--update-goldens"):
        _GOLDEN_CASES.write_text(text, encoding="utf-8")
    assert _GOLDEN_CASES.read_text(encoding="utf-8") == text, \
        "tests/golden/planner-cases.json is stale: pytest tests/test_planner.py --update-goldens"
    assert sum(1 for c in cases if not c["answer"]["errors"]) >= len(cases) // 3
    run = subprocess.run(["node", "--test", str(_GOLDEN_CASES.parent.parent / "node")], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
