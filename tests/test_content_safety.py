"""Hand-written pages (content/<lang>/*.md) are judged on what Markdown makes of them.

generator/check/markdown_safety.py converts each page with Python-Markdown and the build's extensions and reads
the HTML as a browser would. Each case below edits a copy of the real project the way an editor (or
an attacker) would, runs the real `check`, and asserts the exit code, the file:line:column, the
message and its Finnish and Swedish translations. A fully legitimate page passes `check` and the
whole build, link checker included (the two agree), with its own description in the page head.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check import site_links
from generator.commands.cli import main
from generator.commands.pipeline import build_site
from generator.model import urlsafety
from generator.model.errors import BuildError
from generator.model.messages import MESSAGES
from generator.publish import linkcheck
from tests.helpers import TODAY, append_lines, copy_fixture, run_check_process, unavailable

FAQ = "kysymyksia.md"


def check(root: Path, lang: str = "en") -> tuple[int, list[dict], str]:
    """`check --format json`: exit code, the errors, and the text report (English)."""
    args = ["check", "--data", str(root / "data"), "--content", str(root / "content"),
            "--today", TODAY.isoformat()]
    result = CliRunner().invoke(main, [*args, "--format", "json", "--lang", lang])
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    errors = [p for p in json.loads(result.output)["problems"] if p["severity"] == "error"]
    text = CliRunner().invoke(main, args).output if lang == "en" else ""
    return result.exit_code, errors, text


def assert_one_error(root: Path, file: Path, line: int, column: int, code: str, message: str) -> None:
    """Exactly one error: at file:line:column, with this code and English message, translated."""
    exit_code, errors, text = check(root)
    assert exit_code == 1, text
    assert len(errors) == 1, errors
    error = errors[0]
    assert (Path(error["file"]).resolve(), error["line"], error["column"], error["code"]) == \
        (file.resolve(), line, column, code), error
    assert error["message"] == message
    assert error["hint"]
    where = f"{error['file']}:{line}:{column}: error: {message}" if line else f"{error['file']}: error: {message}"
    assert where in text, text
    for lang in ("fi", "sv"):
        _, translated, _ = check(root, lang)
        assert lang in MESSAGES[code], f"no {lang} message for {code}"
        assert [(e["line"], e["column"], e["code"]) for e in translated] == [(line, column, code)]
        assert translated[0]["message"] != message, f"{code}: the {lang} message is English"
        assert translated[0]["hint"] and translated[0]["hint"] != error["hint"]


# ---------------------------------------------------------------------------
# What the page body may not hold
# ---------------------------------------------------------------------------

NOT_ALLOWED = "the link target '{}' is not allowed in pages"
FROM_ELSEWHERE = "'{}' would be loaded into the page from another site"
HTML = "HTML or a script link is not allowed in pages"
RESERVED = "the id '{}' is one the site's theme or scripts use"
ATTRIBUTE = "the attribute list sets '{}', which pages may not set"

# name → (Markdown appended to the Finnish FAQ page, line of the error within it (0 = its first),
#         text on that line where the column points (None: the line's first character), code, message)
REFUSED = {
    # 3. script links, however they are written
    "reference link, control character before the scheme": (
        "[klikkaa][a]\n\n[a]:\n\x01javascript:alert(1)", 3, "javascript", "script-link-in-content",
        NOT_ALLOWED.format("javascript:alert(1)")),
    "inline link, target on the next line": (
        "[klikkaa](\njavascript:alert(1))", 1, None, "script-link-in-content",
        NOT_ALLOWED.format("javascript:alert(1)")),
    "mixed case scheme": ("[x](JaVaScRiPt:alert(1))", 0, "JaVaScRiPt", "script-link-in-content",
                          NOT_ALLOWED.format("JaVaScRiPt:alert(1)")),
    "tab inside the scheme": ("Katso [x](java\tscript:alert(1))", 0, None, "script-link-in-content",
                              NOT_ALLOWED.format("javascript:alert(1)")),
    "entity-encoded scheme": ("[x](&#106;avascript:alert(1))", 0, None, "script-link-in-content",
                              NOT_ALLOWED.format("javascript:alert(1)")),
    "data: link": ("[x](data:text/html;base64,PHNjcmlwdD4=)", 0, "data:", "script-link-in-content",
                   NOT_ALLOWED.format("data:text/html;base64,PHNjcmlwdD4=")),
    "vbscript: link": ("Teksti [x](vbscript:msgbox(1))", 0, "vbscript", "script-link-in-content",
                       NOT_ALLOWED.format("vbscript:msgbox(1)")),
    "link in angle brackets": ("[x](<javascript:alert(1)>)", 0, "javascript", "script-link-in-content",
                               NOT_ALLOWED.format("javascript:alert(1)")),
    "protocol-relative link": ("[x](//evil.example/)", 0, "//evil", "script-link-in-content",
                               NOT_ALLOWED.format("//evil.example/")),
    "autolink with a script scheme": ("Katso <javascript:alert(1)>", 0, "<javascript", "html-in-content", HTML),
    "raw <a href> HTML": ('Katso <a href="javascript:alert(1)">tästä</a>', 0, "<a", "html-in-content", HTML),
    # 4. third-party files, unsafe attributes, raw HTML
    "image from https": ("![kuva](https://evil.example/p.png)", 0, "https://evil", "external-embed-in-content",
                         FROM_ELSEWHERE.format("https://evil.example/p.png")),
    "image from //host": ("Kuva: ![kuva](//evil.example/p.png)", 0, "//evil", "external-embed-in-content",
                          FROM_ELSEWHERE.format("//evil.example/p.png")),
    "data: image": ("![kuva](data:image/png;base64,AAAA)", 0, "data:", "script-link-in-content",
                    NOT_ALLOWED.format("data:image/png;base64,AAAA")),
    "srcset from https in an attribute list": (
        '![kuva](/fi/assets/images/favicon.png){: srcset="https://evil.example/p.png 2x" }', 0, "https://evil",
        "external-embed-in-content", FROM_ELSEWHERE.format("https://evil.example/p.png")),
    "src from https in an attribute list": (
        "![kuva](/fi/assets/images/favicon.png){: src=https://evil.example/p.png }", 0, "https://evil",
        "external-embed-in-content", FROM_ELSEWHERE.format("https://evil.example/p.png")),
    "src of the site in an attribute list": (
        "![kuva](/fi/assets/images/favicon.png){: src=/fi/assets/toinen.png }", 0, "src", "attr-in-content",
        ATTRIBUTE.format("src")),
    "href to //host in an attribute list": ("[x](/fi/palvelut/){: href=//evil.example/ }", 0, "//evil",
                                            "script-link-in-content", NOT_ALLOWED.format("//evil.example/")),
    "href to https in an attribute list": ("[x](/fi/palvelut/){: href=https://evil.example/ }", 0, "href",
                                           "attr-in-content", ATTRIBUTE.format("href")),
    "style in an attribute list": ('Teksti\n{: style="display:none" }', 1, "style", "attr-in-content",
                                   ATTRIBUTE.format("style")),
    "onclick in an attribute list": ('## Otsikko {: onclick="alert(1)" }', 0, "onclick", "handler-in-content",
                                     "the attribute list sets the event handler 'onclick'"),
    "data-md attribute in an attribute list": ("Teksti\n{: data-md-component=search }", 1, "data-md",
                                               "attr-in-content",
                                               ATTRIBUTE.format("data-md-component")),
    "#__config in an attribute list": ("## Otsikko {: #__config }", 0, "__config", "reserved-id-in-content",
                                       RESERVED.format("__config")),
    "#__search on a paragraph": ("Teksti\n{: #__search }", 1, "__search", "reserved-id-in-content",
                                 RESERVED.format("__search")),
    "heading whose text makes the id __config": ("## __config", 0, "__config", "reserved-id-in-content",
                                                 RESERVED.format("__config")),
    "heading whose text makes the id kg-labels": ("## Kg labels", 0, "Kg labels", "reserved-id-in-content",
                                                  RESERVED.format("kg-labels")),
    "raw <script>": ("<script>alert(1)</script>", 0, "<script", "html-in-content", HTML),
    "raw <iframe>": ('Katso\n\n<iframe src="https://evil.example/"></iframe>', 2, "<iframe", "html-in-content",
                     HTML),
    "raw <style>": ("<style>body { display: none }</style>", 0, "<style", "html-in-content", HTML),
    "raw <form> over several lines": ('<form action="https://evil.example/">\n<input name="x">\n</form>', 0,
                                      "<form", "html-in-content", HTML),
    "raw <img onerror>": ("Kuva <img src=/fi/assets/images/favicon.png onerror=alert(1)>", 0, "<img",
                          "html-in-content", HTML),
    "HTML comment": ("Teksti <!-- <script>alert(1)</script> -->", 0, "<!--", "html-in-content", HTML),
    # What the link checker of the build refuses, `check` refuses first (inline style).
    "aligned table column": ("| a | b |\n|:--|--:|\n| 1 | 2 |", 1, ":-", "table-align-in-content",
                             "a table column is aligned with ':' in the line under the header"),
    # A link without words has no name for a screen reader: axe (the content's checks) refuses it.
    "link without text": ("Lue lisää: [](/fi/palvelut/).", 0, "[]", "empty-link-in-content",
                          "the link to '/fi/palvelut/' has no text: a screen reader would read out only its address"),
    "link of a space": ("Katso [ ](https://www.kanta.fi/).", 0, "[ ]", "empty-link-in-content",
                        "the link to 'https://www.kanta.fi/' has no text: a screen reader would read out only "
                        "its address"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_refused_in_a_page(tmp_path, name):
    payload, offset, at, code, message = REFUSED[name]
    root = copy_fixture(tmp_path)
    page = root / "content" / "fi" / FAQ
    lines = append_lines(page, [payload])[0]
    text = payload.split("\n")[offset]
    column = text.index(at) + 1 if at else len(text) - len(text.lstrip()) + 1
    assert_one_error(root, page, lines[0] + offset, column, code, message)


def test_every_problem_is_reported_at_its_own_line(tmp_path):
    root = copy_fixture(tmp_path)
    page = root / "content" / "fi" / FAQ
    first, _, third = append_lines(page, ["[a](javascript:alert(1))", "Teksti", "[b](javascript:alert(1))"])
    exit_code, errors, _ = check(root)
    assert exit_code == 1
    assert [(e["line"], e["code"]) for e in errors] == [(first[0], "script-link-in-content"),
                                                        (third[0], "script-link-in-content")]


def test_a_swedish_page_too(tmp_path):
    root = copy_fixture(tmp_path)
    page = root / "content" / "sv" / "fragor-och-svar.md"
    line = append_lines(page, ["Se ![bild](https://evil.example/p.png)"])[0][0]
    assert_one_error(root, page, line, 12, "external-embed-in-content",
                     FROM_ELSEWHERE.format("https://evil.example/p.png"))


# ---------------------------------------------------------------------------
# What Markdown makes inert, and a fully legitimate page: accepted, built, published
# ---------------------------------------------------------------------------

LEGIT_FI = """
Katso [palvelut](palvelut/index.md), [aikataulu](/fi/aikataulu/) ja [alku](#kysymyksia-ja-vastauksia).
Lisätietoja [Kanta.fi:stä](https://www.kanta.fi/), <https://www.kanta.fi/ammattilaiset>,
[sähköpostilla](mailto:kanta@kanta.fi), <kanta@kanta.fi> tai [puhelimitse](tel:+358201234567).

![Kanta](/fi/assets/images/favicon.png){: width=32 height=32 title="Kanta" }

## Oma otsikko {: #oma-otsikko .huom lang=fi }

Koodina: `<script>alert(1)</script>`, `[x](javascript:alert(1))` ja &lt;b&gt; &amp; &copy;.
Teksti {onmouseover=alert(1)} jää tekstiksi.

```
<iframe src="https://evil.example/"></iframe>
```

| Palvelu | Jakso |
|---------|-------|
| Resepti | 1/2027 |

!!! note "Huomio"
    Huomautus.
"""
DESCRIPTION_FI = "Vastaukset: ”lainaus” & \"tavallinen\" pysyvät tekstinä"


@pytest.fixture(scope="module")
def legit(engine, tmp_path_factory):
    """The Finnish FAQ page with a byte order mark, its own description and every allowed construct."""
    root = copy_fixture(tmp_path_factory.mktemp("legit"))
    page = root / "content" / "fi" / FAQ
    text = page.read_text(encoding="utf-8").replace(
        "description: Vastauksia yleisimpiin kysymyksiin Kanta-palvelujen käyttöönotosta",
        f"description: {json.dumps(DESCRIPTION_FI, ensure_ascii=False)}")
    page.write_bytes(b"\xef\xbb\xbf" + (text + LEGIT_FI).encode("utf-8"))
    exit_code, errors, report = check(root)
    out = root / "site"
    build_site(root / "data", root / "content", out, today=TODAY, work_dir=root / "work", check_urls=False,
               engine=engine)
    return {"exit": exit_code, "errors": errors, "report": report, "out": out}


def test_legit_page_passes_check(legit):
    assert legit["exit"] == 0 and not legit["errors"], legit["report"]


def test_legit_page_builds_and_the_link_checker_agrees(legit):
    # build_site ran MkDocs strictly and generator/publish/linkcheck.py over the whole output: both passed.
    page = (legit["out"] / "fi" / "kysymyksia" / "index.html").read_text(encoding="utf-8")
    scan = linkcheck.scan_html(page)
    assert not scan.issues
    hrefs = {url for *_, url in scan.links}
    assert {"https://www.kanta.fi/", "https://www.kanta.fi/ammattilaiset", "mailto:kanta@kanta.fi",
            "tel:+358201234567", "../palvelut/", "/fi/aikataulu/", "/fi/assets/images/favicon.png"} <= hrefs
    assert 'id="oma-otsikko"' in page
    assert "Teksti {onmouseover=alert(1)} jää tekstiksi." in page
    assert "&lt;iframe" in page and "<iframe" not in page
    assert "\ufeff" not in page


def described(page: Path) -> list[str]:
    return [html.unescape(value) for value in re.findall(r'<meta name="description" content="([^"]*)">',
                                                        page.read_text(encoding="utf-8"))]


def test_description_is_the_pages_own(legit):
    out = legit["out"]
    assert described(out / "fi" / "kysymyksia" / "index.html") == [DESCRIPTION_FI]
    assert described(out / "sv" / "fragor-och-svar" / "index.html") == [
        "Svar på de vanligaste frågorna om införandet av Kanta-tjänsterna"]
    # A generated page keeps the site's description.
    assert described(out / "fi" / "index.html") != [DESCRIPTION_FI]


def test_bom_and_windows_line_ends_are_accepted(tmp_path):
    root = copy_fixture(tmp_path)
    page = root / "content" / "sv" / "fragor-och-svar.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"\n", b"\r\n"))
    exit_code, errors, report = check(root)
    assert exit_code == 0 and not errors, report


def test_an_image_of_the_site_passes_check(tmp_path):
    root = copy_fixture(tmp_path)
    append_lines(root / "content" / "fi" / FAQ, ["![logo](/fi/assets/images/favicon.png)"])
    exit_code, errors, report = check(root)
    assert exit_code == 0 and not errors, report


def test_an_image_beside_the_page_is_refused_at_its_place(tmp_path):
    """Only the Markdown of content/ is published: `kaavio.png` passed check and failed the build."""
    root = copy_fixture(tmp_path)
    page = root / "content" / "fi" / FAQ
    text = "Kuva: ![Kaavio](kaavio.png)"
    line = append_lines(page, [text])[0][0]
    (page.parent / "kaavio.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # even when the file is there
    assert_one_error(root, page, line, text.index("kaavio.png") + 1, "content-image",
                     "the image 'kaavio.png' is not published: the site takes only the Markdown pages from "
                     "content/")


def test_the_build_refuses_an_image_beside_the_page_at_its_place(tmp_path, monkeypatch):
    """With check's rule off, MkDocs refuses it; the editor still gets the line, in Finnish."""
    monkeypatch.setattr(site_links, "link_problems", lambda site: [])
    root = copy_fixture(tmp_path)
    page = root / "content" / "fi" / FAQ
    text = "Kuva: ![Kaavio](kaavio.png)"
    line = append_lines(page, [text])[0][0]
    result = CliRunner().invoke(main, ["build", "--data", str(root / "data"), "--content", str(root / "content"),
                                       "--out", str(root / "site"), "--work", str(root / "work"),
                                       "--today", TODAY.isoformat(), "--lang", "fi"])
    assert result.exit_code == 1
    assert f"{page}:{line}:{text.index('kaavio.png') + 1}: virhe: linkki 'kaavio.png' ei johda" in result.output, \
        result.output
    assert "MkDocs" not in result.output


def test_too_long_description(tmp_path):
    root = copy_fixture(tmp_path)
    page = root / "content" / "fi" / FAQ
    text = page.read_text(encoding="utf-8")
    long = "Pitkä kuvaus " * 30
    page.write_text(text.replace("description: Vastauksia yleisimpiin kysymyksiin Kanta-palvelujen käyttöönotosta",
                                 f"description: {long.strip()}"), encoding="utf-8")
    assert_one_error(root, page, 4, 14, "description-too-long",
                     f"the description is {len(long.strip())} characters long, more than 300")


# ---------------------------------------------------------------------------
# 6. A page's address is its own
# ---------------------------------------------------------------------------


def page_pair(root: Path, lang: str, name: str) -> Path:
    """A page named `name` in `lang` and its counterpart (same id) in the other language."""
    other = "sv" if lang == "fi" else "fi"
    page = root / "content" / lang / f"{name}.md"
    front = "---\nid: varjo\ntitle: {}\nlast_reviewed: 2026-11-20\n---\n\n# Otsikko\n\nTeksti.\n"
    page.write_text(front.format("Varjo"), encoding="utf-8")
    (root / "content" / other / "skugga-sida.md").write_text(front.format("Skugga"), encoding="utf-8")
    return page


@pytest.mark.parametrize("lang, name, address, owner", [
    ("fi", "index", "/fi/", "'Kanta-palvelujen käyttöönotto' (/fi/)"),
    ("sv", "index", "/sv/", "'Införande av Kanta-tjänsterna' (/sv/)"),
    ("fi", "palvelut", "/fi/palvelut/", "'Käyttöön otettavat palvelut' (/fi/palvelut/)"),
    ("sv", "tidtabell", "/sv/tidtabell/", "'Tidtabell för införandeperioderna' (/sv/tidtabell/)"),
    ("fi", "saavutettavuusseloste", "/fi/saavutettavuusseloste/",
     "'Saavutettavuusseloste' (/fi/saavutettavuusseloste/)"),
    ("fi", "kalenteri", "/fi/kalenteri/", "/fi/kalenteri/…"),
    ("sv", "kalender", "/sv/kalender/", "/sv/kalender/…"),
    ("fi", "search", "/fi/search/", "/fi/search/…"),
    ("fi", "assets", "/fi/assets/", "/fi/assets/…"),
    ("fi", "404", "/fi/404/", "/fi/404.html"),
    ("sv", "sitemap", "/sv/sitemap/", "/sv/sitemap.xml"),
])
def test_page_may_not_take_a_generated_address(tmp_path, lang, name, address, owner):
    root = copy_fixture(tmp_path)
    page = page_pair(root, lang, name)
    assert_one_error(root, page, 0, 0, "content-shadows-page",
                     f"the page's address {address} is already taken by {owner}")


def test_a_free_address_is_fine(tmp_path):
    root = copy_fixture(tmp_path)
    page_pair(root, "fi", "varjosivu")
    exit_code, errors, report = check(root)
    assert exit_code == 0 and not errors, report


# ---------------------------------------------------------------------------
# Links to the site's own pages: what the build would refuse, check refuses first
# ---------------------------------------------------------------------------

NO_PAGE = "the link '{}' leads to no page of the site"
LINKS = {  # target → (code, English message, the fix's text)
    "palvelut/kelian.md": ("content-link-guess", NO_PAGE, "did you mean 'palvelut/kelain.md'?"),
    "aikataulu.md#x": ("content-link-guess", NO_PAGE, "did you mean 'aikataulu/index.md'?"),
    "/fi/palvelu/": ("content-link-guess", NO_PAGE, "did you mean '/fi/palvelut/'?"),
    "tietosuoja/ohje.md": ("content-link-unknown", NO_PAGE, "e.g. [text](palvelut/index.md)"),
    "../aikataulu/": ("content-link-relative", "the link '{}' is a relative address, which the build refuses",
                      "write the page's file instead: (aikataulu/index.md)"),
}


@pytest.mark.parametrize("target", LINKS)
def test_a_link_to_no_page_is_refused_at_its_place(tmp_path, target):
    code, message, fix = LINKS[target]
    root = copy_fixture(tmp_path)
    page = root / "content" / "fi" / FAQ
    text = f"Lue myös [ohje]({target}) ennen ilmoittautumista."
    line = append_lines(page, [text])[0][0]
    assert_one_error(root, page, line, text.index(target) + 1, code, message.format(target))
    assert fix in check(root)[2]


@pytest.mark.parametrize("target", LINKS)
def test_the_build_refuses_what_check_refuses(engine, tmp_path, monkeypatch, target):
    """check is not stricter than the build: with the rule switched off, each of those links fails
    the real build (MkDocs' strict link validation or the post-build link checker)."""
    monkeypatch.setattr(site_links, "link_problems", lambda site: [])
    root = copy_fixture(tmp_path)
    append_lines(root / "content" / "fi" / FAQ, [f"Lue myös [ohje]({target})."])
    with pytest.raises(BuildError):
        build_site(root / "data", root / "content", root / "site", today=TODAY, work_dir=root / "work",
                   check_urls=False, engine=engine)


TEXT_LINKS = {
    "/fi/suunnitele/": ("text-link-guess", "did you mean '/fi/suunnittele/'?"),
    "/fi/ei-ole/#x": ("text-link-unknown", "write the address of a page of this site, e.g. /fi/"),
}


def _text_link(root: Path, target: str) -> tuple[Path, int, int]:
    """The change log's first text links to `target` instead of the planner: (file, line, column)."""
    changes = root / "data" / "changes.yaml"
    text = changes.read_text(encoding="utf-8")
    assert text.count("(/fi/suunnittele/)") == 1
    changes.write_text(text.replace("(/fi/suunnittele/)", f"({target})"), encoding="utf-8")
    line = text[: text.index("(/fi/suunnittele/)")].count("\n") + 1
    value = text.split("\n")[line - 1]
    return changes, line, value.index('"') + 1


@pytest.mark.parametrize("target", TEXT_LINKS)
def test_a_data_text_linking_to_no_page_is_refused_at_its_place(tmp_path, target):
    """Links in data texts too: they passed check and failed the build's link checker, in English."""
    code, fix = TEXT_LINKS[target]
    root = copy_fixture(tmp_path)
    file, line, column = _text_link(root, target)
    assert_one_error(root, file, line, column, code, f"the link '{target}' leads to no page of the site")
    assert fix in check(root)[2]


def test_data_text_links_to_pages_and_files_of_the_site_pass(tmp_path):
    root = copy_fixture(tmp_path)
    _text_link(root, "/fi/suunnittele/?service=prescription#plan-result")
    assert check(root)[0] == 0


@pytest.mark.parametrize("target", TEXT_LINKS)
def test_the_build_refuses_the_data_text_links_check_refuses(engine, tmp_path, monkeypatch, target):
    from generator.check.rules import links

    monkeypatch.setattr(links, "_text_links", lambda c: None)
    root = copy_fixture(tmp_path)
    _text_link(root, target)
    assert check(root)[0] == 0  # the rule is off
    with pytest.raises(BuildError):
        build_site(root / "data", root / "content", root / "site", today=TODAY, work_dir=root / "work",
                   check_urls=False, engine=engine)


BUILD_ONLY_LINKS = {
    # where, link → the Finnish words of the build's error
    ("content", "/fi/palvelut/#ei-ole"): "kohdesivulla ei ole otsikkoa tai kohtaa '#ei-ole'",
    ("data", "/fi/suunnittele/#puuttuu"): "kohdesivulla ei ole otsikkoa tai kohtaa '#puuttuu'",
    ("data", "/fi/kalenteri/puuttuu.ics"): "osoitteessa /fi/kalenteri/puuttuu.ics ei julkaista mitään",
}


@pytest.mark.parametrize("where, target", BUILD_ONLY_LINKS)
def test_links_only_the_built_site_can_judge_are_shown_at_the_editors_line(tmp_path, where, target):
    """A heading of another page, a file the build makes: only the link checker over the built site
    knows them. Its finding is shown where the editor wrote the link, in Finnish (it was English,
    at the built HTML file's line)."""
    root = copy_fixture(tmp_path)
    if where == "content":
        page = root / "content" / "fi" / FAQ
        text = f"Katso [palvelut]({target})."
        file, line, column = page, append_lines(page, [text])[0][0], text.index(target) + 1
    else:
        file, line, column = _text_link(root, target)
    result = CliRunner().invoke(main, ["build", "--data", str(root / "data"), "--content", str(root / "content"),
                                       "--out", str(root / "site"), "--work", str(root / "work"),
                                       "--today", TODAY.isoformat(), "--lang", "fi"])
    assert result.exit_code == 1
    errors = [ln for ln in result.output.splitlines() if ": virhe: " in ln]
    assert errors == [f"{file}:{line}:{column}: virhe: linkin '{target}' {BUILD_ONLY_LINKS[where, target]}"], \
        result.output
    assert "link and HTML check" not in result.output and "index.html" not in result.output
    assert not (root / "site").exists()


def test_a_missing_heading_is_reported_by_the_build_at_the_link(tmp_path):
    """A link to a heading that the other page lacks: only MkDocs knows the generated pages'
    headings, so the build finds it; the editor gets it at the line of the link, in their language."""
    root = copy_fixture(tmp_path)
    page = root / "content" / "fi" / FAQ
    text = "Katso [Kelain](palvelut/kelain.md#ei-ole) ja [palvelut](palvelut/index.md)."
    line = append_lines(page, [text])[0][0]
    where = f"{page}:{line}:{text.index('palvelut/kelain.md#') + 1}:"
    args = ["build", "--data", str(root / "data"), "--content", str(root / "content"), "--out",
            str(root / "site"), "--work", str(root / "work"), "--today", TODAY.isoformat()]
    for lang, label, words in (("en", "error", "does not contain an anchor '#ei-ole'"),
                               ("fi", "virhe", "ei ole otsikkoa tai kohtaa '#ei-ole'"),
                               ("sv", "fel", "har ingen rubrik eller plats '#ei-ole'")):
        result = CliRunner().invoke(main, [*args, "--lang", lang])
        assert result.exit_code == 1
        assert f"{where} {label}: " in result.output and words in result.output, result.output
        assert "build/fi/mkdocs.yml" not in result.output and "Traceback" not in result.output
    assert not (root / "site").exists()


def test_mkdocs_lines_without_a_place_are_kept_as_mkdocs_said_them():
    from generator.build.mkdocs_build import mkdocs_problems

    output = ("INFO    -  Building documentation...\n"
              "WARNING -  Doc file 'index.md' contains a link 'x.md', but the target 'x.md' is not found "
              "among documentation files.\n"
              "WARNING -  Config value 'foo': Unrecognised configuration name: foo\n"
              "Aborted with 2 warnings in strict mode!\n")
    problems = mkdocs_problems([("w/fi/mkdocs.yml", output)], lambda lang, src, href: None)
    assert [(p.file, p.code) for p in problems] == [("w/fi/mkdocs.yml", "mkdocs-said")] * 2
    assert problems[1].args == ("WARNING -  Config value 'foo': Unrecognised configuration name: foo",)
    placed = mkdocs_problems([("w/fi/mkdocs.yml", output)],
                             lambda lang, src, href: ("content/fi/a.md", 7, 3) if lang == "fi" else None)
    assert (placed[0].file, placed[0].line, placed[0].column, placed[0].code, placed[0].args) == \
        ("content/fi/a.md", 7, 3, "mkdocs-target", ("x.md", "x.md"))


# ---------------------------------------------------------------------------
# 8. Only regular files are read
# ---------------------------------------------------------------------------


def test_fifo_is_refused_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        unavailable("no FIFOs on this system")
    root = copy_fixture(tmp_path)
    fifo = root / "content" / "fi" / "jono.md"
    os.mkfifo(fifo)
    result = run_check_process(root / "data", "--content", str(root / "content"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{fifo}: error: 'jono.md' is not a regular file" in result.stdout
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_directory_named_like_a_page_is_refused(tmp_path):
    root = copy_fixture(tmp_path)
    folder = root / "content" / "sv" / "mapp.md"
    folder.mkdir()
    assert_one_error(root, folder, 0, 0, "not-a-file", "'mapp.md' is not a regular file")


# ---------------------------------------------------------------------------
# Addresses as a browser reads them; `check` refuses at least what the link checker refuses
# ---------------------------------------------------------------------------

SCRIPT_URLS = ["javascript:alert(1)", "\x01javascript:alert(1)", " \x00\x1fjavascript:alert(1)",
               "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:x",
               "javascript:alert(1)\x7f", "vbscript:x", "VBScript:x", "data:text/html,x", "file:///etc/passwd",
               "jar:x", "\tjavascript:x\n"]
SAFE_LINKS = ["https://www.kanta.fi/", "HTTPS://www.kanta.fi/", "http://example.org/", "mailto:kanta@kanta.fi",
              "tel:+358201234567", "/fi/palvelut/", "palvelut/index.md", "../", "#otsikko", "?q=1",
              "kuva.png", "a/b:c"]


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_script_schemes_are_seen_through(url):
    assert not urlsafety.link_allowed(url)
    assert not urlsafety.embed_allowed(url)


@pytest.mark.parametrize("url", SAFE_LINKS)
def test_safe_links(url):
    assert urlsafety.link_allowed(url)


@pytest.mark.parametrize("url", ["//evil.example/", "/\\evil.example/", "\\\\evil.example", " //evil.example",
                                 "/\t/evil.example", "https://evil.example/p.png", "mailto:x@y.fi"])
def test_other_sites_are_not_embedded(url):
    assert not urlsafety.embed_allowed(url)


@pytest.mark.parametrize("url", SCRIPT_URLS + SAFE_LINKS)
def test_what_the_link_checker_refuses_check_refuses(url):
    for attribute in ("href", "src"):
        tag = "a" if attribute == "href" else "img"
        refused_by_linkcheck = bool(linkcheck.scan_html(
            f'<{tag} {attribute}="{html.escape(url, quote=True)}">').issues)
        allowed = urlsafety.link_allowed(url) if tag == "a" else urlsafety.embed_allowed(url)
        if refused_by_linkcheck:
            assert not allowed, (tag, url)
