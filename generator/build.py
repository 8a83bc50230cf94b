"""Stage 4: write the rendered sources, run MkDocs per language, swap a finished output in.

The order of the whole build is pipeline.py's; this module holds the steps that touch
MkDocs and the output folder: `write_sources`, `run_mkdocs` (MkDocs' strict build of
every language at once, through the warm helper of engine.py) and `swap` (rename the
finished staging folder into place, so readers never see half a site).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from .content import ANCHOR_HINT
from .engine import Engine
from .errors import BuildError, EngineError, Problem

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


# MkDocs' warnings about a page's link (mkdocs/structure/pages.py), which an editor can fix at the
# link: code → pattern of the rest of the line after "contains …".
_DOC_LINK = re.compile(r"^WARNING -\s+Doc file '(?P<src>[^']+)' contains (?:a link|an unrecognized relative link) "
                       r"'(?P<href>[^']+)'(?P<rest>.*)$")
_LINK_KINDS = (
    ("mkdocs-anchor", re.compile(r"does not contain an anchor '#(?P<arg>[^']*)'"), ANCHOR_HINT),
    ("mkdocs-target", re.compile(r"the target (?:'(?P<arg>[^']*)' )?is not found"),
     "link to a page by its file, seen from this page's folder (…md), or by its address (/…/)"),
    ("mkdocs-relative", re.compile(r"it was left as is"),
     "link to a page by its file (…md) or its address (/…/)"),
)
Place = Callable[[str, str, str], "tuple[str, int, int] | None"]
"""(language, the page's file in docs/, the link) → where an editor wrote it: file, line, column."""


def _said(output: str) -> list[str]:
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
        for line in (ln for ln in _said(output) if not ln.startswith("Aborted")):
            problem = _link_problem(line, lang, place)
            problems.append(problem or Problem(str(cfg), 0, 0, line, hint="fix the page it names and build again",
                                               code="mkdocs-said", args=(line,)))
    return problems


def _link_problem(line: str, lang: str, place: Place) -> Problem | None:
    """MkDocs' warning about a link, at the place an editor wrote it; None when it is not one."""
    found = _DOC_LINK.match(line)
    if found is None:
        return None
    where = place(lang, found["src"], found["href"])
    if where is None:
        return None
    for code, pattern, hint in _LINK_KINDS:
        kind = pattern.search(found["rest"])
        if kind:
            return Problem(where[0], where[1], where[2], line.split("-", 1)[1].strip(), hint=hint, code=code,
                           args=(found["href"], kind.groupdict().get("arg") or ""))
    return None


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
    failures = [f"{cfg}:\n" + "\n".join(_said(output)) for cfg, output in failed]
    if failures:
        # Problems only when an editor can be sent to a line: a crash (a full disk) stays one
        # plain message per cause.
        problems = mkdocs_problems(failed, place) if place else []
        placed = any(problem.code != "mkdocs-said" for problem in problems)
        raise BuildError("MkDocs reported problems:\n" + "\n".join(failures), problems=problems if placed else None)


def swap(staging: Path, out_dir: Path) -> None:
    """Replace out_dir with staging using renames, so readers never see half a site."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    old = out_dir.with_name(out_dir.name + ".old")
    clear(old)
    try:
        if out_dir.exists():
            os.rename(out_dir, old)
        try:
            os.rename(staging, out_dir)
        except OSError:
            # Different file systems: copy next to the target first, then rename.
            tmp = out_dir.with_name(out_dir.name + ".new")
            clear(tmp)
            try:
                shutil.copytree(staging, tmp)
            except shutil.Error as exc:
                # copytree goes on after a failed file and then raises every failure at once: on a
                # full disk that is one (source, target, reason) per file, tens of kilobytes.
                # One line per cause is enough, and the half-copy would only fill the disk.
                clear(tmp)
                raise OSError("; ".join(sorted({str(why).split(":")[0] for *_, why in exc.args[0]}))
                              + f" (while copying to {tmp})") from None
            except OSError:
                clear(tmp)
                raise
            os.rename(tmp, out_dir)
    except OSError as exc:
        if old.exists() and not out_dir.exists():
            os.rename(old, out_dir)
        raise BuildError(f"could not replace {out_dir}: {exc}") from exc
    clear(old)


def clear(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def epoch(day: dt.date) -> int:
    """SOURCE_DATE_EPOCH for MkDocs: the newest page's day, so the output does not depend on the clock."""
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
