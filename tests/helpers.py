"""What the generator's tests share: the fixtures' places, the build day, and the small helpers that
copy a fixture, edit one of its files, find a line and run `check` on it.

Test modules import these from here, never from another test module or from a conftest.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from generator.commands.cli import main

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
SHIPPED_DATA = ROOT / "data"
SHIPPED_CONTENT = ROOT / "content"
"""The shipped site, read by the content's checks (tests/content_checks/) only."""


def helsinki_today() -> dt.date:
    """The day the content's checks run for: Helsinki's date, as CI's build."""
    return dt.datetime.now(ZoneInfo("Europe/Helsinki")).date()


def copy_fixture(target: Path, source: Path = FIXTURE, *, urls: bool = False) -> Path:
    """A writable copy of a fixture's data/ and content/ (and its urls.txt with `urls`) in `target`;
    returns `target`. The small fixture (`source=SMALL`) has no urls.txt."""
    shutil.copytree(source / "data", target / "data")
    shutil.copytree(source / "content", target / "content")
    if urls:
        shutil.copy(source / "urls.txt", target / "urls.txt")
    return target


def run_check(data: Path, *args: str, today: str = TODAY.isoformat()) -> Result:
    """`check --data <data> --today <today> <args>` in this process. It must end as a command ends
    (with an exit code), never with a traceback or its internal-error line."""
    result = CliRunner().invoke(main, ["check", "--data", str(data), "--today", today, *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    return result


def run_check_process(data: Path, *args: str) -> subprocess.CompletedProcess:
    """`check` in a child process with a time limit: a FIFO that is opened would block it for ever."""
    return subprocess.run([sys.executable, "-m", "generator", "check", "--data", str(data),
                           "--today", TODAY.isoformat(), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)


def edit(data: Path, name: str, old: str, new: str, count: int = 1) -> str:
    """Replace the first `count` occurrences of `old` in data/<name>; returns the new text."""
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drifted: {old!r} not in {name}"
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(source: Path | str, needle: str, nth: int = 1) -> int:
    """1-based number of the nth line (of a file, or of a text) that contains `needle`; nth=-1: the last."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[nth - 1] if nth > 0 else hits[nth]


def set_dates(data: Path, period_ids, state: str) -> None:
    """Set `dates:` of the given periods in data/periods.yaml (the fixture's say `example`)."""
    path = data / "periods.yaml"
    text = path.read_text(encoding="utf-8")
    for pid in period_ids:
        head, _, tail = text.partition(f'  - id: "{pid}"\n')
        assert tail, pid
        text = head + f'  - id: "{pid}"\n' + tail.replace("    dates: example\n", f"    dates: {state}\n", 1)
    path.write_text(text, encoding="utf-8")


def verify_every_source(path: Path, day: str) -> None:
    """Add `verified: <day>` to every entry of every `sources:` list of a data file or a page's front matter."""
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
    """What publishing asks besides dates: every source verified (of the data and of the pages
    beside it), nothing left in `before_publishing:`."""
    for name in ("process.yaml", "services.yaml", "requirements.yaml"):
        verify_every_source(data / name, "2026-11-20")
    for page in sorted((data.parent / "content").glob("*/*.md")):
        verify_every_source(page, "2026-11-20")
    site = data / "site.yaml"
    kept = [ln for ln in site.read_text(encoding="utf-8").splitlines()
            if not ln.startswith("before_publishing:") and not ln.startswith("  - \"")]
    site.write_text("\n".join(kept) + "\n", encoding="utf-8")


def append_lines(page: Path, blocks: list[str]) -> list[range]:
    """Append Markdown blocks to a page, each after a blank line; returns the line range of each."""
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    ranges = []
    for block in blocks:
        start = text.count("\n") + 2
        text += "\n" + block + "\n"
        ranges.append(range(start, start + block.count("\n") + 1))
    page.write_text(text, encoding="utf-8")
    return ranges


def unavailable(message: str) -> None:
    """A tool or a system feature a test needs is not here: a skip on a developer's machine, a
    failure in CI (`CI` set, as `.ci/run` does), so a missing browser, server, file system or
    notes folder never turns CI silently green."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def check_sitemap_pairs(site: Path, plan) -> None:
    """The root sitemap.xml lists every page of the plan once per language, built, with its
    hreflang pairs, x-default (the root for home, else the first language) and lastmod from the
    data (the page's `updated`, never the build day)."""
    import xml.etree.ElementTree as ET

    langs = plan.project.languages
    origin = plan.project.config.site_url.rstrip("/")
    entries = ET.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP_NS)
    by_loc = {e.findtext("s:loc", namespaces=SITEMAP_NS): e for e in entries}
    assert len(by_loc) == len(entries) == len(plan.pages) * len(langs)
    for page in plan.pages:
        group = {lang: origin + plan.url(page.key, lang) for lang in langs}
        for lang, loc in group.items():
            entry = by_loc[loc]
            links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP_NS)}
            assert {k: v for k, v in links.items() if k != "x-default"} == group, loc
            assert links["x-default"] == (origin + "/" if page.key == "home" else group[langs[0]]), loc
            assert entry.findtext("s:lastmod", namespaces=SITEMAP_NS) == page.updated.isoformat(), loc
            built = site / plan.url(page.key, lang).lstrip("/") / "index.html"
            assert built.is_file(), f"{loc} is in the sitemap but was not built"


URL_RE = re.compile(r"https?://[^\s)\]>\"'`|<]+")
ADDRESS_KINDS = {"address": URL_RE,
                 "e-mail": re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"),
                 "phone": re.compile(r"\b0\d{2} \d{3} \d{4}\b")}
ALLOW_LIST = Path(__file__).parent / "allowed-addresses.txt"
"""The addresses, e-mails and phone numbers of the shared notes, committed so that the check runs in
any clone; tests/test_sources.py keeps it equal to the notes where they are."""


def found_in(pattern: re.Pattern, text: str) -> set[str]:
    return {m.rstrip(".,;:") for m in pattern.findall(text)}


def addresses_not_in_the_notes(data: Path, content: Path) -> list[str]:
    """Every address, e-mail and phone number of the data files and pages that the shared notes
    (ALLOW_LIST) lack, as "file: value". The site's own address is no fact about Kanta: it is left
    out while site.yaml marks it unknown (`site_url_known: false`), a placeholder."""
    from generator.load.yaml_file import load_file

    site = load_file(data / "site.yaml", "site.yaml").data
    assert isinstance(site, dict)
    placeholder = {site["site_url"]} if site.get("site_url_known") == "false" else set()
    allowed = ALLOW_LIST.read_text(encoding="utf-8")
    files = sorted(data.glob("*.yaml")) + sorted(content.rglob("*.md"))
    return [f"{os.path.relpath(path, data.parent)}: {value}"
            for path in files for kind, pattern in ADDRESS_KINDS.items()
            for value in sorted(found_in(pattern, path.read_text(encoding="utf-8"))
                                - found_in(pattern, allowed) - placeholder)
            if not value.startswith("https://json-schema.org")]
