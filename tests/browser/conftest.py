"""Browser fixtures: the real site served like the CDN would, one Chromium per session.

Everything here is session-scoped so the whole browser suite starts Chromium
once and serves the site once (the machine is small and shared).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, CONTENT, DATA, ROOT, TODAY  # noqa: F401 (re-exported)

from . import cdnserver
from .support import describe_violations, interact, url_path  # noqa: F401 (shared with the tests)

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "mobile": 375}
HEIGHT = 900


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects, so `-m "not browser"` skips this folder
def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test (marker `browser`)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def server(full_site) -> str:
    """Base URL of the built site served with its `_headers` (the strict CSP is live)."""
    srv, url = cdnserver.start(full_site)
    yield url
    srv.shutdown()


@pytest.fixture
def new_page(browser, server):
    """Factory: a fresh page in its own context, closed after the test."""
    contexts = []

    def make(width: int = 1280, *, js: bool = True, height: int = HEIGHT):
        context = browser.new_context(viewport={"width": width, "height": height}, base_url=server,
                                      java_script_enabled=js, reduced_motion="reduce")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


# ---------------------------------------------------------------------------
# What pages exist and how they pair up
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def alternates(full_site) -> dict[str, dict[str, str]]:
    """Path of every page → {lang: path of that page in lang}, from the root sitemap's hreflang pairs."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(full_site / "sitemap.xml")
    pairs: dict[str, dict[str, str]] = {}
    for entry in tree.getroot().findall("s:url", ns):
        loc = url_path(entry.findtext("s:loc", namespaces=ns))
        pairs[loc] = {link.get("hreflang"): url_path(link.get("href"))
                      for link in entry.findall("x:link", ns) if link.get("hreflang") != "x-default"}
    return pairs


@pytest.fixture(scope="session")
def all_pages(full_site) -> list[str]:
    """URL path of every built HTML page: index.html and 404.html files, both languages and the root."""
    pages = []
    for path in sorted(full_site.rglob("*.html")):
        if path.name not in ("index.html", "404.html"):
            continue
        rel = path.relative_to(full_site).as_posix()
        pages.append("/" + (rel[: -len("index.html")] if path.name == "index.html" else rel))
    return pages


@pytest.fixture(scope="session")
def redirect_stubs(full_site, all_pages) -> set[str]:
    """Pages that only send the reader on (<meta http-equiv=refresh>, for old addresses)."""
    def file_of(url: str) -> Path:
        return full_site / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))

    return {url for url in all_pages if 'http-equiv="refresh"' in file_of(url).read_text(encoding="utf-8")}


@dataclass
class PageType:
    name: str
    urls: dict[str, str]
    """lang → URL path."""
    key: str = ""
    """The generator's page key (e.g. service:patient-data-repository); empty for 404."""
    extra: dict = field(default_factory=dict)


NOT_FOUND = {"fi": "/fi/tata-sivua-ei-ole/", "sv": "/sv/sidan-finns-inte/"}


@pytest.fixture(scope="session")
def page_plan():
    """The generator's page plan for the real data (the same build as full_site)."""
    from generator import TEMPLATE_DIR
    from generator.plan import SitePlan
    from generator.validate import load_project

    project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    return SitePlan(project, TODAY)


@pytest.fixture(scope="session")
def page_types(page_plan, full_site) -> list[PageType]:
    """One page of every kind, in every language."""
    site = page_plan
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
    for t in types:
        for _lang, url in t.urls.items():
            built = full_site / url.lstrip("/") / "index.html"
            assert t.name == "404" or built.is_file(), f"{t.name}: {url} was not built"
    return types


@pytest.fixture(scope="session")
def page_type(page_types):
    by_name = {t.name: t for t in page_types}
    return by_name.__getitem__
