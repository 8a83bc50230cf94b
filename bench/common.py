"""Shared helpers of the benchmark: timing subprocesses, memory, statistics, machine info.

Every measured command runs as a subprocess, so its wall time includes
interpreter start-up and imports, exactly as an editor or CI experiences it.
Peak memory comes from two sources:

* ``maxrss_mb``: `ru_maxrss` of the largest single process of the tree (the
  kernel reports a max, not a sum), as measured by `/usr/bin/time -f %M`
  wrapped around the command. Not `os.wait4()` from this process: Python
  starts children with vfork, and the kernel then books the *parent's* RSS
  high-water mark into the child's ru_maxrss (every figure would read as
  the benchmark process's own size);
* ``tree_peak_mb``: the largest *sum* of resident memory of all processes of
  the tree at once, sampled from /proc every 25 ms (catches the concurrent
  per-language MkDocs processes that maxrss cannot add up).
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
TODAY = "2026-11-25"
"""Every build is for this date (the date the tests use), so outputs are comparable."""
EPOCH = "1764028800"
"""SOURCE_DATE_EPOCH for plain MkDocs runs (2025-11-25; only affects sitemap lastmod)."""

TIME = "/usr/bin/time"
_MARK = "__bench_maxrss_kb__"

MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONHASHSEED": "0"}
"""The environment generator/build/mkdocs_build.py gives its MkDocs processes (SOURCE_DATE_EPOCH added per run)."""


# ---------------------------------------------------------------------------
# Running and measuring one command
# ---------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    rc: int
    maxrss_mb: float
    tree_peak_mb: float
    output: str

    def check(self, what: str) -> Run:
        if self.rc != 0:
            raise RuntimeError(f"{what} failed (exit {self.rc}):\n{self.output[-4000:]}")
        return self


def _tree_rss_kb(pid: int) -> int:
    """Sum of VmRSS of pid and all its descendants (0 when gone)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(cmd: list[str], *, cwd: Path | str = ROOT, env: dict | None = None, timeout: float = 1800,
        sample: bool = True) -> Run:
    """Run cmd, return wall time, exit code, peak memory and combined output."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    timed = Path(TIME).exists()
    if timed:
        cmd = [TIME, "-f", f"{_MARK} %M"] + list(cmd)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        peak = [0]
        done = threading.Event()

        def sampler():
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
                done.wait(0.025)

        thread = threading.Thread(target=sampler, daemon=True) if sample else None
        if thread:
            thread.start()
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - start
        done.set()
        if thread:
            thread.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    maxrss_kb = usage.ru_maxrss
    if timed:
        marks = [line for line in text.splitlines() if line.startswith(_MARK)]
        if marks:
            maxrss_kb = int(marks[-1].split()[-1])
            text = "\n".join(line for line in text.splitlines() if not line.startswith(_MARK))
    return Run(wall, proc.returncode, maxrss_kb / 1024, peak[0] / 1024, text)


# ---------------------------------------------------------------------------
# Statistics and formatting
# ---------------------------------------------------------------------------


def stats(values: list[float], digits: int = 4) -> dict:
    values = [float(v) for v in values]
    return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
            "max": round(max(values), digits), "n": len(values),
            "runs": [round(v, digits) for v in values]}


def fmt_s(st: dict) -> str:
    """'1.234 s (1.20–1.31)' from a stats dict."""
    if st["n"] == 1:
        return f"{st['median']:.3f} s"
    return f"{st['median']:.3f} s ({st['min']:.3f}–{st['max']:.3f})"


def fmt_x(st: dict, unit: str = "", digits: int = 2) -> str:
    if st["n"] == 1:
        return f"{st['median']:.{digits}f}{unit}"
    return f"{st['median']:.{digits}f}{unit} ({st['min']:.{digits}f}–{st['max']:.{digits}f})"


def verdict(value: float, target: float, lower_is_better: bool = True) -> str:
    ok = value <= target if lower_is_better else value >= target
    return "MET" if ok else "MISSED"


def table(headers: list[str], rows: list[list]) -> str:
    """A GitHub-flavoured Markdown table."""
    cells = [[str(c) for c in row] for row in rows]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def gz(data: bytes) -> int:
    """Gzip size as the test CDN (tests/browser/cdnserver.py) sends it: level 9, mtime 0."""
    return len(gzip.compress(data, mtime=0))


# ---------------------------------------------------------------------------
# Machine description
# ---------------------------------------------------------------------------


def _cmd_out(cmd: list[str], cwd: Path = ROOT) -> str:
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine_info() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    versions = json.loads(_cmd_out([PY, "-c", (
        "import json, importlib.metadata as m\n"
        "names = ['mkdocs', 'mkdocs-material', 'pymdown-extensions', 'Markdown', 'Jinja2', 'PyYAML',"
        " 'pydantic', 'icalendar', 'playwright']\n"
        "out = {}\n"
        "for n in names:\n"
        "    try: out[n] = m.version(n)\n"
        "    except Exception: out[n] = None\n"
        "print(json.dumps(out))")]) or "{}")
    lighthouse = ""
    pkg = BENCH / "node_modules" / "lighthouse" / "package.json"
    if pkg.exists():
        lighthouse = json.loads(pkg.read_text())["version"]
    dirty = _cmd_out(["git", "status", "--porcelain", "--", "generator", "data", "content", "mkdocs.yml",
                      "overrides"])
    return {
        "cores_online": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "python_executable": PY,
        "packages": versions,
        "node": _cmd_out(["node", "--version"]),
        "chromium": _cmd_out(["/usr/bin/chromium", "--version"]) if Path("/usr/bin/chromium").exists() else "",
        "lighthouse": lighthouse,
        "git_commit": _cmd_out(["git", "rev-parse", "HEAD"]),
        "git_tree_dirty": bool(dirty),
    }


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def fresh_dir(parent: Path, name: str) -> Path:
    path = parent / name
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path
