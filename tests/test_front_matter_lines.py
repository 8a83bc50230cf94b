"""Front matter is read by the data files' loader: the lines its messages name are the page's own.

The loader reads the front matter below the opening `---`, so a line it names inside a message (a
duplicate key's first occurrence, the line an indentation is compared with) is the line of the page,
as it is in the data files. Run on a copy of the small fixture.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.commands.cli import main
from tests.helpers import SMALL, TODAY


def _page(tmp_path: Path, front: str) -> tuple[Path, Path]:
    root = tmp_path / "p"
    shutil.copytree(SMALL, root)
    page = root / "content" / "fi" / "tietoa-sivustosta.md"
    page.write_text(f"---\n{front}---\n\n# Tietoa\n\nTeksti.\n", encoding="utf-8")
    return root, page


def _errors(root: Path, lang: str) -> list[dict]:
    """The errors `check` reports in the Finnish page (its Swedish pair then lacks a translation)."""
    result = CliRunner().invoke(main, ["check", "--data", str(root / "data"), "--content", str(root / "content"),
                                       "--today", TODAY.isoformat(), "--format", "json", "--lang", lang])
    assert result.exit_code == 1, result.output
    return [p for p in json.loads(result.output)["problems"]
            if p["severity"] == "error" and p["file"].endswith("tietoa-sivustosta.md")]


def test_duplicate_key_names_the_first_lines_real_number(tmp_path):
    # Line 1 is `---`: `title:` is on lines 3 and 5 of the file.
    root, page = _page(tmp_path, "id: about\ntitle: Tietoa\nlast_reviewed: 2026-11-20\ntitle: Toinen\n")
    for lang, words in (("en", "(first on line 3)"), ("fi", "rivillä 3"), ("sv", "rad 3")):
        errors = _errors(root, lang)
        assert [(e["file"], e["line"], e["column"], e["code"]) for e in errors] == \
            [(str(page), 5, 1, "duplicate-key")], errors
        assert words in errors[0]["message"], errors[0]["message"]


def test_indentation_message_names_the_real_line(tmp_path):
    # `title:` on line 3 is the line the misindented key on line 4 is compared with.
    root, page = _page(tmp_path, "id: about\ntitle: Tietoa\n  last_reviewed: 2026-11-20\n")
    errors = _errors(root, "en")
    assert [(e["line"], e["column"], e["code"]) for e in errors] == [(4, 3, "yaml-indent")], errors
    assert "(line 3)" in errors[0]["message"], errors[0]["message"]
