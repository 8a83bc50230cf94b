"""Shared fixtures of the generator's tests: the full fixture site and the small one, each built once per run.

The generator's tests never read the shipped data/ and content/: editors change those every week.
`tests/fixtures/site` is a complete site of its own (every page type and data feature); the checks of
the shipped content live in `tests/content_checks/` and assert nothing about its words, dates or counts.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import pytest

from generator.pipeline import build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
DATA = FIXTURE / "data"
CONTENT = FIXTURE / "content"
SMALL = ROOT / "tests" / "fixtures" / "small"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TODAY = dt.date(2026, 11, 25)
"""The date every test builds for, so statuses and warnings are reproducible."""


@pytest.fixture(scope="session")
def full_site(tmp_path_factory) -> Path:
    """The full fixture site (tests/fixtures/site) built into a temporary folder."""
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
    """A writable copy of the full fixture's data/ and content/, for tests that break files on purpose."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "data"


def verify_every_source(path: Path, day: str) -> None:
    """Add `verified: <day>` to every entry of every `sources:` list of a data file."""
    lines, block = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        indent = len(line) - len(line.lstrip())
        if block is not None and line.strip() and indent <= block and not line.lstrip().startswith("- "):
            block = None
        if block is not None and line.lstrip().startswith("- title:"):
            lines.append(line[:line.index("-") + 2] + f"verified: {day}")
            line = line.replace("- title:", "  title:", 1)
        lines.append(line)
        if line.strip() == "sources:":
            block = indent
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ready_to_publish(data: Path) -> None:
    """What publishing asks besides dates: every source verified, nothing left in `before_publishing:`."""
    for name in ("process.yaml", "services.yaml", "requirements.yaml"):
        verify_every_source(data / name, "2026-11-20")
    site = data / "site.yaml"
    kept = [ln for ln in site.read_text(encoding="utf-8").splitlines()
            if not ln.startswith("before_publishing:") and not ln.startswith("  - \"")]
    site.write_text("\n".join(kept) + "\n", encoding="utf-8")


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="Rewrite tests/golden/*.md from the current output instead of comparing.")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium. Missing: skip on a developer machine, fail in CI (never silently green)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium); never run `playwright install`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# ---------------------------------------------------------------------------
# The generator's tests never read the shipped data/ and content/
# ---------------------------------------------------------------------------

SHIPPED = (str(ROOT / "data"), str(ROOT / "content"))
CONTENT_CHECKS = ROOT / "tests" / "content_checks"
_reading_guard: dict = {"on": False, "seen": []}


def _shipped_reads(event: str, args: tuple) -> None:
    """An audit hook (PEP 578): notes every file or folder of data/ or content/ the running
    generator test opens or lists in this process (subprocesses are the editorial-cycle test's
    business, and the content's checks read the shipped files on purpose)."""
    if not _reading_guard["on"] or event not in ("open", "os.listdir", "os.scandir"):
        return
    target = args[0] if args else None
    if isinstance(target, int) or target is None:
        return
    if event == "open" and args[1] is None and not os.path.isabs(os.fsdecode(target)):
        return  # os.open, whose relative name may be relative to a dir_fd (shutil.rmtree), not the cwd
    try:
        path = os.path.abspath(os.fsdecode(target))
    except (TypeError, ValueError):
        return
    if any(path == top or path.startswith(top + os.sep) for top in SHIPPED):
        _reading_guard["seen"].append(path)


sys.addaudithook(_shipped_reads)  # once, when the test session loads this file


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """The same for what a generator test's fixtures read (a session's site build among them)."""
    yield from _guarded(item)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """A generator test that reads data/ or content/ fails, naming the first file it read."""
    yield from _guarded(item)


def _guarded(item):
    generator_test = CONTENT_CHECKS not in Path(str(item.fspath)).parents
    _reading_guard.update(on=generator_test, seen=[])
    outcome = yield
    _reading_guard["on"] = False
    if generator_test and _reading_guard["seen"] and outcome.excinfo is None:
        first = _reading_guard["seen"][0]
        outcome.force_exception(AssertionError(
            f"a generator test read the shipped {os.path.relpath(first, ROOT)}: use the fixtures "
            "(tests/fixtures/site, tests/fixtures/small); only tests/content_checks read data/ and content/"))
