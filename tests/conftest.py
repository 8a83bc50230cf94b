"""Shared fixtures: the real site and a small fixture site, each built once per run."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.pipeline import build_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CONTENT = ROOT / "content"
SMALL = ROOT / "tests" / "fixtures" / "small"
TODAY = dt.date(2026, 11, 25)
"""The date every test builds for, so statuses and warnings are reproducible."""


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real data/ and content/ built into a temporary folder."""
    base = tmp_path_factory.mktemp("real")
    build_site(DATA, CONTENT, base / "site", today=TODAY, work_dir=base / "work")
    return base / "site"


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> Path:
    """The small bilingual fixture (tests/fixtures/small) built into a temporary folder."""
    base = tmp_path_factory.mktemp("small")
    build_site(SMALL / "data", SMALL / "content", base / "site", today=TODAY, work_dir=base / "work")
    return base / "site"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the real data/ and content/, for tests that break files on purpose."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "data"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="Rewrite tests/golden/*.md from the current output instead of comparing.")
