"""What changed, for readers: data/changes.yaml → the changes page, the latest change under each
page's "updated" line, and an Atom 1.0 feed per language.

The small fixture's change log (tests/fixtures/small/data/changes.yaml) has two entries: the
newer names the schedule and period 1/2027, the older the home page and a hand-written page.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import feedparser
import pytest

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.commands.pipeline import build_site
from generator.model.plan import SitePlan
from generator.render.pages import render
from tests.browser import cdnserver

from .helpers import FIXTURE, SMALL, TODAY, copy_fixture, line_of, run_check

FEEDS = {"fi": "fi/muutokset.atom", "sv": "sv/andringar.atom"}
CHANGES_PAGE = {"fi": "fi/muutokset/index.html", "sv": "sv/andringar/index.html"}


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "small", SMALL)


def page_for(site: Path, url: str) -> Path | None:
    """The built file an absolute URL of the site serves, or None."""
    parts = urllib.parse.urlsplit(url)
    assert parts.netloc == "kayttoonotto.kanta.fi", url
    target = site / parts.path.lstrip("/")
    if parts.path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


# ---------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("old, new, message, column", [
    ("    periods: [\"1/2027\"]", "    periods: [\"1/2029\"]", "there is no period with the id '1/2029'", 15),
    ("    pages: [schedule]", "    pages: [shedule]", "there is no page with the id 'shedule'", 13),
    ("    pages: [home, about]", "    pages: [home, abuot]", "there is no page with the id 'abuot'", 19),
    ("    pages: [home, about]", "    services: [potilastietovaranto]",
     "there is no service with the id 'potilastietovaranto'", 16),
    ("    periods: [\"1/2027\"]", "    periods: [\"2027\"]", "'2027' is not a period id", 15),
    ("    date: 2026-11-10", "    date: 10.11.2026", "'10.11.2026' is written day first", 11),
    ("      sv: Webbplatsen öppnades\n", "", "the sv text is missing", 5),
    ("  - id: sivusto-avattu", "  - id: jakso-1-2027-alustava", "the change id 'jakso-1-2027-alustava' is used twice",
     9),
    ("    pages: [home, about]", "    pages: [home, about]\n    title: x", "unknown key 'title'", 5),
])
def test_the_change_log_is_validated_and_cross_checked(small_copy: Path, old, new, message, column):
    path = small_copy / "data" / "changes.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_check(small_copy / "data")
    assert result.exit_code == 1
    needle = new.strip().split("\n")[-1] if new else "  - id: sivusto-avattu"
    line = line_of(path, needle, -1 if "twice" in message else 1)
    if "missing" in message:  # reported at the text's key, one line above its remaining language
        line = line_of(path, "      fi: Sivusto avattiin") - 1
    expected = f"{path}:{line}:{column}: error: "
    assert any(ln.startswith(expected) and message in ln for ln in result.output.splitlines()), result.output


def test_the_change_log_is_optional(engine, small_copy: Path, tmp_path: Path):
    (small_copy / "data" / "changes.yaml").unlink()
    assert run_check(small_copy / "data").exit_code == 0
    build_site(small_copy / "data", small_copy / "content", tmp_path / "site", today=TODAY,
               work_dir=tmp_path / "w", engine=engine)
    page = (tmp_path / "site" / CHANGES_PAGE["fi"]).read_text(encoding="utf-8")
    assert "Muutoksia ei ole vielä kirjattu." in page
    feed = feedparser.parse((tmp_path / "site" / FEEDS["fi"]).read_bytes())
    assert feed.version == "atom10" and not feed.bozo and feed.entries == []
    assert "kg-change" not in (tmp_path / "site" / "fi" / "index.html").read_text(encoding="utf-8")


def test_the_changes_page_slug_may_not_take_another_pages_address(small_copy: Path):
    strings = small_copy / "data" / "strings.yaml"
    strings.write_text(strings.read_text(encoding="utf-8").replace(
        "slug-changes: {fi: muutokset, sv: andringar}", "slug-changes: {fi: aikataulu, sv: andringar}"),
        encoding="utf-8")
    result = run_check(small_copy / "data")
    assert result.exit_code == 1
    assert "the slug 'aikataulu' of the changes page is already used by another page" in result.output


# ---------------------------------------------------------------------------
# The pages
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang, newer, older", [
    ("fi", "18.11.2026: Jakson 1/2027 päivämäärät ovat alustavia", "10.11.2026: Sivusto avattiin"),
    ("sv", "18.11.2026: Datumen för period 1/2027 är preliminära", "10.11.2026: Webbplatsen öppnades"),
])
def test_the_changes_page_lists_every_change_newest_first(small_site: Path, lang, newer, older):
    html = (small_site / CHANGES_PAGE[lang]).read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="change-([a-z0-9-]+)">([^<]*)</h2>', html)
    assert headings == [("jakso-1-2027-alustava", newer), ("sivusto-avattu", older)]
    assert f'href="/{FEEDS[lang]}"' in html
    # The pages each change names are linked under it.
    assert html.index('href="../aikataulu/1-2027/"' if lang == "fi" else 'href="../tidtabell/1-2027/"') \
        < html.index('id="change-sivusto-avattu"')
    nav = (small_site / lang / "index.html").read_text(encoding="utf-8")
    assert ("Muutokset" if lang == "fi" else "Ändringar") in nav


def test_newest_first_does_not_depend_on_the_files_order(small_copy: Path):
    path = small_copy / "data" / "changes.yaml"
    head, _, entries = path.read_text(encoding="utf-8").partition("changes:\n")
    first, _, second = entries.partition("  - id: sivusto-avattu\n")
    path.write_text(head + "changes:\n  - id: sivusto-avattu\n" + second + first, encoding="utf-8")
    project, _ = load_project(small_copy / "data", small_copy / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    text = render(SitePlan(project, TODAY))["fi/docs/muutokset.md"]
    assert text.index("change-jakso-1-2027-alustava") < text.index("change-sivusto-avattu")


@pytest.mark.parametrize("lang, rel, change", [
    ("fi", "aikataulu/1-2027/index.html", "18.11.2026</time>: Jakson 1/2027 päivämäärät ovat alustavia"),
    ("fi", "aikataulu/index.html", "18.11.2026</time>: Jakson 1/2027 päivämäärät ovat alustavia"),
    ("fi", "index.html", "10.11.2026</time>: Sivusto avattiin"),
    ("fi", "tietoa-sivustosta/index.html", "10.11.2026</time>: Sivusto avattiin"),
    ("sv", "om-webbplatsen/index.html", "10.11.2026</time>: Webbplatsen öppnades"),
    ("sv", "tidtabell/1-2027/index.html", "18.11.2026</time>: Datumen för period 1/2027 är preliminära"),
])
def test_each_named_page_shows_its_latest_change_under_its_updated_line(small_site: Path, lang, rel, change):
    html = (small_site / lang / rel).read_text(encoding="utf-8")
    updated = html.index('<aside class="kg-updated">')
    line = re.search(r'<p class="kg-change">(.*?)</p>', html, re.S)
    assert line and line.start() > updated, rel
    assert change in line[1]
    assert f'href="/{CHANGES_PAGE[lang].removesuffix("index.html")}"' in line[1]
    label = "Viimeisin muutos" if lang == "fi" else "Senaste ändring"
    assert line[1].startswith(label)


@pytest.mark.parametrize("rel", ["fi/aikataulu/3-2026/index.html", "fi/palvelut/potilastietovaranto/index.html",
                                 "sv/tjanster/index.html", "fi/muutokset/index.html"])
def test_a_page_no_change_names_shows_none(small_site: Path, rel):
    assert "kg-change" not in (small_site / rel).read_text(encoding="utf-8")


def test_a_change_newer_than_the_data_updates_the_page(small_copy: Path):
    path = small_copy / "data" / "changes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2026-11-18", "date: 2026-11-24"),
                    encoding="utf-8")
    project, _ = load_project(small_copy / "data", small_copy / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    assert site.by_key["period:1/2027"].updated.isoformat() == "2026-11-24"
    assert site.by_key["period:3/2026"].updated.isoformat() == "2026-11-20"  # not named: its own data
    assert site.by_key["changes"].updated.isoformat() == "2026-11-24"


# ---------------------------------------------------------------------------
# The Atom feeds
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_feed_is_valid_atom_whose_links_all_resolve(small_site: Path, lang: str):
    raw = (small_site / FEEDS[lang]).read_bytes()
    d = feedparser.parse(raw)
    assert d.version == "atom10", d.version
    assert not d.bozo, d.get("bozo_exception")
    assert d.feed.id == f"https://kayttoonotto.kanta.fi/{FEEDS[lang]}"
    assert d.feed.title.endswith("Muutokset" if lang == "fi" else "Ändringar")
    assert d.feed.updated.startswith("2026-11-18")
    assert d.feed.author == "Kela" if lang == "fi" else d.feed.author == "FPA"
    assert f'xml:lang="{lang}"' in raw.decode("utf-8")
    assert [link.rel for link in d.feed.links] == ["self", "alternate"]
    assert page_for(small_site, d.feed.links[1].href) == small_site / CHANGES_PAGE[lang]
    assert len(d.entries) == 2
    ids = [e.id for e in d.entries]
    assert ids == [f"tag:kayttoonotto.kanta.fi,2026-11-18:changes/{lang}/jakso-1-2027-alustava",
                   f"tag:kayttoonotto.kanta.fi,2026-11-10:changes/{lang}/sivusto-avattu"]
    for entry in d.entries:
        assert entry.title and entry.updated
        alternate = [link for link in entry.links if link.rel == "alternate"]
        assert len(alternate) == 1
        for link in entry.links:
            target = page_for(small_site, link.href)
            assert target is not None, link.href
            fragment = urllib.parse.urlsplit(link.href).fragment
            if fragment:
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), link.href
    related = [link.href for link in d.entries[0].links if link.rel == "related"]
    assert len(related) == 2  # the schedule and period 1/2027
    # Markdown in `details` becomes HTML with absolute links (a feed reader has no page to resolve them).
    assert f'href="https://kayttoonotto.kanta.fi/{lang}/' in d.entries[0].content[0].value
    assert "content" not in d.entries[1]


def test_the_feed_depends_on_the_data_only(engine, small_site: Path, tmp_path: Path):
    """Two builds, on other days: the same bytes (dates come from changes.yaml, never the clock)."""
    import datetime as dt

    build_site(SMALL / "data", SMALL / "content", tmp_path / "site", today=dt.date(2027, 3, 1),
               work_dir=tmp_path / "w", engine=engine)
    for path in FEEDS.values():
        assert (tmp_path / "site" / path).read_bytes() == (small_site / path).read_bytes(), path


def test_entry_ids_stay_when_entries_are_added(small_copy: Path):
    from generator.publish import feeds

    def ids() -> list[str]:
        project, _ = load_project(small_copy / "data", small_copy / "content", today=TODAY,
                                  template_dir=TEMPLATE_DIR)
        return [e.id for e in feedparser.parse(feeds.atom_feeds(SitePlan(project, TODAY))[FEEDS["fi"]]).entries]

    before = ids()
    path = small_copy / "data" / "changes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("changes:\n", """changes:
  - id: uusi
    date: 2026-11-19
    text: {fi: Uusi muutos, sv: Ny ändring}
""", 1), encoding="utf-8")
    after = ids()
    assert after[1:] == before and after[0].endswith("/uusi")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_page_links_its_languages_feed_in_its_head(small_site: Path, lang: str):
    pages = list((small_site / lang).rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert re.search(rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
                         rf'href="/{re.escape(FEEDS[lang])}">', head), page


def test_the_language_chooser_links_both_feeds(small_site: Path):
    head = (small_site / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    for path in FEEDS.values():
        assert re.search(rf'<link rel="alternate" type="application/atom\+xml" '
                         rf'title="[^"]+" href="/{re.escape(path)}">', head), path
    # A search engine reads <link rel="alternate" hreflang> as this page in that language: a
    # feed is not one (Lighthouse's hreflang audit failed the root for it, 91 for SEO).
    assert not re.search(r"<link[^>]*hreflang", head), head


def test_the_feed_is_served_as_atom(small_site: Path):
    rules = cdnserver.parse_headers((small_site / "_headers").read_text(encoding="utf-8"))
    for path in FEEDS.values():
        headers = cdnserver.headers_for(rules, "/" + path)
        assert headers["content-type"] == "application/atom+xml; charset=utf-8"
        assert headers["cache-control"] == "public, max-age=0, must-revalidate"


def test_the_feeds_and_the_changes_pages_are_published_addresses():
    urls = (FIXTURE / "urls.txt").read_text(encoding="utf-8").split()
    for path in ("/fi/muutokset/", "/sv/andringar/", "/fi/muutokset.atom", "/sv/andringar.atom"):
        assert path in urls


def test_markup_characters_in_a_change_stay_text(engine, small_copy: Path, tmp_path: Path):
    """Quotes, ampersands and a bare < in a change's text: escaped on the page and in the feed."""
    text = 'Korjaus & päivitys: "lainaus" <3 kohtaa'
    path = small_copy / "data" / "changes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      fi: Sivusto avattiin", f"      fi: '{text}'"), encoding="utf-8")
    build_site(small_copy / "data", small_copy / "content", tmp_path / "site", today=TODAY,
               work_dir=tmp_path / "w", engine=engine)
    d = feedparser.parse((tmp_path / "site" / FEEDS["fi"]).read_bytes())
    assert not d.bozo and d.entries[1].title == text
    home = (tmp_path / "site" / "fi" / "index.html").read_text(encoding="utf-8")
    assert "Korjaus &amp; päivitys: &#34;lainaus&#34; &lt;3 kohtaa" in home \
        or "Korjaus &amp; päivitys: &quot;lainaus&quot; &lt;3 kohtaa" in home
