"""An edit that `make check` accepts passes CI: the editor's cycle on a copy of the repository.

The copy gets several ordinary edits, each made the way docs/toimittajan-opas.md tells editors to
(a new period with `make new-period`, Kela's dates for the next period, a change for readers, a new
hand-written page pair, a service's review date, then `make urls` and `make schemas`), then `make check` must pass, and
so must the steps of the pull-request workflow: `make ci-check`, `make ci-build` and the content's
checks (those without a browser; the browser ones audit every page and run on the shipped site).
The edits are chosen from whatever the data holds, so the test holds for any valid content.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, helsinki_today

IGNORED = {".git", ".venv", "node_modules", "site", "build", "test-artifacts", ".pytest_cache", ".hypothesis"}


def copy_repository(target: Path) -> Path:
    """The checkout's tracked and untracked-but-not-ignored files, with the shared venv and node_modules."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if name.split("/")[0] in IGNORED or not source.is_file() or "__pycache__" in name:
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name)
    for name in (".venv", "node_modules"):
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    return target


def make(repo: Path, *targets: str, ci: bool = False, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST")}
    if ci:
        env["CI"] = "true"
    command = ["make", "--no-print-directory", *targets, *[f"{k}={v}" for k, v in variables.items()]]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def said(result: subprocess.CompletedProcess) -> str:
    return f"exit {result.returncode}\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"


def next_period_id(periods_yaml: str) -> str:
    ids = [(int(y), int(n)) for n, y in re.findall(r'^  - id: "(\d)/(\d{4})"', periods_yaml, re.M)]
    year, number = max(ids)
    return f"1/{year + 1}" if number == 3 else f"{number + 1}/{year}"


def confirm_the_next_example_period(path: Path, day: str) -> None:
    """Kela published the dates of the first period not yet over that is marked `dates: example`
    (guide §6)."""
    text = path.read_text(encoding="utf-8")
    blocks = re.split(r'(?m)^(?=  - id: ")', text)
    for i, block in enumerate(blocks):
        end = re.search(r"(?m)^    end: (\d{4}-\d{2}-\d{2})$", block)
        if end and end[1] >= day and re.search(r"(?m)^    dates: example$", block):
            blocks[i] = re.sub(r"(?m)^    dates: example$", "    dates: confirmed", block, count=1)
            path.write_text("".join(blocks), encoding="utf-8")
            return


def record_a_change(path: Path, day: str) -> None:
    """A change for readers at the top of data/changes.yaml (guide §6)."""
    entry = (f"  - id: toimituskierroksen-testi\n    date: {day}\n    text:\n"
             "      fi: Aikataulusivun tietoja päivitettiin\n"
             "      sv: Uppgifterna på tidtabellssidan uppdaterades\n    pages: [schedule]\n")
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^changes:\n", "changes:\n" + entry, text, count=1) if re.search(r"(?m)^changes:\n", text) \
        else text.replace("changes: []", "changes:\n" + entry.rstrip("\n"))
    path.write_text(text, encoding="utf-8")


def add_a_page_pair(repo: Path, day: str) -> None:
    """A hand-written page in both languages, paired by its id (guide §9)."""
    for lang, name, title, body in (("fi", "toimituskierros", "Toimituskierros", "Tämä sivu on lisätty testissä."),
                                    ("sv", "redaktionsrunda", "Redaktionsrunda", "Sidan lades till i ett test.")):
        (repo / "content" / lang).mkdir(parents=True, exist_ok=True)
        (repo / "content" / lang / f"{name}.md").write_text(
            f"---\nid: editorial-cycle\ntitle: {title}\nnav_order: 90\nlast_reviewed: {day}\n---\n\n"
            f"# {title}\n\n{body}\n", encoding="utf-8")


def review_the_first_service(path: Path, day: str) -> None:
    """`last_reviewed` of a service set to today, as the guide asks after checking its page."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^(    last_reviewed: )\d{4}-\d{2}-\d{2}$", rf"\g<1>{day}", text, count=1),
                    encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    repo = copy_repository(tmp_path_factory.mktemp("cycle") / "repo")
    day = helsinki_today().isoformat()
    data = repo / "data"
    period = next_period_id((data / "periods.yaml").read_text(encoding="utf-8"))
    result = make(repo, "new-period", PERIOD=period)
    assert result.returncode == 0, said(result)
    confirm_the_next_example_period(data / "periods.yaml", day)
    record_a_change(data / "changes.yaml", day)
    add_a_page_pair(repo, day)
    review_the_first_service(data / "services.yaml", day)
    for target in ("urls", "schemas"):  # new addresses and a new period id (guide §6 and §9)
        result = make(repo, target)
        assert result.returncode == 0, said(result)
    return repo


def test_make_check_accepts_the_edits(edited: Path):
    result = make(edited, "check")
    assert result.returncode == 0, said(result)


@pytest.mark.parametrize("target", ["ci-check", "ci-build"])
def test_the_workflows_steps_pass(edited: Path, target: str):
    result = make(edited, target, ci=True)
    assert result.returncode == 0, said(result)


def test_the_contents_checks_pass(edited: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["CI"] = "true"
    run = subprocess.run([str(edited / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-m", "not browser", "tests/content_checks", "--ignore",
                          "tests/content_checks/test_editorial_cycle.py"],
                         cwd=edited, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert re.search(r"\d+ passed", run.stdout), run.stdout
