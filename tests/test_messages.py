"""One message catalogue: `check --lang fi|sv` on every bad-input fixture prints no English.

The catalogue runs in strict mode here (`messages.STRICT`): a problem code or a command text
without its Finnish or Swedish text raises instead of falling back to English, and `check` turns
that into its internal-error line, which the tests refuse. A list of English words is a second net
for text that reaches the output some other way.
"""

from __future__ import annotations

import re
import shutil
import typing
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic_core import core_schema

from generator.commands.cli import main
from generator.model import messages

from .bad_inputs import FIXTURES, Fixture
from .helpers import DATA, copy_fixture

ENGLISH = re.compile(r"\b(the|is|are|not|expected|did you mean|known|allowed|write|add|missing|"
                     r"here|value|mapping|scalar|indicator|error|warning|fix|address(?:es)?|"
                     r"found|while|could|line|column|key|item|list|must|should|with)\b", re.I)


def visible_words(line: str) -> str:
    """What an editor reads as the message's own words: quoted values, `code`, the [key path] and
    the file:line:column prefix (which name the data, not the message) removed."""
    line = re.sub(r"^\S+?:\d+:\d+: |^\S+?\.(yaml|txt|md): ", "", line)
    line = re.sub(r"\s\[[^\]]*\]$", "", line)
    line = re.sub(r"`[^`]*`|'[^']*'|\"[^\"]*\"|https?://\S+|/\S*/", " ", line)
    return line


@pytest.fixture
def strict(monkeypatch):
    monkeypatch.setattr(messages, "STRICT", True)


def copy(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path, urls=True) / "data"


def check(data: Path, lang: str):
    return CliRunner().invoke(main, ["check", "--data", str(data), "--today", "2026-11-25", "--lang", lang])


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_no_english_in_check(fixture: Fixture, lang: str, tmp_path: Path, strict):
    data = copy(tmp_path)
    fixture.apply(data)
    result = check(data, lang)
    assert isinstance(result.exception, SystemExit) and result.exception.code == 1, result.exception
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not re.search(r"internal error|sisäinen virhe|internt fel", result.output), result.output
    english = [line for line in result.output.splitlines() if ENGLISH.search(visible_words(line))]
    assert not english, "English in the --lang output:\n" + "\n".join(english)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_english_word_net_catches_english(lang, tmp_path):
    """The second net must be able to fail: the English report trips it on every problem line."""
    data = copy(tmp_path)
    FIXTURES[0].apply(data)
    result = check(data, "en")
    problems = [line for line in result.output.splitlines() if ": error: " in line or ": warning: " in line]
    assert problems, result.output
    missed = [line for line in problems
              if not ENGLISH.search(re.sub(r"^(error|warning): ", "", visible_words(line)))]
    assert not missed, missed


def test_a_missing_translation_fails_in_strict_mode(strict):
    from generator.model.errors import Problem

    with pytest.raises(messages.MissingMessage):
        messages.translate(Problem("f.yaml", 1, 1, "English only", code="no-such-code"), "fi")
    with pytest.raises(messages.MissingMessage):
        messages.say("no-such-text", "sv")


def test_every_pydantic_error_type_has_a_code_with_finnish_and_swedish_text():
    from generator.check.schema_errors import CODES

    kinds = typing.get_args(core_schema.ErrorType)
    assert set(kinds) <= set(CODES), sorted(set(kinds) - set(CODES))
    missing = sorted({f"{code} ({lang})" for code in CODES.values() for lang in ("fi", "sv")
                      if lang not in messages.MESSAGES.get(code, {})})
    assert not missing, "add to generator/model/messages.py: " + ", ".join(missing)


def test_every_command_text_in_every_language():
    for code, entry in messages.TEXTS.items():
        assert set(entry) == set(messages.LANGUAGES), code
        for lang, text in entry.items():
            forms = text if isinstance(text, dict) else {"other": text}
            assert "other" in forms, (code, lang)


@pytest.mark.parametrize("lang, n, expected", [
    ("fi", 1, "1 virhe"), ("fi", 2, "2 virhettä"), ("fi", 0, "0 virhettä"),
    ("sv", 1, "1 fel"), ("sv", 21, "21 fel"),
])
def test_plurals_follow_cldr(lang, n, expected):
    assert messages.say("errors", lang, n=n) == expected
    assert messages.plural_category(lang, n) == ("one" if n == 1 else "other")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_urls_and_translations_speak_the_language(lang, tmp_path, strict):
    data = copy(tmp_path)
    runner = CliRunner()
    for args in (["urls", "--check"], ["translations"]):
        result = runner.invoke(main, [*args, "--data", str(data), "--today", "2026-11-25", "--lang", lang])
        assert result.exit_code == 0, result.output
        english = [line for line in result.output.splitlines() if ENGLISH.search(visible_words(line))]
        assert not english, english


ITEM5 = ["list item indented too far", "key indented too far", "key indented too little",
         "date written day first", "empty sv text", "missing translation", "place on one line"]


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_everyday_mistakes_golden(lang, tmp_path, request, strict):
    """Each everyday mistake at its own line with its exact fix (golden, per language).
    Only the errors are kept: the warnings about the fixture's example dates are not the point."""
    by_name = {f.name: f for f in FIXTURES}
    report = []
    for name in ITEM5:
        data = copy(tmp_path / name.replace(" ", "-"))
        by_name[name].apply(data)
        output = check(data, lang).output.replace(str(data.parent) + "/", "")
        labels = {"en": ": error: ", "fi": ": virhe: ", "sv": ": fel: "}[lang]
        kept, keep = [], False
        for line in output.splitlines():
            if not line.startswith("    "):
                keep = labels in line
            if keep:
                kept.append(line)
        assert kept, output
        report += [f"## {name}", *kept]
    text = "\n".join(report) + "\n"
    golden = Path(__file__).parent / "golden" / f"check-everyday.{lang}.txt"
    if request.config.getoption("--update-goldens"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_build_speaks_the_language(lang, tmp_path, strict):
    """`build --lang`: the summary line, and a lost address at its line of urls.txt with the fix."""
    from .helpers import SMALL

    shutil.copytree(SMALL, tmp_path / "small")
    data = tmp_path / "small" / "data"
    runner = CliRunner()
    args = ["build", "--data", str(data), "--today", "2026-11-25", "--lang", lang,
            "--out", str(tmp_path / "site"), "--work", str(tmp_path / "work")]
    built = runner.invoke(main, args)
    assert built.exit_code == 0, built.output
    urls = runner.invoke(main, ["urls", "--update", "--data", str(data), "--today", "2026-11-25", "--lang", lang])
    assert urls.exit_code == 0, urls.output
    manifest = tmp_path / "small" / "urls.txt"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "/fi/poistettu/\n", encoding="utf-8")
    failed = runner.invoke(main, args)
    assert failed.exit_code == 1
    output = built.output + urls.output + failed.output
    assert {"fi": "Sivusto rakennettu", "sv": "Webbplatsen byggdes"}[lang] in built.output
    assert re.search(r" \d+,\d (sekunnissa|s)$", built.output.strip()), built.output  # a decimal comma
    assert {"fi": "osoite /fi/poistettu/ lakkaisi toimimasta",
            "sv": "adressen /fi/poistettu/ skulle sluta fungera"}[lang] in failed.output
    assert f"urls.txt:{len(manifest.read_text().splitlines())}:1:" in failed.output
    english = [line for line in output.splitlines() if ENGLISH.search(visible_words(line))]
    assert not english, english


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_new_commands_speak_the_language(lang, tmp_path, strict):
    data = copy(tmp_path)
    runner = CliRunner()
    def new(*args: str):
        return runner.invoke(main, ["new", *args, "--data", str(data), "--today", "2026-11-25", "--lang", lang])

    period = new("period", "1/2028")
    refused = [new("period", "1/2028"), new("period", "4/2029"), new("service", "Ajan_Varaus")]
    service = new("service", "uusi")
    refused += [new("service", "uusi"), new("period", "1/2029")]  # the second: the new TODO texts first
    assert period.exit_code == 0 and service.exit_code == 0, period.output + service.output
    assert [r.exit_code for r in refused] == [1] * 5
    output = period.output + service.output + "".join(r.output for r in refused)
    assert "urls.txt" in output and "make urls" in output
    assert "'Ajan_Varaus'" in refused[2].output and "1/2028" in refused[0].output
    assert "TODO" in refused[4].output
    english = [line for line in output.splitlines() if ENGLISH.search(visible_words(line))]
    assert not english, english


def test_no_printed_fix_names_bare_python():
    """A fix the editor copies must work as typed: `python` alone has no MkDocs (the venv does)."""
    texts = [t for entry in messages.TEXTS.values() for v in entry.values()
             for t in (v.values() if isinstance(v, dict) else [v])]
    texts += [part for entry in messages.MESSAGES.values() for pair in entry.values() for part in pair]
    assert not [t for t in texts if re.search(r"(?<![/\w])python3? -m", t)]


PAGES = {
    "page without its translation": {"fi/uusi-sivu.md": "---\nid: new-page\ntitle: Uusi sivu\n"
                                                        "last_reviewed: 2026-11-01\n---\n\nTeksti.\n"},
    "page with raw HTML": {"fi/uusi-sivu.md": "---\nid: new-page\ntitle: Uusi\nlast_reviewed: 2026-11-01\n---\n\n"
                                              "Ok.\n<img src=x onerror=alert(1)>\n",
                           "sv/ny-sida.md": "---\nid: new-page\ntitle: Ny\nlast_reviewed: 2026-11-01\n---\n\nOk.\n"},
    "page without front matter": {"fi/uusi-sivu.md": "# Otsikko\n\nTeksti.\n"},
    "page with a script link": {"fi/uusi-sivu.md": "---\nid: new-page\ntitle: Uusi\nlast_reviewed: 2026-11-01\n"
                                                   "---\n\n[x](javascript:alert(1))\n",
                                "sv/ny-sida.md": "---\nid: new-page\ntitle: Ny\nlast_reviewed: 2026-11-01\n"
                                                 "---\n\nOk.\n"},
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_english_for_hand_written_pages(name, lang, tmp_path, strict):
    data = copy(tmp_path)
    for rel, text in PAGES[name].items():
        (tmp_path / "content" / rel).write_text(text, encoding="utf-8")
    result = check(data, lang)
    assert result.exit_code == 1, result.output
    assert not re.search(r"internal error|sisäinen virhe|internt fel", result.output), result.output
    english = [line for line in result.output.splitlines() if ENGLISH.search(visible_words(line))]
    assert not english, "English in the --lang output:\n" + "\n".join(english)


@pytest.mark.parametrize("lang, wrote, current", [("fi", "Kirjoitettu ", "ovat ajan tasalla"),
                                                  ("sv", "Skrev ", "är aktuella")])
def test_schemas_says_what_it_wrote(lang, wrote, current, tmp_path, monkeypatch, strict):
    """`make schemas` answers with one line: what it wrote, or that nothing needed writing."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    args = ["schemas", "--data", "data", "--out", "schemas", "--lang", lang]
    first, second = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert first.exit_code == 0 and second.exit_code == 0
    assert first.output.startswith(wrote) and "schemas/services.schema.json" in first.output, first.output
    assert len(first.output.splitlines()) == 1
    assert current in second.output and len(second.output.splitlines()) == 1, second.output
