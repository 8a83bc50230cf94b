"""Hostile input and failures, each reproduced as a user meets it: the real command line (the
command's own entry point run in this process; a child process where a second process, a signal or
the interpreter's own failure is the point) on a copy of the small fixture, with the whole folder
compared byte for byte.

* folders a build may replace (generator/model/guard.py): sources, the repository, the current
  folder, home, /, each other, foreign and linked folders, the swap's `.old`/`.new` siblings;
  the output stamp is never published; other commands that write (`serve --out`,
  `urls --manifest`, `new …`);
* two builds at once (the lock);
* no traceback from any command: the catch-all, `--debug`, a full or read-only disk;
* dates outside 2000–2100 in the data and in `--today`;
* the placeholders of strings.yaml, and the table of them kept in step with the code;
* the default today is Helsinki's date;
* `schemas` writes only its own files, beside its data.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.model.guard import OUTPUT_STAMP, WORK_STAMP, lock
from generator.model.placeholders import FILLED
from generator.model.schema import DATA_FILES
from tests.helpers import DATA, ROOT, SMALL, copy_fixture, line_of, unavailable

PYTHON = sys.executable


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A checkout-like folder: the small fixture's data/ and content/, nothing else."""
    proj = tmp_path / "proj"
    copy_fixture(proj, SMALL)
    return proj


def run(cwd: Path, *args: str, home: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m generator <args>` in `cwd`, run in this process (starting Python and importing the
    generator again for each of this module's hundred commands is most of their time). What
    escaped the command's own handling would have been the interpreter's traceback: it is shown
    on stderr with exit code 1, as the child process would have shown it."""
    from click.testing import CliRunner

    from generator.commands.cli import main

    with contextlib.chdir(cwd):
        result = CliRunner().invoke(main, list(args), prog_name="python -m generator",
                                    env={"HOME": str(home)} if home is not None else None)
    stderr, code = result.stderr, result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
        code = 1
    return subprocess.CompletedProcess([PYTHON, "-m", "generator", *args], code, result.stdout, stderr)


def run_process(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m generator <args>` in a child process of its own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([PYTHON, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry below folder: a file's bytes, a link's target, a folder's name."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            found[rel] = path.read_bytes()
        else:
            found[rel] = "dir"
    return found


def assert_refused(result: subprocess.CompletedProcess, before: dict, folder: Path, *phrases: str,
                   code: int = 2) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr
    assert snapshot(folder) == before, "a refused command must change nothing"


# ---------------------------------------------------------------------------
# 1. Folders a build may replace
# ---------------------------------------------------------------------------

# (options, words of the message): every one refused before anything is touched.
REFUSED = {
    "out is data": (["--out", "data"], "overlaps the source folder"),
    "out inside data": (["--out", "data/site"], "overlaps the source folder"),
    "out is content": (["--out", "content"], "overlaps the source folder"),
    "out inside content": (["--out", "content/fi"], "overlaps the source folder"),
    "work is content": (["--work", "content"], "overlaps the source folder"),
    "work is data": (["--work", "data"], "overlaps the source folder"),
    "out is the checkout": (["--out", "."], "is or contains the repository"),
    "out contains the checkout": (["--out", ".."], "is or contains"),
    "out is the checkout, spelled absolute": (["--out", "{proj}"], "is or contains the repository"),
    "out is the checkout, spelled with dots": (["--out", "site/.."], "is or contains the repository"),
    "out is /": (["--out", "/"], "is the root of the file system"),
    "work is /": (["--work", "/"], "is the root of the file system"),
    "out is home": (["--out", "{home}"], "is or contains your home folder"),
    "work is out": (["--out", "site", "--work", "site"], "overlap"),
    "work inside out": (["--out", "site", "--work", "site/work"], "overlap"),
    "out inside work": (["--out", "build/site"], "overlap"),
    "out is a file": (["--out", "data/../notes.txt"], "is not a folder"),
    "out is a foreign folder": (["--out", "docs"], "_kanta-guide-output"),
    "work is a foreign folder": (["--work", "docs"], "_kanta-guide-work"),
    "out is a link to a foreign folder": (["--out", "linked"], "symbolic link"),
    "out is a link to the data": (["--out", "linked-data"], "overlaps the source folder"),
    "the swap's .old is foreign": (["--out", "pub"], "pub.old"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_build_refuses_a_folder_it_may_not_replace(project: Path, tmp_path: Path, name: str):
    options, phrase = REFUSED[name]
    home = tmp_path / "home"
    (home / "photos").mkdir(parents=True)
    (home / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    (project / "notes.txt").write_text("my notes")
    (project / "docs").mkdir()
    (project / "docs" / "guide.md").write_text("# guide")
    (project / "linked").symlink_to(project / "docs")
    (project / "linked-data").symlink_to(project / "data")
    (project / "pub.old").mkdir()
    (project / "pub.old" / "mine.txt").write_text("not an old output")
    options = [o.format(proj=project, home=home) for o in options]
    before = snapshot(tmp_path)
    result = run(project, "build", *options, home=home)
    assert_refused(result, before, tmp_path, phrase, "Nothing was changed")


def test_refusals_are_in_the_editors_language(project: Path):
    before = snapshot(project)
    result = run(project, "build", "--out", "data", "--lang", "fi")
    assert_refused(result, before, project, "osuu lähdekansioon", "Mitään ei muutettu")
    result = run(project, "build", "--out", "data", "--lang", "sv")
    assert_refused(result, before, project, "överlappar källmappen", "Ingenting ändrades")


def test_a_previous_output_is_replaced_and_carries_the_stamp(project: Path):
    first = run(project, "build", "--today", "2026-11-25")
    assert first.returncode == 0, first.stderr
    assert (project / "site" / OUTPUT_STAMP).is_file()
    assert (project / "build" / WORK_STAMP).is_file()
    (project / "site" / "stale.html").write_text("from an older build")
    again = run(project, "build", "--today", "2026-11-25")
    assert again.returncode == 0, again.stderr
    assert not (project / "site" / "stale.html").exists(), "the output is replaced as a whole"
    assert not (project / "site.old").exists()
    # An empty folder, and a new one, are fine too.
    (project / "empty").mkdir()
    assert run(project, "build", "--out", "empty", "--today", "2026-11-25").returncode == 0


def test_the_stamp_is_not_published(project: Path):
    from generator.model.manifest import published_urls
    from generator.publish.cdn import HOST_FILES

    assert run(project, "build", "--today", "2026-11-25").returncode == 0
    site = project / "site"
    assert OUTPUT_STAMP in HOST_FILES
    assert OUTPUT_STAMP.startswith("_"), "nginx's `location ^~ /_` answers 404 for it"
    assert not [url for url in published_urls(site) if "kanta-guide" in url]
    for name in ("sitemap.xml", "_headers", "_redirects", "robots.txt"):
        assert "kanta-guide" not in (site / name).read_text(encoding="utf-8"), name
    nginx = (site / "_nginx.conf").read_text(encoding="utf-8")
    assert re.search(r'location \^~ "?/_"? \{', nginx), "the `/_` files are denied by nginx"
    # Nothing in the stamp tells a reader anything about the machine that built it.
    text = (site / OUTPUT_STAMP).read_text(encoding="utf-8")
    assert str(project) not in text and "/" not in text.replace("python -m generator build", "")


def test_make_clean_still_removes_the_outputs(project: Path):
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    assert run(project, "build", "--today", "2026-11-25").returncode == 0
    assert (project / "site.lock").exists() and (project / "build.lock").exists()
    result = subprocess.run(["make", "-s", "clean"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not any((project / name).exists() for name in ("site", "build", "site.lock", "build.lock"))
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "site.lock" in ignored and "build.lock" in ignored


def test_serve_refuses_a_source_folder_as_its_preview_folder(project: Path):
    before = snapshot(project)
    # In a child process: were it not refused, it would serve until the time limit, not for ever.
    result = run_process(project, "serve", "--port", "0", "--out", "content/fi")
    assert_refused(result, before, project, "--out content/fi", "overlaps the source folder")


@pytest.mark.parametrize("target, phrase", [
    ("data/site.yaml", "lies in the source folder"),
    ("content/fi/index.md", "lies in the source folder"),
    ("notes.txt", "is not a file this command wrote"),
    ("/dev/null", "is not a regular file"),
    ("link.txt", "is not a regular file"),
])
def test_urls_update_rewrites_only_its_own_manifest(project: Path, target: str, phrase: str):
    (project / "notes.txt").write_text("my notes")
    (project / "folder").mkdir()
    (project / "link.txt").symlink_to(project / "notes.txt")
    before = snapshot(project)
    result = run(project, "urls", "--update", "--manifest", target, "--today", "2026-11-25")
    assert_refused(result, before, project, phrase)


@pytest.mark.parametrize("period_id, phrase", [
    ("1/9999", "with a year from 2000 to 2100"),
    ("1/1999", "with a year from 2000 to 2100"),
    ("1/2028\n", "'1/2028<U+000A>' is not a period id"),
    ("1/٢٠٢٨", "is not a period id"),
])
def test_new_period_refuses_without_touching_the_data(project: Path, period_id: str, phrase: str):
    before = snapshot(project)
    result = run(project, "new", "period", period_id, "--today", "2026-11-25")
    assert_refused(result, before, project, phrase, code=1)


def test_new_period_that_would_be_invalid_leaves_the_file_as_it_was(project: Path):
    periods = project / "data" / "periods.yaml"
    # A key after the list: the appended record would land under it.
    periods.write_text(periods.read_text(encoding="utf-8") + "extra_key_after_the_list: x\n",
                       encoding="utf-8")
    before = snapshot(project)
    result = run(project, "new", "period", "1/2030", "--today", "2026-11-25")
    assert result.returncode == 1
    line = line_of(periods, "extra_key_after_the_list")
    assert result.stderr == ("error: fix the data first (run `make check`), nothing was added: "
                             f"data/periods.yaml:{line}:1: unknown key 'extra_key_after_the_list'\n")
    assert snapshot(project) == before


# ---------------------------------------------------------------------------
# 2. Two builds into one folder
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("held", ["site", "build"])
def test_a_second_build_waits_for_no_one_and_says_another_is_running(project: Path, held: str):
    assert run(project, "build", "--today", "2026-11-25").returncode == 0
    before = snapshot(project)
    with lock(project / held):
        result = run_process(project, "build", "--today", "2026-11-25")
    assert_refused(result, before, project, "Another build is writing into", held)
    # Released (as it is when a build process ends, however it ends): the next build runs.
    assert run_process(project, "build", "--today", "2026-11-25").returncode == 0


# ---------------------------------------------------------------------------
# 3. No traceback: the catch-all, --debug, the disk
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("command, module, function", [
    ("build", "generator.render.pages", "render"),
    ("check", "generator.check.validate", "load_project"),
    ("translations", "generator.check.validate", "load_project"),
])
def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(project: Path, command: str,
                                                                       module: str, function: str):
    """A bug cannot be made on purpose with real input (that is what makes it a bug), so one is
    planted: a sitecustomize that breaks one function for this process only."""
    plant = project.parent / "plant"
    plant.mkdir()
    (plant / "sitecustomize.py").write_text(
        f"import {module} as target\n"
        "def broken(*a, **k):\n"
        "    raise RuntimeError('planted bug')\n"
        f"target.{function} = broken\n")
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{plant}"}

    def invoke(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([PYTHON, "-m", "generator", *extra, command, "--today", "2026-11-25"],
                              cwd=project, env=env, capture_output=True, text=True, timeout=300)

    before = snapshot(project)
    result = invoke()
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    if command == "build":  # after the one line, the promise: the previous site is as it was
        assert lines[0].startswith("Build failed: Internal error while running 'build' (RuntimeError: "
                                   "planted bug)")
        assert lines[1:] == ["The previous site/ was left as it was."]
    else:
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"Internal error while running '{command}' (RuntimeError: planted bug)")
    assert "--debug" in lines[0]
    # The sources as they were, and no site (the work folder is scratch: the build got that far).
    after = {k: v for k, v in snapshot(project).items()
             if not k.startswith("build") and not k.endswith(".lock")}
    assert after == before
    debug = invoke("--debug")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "planted bug" in debug.stderr


def test_ctrl_c_during_a_build_is_one_line_in_the_editors_language(project: Path):
    """A real SIGINT while the build renders (a planted pause, so the moment is certain): one line
    in Finnish instead of click's "Aborted!", the shell's status 130, the previous site as it was."""
    assert run(project, "build", "--today", "2026-11-25").returncode == 0
    before = snapshot(project)
    plant = project.parent / "plant"
    plant.mkdir()
    marker = project.parent / "rendering"
    (plant / "sitecustomize.py").write_text(
        "import pathlib, time\n"
        "import generator.render.pages as target\n"
        "def paused(*a, **k):\n"
        f"    pathlib.Path({str(marker)!r}).touch()\n"
        "    time.sleep(60)\n"
        "target.render = paused\n")
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{plant}"}
    proc = subprocess.Popen([PYTHON, "-m", "generator", "build", "--lang", "fi", "--today", "2026-11-25"],
                            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), proc.communicate()[1]
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends to its foreground group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["Keskeytetty (Ctrl+C)."], err
    kept = {k: v for k, v in before.items() if not k.startswith("build")}
    assert {k: v for k, v in snapshot(project).items() if not k.startswith("build")} == kept


def _mount_tmpfs(folder: Path, *options: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(folder)],
                            capture_output=True)
    return result.returncode == 0


def _unwritable_or_skip(folder: Path) -> None:
    """Take write permission away; root ignores it, so root without the right to mount (a
    container without CAP_SYS_ADMIN) has no real way to make a full or read-only folder."""
    if os.geteuid() == 0:
        unavailable("as root, only a mounted tmpfs makes a real full or read-only folder, and "
                    "mounting is not permitted here")
    folder.chmod(0o500)


@pytest.fixture
def full_disk(tmp_path: Path):
    """A 600 KB file system: the site does not fit. Real, so it needs root (CI runs as root);
    elsewhere the folder is made unwritable instead and the permission message is checked."""
    folder = tmp_path / "small-disk"
    mounted = _mount_tmpfs(folder, "size=600k")
    if not mounted:
        _unwritable_or_skip(folder)
    yield folder, mounted
    if mounted:
        subprocess.run(["umount", str(folder)], check=False)
    else:
        folder.chmod(0o700)


@pytest.mark.parametrize("option", ["--out", "--work"])
def test_a_full_disk_is_one_line_per_cause_and_the_previous_site_stays(project: Path, full_disk,
                                                                       option: str):
    folder, mounted = full_disk
    assert run(project, "build", "--today", "2026-11-25").returncode == 0
    before = snapshot(project)
    target = folder / "x"
    result = run(project, "build", option, str(target), "--today", "2026-11-25")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # One line per cause (and per language MkDocs built), not a tuple of every failed file.
    assert len(result.stderr.splitlines()) <= 6, result.stderr
    assert len(result.stderr) < 1500, result.stderr
    assert ("No space left on device" in result.stderr or "the disk is full" in result.stderr) if mounted \
        else ("permission denied" in result.stderr or "Permission denied" in result.stderr)
    assert "was left as it was" in result.stderr
    # The sources and the previous site as they were (the work folder is scratch: the staging
    # copy of the new site stays there for inspection).
    kept = {k: v for k, v in before.items() if not k.startswith("build")}
    assert {k: v for k, v in snapshot(project).items() if not k.startswith("build")} == kept
    if mounted:
        assert not (folder / "x.new").exists(), "a half copy would only fill the disk"


def test_a_read_only_folder_is_one_line_naming_it(project: Path, tmp_path: Path):
    folder = tmp_path / "read-only"
    if not _mount_tmpfs(folder, "ro", "size=1m"):
        _unwritable_or_skip(folder)
    try:
        result = run(project, "build", "--out", str(folder / "site"), "--lang", "fi")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert str(folder) in result.stderr
        assert "vain luku" in result.stderr or "lupa evätty" in result.stderr
        assert "jäi ennalleen" in result.stderr
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)
        folder.chmod(0o700)


# ---------------------------------------------------------------------------
# 4. Dates outside 2000–2100
# ---------------------------------------------------------------------------


def _replace_first(path: Path, pattern: str, new: str) -> int:
    """Replace the first match of `pattern` (a regex with one group: the date) and return its line."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, re.M)
    assert match, pattern
    path.write_text(text[: match.start(1)] + new + text[match.end(1):], encoding="utf-8")
    return text.count("\n", 0, match.start(1)) + 1


@pytest.mark.parametrize("file, pattern, value", [
    ("periods.yaml", r"^\s+date: (\S+)", "9999-12-31"),
    ("periods.yaml", r"^\s+end: (\d{4}-\d\d-\d\d)", "9999-12-31"),
    ("periods.yaml", r"^\s+last_reviewed: (\S+)", "9999-12-31"),
    ("periods.yaml", r"opens: (\d{4}-\d\d-\d\d)", "1999-12-31"),
    ("services.yaml", r"^\s+last_reviewed: (\S+)", "2101-01-01"),
    ("changes.yaml", r"^\s+date: (\S+)", "0001-01-01"),
])
def test_dates_outside_the_guides_years_are_refused_where_they_are(project: Path, file: str,
                                                                    pattern: str, value: str):
    line = _replace_first(project / "data" / file, pattern, value)
    result = run(project, "check", "--today", "2026-11-25")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(rf"data/{file}:{line}:\d+: error: '{value}' is outside the years 2000–2100",
                     result.stdout), result.stdout
    fi = run(project, "check", "--today", "2026-11-25", "--lang", "fi")
    assert f"'{value}' on vuosien 2000–2100 ulkopuolella" in fi.stdout
    before = snapshot(project)
    built = run(project, "build", "--today", "2026-11-25")
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("command", [["check"], ["build"], ["urls", "--check"], ["new", "period", "1/2030"],
                                     ["translations"]])
@pytest.mark.parametrize("today", ["9999-12-31", "1999-12-31", "2026-02-30", "tomorrow", "2026-11-25\n"])
def test_a_bad_today_is_a_usage_error(project: Path, command: list[str], today: str):
    before = snapshot(project)
    result = run(project, *command, "--today", today)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "Invalid value for '--today'" in result.stderr
    assert snapshot(project) == before


# ---------------------------------------------------------------------------
# 5. The placeholders of strings.yaml
# ---------------------------------------------------------------------------

PLACEHOLDER_CASES = {
    "unknown name": ('"Käyttöönottojakso {id}"', '"Käyttöönottojakso {idx}"',
                     "the placeholder {idx} is not filled in for 'title-period'"),
    "missing name": ('"Käyttöönottojakso {id}"', '"Käyttöönottojakso"',
                     "the placeholder {id} is missing"),
    # Refused already as attribute lists (the data texts' Markdown check), at the same place.
    "attribute access": ('"Käyttöönottojakso {id}"', '"Käyttöönottojakso {id.__class__}"',
                         "are not allowed in data texts"),
    "conversion": ('"Käyttöönottojakso {id}"', '"Käyttöönottojakso {id!r}"',
                   "are not allowed in data texts"),
    "positional": ('"Käyttöönottojakso {id}"', '"Käyttöönottojakso {0}"',
                   "are not allowed in data texts"),
    "unclosed brace": ('"Käyttöönottojakso {id}"', '"Käyttöönottojakso {id"',
                       "a brace the generator cannot read"),
    "date format": ('"{d}.{m}.{y}"', '"{d}.{m}.{year}"',
                    "the placeholder {year} is not filled in for 'format-date'"),
}


@pytest.mark.parametrize("name", PLACEHOLDER_CASES)
def test_placeholders_the_code_cannot_fill_are_refused_by_check(project: Path, name: str):
    old, new, message = PLACEHOLDER_CASES[name]
    strings = project / "data" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    if old not in text:  # the fixture's own wording
        pytest.fail(f"{old} not in the fixture's strings.yaml")
    line = text[: text.index(old)].count("\n") + 1
    strings.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run(project, "check", "--today", "2026-11-25")
    assert result.returncode == 1
    assert re.search(rf"data/strings\.yaml:{line}:\d+: error: ", result.stdout), result.stdout
    assert message in result.stdout, result.stdout
    before = snapshot(project)
    built = run(project, "build", "--today", "2026-11-25")
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert "Nothing was written" in built.stderr
    assert snapshot(project) == before


def test_a_date_format_may_choose_its_own_placeholders(project: Path):
    strings = project / "data" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace('sv: "{d}.{m}.{y}"', 'sv: "{y}-{mm}-{dd}"', 1), encoding="utf-8")
    assert 'sv: "{y}-{mm}-{dd}"' in strings.read_text(encoding="utf-8")
    result = run(project, "check", "--today", "2026-11-25")
    assert "placeholder" not in result.stdout, result.stdout


def test_braces_in_a_text_that_is_never_filled_in(project: Path):
    strings = project / "data" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    match = re.search(r"^  (title-home): \{fi: ([^,]+),", text, re.M)
    assert match
    strings.write_text(text.replace(match[0], f"  title-home: {{fi: \"{match[2]} {{id}}\",", 1),
                       encoding="utf-8")
    result = run(project, "check", "--today", "2026-11-25")
    assert result.returncode == 1
    assert "the placeholder {id} is not filled in for 'title-home'" in result.stdout
    assert "this text has no placeholders: remove the braces" in result.stdout


def _format_calls() -> dict[str, set[str]]:
    """Every string key the code fills with .format(name=…): in the templates
    (`t('key').format(a=…)`) and in Python (`strings["key"][lang].format(a=…)`)."""
    found: dict[str, set[str]] = {}
    template_call = re.compile(r"""t\(\s*['"]([a-z0-9-]+)['"]\s*\)\.format\(""")
    for tpl in (ROOT / "generator" / "templates").rglob("*.j2"):
        source = tpl.read_text(encoding="utf-8")
        for match in template_call.finditer(source):
            depth, end = 1, match.end()
            while depth:  # to the call's closing parenthesis
                depth += {"(": 1, ")": -1}.get(source[end], 0)
                end += 1
            args = source[match.end(): end - 1]
            found.setdefault(match[1], set()).update(re.findall(r"(\w+)=(?!=)", args))
    for module in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "format":
                target = node.func.value
                while isinstance(target, ast.Subscript):
                    key = target.slice
                    if isinstance(key, ast.Constant) and isinstance(key.value, str) \
                            and re.fullmatch(r"[a-z0-9-]+", key.value) and "-" in key.value:
                        found.setdefault(key.value, set()).update(k.arg for k in node.keywords if k.arg)
                    target = target.value
                # `t("key").format(…)` (timeline.py's own `t`).
                if isinstance(target, ast.Call) and target.args and isinstance(target.args[0], ast.Constant) \
                        and isinstance(target.args[0].value, str) \
                        and re.fullmatch(r"[a-z0-9-]+", target.args[0].value) and "-" in target.args[0].value:
                    found.setdefault(target.args[0].value, set()).update(k.arg for k in node.keywords if k.arg)
    # planner.js: fill(t("key"), { a: …, b: … }) and sentence(tag, t("key"), { a: …, b: … }).
    script = (ROOT / "overrides" / "assets" / "planner.js").read_text(encoding="utf-8")
    for match in re.finditer(r"""(?:fill|sentence)\((?:"\w+",\s*)?t\("([a-z0-9-]+)"\),\s*\{""", script):
        depth, end, names, token = 1, match.end(), set(), ""
        while depth:
            char = script[end]
            depth += {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}.get(char, 0)
            if depth == 1 and char == ":" and re.fullmatch(r"\s*\w+\s*", token):
                names.add(token.strip())
            token = "" if (depth == 1 and char in ",{") else token + char
            end += 1
        found.setdefault(match[1], set()).update(names)
    return found


def test_every_string_the_build_reads_is_one_check_requires(tmp_path: Path, monkeypatch):
    """A key missing from strings.yaml must fail `check` at strings.yaml, not crash the build as an
    internal error: so every key the build reads (recorded during two real builds: the full
    fixture and the small one with all three date states) is in the list `check` asks for.
    Keys the code reads only after asking whether they exist (`only-sector-<id>`) are optional."""
    import datetime as dt

    from generator.check.validate import load_project
    from generator.commands import pipeline
    from generator.model import string_keys

    read: set[str] = set()
    asked: set[str] = set()

    class Recording(dict):
        def __getitem__(self, key):
            read.add(key)
            return super().__getitem__(key)

        def get(self, key, default=None):
            read.add(key)
            return super().get(key, default)

        def __contains__(self, key):
            asked.add(key)
            return super().__contains__(key)

    def recording_load(*args, **kwargs):
        project, warnings = load_project(*args, **kwargs)
        project.strings = Recording(project.strings)
        return project, warnings

    monkeypatch.setattr(pipeline, "load_project", recording_load)
    for name, root in (("full", DATA.parent), ("small", SMALL)):
        pipeline.build_site(root / "data", root / "content", tmp_path / name / "site", today=dt.date(2026, 11, 29),
                            work_dir=tmp_path / name / "work", check_urls=False)
    required = string_keys.USED
    assert len(read) > 200
    assert read - required - asked == set()


def test_a_missing_string_is_a_check_error_not_an_internal_one(project: Path):
    strings = project / "data" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(re.sub(r"(?m)^  timeline-today:.*\n", "", text), encoding="utf-8")
    result = run(project, "check", "--lang", "fi", "--today", "2026-11-25")
    assert result.returncode == 1
    assert "'timeline-today'" in result.stdout + result.stderr and "strings.yaml" in result.stdout + result.stderr


def test_the_placeholder_table_matches_the_code():
    calls = _format_calls()
    assert {"title-period", "calendar-period", "a11y-lead", "planner-period", "timeline-today-at"} <= set(calls), \
        "the scan finds the calls"
    dates = {"format-date": {"d", "m", "y", "dd", "mm"}, "format-time": {"H", "HH", "MM"}}
    for key, names in calls.items():
        assert key in FILLED, f"{key} is filled in by the code but not in placeholders.FILLED"
        assert set(FILLED[key]) == names, key
    for key in set(FILLED) - set(calls):
        assert key in dates and set(FILLED[key]) == dates[key], f"{key}: not filled in by the code"
    # kg.js fills format-date in the browser with the same names.
    script = (ROOT / "overrides" / "assets" / "kg.js").read_text(encoding="utf-8")
    assert set(re.findall(r'replace\("\{(\w+)\}"', script)) == dates["format-date"]


# ---------------------------------------------------------------------------
# 6. Other options that take paths or numbers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("args, phrase", [
    (["urls", "--check", "--from", "data"], "is not a built site"),
    (["urls", "--check", "--from", "/"], "is not a built site"),
    (["urls", "--check", "--from", "missing"], "is not a built site"),
    (["schemas", "--out", "data"], "lies in the source folder"),
    (["schemas", "--out", "content/fi"], "lies in the source folder"),
])
def test_other_paths_are_checked_before_use(project: Path, args: list[str], phrase: str):
    before = snapshot(project)
    result = run(project, *args, "--today", "2026-11-25") if args[0] == "urls" else run(project, *args)
    assert_refused(result, before, project, phrase)


@pytest.mark.parametrize("args, phrase", [
    (["check", "--data", "missing"], "does not exist"),
    (["build", "--data", "missing"], "does not exist"),
    (["translations", "--data", "missing"], "does not exist"),
    (["new", "period", "1/2030", "--data", "missing"], "does not exist"),
    (["check", "--data", "data/site.yaml"], "is a file"),
    (["check", "--content", "data/site.yaml"], "is a file"),
    (["serve", "--port", "99999"], "not in the range"),
    (["serve", "--port", "-1"], "not in the range"),
])
def test_usage_mistakes_are_usage_errors(project: Path, args: list[str], phrase: str):
    before = snapshot(project)
    result = run(project, *args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and phrase in result.stderr, result.stderr
    assert snapshot(project) == before


# ---------------------------------------------------------------------------
# 7. Content pages: links out of the folder, very large pages
# ---------------------------------------------------------------------------

OUTSIDE_PAGE = "---\nid: salainen\ntitle: Salainen\nlast_reviewed: 2026-11-01\n---\n\nFrom outside.\n"


@pytest.mark.parametrize("target", ["outside file", "outside folder's page"])
def test_a_content_page_linking_out_of_the_folder_is_refused(project: Path, tmp_path: Path, target: str):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "salainen.md").write_text(OUTSIDE_PAGE, encoding="utf-8")
    for lang in ("fi", "sv"):  # in both languages: otherwise the missing translation would stop it
        link = project / "content" / lang / "salainen.md"
        if target == "outside file":
            link.symlink_to(outside / "salainen.md")
        else:
            (outside / lang).mkdir()
            (outside / lang / "salainen.md").write_text(OUTSIDE_PAGE, encoding="utf-8")
            link.symlink_to(Path("..") / ".." / ".." / "elsewhere" / lang / "salainen.md")
    result = run(project, "check", "--today", "2026-11-25")
    assert result.returncode == 1
    for lang in ("fi", "sv"):
        assert re.search(rf"content/{lang}/salainen\.md: error: the file is a link to .*elsewhere.*, "
                         "outside the content folder", result.stdout), result.stdout
    built = run(project, "build", "--today", "2026-11-25")
    assert built.returncode == 1 and not (project / "site").exists()


def test_a_link_between_pages_inside_the_content_folder_is_fine(project: Path):
    page = next((project / "content" / "fi").glob("*.md"))
    (project / "content" / "fi" / "kopio.md").symlink_to(page.name)
    result = run(project, "check", "--today", "2026-11-25")
    assert "outside the content folder" not in result.stdout


def test_a_content_page_over_the_size_limit_is_refused_unread(project: Path):
    from generator.load.yaml_file import MAX_BYTES

    page = project / "content" / "fi" / "iso.md"
    with page.open("wb") as file:  # sparse: the test does not write megabytes
        file.truncate(MAX_BYTES + 1)
    result = run(project, "check", "--today", "2026-11-25")
    assert result.returncode == 1
    assert f"content/fi/iso.md: error: the file is {MAX_BYTES + 1} bytes; the limit is {MAX_BYTES}" \
        in result.stdout


# ---------------------------------------------------------------------------
# 8. Any command, any value: a message and an exit code, never a traceback
# ---------------------------------------------------------------------------

# Values a careless or hostile user types: sources, roots, dots, control and bidi characters,
# dates out of range, numbers out of range. Paths are relative to a sandbox project.
VALUES = ["data", "content", ".", "..", "/", "", "site", "build", "data/site.yaml", "missing",
          "site/..", "x\ny", "a\u202eb", "9999-12-31", "1999-01-01", "2026-11-25", "-1", "99999",
          "1/2028", "1/٢٠٢٨", "%2e%2e", "\x01", "fi", "sv", "en", "xx"]
COMMANDS = [["check"], ["check", "--strict"], ["check", "--format", "github"], ["check", "--format", "json"],
            ["build"], ["translations"], ["urls", "--check"], ["urls", "--update"], ["schemas", "--check"],
            ["new", "period"], ["new", "service"]]
OPTIONS = ["--data", "--content", "--today", "--out", "--work", "--lang", "--from", "--manifest", "--port"]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Path:
    proj = tmp_path_factory.mktemp("fuzz") / "proj"
    copy_fixture(proj, SMALL)
    return proj


def test_no_command_prints_a_traceback_on_any_input(sandbox: Path):
    from click.testing import CliRunner
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from generator.commands.cli import main

    sources = {name: snapshot(sandbox / name) for name in ("data", "content")}
    option = st.tuples(st.sampled_from(OPTIONS), st.sampled_from(VALUES))

    @settings(max_examples=150, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(COMMANDS), st.lists(st.sampled_from(VALUES), max_size=1),
           st.lists(option, max_size=3))
    def attempt(command, arguments, options):
        argv = [*command, *(arguments if command[0] == "new" else []),
                *[part for pair in options for part in pair]]
        cwd = os.getcwd()
        os.chdir(sandbox)
        try:
            result = CliRunner().invoke(main, argv, catch_exceptions=True)
        finally:
            os.chdir(cwd)
        shown = f"{argv!r}: {result.output}"
        assert isinstance(result.exception, SystemExit | None), shown + repr(result.exception)
        assert result.exit_code in (0, 1, 2), shown
        assert "Traceback" not in result.output, shown
        if not (command[0] == "new" and result.exit_code == 0):
            for name, before in sources.items():
                assert snapshot(sandbox / name) == before, shown
        else:  # a record was added on purpose: put the data back for the next attempt
            shutil.rmtree(sandbox / "data")
            shutil.copytree(SMALL / "data", sandbox / "data")

    attempt()


# ---------------------------------------------------------------------------
# 9. Today is Helsinki's date, whatever the machine's time zone
# ---------------------------------------------------------------------------

def _zone_a_day_away_from_helsinki() -> tuple[str, dt.date]:
    """A time zone whose date differs from Helsinki's right now (Kiritimati, UTC+14, from 10 to
    22 UTC; Pago Pago, UTC−11, the other hours), and Helsinki's date."""
    now = dt.datetime.now(dt.UTC)
    helsinki = now.astimezone(ZoneInfo("Europe/Helsinki")).date()
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        if now.astimezone(ZoneInfo(zone)).date() != helsinki:
            return zone, helsinki
    raise AssertionError("no test zone is a day away from Helsinki now")


def test_the_default_today_is_helsinkis_date(monkeypatch):
    from generator.commands import cli

    zone, helsinki = _zone_a_day_away_from_helsinki()
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert dt.date.today() != helsinki  # the machine's date is the other one
        assert cli._today(None) == helsinki
    finally:
        monkeypatch.undo()
        time.tzset()


def test_no_module_takes_the_machines_date():
    taken = [f"{path.name}:{number}" for path in sorted((ROOT / "generator").rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bdate\.today\(|datetime\.now\(\)|datetime\.today\(", line)]
    assert not taken


# ---------------------------------------------------------------------------
# 10. `schemas` writes only the project's own schemas and reference
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("folder, phrase", [
    ("etc", "holds files this command did not write (passwd)"),
    ("mine", "holds files this command did not write (site.schema.json)"),
    ("linked", "is a symbolic link"),
    ("etc/passwd", "exists and is not a folder"),
])
def test_schemas_refuses_a_folder_of_other_files(project: Path, folder: str, phrase: str):
    (project / "etc").mkdir()
    (project / "etc" / "passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    (project / "mine").mkdir()
    (project / "mine" / "site.schema.json").write_text('{"title": "my own schema"}\n')
    (project / "linked").symlink_to(project / "etc")
    before = snapshot(project)
    assert_refused(run(project, "schemas", "--out", folder), before, project, phrase)


def test_schemas_rewrites_its_own_folder(project: Path):
    first = run(project, "schemas", "--out", "own")
    assert first.returncode == 0, first.stderr
    (project / "own" / "site.schema.json").write_text('{"title": "data/site.yaml"}\n')  # stale
    again = run(project, "schemas", "--out", "own")
    assert again.returncode == 0, again.stderr
    assert json.loads((project / "own" / "site.schema.json").read_text())["$defs"]


def test_schemas_writes_beside_its_data_not_in_the_current_folder(project: Path, tmp_path: Path):
    other = tmp_path / "other"
    (other / "docs").mkdir(parents=True)
    (other / "docs" / "tietomuoto.md").write_text("# Tietomuoto\n\nToisen työkopion oma.\n")
    (project / "docs").mkdir()
    before = snapshot(other)
    result = run(other, "schemas", "--data", str(project / "data"))
    assert result.returncode == 0, result.stderr
    assert snapshot(other) == before
    assert (project / "docs" / "tietomuoto.md").read_text(encoding="utf-8").startswith("# Tietomuoto\n")
    assert sorted(p.name for p in (project / "schemas").iterdir()) == sorted(
        f"{name.removesuffix('.yaml')}.schema.json" for name in DATA_FILES)
