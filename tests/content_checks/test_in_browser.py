"""The content's checks in Debian's Chromium: axe-core (WCAG 2.1 A/AA), the strict CSP and script
errors on every page of the shipped site, served with its own `_headers`.

One visit per page records all three, at the phone width (where an editor's wide table or long
word overflows): the page as loaded, then after a reader's first key press (Material's scripts load
and mount under the policy). What differs between widths is the templates' doing: the generator's
axe audits every page type at both widths (tests/browser/test_axe.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.browser.support import WIDTHS, Auditor, policy_violations, script_errors, stub_pages, watch

pytestmark = pytest.mark.browser

WIDTH = WIDTHS["mobile"]


@dataclass
class Visits:
    pages: int = 0
    problems: list[str] = field(default_factory=list)
    """axe violations."""
    messages: list[str] = field(default_factory=list)
    """Console messages and page errors."""


@pytest.fixture(scope="module")
def visits(browser, shipped_server, shipped_site, shipped_pages) -> Visits:
    auditor = Auditor()
    stubs = stub_pages(shipped_site, shipped_pages)
    record = Visits(len(shipped_pages))
    context = browser.new_context(viewport={"width": WIDTH, "height": 900}, base_url=shipped_server,
                                  reduced_motion="reduce")
    try:
        page = context.new_page()
        record.messages = watch(page)
        for url in shipped_pages:
            record.problems += auditor.audit(page, url, WIDTH, stub=url in stubs)
        page.wait_for_timeout(300)  # late loads of the last page (the search worker, its index)
    finally:
        context.close()
    return record


def test_no_axe_violations_on_any_page(visits, shipped_pages):
    """Every page as loaded and, where Material's scripts wait for a first interaction, after it."""
    assert "/" in shipped_pages and "/404.html" in shipped_pages
    problems = visits.problems
    assert not problems, "\n".join([f"{len(problems)} axe violations at {WIDTH} px:", *problems])


def test_no_policy_violation_or_script_error_on_any_page(visits):
    assert visits.pages
    blocked = policy_violations(visits.messages) + script_errors(visits.messages)
    assert not blocked, "\n".join(blocked)
