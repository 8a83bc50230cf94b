"""The language switcher lands on the same page in the other language, on every page type."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

PAGE_TYPES = ["home", "process", "registration", "schedule", "period", "period-unannounced", "services", "service",
              "requirements", "customer", "accessibility", "content", "404"]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_switcher_lands_on_the_counterpart(new_page, page_types, alternates, name):
    by_name = {t.name: t for t in page_types}
    # The full fixture has every page type (a hand-written one included): a missing one is a
    # failure here, never a skip (browser tests do not skip in CI).
    assert name in by_name, f"the site has no {name} page"
    page_type = by_name[name]
    page = new_page(1280)
    for lang, url in page_type.urls.items():
        # The expected target comes from the published hreflang pairs (root sitemap.xml).
        # A missing page has no pair: its switcher leads to the other language's home page.
        pairs = alternates["/" + lang + "/"] if name == "404" else alternates.get(url)
        assert pairs, f"{url} is not in the root sitemap.xml"
        if urlsplit(page.url).path != url:  # not already here by the other language's switcher
            first = page.goto(url)
            assert first.status == (404 if name == "404" else 200), url
        assert page.locator("html").get_attribute("lang") == lang
        links = page.locator("a.kg-lang__link")
        count = links.count()
        assert count == len(pairs) - 1, "one switcher link per other language"
        for i in range(count):
            link = links.nth(i)
            other = link.get_attribute("hreflang")
            statuses: list[str] = []

            def record(response, statuses=statuses):
                if response.status >= 400:
                    statuses.append(f"{response.status} {response.url}")

            page.on("response", record)
            with page.expect_navigation(wait_until="load"):
                link.click()
            # (Late requests such as the search index are checked for errors by test_pages.)
            page.remove_listener("response", record)
            landed = urlsplit(page.url).path
            assert landed == pairs[other], f"{name} {url}: switcher went to {landed}, expected {pairs[other]}"
            assert page.locator("html").get_attribute("lang") == other
            assert not statuses, f"{name} {url} → {landed}: error responses on the way: {statuses}"
            if i + 1 < count:
                page.goto(url)
