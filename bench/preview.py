"""Editor preview latency: from saving a YAML change to the rebuilt page being served.

Starts `python -m generator serve` on a copy of data/ and content/ (never the
real ones), waits for the first build, then repeatedly changes the Finnish
name of the first service in services.yaml and polls that service's page
every 10 ms until the new name is in the served HTML. Latency = time from the
moment the file is written and closed to the first response that contains it.
The serve process's own "Rebuilt in X s" lines are recorded beside it, so the
figure splits into change detection + rebuild + serving.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import PY, ROOT, TODAY, stats

sys.path.insert(0, str(ROOT))

TARGET_S = 1.5
_REBUILT_RE = re.compile(r"Rebuilt in ([0-9.]+) s")


def available() -> tuple[bool, str]:
    if not (ROOT / "generator" / "serve.py").exists():
        return False, "not available: generator/commands/serve.py does not exist yet"
    proc = subprocess.run([PY, "-m", "generator", "serve", "--help"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        return False, f"not available: `python -m generator serve --help` failed: {proc.stderr.strip()[-200:]}"
    return True, ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def measure(tmp: Path, runs: int, log=print) -> dict:
    ok, reason = available()
    if not ok:
        return {"available": False, "reason": reason}
    from generator import TEMPLATE_DIR
    from generator.check.validate import load_project
    from generator.load.yaml_file import load_file
    from generator.model.plan import SitePlan

    src = tmp / "preview-src"
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(ROOT / "data", src / "data")
    shutil.copytree(ROOT / "content", src / "content")
    services_file = src / "data" / "services.yaml"
    doc = load_file(services_file, "services.yaml")
    line, col = doc.values[("services", 0, "name", "fi")]
    original_name = doc.data["services"][0]["name"]["fi"]
    project, _ = load_project(src / "data", src / "content", today=dt.date.fromisoformat(TODAY),
                              template_dir=TEMPLATE_DIR)
    page = SitePlan(project, dt.date.fromisoformat(TODAY)).url(f"service:{project.services[0].id}", "fi")
    lines = services_file.read_text(encoding="utf-8").split("\n")

    port = _free_port()
    out = tmp / "preview-out"
    cmd = [PY, "-m", "generator", "serve", "--data", str(src / "data"), "--content", str(src / "content"),
           "--out", str(out), "--port", str(port), "--today", TODAY]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"), stdin=subprocess.DEVNULL)
    log_lines: list[tuple[float, str]] = []

    def reader():
        for text in proc.stdout:
            log_lines.append((time.perf_counter(), text.rstrip()))

    threading.Thread(target=reader, daemon=True).start()
    url = f"http://127.0.0.1:{port}{page}"
    latencies, rebuilds, errors = [], [], []
    try:
        deadline = time.perf_counter() + 120
        while _get(url) is None:
            if proc.poll() is not None or time.perf_counter() > deadline:
                return {"available": False, "reason": "serve did not start: " +
                        " | ".join(t for _, t in log_lines[-5:])}
            time.sleep(0.05)
        time.sleep(1.0)  # let the first build settle and the watcher take its snapshot
        for i in range(runs):
            marker = f"Bench{i}x{int(time.time() * 1000) % 100000}"
            new = list(lines)
            new[line - 1] = new[line - 1][: col - 1] + f"{original_name} {marker}"
            seen_before = len(log_lines)
            with open(services_file, "w", encoding="utf-8") as fh:
                fh.write("\n".join(new))
            start = time.perf_counter()
            found = None
            while time.perf_counter() - start < 60:
                body = _get(url)
                if body and marker in body:
                    found = time.perf_counter() - start
                    break
                time.sleep(0.01)
            if found is None:
                errors.append(f"run {i}: the change never appeared; serve said: " +
                              " | ".join(t for _, t in log_lines[seen_before:][-5:]))
                continue
            latencies.append(found)
            # serve prints "Rebuilt in X s" just after the swap: give it a moment.
            wait_until = time.perf_counter() + 5
            while time.perf_counter() < wait_until:
                texts = [t for _, t in log_lines[seen_before:] if _REBUILT_RE.search(t)]
                if texts:
                    rebuilds.append(float(_REBUILT_RE.search(texts[-1]).group(1)))
                    break
                time.sleep(0.02)
            log(f"    preview run {i + 1}: {found:.3f} s")
            time.sleep(0.8)  # idle: the next change is a separate save
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if not latencies:
        return {"available": True, "error": "; ".join(errors)}
    result = {"available": True, "page": page, "edit": f"services.yaml:{line}: services.0.name.fi",
              "latency_s": stats(latencies), "errors": errors, "target_s": TARGET_S,
              "met": stats(latencies)["median"] <= TARGET_S}
    if rebuilds:
        result["rebuild_reported_s"] = stats(rebuilds)
    return result
