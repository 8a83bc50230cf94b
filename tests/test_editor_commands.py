"""The editors' commands: scaffolding, translation parity, output formats, edit links."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.commands.cli import main

from .helpers import CONTENT, DATA

TODAY = "2026-11-25"


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def test_new_period_adds_an_unannounced_period_that_passes_check(data_copy: Path):
    from generator.check.validate import load_project
    from generator.model.schema import DATED_FIELDS, UnannouncedPeriod

    result = invoke("new", "period", "1/2028", "--data", str(data_copy), "--today", TODAY)
    assert result.exit_code == 0, result.output
    text = (data_copy / "periods.yaml").read_text()
    block = text[text.index('  - id: "1/2028"'):]
    records = [ln for ln in block.splitlines()[1:] if not ln.lstrip().startswith(("#", "- "))]
    assert records == ["    dates: unannounced", "    accepts:", f"    last_reviewed: {TODAY}"], block
    # No date is invented; the Finnish comments say how to write them in when Kela publishes them.
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", block.replace(f"last_reviewed: {TODAY}", ""))
    comments = "\n".join(ln for ln in block.splitlines() if ln.lstrip().startswith("#"))
    assert "Kela julkaisee" in comments and "`dates: confirmed`" in comments
    assert all(field in comments for field in ("start", "end", "registration", "events")), comments
    # The services are those of the latest period with the same number.
    project, warnings = load_project(data_copy, today=dt.date.fromisoformat(TODAY))
    added = next(p for p in project.all_periods if p.id == "1/2028")
    assert isinstance(added, UnannouncedPeriod) and not set(DATED_FIELDS) & added.model_fields_set
    assert added.accepts == next(p for p in project.periods if p.id == "1/2027").accepts
    assert "1/2028" not in {p.id for p in project.periods}
    check = invoke("check", "--data", str(data_copy), "--today", TODAY)
    assert check.exit_code == 0, check.output
    assert "1/2028" not in check.output  # no warning about it either


def test_new_period_refuses_duplicates_and_bad_ids(data_copy: Path):
    text = (data_copy / "periods.yaml").read_text()
    existing = re.search(r'^  - id: "(\S+)"', text, re.M)[1]
    refused = invoke("new", "period", existing, "--data", str(data_copy), "--lang", "fi")
    line = text[:text.index(f'  - id: "{existing}"')].count("\n") + 1
    assert refused.exit_code == 1
    assert f"jakso {existing} on jo olemassa ({data_copy / 'periods.yaml'}:{line})" in refused.output
    bad = invoke("new", "period", "2028-1", "--data", str(data_copy))
    assert bad.exit_code == 1 and "write it as N/YYYY" in bad.output


def test_new_service_lists_its_todos_until_written(data_copy: Path):
    result = invoke("new", "service", "uusi-palvelu", "--data", str(data_copy), "--today", TODAY)
    assert result.exit_code == 0, result.output
    check = invoke("check", "--data", str(data_copy), "--today", TODAY)
    assert check.exit_code == 1
    errors = [ln for ln in check.output.splitlines() if ": error: " in ln]
    assert errors and all("is still a to-do" in ln for ln in errors), check.output
    assert len(errors) == 11  # name, summary, who, step title and text in fi and sv; the sv slug
    assert any("[services.11.slug.sv]" in ln for ln in errors), errors
    # Every field of a service is in the template, the optional ones commented out.
    from generator.model.schema import Service

    template = (data_copy / "services.yaml").read_text()
    template = template[template.index("  - id: uusi-palvelu"):]
    for field in Service.model_fields:
        assert re.search(rf"^ *(- )?(# )?{field}:", template, re.M), field
    # Writing the texts makes the record valid.
    services = data_copy / "services.yaml"
    _write_the_new_services_texts(services)
    check = invoke("check", "--data", str(data_copy), "--today", TODAY)
    assert check.exit_code == 0, check.output


def _write_the_new_services_texts(services: Path) -> None:
    """What the editor writes into `new service`'s template: its names and slugs (the TODOs)."""
    text = services.read_text()
    head, tail = text[: text.index("  - id: uusi-palvelu")], text[text.index("  - id: uusi-palvelu"):]
    services.write_text(head + tail.replace("fi: TODO", "fi: Uusi palvelu").replace("sv: TODO", "sv: Ny tjänst")
                        .replace("      sv: todo", "      sv: ny-tjanst"))


def _repository(tmp_path: Path) -> Path:
    """A copy of the full fixture with its urls.txt and schemas/, as an editor's clone has them."""
    from .helpers import FIXTURE

    shutil.copytree(FIXTURE, tmp_path / "repo")
    return tmp_path / "repo" / "data"


def test_new_period_updates_urls_and_schemas_so_check_passes_as_it_is(tmp_path: Path):
    """`make new-period` then `make check`: nothing left for the editor to run first."""
    data = _repository(tmp_path)
    before = (data.parent / "urls.txt").read_text()
    result = invoke("new", "period", "1/2028", "--data", str(data), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "schemas/, urls.txt" in result.output and "make urls" not in result.output
    after = (data.parent / "urls.txt").read_text()
    assert set(before.splitlines()) < set(after.splitlines())
    assert '"1/2028"' in (data.parent / "schemas" / "changes.schema.json").read_text()
    check = invoke("check", "--data", str(data), "--today", TODAY)
    assert check.exit_code == 0 and "0 errors" in check.output, check.output


def test_new_service_updates_the_schemas_and_leaves_urls_to_check(tmp_path: Path):
    """A new service's Swedish slug is a to-do: its addresses go to urls.txt once written, when
    `check` asks for `make urls` (and only for that)."""
    data = _repository(tmp_path)
    before = (data.parent / "urls.txt").read_text()
    result = invoke("new", "service", "uusi-palvelu", "--data", str(data), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "schemas/" in result.output and "make urls" in result.output
    assert (data.parent / "urls.txt").read_text() == before
    services = data / "services.yaml"
    _write_the_new_services_texts(services)
    check = invoke("check", "--data", str(data), "--today", TODAY)
    errors = [ln for ln in check.output.splitlines() if ": error: " in ln]
    assert len(errors) == 1 and "urls.txt" in errors[0] and "not in urls.txt yet" in errors[0], check.output
    assert invoke("urls", "--update", "--data", str(data), "--today", TODAY).exit_code == 0
    assert invoke("check", "--data", str(data), "--today", TODAY).exit_code == 0


def test_translations_lists_whats_missing_per_language(data_copy: Path):
    assert invoke("translations", "--data", str(data_copy), "--strict", "--today", TODAY).exit_code == 0
    strings = data_copy / "strings.yaml"
    strings.write_text(strings.read_text().replace("  status: {fi: Tilanne, sv: Status}", "  status: {fi: Tilanne}"))
    (data_copy.parent / "content" / "sv" / "fragor-och-svar.md").unlink()
    result = invoke("translations", "--data", str(data_copy), "--today", TODAY)
    assert result.exit_code == 0  # informative without --strict
    sv = result.output[result.output.index("sv:"):]
    assert "the sv text is missing [strings.status]" in sv
    assert "the page 'faq' has no sv translation" in sv
    assert result.output.startswith("fi: nothing missing or to-do")
    assert invoke("translations", "--data", str(data_copy), "--strict", "--today", TODAY).exit_code == 1


def test_translations_notices_a_section_added_in_one_language(data_copy: Path):
    page = data_copy.parent / "content" / "fi" / "kysymyksia.md"
    page.write_text(page.read_text() + "\n## Uusi kysymys\n\nVastaus.\n")
    result = invoke("translations", "--data", str(data_copy), "--strict", "--today", TODAY)
    assert result.exit_code == 1
    assert re.search(r"content/sv/fragor-och-svar\.md: 6 headings, but .*content/fi/kysymyksia\.md has 7",
                     result.output)


def broken(data_copy: Path) -> Path:
    services = data_copy / "services.yaml"
    services.write_text(services.read_text().replace("    summary:", "    sumary:", 1))
    return services


def test_check_json_format(data_copy: Path):
    services = broken(data_copy)
    result = invoke("check", "--data", str(data_copy), "--format", "json", "--today", TODAY)
    assert result.exit_code == 1
    body = json.loads(result.output)
    first = next(p for p in body["problems"] if p["severity"] == "error")
    assert first == {"file": str(services), "line": 16, "column": 5, "severity": "error",
                     "code": "unknown-key-guess", "key": "services.0.sumary",
                     "message": "unknown key 'sumary'", "hint": "did you mean 'summary'?"}
    assert body["errors"] == 1


def test_check_github_annotations(data_copy: Path):
    services = broken(data_copy)
    result = invoke("check", "--data", str(data_copy), "--format", "github", "--today", TODAY)
    assert result.exit_code == 1
    assert (f"::error file={services},line=16,col=5::unknown key 'sumary' (did you mean 'summary'?)"
            in result.output.splitlines())
    valid = invoke("check", "--data", str(DATA), "--content", str(CONTENT), "--format", "github", "--today", TODAY)
    assert valid.exit_code == 0
    periods = os.path.relpath(DATA / "periods.yaml")  # check names a file inside the working folder relatively
    assert any(ln.startswith(f"::warning file={periods},line=") for ln in valid.output.splitlines())


def test_check_messages_in_finnish_and_swedish(data_copy: Path):
    broken(data_copy)
    fi = invoke("check", "--data", str(data_copy), "--lang", "fi", "--today", TODAY)
    assert ":16:5: virhe: tuntematon avain 'sumary'" in fi.output
    assert "korjaus: tarkoititko 'summary'?" in fi.output
    assert "1 virhe, 6 varoitusta" in fi.output  # singular and plural as Finnish has them
    sv = invoke("check", "--data", str(data_copy), "--lang", "sv", "--today", TODAY)
    assert ":16:5: fel: okänd nyckel 'sumary'" in sv.output
    assert "åtgärd: menade du 'summary'?" in sv.output and "1 fel, 6 varningar" in sv.output


def test_every_command_takes_data(tmp_path: Path):
    for command in (["check"], ["build"], ["serve"], ["translations"], ["new", "period", "1/2030"],
                    ["new", "service", "x"], ["urls"], ["diff"]):
        result = CliRunner().invoke(main, [*command, "--help"])
        assert "--data" in result.output, command


def test_edit_links_point_at_the_source_line(small_site: Path):
    """With `repo_url` set (the small fixture), every page links to its source."""
    html = (small_site / "fi" / "palvelut" / "potilastietovaranto" / "index.html").read_text()
    services = (Path(__file__).parent / "fixtures" / "small" / "data" / "services.yaml").read_text().splitlines()
    line = next(i for i, text in enumerate(services, 1) if text == "  - id: patient-data-repository")
    assert f'/blob/main/data/services.yaml#L{line}" class="kg-edit"' in html
    about = (small_site / "sv" / "om-webbplatsen" / "index.html").read_text()
    assert '/blob/main/content/sv/om-webbplatsen.md" class="kg-edit"' in about


def test_no_edit_link_while_the_repository_is_not_known(full_site: Path):
    """The fixture has no `repo_url` (its address is not known): no link to an invented one."""
    pages = list(full_site.rglob("*.html"))
    assert len(pages) > 50
    assert not [p for p in pages if 'class="kg-edit"' in p.read_text(encoding="utf-8")]


def test_page_updated_comes_from_the_data_not_the_build_day(full_site: Path):
    # Kelain: no entry of the full fixture's changes.yaml names it, so its own last_reviewed decides.
    html = (full_site / "sv" / "tjanster" / "kelain" / "index.html").read_text()
    assert re.search(r'Sidan har uppdaterats <time datetime="2026-11-20">20\.11\.2026</time>', html)


def test_urls_command_checks_and_updates_the_manifest(small_site: Path, tmp_path: Path):
    """`python -m generator urls` is the editors' entry point to generator/model/manifest.py."""
    data = Path(__file__).parent / "fixtures" / "small" / "data"
    manifest = tmp_path / "urls.txt"
    common = ["--data", str(data), "--today", TODAY, "--from", str(small_site), "--manifest", str(manifest)]
    missing = invoke("urls", "--check", *common)
    assert missing.exit_code == 1
    assert "+ /fi/tietoa-sivustosta/" in missing.output and "make urls" in missing.output
    update = invoke("urls", "--update", *common)
    assert update.exit_code == 0, update.output
    assert manifest.read_text().startswith("# Every address the site publishes")
    assert "/sv/om-webbplatsen/\n" in manifest.read_text() and "/assets/" not in manifest.read_text()
    assert invoke("urls", "--check", *common).exit_code == 0
    manifest.write_text(manifest.read_text() + "/fi/poistettu/\n")
    gone = invoke("urls", "--check", *common)
    assert gone.exit_code == 1 and "- /fi/poistettu/" in gone.output


def test_urls_command_needs_a_mode():
    result = invoke("urls", "--data", str(DATA))
    assert result.exit_code == 2 and "--update" in result.output and "--check" in result.output
    assert invoke("urls", "--data", str(DATA), "--check", "--today", "yesterday").exit_code == 2


def _moved_project(tmp_path: Path) -> Path:
    import shutil

    from .helpers import FIXTURE

    for name in ("data", "content"):
        shutil.copytree(FIXTURE / name, tmp_path / name)
    shutil.copy(FIXTURE / "urls.txt", tmp_path / "urls.txt")
    return tmp_path


def _check_fi(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--data", str(root / "data"), "--content", str(root / "content"),
                                       "--today", "2026-11-25", "--lang", "fi"])
    return result.exit_code, result.output


def test_a_renamed_page_gets_the_very_redirect_line_to_add(tmp_path: Path):
    """Renaming a content file: check names the lines to paste (the key `redirects:` too while
    data/site.yaml has none), and pasting them (then `make urls`) is all it takes."""
    root = _moved_project(tmp_path)
    site = root / "data" / "site.yaml"
    assert not re.search(r"^redirects:", site.read_text(encoding="utf-8"), re.M)
    (root / "content" / "fi" / "kysymyksia.md").rename(root / "content" / "fi" / "ukk.md")
    code, output = _check_fi(root)
    line = "`  - {old: /fi/kysymyksia/, new: /fi/ukk/}`"
    assert code == 1 and "pidä vanha toiminnassa lisäämällä tiedoston data/site.yaml loppuun kaksi riviä: " \
        f"`redirects:` ja sen alle {line}" in output, output
    with site.open("a", encoding="utf-8") as f:
        f.write(f"redirects:\n{line.strip('`')}\n")
    # With the key there, the next move needs one line under it.
    (root / "content" / "sv" / "fragor-och-svar.md").rename(root / "content" / "sv" / "fragor.md")
    code, output = _check_fi(root)
    line = "`- {old: /sv/fragor-och-svar/, new: /sv/fragor/}`"
    assert code == 1 and "lisäämällä tiedostoon data/site.yaml kohdan `redirects:` " \
        f"alle rivi {line}" in output, output
    with site.open("a", encoding="utf-8") as f:
        f.write(f"  {line.strip('`')}\n")
    updated = CliRunner().invoke(main, ["urls", "--update", "--data", str(root / "data"), "--content",
                                        str(root / "content"), "--today", "2026-11-25", "--lang", "fi"])
    assert updated.exit_code == 0, updated.output
    assert _check_fi(root)[0] == 0
    assert "/fi/kysymyksia/" in (root / "urls.txt").read_text(encoding="utf-8")


def test_a_renamed_service_slug_gets_its_redirect_from(tmp_path: Path):
    root = _moved_project(tmp_path)
    services = root / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    assert text.count("fi: kelain\n") == 1
    services.write_text(text.replace("fi: kelain\n", "fi: kelain-palvelu\n"), encoding="utf-8")
    code, output = _check_fi(root)
    assert code == 1 and "palvelun 'kelain' uusi osoite näyttää olevan /fi/palvelut/kelain-palvelu/: pidä " \
        "vanha toiminnassa lisäämällä palvelulle tiedostossa data/services.yaml " \
        "`redirect_from: [{fi: kelain, sv: kelain}]`" in output, output
    # Following it is all it takes (and `make urls` for the new address).
    lines = services.read_text(encoding="utf-8").split("\n")
    at = lines.index("  - id: kelain")
    lines.insert(at + 1, "    redirect_from: [{fi: kelain, sv: kelain}]")
    services.write_text("\n".join(lines), encoding="utf-8")
    updated = CliRunner().invoke(main, ["urls", "--update", "--data", str(root / "data"), "--content",
                                        str(root / "content"), "--today", "2026-11-25", "--lang", "fi"])
    assert updated.exit_code == 0, updated.output
    assert _check_fi(root)[0] == 0, _check_fi(root)[1]
