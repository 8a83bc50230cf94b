"""The content's checks on the shipped data/ and content/ (CI runs them on every pull request).

Each holds for any valid content: what `make check` accepts must build strictly, link cleanly,
validate as HTML and publish feeds, calendars and sitemaps that agree with the data.
"""

from __future__ import annotations

import datetime as dt

import icalendar
from click.testing import CliRunner

from generator.commands.cli import main
from generator.model import manifest
from generator.publish import linkcheck
from tests import vnu
from tests.helpers import ROOT, SHIPPED_CONTENT, SHIPPED_DATA, addresses_not_in_the_notes, check_sitemap_pairs

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_check_passes():
    """`make check` (CI's `ci-check`): no errors; warnings are the publishing check's business."""
    result = CliRunner().invoke(main, ["check", "--data", str(SHIPPED_DATA), "--content", str(SHIPPED_CONTENT),
                                       "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "placeholder" not in result.output, result.output  # strings.yaml's {names}, also as warnings


def test_every_address_is_one_the_shared_notes_give():
    """No address, e-mail or phone number in data/ or content/ that ../shared/domain.md and
    ../shared/sources/ (tests/allowed-addresses.txt) do not give: none is ever invented. The site's
    own address counts only once site.yaml says it is known."""
    unknown = addresses_not_in_the_notes(SHIPPED_DATA, SHIPPED_CONTENT)
    assert not unknown, "not in the shared notes; use one they give or say the address is not known:\n" + \
        "\n".join(unknown)


def test_every_text_is_translated():
    result = CliRunner().invoke(main, ["translations", "--strict", "--data", str(SHIPPED_DATA),
                                       "--content", str(SHIPPED_CONTENT), "--lang", "en"])
    assert result.exit_code == 0, result.output


def test_no_broken_links(shipped_site, shipped_plan):
    project = shipped_plan.project
    problems = linkcheck.check_site(shipped_site, project.config.site_url, project.languages)
    assert not problems, linkcheck.describe(problems)


def test_html_is_valid(shipped_site):
    unexplained = vnu.unexplained_messages(shipped_site)
    assert not unexplained, vnu.describe(unexplained, shipped_site)


def test_every_page_has_its_pair_in_the_sitemap(shipped_site, shipped_plan):
    check_sitemap_pairs(shipped_site, shipped_plan)


def test_the_address_list_is_current(shipped_site):
    """urls.txt lists only addresses the site serves, and every one the site serves."""
    committed = manifest.read(ROOT / manifest.FILE_NAME)
    served = manifest.published_urls(shipped_site)
    missing, added = manifest.compare(committed, served)
    assert not missing and not added, (missing, added)


def test_calendars_hold_what_the_data_says(shipped_site, shipped_plan):
    plan = shipped_plan
    project = plan.project
    for lang in project.languages:
        for period in project.periods:
            path = shipped_site / plan.feed_file(lang, period.slug)
            cal = icalendar.Calendar.from_ical(path.read_bytes())
            events = cal.walk("VEVENT")
            window = next(e for e in events if str(e["UID"]).startswith("registration-"))
            assert window.decoded("DTSTART") == period.registration.opens
            assert window.decoded("DTEND") == period.registration.closes + dt.timedelta(days=1)
            for event in period.events:
                ev = next(e for e in events if str(e["UID"]).startswith(f"event-{event.id}-"))
                assert ev.decoded("DTSTART").date() == event.date


def test_robots_points_at_the_sitemap(shipped_site, shipped_plan):
    text = (shipped_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {shipped_plan.project.config.site_url.rstrip('/')}/sitemap.xml" in text.splitlines()


def test_every_page_speaks_its_language_and_links_its_pair(shipped_site, shipped_plan):
    """Each page's `<html lang>` is its language, and its language switcher leads to the same page
    in every other language (the sitemap's pairs)."""
    from html.parser import HTMLParser

    class Page(HTMLParser):
        def __init__(self):
            super().__init__()
            self.lang, self.switch = None, {}

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "html":
                self.lang = a.get("lang")
            if tag == "a" and "kg-lang__link" in (a.get("class") or "").split():
                self.switch[a.get("hreflang")] = a.get("href")

    plan = shipped_plan
    langs = plan.project.languages
    for page in plan.pages:
        for lang in langs:
            url = plan.url(page.key, lang)
            parsed = Page()
            parsed.feed((shipped_site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"))
            assert parsed.lang == lang, url
            expected = {other: plan.url(page.key, other) for other in langs if other != lang}
            assert {k: v.split("#")[0] for k, v in parsed.switch.items()} == expected, url


def test_the_committed_schemas_are_current():
    """`make schemas` writes them from the models and the data's ids (a new service, period, …)."""
    from generator.check.json_schemas import render_schemas

    for name, text in render_schemas(SHIPPED_DATA).items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"schemas/{name} is stale: make schemas"


def test_every_data_file_points_at_its_schema():
    for path in SHIPPED_DATA.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{path.stem}.schema.json", path


def test_vscode_maps_every_data_file_to_its_schema():
    """The editors' IDE underlines mistakes with the committed schemas (.vscode/settings.json)."""
    import json

    from generator.model import schema as models

    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {glob: schema for schema, globs in settings["yaml.schemas"].items() for glob in globs}
    for name in models.DATA_FILES:
        schema = mapped[f"data/{name}"]
        assert (ROOT / schema).is_file(), schema
        assert schema.endswith(f"/{name.removesuffix('.yaml')}.schema.json")
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
