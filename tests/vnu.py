"""The Nu Html Checker (vnu.jar from the npm lock) over a built site, shared by the generator's
test of its templates (the full fixture) and the content's check of the shipped site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from tests.helpers import ROOT, unavailable

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java") or "/usr/bin/java"


def _known(message: dict, site: Path) -> str | None:
    """The reason a message is expected, or None. Only messages with a named cause are filtered."""
    text, extract = message.get("message", ""), message.get("extract", "")
    # Material's CSS-only toggles (#__drawer, #__search) carry autocomplete="off" so Firefox does
    # not restore their checked state on back/forward navigation. The checker allows the attribute
    # only on text-like inputs; harmless, and changing it means forking Material's base.html.
    if text.startswith("Attribute “autocomplete” is only allowed when the input type is") \
            and 'type="checkbox"' in extract and 'class="md-toggle"' in extract:
        return "material-toggle-autocomplete"
    # Material's partials/toc.html always writes <label for="__toc">; its checkbox is written by
    # the navigation entry of the current page, and service and period pages are deliberately not
    # in the navigation. Filtered only on pages that really have no #__toc (fix proposed in the
    # report: an overrides/partials/toc.html that writes the label only when the page is in nav).
    if text.startswith("The value of the “for” attribute of the “label” element must be the ID") \
            and 'for="__toc"' in extract:
        page = Path(message["url"].removeprefix("file:"))
        if 'id="__toc"' not in page.read_text(encoding="utf-8"):
            return "material-toc-label-outside-nav"
    return None


def unexplained_messages(site: Path) -> list[dict]:
    """vnu's errors on every HTML page under `site`, less the known ones (`_known` names each cause).
    Missing Java or vnu.jar: a skip on a developer machine, a failure in CI."""
    if not VNU.is_file() or not Path(JAVA).exists():
        unavailable("vnu.jar or java missing (run `npm ci --ignore-scripts`; apt-get install default-jre-headless)")
    run = subprocess.run([JAVA, "-jar", str(VNU), "--errors-only", "--format", "json",
                          "--skip-non-html", str(site)], capture_output=True, text=True, timeout=300)
    output = run.stderr + run.stdout
    start = re.search(r'\{"(version|messages)"', output)  # skip anything the JVM prints first
    assert start, f"no JSON report from vnu.jar (exit {run.returncode}):\n{output[:2000]}"
    report = json.JSONDecoder().raw_decode(output[start.start():])[0]
    messages = report["messages"]
    assert messages, "expected Material's known messages; did the checker run at all?"
    return [m for m in messages if _known(m, site) is None]


def describe(messages: list[dict], site: Path) -> str:
    return "\n".join(
        f"{m.get('url', '').split(str(site))[-1]}:{m.get('lastLine')}: {m.get('type')}: {m.get('message')}"
        f"\n    {m.get('extract', '').strip()[:160]}" for m in messages[:30])
