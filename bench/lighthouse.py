"""Lighthouse 12.2.3 (npm, installed into bench/node_modules) on every page type, mobile and desktop.

The built site is served by tests/browser/cdnserver.py with gzip and the
site's own `_headers` (CSP, cache rules), on 127.0.0.1. Lighthouse drives
Debian's /usr/bin/chromium (CHROME_PATH); nothing downloads a browser.
Mobile uses Lighthouse's default simulated throttling (slow 4G, 4x CPU);
desktop uses `--preset=desktop`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import BENCH, ROOT

LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def ensure_installed() -> str | None:
    """Install bench/node_modules from bench/package-lock.json if missing; None or the reason it failed."""
    if LIGHTHOUSE.exists():
        return None
    env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1", PUPPETEER_SKIP_CHROMIUM_DOWNLOAD="1")
    proc = subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--ignore-scripts", "--no-audit", "--no-fund"],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0 or not LIGHTHOUSE.exists():
        return f"npm ci failed: {(proc.stderr or proc.stdout).strip()[-300:]}"
    return None


def run_one(url: str, form_factor: str, timeout: float = 180) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES),
               "--max-wait-for-load=30000"]
        if form_factor == "desktop":
            cmd.append("--preset=desktop")
        env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout, cwd=tmp)
        except subprocess.TimeoutExpired:
            return {"error": "timeout"}
        if proc.returncode != 0 or not report.exists():
            return {"error": (proc.stderr or proc.stdout).strip()[-400:]}
        data = json.loads(report.read_text())
    scores = {c: (round(data["categories"][c]["score"] * 100) if data["categories"][c]["score"] is not None
                  else None) for c in CATEGORIES}
    failing = {}
    for cat in CATEGORIES:
        for ref in data["categories"][cat]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1 and \
                    audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
                failing.setdefault(cat, []).append(
                    {"id": ref["id"], "score": audit["score"],
                     "value": audit.get("displayValue", "")})
    metrics = {k: data["audits"][k].get("numericValue") for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index") if k in data["audits"]}
    return {"scores": scores, "failing": failing,
            "metrics": {k: round(v, 1) if v is not None else None for k, v in metrics.items()},
            "lighthouse": data.get("lighthouseVersion"), "runtime_error": data.get("runtimeError", {}).get("code")}


TRACE_ERRORS = ("NO_NAVSTART", "NO_FCP_TRACE", "NO_TRACING_STARTED")
"""Lighthouse's own failures to record a trace (no score at all, not a slow page): run again."""


def run_measured(url: str, form_factor: str, attempts: int = 3) -> dict:
    """run_one, again (up to `attempts` in all) when Lighthouse failed to record its trace;
    `attempts` in the result says how many runs it took."""
    for attempt in range(1, attempts + 1):  # noqa: B007  (returned below)
        result = run_one(url, form_factor)
        if not any(code in result.get("error", "") for code in TRACE_ERRORS):
            break
    return {**result, "attempts": attempt}


def measure(site: Path, urls: dict[str, dict[str, str]], form_factors=("mobile", "desktop"),
            log=print) -> dict:
    problem = ensure_installed()
    if problem:
        return {"available": False, "reason": problem}
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import cdnserver

    server, base = cdnserver.start(Path(site), gzip_enabled=True)
    results: dict[str, dict] = {}
    try:
        for ptype, by_lang in urls.items():
            for lang, path in by_lang.items():
                for ff in form_factors:
                    key = f"{ptype}/{lang}/{ff}"
                    results[key] = {"type": ptype, "lang": lang, "form_factor": ff, "url": path,
                                    **run_measured(base + path, ff)}
                    r = results[key]
                    log(f"    lighthouse {key}: " + (json.dumps(r["scores"]) if "scores" in r else r["error"]))
    finally:
        server.shutdown()
    perfect = all("scores" in r and all(v == 100 for v in r["scores"].values()) for r in results.values())
    worst = {c: min((r["scores"][c] for r in results.values() if "scores" in r and r["scores"][c] is not None),
                    default=None) for c in CATEGORIES}
    return {"available": True, "pages": results, "worst": worst, "all_100": perfect}
