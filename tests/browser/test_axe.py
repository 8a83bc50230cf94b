"""axe-core (WCAG 2.0/2.1 A + AA), zero violations: every page type is audited, as loaded and in use,
by the tour (test_pages.py) at the widths `support.audit_widths` gives; here the pages without a
language (the root chooser, the root 404, an old address's page) at both widths, and the harness.

No allow-list: when axe finds something, fix the site (overrides/, kg.css, kg.js). Every page of the
shipped site is audited by the content's checks (tests/content_checks/test_in_browser.py).
"""

from __future__ import annotations

import pytest

from .support import WIDTHS, Auditor, audit_widths


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def test_every_page_type_meets_every_language_and_width(page_types, page_plan):
    widths = audit_widths(page_types, page_plan.project.languages)
    for t in page_types:
        assert set(t.urls.values()) <= set(widths), t.name
        assert {widths[url] for url in t.urls.values()} == set(WIDTHS.values()), t.name


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_no_axe_violations_on_the_pages_without_a_language(auditor, new_page, all_pages, redirect_stubs, width):
    assert redirect_stubs, "the full fixture has an old address whose page sends the reader on"
    pages = ["/", "/404.html", sorted(redirect_stubs)[0]]
    assert set(pages) <= set(all_pages)
    page = new_page(width)
    problems: list[str] = []
    for url in pages:
        problems += auditor.audit(page, url, width, stub=url in redirect_stubs)
    assert not problems, "\n".join([f"{len(problems)} axe violation(s) at {width} px:", *problems])


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
