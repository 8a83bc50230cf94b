"""`new period` and `new service`: write a complete record for an editor to finish.

The records are appended as text, so the comments and layout of the data file
stay as the editors wrote them. Every text to write is marked `TODO`, which
`check` lists as an error until it is replaced: a half-finished record can be
previewed but never published.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .errors import DataError, Problem
from .limits import FIRST_YEAR, LAST_YEAR
from .models import ID_RE, PERIOD_ID_RE
from .printable import printable
from .validate import load_project

TODO = "TODO"


class ScaffoldError(Exception):
    pass


def _shift(day: dt.date, years: int) -> dt.date:
    """The same weekday about `years` years later (52 weeks a year), as Kela's pattern repeats."""
    return day + dt.timedelta(weeks=52 * years)


def new_period(data_dir: Path, period_id: str, today: dt.date) -> str:
    """Append period N/YYYY, copying the dates of the latest period N/earlier year."""
    match = PERIOD_ID_RE.fullmatch(period_id)
    if not match or not FIRST_YEAR <= int(match[2]) <= LAST_YEAR:
        raise ScaffoldError(f"'{printable(period_id)}' is not a period id: write it as N/YYYY with a year "
                            f"from {FIRST_YEAR} to {LAST_YEAR}, e.g. 1/2028")
    project, _ = _load(data_dir, today)
    if any(p.id == period_id for p in project.periods):
        raise ScaffoldError(f"period {period_id} already exists in {data_dir / 'periods.yaml'}")
    number, year = match[1], int(match[2])
    models = sorted((p for p in project.periods if p.id.startswith(f"{number}/") and int(p.id[2:]) < year),
                    key=lambda p: p.start)
    if not models:
        raise ScaffoldError(f"no earlier period {number}/YYYY to copy the pattern from; "
                            "copy a period in periods.yaml by hand")
    model = models[-1]
    years = year - model.start.year

    def day(value: dt.date) -> str:
        return _shift(value, years).isoformat()

    lines = [
        f'  - id: "{period_id}"',
        f"    # The dates follow the pattern of {model.id}: examples until Kela publishes its own.",
        "    # When Kela has published them, write them here and set `dates: confirmed`",
        "    # (`dates: provisional` while Kela calls them preliminary).",
        f"    start: {day(model.start)}",
        f"    end: {day(model.end)}",
        "    dates: example",
        "    registration:",
        f"      opens: {day(model.registration.opens)}",
        f"      closes: {day(model.registration.closes)}",
        "    events:",
    ]
    for event in model.events:
        lines += [
            f"      - id: {event.id}",
            f"        kind: {event.kind}",
            f"        date: {day(event.date)}",
            f'        start: "{event.start:%H:%M}"',
            f'        end: "{event.end:%H:%M}"',
            f"        online: {'true' if event.online else 'false'}",
        ]
        if event.place:
            lines.append("        place:")
            lines += [f"          {lang}: {text}" for lang, text in event.place.root.items()]
    lines.append("    accepts:")
    lines += [f"      - {sid}" for sid in model.accepts]
    lines.append(f"    last_reviewed: {today.isoformat()}")
    _append(data_dir / "periods.yaml", lines)
    return f"Added period {period_id} to {data_dir / 'periods.yaml'} (example dates, copied from {model.id})."


def new_service(data_dir: Path, service_id: str, today: dt.date) -> str:
    """Append a complete, commented service template with every text marked TODO."""
    if not ID_RE.fullmatch(service_id):
        raise ScaffoldError(f"'{printable(service_id)}' is not a valid id: use lowercase a-z, digits "
                            "and hyphens")
    project, _ = _load(data_dir, today)
    if any(s.id == service_id for s in project.services):
        raise ScaffoldError(f"service {service_id} already exists in {data_dir / 'services.yaml'}")
    langs = project.languages

    def text(key: str, comment: str, indent: int = 4) -> list[str]:
        pad = " " * indent
        return [f"{pad}{key}:  # {comment}"] + [f"{pad}  {lang}: {TODO}" for lang in langs]

    lines = [
        f"  - id: {service_id}",
        "    # The address of the page in each language (a-z, 0-9 and hyphens).",
        "    slug:",
        *[f"      {lang}: {service_id}" for lang in langs],
        "    kind: service  # or: functionality (then also `extends: <service id>`)",
        *text("name", "the current name"),
        *text("summary", "what the service is, in one or two sentences"),
        *text("who", "who must or may onboard it"),
        "    sectors:  # health, social, pharmacy, vendor",
        f"      - {project.config.sectors[0].id}",
        "    requires:  # ids from requirements.yaml",
        f"      - {project.requirements[0].id}",
        "    steps:  # in order; who is a role from site.yaml",
        "      - who: actor",
        *text("title", "the step as an instruction", 8),
        *text("text", "what exactly to do", 8),
        "    registration:",
        "      required: true  # does the actor register for an onboarding period?",
        "      vendor_exception: false  # true for health care services",
        f"    contact: {project.config.contacts[0].id}",
        f"    last_reviewed: {today.isoformat()}",
    ]
    _append(data_dir / "services.yaml", lines)
    return (f"Added service {service_id} to {data_dir / 'services.yaml'}. Replace every TODO, then run "
            "`make check`; add the service to the periods that accept it (`accepts:` in periods.yaml).")


def _load(data_dir: Path, today: dt.date):
    try:
        return load_project(data_dir, today=today)
    except DataError as exc:
        errors = [p for p in exc.problems if p.is_error and p.code != "todo"]
        if errors:
            raise ScaffoldError("fix the data first (run `make check`): " + _first(errors)) from None
        raise ScaffoldError("finish the TODO texts first (run `make check`)") from None


def _first(problems: list[Problem]) -> str:
    p = problems[0]
    return f"{p.file}:{p.line}:{p.column}: {p.message}"


def _append(path: Path, lines: list[str]) -> None:
    """Append the record, but only if the result is valid: it is tried on a copy of the data
    folder first, and the file is then replaced in one rename, so an invalid record (the list no
    longer the file's last key, a date out of range) or an interruption never leaves the
    editor's file half-written."""
    import shutil
    import tempfile

    original = path.read_text(encoding="utf-8")
    text = original if original.endswith("\n") else original + "\n"
    text += "\n".join(lines) + "\n"
    with tempfile.TemporaryDirectory(prefix="kg-new-") as tmp:
        trial = Path(tmp) / path.parent.name
        shutil.copytree(path.parent, trial, symlinks=True)
        (trial / path.name).write_text(text, encoding="utf-8")
        try:
            load_project(trial, content_dir=path.parent.parent / "content", today=dt.date(2000, 1, 1))
        except DataError as exc:
            errors = [p for p in exc.problems
                      if p.is_error and p.code != "todo" and p.file.endswith(path.name)]
            if errors:
                raise ScaffoldError(f"could not append to {path} (nothing was changed): " + _first(
                    errors).replace(str(trial), str(path.parent))) from None
    fresh = path.with_name(f".{path.name}.new")
    fresh.write_text(text, encoding="utf-8")
    os.replace(fresh, path)
