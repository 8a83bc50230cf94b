"""The live preview, as an editor uses it: save a change, see it; break a file, keep the last good site."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_preview_rebuilds_on_save_and_survives_a_broken_file(tmp_path: Path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--data", str(tmp_path / "data"),
                             "--port", str(port), "--out", str(tmp_path / "preview"), "--today", "2026-11-25"],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    base = f"http://127.0.0.1:{port}"
    try:
        page = f"{base}/fi/kayttoonottoprosessi/"
        html = wait_for(lambda: fetch(page))
        assert "noin 3–6 kuukautta" in html
        assert '<script src="/__preview/reload.js">' in html  # the page reloads itself
        version = fetch(f"{base}/__preview/version")

        process = tmp_path / "data" / "process.yaml"
        good = process.read_text()
        process.write_text(good.replace("duration_certified:\n  min: 3\n  max: 6",
                                        "duration_certified:\n  min: 2\n  max: 5"))
        wait_for(lambda: "noin 2–5 kuukautta" in fetch(page))
        # The version (what makes open pages reload) moves right after the new site is swapped in.
        wait_for(lambda: fetch(f"{base}/__preview/version") != version, timeout=5)

        process.write_text(good.replace("duration_certified:", "duration_certifed:"))
        wait_for(lambda: "unknown key 'duration_certifed'" in (tmp_path / "serve.log").read_text())
        assert "noin 2–5 kuukautta" in fetch(page)  # the last good site is still served
        assert "process.yaml:" in (tmp_path / "serve.log").read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
