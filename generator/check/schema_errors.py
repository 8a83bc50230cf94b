"""Pydantic's validation errors as problems an editor can act on.

Every pydantic error type maps to one of the catalogue's problem codes (`CODES`; the test suite
checks that the map covers every type pydantic can raise), so `check --lang fi|sv` never shows
pydantic's own English. Errors the scalar types raise themselves (`scalars._fail`) already carry a code
and their values; the rest are worded here from what pydantic knows (the value, the allowed
choices, the field's description) and placed at `file:line:column` through the loaded document.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, RootModel
from pydantic_core import core_schema

from generator.model import schema
from generator.model.document import Document
from generator.model.errors import Problem, key_path
from generator.model.printable import printable

_TYPE = "wrong-type"
_VALUE = "bad-value"
CODES: dict[str, str] = {kind: _VALUE for kind in typing.get_args(core_schema.ErrorType)}
"""pydantic error type → catalogue code. Types the models never produce still get a plain,
generic message (`bad-value`), never pydantic's English."""
CODES.update({kind: _TYPE for kind in CODES if kind.endswith("_type") or kind in
              ("none_required", "is_instance_of", "is_subclass_of", "arguments_type")})
CODES.update({
    "missing": "missing", "extra_forbidden": "extra_forbidden", "literal_error": "literal_error",
    "enum": "literal_error", "dict_type": "not-keys", "model_type": "not-keys",
    "model_attributes_type": "not-keys", "mapping_type": "not-keys", "list_type": "not-list",
    "tuple_type": "not-list", "set_type": "not-list", "string_type": "not-text",
    "string_pattern_mismatch": "pattern", "too_short": "empty-list", "string_too_short": "empty-text",
    "int_parsing": "not-number", "int_type": "not-number", "float_parsing": "not-number",
    "less_than_equal": "out-of-range", "greater_than_equal": "out-of-range",
    "less_than": "out-of-range", "greater_than": "out-of-range", "too_long": "too-long",
    "string_too_long": "too-long", "bool_parsing": "bad-bool", "bool_type": "bad-bool",
    "date_parsing": "bad-date-format", "date_type": "bad-date-format",
    "time_parsing": "bad-time", "time_type": "bad-time",
    "url_parsing": "bad-url", "url_scheme": "bad-url", "url_type": "bad-url",
})

_FI_DATE_RE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
"""A date written the Finnish way (31.12.2027): the fix names its ISO form exactly."""


def from_pydantic(err: Mapping[str, Any], doc: Document, model: type[BaseModel]) -> Problem:
    """One pydantic error → one Problem at its place, with a code the catalogue translates."""
    loc = tuple(p for p in err["loc"]
                if not (isinstance(p, str) and (p.startswith("function-") or p == "[key]")))
    # The same path with the tags that say which model read the record (a period with or without
    # dates), to look up that model's keys and descriptions.
    mloc = tuple(p for p in err["loc"] if p in schema.PERIOD_KINDS or p in loc)
    kind = err["type"]
    line, col = doc.position(loc, at_key=kind == "extra_forbidden")
    where = key_path(loc)
    ctx = err.get("ctx") or {}
    shown = printable(err.get("input"))  # every quoted value: no raw newline or bidi control

    def problem(code: str, message: str, hint: str = "", args: tuple = (), at: tuple | None = None):
        ln, cl = (line, col) if at is None else doc.position(at)
        return Problem(doc.path, ln, cl, message, key=where, hint=hint, code=code, args=args)

    if kind not in CODES:  # a custom code raised by a scalar type (`scalars._fail`): its values are in ctx
        args = tuple(str(v) for k, v in sorted(ctx.items()) if k.startswith("v"))
        msg = printable(err["msg"].removeprefix("Value error, "))
        if kind == "bad-date-format":
            fixed = _iso_date(str(err.get("input")))
            if fixed:
                return problem("bad-date-format-fi", f"'{shown}' is written day first; dates are written "
                               "year first", f"write {fixed}", (shown, fixed))
        if kind == "empty-text" and loc and isinstance(loc[-1], str) and len(loc[-1]) == 2:
            lang = loc[-1]
            return problem("empty-text-lang", f"the {lang} text is empty",
                           f"write the {lang} text after `{lang}:` (every text is needed in every "
                           "language of the site)", (lang,))
        return problem(kind, msg, args=args)
    code = CODES[kind]
    if kind == "extra_forbidden" and loc[-1] == "checked" and "verified" in allowed_keys(model, loc[:-1]):
        # A source's former `checked:` claimed a check of the live page that the data cannot show.
        return problem("source-checked-key", "a source no longer has `checked:`: it says what is known "
                       "of the page", f"replace `checked: {shown}` with `updated:` and the date the page "
                       "itself shows (or `seen:` and the date of the copy the facts come from), and add "
                       "`verified:` with the day only if a person checked the facts against the live page",
                       (shown,))
    if kind == "extra_forbidden" and str(loc[-1]) in schema.DATED_FIELDS \
            and model_at(model, mloc[:-1]) is schema.UnannouncedPeriod:
        return problem("unannounced-dates", f"a period with `dates: unannounced` has no dates, but "
                       f"'{loc[-1]}' is given", "when Kela has published the period's dates, write "
                       "`start`, `end`, `registration` and `events` and set `dates: example`, `provisional` "
                       f"or `confirmed`; until then remove `{loc[-1]}:` and what is under it",
                       (str(loc[-1]),))
    if kind == "extra_forbidden" and str(loc[-1]) in schema.RENAMED_KEYS \
            and schema.RENAMED_KEYS[str(loc[-1])][0] in allowed_keys(model, mloc[:-1]):
        new, how = schema.RENAMED_KEYS[str(loc[-1])]
        return problem("renamed-key", f"the key '{loc[-1]}' has been renamed to '{new}'",
                       f"replace `{loc[-1]}: {shown}` with `{new}:`: {how}",
                       (loc[-1], new, str(err.get("input"))))
    if code == "extra_forbidden":
        allowed = allowed_keys(model, mloc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        if guess:
            return problem("unknown-key-guess", f"unknown key '{printable(loc[-1])}'",
                           f"did you mean '{guess[0]}'?", (printable(loc[-1]), guess[0]))
        return problem("extra_forbidden", f"unknown key '{printable(loc[-1])}'",
                       "allowed keys here: " + ", ".join(allowed), (printable(loc[-1]), ", ".join(allowed)))
    if code == "missing":
        # Point at the record that lacks the key, not at the file's first line.
        desc = field_description(model, mloc)
        return problem("missing", f"the key '{loc[-1]}' is missing",
                       f"add `{loc[-1]}:` ({desc})" if desc else f"add `{loc[-1]}:`", (loc[-1],), at=loc[:-1])
    if code == "not-keys":
        target = model_at(model, mloc)
        if isinstance(target, type) and issubclass(target, RootModel):
            # A one-line `place: Helsinki` where the text is needed in every language.
            name = str(loc[-1]) if loc else "text"
            return problem("text-needs-languages", f"'{name}' needs a text in each language, not one "
                           "value", f"write `{name}:` on its own line and under it, indented two more "
                           "spaces, `fi: …` and `sv: …`", (name,))
        return problem("not-keys", "indented keys with values belong here, not one value or a list",
                       "compare with the same place in a similar record of this file")
    if code == "not-list":
        return problem("not-list", "a list belongs here: each item on its own line starting with '- '",
                       f"write `- {shown}` on the next line, indented two more spaces", (shown,))
    if code == "not-text":
        return problem("not-text", "one text belongs here, not a list or indented keys",
                       "write the text on the same line as its key")
    if code == "literal_error":
        choices = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return problem("literal_error", f"'{shown}' is not one of the allowed values",
                       "write one of: " + choices, (shown, choices))
    if code == "pattern":
        return problem("pattern", f"'{shown}' is not in the expected form",
                       field_description(model, mloc) or "compare with a similar value in this file", (shown,))
    if code == "empty-list":
        return problem("empty-list", "the list is empty", "add at least one item (a line starting with '- ')")
    if code == "not-number":
        return problem("not-number", f"'{shown}' is not a whole number", "write digits only, e.g. 3",
                       (shown,))
    if code == "out-of-range":
        limit = next((str(v) for k, v in ctx.items() if k in ("le", "ge", "lt", "gt")), "")
        return problem("out-of-range", f"'{shown}' is out of range ({err['msg'].lower()})",
                       "", (shown, limit))
    if code == "wrong-type":
        return problem("wrong-type", "this value is of the wrong kind",
                       "compare with the same place in a similar record of this file")
    return problem(code if code != _VALUE else _VALUE, f"'{shown}' is not allowed here",
                   "compare with the same place in a similar record of this file", (shown,))


def _iso_date(value: str) -> str:
    found = _FI_DATE_RE.match(value)
    if not found:
        return ""
    day, month, year = (int(g) for g in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def dedupe(problems) -> list[Problem]:
    """One message per place: a bad key in {…} also empties its value; say it once."""
    seen, kept = set(), []
    for p in problems:
        if (p.file, p.line, p.column, p.key) not in seen:
            seen.add((p.file, p.line, p.column, p.key))
            kept.append(p)
    return kept


def merge_typos(problems: list[Problem]) -> list[Problem]:
    """A misspelt key is one mistake: 'unknown sumary' + 'missing summary' → one error."""
    suggested = {".".join([*p.key.split(".")[:-1], str(p.args[1])]).lstrip(".")
                 for p in problems if p.code in ("unknown-key-guess", "renamed-key")}
    return [p for p in problems if not (p.code == "missing" and p.key in suggested)]


def model_at(model, loc: tuple):
    """Follow a location path through the model classes; None when lost."""
    current = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        if part in schema.PERIOD_KINDS:  # the tag of the model that read this record
            current = schema.PERIOD_KINDS[part]
            continue
        if isinstance(current, type) and issubclass(current, RootModel):
            return None
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current


def _inner_model(annotation):
    """The BaseModel class inside `X | None`, `list[X]`, `dict[str, X]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def allowed_keys(model, loc: tuple) -> list[str]:
    target = model_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel) and not issubclass(target, RootModel):
        return list(target.model_fields)
    return []


def field_description(model, loc: tuple) -> str:
    target = model_at(model, loc[:-1])
    if isinstance(target, type) and issubclass(target, BaseModel):
        info = target.model_fields.get(str(loc[-1]))
        if info is not None and info.description:
            return info.description
    return ""
