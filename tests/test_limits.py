"""Bounded work on hostile input at the size limits: time and memory grow with the input, and the
report is capped per file.

A data file of a million broken records, or a page full of raw HTML, once took minutes and
gigabytes and printed millions of lines. Each case here is compared with a clean input of the same
size (a loose ratio of CPU time and peak memory, not a wall-clock timer, so a busy machine does not
fail it), and its report holds at most MAX_PER_FILE problems per file and a note for the rest.
Run on copies of the small fixture.
"""

from __future__ import annotations

import contextlib
import json
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.check.markdown_safety import Checker
from generator.load.yaml_file import MAX_BYTES, load_text
from generator.model.errors import MAX_PER_FILE, DataError
from tests.helpers import ROOT, SMALL, TODAY, copy_fixture

RATIO = 10
"""A hostile input may cost at most this many times a clean input of the same size."""
SIZE = MAX_BYTES - 512 * 1024
"""Just under the size limit of a data file."""

_MEASURED = """\
import resource, sys
from generator.commands.cli import main
try:
    main(sys.argv[1:])
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"\\nKG-USAGE {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}", file=sys.stderr)
"""
"""`check`, reporting its own CPU seconds and peak memory (KB) when it ends."""


def _limit_memory() -> None:
    # Without its fix a case took 9 GB: never let one take the shared machine down.
    resource.setrlimit(resource.RLIMIT_AS, (6 * 1024 ** 3, 6 * 1024 ** 3))


def _check(root: Path, timeout: float) -> tuple[float, int, dict]:
    """`check --format json` on a project: (CPU seconds, peak memory in KB, the report)."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, "check", "--data", str(root / "data"), "--content",
         str(root / "content"), "--today", TODAY.isoformat(), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout, preexec_fn=_limit_memory)
    usage = result.stderr.rsplit("KG-USAGE ", 1)[1].split()
    return float(usage[0]), int(usage[1]), json.loads(result.stdout)


def _copy(tmp_path: Path, name: str) -> Path:
    return copy_fixture(tmp_path / name, SMALL)


def _changes(tmp_path: Path, name: str, record: str) -> Path:
    """A copy of the small fixture whose changes.yaml is `record` repeated up to SIZE bytes."""
    root = _copy(tmp_path, name)
    text = "changes:\n" + "".join(record.format(i) for i in range(SIZE // len(record.format(0))))
    (root / "data" / "changes.yaml").write_text(text, encoding="utf-8")
    assert SIZE - 100 < len(text) <= MAX_BYTES
    return root


def test_a_data_file_of_broken_records_costs_what_a_clean_one_does(tmp_path):
    clean = _changes(tmp_path, "clean", "- {{id: c{0:07d}, date: 2026-01-01, text: {{fi: a, sv: b}}}}\n")
    started = time.monotonic()
    clean_cpu, clean_memory, report = _check(clean, timeout=600)
    assert report["errors"] == 0, report["problems"][:3]
    timeout = RATIO * (time.monotonic() - started) + 60
    broken = _changes(tmp_path, "broken", "- {{x: 1}}\n")  # four problems in every record
    cpu, memory, report = _check(broken, timeout=timeout)
    assert cpu < RATIO * clean_cpu, (cpu, clean_cpu)
    assert memory < 3 * clean_memory, (memory, clean_memory)
    changes = [p for p in report["problems"] if p["file"].endswith("changes.yaml")]
    shown = [p for p in changes if p["severity"] == "error"]
    assert len(shown) == MAX_PER_FILE
    # The check stopped at the record after the last one it read, and says so there.
    stopped = [p for p in changes if p["code"] == "more-problems-unchecked"]
    assert len(stopped) == 1 and stopped[0]["line"] > max(p["line"] for p in shown), stopped


def test_problems_past_the_cap_are_counted_in_one_note(tmp_path):
    """Problems of the rules after the schema (here: unknown pages) are capped too, and the note says
    how many more there are, in the editor's language."""
    extra = 7
    root = _copy(tmp_path, "refs")
    records = "".join(f"  - {{id: c{i}, date: 2026-01-01, text: {{fi: a, sv: b}}, pages: [ei-ole-{i}]}}\n"
                      for i in range(MAX_PER_FILE + extra))
    (root / "data" / "changes.yaml").write_text("changes:\n" + records, encoding="utf-8")
    words = {"en": f"{extra} more problems in this file are not shown (only the first {MAX_PER_FILE} are listed)",
             "fi": f"tiedostossa on lisää ongelmia, joita ei näytetä: {extra} (vain {MAX_PER_FILE} ensimmäistä "
                   "luetellaan)",
             "sv": f"filen har fler problem som inte visas: {extra} (bara de {MAX_PER_FILE} första listas)"}
    for lang, message in words.items():
        result = subprocess.run([sys.executable, "-m", "generator", "check", "--data", str(root / "data"),
                                 "--today", TODAY.isoformat(), "--format", "json", "--lang", lang],
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
        problems = [p for p in json.loads(result.stdout)["problems"] if p["file"].endswith("changes.yaml")]
        assert [p["code"] for p in problems] == ["more-problems"] + ["unknown-ref"] * MAX_PER_FILE, problems
        assert problems[0]["message"] == message
        assert [p["line"] for p in problems[1:]] == list(range(2, 2 + MAX_PER_FILE))


def test_the_loader_makes_no_more_problems_than_are_shown():
    """A file of a million duplicate keys or invisible characters: the loader counts what is past
    the cap instead of making (and keeping) a message for each."""
    extra = 9
    records = "".join("- {x: 1, x: 2, y: \"a\u200bb\"}\n" for _ in range(MAX_PER_FILE + extra))
    with pytest.raises(DataError) as refused:
        load_text("changes:\n" + records, "changes.yaml")
    problems = refused.value.problems
    assert [p.code for p in problems] == ["duplicate-key"] * MAX_PER_FILE + ["more-problems"]
    assert problems[-1].args == (extra, MAX_PER_FILE)
    doc = load_text("changes:\n" + records.replace("x: 2, ", ""), "changes.yaml")
    assert [w.code for w in doc.warnings] == ["invisible-char"] * MAX_PER_FILE + ["more-problems"]
    assert doc.warnings[-1].args == (extra, MAX_PER_FILE)


# ---------------------------------------------------------------------------
# A big page: its problems are located in one pass, and at most MAX_PER_FILE of them
# ---------------------------------------------------------------------------

PAGE_PARAGRAPHS = 12_000
"""About 400 KB of Markdown: Python-Markdown reads about 100 KB a second here."""


@contextlib.contextmanager
def _deadline(seconds: float):
    """Stop a case that runs away (without its fix one took minutes) instead of waiting for it."""
    def expired(*_):
        raise TimeoutError(f"over {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _page_check(checker: Checker, body: str, timeout: float) -> tuple[float, list]:
    """CPU seconds of what `check` does with a page's body (its problems, then its links)."""
    with _deadline(timeout):
        started = time.process_time()
        problems = checker.problems("sivu.md", body, 1)
        checker.links(body, 1)
        return time.process_time() - started, problems


def _paragraphs(text: str) -> str:
    return "".join(f"\nKappale {i}: {text}\n" for i in range(PAGE_PARAGRAPHS))


@pytest.fixture(scope="module")
def clean_page() -> tuple[Checker, float, float]:
    """A Checker, and the CPU and wall seconds of a clean page of PAGE_PARAGRAPHS paragraphs."""
    checker = Checker()
    started = time.monotonic()
    cpu, problems = _page_check(checker, _paragraphs("**lihava** teksti."), timeout=600)
    assert problems == []
    return checker, cpu, time.monotonic() - started


def test_a_page_full_of_raw_html_costs_what_a_clean_one_does(clean_page):
    checker, clean_cpu, clean_wall = clean_page
    body = _paragraphs("<b>lihava</b> teksti.")  # as long as the clean page, line for line
    cpu, problems = _page_check(checker, body, timeout=RATIO * clean_wall + 30)
    assert cpu < RATIO * clean_cpu, (cpu, clean_cpu)
    errors = [p for p in problems if p.severity == "error"]
    # The first MAX_PER_FILE, each at its own line (one paragraph is two lines), then one note.
    assert [(p.line, p.column, p.code) for p in errors] == \
        [(2 + 2 * i, len(f"Kappale {i}: ") + 1, "html-in-content") for i in range(MAX_PER_FILE)]
    assert [p.code for p in problems if p.severity != "error"] == ["more-problems-page"]


def test_one_tag_at_the_end_of_a_big_page_is_found_without_converting_it_again_and_again(clean_page):
    """The page is read twice (whole, then block by block), never again and again over its whole
    length (the bisection over the whole page cost about 8 times a clean page here)."""
    checker, clean_cpu, clean_wall = clean_page
    body = _paragraphs("**lihava** teksti.") + "\nLoppu <b>x</b>\n"
    cpu, problems = _page_check(checker, body, timeout=RATIO * clean_wall + 30)
    assert cpu < 4 * clean_cpu, (cpu, clean_cpu)
    assert [(p.line, p.column, p.code) for p in problems] == [(2 * PAGE_PARAGRAPHS + 2, 7, "html-in-content")]


def test_a_finding_only_the_whole_page_shows_is_located_within_a_budget():
    """Thousands of reference links to one script link defined at the end: no block shows the
    finding alone, so it is looked for in the whole page, within a budget of conversions (it cost
    about 9 times a clean page here); past it, the page is refused as a whole."""
    checker = Checker()
    started = time.monotonic()
    clean_cpu, problems = _page_check(checker, _paragraphs("[linkki][r] teksti.") + "\n[r]: https://kanta.fi/\n",
                                      timeout=600)
    assert problems == []
    body = _paragraphs("[linkki][r] teksti.") + "\n[r]: javascript:alert(1)\n"
    cpu, problems = _page_check(checker, body, timeout=RATIO * (time.monotonic() - started) + 30)
    assert cpu < 6 * clean_cpu, (cpu, clean_cpu)
    assert [(p.line, p.code) for p in problems if p.severity == "error"] == [(0, "script-link-in-content")]
