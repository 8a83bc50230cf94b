"""With JavaScript off, every page type still reads: content, navigation, schedule, statuses."""

from __future__ import annotations

import pytest

from generator.model import dates

from .support import SCREENSHOTS


@pytest.fixture(scope="module")
def nojs_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server,
                                  java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_page_types_read_without_js(nojs_page, page_types, page_plan, lang):
    page = nojs_page
    nav_titles = [title for item in page_plan.nav(lang) for title in item]
    problems = []
    for t in page_types:
        url = t.urls[lang]
        page.goto(url)
        h1 = page.locator(".md-content h1")
        if not h1.first.is_visible():
            problems.append(f"{url}: no visible h1")
        text = page.locator(".md-content article").inner_text()
        if len(text) < (20 if t.name == "404" else 200):
            problems.append(f"{url}: main content too short without JS ({len(text)} chars)")
        nav = page.locator(".md-sidebar--primary .md-nav__link")
        visible = [n.strip() for n in nav.all_inner_texts() if n.strip()]
        missing = [title for title in nav_titles if title not in visible]
        if missing:
            problems.append(f"{url}: navigation entries not readable: {missing}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_schedule_and_statuses_without_js(nojs_page, page_type, page_plan, lang):
    page = nojs_page
    page.goto(page_type("schedule").urls[lang])
    table = page.locator(".md-content table").first
    assert table.is_visible()
    rows = table.locator("tbody tr")
    # Every period, those Kela has not announced last (named, with no status: kg.js leaves them be).
    assert rows.count() == len(page_plan.project.all_periods)
    for i in range(len(page_plan.project.periods), len(page_plan.project.all_periods)):
        assert rows.nth(i).locator("td").nth(1).inner_text().strip() == \
            page_plan.project.strings["period-unannounced"][lang]
    # Every cell is inside the window at desktop width: nothing cut off on the right.
    width = page.viewport_size["width"]
    cut = page.evaluate("""w => [...document.querySelectorAll('.md-content table th, .md-content table td')]
        .filter(c => c.getBoundingClientRect().right > w || c.getBoundingClientRect().right >
                     c.closest('table').parentElement.getBoundingClientRect().right + 1)
        .map(c => c.textContent.trim())""", width)
    assert not cut, f"schedule cells cut off at {width} px without JS: {cut}"
    # The build-time status and its as-of date show (nothing hides them without JS).
    strings = page_plan.project.strings
    today = page_plan.today
    as_of = f"{strings['as-of'][lang]} {dates.format_date(today, strings['format-date'][lang])}"
    statuses = page.locator(".kg-status")
    assert statuses.count() == len(page_plan.project.periods)
    for i, period in enumerate(page_plan.project.periods):
        key = dates.period_status(period, today)
        assert statuses.nth(i).is_visible()
        worded = dates.status_key(key, dates.status_certainty(period, key))  # "… esimerkkiaikataulun mukaan …"
        assert statuses.nth(i).inner_text().strip() == strings[worded][lang]
    asof = page.locator(".kg-asof").first
    assert asof.is_visible() and as_of in asof.inner_text(), asof.inner_text()


def test_period_page_without_js(nojs_page, page_type, page_plan):
    t = page_type("period")
    period = page_plan.by_key[t.key].context["period"]
    strings = page_plan.project.strings
    page = nojs_page
    page.goto(t.urls["fi"])
    status = page.locator(".kg-status").first
    assert status.is_visible()
    key = dates.period_status(period, page_plan.today)
    assert status.inner_text().strip() == strings[dates.status_key(key, dates.status_certainty(period, key))]["fi"]
    assert page.locator(".kg-asof").first.is_visible()
    # The notice that the dates are examples shows without JavaScript, below the title.
    assert page.locator(".kg-dates-note").first.is_visible() or period.dates == "confirmed"
    assert page.locator(".md-content table").first.is_visible()


def test_phone_menu_opens_without_js(browser, server, page_type, page_plan):
    """The drawer is a CSS checkbox toggle: at phone width the menu opens with JS off too."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, base_url=server,
                                  java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(page_type("service").urls["fi"])
        first_title = next(iter(page_plan.nav("fi")[1]))
        link = page.locator(".md-sidebar--primary .md-nav__link", has_text=first_title).first
        on_screen = "el => { const r = el.getBoundingClientRect(); " \
                    "return r.right > 0 && r.left < innerWidth; }"
        assert not link.evaluate(on_screen), "the drawer should start closed"
        page.locator("label.md-header__button[for='__drawer']").click()
        assert page.locator("#__drawer").is_checked(), "the menu button should toggle the drawer"
        # Poll from here, not with wait_for_function: with page scripts off its in-page
        # timers never fire, so it only ever saw the first moment of the slide-in.
        for _ in range(100):
            if link.evaluate(on_screen):
                break
            page.wait_for_timeout(50)
        else:
            state = link.evaluate("el => [el.getBoundingClientRect().toJSON(), innerWidth, "
                                  "getComputedStyle(el.closest('.md-sidebar')).transform]")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "nojs-drawer-failure.png"))
            pytest.fail(f"the drawer did not open: link at {state}, checkbox "
                        f"{page.locator('#__drawer').is_checked()}")
        link.click()
        page.wait_for_load_state()
        assert page.title().startswith(first_title), page.title()
    finally:
        context.close()
