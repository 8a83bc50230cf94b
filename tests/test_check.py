"""`python -m generator check` on the mistakes editors make.

Each case edits a copy of the full fixture's data the way an editor would, runs the
real command, and asserts the file, line, column and message it reports, its
exit code, and that no traceback is shown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.commands.cli import main

from .bad_inputs import CASES, Case
from .helpers import CONTENT, DATA, line_of, run_check


@pytest.fixture(scope="module")
def fixture() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in DATA.glob("*.yaml")}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_at_its_place(case: Case, data_copy: Path, fixture):
    original = fixture[case.file]
    assert case.old in original, f"fixture drifted: {case.old!r} not in {case.file}"
    edited = original.replace(case.old, case.new, case.count)
    (data_copy / case.file).write_text(edited, encoding="utf-8")

    result = run_check(data_copy)

    assert result.exit_code == 1, result.output
    line = line_of(edited, case.at, case.nth_at)
    expected = f"{data_copy / case.file}:{line}:{case.column}: error: "
    matching = [ln for ln in result.output.splitlines() if ln.startswith(expected)]
    assert matching, f"no error at {expected}\n{result.output}"
    assert any(case.message in ln for ln in matching), result.output
    if case.hint:
        assert case.hint in result.output
    assert re.search(r"^\d+ errors?, \d+ warnings?$", result.output, re.M)


def test_every_problem_is_reported_at_once(data_copy: Path, fixture):
    """Four mistakes in four files, one run: the cross-record rules run for the files that parsed
    (a wrong role in requirements.yaml) even though two other files have schema errors, and the
    report says that more checks follow for those two."""
    services = fixture["services.yaml"].replace("    summary:", "    sumary:", 1)
    periods = fixture["periods.yaml"].replace("        online: true", "        online: yes", 1)
    requirements = (data_copy / "requirements.yaml").read_text(encoding="utf-8")
    (data_copy / "services.yaml").write_text(services, encoding="utf-8")
    (data_copy / "periods.yaml").write_text(periods, encoding="utf-8")
    (data_copy / "requirements.yaml").write_text(requirements.replace("    who: actor", "    who: actr", 1),
                                                 encoding="utf-8")
    strings = (data_copy / "strings.yaml").read_text(encoding="utf-8")
    (data_copy / "strings.yaml").write_text(strings.replace("  skip-to-content:", "  skip-to-contnt:", 1),
                                            encoding="utf-8")

    result = run_check(data_copy)

    assert result.exit_code == 1
    assert "unknown key 'sumary'" in result.output
    assert "'yes' is not true or false" in result.output
    assert "there is no role with the id 'actr'" in result.output
    assert "the string 'skip-to-content' is used by the templates but not defined" in result.output
    assert result.output.count(": error: ") == 4, result.output
    notes = [ln for ln in result.output.splitlines() if ": note: more checks" in ln]
    assert [n.split(":")[0].rsplit("/", 1)[-1] for n in notes] == ["services.yaml", "periods.yaml"]


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"# only a comment\n", "the file is empty"),
    (b"- just\n- a list\n", "must start with keys"),
    (b"services: \xff\xfe\n", "not valid UTF-8"),
])
def test_broken_files(data_copy: Path, content: bytes, message: str):
    (data_copy / "services.yaml").write_bytes(content)
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert f"{data_copy / 'services.yaml'}:" in result.output
    assert message in result.output


def test_huge_file_is_refused_without_parsing(data_copy: Path):
    from generator.load.yaml_file import MAX_BYTES

    padding = b"  # padding\n"
    (data_copy / "services.yaml").write_bytes(b"services:\n" + padding * (MAX_BYTES // len(padding) + 1))
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert f"the limit is {MAX_BYTES}" in result.output
    assert "services.yaml: error: the file is" in result.output


def test_alias_bomb_costs_nothing(data_copy: Path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=False))
    (data_copy / "strings.yaml").write_text(bomb, encoding="utf-8")
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert f"{data_copy / 'strings.yaml'}:1:4: error: anchors and aliases" in result.output


def test_times_that_yaml_11_turns_into_numbers_are_read_as_times(data_copy: Path, fixture):
    """PyYAML's safe_load reads 10:30 as 630; the strict loader keeps it a time."""
    periods = fixture["periods.yaml"].replace('        start: "09:00"', "        start: 10:30", 1)
    periods = periods.replace('        end: "11:00"', "        end: 11:45", 1)
    (data_copy / "periods.yaml").write_text(periods, encoding="utf-8")
    assert run_check(data_copy).exit_code == 0
    api = json.loads(build_json(data_copy))
    assert api[0]["events"][0]["start"] == "10:30"


def build_json(data: Path) -> str:
    import datetime as dt

    from generator.check.validate import load_project
    from generator.model.plan import SitePlan
    from generator.publish import feeds
    project, _ = load_project(data, data.parent / "content", today=dt.date(2026, 11, 25))
    site = SitePlan(project, dt.date(2026, 11, 25))
    return json.dumps(json.loads(feeds.json_feeds(site)["api/periods.json"])["periods"])


def test_missing_data_file(data_copy: Path):
    (data_copy / "periods.yaml").unlink()
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert f"{data_copy / 'periods.yaml'}: error: the file is missing" in result.output


def test_content_page_without_translation(data_copy: Path):
    page = data_copy.parent / "content" / "fi" / "uusi-sivu.md"
    page.write_text("---\nid: new-page\ntitle: Uusi sivu\nlast_reviewed: 2026-11-01\n---\n\nTeksti.\n",
                    encoding="utf-8")
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert f"{page}:2:1: error: the page 'new-page' has no sv translation" in result.output


def test_content_page_with_html(data_copy: Path):
    page = data_copy.parent / "content" / "fi" / "uusi-sivu.md"
    page.write_text("---\nid: new-page\ntitle: Uusi\nlast_reviewed: 2026-11-01\n---\n\nOk.\n"
                    "<img src=x onerror=alert(1)>\n", encoding="utf-8")
    (data_copy.parent / "content" / "sv" / "ny-sida.md").write_text(
        "---\nid: new-page\ntitle: Ny\nlast_reviewed: 2026-11-01\n---\n\nOk.\n", encoding="utf-8")
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert f"{page}:8:1: error: HTML or a script link is not allowed" in result.output


# -- warnings: exit 0 --------------------------------------------------------------


def test_the_fixture_data_passes(fixture):
    result = run_check(DATA)
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_warnings_do_not_fail_but_strict_does():
    later = run_check(DATA, today="2027-12-01")
    assert later.exit_code == 0
    assert "over 12 months ago" in later.output
    strict = run_check(DATA, "--strict", today="2027-12-01")
    assert strict.exit_code == 1


def test_no_upcoming_period_asks_for_one_unless_kela_has_one_to_announce(data_copy: Path):
    """After the last dated period, an unannounced one is the next period: nothing to add."""
    from generator.check.validate import load_project

    project, _ = load_project(data_copy, today=dt.date(2027, 12, 1))
    assert project.unannounced and project.all_periods[-1] is project.unannounced[-1]
    later = run_check(data_copy, today="2027-12-01")
    assert later.exit_code == 0 and "no period starts after" not in later.output
    path = data_copy / "periods.yaml"
    text = path.read_text(encoding="utf-8")
    cut = text.index(f'  - id: "{project.unannounced[0].id}"')  # the unannounced ones are last
    path.write_text(text[:cut], encoding="utf-8")
    later = run_check(data_copy, today="2027-12-01")
    assert later.exit_code == 0 and "no period starts after today (2027-12-01)" in later.output


def test_provisional_date_soon_is_a_warning(data_copy: Path, fixture):
    """A date Kela announced as provisional, 60 days away or less, asks the editor to confirm it."""
    periods = fixture["periods.yaml"].replace("    dates: example", "    dates: provisional")
    (data_copy / "periods.yaml").write_text(periods, encoding="utf-8")
    result = run_check(data_copy, today="2026-11-25")
    assert result.exit_code == 0
    assert re.search(r"periods\.yaml:\d+:\d+: warning: 2026-12-01 is still provisional and only 6 days away",
                     result.output)
    assert "set `dates: confirmed`" in result.output
    assert "examples" not in result.output


def test_a_provisional_registration_deadline_soon_is_a_warning(data_copy: Path, fixture):
    """The last day to register is a date an organisation plans by: it is warned about too."""
    periods = fixture["periods.yaml"].replace("    dates: example", "    dates: provisional")
    (data_copy / "periods.yaml").write_text(periods, encoding="utf-8")
    closes = re.findall(r"^      closes: (\S+)$", periods, re.M)
    day = next(d for d in closes if d > "2026-11-25")
    result = run_check(data_copy, today="2026-11-25")
    line = line_of(periods, f"      closes: {day}")
    assert f"periods.yaml:{line}:15: warning: {day} is still provisional" in result.output, result.output


def _errors(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ": error: " in ln or ": virhe: " in ln]


def test_a_period_that_ends_before_it_starts_is_one_error_without_follow_ons(data_copy: Path, fixture):
    """Its events and its registration are not judged against a range that is itself wrong."""
    periods = fixture["periods.yaml"]
    end = re.search(r"^    end: (\S+)$", periods, re.M)[1]
    start = re.search(r"^    start: (\S+)$", periods, re.M)[1]
    edited = periods.replace(f"    end: {end}", f"    end: {int(start[:4]) - 1}{start[4:]}", 1)
    (data_copy / "periods.yaml").write_text(edited, encoding="utf-8")
    result = run_check(data_copy, "--lang", "fi")
    errors = _errors(result.output)
    assert len(errors) == 1, result.output
    assert errors[0].startswith(f"{data_copy / 'periods.yaml'}:{line_of(edited, '    end: ')}:10: virhe: jakso ")
    assert f"päättyy ({int(start[:4]) - 1}{start[4:]}) ennen kuin se alkaa ({start})" in errors[0]


def test_a_period_stretched_over_others_is_reported_at_its_own_date(data_copy: Path, fixture):
    """An end a year too late overlaps several periods: each overlap is reported at that end,
    naming both periods and their dates, not at the other periods' starts."""
    periods = fixture["periods.yaml"]
    end = re.search(r"^    end: (\S+)$", periods, re.M)[1]
    late = f"{int(end[:4]) + 1}{end[4:]}"
    edited = periods.replace(f"    end: {end}", f"    end: {late}", 1)
    (data_copy / "periods.yaml").write_text(edited, encoding="utf-8")
    result = run_check(data_copy)
    errors = _errors(result.output)
    assert len(errors) >= 2, result.output
    at = f"{data_copy / 'periods.yaml'}:{line_of(edited, f'    end: {late}')}:10: error: period "
    assert all(e.startswith(at) for e in errors), result.output
    ids = re.findall(r'^  - id: "(\S+)"', periods, re.M)
    named = [e for e in errors if f"overlaps period {ids[1]} (" in e]
    assert len(named) == 1 and f"period {ids[0]} (" in named[0], result.output
    assert f"it ends ({late}) after period {ids[1]} starts" in named[0]


def test_an_overlap_names_both_periods_in_finnish(data_copy: Path, fixture):
    periods = fixture["periods.yaml"]
    starts = re.findall(r"^    start: (\S+)$", periods, re.M)
    ends = re.findall(r"^    end: (\S+)$", periods, re.M)
    ids = re.findall(r'^  - id: "(\S+)"', periods, re.M)
    edited = periods.replace(f"    start: {starts[1]}", f"    start: {ends[0]}", 1)
    (data_copy / "periods.yaml").write_text(edited, encoding="utf-8")
    errors = _errors(run_check(data_copy, "--lang", "fi").output)
    assert len(errors) == 1
    other = line_of(edited, f"    end: {ends[0]}")
    assert errors[0].startswith(f"{data_copy / 'periods.yaml'}:{line_of(edited, f'    start: {ends[0]}')}:12: ")
    assert (f"jakso {ids[1]} ({ends[0]} – {ends[1]}) on päällekkäin jakson {ids[0]} ({starts[0]} – "
            f"{ends[0]}, rivi {other}) kanssa") in errors[0]


def test_a_duplicate_period_id_is_reported_at_the_duplicate_only(data_copy: Path, fixture):
    """The id it replaced by mistake is not reported as missing wherever changes.yaml names it."""
    periods = fixture["periods.yaml"]
    ids = re.findall(r'^  - id: "(\S+)"', periods, re.M)
    changes = fixture["changes.yaml"]
    replaced = next(i for i in ids[1:] if f'"{i}"' in changes)
    edited = periods.replace(f'  - id: "{replaced}"', f'  - id: "{ids[0]}"', 1)
    (data_copy / "periods.yaml").write_text(edited, encoding="utf-8")
    result = run_check(data_copy)
    errors = _errors(result.output)
    assert len(errors) == 1, result.output
    at = line_of(edited, f'  - id: "{ids[0]}"', 2)
    assert errors[0].startswith(f"{data_copy / 'periods.yaml'}:{at}:9: error: the period id '{ids[0]}' is used twice")


def test_usage_error_exits_2():
    result = CliRunner().invoke(main, ["check", "--today", "yesterday"])
    assert result.exit_code == 2
    result = CliRunner().invoke(main, ["check", "--format", "xml"])
    assert result.exit_code == 2


def test_content_dir_defaults_next_to_data():
    assert (DATA.parent / "content") == CONTENT


def test_error_output_format_golden(data_copy: Path, fixture, request):
    """The whole report for a file with three mistakes, paths made relative."""
    services = fixture["services.yaml"].replace("    summary:", "    sumary:", 1)
    services = services.replace("    kind: service\n", "    kind: servce\n", 1)
    services = services.replace("      fi: resepti-palvelu", "      fi: Resepti Palvelu", 1)
    (data_copy / "services.yaml").write_text(services, encoding="utf-8")
    for lang in ("en", "fi", "sv"):
        output = run_check(data_copy, "--lang", lang).output.replace(str(data_copy.parent) + "/", "")
        golden = Path(__file__).parent / "golden" / f"check-output.{lang}.txt"
        if request.config.getoption("--update-goldens"):
            golden.write_text(output, encoding="utf-8")
        assert output == golden.read_text(encoding="utf-8")


# -- messages in the editors' languages ----------------------------------------------


def _emitted_codes() -> set[str]:
    """Every problem code the generator's modules can report."""
    root = Path(__file__).parent.parent / "generator"
    codes: set[str] = set()
    for module in sorted(root.rglob("*.py")):
        source = module.read_text(encoding="utf-8")
        codes |= set(re.findall(r'_fail\(\s*"([a-z-]+)"', source))
        codes |= set(re.findall(r'\bmatching\(\s*"[a-z]+",[^,]+,\s*"([a-z-]+)"', source))
        codes |= set(re.findall(r'\bcode="([a-z_-]+)"', source))
    return codes


def test_every_problem_code_has_finnish_and_swedish_messages():
    from generator.model.messages import MESSAGES

    codes = _emitted_codes()
    assert {"not-scalar", "attr-list", "ref-definition", "bad-email", "redirect-target"} <= codes
    missing = sorted(f"{code} ({lang})" for code in codes for lang in ("fi", "sv")
                     if lang not in MESSAGES.get(code, {}))
    assert not missing, "add these to generator/model/messages.py: " + ", ".join(missing)


def test_translated_messages_format_with_their_own_values():
    """A translation that uses {0} must get a value; braces meant literally are doubled."""
    from generator.model.errors import Problem
    from generator.model.messages import MESSAGES, translate

    for code, entries in MESSAGES.items():
        for lang, (message, _hint) in entries.items():
            values = ("a", "b", "c", "d", "e", "f", "g")  # as many as the longest message takes
            problem = Problem("f.yaml", 1, 1, "English", hint="fix", code=code, args=values)
            shown, shown_hint, _ = translate(problem, lang)
            assert shown.startswith(message.format(*values)), (code, lang)
            assert "{" not in shown.replace("{ }", "").replace("{: …}", "").replace("{ … }", ""), (code, lang)


@pytest.mark.parametrize("lang, expected", [("fi", "ei ole kielikoodi"), ("sv", "är ingen språkkod")])
def test_bad_language_key_in_finnish_and_swedish(data_copy: Path, fixture, lang, expected):
    """The bad-lang hint mentions { }: it must not be read as a placeholder (it was a KeyError)."""
    services = fixture["services.yaml"].replace("      sv: Recepttjänsten", "      SV: Recepttjänsten", 1)
    (data_copy / "services.yaml").write_text(services, encoding="utf-8")
    result = run_check(data_copy, "--lang", lang)
    assert result.exit_code == 1
    assert f"'SV' {expected}" in result.output
    assert "{ }" in result.output


def test_a_list_where_a_value_belongs_is_an_error_not_a_crash(data_copy: Path, fixture):
    services = fixture["services.yaml"]
    line = next(ln for ln in services.splitlines() if ln.startswith("    last_reviewed: "))
    edited = services.replace(line, "    last_reviewed: []", 1)
    (data_copy / "services.yaml").write_text(edited, encoding="utf-8")
    result = run_check(data_copy)
    assert result.exit_code == 1
    at = line_of(edited, "    last_reviewed: []")
    assert (f"{data_copy / 'services.yaml'}:{at}:20: error: expected a single value here (like 2026-03-15), "
            "not a list or indented keys") in result.output
    fi = run_check(data_copy, "--lang", "fi")
    assert f":{at}:20: virhe: tähän kuuluu yksi arvo (kuten 2026-03-15)" in fi.output


def test_a_service_that_needs_registration_but_no_period_accepts_is_a_warning(data_copy: Path, fixture):
    periods = "\n".join(ln for ln in fixture["periods.yaml"].splitlines()
                        if ln != "      - certificate-delivery") + "\n"
    (data_copy / "periods.yaml").write_text(periods, encoding="utf-8")
    result = run_check(data_copy)
    assert result.exit_code == 0, result.output
    services = fixture["services.yaml"]
    at = line_of(services, "  - id: certificate-delivery")
    assert (f"{data_copy / 'services.yaml'}:{at}:9: warning: certificate-delivery requires registration for a "
            "period, but no current or upcoming period accepts it") in result.output
    assert "add certificate-delivery to `accepts:`" in result.output
    fi = run_check(data_copy, "--lang", "fi")
    assert "palveluun certificate-delivery vaaditaan ilmoittautuminen jaksolle" in fi.output
    # The fixture data, where upcoming periods accept it: no warning.
    assert "certificate-delivery requires" not in run_check(DATA).output


def test_every_rule_is_in_the_list():
    """The rules run from an explicit list (check.rules.RULES): a rule of a family module left out of
    it would never run, silently (a merge once did exactly that)."""
    import importlib
    import inspect
    import pkgutil

    from generator.check import rules

    families = [importlib.import_module(f"{rules.__name__}.{info.name}")
                for info in pkgutil.iter_modules(rules.__path__) if info.name != "context"]
    listed = {rule.check for rule in rules.RULES}
    defined = {function for module in families for name, function in inspect.getmembers(module, inspect.isfunction)
               if function.__module__ == module.__name__ and not name.startswith("_")}
    assert len(families) == 5
    assert listed == defined, f"not in rules.RULES: {defined - listed}"


def test_the_declared_template_strings_are_the_ones_the_templates_name():
    """`check` requires string_keys.TEMPLATE_STRINGS without reading the templates; the list is every
    key a template names as `t('key')`, read here from the templates' Jinja syntax trees, and a key
    a template builds (`t('link-' ~ link.kind)`) has its values in CODE_STRINGS."""
    import jinja2
    from jinja2 import nodes

    from generator import TEMPLATE_DIR
    from generator.model.string_keys import CODE_STRINGS, TEMPLATE_STRINGS

    env = jinja2.Environment()
    named, built = set(), set()
    for template in sorted(TEMPLATE_DIR.rglob("*.j2")):
        for call in env.parse(template.read_text(encoding="utf-8")).find_all(nodes.Call):
            if not (isinstance(call.node, nodes.Name) and call.node.name == "t" and call.args):
                continue
            key = call.args[0]
            if isinstance(key, nodes.Const):
                named.add(key.value)
            elif isinstance(key, nodes.Concat) and isinstance(key.nodes[0], nodes.Const):
                built.add(key.nodes[0].value)
    assert len(named) > 100 and built
    assert named == TEMPLATE_STRINGS, (f"generator/model/string_keys.py: add {sorted(named - TEMPLATE_STRINGS)}, "
                                       f"remove {sorted(TEMPLATE_STRINGS - named)}")
    assert {prefix for prefix in built if not any(key.startswith(prefix) for key in CODE_STRINGS)} == set()
