"""axe-core (WCAG 2.0/2.1 A + AA) on one page of every type of the full fixture, the root chooser,
the root 404 and an old address's page, at desktop and phone width, as loaded and in use: zero
violations.

No allow-list: when axe finds something, fix the site (overrides/, kg.css, kg.js). Every page of the
shipped site is audited by the content's checks (tests/content_checks/test_in_browser.py).
"""

from __future__ import annotations

import pytest

from .support import WIDTHS, Auditor


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_no_axe_violations(auditor, new_page, page_types, all_pages, redirect_stubs, width):
    assert redirect_stubs, "the full fixture has an old address whose page sends the reader on"
    pages = ["/", "/404.html", sorted(redirect_stubs)[0]]
    pages += [url for t in page_types for url in t.urls.values()]
    assert set(pages) <= set(all_pages) | {url for t in page_types if t.name == "404" for url in t.urls.values()}
    page = new_page(width)
    problems: list[str] = []
    for url in pages:
        problems += auditor.audit(page, url, width, stub=url in redirect_stubs)
    header = f"{len(problems)} axe violation(s) on {len(pages)} pages at {width} px:"
    assert not problems, "\n".join([header, *problems])


def test_axe_harness_sees_violations(auditor, new_page):
    """Zero violations only means something if the harness can see one: plant two and expect them,
    also in a page audited once already (the second run reuses the axe put into it)."""
    page = new_page(1280)
    assert auditor.audit(page, "/fi/", 1280) == []
    page.evaluate("""() => {
      const img = document.createElement('img'); img.src = 'assets/images/favicon.png';
      const link = document.createElement('a'); link.href = '#';
      document.querySelector('.md-content article').append(img, link);
    }""")
    found = {v["id"] for v in auditor.violations(page)}
    assert {"image-alt", "link-name"} <= found, found
