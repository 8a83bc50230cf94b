"""Plain helpers of the browser tests, shared by the generator's browser tests and the content's checks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.helpers import ROOT, TODAY

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "mobile": 375}
HEIGHT = 900
DEFAULT_TIMEOUT = 30_000
"""Playwright's own time limit of an action or navigation, in milliseconds."""
NOON_UTC = dt.time(10, 0, tzinfo=dt.UTC)
"""12:00 or 13:00 in Helsinki: the same day there whatever the season."""


class PagePool:
    """Browser pages handed to one test after another, each as a test would find a new one.

    A new page costs Chromium about a processor-second more than a navigation in a page it already
    has (a renderer that is warm and has compiled Material's and axe's scripts). So a page a test
    is done with is kept, and the next test gets it reset: no routes, no listeners the test added,
    Playwright's own time limits, screen media, no stored data or cookies, on about:blank, its
    clock at TODAY (the date the site is built for; a test moves it with page.clock). A page that
    cannot be reset is closed instead. A page with scripts off is a context of its own; a test
    that needs two pages at once gets a second one."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser, self.base_url = browser, base_url
        self.idle: dict[bool, list] = {True: [], False: []}
        self.contexts: list = []

    def take(self, width: int, height: int, *, js: bool):
        page = self.idle[js].pop() if self.idle[js] else self._new(js)
        page.set_viewport_size({"width": width, "height": height})
        added: list[tuple[str, object]] = []

        def on(event: str, handler, _on=page.on):  # the test's listeners, removed on return
            added.append((event, handler))
            return _on(event, handler)

        page.on, page.kg_added = on, added
        return page

    def give_back(self, page, *, js: bool) -> None:
        from playwright.sync_api import Error

        del page.on
        if page.is_closed():
            return
        try:
            self._reset(page, js)
        except Error:  # left mid-navigation, say: not reused
            page.close()
            return
        self.idle[js].append(page)

    def _reset(self, page, js: bool) -> None:
        for event, handler in page.kg_added:
            page.remove_listener(event, handler)
        page.unroute_all(behavior="ignoreErrors")
        page.set_default_timeout(DEFAULT_TIMEOUT)
        page.set_default_navigation_timeout(DEFAULT_TIMEOUT)
        page.emulate_media(media="null")
        if js and page.url.startswith("http"):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        page.goto("about:blank")
        page.context.clear_cookies()
        if js:
            page.clock.set_fixed_time(dt.datetime.combine(TODAY, NOON_UTC))

    def _new(self, js: bool):
        context = self.browser.new_context(base_url=self.base_url, java_script_enabled=js, reduced_motion="reduce")
        self.contexts.append(context)
        if js:
            context.clock.set_fixed_time(dt.datetime.combine(TODAY, NOON_UTC))
        return context.new_page()

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def interact(page) -> bool:
    """A reader's first key press: kg.js then loads Material's scripts (overrides/main.html says
    why they wait) and Material mounts. Shift changes nothing else on the page. Pages without
    Material (the root chooser, redirect stubs) are left as they are: False."""
    if not page.locator("script[type='text/x-kg-deferred']").count():
        return False
    page.keyboard.press("Shift")
    page.wait_for_function("() => document.documentElement.dataset.kgMaterial === 'mounted'", timeout=15000)
    return True


CSP_WORDS = ("content security policy", "content-security-policy", "violates the following")
"""How Chromium's console words a Content-Security-Policy violation."""


def watch(page) -> list[str]:
    """Every console message and page error of `page` from now on, each after the page's address."""
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{page.url}: console.{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"{page.url}: pageerror: {e}"))
    return messages


def policy_violations(messages: list[str]) -> list[str]:
    return [m for m in messages if any(word in m.lower() for word in CSP_WORDS)]


def script_errors(messages: list[str]) -> list[str]:
    return [m for m in messages if "pageerror" in m]


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
"""WCAG 2.0 and 2.1, levels A and AA: what the accessibility statement promises."""


class Auditor:
    """axe-core (the copy axe-playwright-python ships) in a page: put into each loaded document once,
    run as often as a test asks. Playwright's evaluate is not subject to the page's CSP."""

    def __init__(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.script = Axe().axe_script

    def violations(self, page) -> list[dict]:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(self.script)
        return page.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)

    def problems(self, page, label: str, width: int) -> list[str]:
        return describe_violations(label, width, self.violations(page))

    def audit(self, page, url: str, width: int, *, stub: bool = False) -> list[str]:
        """One page as loaded (`read`: Material's scripts wait for a first interaction) and, where
        they do, after that interaction (`in use`: Material's components mounted)."""
        if stub:
            # An old address's stub refreshes to the new page at once: a 204 answer to that
            # navigation cancels it and leaves the stub on screen to be audited.
            def stay(route, request=None):  # Playwright passes (route, request)
                if route.request.is_navigation_request() and not route.request.url.endswith(url):
                    return route.fulfill(status=204)
                return route.continue_()
            page.route("**/*", stay)
        page.goto(url)  # "load": after DOMContentLoaded, so kg.js has run
        problems = self.problems(page, f"{url} (read)", width)
        if interact(page):
            problems += self.problems(page, f"{url} (in use)", width)
        if stub:
            page.unroute("**/*", stay)
        return problems


def audit_widths(page_types, languages: list[str]) -> dict[str, int]:
    """URL → the width its page is audited at: every page type in every language and at every width,
    though not in every pair of them. What a language changes (the words, `lang`) shows at any
    width, and what a width changes (the layout) in any language, so the languages take the widths
    in turn (fi at the desktop width, sv on the phone)."""
    widths = list(WIDTHS.values())
    assert len(languages) >= len(widths), "fewer languages than widths: audit a language twice"
    return {t.urls[lang]: widths[i % len(widths)] for t in page_types for i, lang in enumerate(languages)}


def stub_pages(site: Path, pages: list[str]) -> set[str]:
    """The pages of a built site that only send the reader on (<meta http-equiv=refresh>, for old
    addresses)."""
    def file_of(url: str) -> Path:
        return site / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))

    return {url for url in pages if 'http-equiv="refresh"' in file_of(url).read_text(encoding="utf-8")}


def url_path(url: str) -> str:
    return urlsplit(url).path


def describe_violations(url: str, width: int, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = re.sub(r"\s+", " ", node.get("failureSummary", "")).strip()
            lines.append(f"{url} @{width}px: {v['id']} ({v['impact']}) on `{target}`: {summary[:200]}")
    return lines


NOT_FOUND = {"fi": "/fi/tata-sivua-ei-ole/", "sv": "/sv/sidan-finns-inte/"}
"""An address the site does not have, per language: the 404 page."""


@dataclass
class PageType:
    name: str
    urls: dict[str, str]
    """lang → URL path."""
    key: str = ""
    """The generator's page key (e.g. service:patient-data-repository); empty for 404."""
    extra: dict = field(default_factory=dict)


def page_kinds(site) -> list[PageType]:
    """One page of every kind of a page plan (generator.model.plan.SitePlan), in every language."""
    langs = site.project.languages

    def of(name: str, key: str) -> PageType:
        return PageType(name, {lang: site.url(key, lang) for lang in langs}, key)

    keys = [p.key for p in site.pages]
    types = [of(name, name) for name in ("home", "planner", "process", "registration", "schedule")]
    # The period whose registration is open now (or the first one), to show a live status.
    periods = [p.key for p in site.pages if p.key.startswith("period:") and p.context["period"].dates != "unannounced"]
    open_now = [p.key for p in site.pages if p.key in periods and
                p.context["period"].registration.opens <= TODAY <= p.context["period"].registration.closes]
    types.append(of("period", (open_now or periods)[0]))
    # A period Kela has not announced: its own kind of page (no dates, no status).
    types += [of("period-unannounced", f"period:{p.id}") for p in site.project.unannounced[:1]]
    types.append(of("services", "services"))
    services = [k for k in keys if k.startswith("service:")]
    types.append(of("service", "service:patient-data-repository"
                    if "service:patient-data-repository" in services else services[0]))
    types += [of(name, name) for name in ("requirements", "customer", "accessibility")]
    content = [k for k in keys if k.startswith("content:")]
    if content:
        types.append(of("content", content[0]))
    types.append(PageType("404", {lang: NOT_FOUND[lang] for lang in langs}))
    return types


class Answer:
    """A server's answer to one request: its status, headers (names in lower case) and body."""

    def __init__(self, status: int, headers: list[tuple[str, str]], body: bytes):
        self.status, self.body = status, body
        self.pairs = [(name.lower(), value) for name, value in headers]
        self.headers = dict(self.pairs)

    def compared(self, names: list[str]) -> dict[str, str | None]:
        """The headers a test compares, None where the answer has none."""
        return {name: self.headers.get(name) for name in names}
