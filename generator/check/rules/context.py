"""What every cross-record rule reads and where it reports: the loaded documents, their models,
the day, and the problems found so far, with the helpers that put a problem at its file:line:column."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, RootModel

from generator.model import schema
from generator.model.document import Document
from generator.model.errors import ERROR, Problem, key_path
from generator.model.project import Project

REVIEW_MONTHS = 12


class Context:
    """One run of the rules: the project, its documents (file name → Document), the files that
    parsed, the templates' folder and the day; `problems` collects what the rules find."""

    def __init__(self, project: Project, docs: dict[str, Document], template_dir: Path | None, *,
                 today: dt.date, parsed: set[str] | None = None):
        self.project = project
        self.docs = docs
        self.parsed = set(schema.DATA_FILES) if parsed is None else parsed
        self.template_dir = template_dir
        """The templates' folder; without it, the strings the templates use are not required."""
        self.today = today
        self.problems: list[Problem] = []
        self.langs = project.languages
        self.site: Any = None
        """The page plan (plan.SitePlan), for the rules that ask it; set once every other rule holds."""
        self._localized: list[tuple[str, tuple, Any]] | None = None

    def dated(self) -> list[tuple[int, schema.Period]]:
        """(index in periods.yaml, period) of every period with dates; unannounced ones have none
        to check."""
        return [(i, p) for i, p in enumerate(self.project.all_periods) if isinstance(p, schema.Period)]

    def add(self, file: str | Document, path: tuple, message: str, hint: str = "", *, severity=ERROR,
            code: str = "", at_key: bool = False, args: tuple = ()) -> None:
        """A problem at `path` of a data file (by name) or of a loaded document (a page's front matter)."""
        doc = file if isinstance(file, Document) else self.docs[file]
        line, col = doc.position(path, at_key=at_key)
        self.problems.append(Problem(doc.path, line, col, message, key=key_path(path), hint=hint,
                                     severity=severity, code=code, args=args))

    def unique(self, file: str, items, path: tuple, what: str, attr: str = "id") -> set:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            value = getattr(item, attr)
            if value in seen:
                first = self.docs[file].position(path + (seen[value], attr))[0]
                self.add(file, path + (i, attr), f"the {what} id '{value}' is used twice "
                         f"(first on line {first})", "give each record its own id",
                         code="duplicate-id", args=(value, first))
            else:
                seen[value] = i
        return set(seen)

    def refs(self, file: str, values, path: tuple, known: set, what: str) -> None:
        for i, value in enumerate(values):
            self.ref(file, value, path + (i,), known, what)

    def ref(self, file: str, value: str, path: tuple, known: set, what: str) -> None:
        if value not in known:
            guess = difflib.get_close_matches(value, sorted(known), n=1)
            if guess:
                self.add(file, path, f"there is no {what} with the id '{value}'", f"did you mean '{guess[0]}'?",
                         code="unknown-ref-guess", args=(what, value, guess[0]))
            else:
                listed = ", ".join(sorted(known))
                self.add(file, path, f"there is no {what} with the id '{value}'", f"known {what} ids: {listed}",
                         code="unknown-ref", args=(what, value, listed))

    def localized_texts(self) -> list[tuple[str, tuple, Any]]:
        """(file, key path, model) of every Text / Prose / Slugs / LocalUrl of the files that parsed,
        found once (several rules read them; a data file can hold a hundred thousand)."""
        if self._localized is None:
            self._localized = list(self._find_localized())
        return self._localized

    def _find_localized(self):
        records = {"site.yaml": self.project.config, "process.yaml": self.project.process,
                  "requirements.yaml": self.project.requirements, "services.yaml": self.project.services,
                  "periods.yaml": self.project.all_periods, "strings.yaml": self.project.strings,
                  "changes.yaml": self.project.changes}
        roots = {"requirements.yaml": ("requirements",), "services.yaml": ("services",),
                 "periods.yaml": ("periods",), "strings.yaml": ("strings",), "changes.yaml": ("changes",)}
        for file, value in records.items():
            if file in self.parsed:
                for path, text in localized(value, roots.get(file, ())):
                    yield file, path, text


def localized(value, path: tuple):
    """Yield (path, model) for every Text / Prose / Slugs / LocalUrl inside a value."""
    if isinstance(value, (schema.Text, schema.Prose, schema.Slugs, schema.LocalUrl)):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from localized(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from localized(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from localized(item, path + (key,))


def addressed(value, path: tuple):
    """Yield (path, item) for every link, source and per-language address (LocalUrl) inside a value."""
    if isinstance(value, (schema._Addressed, schema.LocalUrl)):
        yield path, value
    elif isinstance(value, BaseModel) and not isinstance(value, RootModel):
        for name in type(value).model_fields:
            yield from addressed(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from addressed(item, path + (i,))


def months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, 28))
