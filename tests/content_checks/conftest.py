"""The shipped site: data/ and content/ as the editors left them, built once for the content's checks.

These checks hold for any valid content: they read the data to know what to expect and assert
nothing about its particular words, dates or counts. They run for the day they run on (Helsinki's
date), as CI's build does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.commands.pipeline import build_site
from generator.model.errors import BuildError, DataError
from generator.model.plan import SitePlan
from tests.browser import cdnserver
from tests.helpers import SHIPPED_CONTENT, SHIPPED_DATA, helsinki_today


@pytest.fixture(scope="session")
def today() -> dt.date:
    return helsinki_today()


@pytest.fixture(scope="session")
def shipped_plan(today) -> SitePlan:
    project, _ = load_project(SHIPPED_DATA, SHIPPED_CONTENT, today=today, template_dir=TEMPLATE_DIR)
    return SitePlan(project, today)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory, today) -> Path:
    """The strict build of the shipped data and pages (MkDocs --strict, the link checker and the
    address list included): a failure here is what CI's build step would report."""
    base = tmp_path_factory.mktemp("shipped")
    try:
        build_site(SHIPPED_DATA, SHIPPED_CONTENT, base / "site", today=today, work_dir=base / "work")
    except (DataError, BuildError) as exc:
        pytest.fail(f"the shipped site does not build: {exc}")
    return base / "site"


@pytest.fixture(scope="session")
def shipped_pages(shipped_site) -> list[str]:
    """URL path of every built HTML page (index.html and 404.html files, both languages and the root)."""
    pages = []
    for path in sorted(shipped_site.rglob("*.html")):
        if path.name not in ("index.html", "404.html"):
            continue
        rel = path.relative_to(shipped_site).as_posix()
        pages.append("/" + (rel[: -len("index.html")] if path.name == "index.html" else rel))
    return pages


@pytest.fixture(scope="session")
def shipped_server(shipped_site) -> str:
    """The shipped build served with its own `_headers` (the strict CSP is live)."""
    srv, url = cdnserver.start(shipped_site)
    yield url
    srv.shutdown()
