"""axe-core (WCAG 2.0/2.1 A + AA) on every page type of the full fixture, the root chooser, the
root 404 and an old address's page, as loaded and in use: zero violations.

Each page type is audited in every language and at every width, though not in every pair of them:
what a language changes (the words, `lang`) shows at any width, and what a width changes (the
layout) in any language, so the languages take the widths in turn (fi at the desktop width, sv on
the phone, for two languages). The pages without a language are audited at both widths.

No allow-list: when axe finds something, fix the site (overrides/, kg.css, kg.js). Every page of the
shipped site is audited by the content's checks (tests/content_checks/test_in_browser.py).
"""

from __future__ import annotations

import pytest

from .support import WIDTHS, Auditor


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def pairs(page_types, languages: list[str]) -> list[tuple[str, int]]:
    """(url, width) to audit: every page type in every language and at every width."""
    widths = list(WIDTHS.values())
    chosen = []
    for t in page_types:
        for i, lang in enumerate(languages):
            chosen.append((t.urls[lang], widths[i % len(widths)]))
        for width in widths[len(languages):]:  # more widths than languages
            chosen.append((t.urls[languages[0]], width))
    return chosen


def test_every_page_type_meets_every_language_and_width(page_types, page_plan):
    chosen = pairs(page_types, page_plan.project.languages)
    for t in page_types:
        mine = [(url, width) for url, width in chosen if url in t.urls.values()]
        assert {url for url, _ in mine} == set(t.urls.values()), t.name
        assert {width for _, width in mine} == set(WIDTHS.values()), t.name


def test_no_axe_violations(auditor, browser, server, page_types, page_plan, all_pages, redirect_stubs):
    assert redirect_stubs, "the full fixture has an old address whose page sends the reader on"
    roots = ["/", "/404.html", sorted(redirect_stubs)[0]]
    chosen = [(url, width) for url in roots for width in WIDTHS.values()]
    chosen += pairs(page_types, page_plan.project.languages)
    assert {url for url, _ in chosen} <= set(all_pages) | {url for t in page_types if t.name == "404"
                                                           for url in t.urls.values()}
    problems: list[str] = []
    for width in WIDTHS.values():
        context = browser.new_context(viewport={"width": width, "height": 900}, base_url=server,
                                      reduced_motion="reduce")
        try:
            page = context.new_page()
            for url in (url for url, w in chosen if w == width):
                problems += auditor.audit(page, url, width, stub=url in redirect_stubs)
        finally:
            context.close()
    header = f"{len(problems)} axe violation(s) on {len(chosen)} pages and widths:"
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
