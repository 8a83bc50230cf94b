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
NOTE = "note"
"""Neither an error nor a warning: what the check did not do or show (not counted in the summary)."""
MAX_PER_FILE = 50
"""Problems shown per file: a file of a million broken records says nothing more in its millionth
message than in its fiftieth, and printing them all takes minutes and gigabytes."""


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


def capped(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PER_FILE problems per file, errors before warnings (so the count still says why
    the check failed), and for a file with more, one note saying how many are not shown. Notes are
    always kept."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    kept: list[Problem] = []
    for file, found in by_file.items():
        # The loader's own count of what it did not make is added to this one: one note in all.
        earlier = sum(p.args[0] for p in found if p.code == "more-problems")
        notes = [p for p in found if p.severity == NOTE and p.code != "more-problems"]
        rest = sorted((p for p in found if p.severity != NOTE), key=lambda p: (not p.is_error, p))
        kept += notes + rest[:MAX_PER_FILE]
        hidden = max(0, len(rest) - MAX_PER_FILE) + earlier
        # A page whose problems were not all located already says that more are not shown.
        if hidden > 0 and not any(p.code == "more-problems-page" for p in notes):
            kept.append(more_problems(file, hidden))
    return sorted(kept)


def more_problems(file: str, hidden: int) -> Problem:
    """The note for problems of a file that are not shown."""
    more = "1 more problem in this file is" if hidden == 1 else f"{hidden} more problems in this file are"
    return Problem(file, 0, 0, f"{more} not shown (only the first {MAX_PER_FILE} are listed)",
                   hint="fix the problems listed and run the check again: the rest are shown then",
                   severity=NOTE, code="more-problems", args=(hidden, MAX_PER_FILE))


def more_problems_in_page(file: str) -> Problem:
    """The note for a page's problems that were not located (so not counted by line either)."""
    return Problem(file, 0, 0, f"more problems in this page are not shown (only the first {MAX_PER_FILE} "
                   "are listed)", hint="fix the problems listed and run the check again: the rest are "
                   "shown then", severity=NOTE, code="more-problems-page", args=(MAX_PER_FILE,))
