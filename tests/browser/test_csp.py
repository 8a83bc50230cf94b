"""The strict Content-Security-Policy holds in a real browser, and nothing breaks under it.

The site is served by tests/browser/cdnserver.py WITH the generated `_headers`
(the `server` fixture), so Chromium enforces exactly the policy the CDN will
send. Any console message about the Content Security Policy fails the test:
it means an inline script, style, handler or a load from elsewhere that the
policy blocks. Search (a web worker + fetch), the language switcher and the
live status script (overrides/assets/kg.js) must still work under it.
"""

from __future__ import annotations

import json

import pytest

from tests.browser import cdnserver
from tests.browser.support import interact, policy_violations, watch

pytestmark = pytest.mark.browser

EXTRA_PATHS = ["/", "/404-ei-ole/", "/fi/palvelut/ei/ole/olemassa/"]
"""The root language chooser, the root 404 and a deep per-language 404."""


def test_server_sends_the_policy(server, full_site):
    rules = cdnserver.parse_headers((full_site / "_headers").read_text(encoding="utf-8"))
    csp = cdnserver.headers_for(rules, "/fi/")["content-security-policy"]
    assert "'unsafe-inline'" not in csp and "sha256-" in csp


def test_no_policy_violation_on_the_pages_no_page_type_covers(new_page):
    """Every page type, in use, is visited under the policy by the tour (test_pages.py); here the
    root chooser, the root 404 and a deep per-language 404, also in use."""
    page = new_page()
    messages = watch(page)
    for url in EXTRA_PATHS:
        page.goto(url, wait_until="load")
        interact(page)
    page.wait_for_timeout(300)  # late loads (the search worker, its index)
    assert not policy_violations(messages), "\n".join(policy_violations(messages))
    assert not [m for m in messages if "pageerror" in m], "\n".join(messages)


@pytest.mark.parametrize("lang, query", [("fi", "resepti"), ("sv", "recept")])
def test_search_works_under_the_policy(new_page, lang, query):
    page = new_page()
    messages = watch(page)
    page.goto(f"/{lang}/", wait_until="load")
    config = json.loads(page.locator("#__config").text_content())
    placeholder = config["translations"]["search.result.placeholder"]
    box = page.locator(".md-search__input")
    box.click()
    # Typed before the worker has loaded the index, a query is dropped: wait for "ready".
    page.wait_for_function(
        "t => (document.querySelector('.md-search-result__meta') || {}).textContent?.trim() === t",
        arg=placeholder, timeout=15000)
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert hrefs and all(f"/{lang}/" in href for href in hrefs)
    assert not policy_violations(messages), "\n".join(policy_violations(messages))


def test_language_switcher_works_under_the_policy(new_page, page_type):
    service = page_type("service")
    page = new_page()
    messages = watch(page)
    for lang, other in (("fi", "sv"), ("sv", "fi")):
        page.goto(service.urls[lang], wait_until="load")
        link = page.locator(f'a.kg-lang__link[hreflang="{other}"]').first
        with page.expect_navigation():
            link.click()
        assert page.url.endswith(service.urls[other])
        assert page.locator("html").get_attribute("lang") == other
    assert not policy_violations(messages), "\n".join(policy_violations(messages))


def test_status_script_runs_under_the_policy(new_page, page_type):
    page = new_page()
    messages = watch(page)
    for _lang, url in page_type("schedule").urls.items():
        page.goto(url, wait_until="load")
        page.wait_for_selector(".kg-status[data-live]", state="attached", timeout=10000)
        live = page.locator(".kg-status[data-live]").first.get_attribute("data-live")
        assert len(live) == 10 and live[4] == "-"  # YYYY-MM-DD, today in Helsinki
    assert not policy_violations(messages), "\n".join(policy_violations(messages))


def test_a_blocked_inline_script_would_be_reported(new_page, server):
    """The detector itself: an inline script the policy does not allow shows up in the console."""
    page = new_page()
    messages = watch(page)
    page.goto("/fi/", wait_until="load")
    page.evaluate("""() => { const s = document.createElement('script');
                            s.textContent = 'window.__kgInjected = 1'; document.body.append(s); }""")
    page.wait_for_timeout(100)
    assert page.evaluate("() => window.__kgInjected") is None
    assert policy_violations(messages), messages
