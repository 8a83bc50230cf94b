"""How problems are shown: text for editors, JSON and GitHub annotations for CI."""

from __future__ import annotations

import json

from .messages import translate
from .problems import Problem


def format_text(problems: list[Problem], lang: str = "en") -> str:
    """`file:line:column: error: message [key]` then an indented hint, then a count."""
    lines = []
    for p in problems:
        message, hint, label = translate(p, lang)
        where = f"{p.file}:{p.line}:{p.column}" if p.line else p.file
        key = f" [{p.key}]" if p.key else ""
        lines.append(f"{where}: {label}: {message}{key}")
        if hint:
            lines.append(f"    {translate.hint_label(lang)}: {hint}")
    lines.append(summary(problems, lang))
    return "\n".join(lines)


def summary(problems: list[Problem], lang: str = "en") -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return translate.summary(errors, warnings, lang)


def format_json(problems: list[Problem], lang: str = "en") -> str:
    items = []
    for p in problems:
        message, hint, _ = translate(p, lang)
        items.append({"file": p.file, "line": p.line, "column": p.column,
                      "severity": p.severity, "code": p.code, "key": p.key,
                      "message": message, "hint": hint})
    errors = sum(p.is_error for p in problems)
    return json.dumps({"errors": errors, "warnings": len(problems) - errors, "problems": items},
                      ensure_ascii=False, indent=2)


def format_github(problems: list[Problem], lang: str = "en") -> str:
    """Workflow commands that GitHub (and GitLab via problem matchers) turn into annotations."""
    out = []
    for p in problems:
        message, hint, _ = translate(p, lang)
        text = f"{message} ({hint})" if hint else message
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        level = "error" if p.is_error else "warning"
        out.append(f"::{level} file={p.file},line={max(p.line, 1)},col={max(p.column, 1)}::{text}")
    return "\n".join(out)


FORMATS = {"text": format_text, "json": format_json, "github": format_github}
