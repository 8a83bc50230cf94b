"""Validate the loaded data against the schema and the cross-record rules.

`load_project()` is the one entry point: it reads every data file and content
page, validates each against its model, then runs the rules that span records
(unique ids, references, date order, translations, ...). It collects every
problem and raises one `DataError` with all of them, or returns a `Project`
plus its warnings. Nothing is written anywhere.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.check import markdown_safety, rules
from generator.check.schema_errors import dedupe, from_pydantic, merge_typos
from generator.load.pages import load_pages
from generator.load.yaml_file import load_file
from generator.model import schema
from generator.model.document import Document
from generator.model.errors import MAX_PER_FILE, NOTE, WARNING, DataError, Problem, capped
from generator.model.project import Project

PUBLISHING_WORK = {"unverified-source": ("unverified-sources", "sources not verified against the live page"),
                   "editorial-note": ("editorial-notes", "facts to add before publishing")}
"""Warnings that are work before publishing, not an editor's slip: `check --strict` lists each one,
every other command one line per kind (code → the summary's code and what it counts)."""


def _publishing_summary(problems: list[Problem]) -> list[Problem]:
    """Each kind of publishing work as one warning at its first place, with its count."""
    kept = [p for p in problems if p.code not in PUBLISHING_WORK]
    for code, (summary, what) in PUBLISHING_WORK.items():
        found = sorted(p for p in problems if p.code == code)
        if found:
            kept.append(dataclasses.replace(
                found[0], message=f"{what}: {len(found)} (the first here)",
                hint="`make check-strict` lists each of them, with its fix", code=summary,
                args=(str(len(found)),)))
    return sorted(kept)


def load_project(data_dir: Path, content_dir: Path | None = None, *,
                 today: dt.date, template_dir: Path | None = None,
                 publishing: bool = False) -> tuple[Project, list[Problem]]:
    """Load and validate everything. Returns the project and its warnings (with `publishing`, each
    item of PUBLISHING_WORK; without, one summary line per kind)."""
    data_dir = Path(data_dir)
    content_dir = Path(content_dir) if content_dir else data_dir.parent / "content"
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    parsed: dict[str, Any] = {}  # file name → its model (SiteConfig, ServicesFile, …)

    for name, model in schema.DATA_FILES.items():
        shown = _shown(data_dir / name)
        path = data_dir / name
        if not path.exists() and name in schema.OPTIONAL_FILES:
            parsed[name] = model()
            continue
        if not path.exists():
            problems.append(Problem(shown, 0, 0, "the file is missing",
                                    hint=f"every data folder needs {name}; restore it from git",
                                    code="missing-file"))
            continue
        try:
            doc = load_file(path, shown)
        except DataError as exc:
            problems += exc.problems
            continue
        docs[name] = doc
        value, errors = _validated(model, doc)
        if value is not None:
            parsed[name] = value
        problems += errors + _loader_warnings(doc, errors)

    for extra in sorted(data_dir.glob("*.y*ml")):
        if extra.name not in schema.DATA_FILES:
            problems.append(Problem(_shown(extra), 0, 0, "this file is not read by the generator",
                                    hint="data files are: " + ", ".join(schema.DATA_FILES),
                                    severity=WARNING, code="unknown-file",
                                    args=(", ".join(schema.DATA_FILES),)))

    # Every check that can run does: the cross-record rules run for the files that parsed, even when
    # another file has errors; a rule that needs a file that did not parse waits, and the report says
    # that more checks follow once it parses (one note per such file).
    unparsed = [name for name in schema.DATA_FILES if name not in parsed]
    if "site.yaml" in unparsed:  # the languages: nothing else can be checked without them
        raise DataError(capped(problems) + _more_checks(data_dir, unparsed))
    for name in unparsed:
        parsed[name] = _placeholder(schema.DATA_FILES[name])

    site: schema.SiteConfig = parsed["site.yaml"]
    languages = [lang.code for lang in site.languages]
    pages, page_problems = load_pages(content_dir, languages, shown=_shown, explain=from_pydantic,
                                      checker=markdown_safety.shared_checker)
    problems += page_problems

    project = Project(
        data_dir=data_dir, content_dir=content_dir, config=site,
        strings=parsed["strings.yaml"].strings, process=parsed["process.yaml"],
        requirements=parsed["requirements.yaml"].requirements,
        services=parsed["services.yaml"].services, all_periods=parsed["periods.yaml"].periods,
        pages=pages, sources=docs, changes=parsed["changes.yaml"].changes,
        search_terms=parsed["search_terms.yaml"].terms,
    )
    problems += rules.run(project, docs, template_dir, today=today, parsed=set(schema.DATA_FILES) - set(unparsed))
    if not publishing:
        problems = _publishing_summary(problems)
    if unparsed:  # the notes last, after the errors they refer to
        raise DataError(capped(problems) + _more_checks(data_dir, unparsed))
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DataError(capped(problems))
    return project, capped(problems)


def _validated(model: type[schema.Record], doc: Document) -> tuple[schema.Record | None, list[Problem]]:
    """The file's model, or its problems.

    The records of each top-level list are validated one by one first, and the file's check stops
    once more than MAX_PER_FILE problems are found (a note says at which record): a file of a
    million broken records would otherwise give millions of errors that add nothing to the first
    fifty. Valid records are passed on as the models they became, so a valid file is not
    validated twice."""
    checked: Any = dict(doc.data) if isinstance(doc.data, dict) else doc.data
    errors: list[dict] = []
    for name, record in _record_lists(model):
        items = checked.get(name) if isinstance(checked, dict) else None
        if not isinstance(items, list):
            continue
        records = []
        for i, item in enumerate(items):
            try:
                records.append(record.model_validate(item))
            except ValidationError as exc:
                errors += [{**err, "loc": (name, i, *err["loc"])} for err in exc.errors()]
                if len(errors) > MAX_PER_FILE:
                    problems = merge_typos(dedupe(from_pydantic(err, doc, model) for err in errors))
                    if i + 1 < len(items):
                        line, column = doc.position((name, i + 1))
                        problems.append(Problem(doc.path, line, column, f"the check of this file stopped "
                                                f"here after {MAX_PER_FILE} problems: the records from this "
                                                "line on were not checked", hint="fix the problems above and "
                                                "run the check again", severity=NOTE,
                                                code="more-problems-unchecked", args=(MAX_PER_FILE,)))
                    return None, problems
        if len(records) == len(items):
            checked[name] = records
    try:
        return model.model_validate(checked), []
    except ValidationError as exc:
        return None, merge_typos(dedupe(from_pydantic(err, doc, model) for err in exc.errors()))


def _record_lists(model: type[schema.Record]):
    """(field name, record model) of each field of the file that is a list of records."""
    for name, info in model.model_fields.items():
        args = typing.get_args(info.annotation)
        if typing.get_origin(info.annotation) is list and args and isinstance(args[0], type) \
                and issubclass(args[0], BaseModel):
            yield name, args[0]


def _more_checks(data_dir: Path, unparsed: list[str]) -> list[Problem]:
    """A note per file that did not parse: the checks that need it run once it does."""
    return [Problem(_shown(data_dir / name), 0, 0, "more checks (references to and from this file, "
                    "addresses, translations) run once this file can be read: fix its errors above and "
                    "run the check again", severity=NOTE, code="more-checks")
            for name in unparsed if (data_dir / name).exists()]


def _placeholder(model: type[schema.Record]) -> schema.Record:
    """A stand-in for a file that did not parse, so the project can be assembled; no rule that
    reads it runs (`rules.RULES` says which files each rule needs)."""
    values = {}
    for name, info in model.model_fields.items():
        if not info.is_required():
            values[name] = info.get_default(call_default_factory=True)
        else:
            kind = getattr(info.annotation, "__origin__", None)
            values[name] = [] if kind is list else {} if kind is dict else None
    return model.model_construct(**values)


# ---------------------------------------------------------------------------
# The loader's warnings next to the schema's errors (pydantic's errors: generator/check/schema_errors.py)
# ---------------------------------------------------------------------------


def _loader_warnings(doc: Document, errors: list[Problem]) -> list[Problem]:
    """The loader's warnings (invisible characters in values), except where the schema already
    refused the value (an id or a slug with one is an error): one message per mistake."""
    refused = {p.key for p in errors if p.key}
    return [w for w in doc.warnings if w.key not in refused]


# ---------------------------------------------------------------------------
# Paths as editors see them (hand-written pages are read by generator/load/pages.py)
# ---------------------------------------------------------------------------


def _shown(path: Path) -> str:
    """Paths relative to the working directory when inside it (as editors type them)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
