"""`check` finds the links the build refuses, at the editor's line, with the fix.

Links of hand-written pages and of data texts to files the build does not publish (`/etc/passwd`,
`/api/nope.json`, dot segments) and to headings the linked page does not have (the headings of
generated pages are read from their Markdown, rendered in memory as the build renders it), and
`https:host` without `//` (a browser reads it as a path relative to the page). Each is refused at
its file:line:column in en/fi/sv; a heading near the one written is offered as the fix; and the
real build refuses the same links at the same places. Run on copies of the small fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.commands.cli import main
from generator.commands.pipeline import build_site
from generator.model.errors import BuildError
from generator.model.messages import MESSAGES
from tests.helpers import SMALL, TODAY, copy_fixture

PAGE = Path("content") / "fi" / "tietoa-sivustosta.md"
CHANGES = Path("data") / "changes.yaml"
DATA_LINK = "(/fi/aikataulu/)"
"""The link of the small fixture's change log that a case replaces."""


def _copy(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "site-copy", SMALL)


def _in_page(root: Path, target: str) -> tuple[Path, int, int]:
    """A paragraph linking to `target` appended to the Finnish page: (file, line, column)."""
    page = root / PAGE
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = f"Lue lisää [ohjeesta]({target}) ennen ilmoittautumista."
    page.write_text(text + "\n" + line + "\n", encoding="utf-8")
    return page, text.count("\n") + 2, line.index(target) + 1


def _in_data(root: Path, target: str) -> tuple[Path, int, int]:
    """The change log's text links to `target` instead: (file, line, column of the text)."""
    changes = root / CHANGES
    text = changes.read_text(encoding="utf-8")
    assert text.count(DATA_LINK) == 1
    changes.write_text(text.replace(DATA_LINK, f"({target})"), encoding="utf-8")
    line = text[: text.index(DATA_LINK)].count("\n") + 1
    value = text.split("\n")[line - 1]
    return changes, line, value.index(":") + 3


def _check(root: Path, lang: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["check", "--data", str(root / "data"), "--content", str(root / "content"),
                                       "--today", TODAY.isoformat(), "--format", "json", "--lang", lang])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, [p for p in json.loads(result.output)["problems"] if p["severity"] == "error"]


PLACES = {"page": _in_page, "data": _in_data}
REFUSED = {  # link → (code, English message, the fix)
    "/etc/passwd": ("link-missing", "the link '{0}' leads to nothing published at /etc/passwd",
                    "write the address of a page or file of this site"),
    "/api/nope.json": ("link-missing-guess", "the link '{0}' leads to nothing published at /api/nope.json",
                       "did you mean '/api/planner.json'?"),
    "/fi/palvelut/../../etc/passwd": ("link-missing", "the link '{0}' leads to nothing published at /etc/passwd",
                                      "write the address of a page or file of this site"),
    "/fi/palvelut/%2e%2e/%2E%2E/etc/passwd": ("link-missing", "the link '{0}' leads to nothing published at "
                                              "/etc/passwd", "write the address of a page or file of this site"),
    "/fi/palvelut/#nope": ("link-anchor", "the link '{0}': the page has no heading or place '#nope'",
                           "check the heading on that page"),
    # A heading of a generated page, misspelt: the page's real heading is the fix.
    "/fi/aikataulu/#kalentri": ("link-anchor-guess", "the link '{0}': the page has no heading or place "
                                "'#kalentri'", "did you mean '#kalenteri'?"),
}


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("target", REFUSED)
def test_check_refuses_what_the_build_refuses_at_the_editors_place(tmp_path, where, target):
    code, message, fix = REFUSED[target]
    root = _copy(tmp_path)
    file, line, column = PLACES[where](root, target)
    exit_code, errors = _check(root, "en")
    assert exit_code == 1
    assert [(e["file"], e["line"], e["column"], e["code"], e["message"]) for e in errors] == \
        [(str(file), line, column, code, message.format(target))], errors
    assert errors[0]["hint"].startswith(fix), errors[0]["hint"]
    for lang in ("fi", "sv"):
        assert lang in MESSAGES[code]
        _, translated = _check(root, lang)
        assert [(e["line"], e["column"], e["code"]) for e in translated] == [(line, column, code)]
        assert translated[0]["message"] != errors[0]["message"] and target in translated[0]["message"]


def test_a_link_to_an_address_without_slashes_is_refused(tmp_path):
    """`https:evil.example` is no address of another site: a browser reads it as a path relative to
    the page, which leads nowhere."""
    root = _copy(tmp_path)
    file, line, column = _in_page(root, "https:evil.example")
    exit_code, errors = _check(root, "en")
    assert exit_code == 1
    assert [(e["file"], e["line"], e["column"], e["code"]) for e in errors] == \
        [(str(file), line, column, "script-link-in-content")], errors


HEADINGS = {  # a link to a heading or place the page has: check and the build accept it
    "page": ["#tietoa-sivustosta", "/fi/aikataulu/#kalenteri", "/fi/suunnittele/?sector=health#plan-result",
             "/fi/kalenteri/kaikki-jaksot.ics", "/fi/muutokset.atom",
             # what the build serves besides the pages' own addresses (its link checker accepts them)
             "/fi/palvelut", "/fi/palvelut/index.html#kayttoon-otettavat-palvelut", "/404.html", "/kg-root.css",
             "/fi/404.html", "/fi/search/search_index.json", "/sitemap.xml"],
    "data": ["/fi/palvelut/#kayttoon-otettavat-palvelut", "/fi/suunnittele/#plan-result", "/api/planner.json"],
}


@pytest.mark.parametrize("where, target", [(w, t) for w, targets in HEADINGS.items() for t in targets])
def test_links_to_headings_and_files_the_site_has_pass(tmp_path, where, target):
    root = _copy(tmp_path)
    PLACES[where](root, target)
    assert _check(root, "en") == (0, [])


def test_the_same_page_s_own_heading_is_offered(tmp_path):
    root = _copy(tmp_path)
    file, line, column = _in_page(root, "#tietoa-sivustost")
    _, errors = _check(root, "en")
    assert [(e["line"], e["column"], e["code"], e["hint"]) for e in errors] == \
        [(line, column, "link-anchor-guess", "did you mean '#tietoa-sivustosta'?")], errors


def test_the_build_refuses_the_same_links_at_the_same_places(engine, tmp_path, monkeypatch):
    """check is not stricter than the build: with its link rule off, the real build refuses each of
    those links, at the place check names (the link checker over the built site, mapped back)."""
    from generator.check import addresses

    monkeypatch.setattr(addresses, "check_links", lambda project, today: [])
    root = _copy(tmp_path)
    page = root / PAGE
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    lines = [f"Katso [ohje {i}]({target})." for i, target in enumerate(REFUSED)]
    page.write_text(text + "".join(f"\n{line}\n" for line in lines), encoding="utf-8")
    first = text.count("\n") + 2
    expected = {(str(page), first + 2 * i, line.index("](") + 3) for i, line in enumerate(lines)}
    with pytest.raises(BuildError) as failed:
        build_site(root / "data", root / "content", root / "site", today=TODAY, work_dir=root / "work",
                   check_urls=False, engine=engine)
    assert {(p.file, p.line, p.column) for p in failed.value.problems} == expected, failed.value.problems
    monkeypatch.undo()
    _, errors = _check(root, "en")
    assert {(e["file"], e["line"], e["column"]) for e in errors} == expected


def test_a_heading_behind_a_page_file_link(tmp_path):
    """`….md#heading`, as MkDocs reads it: the heading of the page that file becomes."""
    root = _copy(tmp_path)
    file, line, column = _in_page(root, "aikataulu/index.md#kalentri")
    _, errors = _check(root, "en")
    assert [(e["file"], e["line"], e["column"], e["code"], e["hint"]) for e in errors] == \
        [(str(file), line, column, "link-anchor-guess", "did you mean '#kalenteri'?")], errors
    file.write_text(file.read_text(encoding="utf-8").replace("#kalentri", "#kalenteri"), encoding="utf-8")
    assert _check(root, "en") == (0, [])
