"""How problems are shown: text for editors, JSON and GitHub annotations for CI.

Everything quoted from the editors' files (a file name, a value, a key) can hold a newline, an
escape sequence or a bidi override. Text output shows such characters as `<U+000A>` (see
`printable`), so one problem is always one line and nothing can fake another report line; the
GitHub format escapes them as GitHub documents, so nothing can fake another workflow command.
"""

from __future__ import annotations

import json

from generator.model.errors import Problem
from generator.model.messages import TEXTS, say, translate
from generator.model.printable import printable


def format_text(problems: list[Problem], lang: str = "en") -> str:
    """`file:line:column: error: message [key]` then an indented hint, then a count."""
    lines = []
    for p in problems:
        message, hint, label = translate(p, lang)
        file = printable(p.file)
        where = f"{file}:{p.line}:{p.column}" if p.line else file
        key = f" [{printable(p.key)}]" if p.key else ""
        lines.append(f"{where}: {label}: {printable(message)}{key}")
        if hint:
            lines.append(f"    {translate.hint_label(lang)}: {printable(hint)}")
    lines.append(summary(problems, lang))
    return "\n".join(lines)


def summary(problems: list[Problem], lang: str = "en") -> str:
    errors = sum(p.is_error for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)  # notes (checks still to come) not counted
    return translate.summary(errors, warnings, lang)


def format_blockers(problems: list[Problem], lang: str = "en") -> str:
    """The end of `check --strict`'s report: every kind of problem that blocks publishing, once, with
    the places it is found (file:line) and how to clear it; or that nothing does."""
    if not problems:
        return say("blockers-none", lang)
    groups: dict[str, list[Problem]] = {}
    for p in problems:
        groups.setdefault(p.code or p.message, []).append(p)
    lines = [say("blockers-head", lang, n=len(groups))]
    for number, (code, group) in enumerate(groups.items(), 1):
        message, hint, _ = translate(group[0], lang)
        title = say(f"blocker-{code}", lang) if f"blocker-{code}" in TEXTS else message
        files: dict[str, list[str]] = {}
        for p in group:
            files.setdefault(printable(p.file), []).extend([str(p.line)] if p.line else [])
        places = "; ".join(f"{file}:{', '.join(found)}" if found else file for file, found in files.items())
        lines.append(f"{number}. {printable(title)} ({places})")
        if hint:
            lines.append(f"   {translate.hint_label(lang)}: {printable(hint)}")
    return "\n".join(lines)


def format_json(problems: list[Problem], lang: str = "en") -> str:
    """`file` and `key` exactly as they are (a tool opens the file); messages printable."""
    items = []
    for p in problems:
        message, hint, _ = translate(p, lang)
        items.append({"file": p.file, "line": p.line, "column": p.column,
                      "severity": p.severity, "code": p.code, "key": p.key,
                      "message": printable(message), "hint": printable(hint)})
    errors = sum(p.is_error for p in problems)
    return json.dumps({"errors": errors, "warnings": len(problems) - errors, "problems": items},
                      ensure_ascii=False, indent=2)


def format_github(problems: list[Problem], lang: str = "en") -> str:
    """Workflow commands that GitHub (and GitLab via problem matchers) turn into annotations."""
    out = []
    for p in problems:
        message, hint, _ = translate(p, lang)
        text = f"{message} ({hint})" if hint else message
        level = {"error": "error", "warning": "warning"}.get(p.severity, "notice")
        out.append(f"::{level} file={_property(p.file)},line={max(p.line, 1)},"
                   f"col={max(p.column, 1)}::{_escape_workflow_data(printable(text))}")
    return "\n".join(out)


def _escape_workflow_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner reads it (actions/toolkit
    `escapeData`): a raw newline would end the command and start another one."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property value (file=, line=, col=, title=), escaped as GitHub's runner reads it
    (actions/toolkit `escapeProperty`): also ':' and ',', which end a value. The runner decodes
    these five, so the annotation still names the real file; any other hidden character (which no
    real file name in the repository has) is shown as `<U+XXXX>`."""
    escaped = _escape_workflow_data(text).replace(":", "%3A").replace(",", "%2C")
    return printable(escaped)


FORMATS = {"text": format_text, "json": format_json, "github": format_github}
