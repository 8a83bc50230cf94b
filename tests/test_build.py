"""End to end: build the small bilingual fixture site with real MkDocs runs."""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from generator.build import mkdocs_build as build
from generator.check import site_links
from generator.commands.cli import main
from generator.commands.pipeline import build_site
from generator.model.errors import BuildError, DataError

from .helpers import SMALL, TODAY, unavailable

FI_PAGES = {
    "index.html", "kayttoonottoprosessi/index.html", "ilmoittautuminen/index.html",
    "aikataulu/index.html", "aikataulu/3-2026/index.html", "aikataulu/1-2027/index.html",
    "aikataulu/3-2027/index.html",
    "palvelut/index.html", "palvelut/potilastietovaranto/index.html",
    "palvelut/kuva-aineistojen-tietovaranto/index.html", "edellytykset/index.html",
    "asiakkuus/index.html", "saavutettavuusseloste/index.html", "tietoa-sivustosta/index.html",
    "muutokset/index.html", "suunnittele/index.html",
}
SV_PAGES = {
    "index.html", "inforandeprocessen/index.html", "anmalan/index.html", "tidtabell/index.html",
    "tidtabell/3-2026/index.html", "tidtabell/1-2027/index.html", "tidtabell/3-2027/index.html",
    "tjanster/index.html",
    "tjanster/patientdatalagret/index.html", "tjanster/datalagret-for-bildmaterial/index.html",
    "forutsattningar/index.html", "kundrelation/index.html", "tillganglighetsutlatande/index.html",
    "om-webbplatsen/index.html", "andringar/index.html", "planera/index.html",
}


def pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("index.html")}


def test_each_language_has_its_pages_with_its_own_slugs(small_site: Path):
    assert pages(small_site / "fi") == FI_PAGES
    assert pages(small_site / "sv") == SV_PAGES
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", "_headers", "_redirects"):
        assert (small_site / name).is_file(), name


def test_html_lang_and_search_language(small_site: Path):
    for lang in ("fi", "sv"):
        for page in (small_site / lang).rglob("*.html"):
            assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), page
        index = json.loads((small_site / lang / "search" / "search_index.json").read_text())
        assert index["config"]["lang"] == [lang]


def test_switcher_links_to_the_counterpart_page(small_site: Path):
    html = (small_site / "fi" / "palvelut" / "potilastietovaranto" / "index.html").read_text()
    assert re.search(r'<a href="/sv/tjanster/patientdatalagret/" hreflang="sv" lang="sv" target="_self"',
                     html)
    html = (small_site / "sv" / "tidtabell" / "1-2027" / "index.html").read_text()
    assert 'href="/fi/aikataulu/1-2027/" hreflang="fi"' in html
    # Every switcher target exists in the output.
    for lang in ("fi", "sv"):
        for page in (small_site / lang).rglob("index.html"):
            for href in re.findall(r'<a href="([^"]+)"[^>]*class="kg-lang__link"', page.read_text()):
                assert (small_site / href.strip("/") / "index.html").is_file(), (page, href)


def test_sitemap_has_hreflang_pairs(small_site: Path):
    sitemap = (small_site / "sitemap.xml").read_text()
    assert sitemap.count("<loc>") == len(FI_PAGES) + len(SV_PAGES)
    assert ('<xhtml:link rel="alternate" hreflang="sv" '
            'href="https://kayttoonotto.kanta.fi/sv/tjanster/patientdatalagret/" />') in sitemap
    assert 'hreflang="x-default" href="https://kayttoonotto.kanta.fi/"' in sitemap
    assert "<lastmod>2026-11-20</lastmod>" in sitemap


def test_json_feeds(small_site: Path):
    services = json.loads((small_site / "api" / "services.json").read_text())
    pdr = next(s for s in services["services"] if s["id"] == "patient-data-repository")
    assert pdr["url"] == {"fi": "https://kayttoonotto.kanta.fi/fi/palvelut/potilastietovaranto/",
                          "sv": "https://kayttoonotto.kanta.fi/sv/tjanster/patientdatalagret/"}
    assert pdr["former_names"] == [{"fi": "Potilastiedon arkisto", "sv": "Patientdataarkivet"}]
    assert pdr["next_registration_closes"] == "2026-12-11"
    periods = json.loads((small_site / "api" / "periods.json").read_text())
    statuses = {p["id"]: p["status"] for p in periods["periods"]}
    assert statuses == {"3/2026": "ongoing", "1/2027": "registration-open"}
    # How sure each date is: 3/2026 confirmed; 1/2027 provisional, its event an example.
    first, second = periods["periods"]
    assert (first["dates"], first["registration"]["dates"], first["events"][0]["dates"]) == \
        ("confirmed", "confirmed", "confirmed")
    assert (second["dates"], second["registration"]["dates"], second["events"][0]["dates"]) == \
        ("provisional", "provisional", "example")
    assert (first["status_certainty"], second["status_certainty"]) == ("confirmed", "provisional")
    assert second["registration"]["status_certainty"] == "provisional"
    assert second["registration"]["provisional"] is True and first["provisional"] is False
    assert pdr["next_registration_dates"] == "provisional"


def test_calendar_feeds_parse_back(small_site: Path):
    for lang, path in (("fi", "fi/kalenteri/kaikki-jaksot.ics"), ("sv", "sv/kalender/alla-perioder.ics")):
        cal = icalendar.Calendar.from_ical((small_site / path).read_bytes())
        events = list(cal.walk("VEVENT"))
        # Per period: registration window, its last day (with a reminder), the period itself, and
        # its events.
        assert len(events) == 2 * 3 + 2
        uids = [str(e["UID"]) for e in events]
        assert len(set(uids)) == len(uids)
        assert all(uid.endswith(f"-{lang}@kayttoonotto.kanta.fi") for uid in uids)
        assert list(cal.walk("VTIMEZONE"))[0]["TZID"] == "Europe/Helsinki"
        prep = next(e for e in events if "event-preparation-1-2027" in str(e["UID"]))
        start = prep.decoded("DTSTART")
        assert (start.hour, start.minute, str(start.tzinfo)) == (9, 0, "Europe/Helsinki")
        assert prep.decoded("DTSTAMP") == dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
        registration = next(e for e in events if str(e["UID"]).startswith("registration-1-2027"))
        assert registration.decoded("DTEND") == dt.date(2026, 12, 12)  # exclusive end
    assert (small_site / "fi" / "kalenteri" / "1-2027.ics").is_file()


def test_same_input_same_bytes(small_site: Path, tmp_path: Path):
    build_site(SMALL / "data", SMALL / "content", tmp_path / "again", today=TODAY, work_dir=tmp_path / "w")
    comparison = filecmp.dircmp(small_site, tmp_path / "again")
    differing = _diff_files(comparison)
    assert differing == []


def test_the_built_html_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`_headers` (the CSP's inline scripts) and the link checker share one read of each page."""
    reads: dict[str, int] = {}
    real_read_text = Path.read_text

    def read_text(self: Path, *args, **kwargs) -> str:
        if self.suffix == ".html" and self.is_relative_to(tmp_path):
            reads[self.as_posix()] = reads.get(self.as_posix(), 0) + 1
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)  # every page read in this process, where it is counted
    out = tmp_path / "site"
    build_site(SMALL / "data", SMALL / "content", out, today=TODAY, work_dir=tmp_path / "work")
    pages = list(out.rglob("*.html"))
    assert len(reads) == len(pages) > 0
    assert set(reads.values()) == {1}


def _diff_files(cmp: filecmp.dircmp) -> list[str]:
    # dircmp compares shallowly by stat; compare contents explicitly.
    out = [f for f in cmp.common_files
           if not filecmp.cmp(Path(cmp.left) / f, Path(cmp.right) / f, shallow=False)]
    out += cmp.left_only + cmp.right_only
    for sub in cmp.subdirs.values():
        out += _diff_files(sub)
    return out


def test_invalid_data_writes_nothing(tmp_path: Path):
    from generator.model.guard import OUTPUT_STAMP, stamp

    shutil.copytree(SMALL, tmp_path / "small")
    services = tmp_path / "small" / "data" / "services.yaml"
    services.write_text(services.read_text().replace("kind: service", "kind: servcie", 1))
    out = tmp_path / "site"
    stamp(out, OUTPUT_STAMP)  # a previous output: a build may replace it (guard.py)
    (out / "keep.txt").write_text("previous site")
    with pytest.raises(DataError):
        build_site(tmp_path / "small" / "data", None, out, today=TODAY, work_dir=tmp_path / "work")
    assert sorted(p.name for p in out.iterdir()) == [OUTPUT_STAMP, "keep.txt"]
    assert not (tmp_path / "work").exists()


def test_a_failing_build_leaves_the_previous_output_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copytree(SMALL, tmp_path / "small")
    out = tmp_path / "site"
    build_site(tmp_path / "small" / "data", None, out, today=TODAY, work_dir=tmp_path / "work")
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # A hand-written page links to a page that does not exist: validation refuses it first...
    page = tmp_path / "small" / "content" / "fi" / "tietoa-sivustosta.md"
    page.write_text(page.read_text() + "\n[rikki](ei-ole.md)\n")
    with pytest.raises(DataError):
        build_site(tmp_path / "small" / "data", None, out, today=TODAY, work_dir=tmp_path / "work")
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # ...and without that rule, MkDocs --strict fails on it, after the sources were written.
    monkeypatch.setattr(site_links, "link_problems", lambda site: [])
    with pytest.raises(BuildError, match="ei-ole.md"):
        build_site(tmp_path / "small" / "data", None, out, today=TODAY, work_dir=tmp_path / "work")
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_a_reused_engine_answers_each_build_even_after_a_post_build_failure(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch):
    """`serve` keeps one MkDocs helper. The post-build files are made while MkDocs runs; when
    that fails, MkDocs' answer must still be read, or the next build would get this one's."""
    from generator.build.engine import Engine
    from generator.publish import site_files as postbuild

    shutil.copytree(SMALL, tmp_path / "small")
    data, out, work = tmp_path / "small" / "data", tmp_path / "site", tmp_path / "work"
    real = postbuild.data_files

    def fails(site):
        raise RuntimeError("post-build broke")

    page = tmp_path / "small" / "content" / "fi" / "tietoa-sivustosta.md"
    good = page.read_text()
    page.write_text(good + "\n[rikki](ei-ole.md)\n")  # this build's MkDocs answer: a failure
    monkeypatch.setattr(site_links, "link_problems", lambda site: [])  # (validation would stop it first)
    with Engine(work / ".jinja-cache") as engine:
        monkeypatch.setattr(postbuild, "data_files", fails)
        with pytest.raises(RuntimeError, match="post-build broke"):
            build_site(data, None, out, today=TODAY, work_dir=work, engine=engine)
        monkeypatch.setattr(postbuild, "data_files", real)
        page.write_text(good)
        build_site(data, None, out, today=TODAY, work_dir=work, engine=engine)
    assert (out / "fi" / "tietoa-sivustosta" / "index.html").is_file()


def test_a_helper_that_cannot_start_is_reported_with_what_it_said(tmp_path: Path):
    """MkDocs missing or broken: the build stops with the helper's own error, not a hang."""
    import os

    from generator.build.engine import Engine, EngineError

    fake = tmp_path / "fake" / "mkdocs"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('raise ImportError("no MkDocs in this environment")\n')
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "fake")}
    with Engine(tmp_path / "cache", env=env) as engine:
        engine.start([tmp_path / "mkdocs.yml"], source_date_epoch=0)
        with pytest.raises(EngineError, match="no MkDocs in this environment"):
            engine.wait()
    assert not (tmp_path / "cache").exists()


def test_cli_build_refuses_invalid_data_with_the_check_report(tmp_path: Path):
    shutil.copytree(SMALL, tmp_path / "small")
    periods = tmp_path / "small" / "data" / "periods.yaml"
    periods.write_text(periods.read_text().replace("start: 2026-10-05", "start: 2026-10-32"))
    result = CliRunner().invoke(main, ["build", "--data", str(tmp_path / "small" / "data"),
                                       "--out", str(tmp_path / "site"), "--work", str(tmp_path / "w"),
                                       "--today", "2026-11-25"])
    assert result.exit_code == 1
    assert "periods.yaml:4:12: error: '2026-10-32' is not a date in the calendar" in result.output
    assert "Nothing was written" in result.output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("lang, nothing", [("fi", "Mitään ei kirjoitettu"), ("sv", "Ingenting skrevs")])
def test_cli_build_speaks_the_editors_language(tmp_path: Path, lang: str, nothing: str):
    """`build --lang fi|sv`: the problems and what happened next, both in the editor's language."""
    shutil.copytree(SMALL, tmp_path / "small")
    periods = tmp_path / "small" / "data" / "periods.yaml"
    periods.write_text(periods.read_text().replace("start: 2026-10-05", "start: 2026-10-32"))
    result = CliRunner().invoke(main, ["build", "--data", str(tmp_path / "small" / "data"),
                                       "--out", str(tmp_path / "site"), "--work", str(tmp_path / "w"),
                                       "--today", "2026-11-25", "--lang", lang])
    assert result.exit_code == 1
    assert nothing in result.output and "Nothing was written" not in result.output
    assert not (tmp_path / "site").exists()


def test_statuses_follow_today(tmp_path: Path):
    build_site(SMALL / "data", SMALL / "content", tmp_path / "site", today=dt.date(2027, 2, 1),
               work_dir=tmp_path / "w")
    html = (tmp_path / "site" / "fi" / "aikataulu" / "1-2027" / "index.html").read_text()
    assert "kg-status--ongoing" in html
    assert "(päivitetty 1.2.2027)" in html


NEW_PERIOD = """
  - id: "2/2027"
    start: 2027-05-10
    end: 2027-09-17
    dates: example
    registration: {opens: 2027-02-01, closes: 2027-04-09}
    events:
      - id: preparation
        kind: preparation
        date: 2027-05-18
        start: "13:00"
        end: "15:30"
        online: true
    accepts: [imaging-data-repository]
    last_reviewed: 2026-11-24
"""


def test_a_period_added_in_yaml_appears_everywhere(tmp_path: Path):
    """The editor's Monday: one new block in periods.yaml, nothing else edited."""
    data = tmp_path / "data"
    shutil.copytree(SMALL / "data", data)
    periods = data / "periods.yaml"
    periods.write_text(periods.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_PERIOD, encoding="utf-8")
    site = tmp_path / "site"
    build_site(data, SMALL / "content", site, today=TODAY, work_dir=tmp_path / "w")

    for lang, schedule, service in (("fi", "aikataulu", "palvelut/kuva-aineistojen-tietovaranto"),
                                    ("sv", "tidtabell", "tjanster/datalagret-for-bildmaterial")):
        table = (site / lang / schedule / "index.html").read_text()
        assert 'href="2-2027/"' in table and "10.5.2027" in table
        period_page = (site / lang / schedule / "2-2027" / "index.html").read_text()
        assert "18.5.2027" in period_page
        # The service it accepts lists it (with its registration deadline); the other does not.
        service_page = (site / lang / service / "index.html").read_text()
        assert f'href="../../{schedule}/2-2027/"' in service_page
        assert "10.5.2027–17.9.2027" in service_page  # the period's span, in its list of periods
        assert "9.4.2027" in service_page
        other = "palvelut/potilastietovaranto" if lang == "fi" else "tjanster/patientdatalagret"
        assert "2-2027" not in (site / lang / other / "index.html").read_text()
        # "Updated" follows the newest data the page shows, not the build day.
        assert "24.11.2026" in service_page
        cal = icalendar.Calendar.from_ical(next((site / lang).glob("*/1-2027.ics")).with_name("2-2027.ics")
                                           .read_bytes())
        assert any("event-preparation-2-2027" in str(e["UID"]) for e in cal.walk("VEVENT"))
    feed = json.loads((site / "api" / "periods.json").read_text())
    assert [p["id"] for p in feed["periods"]] == ["3/2026", "1/2027", "2/2027"]
    services = json.loads((site / "api" / "services.json").read_text())
    imaging = next(s for s in services["services"] if s["id"] == "imaging-data-repository")
    assert imaging["next_registration_closes"] == "2027-04-09"
    sitemap = (site / "sitemap.xml").read_text()
    assert "/fi/aikataulu/2-2027/" in sitemap and "/sv/tidtabell/2-2027/" in sitemap


# The swap: the output folder is there at every moment, whichever file system the staging is on.

def _site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text)
    return folder


@pytest.fixture
def other_fs_staging(tmp_path: Path):
    """A staging folder on another file system than tmp_path (/dev/shm), as `--work` there."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        unavailable("needs /dev/shm on a file system of its own")
    staging = Path(tempfile.mkdtemp(dir=shm)) / "site"
    yield _site(staging, "new")
    shutil.rmtree(staging.parent)


def test_the_output_is_there_while_a_staging_folder_on_another_file_system_is_copied(
        tmp_path: Path, other_fs_staging: Path, monkeypatch: pytest.MonkeyPatch):
    out = _site(tmp_path / "out", "old")
    seen: list[str] = []
    copy = shutil.copytree

    def watched_copy(src, dst, *args, **kwargs):
        seen.append((out / "index.html").read_text())
        done = copy(src, dst, *args, **kwargs)
        seen.append((out / "index.html").read_text())
        return done

    monkeypatch.setattr(build.shutil, "copytree", watched_copy)
    build.swap(other_fs_staging, out)
    assert seen == ["old", "old"]
    assert (out / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_copy_that_dies_midway_leaves_the_previous_output(tmp_path: Path, other_fs_staging: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    out = _site(tmp_path / "out", "old")

    def dying_copy(src, dst, *args, **kwargs):
        Path(dst).mkdir()
        (Path(dst) / "half").write_text("")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build.shutil, "copytree", dying_copy)
    with pytest.raises(BuildError, match="No space left on device"):
        build.swap(other_fs_staging, out)
    assert (out / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("exchange", ["renameat2", "two renames"])
def test_the_swap_replaces_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: str):
    out = _site(tmp_path / "out", "old")
    if exchange == "two renames":
        monkeypatch.setattr(build, "_exchange", lambda a, b: False)
    build.swap(_site(tmp_path / "work" / "site", "new"), out)
    assert (out / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "work"]


def test_with_renameat2_no_rename_leaves_the_output_missing(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    probe_a, probe_b = _site(tmp_path / "a", "a"), _site(tmp_path / "b", "b")
    if not build._exchange(probe_a, probe_b):
        unavailable("this system or file system has no RENAME_EXCHANGE")
    out = _site(tmp_path / "out", "old")
    rename = os.rename
    missing: list[str] = []

    def watched_rename(src, dst):
        rename(src, dst)
        if not out.is_dir():
            missing.append(f"{src} → {dst}")

    monkeypatch.setattr(build.os, "rename", watched_rename)
    build.swap(_site(tmp_path / "work" / "site", "new"), out)
    assert not missing
    assert (out / "index.html").read_text() == "new"


def test_a_heading_that_makes_a_pages_own_id_fails_the_build(tmp_path: Path):
    """A text that becomes a heading gets its id from its words: `KG planner` would give the
    planner page's title the id of its form, which the planner's script looks up."""
    shutil.copytree(SMALL, tmp_path / "small")
    strings = tmp_path / "small" / "data" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("  title-planner:"))
    strings.write_text(text.replace(line, '  title-planner: {fi: "KG planner", sv: "Planera införandet"}'),
                       encoding="utf-8")
    with pytest.raises(BuildError, match="the id 'kg-planner' is on two elements of this page"):
        build_site(tmp_path / "small" / "data", None, tmp_path / "out", today=TODAY, work_dir=tmp_path / "work")
    assert not (tmp_path / "out").exists()


def test_a_rebuild_with_its_work_folder_on_another_file_system_never_leaves_the_output_missing(
        tmp_path: Path):
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        unavailable("needs /dev/shm on a file system of its own")
    work = Path(tempfile.mkdtemp(dir=shm)) / "work"
    out = tmp_path / "site"
    try:
        build_site(SMALL / "data", SMALL / "content", out, today=TODAY, work_dir=work)
        missing, done = [], threading.Event()

        def watch() -> None:
            while not done.is_set():
                if not (out / "index.html").is_file():
                    missing.append(time.monotonic())

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            build_site(SMALL / "data", SMALL / "content", out, today=TODAY, work_dir=work)
        finally:
            done.set()
            watcher.join()
        assert not missing, f"the output was missing {len(missing)} times during the swap"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.lock"]
    finally:
        shutil.rmtree(work.parent)
