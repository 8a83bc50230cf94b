"""The `{placeholders}` of data/strings.yaml: each text may use only those its code fills in.

The generator fills a string's placeholders with `str.format` (`title-period` gets `{id}`,
`format-date` any of `{d}`, `{m}`, `{y}`, `{dd}`, `{mm}`); `overrides/assets/kg.js` fills
`format-date` again in the reader's browser. A placeholder the code does not fill (`{idx}`)
would stop the build with a KeyError, and a translation without `{id}` would silently drop
the period's number. So `check` compares every text with this table, which
tests/test_safety.py keeps in step with the templates and the Python code that call
`.format`.
"""

from __future__ import annotations

import string
from collections.abc import Iterator

# key → the names its caller passes to str.format. A key not listed is never formatted: it may
# hold no placeholder at all (the braces would be shown as they are).
FILLED: dict[str, frozenset[str]] = {
    "format-date": frozenset({"d", "m", "y", "dd", "mm"}),
    "format-time": frozenset({"H", "HH", "MM"}),
    "title-period": frozenset({"id"}),
    "calendar-period": frozenset({"id"}),
    "period-goal": frozenset({"date"}),
    "months-range": frozenset({"min", "max"}),
    "months-at-least": frozenset({"min"}),
    "a11y-lead": frozenset({"site", "org"}),
    "a11y-prepared-text": frozenset({"prepared", "reviewed", "method"}),
    # The planner (overrides/assets/planner.js, its strings in planner.py) and the timeline (timeline.py):
    "format-month": frozenset({"month", "y"}),
    "planner-add-calendar": frozenset({"period"}),
    "planner-last-day": frozenset({"date"}),
    "planner-lead-months": frozenset({"date", "months"}),
    "planner-lead-months-one": frozenset({"date"}),
    "planner-period-name": frozenset({"id"}),
    "online-and-place": frozenset({"place"}),
    "planner-nojs-rule-4": frozenset({"certified", "uncertified"}),
    "planner-nojs-table": frozenset({"asof"}),
    "planner-period": frozenset({"period", "start", "end"}),
    "planner-plan-date": frozenset({"date"}),
    "planner-too-early": frozenset({"month", "target"}),
    "planner-window": frozenset({"opens", "closes"}),
    "timeline-today-at": frozenset({"date"}),
}
# Formats: each language picks what it shows (fi 5.1.2026, another language 2026-01-05), so
# the languages need not use the same placeholders; every other text says the same thing in
# every language and must carry every value its code fills in (so the languages agree).
FREE_CHOICE = frozenset({"format-date", "format-time"})


class PlaceholderError(ValueError):
    pass


def fields(text: str) -> Iterator[str]:
    """The placeholder names of `text` in order; PlaceholderError for a brace `str.format`
    cannot read, or a field that is not a plain name (`{}`, `{0}`, `{id.x}`, `{id!r}`, `{id:>5}`)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise PlaceholderError(str(exc)) from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or not name.isascii() or spec or conversion:
            raise PlaceholderError(f"{{{name}{'!' + conversion if conversion else ''}"
                                   f"{':' + spec if spec else ''}}}")
        yield name


def problems(strings: dict[str, dict[str, str]]) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    """(key, lang, code, args) for every text whose placeholders its code cannot fill."""
    for key, texts in strings.items():
        allowed = FILLED.get(key, frozenset())
        used: dict[str, set[str]] = {}
        for lang, text in texts.items():
            try:
                names = set(fields(text))
            except PlaceholderError as exc:
                if key in FILLED:  # a text that is never formatted shows its braces as they are
                    yield key, lang, "placeholder-syntax", (str(exc),)
                continue
            used[lang] = names
            for name in sorted(names - allowed):
                expected = ", ".join(f"{{{n}}}" for n in sorted(allowed)) if allowed else ""
                yield key, lang, "placeholder-unknown", (f"{{{name}}}", expected)
        if key in FREE_CHOICE:
            continue
        for lang, names in used.items():
            for name in sorted(allowed - names):
                yield key, lang, "placeholder-missing", (f"{{{name}}}",)
