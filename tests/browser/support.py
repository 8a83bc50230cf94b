"""Plain helpers of the browser tests, shared by the generator's browser tests and the content's checks."""

from __future__ import annotations

import re
from urllib.parse import urlsplit


def interact(page) -> None:
    """A reader's first key press: kg.js then loads Material's scripts (overrides/main.html says
    why they wait) and Material mounts. Shift changes nothing else on the page. Pages without
    Material (the root chooser, redirect stubs) are left as they are."""
    if not page.locator("script[type='text/x-kg-deferred']").count():
        return
    page.keyboard.press("Shift")
    page.wait_for_function("() => document.documentElement.dataset.kgMaterial === 'mounted'", timeout=15000)


def url_path(url: str) -> str:
    return urlsplit(url).path


def describe_violations(url: str, width: int, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = re.sub(r"\s+", " ", node.get("failureSummary", "")).strip()
            lines.append(f"{url} @{width}px: {v['id']} ({v['impact']}) on `{target}`: {summary[:200]}")
    return lines
