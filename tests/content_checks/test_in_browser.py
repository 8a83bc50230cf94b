"""The content's checks in Debian's Chromium: axe-core (WCAG 2.1 A/AA) and the strict CSP on every
page of the shipped site, served with its own `_headers`."""

from __future__ import annotations

import pytest

from tests.browser.support import WIDTHS, describe_violations, interact

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
CSP_WORDS = ("content security policy", "content-security-policy", "violates the following")


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def hold_still(page, url: str):
    """An old address's page refreshes to the new one at once: a 204 answer to that navigation
    keeps it on screen to be audited. Returns the route handler to remove afterwards."""
    def stay(route, request=None):
        if route.request.is_navigation_request() and not route.request.url.endswith(url):
            return route.fulfill(status=204)
        return route.continue_()
    page.route("**/*", stay)
    return stay


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("state", ["read", "in use"])
def test_no_axe_violations_on_any_page(axe, new_page, shipped_pages, width, state):
    """`read`: as loaded (Material's scripts wait for a first interaction); `in use`: after it."""
    assert "/" in shipped_pages and "/404.html" in shipped_pages
    page = new_page(width)
    problems: list[str] = []
    for url in shipped_pages:
        stay = hold_still(page, url)
        page.goto(url)
        if state == "in use":
            interact(page)
        result = axe.run(page, options=OPTIONS)
        page.unroute("**/*", stay)
        problems += describe_violations(url, width, result.response["violations"])
    assert not problems, "\n".join([f"{len(problems)} axe violations at {width} px ({state}):", *problems])


def test_no_policy_violation_or_script_error_on_any_page(new_page, shipped_pages):
    page = new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{page.url}: console.{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"{page.url}: pageerror: {e}"))
    for url in shipped_pages:
        page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # late loads (the search worker, its index)
    blocked = [m for m in messages if any(word in m.lower() for word in CSP_WORDS) or "pageerror" in m]
    assert not blocked, "\n".join(blocked)
