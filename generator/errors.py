"""The errors every stage shares: problems in the editors' files, and the exceptions.

This module sits at the bottom of the stages (load → validate → render → build →
post-build): any stage may raise these and the commands catch them, so none of
them belongs to one stage.

Every stage reports mistakes as `Problem`s with the file, line and column they
point at. Stages collect all of them before stopping, so an editor sees every
mistake in one run instead of fixing them one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (or a warning) at a place in an editor's file."""

    file: str
    """The file's path as the editor knows it, relative to the repository."""
    line: int
    """1-based line; 0 when the problem concerns the whole file."""
    column: int
    """1-based column; 0 when unknown."""
    message: str
    """What is wrong, in plain words."""
    key: str = ""
    """The dotted key path inside the file, e.g. `services.2.name.sv`."""
    hint: str = ""
    """How to fix it."""
    severity: str = field(default=ERROR, compare=False)
    code: str = field(default="", compare=False)
    """A stable machine-readable name of the problem class (for translations, JSON)."""
    args: tuple = field(default=(), compare=False)
    """Values substituted into a translated message (see `messages.py`)."""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class DataError(Exception):
    """Raised when the data cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"problems in the data: {len(problems)}")
        self.problems = problems


def key_path(path: tuple) -> str:
    """Render a location tuple as the dotted key path editors see."""
    return ".".join(str(p) for p in path)


class BuildError(Exception):
    """The data was valid but a later stage failed (MkDocs, post-build checks).

    `problems`: the same finding with a place in an editor's file (a lost address at its line of
    urls.txt), which the commands show in the editor's language instead of the English text."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


class EngineError(Exception):
    """The MkDocs helper itself failed (not a page problem): e.g. MkDocs is not installed."""
