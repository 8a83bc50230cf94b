"""kg.js re-evaluates the build-time period status with the reader's clock.

The browser clock is set before, during and after a period's registration
window (and after the period); the status must follow, with the same rules as
generator/dates.py (the oracle here), and the "as of <build date>" note must go.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator import dates

HELSINKI_NOON_UTC = dt.time(10, 0, tzinfo=dt.timezone.utc)  # 12:00 or 13:00 in Helsinki: same day


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
        page.clock.set_fixed_time(dt.datetime.combine(day, HELSINKI_NOON_UTC))
        page.goto(page_type.urls[lang])
        labels = json.loads(page.locator("script#kg-labels").text_content())
        status = page.locator(".kg-status").first
        key = expected_keys[name]
        page.wait_for_function("el => el.hasAttribute('data-live')", arg=status.element_handle())
        assert status.get_attribute("data-live") == day.isoformat(), f"{name}: the clock was not {day}"
        assert status.text_content().strip() == labels[key], f"{name} ({day}): {status.text_content()!r}"
        assert f"kg-status--{key}" in status.get_attribute("class")
        assert page.locator(".kg-asof").first.is_hidden(), "the as-of note must hide when JS ran"


def test_every_status_on_the_schedule_updates(new_page, page_type, page_plan):
    """All rows of the schedule follow the clock, not only the first one."""
    day = dt.date(2031, 1, 1)  # after every period in the data: everything is past
    page = new_page(1280)
    page.clock.set_fixed_time(dt.datetime.combine(day, HELSINKI_NOON_UTC))
    page.goto(page_type("schedule").urls["fi"])
    labels = json.loads(page.locator("script#kg-labels").text_content())
    page.wait_for_selector(".kg-status[data-live]")
    texts = page.locator(".kg-status").all_text_contents()
    assert len(texts) == len(page_plan.project.periods)
    assert all(dates.period_status(p, day) == "past" for p in page_plan.project.periods)
    assert texts == [labels["past"]] * len(texts)
    assert all(not el.is_visible() for el in page.locator(".kg-asof").all())


@pytest.mark.parametrize("utc, helsinki", [
    (dt.datetime(2026, 7, 1, 21, 30, tzinfo=dt.timezone.utc), dt.date(2026, 7, 2)),    # EEST: 00:30
    (dt.datetime(2026, 1, 15, 21, 30, tzinfo=dt.timezone.utc), dt.date(2026, 1, 15)),  # EET: 23:30
    (dt.datetime(2026, 1, 15, 22, 0, tzinfo=dt.timezone.utc), dt.date(2026, 1, 16)),   # EET: midnight
    (dt.datetime(2026, 7, 1, 20, 59, tzinfo=dt.timezone.utc), dt.date(2026, 7, 1)),    # EEST: 23:59
])
def test_today_is_helsinkis_date_in_the_hour_the_offsets_disagree(new_page, page_type, utc, helsinki):
    """kg.js takes Helsinki's date from UTC+2/UTC+3 when both agree and asks the time-zone
    formatter only when they do not (21-22 UTC): both ways must give Helsinki's date."""
    page = new_page(1280)
    page.clock.set_fixed_time(utc)
    page.goto(page_type("schedule").urls["fi"])
    page.wait_for_selector(".kg-status[data-live]", state="attached")
    assert page.locator(".kg-status").first.get_attribute("data-live") == helsinki.isoformat()
