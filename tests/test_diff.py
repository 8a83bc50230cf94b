"""`diff` (`make diff`): the base version and the working copy built and compared for a reviewer.

Each test works on a copy of the full fixture (tests/fixtures/site) committed to a temporary git
repository; the edits are made the way an editor makes them, and what the report lists is checked
against the built pages themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.commands.cli import main
from generator.commands.pipeline import build_site
from generator.commands.sitediff import (
    REPORT_STAMP,
    Built,
    DiffError,
    PageChange,
    Section,
    _unified,
    page_words,
    report,
    resolve_base,
    site_diff,
)
from generator.model.messages import say

from .helpers import FIXTURE, ROOT, TODAY

NEW_NAME = "Zyxwvu-testipalvelu"
"""A service name that appears nowhere else: the pages that show it are the pages that show the name."""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("data", "content"):
        shutil.copytree(FIXTURE / name, root / name)
    shutil.copy(FIXTURE / "urls.txt", root / "urls.txt")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def diff(repo: Path, lang: str = "en"):
    return site_diff(repo / "data", None, base="main", today=TODAY, lang=lang)


def listed(outcome, kind: str) -> set:
    """Every address (or pair) the report's sections list under `kind`."""
    items = set()
    for section in outcome.sections:
        for item in getattr(section, kind):
            items.add(item.address if hasattr(item, "address") else item)
    return items


def page_pair(repo: Path, page_id: str, slug: str, title: str) -> None:
    for lang in ("fi", "sv"):
        (repo / "content" / lang / f"{slug}-{lang}.md").write_text(
            f"---\nid: {page_id}\ntitle: {title} {lang}\ndescription: {title}\nnav_order: 50\n"
            f"last_reviewed: {TODAY.isoformat()}\n---\n\n# {title} {lang}\n\n{title}.\n", encoding="utf-8")


def test_an_unchanged_repository_gives_no_changes_in_the_job_summary(repo, tmp_path):
    """`make ci-diff` as the pull-request workflow runs it: the report is appended to the job summary
    (what the summary already held stays) and kept in diff-report.md for the artifact."""
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "BASE": "main", "KIELI": "fi",
           "PYTHONPATH": str(ROOT)}
    run = subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(repo),
                          "ci-diff", f"PY={sys.executable}", "RUNTIME=", "BYTECODE="],
                         env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    report = (repo / "diff-report.md").read_text(encoding="utf-8")
    assert report.startswith(REPORT_STAMP + "\n")
    assert say("diff-none", "fi") in report
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + report
    assert report.removeprefix(REPORT_STAMP + "\n") in run.stdout and REPORT_STAMP not in run.stdout


def test_renaming_a_service_lists_exactly_the_pages_that_show_its_name(repo, tmp_path):
    project, _ = load_project(repo / "data", today=TODAY, template_dir=TEMPLATE_DIR)
    index, service = next((i, s) for i, s in enumerate(project.services) if s.kind == "service")
    line = project.line_of("services.yaml", ("services", index, "name", "fi"))
    services = repo / "data" / "services.yaml"
    lines = services.read_text(encoding="utf-8").splitlines(keepends=True)
    assert service.name["fi"] in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(service.name["fi"], NEW_NAME)
    services.write_text("".join(lines), encoding="utf-8")

    outcome = diff(repo)

    # The oracle: the renamed build's pages and feeds that carry the new name anywhere.
    head = tmp_path / "head"
    build_site(repo / "data", None, head, today=TODAY, work_dir=tmp_path / "work", check_urls=False)
    built = Built.read(head, ["fi", "sv"])
    shows = {a for a, path in built.pages.items() if NEW_NAME in path.read_text(encoding="utf-8")}
    feeds = {a for a, path in built.feeds.items() if NEW_NAME in path.read_text(encoding="utf-8")}
    assert shows and all(a.startswith("/fi/") for a in shows)
    assert listed(outcome, "changed") == shows
    assert {a for a, _ in (f for s in outcome.sections for f in s.feeds)} == feeds
    assert not listed(outcome, "added") | listed(outcome, "removed") | listed(outcome, "moved")
    for page in (p for s in outcome.sections for p in s.changed):
        assert any(line.startswith("- ") and service.name["fi"] in line for line in page.lines), page
        assert any(line.startswith("+ ") and NEW_NAME in line for line in page.lines), page
        assert all(line.startswith(("  ", "- ", "+ ")) for line in page.lines), page
        assert f"`{page.address}`" in outcome.text
    assert say("diff-changed", "en", n=len(shows)) in outcome.text
    assert say("diff-language-none", "en") in outcome.text  # the Swedish pages do not change


def test_added_removed_and_moved_pages(repo):
    page_pair(repo, "vanha-lisasivu", "vanha-lisasivu", "Vanha lisäsivu")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a page to remove")
    for path in (repo / "content").glob("*/vanha-lisasivu-*.md"):
        path.unlink()
    page_pair(repo, "uusi-lisasivu", "uusi-lisasivu", "Uusi lisäsivu")
    # A hand-written page moves: its files get new names and its old addresses redirect.
    moved = []
    for lang in ("fi", "sv"):
        page = next(p for p in sorted((repo / "content" / lang).glob("*.md")) if "lisasivu" not in p.name)
        page.rename(page.with_name(f"siirretty-{page.name}"))
        moved.append((f"/{lang}/{page.stem}/", f"/{lang}/siirretty-{page.stem}/"))
    site = repo / "data" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "redirects:\n" + "".join(
        f"  - old: {old}\n    new: {new}\n" for old, new in moved), encoding="utf-8")

    outcome = diff(repo, "sv")

    assert listed(outcome, "added") == {"/fi/uusi-lisasivu-fi/", "/sv/uusi-lisasivu-sv/"}
    assert listed(outcome, "removed") == {"/fi/vanha-lisasivu-fi/", "/sv/vanha-lisasivu-sv/"}
    assert listed(outcome, "moved") == set(moved)
    assert not listed(outcome, "changed")  # the moved page's words are the same
    assert say("diff-added", "sv", n=1) in outcome.text and say("diff-removed", "sv", n=1) in outcome.text
    for old, new in moved:
        assert f"`{old}` → `{new}`" in outcome.text


def test_a_base_that_does_not_exist_is_named_with_the_fix(repo):
    result = CliRunner().invoke(main, ["diff", "--data", str(repo / "data"), "--today", TODAY.isoformat(),
                                       "--base", "ei-tallaista", "--lang", "fi"])
    assert result.exit_code == 2
    assert say("diff-bad-base", "fi", base="ei-tallaista") in result.output


def test_the_default_base_is_origin_main_else_main(repo):
    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert resolve_base(repo / "data", None) == ("main", head)
    (repo / "x.txt").write_text("x\n", encoding="utf-8")
    git(repo, "add", "x.txt")
    git(repo, "commit", "-q", "-m", "later")
    git(repo, "update-ref", "refs/remotes/origin/main", head)  # the shared branch, as last fetched
    assert resolve_base(repo / "data", None) == ("origin/main", head)
    git(repo, "branch", "-m", "main", "trunk")
    git(repo, "update-ref", "-d", "refs/remotes/origin/main")
    with pytest.raises(DiffError) as raised:
        resolve_base(repo / "data", None)
    assert raised.value.code == "diff-no-base"


def test_out_never_replaces_a_file_that_is_not_a_report(repo, tmp_path):
    other = tmp_path / "notes.md"
    other.write_text("# Muistiinpanot\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--data", str(repo / "data"), "--today", TODAY.isoformat(),
                                       "--base", "main", "--out", str(other)])
    assert result.exit_code == 2
    assert other.read_text(encoding="utf-8") == "# Muistiinpanot\n"


def test_a_page_is_read_as_words_of_its_article():
    markup = """<html><body><header><nav><a href="/fi/">Menu</a></nav></header>
    <main><article class="md-content__inner">
    <h1 id="x">Otsikko</h1><p>Ensimmäinen <strong>kappale</strong>
    jatkuu.</p><script>var x = "<p>ei</p>";</script>
    <ul><li>Kohta <a href="https://www.kanta.fi/x">Kanta</a></li><li><a href="../y/">Sisäinen</a>
    <ul><li>Alakohta</li></ul></li></ul>
    <table><tr><th>A</th><th>B</th></tr><tr><td><p>1</p></td><td>2</td></tr></table>
    <svg role="img"><title>Aikajana</title><desc>Jakso 1/2027</desc><text>7</text></svg>
    </article></main><footer>Kela</footer></body></html>"""
    assert page_words(markup) == [
        "# Otsikko", "Ensimmäinen kappale jatkuu.", "- Kohta Kanta <https://www.kanta.fi/x>", "- Sisäinen",
        "  - Alakohta", "A | B", "1 | 2", "Aikajana", "Jakso 1/2027"]
    assert page_words("<html><body><main><p>Sivu on siirtynyt</p></main></body></html>") == ["Sivu on siirtynyt"]


def test_an_edited_paragraph_has_its_changed_words_marked():
    old = ["# Otsikko", "Ilmoittautukaa jaksolle viimeistään kuukautta ennen.", "Sama."]
    new = ["# Otsikko", "Ilmoittautukaa jaksolle viimeistään kaksi kuukautta ennen.", "Sama."]
    assert _unified(old, new) == [
        "  # Otsikko",
        "- Ilmoittautukaa jaksolle viimeistään kuukautta ennen.",
        "+ Ilmoittautukaa jaksolle viimeistään {+kaksi+} kuukautta ennen.",
        "  Sama."]
    assert _unified(["a", "Täysin eri."], ["a", "Muuta tekstiä."]) == [
        "  a", "- Täysin eri.", "+ Muuta tekstiä."]


def test_a_long_report_fits_in_a_job_summary():
    """GitHub keeps a step's summary up to 1 MiB: past that, pages are listed without their diffs."""
    line = "+ " + "sana " * 60
    pages = [PageChange(f"/fi/sivu-{i}/", f"Sivu {i}", [line] * 150) for i in range(200)]
    text = report([Section("fi", changed=pages)], "fi", base="main", commit="0" * 40, data="data",
                  content="content")
    assert len(text.encode("utf-8")) < 1024 * 1024
    assert say("diff-too-long", "fi") in text
    assert all(f"`/fi/sivu-{i}/`" in text for i in range(200))
