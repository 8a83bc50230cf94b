"""The browser tests' own harness: a tab that one test gives back reaches the next test as a new
tab would (support.PagePool), so no test passes or fails by what ran before it."""

from __future__ import annotations

import datetime as dt

from tests.helpers import TODAY

from .support import NOON_UTC

PROBE = "/kg-probe/"
"""An address the site does not have (404) unless a route answers it."""
STATE = f"""async () => [localStorage.length, sessionStorage.length, document.cookie, matchMedia('print').matches,
  new Date().toISOString().slice(0, 10), innerWidth, (await fetch('{PROBE}')).status]"""
"""What a test could leave behind: stored data, cookies, print media, a moved clock, the width, and
a route."""


def test_a_tab_given_back_reaches_the_next_test_as_a_new_one(page_pool, page_type):
    url = page_type("home").urls["fi"]
    fresh = page_pool.take(1280, 900, js=True)
    fresh.goto(url)
    assert fresh.evaluate(STATE) == [0, 0, "", False, TODAY.isoformat(), 1280, 404]
    page_pool.give_back(fresh, js=True)

    page = page_pool.take(375, 900, js=True)
    assert page is fresh, "the pool hands out the tab it was given back"
    heard: list[str] = []
    page.on("console", lambda message: heard.append(message.text))
    page.route(f"**{PROBE}", lambda route: route.fulfill(body="routed"))
    page.emulate_media(media="print")
    page.clock.set_fixed_time(dt.datetime.combine(dt.date(2031, 1, 1), NOON_UTC))
    page.goto(url)
    page.evaluate("() => { localStorage.setItem('k', 'v'); sessionStorage.setItem('k', 'v'); }")
    page.context.add_cookies([{"name": "k", "value": "v", "url": page.url}])
    assert page.evaluate(STATE) == [1, 1, "k=v", True, "2031-01-01", 375, 200]
    page_pool.give_back(page, js=True)
    heard.clear()

    again = page_pool.take(1280, 900, js=True)
    assert again is page and again.url == "about:blank"
    again.goto(url)
    assert again.evaluate(STATE) == [0, 0, "", False, TODAY.isoformat(), 1280, 404]
    again.evaluate("() => console.log('after')")
    assert heard == [], "the last test's listener still hears this one's page"
    page_pool.give_back(again, js=True)


def test_a_tab_that_cannot_be_reset_is_not_reused(page_pool):
    page = page_pool.take(1280, 900, js=True)
    # A document in a sandbox has no storage to clear: the reset fails, and the tab is closed.
    page.route("**/sandboxed/", lambda route: route.fulfill(
        body="<p>x</p>", content_type="text/html", headers={"Content-Security-Policy": "sandbox allow-scripts"}))
    page.goto("/sandboxed/")
    page_pool.give_back(page, js=True)
    assert page.is_closed()
    assert page_pool.take(1280, 900, js=True) is not page
