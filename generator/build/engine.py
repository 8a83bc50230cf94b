"""A warm MkDocs: one helper process builds every language's config, in processes forked from it.

Why not `mkdocs build --strict -f CFG` once per language (what this replaced)?
Each of those processes spends about a third of its time importing MkDocs,
Material and Markdown and compiling Material's templates, and it does so per
language and per preview rebuild. This helper imports once, keeps compiled
templates in an on-disk Jinja bytecode cache, and builds the configs in a
`ProcessPoolExecutor` of processes forked from it (one config per process), so
the languages still build concurrently on every core. The build itself is
MkDocs' own `build()` with `strict=True`, exactly what the CLI runs: the output
is byte-identical and a warning still aborts the build.

The helper starts before validation (its imports overlap the generator's own
work) and only builds when asked: nothing is written for invalid data.
`serve` keeps one helper alive across rebuilds, so a preview rebuild pays
neither the imports nor the template compilation again.

Protocol (stdin/stdout, JSON lines): once imported, the helper says
    <- {"ready": true}
then, per request,
    -> {"configs": ["build/fi/mkdocs.yml", ...], "epoch": 1767225600}
    <- {"failures": [{"config": "...", "output": "WARNING -  ..."}]}
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import select
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator import PACKAGE_DIR
from generator.model.errors import EngineError


class Engine:
    def __init__(self, cache_dir: Path, env: dict[str, str] | None = None):
        env = dict(env or os.environ)
        # MkDocs reads SOURCE_DATE_EPOCH per build (set per request below); the
        # hash seed keeps set/dict order, and so the output, the same every run.
        env.update(PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_DIR.parent), env.get("PYTHONPATH")]))
        # A process group of its own: Ctrl+C in the terminal reaches the whole foreground group,
        # and a helper killed by it mid-build would leave the caller with a dead pipe to explain
        # instead of the interrupt. The caller stops it (close(): end of input, then a kill), and
        # it also ends by itself when the caller's end of the pipe closes.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator.build.engine", str(cache_dir)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
            process_group=0)
        # Popen types its pipes as optional; with PIPE they always exist.
        assert self.proc.stdin and self.proc.stdout and self.proc.stderr
        self.stdin, self.stdout, self.stderr = self.proc.stdin, self.proc.stdout, self.proc.stderr
        self.used = False
        self._ready = False

    def ready(self) -> bool:
        """Has the helper finished its imports (without waiting for it)?"""
        if not self._ready and select.select([self.stdout], [], [], 0)[0]:
            self._ready = self._answer()["ready"]
        return self._ready

    def start(self, configs: list[Path], *, source_date_epoch: int) -> None:
        """Ask for the configs to be built concurrently and return at once: the caller works
        while MkDocs runs, then collects the answer with wait()."""
        request = {"configs": [str(c) for c in configs], "epoch": source_date_epoch}
        self.used = True
        try:
            self.stdin.write(json.dumps(request) + "\n")
            self.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the helper is gone: wait() reports what it said

    def wait(self) -> list[tuple[str, str]]:
        """The answer to start(): (config, output) for each config that failed."""
        if not self._ready:
            self._ready = self._answer()["ready"]
        return [(f["config"], f["output"]) for f in self._answer()["failures"]]

    def _answer(self) -> dict:
        """The helper's next line; if it stopped instead, EngineError with what it printed."""
        try:
            line = self.stdout.readline()
        except OSError:
            line = ""
        if not line:
            self.close()
            raise EngineError("the MkDocs helper stopped:\n" + (self.stderr.read() or "").strip())
        return json.loads(line)

    def close(self) -> None:
        if self.proc.poll() is None and not self.used:
            self.proc.kill()  # never asked to build (e.g. invalid data): no need to wait for it
            self.proc.wait()
        if self.proc.poll() is None:
            with contextlib.suppress(OSError):
                self.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# -- the helper process ---------------------------------------------------------


def _prepare(cache_dir: str) -> None:
    """Import everything a build needs once, before any fork."""
    import concurrent.futures.process  # noqa: F401  (build_all's pool, imported before the first request)
    import ctypes  # noqa: F401
    import logging

    import material.plugins.search.plugin  # noqa: F401
    from mkdocs.commands import build as _build  # noqa: F401
    from mkdocs.config import load_config as _load  # noqa: F401

    from generator.build.mkdocs_speedups import install

    install(cache_dir)
    _import_once_before_fork()
    # The same lines the CLI prints ("WARNING -  ..."), written to each child's own log.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


# Modules a build imports on first use: the Markdown extensions of mkdocs.yml and what they
# and Material load lazily (Pygments through fenced_code, colorama through Material's
# template helpers). Imported once here instead of in every child; a module missing from
# this list is simply imported by the child when it needs it. Public API only: importing a module
# early changes nothing of what it does.
_BUILD_IMPORTS = (
    "mkdocs.config.defaults", "material.templates", "pygments.formatters", "pygments.lexers",
    *(f"markdown.extensions.{name}" for name in
      ("admonition", "attr_list", "codehilite", "fenced_code", "md_in_html", "tables", "toc")),
)


def _import_once_before_fork() -> None:
    """What every child build would otherwise repeat: the imports above, and the scans of
    installed themes and Markdown extensions, which their own libraries cache once made."""
    import importlib

    import markdown.util
    import mkdocs.utils

    for name in _BUILD_IMPORTS:
        with contextlib.suppress(ImportError):  # the build itself reports it, in its own words
            importlib.import_module(name)
    mkdocs.utils.get_themes()
    markdown.util.get_installed_extensions()


def _build(config_file: str, epoch: int) -> tuple[int, str]:
    """In a process of the pool: what `mkdocs build --strict -f config_file` does; its exit code
    and what it printed."""
    _one_build_per_process()
    with tempfile.TemporaryFile() as log:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        code = _mkdocs_build(config_file, epoch)
        sys.stdout.flush()
        sys.stderr.flush()
        log.seek(0)
        return code, log.read().decode("utf-8", "replace")


def _mkdocs_build(config_file: str, epoch: int) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        config = load_config(config_file=config_file, strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as exc:
        print(f"Aborted: {exc}", file=sys.stderr)
        return 1
    except BaseException:  # anything else is a bug somewhere: show it whole
        import traceback

        traceback.print_exc()
        return 1
    return 0


_all_started: Any = None
"""The pool's barrier: set in each process of the pool as it starts (fork: inherited)."""


def _one_build_per_process() -> None:
    """Hold this process's first build until every process of the pool holds one: no process
    takes a second config, so every build starts from the state the helper had at the fork,
    as `mkdocs build` starts from a fresh interpreter (a module-level cache of MkDocs, Material
    or Markdown cannot carry one language's build into the next)."""
    import threading

    with contextlib.suppress(threading.BrokenBarrierError):  # a process died: the pool says so
        _all_started.wait(timeout=_BARRIER_TIMEOUT)


def _start_process(barrier: Any, helper: int) -> None:
    import ctypes
    import signal

    global _all_started
    _all_started = barrier
    # A process of the pool ends with the helper (killed mid-build, say): left alone it would
    # wait for a next task forever. Linux's prctl(PR_SET_PDEATHSIG); elsewhere the pool's own
    # shutdown is all there is.
    prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != helper:  # it died before the line above
        os._exit(1)


_PR_SET_PDEATHSIG = 1


_BARRIER_TIMEOUT = 60.0


def build_all(configs: list[str], epoch: int) -> list[dict[str, str]]:
    """Build the configs at once, each in a process of its own forked from this one (after its
    imports, see _prepare); [{"config", "output"}] of each one that failed."""
    # Imported here: only the helper needs them (the caller imports this module for Engine).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(configs))
    sys.stdout.flush()
    sys.stderr.flush()
    failures = []
    with ProcessPoolExecutor(max_workers=len(configs), mp_context=context,
                             initializer=_start_process, initargs=(barrier, os.getpid())) as pool:
        futures = [pool.submit(_build, cfg, epoch) for cfg in configs]
        for cfg, future in zip(configs, futures, strict=True):
            try:
                code, output = future.result()
            except BrokenProcessPool as exc:  # a build's process died (killed, out of memory)
                code, output = 1, f"the MkDocs build process stopped: {exc}"
            if code != 0:
                failures.append({"config": cfg, "output": output})
    return failures


def _serve(cache_dir: str) -> None:
    _prepare(cache_dir)
    # Everything imported so far outlives every build: frozen, the children's garbage
    # collections skip it instead of writing to each object's header, which would copy
    # every shared page into the child (copy-on-write). Measured: 0.03 s of 0.33 s.
    gc.freeze()
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        request = json.loads(line)
        os.makedirs(cache_dir, exist_ok=True)  # only now: nothing is written before a build is asked for
        failures = build_all(request["configs"], request["epoch"]) if request["configs"] else []
        sys.stdout.write(json.dumps({"failures": failures}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    _serve(sys.argv[1])
    # stdin closed: every answer is written and flushed. Skip the interpreter's teardown
    # (it collects every object MkDocs and Material made: ~0.08 s the caller would wait for).
    os._exit(0)
