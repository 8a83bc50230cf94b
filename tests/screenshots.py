"""`make screenshots`: pictures of the full fixture site for a person to look at, not a test.

Builds tests/fixtures/site for the tests' day, serves it with its headers (cdnserver) and, in Debian's
Chromium at phone and desktop width, writes into test-artifacts/screenshots/ (git-ignored):
every kind of page in both languages (full page), the planner empty, filled, its result and in
print, and the timeline of the schedule and home pages.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

if __package__ in (None, ""):  # run as a script: the repository root on the path, as pytest has it
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.commands.pipeline import build_site
from generator.model.plan import SitePlan
from tests.browser import cdnserver
from tests.browser.support import HEIGHT, NOON_UTC, SCREENSHOTS, WIDTHS, interact, page_kinds
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, CONTENT, DATA, TODAY

PLANNER_QUERY = {"sector": "health", "service": ["patient-data-repository", "imaging-data-repository"],
                 "certified": "no", "vendor_support": "no", "target": "2027-09"}
"""A filled planner: two services, an uncertified system, a target month."""


def take(site: Path, plan: SitePlan, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    shots: list[Path] = []
    server, base = cdnserver.start(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for width in WIDTHS.values():
                context = browser.new_context(viewport={"width": width, "height": HEIGHT}, base_url=base,
                                              reduced_motion="reduce")
                page = context.new_page()
                page.clock.set_fixed_time(dt.datetime.combine(TODAY, NOON_UTC))

                def shot(name: str, locator=None, width=width, page=page) -> None:
                    path = out / f"{name}-{width}.png"
                    (locator or page).screenshot(path=str(path), **({} if locator else {"full_page": True}))
                    shots.append(path)

                for kind in page_kinds(plan):
                    for lang, url in kind.urls.items():
                        page.goto(url)
                        interact(page)
                        shot(f"{lang}-{kind.name}")
                for lang in plan.project.languages:
                    url = plan.url("planner", lang)
                    for name, query in (("empty", ""), ("filled", "?" + urlencode(PLANNER_QUERY, doseq=True))):
                        page.goto(url + query)
                        page.wait_for_selector("#kg-planner[data-ready]", state="attached")
                        shot(f"{lang}-planner-{name}")
                    shot(f"{lang}-planner-result", page.locator("#plan-result"))
                    page.emulate_media(media="print")
                    shot(f"{lang}-planner-print")
                    page.emulate_media(media="screen")
                    for key in ("schedule", "home"):
                        page.goto(plan.url(key, lang))
                        shot(f"{lang}-timeline-{key}", page.locator(".kg-timeline"))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return shots


def main() -> int:
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        build_site(DATA, CONTENT, base / "site", today=TODAY, work_dir=base / "work")
        project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
        shots = take(base / "site", SitePlan(project, TODAY), SCREENSHOTS)
    print(f"{len(shots)} screenshots in {SCREENSHOTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
