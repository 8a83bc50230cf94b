"""kg.js re-evaluates the build-time period status with the reader's clock.

The browser clock is set before, during and after a period's registration
window (and after the period); the status must follow, with the same rules as
generator/model/dates.py (the oracle here), and the "as of <build date>" note must go.
Its wording follows how sure the dates it comes from are (dates.status_certainty):
"… esimerkkiaikataulun mukaan …" for the fixture's example dates.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.model import dates

from .support import NOON_UTC


def label_key(period, key: str) -> str:
    """The key of kg-labels that kg.js must write for `key` (dates.status_key without the prefix)."""
    sure = dates.status_certainty(period, key)
    return key if sure == "confirmed" else f"{key}-{sure}"


def moments(period) -> dict[str, dt.date]:
    reg = period.registration
    return {
        "before": reg.opens - dt.timedelta(days=1),
        "opening-day": reg.opens,
        "during": reg.opens + (reg.closes - reg.opens) / 2,
        "closing-day": reg.closes,
        "after": reg.closes + dt.timedelta(days=1),
        "after-the-period": period.end + dt.timedelta(days=1),
    }


@pytest.fixture(scope="module")
def period_page(page_type, page_plan):
    t = page_type("period")
    return t, page_plan.by_key[t.key].context["period"]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_status_follows_the_clock(new_page, period_page, lang):
    page_type, period = period_page
    expected_keys = {name: dates.period_status(period, day) for name, day in moments(period).items()}
    # The window must really be crossed: upcoming → open → closed.
    assert expected_keys["before"] == "registration-upcoming"
    assert expected_keys["during"] == "registration-open"
    assert expected_keys["after"] not in ("registration-upcoming", "registration-open")
    page = new_page(1280)
    for name, day in moments(period).items():
        page.clock.set_fixed_time(dt.datetime.combine(day, NOON_UTC))
        page.goto(page_type.urls[lang])
        labels = json.loads(page.locator("script#kg-labels").text_content())
        status = page.locator(".kg-status").first
        key = expected_keys[name]
        page.wait_for_function("el => el.hasAttribute('data-live')", arg=status.element_handle())
        assert status.get_attribute("data-live") == day.isoformat(), f"{name}: the clock was not {day}"
        assert status.text_content().strip() == labels[label_key(period, key)], \
            f"{name} ({day}): {status.text_content()!r}"
        assert status.text_content().strip() != labels[key], "a status from example dates reads as fact"
        assert f"kg-status--{key}" in status.get_attribute("class")
        assert page.locator(".kg-asof").first.is_hidden(), "the as-of note must hide when JS ran"


def test_every_status_on_the_schedule_updates(new_page, page_type, page_plan):
    """All rows of the schedule follow the clock, not only the first one."""
    day = dt.date(2031, 1, 1)  # after every period in the data: everything is past
    page = new_page(1280)
    page.clock.set_fixed_time(dt.datetime.combine(day, NOON_UTC))
    page.goto(page_type("schedule").urls["fi"])
    labels = json.loads(page.locator("script#kg-labels").text_content())
    page.wait_for_selector(".kg-status[data-live]")
    texts = page.locator(".kg-status").all_text_contents()
    assert len(texts) == len(page_plan.project.periods)
    assert all(dates.period_status(p, day) == "past" for p in page_plan.project.periods)
    assert texts == [labels[label_key(p, "past")] for p in page_plan.project.periods]
    assert all(not el.is_visible() for el in page.locator(".kg-asof").all())


@pytest.mark.parametrize("utc, helsinki", [
    (dt.datetime(2026, 7, 1, 21, 30, tzinfo=dt.UTC), dt.date(2026, 7, 2)),    # EEST: 00:30
    (dt.datetime(2026, 1, 15, 21, 30, tzinfo=dt.UTC), dt.date(2026, 1, 15)),  # EET: 23:30
    (dt.datetime(2026, 1, 15, 22, 0, tzinfo=dt.UTC), dt.date(2026, 1, 16)),   # EET: midnight
    (dt.datetime(2026, 7, 1, 20, 59, tzinfo=dt.UTC), dt.date(2026, 7, 1)),    # EEST: 23:59
])
def test_today_is_helsinkis_date_in_the_hour_the_offsets_disagree(new_page, page_type, utc, helsinki):
    """kg.js takes Helsinki's date from UTC+2/UTC+3 when both agree and asks the time-zone
    formatter only when they do not (21-22 UTC): both ways must give Helsinki's date."""
    page = new_page(1280)
    page.clock.set_fixed_time(utc)
    page.goto(page_type("schedule").urls["fi"])
    page.wait_for_selector(".kg-status[data-live]", state="attached")
    assert page.locator(".kg-status").first.get_attribute("data-live") == helsinki.isoformat()


@pytest.mark.parametrize("reg, period, day, expected", [
    ("confirmed", "example", "2026-11-01", "registration-open"),  # the window's own dates decide
    ("confirmed", "example", "2027-02-01", "ongoing-example"),  # now the period's dates do too
    ("provisional", "confirmed", "2026-12-20", "starting-provisional"),
    ("example", "example", "2026-11-01", "registration-open-example"),
    (None, None, "2026-11-01", "registration-open"),  # a page cached from before: its old wording
])
def test_the_wording_follows_how_sure_the_dates_are(new_page, page_type, reg, period, day, expected):
    """kg.js's `certainty` agrees with dates.status_certainty: a status span with the given states
    is put on a page, kg.js is run again, and the text it writes is compared."""
    page = new_page(1280)
    page.clock.set_fixed_time(dt.datetime.combine(dt.date.fromisoformat(day), NOON_UTC))
    page.goto(page_type("period").urls["fi"])
    page.wait_for_selector(".kg-status[data-live]")
    labels = json.loads(page.locator("script#kg-labels").text_content())
    page.evaluate("""([reg, period]) => {
        const span = document.createElement('span');
        span.id = 'probe';
        span.className = 'kg-status';
        Object.assign(span.dataset, {opens: '2026-10-05', closes: '2026-12-11', start: '2027-01-11',
                                     end: '2027-04-30'});
        if (reg) span.dataset.regDates = reg;
        if (period) span.dataset.periodDates = period;
        document.querySelector('.md-content h1').after(span);
    }""", [reg, period])
    page.add_script_tag(url=page.evaluate("document.querySelector('script[src*=\"kg.js\"]').src"))
    page.wait_for_selector("#probe[data-live]", state="attached")
    assert page.locator("#probe").text_content() == labels[expected]
    if reg and period:  # the same case through generator/model/dates.py
        from generator.model.schema import Period, Window

        p = Period(id="1/2027", start=dt.date(2027, 1, 11), end=dt.date(2027, 4, 30), dates=period,
                   registration=Window(opens=dt.date(2026, 10, 5), closes=dt.date(2026, 12, 11), dates=reg),
                   accepts=["x"], last_reviewed=dt.date(2026, 11, 20))
        assert label_key(p, dates.period_status(p, dt.date.fromisoformat(day))) == expected


def _holds(data: dict, day: str) -> bool:
    return ((not data.get("from") or day >= data["from"]) and (not data.get("until") or day <= data["until"])
            and (not data.get("before") or day < data["before"]))


@pytest.mark.parametrize("name", ["home", "schedule"])
def test_labels_built_into_the_page_stay_true_on_a_cached_page(new_page, page_type, page_plan, name):
    """"Käynnissä oleva jakso", "Seuraava jakso" and the last registration day show while they hold
    and are hidden (with their list item or paragraph) once the reader's clock passes them."""
    periods = page_plan.project.periods
    nxt = dates.next_period(periods, page_plan.today)
    assert nxt is not None
    flipped = 0
    for day in (page_plan.today, nxt.start):
        page = new_page(1280)
        page.clock.set_fixed_time(dt.datetime.combine(day, NOON_UTC))
        page.goto(page_type(name).urls["fi"])
        page.wait_for_selector(".kg-while[data-live]", state="attached")
        found = page.evaluate("""() => [...document.querySelectorAll('.kg-while')].map(el => {
            const target = el.classList.contains('kg-mark') ? el : (el.closest('li, p') || el);
            return {data: {...el.dataset}, visible: !!(target.offsetWidth || target.offsetHeight)};
        })""")
        assert found
        for item in found:
            assert item["data"]["live"] == day.isoformat()
            assert item["visible"] == _holds(item["data"], day.isoformat()), (day, item)
        flipped += sum(not item["visible"] for item in found)
        if day == page_plan.today:
            assert all(item["visible"] for item in found), "on the build's day every label holds"
    assert flipped, "the second day must hide a label"
