"""Stage 4: write the rendered sources, run MkDocs per language, swap in the result.

Order matters and is the point of this module:
1. load + validate everything (nothing written if the data is invalid),
2. render every page in memory,
3. write the sources into the work folder and run MkDocs' strict build for
   every language at once (one forked process per language, so they use every
   core; see engine.py, whose imports overlap steps 1-2); meanwhile this
   process makes the post-build files that need only the data,
4. post-build into the same staging folder: those files, `_headers`, then the
   whole-output checks,
5. only then replace the output folder. Any failure before step 5 leaves the
   previous output exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import TEMPLATE_DIR
from .engine import Engine, EngineError
from .guard import OUTPUT_STAMP, WORK_STAMP, check_folders, lock, stamp
from .printable import printable
from .problems import Problem
from .render import Site, render
from .validate import load_project

_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit): ")


class BuildError(Exception):
    """The data was valid but a later stage failed (MkDocs, post-build checks)."""


@dataclass
class BuildResult:
    out_dir: Path
    pages: dict[str, int]
    warnings: list[Problem]
    timings: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        counts = ", ".join(f"{lang}: {n} pages" for lang, n in self.pages.items())
        total = sum(self.timings.values())
        return f"Built {printable(str(self.out_dir))}/ ({counts}) in {total:.1f} s"


def build_site(data_dir: Path, content_dir: Path | None, out_dir: Path, *, today: dt.date,
               work_dir: Path | None = None, check_urls: bool = True,
               engine: Engine | None = None) -> BuildResult:
    """Build the site into out_dir. `engine`: a running Engine to reuse (serve);
    without one, a fresh one starts now and stops at the end."""
    # Without dot segments: the swap renames `out` and makes `<out>.old` from its last name,
    # which for `site/..` would be `..`.
    out_dir = Path(os.path.normpath(out_dir))
    work = Path(os.path.normpath(work_dir)) if work_dir else Path("build")
    # Before anything is written (guard.py): the output and work folders must be the build's
    # own, and no other build may be writing into them.
    check_folders(Path(out_dir), work, data_dir=Path(data_dir), content_dir=content_dir)
    with contextlib.ExitStack() as held:
        # Taken once the data is valid, just before the first write: invalid data writes
        # nothing at all, not even a lock file.
        def hold() -> None:
            held.enter_context(lock(Path(out_dir), work))

        return _build_site(data_dir, content_dir, Path(out_dir), today=today, work=work,
                           check_urls=check_urls, engine=engine, hold=hold)


def _build_site(data_dir: Path, content_dir: Path | None, out_dir: Path, *, today: dt.date,
                work: Path, check_urls: bool, engine: Engine | None,
                hold: Callable[[], None]) -> BuildResult:
    if engine is None:
        with Engine(work / ".jinja-cache") as own:
            return _build_site(data_dir, content_dir, out_dir, today=today, work=work,
                               check_urls=check_urls, engine=own, hold=hold)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    project, warnings = load_project(data_dir, content_dir, today=today, template_dir=TEMPLATE_DIR)
    lap("load+validate")
    site = Site(project, today)
    hold()
    stamp(work, WORK_STAMP)
    cache = work / ".jinja-cache"  # compiled templates, ours and Material's (see engine.py)
    cache.mkdir(parents=True, exist_ok=True)
    files = render(site, cache)
    lap("render")

    staging = work / "site"
    for lang in project.languages:
        _clear(work / lang)
    _clear(staging)
    for rel, text in files.items():
        target = work / rel
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:  # a failed write() names no file: name it (disk full, quota)
            raise OSError(exc.errno, exc.strerror, exc.filename or str(target)) from exc
    lap("write")

    # The post-build files that need only the data are made while this process would
    # otherwise wait: for the MkDocs helper to finish its imports if it has not yet, else
    # for MkDocs to build. Their imports (icalendar, the checkers) come off the tail too.
    made: dict[str, bytes] = {}

    def make_data_files() -> None:
        from .postbuild import data_files

        made.update(data_files(site))

    helper_ready = engine.ready()
    if not helper_ready:
        make_data_files()
    run_mkdocs(engine, [work / lang / "mkdocs.yml" for lang in project.languages],
               source_date_epoch=_epoch(max(page.updated for page in site.pages)),
               meanwhile=make_data_files if helper_ready else None)
    lap("mkdocs")

    from .postbuild import postbuild, verify

    postbuild(site, staging, made)
    lap("postbuild")
    warnings = warnings + verify(site, staging, check_urls=check_urls)
    lap("verify")

    stamp(staging, OUTPUT_STAMP)  # after the checks of the output: it is not part of the site
    swap(staging, out_dir)
    lap("swap")
    # Pages of the site plan (every page exists in every language); redirect stubs do not count.
    pages = {lang: len(site.pages) for lang in project.languages}
    return BuildResult(out_dir, pages, warnings, timings)


def run_mkdocs(engine: Engine, configs: list[Path], *, source_date_epoch: int,
               meanwhile: Callable[[], None] | None = None) -> None:
    """MkDocs' strict build of every config, all at once (`meanwhile` runs while it builds);
    fail with what MkDocs said."""
    try:
        engine.start(configs, source_date_epoch=source_date_epoch)
        try:
            if meanwhile:
                meanwhile()
        finally:
            failed = engine.wait()  # always read the answer: `serve` asks the same helper again
    except EngineError as exc:
        raise BuildError(str(exc)) from exc
    failures = []
    for cfg, output in failed:
        # The lines that matter to an editor: warnings, errors and the abort.
        lines = [ln for ln in output.splitlines() if ln.startswith(("WARNING", "ERROR", "Aborted"))]
        # A crash (a full disk while MkDocs writes) is a traceback: its last line says why.
        crash = [ln for ln in output.splitlines() if _EXCEPTION_LINE.match(ln)][-1:]
        failures.append(f"{cfg}:\n" + "\n".join(lines or crash or output.splitlines()[-20:]))
    if failures:
        raise BuildError("MkDocs reported problems:\n" + "\n".join(failures))


def swap(staging: Path, out_dir: Path) -> None:
    """Replace out_dir with staging using renames, so readers never see half a site."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    old = out_dir.with_name(out_dir.name + ".old")
    _clear(old)
    try:
        if out_dir.exists():
            os.rename(out_dir, old)
        try:
            os.rename(staging, out_dir)
        except OSError:
            # Different file systems: copy next to the target first, then rename.
            tmp = out_dir.with_name(out_dir.name + ".new")
            _clear(tmp)
            try:
                shutil.copytree(staging, tmp)
            except shutil.Error as exc:
                # copytree goes on after a failed file and then raises every failure at once: on a
                # full disk that is one (source, target, reason) per file, tens of kilobytes.
                # One line per cause is enough, and the half-copy would only fill the disk.
                _clear(tmp)
                raise OSError("; ".join(sorted({str(why).split(":")[0] for *_, why in exc.args[0]}))
                              + f" (while copying to {tmp})") from None
            except OSError:
                _clear(tmp)
                raise
            os.rename(tmp, out_dir)
    except OSError as exc:
        if old.exists() and not out_dir.exists():
            os.rename(old, out_dir)
        raise BuildError(f"could not replace {out_dir}: {exc}") from exc
    _clear(old)


def _clear(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
