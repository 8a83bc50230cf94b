"""Hostile data never reaches a published page.

Two lines of defence, both proven here on copies of the real data:

1. `python -m generator check` refuses markup, script links and Markdown tricks
   with exit 1 and file:line:column (the editor sees it before anything is built;
   pages are judged on Python-Markdown's output by generator/check/markdown_safety.py, with many
   more variants in tests/test_content_safety.py);
2. whatever slips past it is caught by the build's own checks of the finished
   HTML (generator/publish/cdn.py: no inline script that is not Material's;
   generator/publish/linkcheck.py: no inline handler, no javascript:/data: link, no
   inline style) and the build fails before the published site is replaced,
   or it is rendered inert (escaped: present as text only).

`REFUSED_DATA` and `REFUSED_CONTENT` prove (1), each with the problem code whose
Finnish and Swedish messages the editors read. `HOLES` lists what (1) accepts on
purpose (quotes are punctuation) and (2) must publish escaped; `check` refusing one
of them fails its test, as does the build carrying it live or dropping it.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.commands.pipeline import build_site
from generator.load.yaml_file import load_text
from generator.model.errors import BuildError, DataError
from generator.model.messages import MESSAGES
from generator.publish import cdn, linkcheck
from tests.helpers import TODAY, append_lines, copy_fixture, run_check

# ---------------------------------------------------------------------------
# Helpers: change data files by key path, append to a content page, run `check`
# ---------------------------------------------------------------------------


def first_page(root: Path, lang: str = "fi") -> Path:
    return sorted((root / "content" / lang).glob("*.md"))[0]


def set_values(path: Path, changes: dict[tuple, object]) -> dict[tuple, int]:
    """Apply {key path: value} to a data file (YAML round trip, scalars stay strings).
    Returns the line of each changed value in the rewritten file."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    for keys, value in changes.items():
        node = data
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    text = yaml.dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
    doc = load_text(text, path.name)
    return {keys: doc.position(keys)[0] for keys in changes}


ERROR_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$", re.M)


def check_project(root: Path, *options: str) -> tuple[int, str, list[tuple[str, int]]]:
    """`check` on a copied project: exit code, output and the (file, line) of every error."""
    result = run_check(root / "data", "--content", str(root / "content"), *options)
    output = result.output
    return result.exit_code, output, [(m["file"], int(m["line"])) for m in ERROR_RE.finditer(output)]


def refused_at(errors: list[tuple[str, int]], file_name: str, lines) -> bool:
    lines = lines if isinstance(lines, range) else [lines]
    return any(f.endswith(file_name) and line in lines for f, line in errors)


def assert_refused(root: Path, file_name: str, lines, code: str | None) -> None:
    """`check` exits 1 with an error at file:line:column (column ≥ 1) of the payload; with a code,
    the error has that code and its message is translated for the editors (fi and sv)."""
    lines = lines if isinstance(lines, range) else range(lines, lines + 1)
    exit_code, output, _ = check_project(root)
    assert exit_code == 1, output
    at = [m for m in ERROR_RE.finditer(output) if m["file"].endswith(file_name) and int(m["line"]) in lines]
    assert at, f"expected an error at {file_name}:{lines[0]}\n{output}"
    assert int(at[0]["col"]) >= 1, output
    english = at[0]["msg"]
    for lang in ("fi", "sv"):
        _, report, _ = check_project(root, "--format", "json", "--lang", lang)
        found = [p for p in json.loads(report)["problems"] if p["file"].endswith(file_name)
                 and p["line"] in lines and p["severity"] == "error"]
        assert found and found[0]["column"] == int(at[0]["col"]), report
        if code:
            assert found[0]["code"] == code, found[0]
            assert code in MESSAGES and lang in MESSAGES[code], f"no {lang} message for {code}"
            assert found[0]["message"] not in english, f"{code}: the {lang} message is English"


# ---------------------------------------------------------------------------
# 1. `check` refuses
# ---------------------------------------------------------------------------

S0 = ("services", 0)
# name → (data file, key path, payload, expected problem code or None)
REFUSED_DATA = {
    "script in a name": ("services.yaml", S0 + ("name", "fi"), "<script>alert(1)</script>", "html"),
    "image with onerror in prose": ("services.yaml", S0 + ("summary", "fi"), "Katso <img src=x onerror=alert(1)>",
                                    "html"),
    "javascript link": ("services.yaml", S0 + ("summary", "fi"), "[x](javascript:alert(1))", "bad-link"),
    "javascript link, spaced and mixed case": ("services.yaml", S0 + ("summary", "fi"), "[x]( JaVaScRiPt:alert(1))",
                                               "bad-link"),
    "javascript link in angle brackets": ("services.yaml", S0 + ("summary", "fi"), "[x](<javascript:alert(1)>)",
                                          "html"),
    "entity-encoded javascript link": ("services.yaml", S0 + ("summary", "fi"), "[x](&#106;avascript:alert(1))",
                                       "bad-link"),
    "data link": ("services.yaml", S0 + ("summary", "fi"), "[x](data:text/html;base64,PHNjcmlwdD4=)", "bad-link"),
    "autolink": ("services.yaml", S0 + ("summary", "fi"), "Katso <javascript:alert(1)>", "html"),
    "attribute list": ("services.yaml", S0 + ("summary", "fi"), 'Teksti.\n{: onclick="alert(1)" }', "attr-list"),
    "raw HTML block": ("services.yaml", S0 + ("summary", "fi"), "<div markdown>\n*x*\n</div>", "html"),
    "HTML comment": ("services.yaml", S0 + ("summary", "fi"), "Teksti <!-- x -->", "html"),
    "image": ("services.yaml", S0 + ("summary", "fi"), "![x](https://example.org/x.png)", "image"),
    "javascript address": ("services.yaml", S0 + ("links", 0, "url", "fi"), "javascript:alert(1)", "bad-url"),
    "quote in an address": ("services.yaml", S0 + ("links", 0, "url", "fi"), 'https://x.fi/" onclick="alert(1)',
                            "bad-url"),
    "http address": ("services.yaml", S0 + ("links", 0, "url", "fi"), "http://example.org/", "bad-url"),
    "markup in a step title": ("services.yaml", S0 + ("steps", 0, "title", "fi"), "[x](https://example.org)",
                               "markup-in-name"),
    "script in a site name": ("site.yaml", ("site_name", "sv"), "</title><script>alert(1)</script>", "html"),
    # Refused since the review of the validators (each was a hole the build had to catch):
    "attribute list in a name (no colon)": ("services.yaml", S0 + ("name", "fi"), "Resepti {onclick=alert(101)}",
                                            "attr-list"),
    "attribute list in prose (no colon)": ("services.yaml", S0 + ("summary", "fi"), "Teksti.\n{onclick=alert(102)}",
                                           "attr-list"),
    "attribute list with an id and a class": ("services.yaml", S0 + ("summary", "fi"), "Teksti { #x .y }",
                                              "attr-list"),
    "reference link definition in prose": ("services.yaml", S0 + ("who", "fi"),
                                           "Katso [ohje][x].\n\n[x]: javascript:alert(103)", "ref-definition"),
    "reference link definition to https": ("services.yaml", S0 + ("who", "fi"),
                                            "Katso [ohje][x].\n\n[x]: https://www.kanta.fi/", "ref-definition"),
    "attribute list after a link address": ("services.yaml", S0 + ("links", 0, "url", "fi"),
                                            "https://www.kanta.fi/a/){onclick=alert(104)}", "bad-url"),
    "brace in an address": ("services.yaml", S0 + ("links", 0, "url", "fi"), "https://www.kanta.fi/{x}", "bad-url"),
    "mailto without an address": ("services.yaml", S0 + ("links", 0, "url", "fi"), "mailto:kanta", "bad-url"),
    "protocol-relative link in prose": ("services.yaml", S0 + ("summary", "fi"), "[x](//evil.example/)", "bad-link"),
    "backslash link in prose": ("services.yaml", S0 + ("summary", "fi"), "[x](/\\evil.example/)", "bad-link"),
    "mailto without an address in prose": ("services.yaml", S0 + ("summary", "fi"), "[x](mailto:kanta)",
                                           "bad-link"),
    "contact e-mail": ("site.yaml", ("contacts", 0, "email"), "x){onclick=alert(105)}@kanta.fi", "bad-email"),
    "accessibility feedback e-mail": ("site.yaml", ("accessibility", "feedback_email"),
                                      "<script>alert(108)</script>", "bad-email"),
    "language name": ("site.yaml", ("languages", 1, "name"), "<img src=x onerror=alert(106)>", "html"),
    "markup in a language name": ("site.yaml", ("languages", 1, "name"), "Svenska {: .x}", "attr-list"),
    "search stemmer": ("site.yaml", ("languages", 1, "search_stemmer"), 'sv" onload="alert(1)', "bad-stemmer"),
    "edit branch": ("site.yaml", ("edit_branch",), 'main" onmouseover="alert(107)', "bad-branch"),
    "edit branch leaving the repository": ("site.yaml", ("edit_branch",), "../../evil", "bad-branch"),
    "double quote in the site name": ("site.yaml", ("site_name", "fi"), 'Kanta" onmouseover="alert(1)',
                                      "quote-in-site-name"),
    "a list where a date belongs": ("services.yaml", S0 + ("last_reviewed",), ["2026-01-01"], "not-scalar"),
    # Texts of strings.yaml that land in an attribute, an id, an address or a file name are typed:
    "attributes in a link's language": ("strings.yaml", ("strings", "example-note-link-lang", "fi"),
                                        'fi" id="kg-planner" href="https://evil.example/', "bad-lang"),
    "an attribute in an anchor": ("strings.yaml", ("strings", "anchor-sources", "fi"), "lahteet hidden=hidden",
                                  "bad-id"),
    "a reserved anchor": ("strings.yaml", ("strings", "anchor-sources", "sv"), "kg-planner", "reserved-anchor"),
    "a reserved anchor prefix": ("strings.yaml", ("strings", "anchor-sector", "fi"), "kg", "reserved-anchor"),
    "a javascript source address": ("strings.yaml", ("strings", "example-note-url", "fi"), "javascript:alert(1)",
                                    "bad-https-url"),
    "a protocol-relative source address": ("strings.yaml", ("strings", "example-note-url", "sv"),
                                           "//evil.example/x", "bad-https-url"),
    "a mailto source address": ("strings.yaml", ("strings", "example-note-url", "fi"), "mailto:kanta@kanta.fi",
                                "bad-https-url"),
    "a folder in a calendar's file name": ("strings.yaml", ("strings", "feed-all", "fi"), "../../index", "bad-id"),
    "a slash in the calendars' folder": ("strings.yaml", ("strings", "slug-feeds", "sv"), "kalender/x", "bad-id"),
    "a reserved requirement anchor": ("requirements.yaml", ("requirements", 0, "slug", "fi"), "kg-planner",
                                      "reserved-anchor"),
    "a mail address as the site's address": ("site.yaml", ("site_url",), "mailto:kanta@kanta.fi", "bad-site-url"),
    "a query in the site's address": ("site.yaml", ("site_url",), "https://kayttoonotto.kanta.fi/?x=1#y",
                                      "bad-site-url"),
}
# name → (Markdown appended to a page, expected problem code or None)
REFUSED_CONTENT = {
    "script": ("<script>alert(1)</script>", "html-in-content"),
    "javascript link": ("[x](javascript:alert(1))", "script-link-in-content"),
    "javascript image": ("![x](javascript:alert(1))", "script-link-in-content"),
    "raw HTML block with handler": ('<div onclick="alert(1)">x</div>', "html-in-content"),
    "autolink": ("<javascript:alert(1)>", "html-in-content"),
    "HTML comment": ("<!-- <script>alert(1)</script> -->", "html-in-content"),
    # Refused since the review of the validators:
    "attribute list with a handler": ('## Otsikko {: onclick="alert(110)" }', "handler-in-content"),
    # On a line of its own (at the end of a line of text Markdown leaves it as text: tests/test_content_safety.py).
    "attribute list with a handler, no colon": ("Teksti\n{onmouseover=alert(1)}", "handler-in-content"),
    "attribute list with a javascript address": ('[x](https://www.kanta.fi/){href="javascript:alert(1)"}',
                                                 "script-link-in-content"),
    "reference link definition": ("[klikkaa][x]\n\n[x]: javascript:alert(111)", "script-link-in-content"),
    "entity-encoded javascript link": ("[x](&#106;avascript:alert(1))", "script-link-in-content"),
    "vbscript link": ("[x](vbscript:msgbox(1))", "script-link-in-content"),
    "tab inside the scheme": ("[x](java\tscript:alert(1))", "script-link-in-content"),
    "escaped backticks around a script": ("\\`<script>alert(112)</script>\\`", "html-in-content"),
    "code span closed on the next line": ("Katso `koodi\nloppuu` <script>alert(1)</script> `x`", "html-in-content"),
    "tag at the start of a line inside a code span": ("`alku\n<script>alert(1)</script>\nloppu`",
                                                      "html-in-content"),
}


@pytest.mark.parametrize("name", REFUSED_DATA)
def test_check_refuses_in_data(tmp_path, name):
    file_name, keys, payload, code = REFUSED_DATA[name]
    root = copy_fixture(tmp_path)
    line = set_values(root / "data" / file_name, {keys: payload})[keys]
    assert_refused(root, file_name, line, code)


@pytest.mark.parametrize("name", REFUSED_CONTENT)
def test_check_refuses_in_pages(tmp_path, name):
    payload, code = REFUSED_CONTENT[name]
    root = copy_fixture(tmp_path)
    page = first_page(root)
    lines = append_lines(page, [payload])[0]
    assert_refused(root, page.name, lines, code)


# ---------------------------------------------------------------------------
# 2. What `check` lets through is stopped by the build
# ---------------------------------------------------------------------------

# name → (data file or "page", key path, payload); each payload carries its own marker. What is
# left here is text that `check` rightly accepts (quotes are ordinary punctuation) and that the
# templates must write inert: escaped inside the HTML attribute it ends up in.
HOLES = {
    "double quote in the description": ("site.yaml", ("description", "fi"), 'Kanta" onmouseover="alert(109)" x="'),
    "double quote in a language name": ("site.yaml", ("languages", 1, "name"), 'Svenska" onmouseover="alert(113)'),
}


def _marker(payload: str) -> str:
    return re.search(r"alert\(\d+\)", payload)[0]


def _apply(root: Path, names: list[str]) -> dict[str, tuple[str, object]]:
    """Write the named payloads; returns name → (file name, line or line range)."""
    where: dict[str, tuple[str, object]] = {}
    by_file: dict[str, dict[tuple, str]] = {}
    for name in names:
        target, keys, payload = HOLES[name]
        if target != "page":
            by_file.setdefault(target, {})[keys] = payload
    for file_name, changes in by_file.items():
        lines = set_values(root / "data" / file_name, changes)
        for name in names:
            if HOLES[name][0] == file_name:
                where[name] = (file_name, lines[HOLES[name][1]])
    pages = [name for name in names if HOLES[name][0] == "page"]
    page = first_page(root)
    for name, lines in zip(pages, append_lines(page, [HOLES[name][2] for name in pages]), strict=False):
        where[name] = (page.name, lines)
    return where


@pytest.fixture(scope="module")
def hostile(engine, tmp_path_factory):
    """Every payload in one copy: those `check` refuses are noted, for their tests to fail, and set
    aside (it stops at the first file with errors, so this takes a few rounds); the rest is built once."""
    base = tmp_path_factory.mktemp("hostile")
    refused: set[str] = set()
    remaining = list(HOLES)
    outputs = []
    for round_number in range(len(HOLES) + 1):
        root = copy_fixture(base / f"round{round_number}")
        where = _apply(root, remaining)
        code, output, errors = check_project(root)
        outputs.append(output)
        if code == 0:
            break
        now = {name for name, (file_name, lines) in where.items() if refused_at(errors, file_name, lines)}
        if not now:
            pytest.fail(f"check failed, but not at any payload:\n{output}")
        refused |= now
        remaining = [name for name in remaining if name not in now]
        if not remaining:
            break
    found = html = ""
    error: Exception | None = None
    published = False
    if remaining:
        out, work = root / "site", root / "work"
        try:
            build_site(root / "data", root / "content", out, today=TODAY, work_dir=work, check_urls=False,
                       engine=engine)
        except (BuildError, DataError) as exc:
            error = exc
        published = out.exists()
        built = out if published else work / "site"  # a failed build leaves its output staged
        if built.is_dir():
            _, unexpected = cdn.scan_inline_scripts(built)
            problems = linkcheck.check_site(built, "https://kayttoonotto.kanta.fi/", ["fi", "sv"])
            found = "\n".join(unexpected + [str(p) for p in problems])
            html = "\n".join(p.read_text(encoding="utf-8") for p in built.rglob("*.html"))
    return {"refused": refused, "check_output": "\n".join(outputs), "error": error, "published": published,
            "found": found, "html": html}


@pytest.mark.parametrize("name", HOLES)
def test_published_inert(hostile, name):
    """What `check` rightly accepts (quotes are punctuation) is built and published, and every
    template writes it escaped: the payload's marker is on the page, its raw form nowhere."""
    assert name not in hostile["refused"], f"{name}: `check` refused ordinary punctuation"
    assert hostile["error"] is None and hostile["published"], hostile["error"]
    payload = HOLES[name][2]
    marker = _marker(payload)
    assert marker not in hostile["found"], f"{name}: the built HTML carries a live handler:\n{hostile['found']}"
    assert marker in hostile["html"], f"{name}: {marker} is not on any page"
    raw = payload.split("\n")[-1]
    assert raw not in hostile["html"], f"{name}: published unescaped"


# ---------------------------------------------------------------------------
# Odd but harmless text goes through, inert and intact
# ---------------------------------------------------------------------------

ODD_NAME = 'Resepti & "lainaus" \'heitto\' < 5 > 3 – ½ ✓'
ODD_PROSE = ("Hinta &lt;script&gt;alert(1)&lt;/script&gt; ja javascript:alert(1) pelkkänä tekstinä, "
             "*korostus*, x_y_z ja [linkki](https://www.kanta.fi/?a=1&b=2#c) sekä onclick=alert(1).")
ODD_PAGE = "Koodina: `<script>alert(1)</script>` ja `[x](javascript:alert(1))`, entiteetti &lt;b&gt;."


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts))


def test_odd_text_is_published_inert(engine, tmp_path):
    root = copy_fixture(tmp_path)
    set_values(root / "data" / "services.yaml", {S0 + ("name", "fi"): ODD_NAME, S0 + ("summary", "fi"): ODD_PROSE})
    page = first_page(root)
    append_lines(page, [ODD_PAGE])
    code, output, _ = check_project(root)
    assert code == 0, output
    out = tmp_path / "site"
    build_site(root / "data", root / "content", out, today=TODAY, work_dir=tmp_path / "work", check_urls=False,
               engine=engine)

    _, unexpected = cdn.scan_inline_scripts(out)
    assert not unexpected
    for html_file in out.rglob("*.html"):
        scan = linkcheck.scan_html(html_file.read_text(encoding="utf-8"))
        assert not scan.issues, (html_file, scan.issues)
        assert not [u for *_, u in scan.links if u.strip().lower().startswith("javascript:")]
    service = next(p for p in out.glob("fi/*/*/index.html") if "Hinta" in p.read_text(encoding="utf-8"))
    shown = text_of(service.read_text(encoding="utf-8"))
    assert "Hinta <script>alert(1)</script> ja javascript:alert(1) pelkkänä tekstinä" in shown
    assert ODD_NAME in shown
    html = service.read_text(encoding="utf-8")
    assert '<a href="https://www.kanta.fi/?a=1&amp;b=2#c">linkki</a>' in html
    content = out / "fi" / page.stem / "index.html"
    assert "Koodina: <script>alert(1)</script> ja [x](javascript:alert(1))" in text_of(
        content.read_text(encoding="utf-8"))


def test_quote_in_description_stays_in_its_attribute(engine, tmp_path):
    root = copy_fixture(tmp_path)
    set_values(root / "data" / "site.yaml", {("description", "fi"): 'Kanta "beta" & Kela'})
    out = tmp_path / "site"
    build_site(root / "data", root / "content", out, today=TODAY, work_dir=tmp_path / "work", check_urls=False,
               engine=engine)
    html = (out / "fi" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Kanta &quot;beta&quot; &amp; Kela">' in html \
        or '<meta name="description" content="Kanta &#34;beta&#34; &amp; Kela">' in html
