"""The whole build, in order: load → check → render → build → publish → swap.

Order matters and is the point of this module:
1. load and check everything (nothing written if the data is invalid),
2. render every page in memory,
3. write the sources into the work folder and run MkDocs' strict build for
   every language at once (one forked process per language, so they use every
   core; see build/engine.py, whose imports overlap steps 1-2); meanwhile this
   process makes the publish stage's files that need only the data,
4. publish into the same staging folder: those files, `_headers`, then the
   whole-output checks,
5. only then replace the output folder. Any failure before step 5 leaves the
   previous output exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import TEMPLATE_DIR
from generator.build.engine import Engine
from generator.build.mkdocs_build import epoch, run_mkdocs, swap, write_sources
from generator.check.addresses import check_links, check_manifest, planned_urls
from generator.check.validate import load_project
from generator.model.errors import BuildError, EngineError, Problem
from generator.model.guard import OUTPUT_STAMP, WORK_STAMP, check_folders, lock, stamp
from generator.model.plan import SitePlan
from generator.model.printable import printable
from generator.render.anchors import heading_ids
from generator.render.pages import render


def check_addresses(project, today: dt.date) -> list[Problem]:
    """What `check` adds to the rules, from one page plan: urls.txt in step with the addresses it
    publishes, and the editors' links to files and headings (a generated page's headings read from
    its Markdown, rendered in memory; nothing is written)."""
    site = SitePlan(project, today)
    planned = planned_urls(site)
    return check_manifest(site, planned) + check_links(site, planned, heading_ids(site))


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
    check_folders(out_dir, work, data_dir=Path(data_dir), content_dir=content_dir)
    with contextlib.ExitStack() as locks:
        # Taken once the data is valid, just before the first write: invalid data writes
        # nothing at all, not even a lock file.
        def take_lock() -> None:
            locks.enter_context(lock(out_dir, work))

        return _build_site(data_dir, content_dir, out_dir, today=today, work=work,
                           check_urls=check_urls, engine=engine, take_lock=take_lock)


def _build_site(data_dir: Path, content_dir: Path | None, out_dir: Path, *, today: dt.date,
                work: Path, check_urls: bool, engine: Engine | None,
                take_lock: Callable[[], None]) -> BuildResult:
    if engine is None:
        with Engine(work / ".jinja-cache") as own:
            return _build_site(data_dir, content_dir, out_dir, today=today, work=work,
                               check_urls=check_urls, engine=own, take_lock=take_lock)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def end_stage(name: str) -> None:
        """Record the time since the previous stage ended as stage `name`'s."""
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    project, warnings = load_project(data_dir, content_dir, today=today, template_dir=TEMPLATE_DIR)
    end_stage("load+validate")
    site = SitePlan(project, today)
    take_lock()
    stamp(work, WORK_STAMP)
    cache = work / ".jinja-cache"  # compiled templates, ours and Material's (see engine.py)
    cache.mkdir(parents=True, exist_ok=True)
    files = render(site, cache)
    end_stage("render")

    staging = write_sources(files, work, project.languages)
    end_stage("write")

    # The post-build files that need only the data are made while this process would
    # otherwise wait: for the MkDocs helper to finish its imports if it has not yet, else
    # for MkDocs to build. Their imports (icalendar, the checkers) come off the tail too.
    data_files_made: dict[str, bytes] = {}

    def make_data_files() -> None:
        # Imported here, not at the top: the post-build imports (icalendar, the checkers)
        # then happen while MkDocs builds instead of before it.
        from generator.publish.site_files import data_files

        data_files_made.update(data_files(site))

    try:
        helper_ready = engine.ready()
    except EngineError as exc:  # it stopped while importing MkDocs: say what it printed
        raise BuildError(str(exc)) from exc
    if not helper_ready:
        make_data_files()
    run_mkdocs(engine, [work / lang / "mkdocs.yml" for lang in project.languages],
               source_date_epoch=epoch(max(page.updated for page in site.pages)),
               meanwhile=make_data_files if helper_ready else None, place=site.link_place)
    end_stage("mkdocs")

    from generator.publish.site_files import postbuild, verify

    scan = postbuild(site, staging, data_files_made)  # the finished HTML, read once for both
    end_stage("postbuild")
    warnings = warnings + verify(site, staging, check_urls=check_urls, scan=scan)
    end_stage("verify")

    stamp(staging, OUTPUT_STAMP)  # after the checks of the output: it is not part of the site
    swap(staging, out_dir)
    end_stage("swap")
    # Pages of the site plan (every page exists in every language); redirect stubs do not count.
    pages = {lang: len(site.pages) for lang in project.languages}
    return BuildResult(out_dir, pages, warnings, timings)
