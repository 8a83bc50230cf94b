"""axe-core (WCAG 2.0/2.1 A + AA) on one page of every type of the full fixture, the root chooser,
the root 404 and an old address's page, at desktop and phone width: zero violations.

No allow-list: when axe finds something, fix the site (overrides/, kg.css, kg.js). Every page of the
shipped site is audited by the content's checks (tests/content_checks/test_in_browser.py).
"""

from __future__ import annotations

import pytest

from .support import WIDTHS, describe_violations, interact

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("state", ["read", "in use"])
def test_no_axe_violations(axe, new_page, page_types, all_pages, redirect_stubs, width, state):
    """`read`: as loaded, before any interaction (Material's scripts wait for one: overrides/main.html);
    `in use`: after the first key press, with Material's components mounted."""
    assert redirect_stubs, "the full fixture has an old address whose page sends the reader on"
    pages = ["/", "/404.html", sorted(redirect_stubs)[0]]
    pages += [url for t in page_types for url in t.urls.values()]
    assert set(pages) <= set(all_pages) | {url for t in page_types if t.name == "404" for url in t.urls.values()}
    page = new_page(width)
    problems: list[str] = []
    for url in pages:
        stay = None
        if url in redirect_stubs:
            # An old address's stub refreshes to the new page at once: hold it still to audit it
            # (a 204 answer cancels the refresh and leaves the stub on screen).
            # Playwright passes (route, request): `here` must come after both.
            def stay(route, request=None, here=url):
                if route.request.is_navigation_request() and not route.request.url.endswith(here):
                    return route.fulfill(status=204)
                return route.continue_()
            page.route("**/*", stay)
        page.goto(url)  # "load": after DOMContentLoaded, so kg.js has run
        if state == "in use":
            interact(page)
        result = axe.run(page, options=OPTIONS)
        if stay:
            page.unroute("**/*", stay)
        problems += describe_violations(url, width, result.response["violations"])
    header = f"{len(problems)} axe violation(s) on {len(pages)} pages at {width} px ({state}):"
    assert not problems, "\n".join([header, *problems])


def test_axe_harness_sees_violations(axe, new_page):
    """Zero violations only means something if the harness can see one: plant two and expect them."""
    page = new_page(1280)
    page.goto("/fi/")
    page.evaluate("""() => {
      const img = document.createElement('img'); img.src = 'assets/images/favicon.png';
      const link = document.createElement('a'); link.href = '#';
      document.querySelector('.md-content article').append(img, link);
    }""")
    found = {v["id"] for v in axe.run(page, options=OPTIONS).response["violations"]}
    assert {"image-alt", "link-name"} <= found, found
