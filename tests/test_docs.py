"""Tests that the documentation still matches the code (datasette-style).

- README's command reference is the real `--help` output of every command.
- schemas/ and docs/tietomuoto.md are what the models generate today.
- The README documents every JSON feed field the build writes.
"""

from __future__ import annotations

import json
import re

import click
from click.testing import CliRunner

from generator.check.json_schemas import REFERENCE_PATH, data_reference
from generator.commands.cli import main

from .helpers import ROOT

README = ROOT / "README.md"
START = ("<!-- cli-reference: generated from the CLI by tests/test_docs.py; "
         "run `pytest tests/test_docs.py --update-goldens` -->")
END = "<!-- /cli-reference -->"
def commands(group=main, prefix=()) -> list[list[str]]:
    """Every command of the CLI, in the order it declares them (so a new one cannot go undocumented)."""
    found = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
        else:
            found.append([*prefix, name])
    return found


COMMANDS = commands()


def cli_reference() -> str:
    parts = []
    for command in [[], *COMMANDS]:  # [] is the group itself: its options (--debug) come first
        result = CliRunner().invoke(main, [*command, "--help"], prog_name="python -m generator",
                                    terminal_width=100)
        assert result.exit_code == 0
        title = " ".join(["python -m generator", *command])
        parts.append(f"### `{title}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def test_readme_command_reference_is_current(request):
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    current = text[text.index(START) + len(START):text.index(END)]
    expected = "\n\n" + cli_reference() + "\n"
    if request.config.getoption("--update-goldens"):
        start = text.index(START) + len(START)
        README.write_text(text[:start] + expected + text[text.index(END):], encoding="utf-8")
        return
    assert current == expected, "README's command reference is stale: pytest tests/test_docs.py --update-goldens"


def test_data_reference_matches_the_models():
    assert (ROOT / REFERENCE_PATH).read_text(encoding="utf-8") == data_reference(), \
        "docs/tietomuoto.md is stale: python -m generator schemas"


def test_readme_documents_every_json_feed_field(full_site):
    readme = README.read_text(encoding="utf-8")
    for name in ("services", "periods"):
        body = json.loads((full_site / "api" / f"{name}.json").read_text())
        keys = set(body) | set(body[name][0])
        for key in sorted(keys):
            assert re.search(rf"`{re.escape(key)}`", readme), f"README does not document `{key}` of {name}.json"


def _design_picture() -> dict[str, set[str]]:
    """README's design picture as package → the modules drawn in its rows, in the picture's order."""
    design = README.read_text(encoding="utf-8").split("## Design", 1)[1].split("\n## ", 1)[0]
    picture = design.split("```text", 1)[1].split("```", 1)[0]
    drawn: dict[str, set[str]] = {}
    package = None
    for line in picture.splitlines():
        heading = re.match(r"^ ([a-z_]+)/", line)
        if heading:
            package = heading[1]
            drawn[package] = set()
        if package is not None:
            drawn[package] |= set(re.findall(r"\b([a-z_]+(?:/[a-z_]+)*)\.py\b", line))
    return drawn


def test_every_module_has_its_place_in_the_design():
    """README's design picture and the layers contract are the same list of stage packages, in the
    same order, and the picture names every module in its package: a new module or stage cannot
    arrive without its place (and the contract cannot silently skip one)."""
    import tomllib

    root = ROOT / "generator"
    packages = {p.parent.name for p in root.glob("*/__init__.py")}
    contract = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = [name.strip().removeprefix("generator.") for name in contract["contracts"][0]["layers"]]
    assert layers[0] == "__main__" and set(layers[1:]) == packages, \
        f"layers contract: missing {packages - set(layers)}, unknown {set(layers[1:]) - packages}"
    assert {p.stem for p in root.glob("*.py")} == {"__init__", "__main__"}, "every module belongs to a stage package"
    drawn = _design_picture()
    assert list(drawn) == layers[1:], f"README draws the stages as {list(drawn)}, the contract as {layers[1:]}"
    for package in packages:
        modules = {p.relative_to(root / package).with_suffix("").as_posix()
                   for p in (root / package).rglob("*.py") if p.stem != "__init__"}
        assert drawn[package] == modules, (f"README's picture of {package}/: missing {modules - drawn[package]}, "
                                           f"not there {drawn[package] - modules}")
