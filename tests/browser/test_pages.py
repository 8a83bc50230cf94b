"""A tour of every page type in both languages: what the browser loads, says and shows.

One visit per page type and language, all in one browser tab, records every request, console
message, page error and axe violation (as loaded, then in use), at the width `support.audit_widths`
gives the page, and then at the other width. The tests below only read that record, so the tour runs once. (`make
screenshots` takes the pictures for a person to look at.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from .support import WIDTHS, Auditor, audit_widths, interact

SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const config = JSON.parse(document.getElementById('__config').textContent);
  return meta && meta.textContent.trim() === config.translations['search.result.placeholder'];
}"""

NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
"""Resolves once the page has drawn a frame after the one being prepared now."""


@dataclass
class Visit:
    type: str
    lang: str
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    status: int = 0
    before_interaction: list[str] = field(default_factory=list)
    width: int = 0
    axe: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def tour(browser, server, page_types, page_plan) -> list[Visit]:
    context = browser.new_context(base_url=server, reduced_motion="reduce")
    auditor = Auditor()
    widths = audit_widths(page_types, page_plan.project.languages)
    visits: list[Visit] = []
    # One page goes from visit to visit, as a reader's tab does (a new page per visit would cost
    # Chromium a processor-second more each). Context-level requests include workers' (Material's
    # search worker); every record goes to the visit under way.
    page = context.new_page()
    context.on("request", lambda r: visits[-1].requests.append(r.url))
    page.on("console", lambda m: visits[-1].console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: visits[-1].errors.append(str(e)))
    page.on("requestfailed", lambda r: visits[-1].failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
            and visits[-1].failed.append(f"{r.url} → {r.status}"))
    try:
        for t in page_types:
            for lang, url in t.urls.items():
                visit = Visit(t.name, lang, url, width=widths[url])
                visits.append(visit)
                page.set_viewport_size({"width": visit.width, "height": 900})
                response = page.goto(url)
                visit.status = response.status if response else 0
                visit.axe = auditor.problems(page, f"{url} (read)", visit.width)
                visit.before_interaction = list(visit.requests)  # the audit loaded nothing either
                if interact(page):
                    visit.axe += auditor.problems(page, f"{url} (in use)", visit.width)
                # The last thing a page loads is the search index (in Material's worker): once the
                # search box says it is ready, every request of the visit has been made.
                page.wait_for_function(SEARCH_READY, timeout=15000)
                for width in (w for w in WIDTHS.values() if w != visit.width):
                    page.set_viewport_size({"width": width, "height": 900})
                    page.evaluate(NEXT_FRAMES)  # Material and kg.js react to the resize
    finally:
        context.close()
    return visits


def test_no_axe_violations_on_any_page_type(tour):
    assert {v.width for v in tour} == set(WIDTHS.values())
    problems = [line for v in tour for line in v.axe]
    assert not problems, "\n".join([f"{len(problems)} axe violation(s) on {len(tour)} pages:", *problems])


def test_every_page_type_loads(tour):
    wrong = [f"{v.lang} {v.type} {v.url}: HTTP {v.status}" for v in tour
             if v.status != (404 if v.type == "404" else 200)]
    assert not wrong, "\n".join(wrong)
    broken = [f"{v.lang} {v.type} {v.url}: {item}" for v in tour for item in v.failed]
    assert not broken, "subresources that failed to load:\n" + "\n".join(broken)


def test_nothing_leaves_the_site(tour):
    """Every request (pages, assets, search index, worker) goes to the local server only."""
    outside = [f"{v.lang} {v.type} {v.url}: {r}" for v in tour for r in v.requests
               if urlsplit(r).scheme in ("http", "https", "ws", "wss")
               and urlsplit(r).hostname != "127.0.0.1"]
    assert not outside, "requests to other hosts:\n" + "\n".join(outside)
    # Sanity: the recorder works and sees the search worker's index download.
    assert any(r.endswith("/search/search_index.json") for v in tour for r in v.requests)


def test_no_content_security_policy_violations(tour):
    csp = [f"{v.lang} {v.type} {v.url}: {m}" for v in tour for m in v.console
           if "content security policy" in m.lower()]
    assert not csp, "CSP violations:\n" + "\n".join(csp)


def test_no_script_errors(tour):
    errors = [f"{v.lang} {v.type} {v.url}: {e}" for v in tour for e in v.errors]
    errors += [f"{v.lang} {v.type} {v.url}: {m}" for v in tour for m in v.console
               if m.startswith("error:") and not (v.type == "404" and "404" in m)]
    assert not errors, "\n".join(errors)


def test_material_scripts_wait_for_the_reader(tour):
    """Until the reader taps, types or scrolls, no script of Material's is fetched (overrides/main.html
    says why); after the first key press they are, and Material's search works (tests above)."""
    for visit in tour:
        early = [u for u in visit.before_interaction if "/assets/javascripts/" in u]
        assert not early, f"{visit.url}: fetched before any interaction: {early}"
        assert any("/assets/javascripts/bundle." in u for u in visit.requests), visit.url


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_search_shows_before_material_loads_and_only_where_scripts_run(new_page, page_type, width):
    """Before the first interaction Material's .no-js layout stays (no collapsed menus, nothing
    moves), but where scripts run the search is offered at once: the box from 60em up, the
    header button below. Without JavaScript it stays hidden: it could not work."""
    url = page_type("service").urls["fi"]
    shown = ".md-search__input" if width >= 960 else ".md-header__button[for=__search]"
    page = new_page(width)
    page.goto(url)
    assert page.evaluate("() => document.documentElement.classList.contains('no-js')")
    assert page.locator(shown).is_visible()
    nojs = new_page(width, js=False)
    nojs.goto(url)
    assert not nojs.locator(shown).is_visible()
    assert nojs.locator(".md-header").is_visible()
