"""The onboarding planner in real headless Chromium, under the site's real headers (strict CSP).

- The differential test: a handful of the rule table (sectors × services × certified × target ×
  several `today`s, an error, odd addresses) goes through tests/planner_reference.py and, as a query
  string on the built page with the browser's clock moved, through overrides/assets/planner.js; the
  answers (#plan-result[data-plan]) must be identical. The whole table and generated addresses are
  compared in Node (tests/test_planner.py, tests/node/).
- The cases the issue lists, with a moved clock, read as a reader reads them (the visible text).
- axe (0 violations) before and after filling, each language and each width once; keyboard only;
  the error summary; the script's size. (`make screenshots` takes its pictures: empty, filled, print.)
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from urllib.parse import urlencode

import pytest

from generator.model import dates
from tests import planner_reference as planner

from .support import NOON_UTC, WIDTHS, Auditor, interact

D = dt.date
TODAYS = [
    D(2026, 11, 25),  # the build's date: 1/2027's registration is open
    D(2026, 12, 11),  # the last registration day of 1/2027
    D(2026, 12, 12),  # the day after it: 1/2027 is out
    D(2027, 9, 10),   # the last registration day of the last period in the data (3/2027)
    D(2027, 9, 11),   # no registration left open in the data
    D(2028, 2, 1),    # after the last period
]
QUERIES = [
    {"sector": "health", "service": ["patient-data-repository"], "certified": "yes", "vendor_support": "no"},
    {"sector": "health", "service": ["patient-data-repository", "imaging-data-repository"],
     "certified": "no", "vendor_support": "no", "target": "2027-09"},
    {"sector": "health", "service": ["prescription"], "certified": "unknown", "vendor_support": "yes"},
    {"sector": "health", "service": ["kelain"], "certified": "yes", "vendor_support": "no"},
    {"sector": "social", "service": ["social-welfare-client-data-repository"], "certified": "yes",
     "change": "first", "target": "2027-01"},
    {"sector": "social", "service": ["social-welfare-client-data-repository"], "certified": "no",
     "change": "minor"},
    {"sector": "social", "service": ["register-access-right"], "certified": "yes", "change": "expansion",
     "target": "2027-06"},
    {"sector": "pharmacy", "service": ["prescription"], "certified": "yes", "vendor_support": "no",
     "target": "2027-04"},
    # A functionality with "none of these": still a registration, with the functionality's lead time.
    {"sector": "social", "service": ["register-access-right", "social-welfare-document-groups"],
     "certified": "yes", "change": "minor"},
    {"sector": "pharmacy", "service": ["prescription"], "certified": "no", "vendor_support": "yes"},
    {"sector": "health", "service": ["certificate-delivery"], "certified": "yes", "vendor_support": "no",
     "target": "2027-01"},
]
ERRORS = [
    {"certified": "yes"},                                               # no sector
    {"sector": "health", "certified": "yes", "vendor_support": "no"},   # no service
    {"sector": "social", "service": ["register-access-right"], "certified": "no"},  # change missing
    {"sector": "health", "service": ["prescription"], "certified": "yes", "vendor_support": "no",
     "target": "2027-13"},                                              # not a month
    {"sector": "pharmacy", "service": ["patient-data-repository"], "certified": "yes"},  # not offered
    {"sector": "health", "service": ["kelain"], "certified": "no", "vendor_support": "yes",
     "target": "0999-05"},                                              # no such year
]
ODD = [
    "?__proto__=x&constructor=x&toString=1&hasOwnProperty=1",   # names every object inherits
    "?sector=%E0%A4%A&%=1",                                       # escapes that do not decode
    "?sector=health&service=patient-data-repository&certified=%EF%BB%BFyes&vendor_support=no",  # a BOM
    "?sector=health&service=patient-data-repository&certified=yes&vendor_support=no&target=%C2%852027-05",
    "?sector=health&service=patient-data-repository&certified=yes&vendor_support=no&target=%1C2027-05",
    "?sector=health&service=patient-data-repository&certified=yes&vendor_support=no&target=%C2%A0",  # NBSP
    "?sector=+health+&service=patient-data-repository&certified=+yes+&vendor_support=%09no",  # a plan
]
"""Addresses that stopped the page: each gives the form's hints or a plan, the same on both sides."""
SCENARIOS = ([(today, q) for today in TODAYS for q in QUERIES] + [(TODAYS[0], q) for q in ERRORS]
             + [(TODAYS[0], q) for q in ODD])
"""The rule table (tests/test_planner.py and Node compare the two implementations on it and on
generated addresses, without a browser)."""
IN_BROWSER = ([(TODAYS[i % len(TODAYS)], q) for i, q in enumerate(QUERIES)]
              + [(TODAYS[0], ERRORS[0]), (TODAYS[0], ODD[0]), (TODAYS[0], ODD[-1])])
"""A handful of the table end to end: each query once, the days in turn, an error and two odd
addresses, read by the built page from its address under its CSP with the browser's clock moved."""


def query_string(query: dict | str) -> str:
    return query.removeprefix("?") if isinstance(query, str) else urlencode(query, doseq=True)


@pytest.fixture(scope="module")
def planner_urls(page_plan):
    return {lang: page_plan.url("planner", lang) for lang in page_plan.project.languages}


@pytest.fixture
def planner_page(new_page, planner_urls):
    """Factory: the planner with the clock at `today`, opened with `query`, its script done."""
    def open_(lang: str = "fi", today: dt.date = TODAYS[0], query: dict | None = None, width: int = 1280):
        page = new_page(width)
        page.clock.set_fixed_time(dt.datetime.combine(today, NOON_UTC))
        go(page, planner_urls[lang], query)
        return page
    return open_


def go(page, url: str, query: dict | str | None) -> None:
    page.goto(url + (f"?{query_string(query)}" if query else ""))
    page.wait_for_selector("#kg-planner[data-ready]", state="attached")


def answer_of(page) -> dict:
    return json.loads(page.locator("#plan-result").get_attribute("data-plan"))


def python_answer(project, query: dict, today: dt.date) -> dict:
    return planner.plan(project, planner.parse_query(query_string(query)), today)


def test_the_scenario_table_is_wide_enough(page_plan):
    """At least 30 scenarios, and they really cover the cases: each rule, a recommended period, no
    period published, a target that is too early, and errors."""
    assert len(SCENARIOS) >= 30
    answers = [python_answer(page_plan.project, q, today) for today, q in SCENARIOS]
    rules = {a["rule"] for a in answers if not a["errors"]}
    assert rules == {"required", "vendor-support", "minor-change", "not-required"}
    assert any(a.get("period") for a in answers)
    assert any(a.get("none_published") for a in answers)
    assert any(a.get("too_early") for a in answers)
    assert sum(1 for a in answers if a["errors"]) == len(ERRORS) + len(ODD) - 1  # the last odd one plans
    assert {a["lead"] for a in answers if not a["errors"]} == {"certified", "uncertified", "functionality"}
    assert any(a["prerequisite_services"] for a in answers if not a["errors"])
    # The closing day still recommends that period; the day after, the next one.
    first = QUERIES[0]
    assert python_answer(page_plan.project, first, D(2026, 12, 11))["period"] == "1/2027"
    assert python_answer(page_plan.project, first, D(2026, 12, 12))["period"] == "2/2027"
    # The handful the browser runs still meets every rule, a published period and an error.
    handful = [python_answer(page_plan.project, q, today) for today, q in IN_BROWSER]
    assert {a["rule"] for a in handful if not a["errors"]} == rules
    assert any(a.get("period") for a in handful) and any(a["errors"] for a in handful)


def test_python_and_script_give_identical_answers(new_page, planner_urls, page_plan):
    """The differential test in the browser: the page's answers are the reference's."""
    page = new_page(1280)
    differences = []
    for today, query in IN_BROWSER:
        page.clock.set_fixed_time(dt.datetime.combine(today, NOON_UTC))
        go(page, planner_urls["fi"], query)
        expected = python_answer(page_plan.project, query, today)
        got = answer_of(page)
        if got != expected:
            differences.append(f"{today} {query_string(query)}:\n  python {expected}\n  script {got}")
    assert not differences, "\n".join(differences)


# ---------------------------------------------------------------------------
# The cases of the issue, as a reader sees them
# ---------------------------------------------------------------------------


def text_of(page) -> str:
    return " ".join(page.locator("#plan-result").inner_text().split())


def test_certified_system_gets_the_next_period_and_its_last_day(planner_page, page_plan):
    today = D(2026, 11, 25)
    page = planner_page("fi", today, QUERIES[0])
    period = next(p for p in page_plan.project.periods if p.id == answer_of(page)["period"])
    assert period.id == "1/2027"  # 25.11.2026 + 3 months = 25.2.2027; 1/2027 ends 30.4.2027
    text = text_of(page)
    s = page_plan.project.strings
    assert s["planner-last-day"]["fi"].format(date="11.12.2026") in text.replace(" esimerkki", "")
    assert "käyttöönottojakso 1/2027" in text  # the period by its name in running text
    # Example dates: the plan says which schedule it follows, in the site's words.
    assert period.dates == "example" and s["planner-according-example"]["fi"] in text
    assert "esimerkkiaikataulun mukaan" in text
    link = page.locator("#plan-result a.kg-plan-calendar")
    assert link.get_attribute("href").endswith("/fi/kalenteri/1-2027.ics")


def test_uncertified_system_needs_a_year(planner_page, page_plan):
    query = {**QUERIES[0], "certified": "no"}
    page = planner_page("sv", D(2026, 11, 25), query)
    answer = answer_of(page)
    assert answer["lead_months"] == 12 and answer["earliest"] == "2027-11-25" and answer["lead"] == "uncertified"
    assert answer["period"] == "3/2027"  # the first one ending after 25.11.2027
    text = text_of(page)
    assert "Sista anmälningsdagen är 10.9.2027" in text
    assert "enligt exempeltidtabellen" in text


def test_vendor_support_needs_no_registration(planner_page, page_plan):
    query = {"sector": "health", "service": ["patient-data-repository"], "certified": "yes",
             "vendor_support": "yes"}
    page = planner_page("fi", D(2026, 11, 25), query)
    assert answer_of(page)["register"] is False
    text = text_of(page)
    s = page_plan.project.strings
    assert s["planner-register-no"]["fi"] in text and s["planner-rule-vendor-support"]["fi"] in text
    assert text.count(s["planner-events-optional"]["fi"]) == 1
    assert s["planner-last-day"]["fi"].split("{")[0] not in text
    # No step of registering is left to do.
    service = page_plan.project.service("patient-data-repository")
    steps = page.locator("#plan-result ol li").all_inner_texts()
    registering = [st.title["fi"] for st in service.steps if st.registers]
    assert registering and not [t for t in steps if any(t.startswith(r) for r in registering)]
    assert len(steps) == len(service.steps) - len(registering)


def test_pharmacies_are_asked_about_vendor_support_for_resepti(planner_page, page_plan):
    page = planner_page("sv", D(2026, 11, 25), {"sector": "pharmacy", "service": ["prescription"],
                                                "certified": "yes"})
    assert page.locator("#field-vendor_support").is_visible()
    page.locator("label[for=vendor_support-yes]").click()
    assert answer_of(page)["rule"] == "vendor-support"
    assert page_plan.project.strings["planner-rule-vendor-support"]["sv"] in text_of(page)
    page.locator("label[for=service-prescription]").click()  # no service with the exception chosen
    assert page.locator("#field-vendor_support").is_hidden()


def test_a_functionality_registers_with_its_own_lead_time_and_prerequisites(planner_page, page_plan):
    page = planner_page("fi", D(2026, 11, 25), QUERIES[8])
    answer = answer_of(page)
    assert (answer["register"], answer["lead"]) == (True, "functionality")
    s = page_plan.project.strings
    text = text_of(page)
    assert s["planner-register-yes"]["fi"] in text and s["planner-lead-functionality"]["fi"] in text
    assert s["planner-lead-months"]["fi"].split("{")[0] not in text
    # Mitä pitää olla valmiina: the service that must be in use first, linked to its page.
    prerequisite = page_plan.project.service("social-welfare-client-data-repository")
    link = page.locator("#plan-result ul a", has_text=prerequisite.name["fi"])
    assert link.count() == 1 and link.get_attribute("href") == page_plan.url(f"service:{prerequisite.id}", "fi")
    assert s["planner-ready-services"]["fi"] in text
    # The recommended period by its name in running text, the window with its date state.
    assert "käyttöönottojakso " + answer["period"] in text
    window = page.locator("#plan-result p", has_text=s["planner-window"]["fi"].split("{")[0].strip())
    assert window.locator("[data-dates=example]").count() == 1


def test_a_single_service_is_named_in_the_singular(planner_page, page_plan):
    page = planner_page("fi", D(2026, 11, 25), QUERIES[3])  # Kelain alone
    assert page_plan.project.strings["planner-rule-not-required-one"]["fi"] in text_of(page)


def test_odd_addresses_leave_the_page_working(planner_page, page_plan):
    """Each stops nothing: the script finishes (data-ready) and shows the form's hints or a plan."""
    for search in ODD[:2]:
        page = planner_page("fi", D(2026, 11, 25), search)
        assert page.locator("#plan-result").is_visible()
        assert answer_of(page)["errors"] == {"sector": "planner-error-sector",
                                             "certified": "planner-error-certified"}
    page = planner_page("fi", D(2026, 11, 25), ODD[-1])
    assert answer_of(page)["register"] is True and page.locator("#sector-health").is_checked()


def test_social_welfare_minor_change_needs_no_registration(planner_page, page_plan):
    page = planner_page("sv", D(2026, 11, 25), QUERIES[5])
    assert answer_of(page)["rule"] == "minor-change"
    assert page_plan.project.strings["planner-rule-minor-change"]["sv"] in text_of(page)
    # The vendor question is not asked of social welfare; the change question is.
    assert page.locator("#field-vendor_support").is_hidden()
    assert page.locator("#field-change").is_visible()


def test_a_target_month_too_early_says_so(planner_page):
    query = {**QUERIES[0], "target": "2027-01"}
    page = planner_page("fi", D(2026, 11, 25), query)
    answer = answer_of(page)
    assert answer["too_early"] and answer["earliest_month"] == "2027-02"
    # Months in words (a period's id is number/year), the month of the earliest day beside it.
    expected = "Tavoitekuukausi tammikuu 2027 on liian aikaisin. Aikaisin realistinen kuukausi on helmikuu 2027."
    assert expected in text_of(page) and "25.2.2027" in text_of(page)


def test_a_shared_plan_is_restored_from_its_address(planner_page):
    query = QUERIES[1]
    page = planner_page("fi", D(2026, 11, 25), query)
    assert page.locator("#sector-health").is_checked()
    assert page.locator("#service-patient-data-repository").is_checked()
    assert page.locator("#service-imaging-data-repository").is_checked()
    assert not page.locator("#service-prescription").is_checked()
    assert page.locator("#certified-no").is_checked()
    assert page.locator("#target").input_value() == "2027-09"
    assert page.locator("#service-social-welfare-client-data-repository").is_hidden()
    # Changing the form rewrites the address, so copying it shares the new plan.
    page.locator("label[for=certified-yes]").click()
    assert "certified=yes" in page.url and answer_of(page)["lead_months"] == 3


def test_a_service_page_link_preselects_the_service(new_page, page_plan, planner_urls):
    page = new_page(375)
    page.goto(page_plan.url("service:patient-data-repository", "fi"))
    link = page.locator("a[href*='?service=patient-data-repository']")
    assert link.count() == 1
    link.click()
    page.wait_for_selector("#kg-planner[data-ready]", state="attached")
    assert page.locator("#sector-health").is_checked()
    assert page.locator("#service-patient-data-repository").is_checked()
    assert page.locator("#plan-errors").is_hidden(), "a preselected form is not a mistake yet"


def test_errors_are_next_to_the_control_and_linked_from_a_summary(planner_page, page_plan):
    page = planner_page("fi", D(2026, 11, 25), None, width=375)
    page.locator("label[for=sector-social]").click()
    page.locator("button[type=submit]").click()
    summary = page.locator("#plan-errors")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "plan-errors"
    s = page_plan.project.strings
    links = summary.locator("a")
    assert links.all_text_contents() == [s["planner-error-service"]["fi"], s["planner-error-certified"]["fi"],
                                         s["planner-error-change"]["fi"]]
    assert page.locator("#error-service").inner_text() == s["planner-error-service"]["fi"]
    assert "error-service" in page.locator("#field-service").get_attribute("aria-describedby")
    links.first.click()
    assert page.evaluate("document.activeElement.name") == "service"


def test_the_print_view_shows_the_plan_alone(planner_page):
    page = planner_page("fi", D(2026, 11, 25), QUERIES[0], width=1280)
    page.emulate_media(media="print")
    assert page.locator("#kg-planner").is_hidden()
    assert page.locator("#plan-result").is_visible()
    meta = page.locator(".kg-plan-meta")
    assert meta.is_visible()
    text = meta.inner_text()
    assert "Kanta-palvelujen käyttöönotto" in text and "25.11.2026" in text and "/fi/suunnittele/" in text
    assert page.locator(".kg-plan-actions").is_hidden()
    assert page.locator(".md-header").is_hidden()


def test_keyboard_alone(planner_page):
    """Tab and Space only: choose the sector, a service and the answers, then submit with Enter."""
    page = planner_page("fi", D(2026, 11, 25), None)

    def tab_to(predicate: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"(() => {{ const e = document.activeElement; return {predicate}; }})()"):
                return
        raise AssertionError(f"Tab never reached {predicate}")

    tab_to("e.name === 'sector'")
    page.keyboard.press("Space")  # the first sector: health
    tab_to("e.id === 'service-patient-data-repository'")
    page.keyboard.press("Space")
    tab_to("e.name === 'certified'")
    page.keyboard.press("Space")
    tab_to("e.name === 'vendor_support'")
    page.keyboard.press("ArrowDown")  # a radio group: the arrow moves and checks (no)
    tab_to("e.type === 'submit'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "plan-result-title"
    answer = answer_of(page)
    assert answer["services"] == ["patient-data-repository"] and answer["register"] is True
    assert page.locator("#vendor_support-no").is_checked()


def test_the_result_is_a_live_region(planner_page):
    page = planner_page()
    region = page.locator("#plan-result")
    assert region.get_attribute("aria-live") == "polite"
    assert region.is_visible()


def test_the_script_is_small(full_site):
    body = (full_site / "fi" / "assets" / "planner.js").read_bytes()
    assert len(gzip.compress(body, 9)) <= 10 * 1024


def test_without_javascript_the_rules_and_the_table_show(new_page, planner_urls, page_plan):
    page = new_page(375, js=False)
    page.goto(planner_urls["sv"])
    s = page_plan.project.strings
    assert page.locator("h2", has_text=s["planner-nojs-title"]["sv"]).is_visible()
    table = page.locator("table").last
    assert table.is_visible()
    # Every upcoming period's last registration day, as of the build date.
    for period in page_plan.project.periods:
        if period.registration.closes >= page_plan.today:
            assert period.id in table.inner_text()
    assert page.locator("#plan-result").is_hidden(), "an empty result box would promise what never comes"


@pytest.mark.parametrize(("lang", "width"), [("fi", WIDTHS["mobile"]), ("sv", WIDTHS["desktop"])],
                         ids=["fi-mobile", "sv-desktop"])
def test_axe_before_and_after_filling(planner_page, lang, width):
    """The planner as loaded is audited with every page type (test_axe.py); its error and plan
    states here, each language and each width once."""
    auditor = Auditor()
    page = planner_page(lang, D(2026, 11, 25), None, width=width)
    problems = auditor.problems(page, page.url, width)
    interact(page)
    page.locator(f"label[for=sector-{'social'}]").click()
    page.locator("button[type=submit]").click()  # with errors showing
    problems += auditor.problems(page, page.url + " (errors)", width)
    go(page, page.url.split("?")[0], QUERIES[4])
    interact(page)
    problems += auditor.problems(page, page.url, width)
    assert not problems, "\n".join(problems)


def test_dates_module_agrees_on_certainty(page_plan):
    """The certainty the script words the plan by is dates.weakest of the period's dates."""
    import generator.publish.planner_api as api

    data = api.planner_data(page_plan)
    for period, exported in zip(page_plan.project.periods, data["periods"], strict=True):
        assert exported["certainty"] == dates.weakest(*dates.period_states(period))


def test_a_lead_time_of_one_month_is_singular(new_page, planner_urls, page_plan):
    """The words follow the number: "1 kuukausi" / "1 månad" (the lead time changed in the page's
    data on its way, as an editor's `lead_months_certified: 1` would)."""
    s = page_plan.project.strings
    for lang in ("fi", "sv"):
        page = new_page(1280)
        page.clock.set_fixed_time(dt.datetime.combine(D(2026, 11, 25), NOON_UTC))

        def one_month(route):
            body = route.fetch().json()
            body["rules"]["lead_months_certified"] = 1
            route.fulfill(json=body)

        page.route(f"**/api/planner.{lang}.json", one_month)
        go(page, planner_urls[lang], QUERIES[0])
        assert answer_of(page)["lead_months"] == 1
        text = text_of(page)
        assert s["planner-lead-months-one"][lang].format(date="25.12.2026") in text
        assert s["planner-lead-months"][lang].format(months=1, date="25.12.2026") not in text
