"""Dates are `example`, `provisional` or `confirmed`, and the site never shows an example as fact;
a period Kela has not announced is `unannounced` and has no dates at all.

- data: `dates:` per period, overridable per registration window and event; the old
  `provisional:` key is refused with its new name; dates on an unannounced period are refused;
- an unannounced period: named with "Kela has not yet published the period's dates" on its page,
  the schedule and the service pages; in no calendar, feed, timeline or planner choice;
- pages: a notice below the title of every page that shows an example (or provisional) date,
  and of no other; statuses worded by how sure the dates they come from are;
- feeds: `dates` / `status_certainty` in the JSON, STATUS:TENTATIVE in the calendars;
- `check --strict` (publishing) fails while a current or upcoming period has example dates (an
  unannounced period never blocks it), and ends with what blocks publishing and how to clear it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import icalendar
import pytest

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.commands.pipeline import build_site
from generator.model import dates as d
from generator.model.plan import SitePlan
from generator.model.schema import Event, Period, Window
from generator.render.pages import render

from .helpers import CONTENT, DATA, SMALL, TODAY, line_of, ready_to_publish, run_check, set_dates

KANTA_FI = "https://www.kanta.fi/ammattilaiset/kayttoonottovaihe"
"""The page kanta.fi publishes onboarding and registration on (../shared/domain.md §5)."""
NOTICE = 'class="admonition warning kg-dates-note"'
PROVISIONAL_NOTICE = 'class="admonition note kg-dates-note"'
# Periods of the full fixture that have not ended on TODAY (2026-11-25), and those that have.
CURRENT_AND_UPCOMING = ("3/2026", "1/2027", "2/2027", "3/2027")
PAST = ("1/2026", "2/2026")


def html_pages(site: Path, lang: str) -> dict[str, str]:
    return {p.relative_to(site / lang).as_posix(): p.read_text(encoding="utf-8")
            for p in (site / lang).rglob("index.html")}


# ---------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------


def test_every_date_of_the_full_fixture_is_an_example():
    project, _ = load_project(DATA, CONTENT, today=TODAY)
    for period in project.periods:
        assert d.period_states(period) == {"example"}, period.id


@pytest.mark.parametrize("where, old, new, column", [
    ("period", "    dates: example\n", "    provisional: true\n", 5),
    ("registration", "      closes: 2025-12-12\n", "      closes: 2025-12-12\n      provisional: false\n", 7),
    ("event", '        end: "11:00"\n', '        end: "11:00"\n        provisional: true\n', 9),
])
@pytest.mark.parametrize("lang, said", [
    ("en", "the key 'provisional' has been renamed to 'dates'"),
    ("fi", "avaimen 'provisional' nimi on nyt 'dates'"),
    ("sv", "nyckeln 'provisional' heter nu 'dates'"),
])
def test_the_old_provisional_key_is_refused_with_its_new_name(data_copy: Path, where, old, new, column,
                                                               lang, said):
    path = data_copy / "periods.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = run_check(data_copy, "--lang", lang)
    assert result.exit_code == 1
    line = line_of(path, "provisional: ")
    errors = [ln for ln in result.output.splitlines() if re.search(r": (error|virhe|fel): ", ln)]
    assert len(errors) == 1, result.output  # one mistake, one message: not also "'dates' is missing"
    assert errors[0].startswith(f"{path}:{line}:{column}: ") and said in errors[0], result.output
    assert "`dates:`" in result.output and "confirmed" in result.output


@pytest.mark.parametrize("value", ["maybe", "Example", "true"])
def test_a_state_that_does_not_exist_is_refused(data_copy: Path, value: str):
    path = data_copy / "periods.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    dates: example", f"    dates: {value}", 1),
                    encoding="utf-8")
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert f"{path}:{line_of(path, f'dates: {value}')}:12: error: '{value}' is not one of the allowed" \
        in result.output
    assert "write one of: example, provisional, confirmed" in result.output


def _period(reg: str | None, period: str, event: str | None = None) -> Period:
    return Period(id="1/2027", start=dt.date(2027, 1, 11), end=dt.date(2027, 4, 30), dates=period,
                  registration=Window(opens=dt.date(2026, 10, 5), closes=dt.date(2026, 12, 11), dates=reg),
                  events=[Event(id="prep", kind="preparation", date=dt.date(2027, 1, 19),
                                start=dt.time(9), end=dt.time(11), online=True, dates=event)],
                  accepts=["x"], last_reviewed=dt.date(2026, 11, 20))


@pytest.mark.parametrize("reg, period, day, status, certainty", [
    # Before and during registration the window's own dates decide...
    ("confirmed", "example", dt.date(2026, 10, 1), "registration-upcoming", "confirmed"),
    ("confirmed", "example", dt.date(2026, 11, 1), "registration-open", "confirmed"),
    ("example", "confirmed", dt.date(2026, 11, 1), "registration-open", "example"),
    (None, "provisional", dt.date(2026, 11, 1), "registration-open", "provisional"),  # inherited
    # ...afterwards the window's closing day and the period's dates: the least sure one.
    ("confirmed", "example", dt.date(2026, 12, 20), "starting", "example"),
    ("provisional", "confirmed", dt.date(2027, 2, 1), "ongoing", "provisional"),
    ("example", "provisional", dt.date(2027, 6, 1), "past", "example"),
    (None, "confirmed", dt.date(2027, 6, 1), "past", "confirmed"),
])
def test_a_status_is_as_sure_as_the_dates_it_comes_from(reg, period, day, status, certainty):
    p = _period(reg, period)
    assert d.period_status(p, day) == status
    assert d.status_certainty(p, status) == certainty


def test_overrides_fall_back_to_the_periods_state():
    p = _period(None, "provisional", None)
    assert (p.registration_dates, p.event_dates(p.events[0])) == ("provisional", "provisional")
    p = _period("confirmed", "provisional", "example")
    assert (p.registration_dates, p.event_dates(p.events[0])) == ("confirmed", "example")
    assert d.period_states(p) == {"confirmed", "provisional", "example"}


@pytest.mark.parametrize("status, certainty, key", [
    ("registration-open", "confirmed", "status-registration-open"),
    ("registration-open", "provisional", "status-registration-open-provisional"),
    ("past", "example", "status-past-example"),
    ("window-closed", "example", "window-closed-example"),
    ("window-open", "confirmed", "window-open"),
])
def test_status_keys(status, certainty, key):
    assert d.status_key(status, certainty) == key


# ---------------------------------------------------------------------------
# The pages (the full fixture, built for TODAY: every date an example)
# ---------------------------------------------------------------------------

DATED_PAGES = {
    "fi": ["index.html", "ilmoittautuminen/index.html", "aikataulu/index.html", "aikataulu/1-2027/index.html",
           "aikataulu/1-2026/index.html", "palvelut/potilastietovaranto/index.html"],
    "sv": ["index.html", "anmalan/index.html", "tidtabell/index.html", "tidtabell/1-2027/index.html",
           "tidtabell/1-2026/index.html", "tjanster/patientdatalagret/index.html"],
}
UNDATED_PAGES = {
    "fi": ["kayttoonottoprosessi/index.html", "palvelut/index.html", "edellytykset/index.html",
           "asiakkuus/index.html", "saavutettavuusseloste/index.html", "muutokset/index.html",
           "palvelut/kelain/index.html"],
    "sv": ["inforandeprocessen/index.html", "tjanster/index.html", "forutsattningar/index.html",
           "kundrelation/index.html", "tillganglighetsutlatande/index.html", "andringar/index.html",
           "tjanster/kelain/index.html"],
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_page_that_shows_an_example_date_says_so_below_its_title(full_site: Path, lang: str):
    pages = html_pages(full_site, lang)
    shown = [name for name, html in pages.items() if 'data-dates="example"' in html]
    assert set(DATED_PAGES[lang]) <= set(shown)
    for name in shown:
        html = pages[name]
        assert html.count(NOTICE) == 1, name
        # Right below the title: the first thing after the h1.
        after_title = html[html.index("</h1>") + len("</h1>"):].lstrip()
        assert after_title.startswith("<div") and NOTICE in after_title.split(">", 1)[0], name
        notice = after_title[: after_title.index("</div>")]
        assert 'role="note"' in notice and 'aria-labelledby="kg-example-note"' in notice
        assert f'href="{KANTA_FI}"' in notice and 'lang="fi"' in notice
        assert ("esimerkki" if lang == "fi" else "exempel") in notice
    if lang == "sv":  # no Swedish copy of kanta.fi's page exists: the notice says it is in Finnish
        assert "på finska" in pages["index.html"]
    for name in UNDATED_PAGES[lang]:
        assert "kg-dates-note" not in pages[name], name
        assert 'data-dates="' not in pages[name], name


@pytest.mark.parametrize("lang, plain, example, qualifier, confirms", [
    ("fi", "Ilmoittautuminen on auki", "Ilmoittautuminen on esimerkkiaikataulun mukaan auki",
     "esimerkkiaikataulun mukaan", "ennen ilmoittautumisen alkua"),
    ("sv", "Anmälan är öppen", "Anmälan är öppen enligt exempeltidtabellen",
     "enligt exempeltidtabellen", "innan anmälan börjar"),
])
def test_no_status_from_example_dates_reads_as_fact(full_site: Path, lang, plain, example, qualifier, confirms):
    pages = html_pages(full_site, lang)
    for name in DATED_PAGES[lang][:4] + DATED_PAGES[lang][5:]:  # 1/2026 is past: no open window
        assert example in pages[name], name
    statuses = 0
    for name, html in pages.items():
        assert not re.search(rf">{plain}[<:]", html), name
        for status in re.findall(r'<span class="kg-status[^"]*"[^>]*>([^<]*)<', html):
            assert qualifier in status, (name, status)
            statuses += 1
    assert statuses, "no status on any page: the pattern no longer finds them"
    # The statement that Kela confirms dates before registration opens is gone.
    assert not any(confirms in html for html in pages.values())


def test_the_status_labels_for_the_browser_carry_every_wording(full_site: Path):
    html = (full_site / "fi" / "aikataulu" / "index.html").read_text(encoding="utf-8")
    labels = json.loads(re.search(r'<script id="kg-labels" type="application/json">(.*?)</script>', html)[1])
    assert labels["registration-open"] == "Ilmoittautuminen on auki"
    assert labels["registration-open-provisional"] == "Ilmoittautuminen on alustavan aikataulun mukaan auki"
    assert labels["registration-open-example"] == "Ilmoittautuminen on esimerkkiaikataulun mukaan auki"
    for key in ("registration-upcoming", "registration-open", "starting", "ongoing", "past"):
        assert {key, f"{key}-provisional", f"{key}-example"} <= set(labels)
    status = re.search(r'<span class="kg-status[^>]*>', html)[0]
    assert 'data-reg-dates="example"' in status and 'data-period-dates="example"' in status


def test_the_feeds_carry_the_state(full_site: Path):
    periods = json.loads((full_site / "api" / "periods.json").read_text())["periods"]
    for p in periods:
        assert p["dates"] == p["registration"]["dates"] == "example"
        assert p["status_certainty"] == p["registration"]["status_certainty"] == "example"
        assert all(e["dates"] == "example" for e in p["events"])
    services = json.loads((full_site / "api" / "services.json").read_text())["services"]
    assert {s["next_registration_dates"] for s in services if s["registration_required"]} == {"example"}
    assert {s["next_registration_dates"] for s in services if not s["registration_required"]} == {None}
    for path, word in (("fi/kalenteri/kaikki-jaksot.ics", "(esimerkki)"), ("sv/kalender/alla-perioder.ics",
                                                                            "(exempel)")):
        events = list(icalendar.Calendar.from_ical((full_site / path).read_bytes()).walk("VEVENT"))
        assert events and all(str(e["STATUS"]) == "TENTATIVE" for e in events)
        assert all(str(e["SUMMARY"]).endswith(word) for e in events)
        assert all(KANTA_FI in str(e["DESCRIPTION"]) for e in events)


def test_mixed_states_in_the_small_fixture(small_site: Path):
    """3/2026 confirmed, 1/2027 provisional with an example event (tests/fixtures/small)."""
    cal = icalendar.Calendar.from_ical((small_site / "fi" / "kalenteri" / "kaikki-jaksot.ics").read_bytes())
    by_uid = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    assert str(by_uid["period-3-2026-fi"]["STATUS"]) == "CONFIRMED"
    assert "DESCRIPTION" not in by_uid["period-3-2026-fi"]
    assert str(by_uid["period-1-2027-fi"]["STATUS"]) == "TENTATIVE"
    assert str(by_uid["period-1-2027-fi"]["SUMMARY"]).endswith("(alustava)")
    assert str(by_uid["event-preparation-1-2027-fi"]["SUMMARY"]).endswith("(esimerkki)")
    # The place of an example event is an example too; a confirmed one's is not marked.
    assert str(by_uid["event-preparation-1-2027-fi"]["LOCATION"]) == "Kela, Helsinki (esimerkki)"
    assert not str(by_uid["event-preparation-3-2026-fi"]["LOCATION"]).endswith(")")
    confirmed_only = (small_site / "fi" / "palvelut" / "kuva-aineistojen-tietovaranto" / "index.html").read_text()
    assert "kg-dates-note" not in confirmed_only and ">Käynnissä<" in confirmed_only
    period = (small_site / "fi" / "aikataulu" / "1-2027" / "index.html").read_text()
    assert NOTICE in period and PROVISIONAL_NOTICE in period
    assert "Ilmoittautuminen on alustavan aikataulun mukaan auki" in period
    assert re.search(r"Paikka: Kela, Helsinki <span class=\"kg-prov kg-prov--example\"", period), period
    home = (small_site / "fi" / "index.html").read_text()
    assert PROVISIONAL_NOTICE in home and NOTICE not in home  # home shows no event date


# ---------------------------------------------------------------------------
# check --strict: the mode for publishing
# ---------------------------------------------------------------------------


def test_strict_check_fails_on_the_fixtures_example_dates_and_says_why():
    loose = run_check(DATA)
    assert loose.exit_code == 0
    assert loose.output.count(": warning: period ") == 4 and ": error: " not in loose.output
    strict = run_check(DATA, "--strict")
    assert strict.exit_code == 1
    # Publishing: they are errors, and so is the site's address while it is a placeholder.
    assert re.search(r"^\d+ errors, 0 warnings$", strict.output, re.M), strict.output
    assert strict.output.count(": error: period ") == 4
    assert re.search(r"^(?:.*/)?data/site\.yaml:\d+:\d+: error: site_url \(https://kayttoonotto\.kanta\.fi/\) "
                     r"is not the site's real address yet", strict.output, re.M), strict.output
    path = DATA / "periods.yaml"
    for pid in CURRENT_AND_UPCOMING:
        line = line_of(path, f'  - id: "{pid}"') + 3  # its `dates: example`
        assert re.search(rf"^(?:.*/)?data/periods\.yaml:{line}:12: error: period {re.escape(pid)} is current or "
                         r"upcoming \(as of 2026-11-25\), but its dates are still examples \(periods\.yaml, "
                         r"lines: [\d, ]+\)",
                         strict.output, re.M), strict.output
    for pid in PAST:
        assert f"period {pid} " not in strict.output
    assert strict.output.count("\n    fix: write Kela's published dates and set `dates: confirmed`") == 4
    fi = run_check(DATA, "--strict", "--lang", "fi")
    assert fi.exit_code == 1
    assert "jakso 1/2027 on käynnissä tai tulossa (tilanne 2026-11-25)" in fi.output
    assert "kirjoita Kelan julkaisemat päivämäärät ja `dates: confirmed`" in fi.output
    sv = run_check(DATA, "--strict", "--lang", "sv")
    assert "period 1/2027 pågår eller har ännu inte börjat (läget 2026-11-25)" in sv.output


def test_the_warning_names_the_lines_of_the_dates_it_covers(data_copy: Path):
    """An override is its own warning, at its own line; what it covers leaves the period's."""
    path = data_copy / "periods.yaml"
    set_dates(data_copy, ["1/2027"], "confirmed")
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.partition('  - id: "1/2027"\n')
    tail = tail.replace('        date: 2027-01-19\n', '        date: 2027-01-19\n        dates: example\n', 1)
    path.write_text(head + '  - id: "1/2027"\n' + tail, encoding="utf-8")
    result = run_check(data_copy)
    event_dates = line_of(path, "date: 2027-01-19") + 1
    assert f"{path}:{event_dates}:16: warning: period 1/2027 is current or upcoming (as of 2026-11-25), " \
           f"but its dates are still examples (periods.yaml, lines: {event_dates - 1})" in result.output, \
        result.output
    # The period 2/2027: all its seven dates, from its one `dates: example`.
    match = re.search(r"period 2/2027 .* \(periods\.yaml, lines: ([\d, ]+)\)", result.output)
    assert match and len(match[1].split(", ")) == 7


def test_past_periods_are_history_not_a_reason_to_fail():
    later = run_check(DATA, today="2027-12-20")  # every period of the fixture has ended
    assert "examples" not in later.output


def test_confirming_the_current_and_upcoming_periods_passes_strict_and_removes_the_notices(engine, data_copy, tmp_path):
    assert unannounced_periods(data_copy).unannounced  # it stays, and blocks nothing
    set_dates(data_copy, CURRENT_AND_UPCOMING, "confirmed")
    site = data_copy / "site.yaml"  # and the site's address decided (here: the placeholder kept as it)
    site.write_text(site.read_text(encoding="utf-8").replace("site_url_known: false\n", ""), encoding="utf-8")
    ready_to_publish(data_copy)
    strict = run_check(data_copy, "--strict")
    assert strict.exit_code == 0, strict.output
    assert strict.output.rstrip().endswith("0 errors, 0 warnings\n\nNothing blocks publishing."), strict.output
    build_site(data_copy, data_copy.parent / "content", tmp_path / "site", today=TODAY, work_dir=tmp_path / "w",
               engine=engine)
    for lang in ("fi", "sv"):
        pages = html_pages(tmp_path / "site", lang)
        past = {f"{pages_dir}/{pid.replace('/', '-')}/index.html" for pid in PAST
                for pages_dir in ("aikataulu", "tidtabell")}
        schedule = "aikataulu/index.html" if lang == "fi" else "tidtabell/index.html"
        for name, html in pages.items():
            if name in past or name == schedule:
                continue  # they still show the past periods' example dates, and say so
            assert "kg-dates-note" not in html, (lang, name)
            assert 'data-dates="example"' not in html, (lang, name)
        assert NOTICE in pages[schedule]
        register = pages["ilmoittautuminen/index.html" if lang == "fi" else "anmalan/index.html"]
        assert (">Ilmoittautuminen on auki<" if lang == "fi" else ">Anmälan är öppen<") in register
    periods = json.loads((tmp_path / "site" / "api" / "periods.json").read_text())["periods"]
    assert {p["id"]: p["status_certainty"] for p in periods} == {
        "1/2026": "example", "2/2026": "example", "3/2026": "confirmed", "1/2027": "confirmed",
        "2/2027": "confirmed", "3/2027": "confirmed"}


def test_with_every_date_confirmed_no_page_has_a_notice(data_copy: Path):
    set_dates(data_copy, CURRENT_AND_UPCOMING + PAST, "confirmed")
    project, _ = load_project(data_copy, data_copy.parent / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    files = render(SitePlan(project, TODAY))
    assert not [path for path, text in files.items() if "kg-dates-note" in text or "data-dates=" in text]


def test_a_provisional_date_gets_the_provisional_notice_only(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(SMALL / "data", data)
    periods = data / "periods.yaml"
    periods.write_text(periods.read_text(encoding="utf-8").replace("        dates: example\n", ""),
                       encoding="utf-8")
    project, _ = load_project(data, SMALL / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    files = render(SitePlan(project, TODAY))
    period = files["fi/docs/aikataulu/1-2027.md"]
    assert "kg-provisional-note" in period and "kg-example-note" not in period
    assert period.index("kg-provisional-note") < period.index("Tilanne:")


def test_labels_built_into_the_page_are_as_sure_as_their_dates():
    """"Käynnissä oleva jakso", "Seuraava jakso", the last registration day and each period's list of
    services are worded by the state of the dates they rest on (the small fixture mixes states)."""
    project, _ = load_project(SMALL / "data", SMALL / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    files = render(site)
    s = project.strings

    def sure(key: str, state: str) -> str:
        return s[f"{key}-{state}"]["fi"] if state in ("example", "provisional") else s[key]["fi"]

    cur, nxt = d.current_period(project.periods, TODAY), d.next_period(project.periods, TODAY)
    window = d.next_open_window(project.periods, TODAY)
    assert cur and nxt and window and {cur.dates, nxt.dates} == {"confirmed", "provisional"}
    home = files[f"fi/docs/{site.by_key['home'].paths['fi']}"]
    for key, period in (("current-period", cur), ("upcoming-period", nxt)):
        assert f">{sure(key, period.dates)}</span>: [" in home
    assert f">{sure('next-deadline-lead', window.registration_dates)}</span> **" in home
    for period in project.periods:
        page = files[f"fi/docs/{site.by_key['period:' + period.id].paths['fi']}"]
        notes = [s[f"accepted-services-{state}"]["fi"] for state in ("example", "provisional")]
        shown = [n for n in notes if n in page]
        assert shown == ([s[f"accepted-services-{period.dates}"]["fi"]] if period.dates != "confirmed" else [])


# ---------------------------------------------------------------------------
# A period Kela has not announced (`dates: unannounced`): named, never dated
# ---------------------------------------------------------------------------

UNANNOUNCED = {"fi": "Kela ei ole vielä julkaissut jakson päivämääriä",
               "sv": "FPA har ännu inte publicerat periodens datum"}
SCHEDULE_DIR = {"fi": "aikataulu", "sv": "tidtabell"}


def unannounced_periods(data: Path = DATA):
    project, _ = load_project(data, data.parent / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    assert project.unannounced, "the fixture has a period with `dates: unannounced`"
    return project


def body(markdown: str) -> str:
    """A rendered page without its front matter (which carries the page's `updated` date)."""
    return markdown.split("\n---\n", 1)[1]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_an_unannounced_period_is_named_with_kelas_words_and_no_date(lang):
    project = unannounced_periods()
    site = SitePlan(project, TODAY)
    files = render(site)
    schedule = body(files[f"{lang}/docs/{site.by_key['schedule'].paths[lang]}"])
    rows = [ln for ln in schedule.splitlines() if ln.startswith("| [")]
    dated = len(project.periods)
    for i, period in enumerate(project.unannounced):
        # Its page: the sentence, the services it accepts, no date, status, notice or calendar.
        page = body(files[f"{lang}/docs/{site.by_key[f'period:{period.id}'].paths[lang]}"])
        assert f"\n{UNANNOUNCED[lang]}.\n" in page, page
        assert not re.search(r"\b\d{1,2}\.\d{1,2}\.20\d\d\b", page), page
        assert "kg-status" not in page and "data-dates" not in page and ".ics" not in page, page
        for sid in period.accepts:
            assert f"]({'../' + site.by_key[f'service:{sid}'].paths[lang].replace('.md', '')}" in page \
                or site.by_key[f"service:{sid}"].paths[lang].split("/")[-1] in page, (sid, page)
        # Its row on the schedule: after every dated period, with dashes for every date.
        assert rows[dated + i] == f"| [{period.id}]({period.slug}.md) | {UNANNOUNCED[lang]} | – | – | – | – | – |"
        # The registration page's table of windows: named last, with no window and no status.
        registration = body(files[f"{lang}/docs/{site.by_key['registration'].paths[lang]}"])
        rows_there = [ln for ln in registration.splitlines() if ln.startswith("| [")]
        schedule_link = site.by_key[f"period:{period.id}"].paths[lang]
        assert rows_there[-len(project.unannounced) + i] == \
            f"| [{period.id}]({schedule_link}) | – | {UNANNOUNCED[lang]} |", rows_there
        # The services it accepts name it, after their dated periods.
        for sid in period.accepts:
            service = files[f"{lang}/docs/{site.by_key[f'service:{sid}'].paths[lang]}"]
            line = next(ln for ln in service.splitlines() if f"{period.slug}.md)" in ln)
            assert line.endswith(f"): {UNANNOUNCED[lang]}."), line
    assert len(rows) == dated + len(project.unannounced)


def test_an_unannounced_period_is_in_no_calendar_feed_timeline_or_planner(full_site: Path):
    project = unannounced_periods()
    for period in project.unannounced:
        assert not list(full_site.rglob(f"{period.slug}.ics"))
        for calendar in full_site.rglob("*.ics"):
            text = calendar.read_text(encoding="utf-8")
            assert period.slug not in text and period.id not in text, calendar
        api = full_site / "api"
        assert period.id not in [p["id"] for p in json.loads((api / "periods.json").read_text())["periods"]]
        services = json.loads((api / "services.json").read_text())["services"]
        assert all(s["next_period"] != period.id for s in services)
        for name in ("planner.json", "planner.fi.json", "planner.sv.json"):
            assert period.id not in [p["id"] for p in json.loads((api / name).read_text())["periods"]], name
        for feed in full_site.rglob("*.atom"):
            assert period.slug not in feed.read_text(encoding="utf-8"), feed
        for lang in ("fi", "sv"):
            # On the schedule page only its table row names it: not the timeline or its text alternative.
            schedule = (full_site / lang / SCHEDULE_DIR[lang] / "index.html").read_text(encoding="utf-8")
            assert schedule.count(period.id) == 1, lang
            assert period.id not in (full_site / lang / "index.html").read_text(encoding="utf-8")


def test_the_sitemap_dates_of_other_pages_do_not_follow_an_unannounced_period(data_copy: Path):
    project = unannounced_periods(data_copy)
    before = SitePlan(project, TODAY)
    path = data_copy / "periods.yaml"
    last = project.unannounced[-1]
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.rpartition(f'  - id: "{last.id}"\n')
    path.write_text(head + f'  - id: "{last.id}"\n' + tail.replace(
        f"    last_reviewed: {last.last_reviewed}", f"    last_reviewed: {TODAY}", 1), encoding="utf-8")
    after = SitePlan(unannounced_periods(data_copy), TODAY)
    assert after.by_key[f"period:{last.id}"].updated == TODAY != before.by_key[f"period:{last.id}"].updated
    changed = [p.key for p in after.pages if p.updated != before.by_key[p.key].updated]
    assert changed == [f"period:{last.id}"]


@pytest.mark.parametrize("key, value", [("start", "2028-05-02"), ("registration", "{opens: 2028-01-31, "
                                                                                   "closes: 2028-04-07}")])
@pytest.mark.parametrize("lang, said, fix", [
    ("en", "a period with `dates: unannounced` has no dates, but '{key}' is given",
     "when Kela has published the period's dates, write `start`, `end`, `registration` and `events`"),
    ("fi", "jaksolla, jonka kohdalla on `dates: unannounced`, ei ole päivämääriä, mutta sille on annettu '{key}'",
     "kun Kela on julkaissut jakson päivämäärät, kirjoita `start`, `end`, `registration` ja `events`"),
    ("sv", "en period med `dates: unannounced` har inga datum, men '{key}' är angivet",
     "när FPA har publicerat periodens datum, skriv `start`, `end`, `registration` och `events`"),
])
def test_dates_on_an_unannounced_period_are_refused_at_their_line(data_copy: Path, key, value, lang, said, fix):
    path = data_copy / "periods.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    dates: unannounced\n") == 1
    path.write_text(text.replace("    dates: unannounced\n", f"    dates: unannounced\n    {key}: {value}\n"),
                    encoding="utf-8")
    result = run_check(data_copy, "--lang", lang)
    assert result.exit_code == 1
    errors = [ln for ln in result.output.splitlines() if re.search(r": (error|virhe|fel): ", ln)]
    at = line_of(path, "    dates: unannounced") + 1  # the line written under it
    assert errors == [ln for ln in errors if ln.startswith(f"{path}:{at}:5: ")], result.output
    assert len(errors) == 1 and said.format(key=key) in errors[0], result.output
    assert fix in result.output and f"`{key}:`" in result.output


@pytest.mark.parametrize("lang, head, example, address, fix", [
    ("en", "Publishing is blocked by 2 kinds of problems; how to clear each:",
     "Example dates of current or upcoming periods would be shown to readers",
     "The site's address (site_url) is still a placeholder", "fix: "),
    ("fi", "Julkaisun estää 2 asiaa; näin kunkin saa korjattua:",
     "Lukijoille näytettäisiin käynnissä olevien tai tulevien jaksojen esimerkkipäivämääriä",
     "Sivuston osoite (site_url) on vielä paikkamerkki", "korjaus: "),
    ("sv", "2 saker hindrar publiceringen; så här åtgärdar du var och en:",
     "Läsarna skulle se exempeldatum för pågående eller kommande perioder",
     "Webbplatsens adress (site_url) är fortfarande en platshållare", "åtgärd: "),
])
def test_strict_check_ends_with_what_blocks_publishing_and_how_to_clear_it(data_copy: Path, lang, head, example,
                                                                             address, fix):
    """With the sources verified and nothing left in `before_publishing:`, two kinds remain."""
    ready_to_publish(data_copy)
    project = unannounced_periods(data_copy)
    strict = run_check(data_copy, "--strict", "--lang", lang)
    assert strict.exit_code == 1
    tail = strict.output.rstrip().split("\n\n")[-1].splitlines()
    assert tail[0] == head, strict.output
    periods, site = data_copy / "periods.yaml", data_copy / "site.yaml"

    def shown(path: Path) -> str:  # as check names files: relative to the working folder when inside it
        return os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)

    example_lines = [line_of(periods, f'  - id: "{pid}"') + 3 for pid in CURRENT_AND_UPCOMING]
    assert tail[1] == f"1. {example} ({shown(periods)}:{', '.join(map(str, example_lines))})", tail
    assert tail[2].startswith(f"   {fix}") and "`dates: confirmed`" in tail[2] and "`dates: unannounced`" in tail[2]
    assert tail[3] == f"2. {address} ({shown(site)}:{line_of(site, 'site_url:')})", tail
    assert tail[4].startswith(f"   {fix}") and "site_url" in tail[4]
    assert len(tail) == 5
    unannounced_lines = {line_of(periods, f'  - id: "{p.id}"') for p in project.unannounced}
    assert not any(f"periods.yaml:{n}:" in strict.output for n in unannounced_lines)


def test_a_period_whose_dates_were_removed_asks_for_unannounced(tmp_path: Path):
    """The dates deleted but `dates: example` kept: one error at that line, asking for `unannounced`."""
    data = tmp_path / "data"
    shutil.copytree(SMALL / "data", data)
    path = data / "periods.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    dates: unannounced\n") == 1
    path.write_text(text.replace("    dates: unannounced\n", "    dates: example\n"), encoding="utf-8")
    result = run_check(data, "--content", str(SMALL / "content"))
    assert result.exit_code == 1
    errors = [ln for ln in result.output.splitlines() if ": error: " in ln]
    at = line_of(path, "    dates: example", text.count("    dates: example\n") + 1)
    assert errors == [f"{path}:{at}:12: error: 'example' is not one of the allowed values [periods.2.dates]"], \
        result.output
    assert "fix: write one of: unannounced" in result.output
