"""Every example in the editors' guide (docs/toimittajan-opas.md) is run here.

The guide's blocks are executed in order in a sandbox (the repository's code with the full
fixture's data and pages, tests/fixtures/site), the way an editor follows them: `sh` blocks are run,
`yaml <kind>` blocks are validated against the schema, `markdown <path>` blocks are written to that
path, and the `text` block is the output of the mistake the guide describes.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from generator.check.json_schemas import render_schemas
from generator.load.yaml_file import load_text
from generator.model import schema

from .helpers import DATA, FIXTURE, ROOT

GUIDE = ROOT / "docs" / "toimittajan-opas.md"
BLOCK_RE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.S | re.M)
LINKED = ["generator", ".venv", "overrides", "mkdocs.yml", "Makefile", "requirements.lock",
          "requirements-dev.lock"]
COPIED = ["data", "content", "urls.txt"]
"""Copied from the full fixture, not linked: the guide's commands write them (`make urls`);
`schemas/` is written for the fixture's ids as `make schemas` would."""
YAML_KINDS = {
    "periods": TypeAdapter(list[schema.AnyPeriod]),
    "window": TypeAdapter(schema.Window),
    "redirects": TypeAdapter(list[schema.Redirect]),
    "changes": TypeAdapter(list[schema.Change]),
    "event": TypeAdapter(schema.Event),
    "planner": TypeAdapter(schema.PlannerRules),
}


def blocks() -> list[tuple[str, str, str]]:
    return [(m[1], m[2].strip(), m[3]) for m in BLOCK_RE.finditer(GUIDE.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Path:
    """One sandbox for the module: the guide's examples build on each other, as an editor's do."""
    return make_sandbox(tmp_path_factory)


@pytest.fixture
def fresh_sandbox(tmp_path_factory) -> Path:
    """A sandbox no other test has edited."""
    return make_sandbox(tmp_path_factory)


def make_sandbox(tmp_path_factory) -> Path:
    box = tmp_path_factory.mktemp("guide")
    for name in LINKED:
        (box / name).symlink_to(ROOT / name)
    for name in COPIED:
        if (FIXTURE / name).is_dir():
            shutil.copytree(FIXTURE / name, box / name)
        else:
            shutil.copy(FIXTURE / name, box / name)
    (box / "schemas").mkdir()
    for name, text in render_schemas(box / "data").items():
        (box / "schemas" / name).write_text(text, encoding="utf-8")
    return box


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(box: Path, command: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("CI", None)  # as on an editor's machine (CI=true keeps make's own failure line)
    return subprocess.run(["bash", "-c", command], cwd=box, capture_output=True, text=True, timeout=300,
                          env=env)


def wait_for_first_build(proc: subprocess.Popen, port: int) -> None:
    """Until this preview has built once: an earlier preview's pages in the shared sandbox answer
    before that, so a page's answer alone says nothing about this preview."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/__preview/version") as response:
                if int(response.read()) > 0:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    os.killpg(proc.pid, 9)
    output = proc.communicate(timeout=10)[0].decode()
    pytest.fail(f"make serve did not finish its first build within 60 s:\n{output}")


def serve_and_fetch(box: Path, command: str) -> None:
    port = free_port()
    proc = subprocess.Popen(["bash", "-c", f"{command} PORT={port}"], cwd=box, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_for_first_build(proc, port)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/fi/") as response:
            assert response.status == 200
            assert "<html lang=\"fi\"" in response.read().decode()
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=10)


def test_the_guide_has_examples():
    kinds = [kind for kind, _, _ in blocks()]
    assert kinds.count("sh") >= 6 and "yaml" in kinds and "markdown" in kinds


TODO_FAILS = {"make urls"}
"""The guide's commands succeed, except these while the guide's new service still has its TODO texts
(which is what the guide says): they fail with the TODO findings as their only errors."""


def test_every_example_in_the_guide_works(sandbox: Path):
    failed: dict[str, subprocess.CompletedProcess] = {}
    for kind, info, body in blocks():
        if kind == "sh":
            command = body.strip()
            if command == "make serve":
                serve_and_fetch(sandbox, command)
                continue
            result = run(sandbox, command)
            assert "Traceback" not in result.stdout + result.stderr, command
            if result.returncode != 0:
                failed[command] = result
        elif kind == "yaml":
            # The loader wants a mapping at the top; the guide shows list items too.
            wrapped = "example:\n" + "".join(f"  {line}\n" for line in body.splitlines())
            data = load_text(wrapped, f"guide:{info}").data["example"]
            if info in YAML_KINDS:
                YAML_KINDS[info].validate_python(data)
            else:  # a fragment of a service: validate each key with its field's type
                for key, value in data.items():
                    TypeAdapter(schema.Service.model_fields[key].annotation).validate_python(value)
        elif kind == "markdown":
            target = sandbox / info
            target.write_text(body, encoding="utf-8")
        elif kind == "text":
            check_error_example(sandbox, body)
    assert set(failed) == TODO_FAILS, {c: (r.returncode, r.stdout, r.stderr) for c, r in failed.items()}
    for command, result in failed.items():
        errors = [ln for ln in (result.stdout + result.stderr).splitlines() if ": virhe: " in ln]
        assert errors and all("on vielä TODO-merkintä" in ln for ln in errors), \
            f"{command}\n{result.stdout}\n{result.stderr}"
        assert result.returncode == -signal.SIGPIPE, result.returncode  # make stopped quietly (Makefile: QUIET_FAIL)
    final = run(sandbox, ".venv/bin/python -m generator check")
    assert "privacy" not in final.stdout, final.stdout  # the guide's new pages are valid and paired
    # Their links too: the rules that need the page plan run once the data has no errors, and the
    # guide's new service still has its TODO texts, so the pages are checked with the fixture's data.
    pages = run(sandbox, f".venv/bin/python -m generator check --data {DATA} --content content")
    assert "tietosuoja.md:" not in pages.stdout and "dataskydd.md:" not in pages.stdout, pages.stdout
    errors = [ln for ln in pages.stdout.splitlines() if ": error: " in ln]
    assert len(errors) == 1 and "urls.txt: error: 2 new" in errors[0], pages.stdout  # the fixture's list


def check_error_example(sandbox: Path, shown: str) -> None:
    """The guide's example mistake: `sumary:` in the first service."""
    data = sandbox / "data" / "services.yaml"
    original = data.read_text(encoding="utf-8")
    data.write_text(original.replace("    summary:", "    sumary:", 1), encoding="utf-8")
    try:
        result = run(sandbox, "make check")  # in Finnish, as the guide shows it
    finally:
        data.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "make: ***" not in result.stderr, result.stderr  # make adds no English line of its own
    for line in shown.strip().splitlines():
        assert line in result.stdout.splitlines(), f"{line!r} not in\n{result.stdout}"


def test_the_guide_uses_make_targets_never_bare_python():
    """Every command an editor types is a make target; `python` alone fails without the venv."""
    text = GUIDE.read_text(encoding="utf-8")
    assert not re.search(r"(?<![/\w.-])python3?(?= |$)", text, re.M), "bare python in the guide"
    commands = [body.strip() for kind, _, body in blocks() if kind == "sh"]
    assert commands and all(c.startswith("make ") for c in commands), commands
    for target in ("make check", "make urls", "make translations", "make serve", "make schemas", "make diff"):
        assert target in text, target


def test_the_guide_covers_the_ide_and_the_pull_request_flow():
    text = GUIDE.read_text(encoding="utf-8")
    assert ".vscode/settings.json" in text and "*Create pull request*" in text
    assert "KIELI=sv" in text and "Artifacts" in text


def test_ctrl_c_stops_make_serve_without_a_make_line(fresh_sandbox: Path):
    """The guide says Ctrl+C stops the preview: it says so in Finnish, and make adds nothing."""
    import signal

    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("CI", None)
    proc = subprocess.Popen(["make", "serve", f"PORT={port}"], cwd=fresh_sandbox, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        wait_for_first_build(proc, port)
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends on Ctrl+C
        output = proc.communicate(timeout=30)[0].decode()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert "Esikatselu pysäytetty." in output, output
    assert "make: ***" not in output, output
