"""Hostile or broken input to `check`: report formats, non-regular files, patterns that
must match the whole value, syntax errors at their place, control and invisible characters.

Every case runs the real command on an edited copy of the fixture's data and asserts the
`file:line:column`, the message in English and in Finnish, and the exit code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.model.errors import WARNING, Problem
from generator.model.report import format_github, format_json, format_text

from .helpers import DATA, copy_fixture, edit, line_of, run_check, run_check_process


def reported(output: str, prefix: str, fragment: str) -> bool:
    """Some output line starts with `prefix` (file:line:column: severity:) and holds `fragment`."""
    return any(ln.startswith(prefix) and fragment in ln for ln in output.splitlines())


def assert_at(data: Path, name: str, line: int, column: int, en: str, fi: str, *,
              severity: str = "error", code: int = 1) -> None:
    """`check` reports `en` (and in Finnish `fi`) at name:line:column, with this exit code."""
    labels = {"error": "virhe", "warning": "varoitus"}
    result = run_check(data)
    assert result.exit_code == code, result.output
    where = f"{data / name}:{line}:{column}"
    assert reported(result.output, f"{where}: {severity}: ", en), f"no {en!r} at {where}\n{result.output}"
    finnish = run_check(data, "--lang", "fi")
    assert finnish.exit_code == code
    assert reported(finnish.output, f"{where}: {labels[severity]}: ", fi), finnish.output


# ---------------------------------------------------------------------------
# 5. Report formats: nothing from the data can fake a report line or a workflow command
# ---------------------------------------------------------------------------

EVIL_FILE = "data/x.yaml\n::error file=evil.yaml,line=1::pwned"


def test_github_escapes_file_name_properties():
    problems = [Problem(EVIL_FILE, 3, 4, "bad"), Problem("data/100%,a:b\r.yaml", 1, 1, "bad")]
    out = format_github(problems).split("\n")
    assert len(out) == 2  # one workflow command per problem, whatever the file is called
    assert out[0] == ("::error file=data/x.yaml%0A%3A%3Aerror file=evil.yaml%2Cline=1%3A%3Apwned,"
                      "line=3,col=4::bad")
    assert out[1] == "::error file=data/100%25%2Ca%3Ab%0D.yaml,line=1,col=1::bad"


def test_github_escapes_messages_and_hints():
    problem = Problem("data/a.yaml", 2, 5, "50% of '\n::error::x', a: b", hint="100%\r\nsure",
                      severity=WARNING)
    out = format_github([problem])
    assert "\n" not in out and "\r" not in out
    # In the message GitHub decodes % only: ':' and ',' stay; the newline is shown, not executed.
    assert out == ("::warning file=data/a.yaml,line=2,col=5::50%25 of '<U+000A>::error::x', a: b "
                   "(100%25<U+000D><U+000A>sure)")


def test_github_shows_other_hidden_characters():
    out = format_github([Problem("data/a\u202e.yaml", 1, 1, "x\x1b[31my")])
    assert out == "::error file=data/a<U+202E>.yaml,line=1,col=1::x<U+001B>[31my"


def test_text_format_keeps_one_problem_on_one_line():
    problems = [Problem(EVIL_FILE, 3, 4, "bad 'v\nalue'", key="a.b\nc", hint="fix\nit"),
                Problem("data/ok.yaml", 1, 1, "name \u202eevil", severity=WARNING)]
    out = format_text(problems).split("\n")
    assert out == [
        ("data/x.yaml<U+000A>::error file=evil.yaml,line=1::pwned:3:4: error: bad 'v<U+000A>alue' "
         "[a.b<U+000A>c]"),
        "    fix: fix<U+000A>it",
        "data/ok.yaml:1:1: warning: name <U+202E>evil",
        "1 error, 1 warning",
    ]


def test_json_messages_are_printable_and_files_exact():
    out = json.loads(format_json([Problem("data/a\n.yaml", 1, 2, "v '\u202e'", hint="h\x07")]))
    item = out["problems"][0]
    assert item["file"] == "data/a\n.yaml"  # a tool opens the real file
    assert item["message"] == "v '<U+202E>'" and item["hint"] == "h<U+0007>"


@pytest.fixture
def odd_data(tmp_path) -> Path:
    """A copy of the data in a folder whose name has a newline, %, ':' and ','."""

    base = tmp_path / "a%b:c,d\n::error file=x::pwned"
    copy_fixture(base)
    return base / "data"


def test_check_github_format_with_hostile_folder_and_value(odd_data: Path):
    edit(odd_data, "services.yaml", "      fi: resepti-palvelu", '      fi: "a%0A\\n::error file=y::pwned"')
    result = run_check(odd_data, "--format", "github")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert all(ln.startswith(("::error file=", "::warning file=", "::notice file=")) for ln in lines), result.output
    assert not any(ln.startswith(("::error file=x", "::error file=y")) for ln in lines)
    folder = "a%25b%3Ac%2Cd%0A%3A%3Aerror file=x%3A%3Apwned"
    services = f"{odd_data.parent.parent}/{folder}/data/services.yaml"
    assert (f"::error file={services},line=7,col=11::'a%250A<U+000A>::error file=y::pwned' is not a "
            "valid id or slug") in result.output
    fi = run_check(odd_data, "--format", "github", "--lang", "fi")
    assert f"::error file={services},line=7,col=11::'a%250A<U+000A>::error file=y::pwned' ei kelpaa" \
        in fi.output


def test_check_text_format_with_hostile_folder(odd_data: Path):
    edit(odd_data, "services.yaml", "      fi: resepti-palvelu", '      fi: "x\\ny: 1"')
    result = run_check(odd_data)
    assert result.exit_code == 1
    shown = str(odd_data).replace("\n", "<U+000A>")
    lines = result.output.splitlines()
    assert any(ln.startswith(f"{shown}/services.yaml:7:11: error: 'x<U+000A>y: 1' is not a valid id")
               for ln in lines), result.output
    assert not any(ln.startswith("::error") for ln in lines)


# ---------------------------------------------------------------------------
# 8. Only regular files inside the data folder are read
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["services.yaml", "site.yaml"])
def test_fifo_data_file_is_refused_without_opening_it(data_copy: Path, name: str):
    (data_copy / name).unlink()
    os.mkfifo(data_copy / name)
    result = run_check_process(data_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{data_copy / name}: error: not a regular file (a folder, pipe or device has this name)" \
        in result.stdout
    assert "replace it with the data file itself" in result.stdout
    as_json = json.loads(run_check_process(data_copy, "--format", "json", "--lang", "fi").stdout)
    [item] = [p for p in as_json["problems"] if p["file"] == str(data_copy / name) and p["severity"] == "error"]
    assert (item["line"], item["column"], item["code"]) == (0, 0, "not-regular-file")
    assert item["message"].startswith("tämä ei ole tavallinen tiedosto")


def test_fifo_with_an_unknown_yaml_name_is_not_opened(data_copy: Path):
    os.mkfifo(data_copy / "extra.yaml")
    result = run_check_process(data_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{data_copy / 'extra.yaml'}: warning: this file is not read by the generator" in result.stdout


def test_folder_named_like_a_data_file_is_refused(data_copy: Path):
    (data_copy / "periods.yaml").unlink()
    (data_copy / "periods.yaml").mkdir()
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert f"{data_copy / 'periods.yaml'}: error: not a regular file" in result.output


def test_link_to_a_file_outside_the_data_folder_is_refused(data_copy: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere" / "services.yaml"
    outside.parent.mkdir()
    (data_copy / "services.yaml").rename(outside)  # a valid file: the link alone is the problem
    (data_copy / "services.yaml").symlink_to(outside)
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert (f"{data_copy / 'services.yaml'}: error: the file is a link to {outside}, outside the data "
            "folder") in result.output
    fi = run_check(data_copy, "--lang", "fi")
    assert f"{data_copy / 'services.yaml'}: virhe: tiedosto on linkki kohteeseen {outside}" in fi.output


def test_link_to_a_device_outside_is_refused_unread(data_copy: Path):
    (data_copy / "strings.yaml").unlink()
    (data_copy / "strings.yaml").symlink_to("/dev/zero")
    result = run_check_process(data_copy)
    assert result.returncode == 1
    assert f"{data_copy / 'strings.yaml'}: error: the file is a link to /dev/zero, outside" in result.stdout


def test_link_inside_the_data_folder_is_read(data_copy: Path):
    (data_copy / "archive").mkdir()
    (data_copy / "services.yaml").rename(data_copy / "archive" / "services.yaml")
    (data_copy / "services.yaml").symlink_to(Path("archive") / "services.yaml")
    result = run_check(data_copy)
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------------------
# 9. Patterns match the whole value: a trailing newline is refused everywhere
# ---------------------------------------------------------------------------

REDIRECT_FROM = "    kind: service\n    redirect_from:\n      - {fi: VALUE, sv: gammal-recept}\n"
NEWLINE_CASES = [
    # (name, file, old line, new line, en fragment, fi fragment)
    ("slug", "services.yaml", "      fi: resepti-palvelu", '      fi: "resepti-palvelu\\n"',
     "'resepti-palvelu<U+000A>' is not a valid id or slug", "'resepti-palvelu<U+000A>' ei kelpaa"),
    ("slug from a | block", "services.yaml", "      fi: resepti-palvelu", "      fi: |\n        resepti-palvelu",
     "'resepti-palvelu<U+000A>' is not a valid id or slug", "'resepti-palvelu<U+000A>' ei kelpaa"),
    ("redirect_from", "services.yaml", "    kind: service\n",
     REDIRECT_FROM.replace("VALUE", '"vanha-resepti\\n"'),
     "'vanha-resepti<U+000A>' is not a valid id or slug", "'vanha-resepti<U+000A>' ei kelpaa"),
    ("service id", "services.yaml", "  - id: prescription", '  - id: "prescription\\n"',
     "'prescription<U+000A>' is not a valid id or slug", "'prescription<U+000A>' ei kelpaa"),
    ("period id", "periods.yaml", '  - id: "1/2026"', '  - id: "1/2026\\n"',
     "'1/2026<U+000A>' is not a period id: write", "'1/2026<U+000A>' ei ole jakson tunniste"),
    ("site_url", "site.yaml", "site_url: https://kayttoonotto.kanta.fi/",
     'site_url: "https://kayttoonotto.kanta.fi/\\n"',
     "'https://kayttoonotto.kanta.fi/<U+000A>' is not an allowed link",
     "'https://kayttoonotto.kanta.fi/<U+000A>' ei ole sallittu linkki"),
    ("repo_url", "site.yaml", "edit_branch: main",
     'repo_url: "https://git.example/kanta\\n"\nedit_branch: main', "is not an allowed link",
     "ei ole sallittu linkki"),
    ("register_url", "site.yaml", "  fi: https://www.kanta.fi/ammattilaiset/kayttoonottovaihe",
     '  fi: "https://www.kanta.fi/ammattilaiset/kayttoonottovaihe\\n"', "<U+000A>' is not an allowed link",
     "<U+000A>' ei ole sallittu linkki"),
    ("email", "site.yaml", "    email: kanta@kanta.fi", '    email: "kanta@kanta.fi\\n"',
     "'kanta@kanta.fi<U+000A>' is not an e-mail address", "'kanta@kanta.fi<U+000A>' ei ole sähköpostiosoite"),
    ("edit_branch", "site.yaml", "edit_branch: main", 'edit_branch: "main\\n"',
     "'main<U+000A>' is not a safe branch name", "'main<U+000A>' ei ole turvallinen haaran nimi"),
    ("search_stemmer", "site.yaml", "    search_stemmer: fi", '    search_stemmer: "fi\\n"',
     "'fi<U+000A>' is not a search language", "'fi<U+000A>' ei ole haun kieli"),
    ("redirect path", "site.yaml", "\npages:\n",
     '\nredirects:\n  - {old: "/fi/vanha/\\n", new: /fi/palvelut/}\npages:\n',
     "'/fi/vanha/<U+000A>' is not a page address of this site", "'/fi/vanha/<U+000A>' ei ole tämän sivuston"),
    ("date", "periods.yaml", "    start: 2026-01-12", '    start: "2026-01-12\\n"',
     "'2026-01-12<U+000A>' is not a date", "'2026-01-12<U+000A>' ei ole päivämäärä"),
    ("time", "periods.yaml", '        start: "09:00"', '        start: "09:00\\n"',
     "'09:00<U+000A>' is not a time", "'09:00<U+000A>' ei ole kellonaika"),
]


@pytest.mark.parametrize("case", NEWLINE_CASES, ids=[c[0] for c in NEWLINE_CASES])
def test_trailing_newline_is_refused(data_copy: Path, case):
    _, name, old, new, en, fi = case
    text = edit(data_copy, name, old, new)
    needle = next(ln for ln in new.splitlines() if "\\n" in ln or "|" in ln)
    line = line_of(text, needle)
    value = needle.split(": ", 1)[1] if "{" not in needle else needle[needle.index("{"):]
    column = text.splitlines()[line - 1].index(value) + 1
    if "{" in needle:  # in a { } mapping the value follows its key
        column = text.splitlines()[line - 1].index('"') + 1
    assert_at(data_copy, name, line, column, en, fi)


@pytest.mark.parametrize("old, new, en, fi", [
    ('  - id: "1/2026"', '  - id: "1/٢٠٢٦"', "'1/٢٠٢٦' is not a period id", "'1/٢٠٢٦' ei ole jakson tunniste"),
    ('  - id: "1/2026"', '  - id: "1/２０２６"', "'1/２０２６' is not a period id", "ei ole jakson tunniste"),
    ("    start: 2026-01-12", "    start: ٢٠٢٦-01-12", "'٢٠٢٦-01-12' is not a date", "'٢٠٢٦-01-12' ei ole päivämäärä"),
    ("    start: 2026-01-12", "    start: 2026-०१-12", "'2026-०१-12' is not a date", "ei ole päivämäärä"),
    ('        start: "09:00"', '        start: "٠٩:00"', "'٠٩:00' is not a time", "'٠٩:00' ei ole kellonaika"),
], ids=["period id, Arabic-Indic", "period id, full-width", "date, Arabic-Indic", "date, Devanagari",
        "time, Arabic-Indic"])
def test_digits_of_other_scripts_are_refused(data_copy: Path, old, new, en, fi):
    text = edit(data_copy, "periods.yaml", old, new)
    line = line_of(text, new.strip())
    column = new.index(new.split(": ", 1)[1]) + 1
    assert_at(data_copy, "periods.yaml", line, column, en, fi)


def test_content_page_file_name_with_a_newline_is_not_a_slug(data_copy: Path):
    """validate.py checks page file names with the same ID_RE: `$` let 'sivu\\n.md' through."""
    from generator.model import scalars as m

    assert m.ID_RE.match("sivu\n") is None and m.PERIOD_ID_RE.match("1/2026\n") is None
    assert m.ID_RE.match("sivu") and m.PERIOD_ID_RE.match("1/2026")


# ---------------------------------------------------------------------------
# 10. An unclosed quote is reported where the quote opens
# ---------------------------------------------------------------------------


def thirty_lines(line_11: str) -> str:
    lines = (DATA / "strings.yaml").read_text(encoding="utf-8").splitlines()[:30]
    lines[10] = line_11
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("line_11, quote", [
    ('  skip-to-content: "Siirry sisältöön', '"'),
    ("  skip-to-content: 'Siirry sisältöön", "'"),
    ('  skip-to-content: {fi: "Siirry sisältöön, sv: Gå till innehållet}', '"'),
], ids=["double", "single", "inside { }"])
def test_unclosed_quote_is_reported_on_its_line(data_copy: Path, line_11: str, quote: str):
    text = thirty_lines(line_11)
    assert len(text.splitlines()) == 30
    (data_copy / "strings.yaml").write_text(text, encoding="utf-8")
    assert_at(data_copy, "strings.yaml", 11, line_11.index(quote) + 1,
              f"the text in quotes that starts here with {quote} is not closed on this line",
              f"tästä merkillä {quote} alkava lainausmerkeissä oleva teksti ei pääty tällä rivillä")
    assert f"add the closing {quote} at the end of the text on this line" in run_check(data_copy).output


def test_unclosed_quote_closed_by_a_later_quote(data_copy: Path):
    """The next quote (line 25, `title-period`) closes it: the parser fails there, not at line 11."""
    text = thirty_lines('  skip-to-content: "Siirry sisältöön')
    assert '"' in text.splitlines()[24]
    (data_copy / "strings.yaml").write_text(text, encoding="utf-8")
    assert_at(data_copy, "strings.yaml", 11, 20, 'starts here with " is not closed on this line',
              'tästä merkillä " alkava')


def test_unclosed_quote_in_the_whole_services_file(data_copy: Path):
    text = edit(data_copy, "services.yaml", "      fi: Resepti-palvelu\n", '      fi: "Resepti-palvelu\n')
    assert_at(data_copy, "services.yaml", line_of(text, '"Resepti-palvelu'), 11,
              'the text in quotes that starts here with " is not closed', 'tästä merkillä " alkava')


def test_other_syntax_errors_keep_their_own_place(data_copy: Path):
    """A bad escape is reported at the backslash, not where its quote opens."""
    text = edit(data_copy, "services.yaml", "      fi: Resepti-palvelu\n", '      fi: "Resepti\\q"\n')
    line = line_of(text, "Resepti\\q")
    assert_at(data_copy, "services.yaml", line, 19, "YAML syntax error: found unknown escape character",
              "lainausmerkeissä oleva kenoviiva")


# ---------------------------------------------------------------------------
# 11. Control characters: line, column, code point and the fix
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x01", "\x85", "\x7f", "\x1b", "\u2028"],
                         ids=["U+0001", "U+0085 (NEL)", "U+007F", "U+001B", "U+2028"])
def test_raw_control_character(data_copy: Path, char: str):
    text = edit(data_copy, "services.yaml", "      fi: Resepti-palvelu", f"      fi: Resepti{char}-palvelu")
    code = f"U+{ord(char):04X}"
    assert_at(data_copy, "services.yaml", line_of(text, "      fi: Resepti"), 18,
              f"the invisible control character {code} is not allowed in data files",
              f"tiedostossa on näkymätön ohjausmerkki {code}")
    output = run_check(data_copy).output
    assert "delete it: go to this line and column and delete the invisible character" in output
    assert "position" not in output and char not in output


def test_control_characters_far_into_a_big_file_keep_their_line(data_copy: Path):
    """U+0085 is a line break to YAML: lines after it are still counted as the editor counts them."""
    text = edit(data_copy, "services.yaml", "    kind: service\n", "    kind: service\x85\n")
    lines = text.split("\n")  # as an editor counts: str.splitlines() would break at U+0085 too
    assert lines[-1] == ""
    lines[-2] += "\x01"
    (data_copy / "services.yaml").write_text("\n".join(lines), encoding="utf-8")
    result = run_check(data_copy)
    assert result.exit_code == 1
    services = data_copy / "services.yaml"
    assert f"{services}:9:18: error: the invisible control character U+0085" in result.output
    assert f"{services}:{len(lines) - 1}:{len(lines[-2])}: error: the invisible control character " \
        "U+0001" in result.output
    assert "2 errors" in result.output


@pytest.mark.parametrize("escape, code", [("\\x01", "U+0001"), ("\\e", "U+001B"), ("\\N", "U+0085")])
def test_control_character_written_as_an_escape(data_copy: Path, escape: str, code: str):
    text = edit(data_copy, "services.yaml", "      fi: Resepti-palvelu", f'      fi: "Resepti{escape}"')
    assert_at(data_copy, "services.yaml", line_of(text, "Resepti" + escape), 11,
              f"the invisible control character {code} is not allowed", f"näkymätön ohjausmerkki {code}")


# ---------------------------------------------------------------------------
# 13. search_stemmer, bidi and zero-width characters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["xx", "el", "du", "jp"])
def test_search_stemmer_must_be_a_language_material_supports(data_copy: Path, value: str):
    """`el` has a lunr file in Material but MkDocs' search.lang drops it: English without a word."""
    text = edit(data_copy, "site.yaml", "    search_stemmer: sv", f"    search_stemmer: {value}")
    assert_at(data_copy, "site.yaml", line_of(text, f"search_stemmer: {value}"), 21,
              f"'{value}' is not a language Material's search supports (it would silently search as English)",
              f"Materialin haku ei tue kieltä '{value}'")
    assert "write one of ar, da, de, en, es, fi" in run_check(data_copy).output


def test_search_languages_match_the_installed_material_and_mkdocs():
    import material
    import mkdocs

    from generator.model.scalars import SEARCH_LANGUAGES

    def codes(folder: Path, suffix: str) -> set[str]:
        return {p.name[len("lunr."):-len(suffix)] for p in folder.glob(f"lunr.*{suffix}")}

    material_lunr = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    mkdocs_lunr = Path(mkdocs.__file__).parent / "contrib/search/lunr-language"
    both = codes(material_lunr, ".min.js") & codes(mkdocs_lunr, ".js")
    assert set(SEARCH_LANGUAGES) == (both - {"multi", "stemmer.support", "du", "jp"}) | {"en"}


@pytest.mark.parametrize("old, new, code", [
    ("  - id: prescription", "  - id: prescri\u202eption", "U+202E"),
    ("  - id: prescription", "  - id: prescription\u200b", "U+200B"),
    ("      fi: resepti-palvelu", "      fi: resepti\u2066-palvelu", "U+2066"),
    ("      fi: resepti-palvelu", "      fi: \ufeffresepti-palvelu", "U+FEFF"),
], ids=["id U+202E", "id U+200B", "slug U+2066", "slug U+FEFF"])
def test_invisible_character_in_an_id_or_slug_is_an_error(data_copy: Path, old, new, code):
    text = edit(data_copy, "services.yaml", old, new)
    shown = "".join(f"<U+{ord(c):04X}>" if not c.isprintable() else c for c in new.split(": ", 1)[1])
    assert_at(data_copy, "services.yaml", line_of(text, new), new.index(": ") + 3,
              f"'{shown}' contains the invisible character {code}: delete it",
              f"'{shown}' sisältää näkymättömän merkin {code}")
    output = run_check(data_copy).output
    assert chr(int(code.removeprefix('U+'), 16)) not in output
    # The error alone, no warning for the same value.
    assert not [ln for ln in output.splitlines() if ": warning: " in ln and "services.yaml" in ln], output


@pytest.mark.parametrize("old, new, column, code", [
    ("      fi: Resepti-palvelu", "      fi: Resepti\u202e-palvelu", 18, "U+202E"),
    ("      fi: Resepti-palvelu", "      fi: Resepti-\u200bpalvelu", 19, "U+200B"),
    ("      sv: Recepttjänsten", '      sv: "Recept\\u2067tjänsten"', 11, "U+2067"),
    ("        Resepti-palvelussa lääkemääräykset", "        Resepti-palvelussa\u2060 lääkemääräykset", 27,
     "U+2060"),
], ids=["name U+202E", "name U+200B", "name U+2067 as an escape", "prose U+2060"])
def test_invisible_character_in_free_text_is_a_warning(data_copy: Path, old, new, column, code):
    text = edit(data_copy, "services.yaml", old, new)
    assert_at(data_copy, "services.yaml", line_of(text, new.strip()[:20]), column,
              f"the text contains the invisible character {code}: '",
              f"tekstissä on näkymätön merkki {code}: '", severity="warning", code=0)
    output = run_check(data_copy).output
    assert f"<{code}>" in output and chr(int(code.removeprefix('U+'), 16)) not in output
    assert run_check(data_copy, "--strict").exit_code == 1


def test_invisible_character_in_a_key_is_shown(data_copy: Path):
    text = edit(data_copy, "services.yaml", "    kind: service", "    ki\u200bnd: service")
    result = run_check(data_copy)
    assert result.exit_code == 1
    line = line_of(text, "ki\u200bnd")
    assert f"{data_copy / 'services.yaml'}:{line}:5: error: unknown key 'ki<U+200B>nd'" in result.output
    assert "\u200b" not in result.output


def test_duplicate_key_with_a_hidden_character_is_quoted_printable(data_copy: Path):
    text = edit(data_copy, "services.yaml", "    kind: service\n",
                '    "ki\\tnd": service\n    "ki\\tnd": service\n')
    line = line_of(text, '"ki\\tnd"') + 1
    assert_at(data_copy, "services.yaml", line, 5, "the key 'ki<U+0009>nd' appears twice",
              "avain 'ki<U+0009>nd' esiintyy samassa lohkossa kahdesti")


def test_loader_warns_at_the_invisible_character():
    from generator.load.yaml_file import load_text

    doc = load_text("a: \"x\u202ey\"\nb: [c, \"d\\u200be\"]\n", "f.yaml")
    assert [(w.severity, w.code, w.line, w.column, w.key) for w in doc.warnings] == [
        (WARNING, "invisible-char", 1, 6, "a"),  # the character itself
        (WARNING, "invisible-char", 2, 8, "b.1"),  # written as an escape: where the value starts
    ]
