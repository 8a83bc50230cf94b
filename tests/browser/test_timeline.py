"""The timeline of the periods (generator/model/timeline.py) in Chromium: the "today" line follows the
reader's clock (kg.js), the picture has a text alternative, the date states differ by more than
colour, it fits a phone at 375 px as at 1280 px in both languages (`make screenshots` takes its pictures)."""

from __future__ import annotations

import datetime as dt

import pytest

from .support import NOON_UTC, WIDTHS


def today_x(page) -> float:
    line = page.locator(".kg-timeline .kg-tl-today line").first
    return float(line.get_attribute("x1"))


def expected_x(page, day: dt.date) -> float:
    data = page.locator(".kg-timeline").first
    start = dt.date.fromisoformat(data.get_attribute("data-from"))
    end = dt.date.fromisoformat(data.get_attribute("data-to"))
    x0, x1 = float(data.get_attribute("data-x0")), float(data.get_attribute("data-x1"))
    return x0 + (x1 - x0) * (day - start).days / (end - start).days


@pytest.mark.parametrize("key", ["schedule", "home"])
def test_the_today_line_follows_the_clock(new_page, page_plan, key):
    page = new_page(375)
    positions = []
    for day in (dt.date(2026, 11, 25), dt.date(2027, 3, 1), dt.date(2027, 6, 15)):
        page.clock.set_fixed_time(dt.datetime.combine(day, NOON_UTC))
        page.goto(page_plan.url(key, "fi"))
        page.wait_for_selector(".kg-tl-today[data-live]", state="attached")
        assert page.locator(".kg-tl-today").first.get_attribute("data-live") == day.isoformat()
        assert abs(today_x(page) - expected_x(page, day)) < 0.2, day
        positions.append(today_x(page))
    assert positions == sorted(positions) and len(set(positions)) == 3
    # Outside the drawn months the line is hidden, not pinned to an edge.
    page.clock.set_fixed_time(dt.datetime.combine(dt.date(2031, 1, 1), NOON_UTC))
    page.goto(page_plan.url(key, "fi"))
    page.wait_for_selector(".kg-tl-today[data-live]", state="attached")
    assert page.locator(".kg-tl-today").first.get_attribute("visibility") == "hidden"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_text_alternative_and_states(new_page, page_plan, lang):
    page = new_page(1280)
    page.goto(page_plan.url("schedule", lang))
    svg = page.locator(".kg-timeline svg")
    assert svg.get_attribute("role") == "img"
    title_id, desc_id = svg.get_attribute("aria-labelledby").split()
    desc = page.locator(f"#{desc_id}").text_content()
    strings = page_plan.project.strings
    for period in page_plan.project.periods:
        if period.end >= page_plan.today:
            assert strings["title-period"][lang].format(id=period.id) in desc
    assert f"({strings['date-example'][lang]})" in desc
    # Example dates are drawn with a dashed outline (not only another colour) and said in the legend.
    example = page.locator(".kg-tl-period.kg-tl--example").first
    assert example.evaluate("el => getComputedStyle(el).strokeDasharray") not in ("none", "")
    assert strings["timeline-example"][lang] in page.locator(".kg-tl-legend").inner_text()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_readable_on_a_phone(new_page, page_plan, lang):
    for name, width in WIDTHS.items():
        page = new_page(width)
        page.clock.set_fixed_time(dt.datetime.combine(page_plan.today, NOON_UTC))
        for key in ("schedule", "home"):
            page.goto(page_plan.url(key, lang))
            chart = page.locator(".kg-timeline")
            box = chart.bounding_box()
            assert box["width"] <= width, f"{key} @{width}: the picture is wider than the screen"
            # The labels stay at least 10 px tall when the drawing is scaled to a phone.
            label = page.locator(".kg-tl-label").first.bounding_box()
            assert label["height"] >= 10, f"{key} @{width}: labels {label['height']:.1f} px"
            # "Today" meets no year or month label, wherever the reader's date puts it.
            today = page.locator(".kg-tl-today text").first.bounding_box()
            for other in page.locator(".kg-timeline .kg-tl-year, .kg-timeline .kg-tl-month").all():
                b = other.bounding_box()
                apart = (today["x"] + today["width"] <= b["x"] or b["x"] + b["width"] <= today["x"]
                         or today["y"] + today["height"] <= b["y"] or b["y"] + b["height"] <= today["y"])
                assert apart, f"{key} @{width}: the today label overlaps {other.text_content()!r}"
            assert page.evaluate("document.documentElement.scrollWidth") <= width, name
