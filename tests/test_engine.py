"""The warm MkDocs helper (engine.py + mkdocs_speedups.py) writes exactly what MkDocs writes.

The helper reaches into MkDocs' internals for speed; this is the test that it changes nothing:
the same generated sources built by the helper and by plain `mkdocs build --strict` give the
same files, byte for byte, in every language: on the small fixture with and without the
speed-ups, and on the full fixture (every page type and data feature) as the session's build made it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import TEMPLATE_DIR
from generator.build.engine import Engine
from generator.build.mkdocs_build import epoch
from generator.check.validate import load_project
from generator.commands.pipeline import build_site
from generator.model.plan import SitePlan

from .helpers import CONTENT, DATA, SMALL, TODAY

EPOCH = 1767225600  # 2026-01-01: any fixed value, given to both builds


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def work(small_site: Path) -> Path:
    """The small fixture's generated sources (build/<lang>/mkdocs.yml and docs/), as the session's
    build of it left them."""
    return small_site.parent / "work"


@pytest.mark.parametrize("speedups", ["all", "none"])
def test_the_helper_writes_what_plain_mkdocs_build_strict_writes(work: Path, tmp_path: Path,
                                                                   speedups: str, monkeypatch):
    monkeypatch.setenv("KG_SPEEDUPS", speedups)
    configs = sorted(work.glob("*/mkdocs.yml"))
    assert [c.parent.name for c in configs] == ["fi", "sv"]
    staging = work / "site"
    with Engine(tmp_path / "cache") as engine:
        engine.start(configs, source_date_epoch=EPOCH)
        assert engine.wait() == []
    helper = {c.parent.name: tree(staging / c.parent.name) for c in configs}

    for config in configs:
        lang = config.parent.name
        plain = tmp_path / "plain" / lang
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH), PYTHONHASHSEED="0")
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                              "-d", str(plain)], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        expected = tree(plain)
        assert sorted(helper[lang]) == sorted(expected), f"{lang}: different file lists"
        different = [name for name in expected if helper[lang][name] != expected[name]]
        assert different == [], f"{lang}: the helper's output differs from mkdocs build --strict"


def plain_mkdocs_build(config: Path, out: Path, source_date_epoch: int, *args: str) -> subprocess.Popen:
    """`mkdocs build -f config -d out` in a child process, as a person would run it."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch), PYTHONHASHSEED="0")
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", *args, "-f", str(config), "-d", str(out)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_full_fixtures_build_is_what_plain_mkdocs_build_strict_writes(full_site: Path, tmp_path: Path):
    """The session's build of the full fixture (the helper with every speed-up) against plain
    `mkdocs build --strict` on the sources it left in its work folder: every file MkDocs writes
    is the same bytes, and the only others in a language's folder are the data files publish adds."""
    site = SitePlan(load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)[0], TODAY)
    work = full_site.parent / "work"
    configs = sorted(work.glob("*/mkdocs.yml"))
    assert [c.parent.name for c in configs] == list(site.project.languages)
    source_date_epoch = epoch(max(page.updated for page in site.pages))
    runs = {c.parent.name: plain_mkdocs_build(c, tmp_path / c.parent.name, source_date_epoch, "--strict")
            for c in configs}
    for lang, run in runs.items():
        _, stderr = run.communicate()
        assert run.returncode == 0, stderr
        expected, built = tree(tmp_path / lang), tree(full_site / lang)
        published = {name.removeprefix(f"{lang}/") for name in site.data_files() if name.startswith(f"{lang}/")}
        assert sorted(set(built) - set(expected)) == sorted(published), f"{lang}: different file lists"
        different = [name for name in expected if built[name] != expected[name]]
        assert different == [], f"{lang}: the helper's output differs from mkdocs build --strict"


def test_the_comparison_can_fail(work: Path, tmp_path: Path):
    """Guard for the test above: a changed source really shows as a difference."""
    a, b = tmp_path / "a", tmp_path / "b"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH), PYTHONHASHSEED="0")
    config = work / "fi" / "mkdocs.yml"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(a)],
                   env=env, check=True)
    page = next((work / "fi" / "docs").glob("*.md"))
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original + "\nLisätty kappale.\n", encoding="utf-8")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(b)],
                       env=env, check=True)
    finally:
        page.write_text(original, encoding="utf-8")
    assert tree(a) != tree(b)


def test_ctrl_c_in_the_terminal_does_not_reach_the_helper():
    """The terminal sends Ctrl+C to its whole foreground process group; the helper has its own,
    so a build is stopped by its caller (which then says so), not by a helper dying mid-build."""
    with Engine(Path("/nonexistent-cache")) as engine:
        assert os.getpgid(engine.proc.pid) == engine.proc.pid != os.getpgid(0)


def test_an_interrupt_while_the_helper_builds_is_the_interrupt_not_a_helper_failure(work: Path):
    """Ctrl+C while MkDocs builds (`serve`): if the helper stopped too, the caller still gets the
    interrupt; before, the helper's dead pipe replaced it and the preview kept running."""
    from generator.build.mkdocs_build import run_mkdocs

    engine = Engine(work / ".jinja-cache")

    def interrupted() -> None:
        engine.proc.kill()  # the helper dies as well (as it did when Ctrl+C reached it)
        engine.proc.wait()
        raise KeyboardInterrupt

    with engine, pytest.raises(KeyboardInterrupt):
        run_mkdocs(engine, [work / "fi" / "mkdocs.yml"], source_date_epoch=EPOCH, meanwhile=interrupted)


def test_a_helper_killed_mid_build_leaves_no_build_process_behind(work: Path, tmp_path: Path):
    """The builds run in processes of the helper's own group; when the helper dies, they end
    too, instead of waiting for its next request forever."""
    with Engine(tmp_path / "cache") as engine:
        configs = sorted(work.glob("*/mkdocs.yml"))
        engine.start(configs, source_date_epoch=EPOCH)
        group = engine.proc.pid
        deadline = time.monotonic() + 30
        while _members(group) < 1 + len(configs) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _members(group) == 1 + len(configs), "the builds never started"
        engine.proc.kill()
        engine.proc.wait()
    deadline = time.monotonic() + 10
    while _members(group) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _members(group) == 0


def _members(group: int) -> int:
    """Processes (zombies not counted) in a process group."""
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        count += fields[2] == str(group) and fields[0] != "Z"
    return count


def test_a_helper_that_stops_before_it_is_ready_is_a_build_error(tmp_path: Path):
    """Not an internal error: the build says what the helper printed."""
    from generator.model.errors import BuildError

    with Engine(tmp_path / "cache") as engine:
        engine.proc.kill()
        engine.proc.wait()
        with pytest.raises(BuildError, match="the MkDocs helper stopped"):
            build_site(SMALL / "data", SMALL / "content", tmp_path / "site", today=TODAY,
                       work_dir=tmp_path / "work", engine=engine)
