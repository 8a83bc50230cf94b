"""Browser fixtures: the real site served like the CDN would, one Chromium per session.

Everything here is session-scoped so the whole browser suite starts Chromium
once and serves the site once (the machine is small and shared).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.helpers import CONTENT, DATA, TODAY

from . import cdnserver
from .support import HEIGHT, PagePool, PageType, page_kinds, stub_pages, url_path


@pytest.fixture(scope="session")
def server(full_site) -> str:
    """Base URL of the built site served with its `_headers` (the strict CSP is live)."""
    srv, url = cdnserver.start(full_site)
    yield url
    srv.shutdown()


@pytest.fixture(scope="session")
def page_pool(browser, server):
    pool = PagePool(browser, server)
    yield pool
    pool.close()


@pytest.fixture
def new_page(page_pool):
    """Factory: a page as a new one would be (support.PagePool), given back after the test."""
    taken = []

    def make(width: int = 1280, *, js: bool = True, height: int = HEIGHT):
        page = page_pool.take(width, height, js=js)
        taken.append((page, js))
        return page

    yield make
    for page, js in taken:
        page_pool.give_back(page, js=js)


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
    return stub_pages(full_site, all_pages)


@pytest.fixture(scope="session")
def page_plan():
    """The generator's page plan for the real data (the same build as full_site)."""
    from generator import TEMPLATE_DIR
    from generator.check.validate import load_project
    from generator.model.plan import SitePlan

    project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    return SitePlan(project, TODAY)


@pytest.fixture(scope="session")
def page_types(page_plan, full_site) -> list[PageType]:
    """One page of every kind, in every language."""
    types = page_kinds(page_plan)
    for t in types:
        for _lang, url in t.urls.items():
            built = full_site / url.lstrip("/") / "index.html"
            assert t.name == "404" or built.is_file(), f"{t.name}: {url} was not built"
    return types


@pytest.fixture(scope="session")
def page_type(page_types):
    by_name = {t.name: t for t in page_types}
    return by_name.__getitem__
