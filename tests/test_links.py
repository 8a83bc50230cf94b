"""Addresses never break, links resolve, the HTML is valid.

* the post-build link checker (generator/publish/linkcheck.py): clean on the real site,
  and it catches each kind of breakage in a small hand-made output folder;
* the root sitemap (hreflang pairs, x-default, lastmod from the data) and robots.txt;
* the URL manifest (urls.txt): renaming a service's slug is one YAML edit with
  `redirect_from:`, and without it the build fails naming the address;
* the Nu Html Checker (vnu.jar from npm) over the whole real site.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.commands import urls
from generator.commands.pipeline import build_site
from generator.load.yaml_file import load_text
from generator.model import manifest
from generator.model.errors import BuildError, DataError
from generator.model.plan import SitePlan
from generator.publish import linkcheck
from tests import vnu
from tests.helpers import CONTENT, DATA, TODAY, check_sitemap_pairs, copy_fixture

SITE_URL = "https://kayttoonotto.kanta.fi/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def plan() -> SitePlan:
    project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    return SitePlan(project, TODAY)


# ---------------------------------------------------------------------------
# The link checker
# ---------------------------------------------------------------------------


def test_real_site_has_no_broken_links(full_site, plan):
    problems = linkcheck.check_site(full_site, plan.project.config.site_url, plan.project.languages)
    assert not problems, linkcheck.describe(problems)


def _page(body: str, lang: str = "fi", head: str = "") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>t</title>{head}</head>'
            f'<body>{body}</body></html>')


@pytest.fixture
def tiny(tmp_path) -> Path:
    """A hand-made output folder that passes the checker; tests break one thing each."""
    out = tmp_path / "site"
    files = {
        "index.html": _page('<a href="/fi/">fi</a>'),
        "404.html": _page('<link rel="stylesheet" href="/kg-root.css"><a href="/fi/">fi</a>'),
        "kg-root.css": "body{}",
        "fi/index.html": _page('<h2 id="a">A</h2><a href="#a">a</a> <a href="palvelut/#b">b</a> '
                               '<a href="https://kayttoonotto.kanta.fi/fi/palvelut/">abs</a> '
                               '<a href="https://example.org/x">ext</a> <a href="mailto:a@b.fi">m</a> '
                               '<img src="data:image/png;base64,AAAA" alt="">'),
        "fi/palvelut/index.html": _page('<p id="b">B</p><a href="../">up</a> <a href="../../sv/">sv</a>'),
        "fi/404.html": _page('<a href="/fi/">home</a>'),
        "sv/index.html": _page('<a href="/fi/palvelut/#b">fi</a>', "sv"),
        "fi/search/search_index.json": json.dumps({"docs": [{"location": ""}, {"location": "palvelut/#b"}]}),
        "api/x.json": json.dumps({"url": "https://kayttoonotto.kanta.fi/fi/palvelut/"}),
        "fi/kalenteri/a.ics": ("BEGIN:VCALENDAR\r\nURL:https://kayttoonotto.kanta.fi/fi/pal\r\n velut/\r\n"
                               "END:VCALENDAR\r\n"),
        "sitemap.xml": ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                        'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://kayttoonotto.kanta.fi/fi/</loc>'
                        '<xhtml:link rel="alternate" hreflang="sv" href="https://kayttoonotto.kanta.fi/sv/"/>'
                        '</url></urlset>'),
        "robots.txt": "User-agent: *\nAllow: /\n\nSitemap: https://kayttoonotto.kanta.fi/sitemap.xml\n",
        "fi/vanha/index.html": _page('<a href="/fi/palvelut/">moved</a>',
                                     head='<meta http-equiv="refresh" content="0; url=/fi/palvelut/">'),
        "_redirects": "/fi/vanha/ /fi/palvelut/ 301\n/fi/* /fi/404.html 404\n",
        "_headers": "/*\n  X-Frame-Options: DENY\n/kg-root.css\n  Cache-Control: x\n",
    }
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out


def test_checker_accepts_the_tiny_site(tiny):
    assert linkcheck.check_site(tiny, SITE_URL, ["fi", "sv"]) == []


BREAKAGES = {
    "missing page": ("fi/index.html", '<a href="/fi/ei-ole/">x</a>', "nothing is published at /fi/ei-ole/"),
    "missing relative page": ("fi/palvelut/index.html", '<a href="../ei-ole/">x</a>', "/fi/ei-ole/"),
    "missing fragment": ("fi/index.html", '<a href="palvelut/#ei-ole">x</a>', "has no id 'ei-ole'"),
    "missing own fragment": ("fi/index.html", '<a href="#ei-ole">x</a>', "has no id 'ei-ole'"),
    "missing asset": ("fi/index.html", '<img src="/fi/assets/x.png" alt="">', "/fi/assets/x.png"),
    "own origin, missing": ("fi/index.html", '<a href="https://kayttoonotto.kanta.fi/sv/x/">x</a>', "/sv/x/"),
    "relative link in 404": ("fi/404.html", '<a href="palvelut/">x</a>', "must be absolute"),
    "javascript link": ("fi/index.html", '<a href="javascript:alert(1)">x</a>', "never allowed"),
    "entity-encoded javascript link": ("fi/index.html", '<a href="&#106;avascript:alert(1)">x</a>',
                                       "never allowed"),
    "inline handler": ("fi/index.html", '<img src="/kg-root.css" onerror="alert(1)" alt="">', "onerror"),
    "inline style": ("fi/index.html", '<p style="color:red">x</p>', "inline style"),
    "iframe": ("fi/index.html", '<iframe src="/fi/"></iframe>', "<iframe>"),
    "wrong lang": ("sv/index.html", '<html lang="fi"><body></body></html>', 'lang="fi"> in the sv/'),
    "upper-case handler": ("fi/index.html", '<IMG SRC="/kg-root.css" ONERROR="alert(1)" alt="">', "onerror"),
    "unquoted handler": ("fi/index.html", "<p onclick=alert(1)>x</p>", "onclick"),
    "upper-case style": ("fi/index.html", '<P STYLE="color:red">x</P>', "inline style"),
    "control-prefixed javascript link": ("fi/index.html", '<a href="\x01 JavaScript:alert(1)">x</a>', "never allowed"),
    "data: in srcset": ("fi/index.html",
                        '<img src="/kg-root.css" alt="" '
                        'srcset="/kg-root.css 1x, data:image/png;base64,AA 2x">',
                        "never allowed"),
    "meta refresh to javascript": ("fi/index.html",
                                   '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
                                   "meta refresh"),
    "link after a quoted >": ("fi/index.html", '<a title="a>b" href="/fi/ei-ole/">x</a>', "/fi/ei-ole/"),
    "link after a script": ("fi/index.html",
                            '<script>var a = "<a href=\'/fi/ok/\'>";</script><a href="/fi/ei-ole/">x</a>',
                            "/fi/ei-ole/"),
    "unquoted missing link": ("fi/index.html", "<a href=/fi/ei-ole/>x</a>", "/fi/ei-ole/"),
    "entity in a link": ("fi/index.html", '<a href="/fi/ei&#45;ole/">x</a>', "/fi/ei-ole/"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_checker_finds(tiny, name):
    rel, body, expected = BREAKAGES[name]
    path = tiny / rel
    if body.startswith("<html"):
        path.write_text(body, encoding="utf-8")
    else:
        path.write_text(path.read_text(encoding="utf-8").replace("</body>", body + "</body>"), encoding="utf-8")
    problems = linkcheck.check_site(tiny, SITE_URL, ["fi", "sv"])
    assert any(expected in str(p) and p.source.startswith(rel) for p in problems), problems


@pytest.mark.parametrize("rel, old, new, expected", [
    ("_redirects", "/fi/vanha/ /fi/palvelut/ 301", "/fi/vanha/ /fi/poistettu/ 301", "redirect target"),
    ("_redirects", "/fi/* /fi/404.html 404", "/fi/* /fi/ei-404.html 404", "404 page"),
    ("_redirects", "/fi/vanha/ /fi/palvelut/ 301", "/fi/palvelut/ /fi/ 301", "Cloudflare would hide"),
    ("sitemap.xml", "kanta.fi/fi/</loc>", "kanta.fi/fi/poistettu/</loc>", "<loc>"),
    ("sitemap.xml", "kanta.fi/sv/\"", "kanta.fi/sv/x/\"", "hreflang sv"),
    ("sitemap.xml", "https://kayttoonotto.kanta.fi/fi/<", "https://example.org/fi/<", "not an address of"),
    ("robots.txt", "/sitemap.xml", "/sitemaps.xml", "Sitemap"),
    ("fi/search/search_index.json", "palvelut/#b", "palvelut/#c", "search result"),
    ("api/x.json", "/fi/palvelut/", "/fi/poistettu/", "URL"),
    ("fi/kalenteri/a.ics", "velut/", "velu/", "URL"),
    ("_headers", "/kg-root.css", "/kg-old.css", "matches no published file"),
])
def test_checker_follows_every_reference(tiny, rel, old, new, expected):
    path = tiny / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    problems = linkcheck.check_site(tiny, SITE_URL, ["fi", "sv"])
    assert any(expected in str(p) and p.source.startswith(rel) for p in problems), problems


def test_checking_in_processes_finds_what_one_process_finds(tiny):
    """`workers`: the language folders are checked in forked processes; the problems found, in
    every folder and in the site-wide files, are exactly those of one process."""
    for rel, body, _ in BREAKAGES.values():
        path = tiny / rel
        if not body.startswith("<html"):
            path.write_text(path.read_text(encoding="utf-8").replace("</body>", body + "</body>"),
                            encoding="utf-8")
    redirects = tiny / "_redirects"
    redirects.write_text(redirects.read_text().replace("/fi/palvelut/ 301", "/fi/poistettu/ 301"))
    sv = tiny / "sv" / "index.html"
    sv.write_text(sv.read_text(encoding="utf-8").replace("</body>", '<a href="#ei">x</a></body>'))
    one = linkcheck.check_site(tiny, SITE_URL, ["fi", "sv"])
    assert {p.source.split("/")[0].split(":")[0] for p in one} >= {"fi", "sv", "_redirects"}
    for workers in (2, 3):
        assert linkcheck.check_site(tiny, SITE_URL, ["fi", "sv"], workers=workers) == one


def test_a_check_that_fails_in_a_process_fails_whole(tiny):
    """A forked check that breaks is done again in the calling process, so its error is seen
    (not a site passed unchecked)."""
    (tiny / "sv" / "rikki.html").write_bytes(b"<html lang=sv>\xff\xfe</html>")
    with pytest.raises(UnicodeDecodeError):
        linkcheck.check_site(tiny, SITE_URL, ["fi", "sv"], workers=2)


def test_checker_reports_the_line(tiny):
    path = tiny / "fi" / "index.html"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "</body>",
        '\n<p>\n<!-- <a href="/fi/x/"> -->\n<a\nhref="/fi/ei-ole/"\nonclick="x()">x</a></p></body>'),
        encoding="utf-8")
    # The line of the tag's "<" (as html.parser counts), not of the attribute; the comment is no link.
    assert [str(p) for p in linkcheck.check_site(tiny, SITE_URL, ["fi", "sv"])] == sorted([
        "fi/index.html:4: <a href> '/fi/ei-ole/': nothing is published at /fi/ei-ole/",
        "fi/index.html:4: inline event handler onclick='x()' on <a> (blocked by the CSP; never allowed)"])


def test_checker_resolves_what_the_disk_resolves(tiny):
    """References spelled unlike the listed files ("//", "/./", through a link to a folder) are
    still looked up on the disk, as before the file list was cached."""
    (tiny / "fi" / "linkki").symlink_to(tiny / "fi" / "palvelut", target_is_directory=True)
    path = tiny / "fi" / "index.html"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "</body>", '<a href="/fi//palvelut/#b">a</a><a href="/fi/./palvelut/">b</a><a href="linkki/#b">c</a>'
                   '<a href="/fi/linkki/index.html">d</a><a href="/fi/linkki/#ei-ole">e</a></body>'),
        encoding="utf-8")
    problems = linkcheck.check_site(tiny, SITE_URL, ["fi", "sv"])
    assert [p.message for p in problems] == [
        "<a href> '/fi/linkki/#ei-ole': fi/linkki/index.html has no id 'ei-ole'"]


def test_files_below_is_rglob(tiny):
    (tiny / ".piilo").write_text("x")
    (tiny / "fi" / "linkki").symlink_to(tiny / "fi" / "palvelut", target_is_directory=True)
    (tiny / "fi" / "tiedostolinkki.css").symlink_to(tiny / "kg-root.css")
    (tiny / "fi" / "rikki.css").symlink_to(tiny / "ei-ole.css")
    (tiny / "tyhja").mkdir()
    expected = sorted(p.relative_to(tiny).as_posix() for p in tiny.rglob("*") if p.is_file())
    assert sorted(linkcheck.files_below(tiny)) == expected
    assert "fi/tiedostolinkki.css" in expected and ".piilo" in expected
    assert linkcheck.files_below(tiny / "ei-ole") == []


def test_checker_command_line(tiny, capsys):
    assert linkcheck.main([str(tiny), "--site-url", SITE_URL, "--lang", "fi", "--lang", "sv"]) == 0
    (tiny / "fi" / "index.html").write_text(_page('<a href="/fi/x/">x</a>'))
    assert linkcheck.main([str(tiny), "--site-url", SITE_URL]) == 1
    assert "/fi/x/" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# What the scanner (html.parser underneath) makes of tricky markup
# ---------------------------------------------------------------------------

FLAGGED = [
    '<img src="x.png" onerror="alert(1)">', '<body ONLOAD=x>', '<p Style="color:red">',
    '<a href="javascript:alert(1)">', '<a href="&#106;avascript:alert(1)">', '<a href=&#106;avascript:x>',
    '<a href=" java&#x09;script:x">', '<a href="java\nscript:x">', '<a href="\x01javascript:x">',
    '<a href="  JavaScript:x">', '<a href="VBScript:x">', '<a href="data:text/html,x">',
    '<img srcset="a.png 1x, data:image/png;base64,xx 2x">', '<form action="javascript:x">',
    '<META HTTP-EQUIV=REFRESH CONTENT="5;URL=\'javascript:x\'">', '<iframe src="/fi/"></iframe>',
    '<object data="/x">', '<base href=/>', '<style>a{}</style>', '<a href=\'x\' onclick="a>b"\n>',
    '<h1 id="kg-planner">KG planner</h1><form id="kg-planner">',
]
"""Each is an issue: a handler, an inline style, a script or data link, a forbidden element, an id
on two elements."""

NOT_FLAGGED = [
    '<!-- <a href="javascript:x" onclick="y"> -->', '<a title="onclick=x" href="#top" id="top">',
    '<script>document.write(\'<a onclick="y">\')</script>',
    '<img src="data:image/png;base64,AAAA" alt="">', '<a href="mailto:kanta@kanta.fi">',
    '<a href="tel:+358206347787">', '<a href="https://www.kanta.fi/">', '<a name="x"></a><p id="x">',
]
"""Not an issue: comments, raw text, attribute values that only look like handlers, inline images,
mail, phone and web links."""


@pytest.mark.parametrize("snippet", FLAGGED)
def test_scanner_flags(snippet):
    assert linkcheck.scan_html(_page(snippet)).issues, snippet


@pytest.mark.parametrize("snippet", NOT_FLAGGED)
def test_scanner_does_not_flag(snippet):
    assert linkcheck.scan_html(_page(snippet)).issues == [], snippet


def test_scanner_records_links_ids_lines_and_lang():
    scan = linkcheck.scan_html('<html lang="sv">\n<p id=a>\n<A HREF="/fi/?a=1&amp;b=2" ID="Top">'
                               '\n<img srcset="a.png 1x, b.png 2x">')
    assert scan.lang == "sv"
    assert scan.ids == {"a", "Top"}
    assert scan.links == [(3, "a", "href", "/fi/?a=1&b=2"), (4, "img", "srcset", "a.png"),
                          (4, "img", "srcset", "b.png")]


# ---------------------------------------------------------------------------
# The calendars are byte for byte what icalendar writes
# ---------------------------------------------------------------------------


def test_calendars_read_back_as_the_data_says(full_site, plan):
    """Every published .ics parses with icalendar and holds each period's registration window,
    span and events, at Helsinki time with the VTIMEZONE it needs, in the reader's language."""
    import icalendar

    p = plan.project
    s = p.strings
    periods = p.periods
    for lang in p.languages:
        whole = icalendar.Calendar.from_ical((full_site / plan.feed_file(lang, s["feed-all"][lang])).read_bytes())
        assert [str(tz["TZID"]) for tz in whole.walk("VTIMEZONE")] == ["Europe/Helsinki"]
        assert len(whole.walk("VEVENT")) == sum(3 + len(period.events) for period in periods)
        for period in periods:
            cal = icalendar.Calendar.from_ical((full_site / plan.feed_file(lang, period.slug)).read_bytes())
            events = cal.walk("VEVENT")
            assert len(events) == 3 + len(period.events)
            window = next(e for e in events if str(e["UID"]).startswith("registration-"))
            assert window.decoded("DTSTART") == period.registration.opens
            # RFC 5545: an all-day event's end is exclusive.
            assert window.decoded("DTEND") == period.registration.closes + dt.timedelta(days=1)
            assert str(window["STATUS"]) == ("CONFIRMED" if period.registration_dates == "confirmed"
                                             else "TENTATIVE")
            for event in period.events:
                ev = next(e for e in events if str(e["UID"]).startswith(f"event-{event.id}-"))
                start = ev.decoded("DTSTART")
                assert (start.date(), start.time()) == (event.date, event.start)
                assert str(start.tzinfo) == "Europe/Helsinki"
                assert str(ev["STATUS"]) == ("CONFIRMED" if period.event_dates(event) == "confirmed"
                                             else "TENTATIVE")
            assert s["title-period"][lang].format(id=period.id) in str(cal["X-WR-CALNAME"])
            assert bool(cal.walk("VTIMEZONE")) == bool(period.events)


# ---------------------------------------------------------------------------
# Sitemap and robots.txt
# ---------------------------------------------------------------------------


def test_root_sitemap_pairs_every_page(full_site, plan):
    check_sitemap_pairs(full_site, plan)


def test_sitemap_lastmod_follows_each_services_review_date(full_site, plan):
    origin = plan.project.config.site_url.rstrip("/")
    entries = {e.findtext("s:loc", namespaces=NS): e.findtext("s:lastmod", namespaces=NS)
               for e in ET.parse(full_site / "sitemap.xml").getroot().findall("s:url", NS)}
    dates = set()
    for service in plan.project.services:
        # A change in data/changes.yaml that names the service updates its page too, and so does
        # a review of a period that accepts it (the page lists those periods): an editor who
        # updates a period's `last_reviewed`, as the guide says, moves these dates.
        changed = [c.date for c in plan.changes_by_key.get(f"service:{service.id}", [])]
        periods = [p.last_reviewed for p in plan.project.periods if service.id in p.accepts]
        expected = max([service.last_reviewed, *periods, *changed])
        for lang in plan.project.languages:
            assert entries[origin + plan.url(f"service:{service.id}", lang)] == expected.isoformat()
        dates.add(service.last_reviewed)
    # The fixture's review dates differ from the build day, so the build day cannot stand in for them.
    assert TODAY not in dates


def test_sitemap_lastmod_is_each_pages_updated_line(full_site, plan):
    """The sitemap and the page's own "updated" line give one date: whatever an editor reviews."""
    origin = plan.project.config.site_url.rstrip("/")
    entries = ET.parse(full_site / "sitemap.xml").getroot().findall("s:url", NS)
    assert entries
    for entry in entries:
        loc, lastmod = entry.findtext("s:loc", namespaces=NS), entry.findtext("s:lastmod", namespaces=NS)
        html = (full_site / loc.removeprefix(origin).lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert f'<time datetime="{lastmod}">' in html, loc


def test_reviewing_a_period_dates_the_pages_that_show_it(data_copy):
    """The guide's step (a period's `last_reviewed` set to today) dates the period's page and every
    service page that lists the period, in the page plan that the sitemap and the pages share."""
    text = (data_copy / "periods.yaml").read_text(encoding="utf-8")
    first = re.search(r"^    last_reviewed: (\S+)$", text, re.M)
    later = dt.date.fromisoformat(first[1]) + dt.timedelta(days=400)
    (data_copy / "periods.yaml").write_text(text[:first.start(1)] + later.isoformat() + text[first.end(1):],
                                            encoding="utf-8")
    project, _ = load_project(data_copy, data_copy.parent / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    period = project.periods[0]
    updated = {page.key: page.updated for page in site.pages}
    assert updated[f"period:{period.id}"] == later
    assert period.accepts and all(updated[f"service:{sid}"] == later for sid in period.accepts)


def test_robots_points_at_the_root_sitemap(full_site, plan):
    text = (full_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text and "Disallow: /\n" not in text
    assert f"Sitemap: {plan.project.config.site_url.rstrip('/')}/sitemap.xml" in text.splitlines()


# ---------------------------------------------------------------------------
# The URL manifest and renamed slugs
# ---------------------------------------------------------------------------


def test_committed_manifest_lists_only_served_addresses(full_site):
    """The full_site build itself fails on a lost address; here also: nothing in urls.txt is stale,
    and every service page in both languages is protected."""
    committed = manifest.read(DATA.parent / manifest.FILE_NAME)
    served = manifest.published_urls(full_site)
    missing, _ = manifest.compare(committed, served)
    assert not missing
    assert "/" in committed and "/sitemap.xml" in committed
    assert any(u.endswith(".ics") for u in committed) and "/api/services.json" in committed
    assert not any("/assets/" in u or "/search/" in u or u.endswith("404.html") for u in committed)


def _set(path: Path, keys: tuple, value) -> None:
    """Change one value of a data file (a YAML round trip; every scalar stays a string)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    node = data
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value
    path.write_text(yaml.dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    load_text(path.read_text(encoding="utf-8"), str(path))  # still loads


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """data/, content/ and the committed urls.txt copied, so the manifest check runs."""
    return copy_fixture(tmp_path, urls=True)  # the fixture site's urls.txt


def test_renaming_a_slug_is_one_yaml_edit(engine, project_copy, plan):
    """End to end: rename a service's slugs; the build fails naming both old addresses and the
    fix; add `redirect_from:`; the build passes with 301s and fallback pages in each language."""
    services = project_copy / "data" / "services.yaml"
    index, service = 1, plan.project.services[1]
    old = {lang: service.slug[lang] for lang in plan.project.languages}
    new = {lang: f"{slug}-uusi" for lang, slug in old.items()}
    old_urls = {lang: plan.url(f"service:{service.id}", lang) for lang in old}
    new_urls = {lang: url.replace(f"/{old[lang]}/", f"/{new[lang]}/") for lang, url in old_urls.items()}
    _set(services, ("services", index, "slug"), dict(new))

    out = project_copy / "site"
    with pytest.raises(BuildError) as err:
        build_site(project_copy / "data", None, out, today=TODAY, work_dir=project_copy / "work", engine=engine)
    message = str(err.value)
    for url in old_urls.values():
        assert url in message
    assert "redirect_from:" in message and f"{{fi: {old['fi']}, sv: {old['sv']}}}" in message
    assert f"If '{service.id}' was renamed" in message
    assert not out.exists(), "nothing may be published when an address is lost"

    _set(services, ("services", index, "redirect_from"), [dict(old)])
    result = build_site(project_copy / "data", None, out, today=TODAY, work_dir=project_copy / "work", engine=engine)
    redirects = (out / "_redirects").read_text().splitlines()
    for lang in old:
        assert f"{old_urls[lang]} {new_urls[lang]} 301" in redirects
        stub = (out / old_urls[lang].lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in stub
        assert f'<meta http-equiv="refresh" content="0; url={new_urls[lang]}">' in stub
        assert f'<link rel="canonical" href="{new_urls[lang]}">' in stub
        assert (out / new_urls[lang].lstrip("/") / "index.html").is_file()
    # The new addresses are announced until the manifest is updated deliberately.
    notes = [w for w in result.warnings if w.code == "urls-new"]
    assert notes and all(url in notes[0].message for url in new_urls.values())


def test_renaming_one_languages_slug_follows_the_message_exactly(engine, project_copy, plan):
    """Only the Finnish slug changes: the entry the build suggests (which repeats the unchanged
    Swedish slug, since every language must be given) is accepted as it is, and only the Finnish
    address redirects."""
    services = project_copy / "data" / "services.yaml"
    index, service = 1, plan.project.services[1]
    old = {lang: service.slug[lang] for lang in plan.project.languages}
    _set(services, ("services", index, "slug"), {**old, "fi": old["fi"] + "-uusi"})
    out = project_copy / "site"
    with pytest.raises(BuildError) as err:
        build_site(project_copy / "data", None, out, today=TODAY, work_dir=project_copy / "work", engine=engine)
    suggested = re.search(r"redirect_from:\n\s+- (\{.*\})", str(err.value))[1]
    assert suggested == f"{{fi: {old['fi']}, sv: {old['sv']}}}"
    _set(services, ("services", index, "redirect_from"), [yaml.load(suggested, Loader=yaml.BaseLoader)])
    build_site(project_copy / "data", None, out, today=TODAY, work_dir=project_copy / "work", engine=engine)
    redirects = (out / "_redirects").read_text()
    assert f"/fi/palvelut/{old['fi']}/ /fi/palvelut/{old['fi']}-uusi/ 301" in redirects
    assert f"/sv/tjanster/{old['sv']}/" not in redirects


def test_an_earlier_slug_may_not_shadow_another_service(engine, project_copy, plan):
    services = project_copy / "data" / "services.yaml"
    other = plan.project.services[2]
    _set(services, ("services", 1, "redirect_from"), [{lang: other.slug[lang] for lang in ("fi", "sv")}])
    with pytest.raises(DataError) as err:
        build_site(project_copy / "data", None, project_copy / "site", today=TODAY,
                   work_dir=project_copy / "work", engine=engine)
    assert {p.code for p in err.value.problems if p.is_error} == {"redirect-shadows"}


def test_a_removed_page_fails_with_both_ways_out(full_site, plan, tmp_path, monkeypatch):
    gone = plan.url("services", "fi") + "poistettu-palvelu/"
    fake = tmp_path / manifest.FILE_NAME
    manifest.write(fake, manifest.published_urls(full_site) + [gone])
    monkeypatch.setattr(manifest, "manifest_path", lambda site: fake)
    with pytest.raises(BuildError) as err:
        manifest.verify(plan, full_site)
    message = str(err.value)
    assert gone in message and "redirect_from:" in message
    assert manifest.UPDATE in message and "retired" in message
    other = plan.url("schedule", "sv") + "9-2099/"
    manifest.write(fake, manifest.published_urls(full_site) + [other])
    with pytest.raises(BuildError) as err:
        manifest.verify(plan, full_site)
    assert other in str(err.value) and "pages:" in str(err.value) and "redirect_from" not in str(err.value)


def test_manifest_command_updates_and_checks(project_copy, full_site, capsys):
    data = str(project_copy / "data")
    target = project_copy / manifest.FILE_NAME
    common = ["--data", data, "--today", TODAY.isoformat()]
    assert urls.main(["--check", "--from", str(full_site), *common]) == 0
    target.write_text(target.read_text() + "/fi/vanha-osoite/\n")
    assert urls.main(["--check", "--from", str(full_site), *common]) == 1
    assert "- /fi/vanha-osoite/" in capsys.readouterr().err
    assert urls.main(["--update", *common]) == 0  # builds into a temporary folder
    assert "  - /fi/vanha-osoite/" in capsys.readouterr().out
    assert manifest.read(target) == manifest.published_urls(full_site)
    assert target.read_text().startswith("# Every address the site publishes")


# ---------------------------------------------------------------------------
# Nu Html Checker
# ---------------------------------------------------------------------------

def test_html_is_valid(full_site):
    """The templates write valid HTML: the Nu Html Checker on every page of the full fixture."""
    unexplained = vnu.unexplained_messages(full_site)
    assert not unexplained, vnu.describe(unexplained, full_site)
