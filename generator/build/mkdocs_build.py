"""Write the rendered sources, run MkDocs per language, swap a finished output in.

The order of the whole build is pipeline.py's; this module holds the steps that touch
MkDocs and the output folder: `write_sources`, `run_mkdocs` (MkDocs' strict build of
every language at once, through the warm helper of engine.py) and `swap` (exchange the
finished staging folder with the output, so readers never see half a site or none).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import functools
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from generator.build.engine import Engine
from generator.check.site_links import Place, mkdocs_problem
from generator.model.errors import BuildError, EngineError, Problem

_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit): ")


def write_sources(files: dict[str, str], work: Path, languages: list[str]) -> Path:
    """Write the rendered files into the work folder (each language's docs/ and mkdocs.yml),
    after clearing what an earlier build left there; return the empty staging folder."""
    staging = work / "site"
    for lang in languages:
        clear(work / lang)
    clear(staging)
    for rel, text in files.items():
        target = work / rel
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:  # a failed write() names no file: name it (disk full, quota)
            raise OSError(exc.errno, exc.strerror, exc.filename or str(target)) from exc
    return staging


def _complaint_lines(output: str) -> list[str]:
    """What matters to an editor in a failed MkDocs build's output: its warnings, errors and the
    abort; for a crash (a full disk while MkDocs writes), the traceback's last line, which says why."""
    lines = output.splitlines()
    said = [ln for ln in lines if ln.startswith(("WARNING", "ERROR", "Aborted"))]
    return said or [ln for ln in lines if _EXCEPTION_LINE.match(ln)][-1:] or lines[-20:]


def mkdocs_problems(failed: list[tuple[str, str]], place: Place) -> list[Problem]:
    """MkDocs' complaints as problems: a link's at the editor's file and line when `place` knows it,
    every other line as MkDocs said it (so none is lost when the commands show problems only)."""
    problems = []
    for cfg, output in failed:
        lang = Path(cfg).parent.name
        # Not MkDocs' closing "Aborted with N warnings": the problems are the count.
        for line in (ln for ln in _complaint_lines(output) if not ln.startswith("Aborted")):
            problems.append(mkdocs_problem(str(cfg), line, lang, place))
    return problems


def run_mkdocs(engine: Engine, configs: list[Path], *, source_date_epoch: int,
               meanwhile: Callable[[], None] | None = None, place: Place | None = None) -> None:
    """MkDocs' strict build of every config, all at once (`meanwhile` runs while it builds);
    fail with what MkDocs said (`place`: where an editor wrote a link MkDocs refused)."""
    try:
        engine.start(configs, source_date_epoch=source_date_epoch)
        try:
            if meanwhile:
                meanwhile()
        except BaseException:
            # Still read the answer (`serve` asks the same helper again), but what stopped us
            # (Ctrl+C, a full disk) is what the caller must see, not a helper that also stopped.
            with contextlib.suppress(EngineError):
                engine.wait()
            raise
        failed = engine.wait()
    except EngineError as exc:
        raise BuildError(str(exc)) from exc
    failures = [f"{cfg}:\n" + "\n".join(_complaint_lines(output)) for cfg, output in failed]
    if failures:
        # Problems only when an editor can be sent to a line: a crash (a full disk) stays one
        # plain message per cause.
        problems = mkdocs_problems(failed, place) if place else []
        placed = any(problem.code != "mkdocs-said" for problem in problems)
        raise BuildError("MkDocs reported problems:\n" + "\n".join(failures), problems=problems if placed else None)


def swap(staging: Path, out_dir: Path) -> None:
    """Put the finished staging folder at out_dir so that out_dir is never missing, for a reader
    or after a crash: the new site first becomes `<out>.new` beside out_dir (a rename, or a copy
    when the staging folder is on another file system), then takes out_dir's place in one step
    (`renameat2` with RENAME_EXCHANGE) or, where the system cannot exchange, in two renames in
    a row."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    new = out_dir.with_name(out_dir.name + ".new")
    old = out_dir.with_name(out_dir.name + ".old")
    clear(new)
    clear(old)
    leftover = old  # the previous site, once the new one is in place
    try:
        _move_beside(staging, new)
        if not (out_dir.exists() or out_dir.is_symlink()):
            os.rename(new, out_dir)
        elif _exchange(new, out_dir):
            leftover = new
        else:
            os.rename(out_dir, old)
            os.rename(new, out_dir)
    except OSError as exc:
        if old.exists() and not out_dir.exists():
            os.rename(old, out_dir)
        clear(new)
        raise BuildError(f"could not replace {out_dir}: {exc}") from exc
    clear(leftover)


def _move_beside(staging: Path, new: Path) -> None:
    """Staging → new by a rename, or by a copy if they are on different file systems."""
    try:
        os.rename(staging, new)
        return
    except OSError:
        pass
    try:
        shutil.copytree(staging, new)
    except shutil.Error as exc:
        # copytree goes on after a failed file and then raises every failure at once: on a
        # full disk that is one (source, target, reason) per file, tens of kilobytes.
        # One line per cause is enough, and the half-copy would only fill the disk.
        clear(new)
        raise OSError("; ".join(sorted({str(why).split(":")[0] for *_, why in exc.args[0]}))
                      + f" (while copying to {new})") from None
    except OSError:
        clear(new)
        raise


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """Linux's renameat2 from the C library, or None (another system, an old C library)."""
    try:
        return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    except OSError:
        return None


def _exchange(a: Path, b: Path) -> bool:
    """Swap the folders a and b in one step; False where the system or the file system cannot
    (then nothing has changed)."""
    call = _renameat2()
    if call is None:
        return False
    if call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def clear(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def epoch(day: dt.date) -> int:
    """SOURCE_DATE_EPOCH for MkDocs: the newest page's day, so the output does not depend on the clock."""
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
