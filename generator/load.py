"""Stage 1: read YAML strictly, keeping the position of every node.

Why not `yaml.safe_load`: PyYAML implements YAML 1.1, where `10:30` is the
number 630, `no` is `False`, `0123` is 83, a duplicate key silently replaces
the first one, and aliases can expand exponentially ("billion laughs"). Editors
cannot be expected to know any of that. So this loader:

* keeps every scalar a string (typing is the schema's job, with clear messages),
* refuses anchors, aliases and explicit tags (`!!python/object` is never built),
* refuses duplicate keys, citing both lines,
* refuses empty files, non-UTF-8 bytes, tabs in indentation and huge files,
* records the line and column of every key and value, so later stages can
  point at the exact place of a mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import DataError, Problem

MAX_BYTES = 8 * 1024 * 1024
"""A data file larger than this is refused: no editor's file is that big (the shipped
services.yaml is ~50 KB; 50 times the catalogue, as the benchmark builds, is ~2.3 MB)."""

MAX_DEPTH = 40
"""Nesting deeper than this is refused (the schema never goes past ~8)."""

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass
class Document:
    """One loaded YAML file: plain data plus the position of every node."""

    path: str
    """The file's path as shown to editors."""
    data: object
    """Nested dicts, lists and strings only."""
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    """(key path) → (line, column) of the value, 1-based."""
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    """(key path) → (line, column) of the mapping key naming that value."""

    def position(self, path: tuple, *, at_key: bool = False) -> tuple[int, int]:
        """The best known position for a path: its own, or its nearest parent's."""
        path = tuple(path)
        while True:
            table = self.keys if at_key and path in self.keys else self.values
            if path in table:
                return table[path]
            if not path:
                return (1, 1)
            path = path[:-1]


# libyaml's parser when PyYAML was built with it (about 5x faster), else the pure-Python one.
# Both are used the same way: as a stream of events, which this module turns into
# data itself, so anchors, aliases and tags are refused before anything is built.
_PARSER = yaml.CBaseLoader if getattr(yaml, "__with_libyaml__", False) else yaml.BaseLoader


class _Refused(Exception):
    def __init__(self, mark, message, hint, code, args=()):
        self.mark, self.message, self.hint, self.code, self.args_ = mark, message, hint, code, args


def load_text(text: str | bytes, path: str) -> Document:
    """Parse one YAML text; raise DataError with every problem found."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise _one(path, 0, 0, f"the file is {len(text)} bytes; the limit is {MAX_BYTES}",
                       "split it or remove what does not belong in it", "file-too-large")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = text[: exc.start].count(b"\n") + 1
            col = exc.start - (text.rfind(b"\n", 0, exc.start) + 1) + 1
            raise _one(path, line, col, "the file is not valid UTF-8 text",
                       "save the file with UTF-8 encoding (the default in VS Code)",
                       "not-utf8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise _one(path, 1, 1, "the file is empty", "restore its content from git", "empty-file")
    tab = _tab_indentation(text)
    if tab:
        raise _one(path, tab, 1, "a tab character is used for indentation",
                   "indent with spaces only (two per level)", "tab-indent")

    doc = Document(path=path, data=None)
    problems: list[Problem] = []
    try:
        events = yaml.parse(text, Loader=_PARSER)
        doc.data = _document(events, doc, problems)
    except _Refused as exc:
        raise _one(path, exc.mark.line + 1, exc.mark.column + 1, exc.message, exc.hint,
                   exc.code) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise _one(path, line, col, f"YAML syntax error: {problem}", _syntax_hint(problem),
                   "yaml-syntax") from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors
        raise _one(path, 0, 0, f"YAML error: {exc}", "", "yaml-syntax") from None
    if problems:
        raise DataError(problems)
    node_line, node_col = doc.values.get((), (1, 1))
    if not isinstance(doc.data, dict):
        raise _one(path, node_line, node_col,
                   "the file must start with keys (a mapping), not a list or a single value",
                   "compare with another file in data/ of the same kind", "not-mapping")
    return doc


def load_file(path: Path, shown_as: str) -> Document:
    """Read and parse a YAML file from disk."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _one(shown_as, 0, 0, f"the file is {size} bytes; the limit is {MAX_BYTES}",
                       "split it or remove what does not belong in it", "file-too-large")
        raw = path.read_bytes()
    except OSError as exc:
        raise _one(shown_as, 0, 0, f"cannot read the file: {exc.strerror}", "", "unreadable") from None
    return load_text(raw, shown_as)


def _document(events, doc: Document, problems: list[Problem]):
    """Turn the event stream of one YAML document into plain data."""
    stream = iter(events)
    next(stream)  # StreamStart
    first = next(stream)
    if isinstance(first, yaml.StreamEndEvent):
        return None
    data = _value(stream, next(stream), (), doc, problems, 0)
    next(stream)  # DocumentEnd
    extra = next(stream)
    if not isinstance(extra, yaml.StreamEndEvent):
        raise _Refused(extra.start_mark, "the file holds more than one YAML document (---)",
                       "keep one document per file; remove the extra ---", "yaml-multi")
    return data


def _value(stream, event, path: tuple, doc: Document, problems: list[Problem], depth: int):
    """Build one value from its first event, recording its position."""
    mark = event.start_mark
    doc.values[path] = (mark.line + 1, mark.column + 1)
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        raise _Refused(mark, "anchors and aliases (& and *) are not allowed",
                       "write the value out in full; repeating text is fine here", "yaml-alias")
    if depth > MAX_DEPTH:
        raise _Refused(mark, f"nesting is deeper than {MAX_DEPTH} levels",
                       "the data never needs this; check the indentation", "too-deep")
    tag = getattr(event, "tag", None)
    if tag not in (None, "!") and tag not in _PLAIN_TAGS:
        raise _Refused(mark, f"the tag {tag!r} is not allowed", "remove the '!' tag; write plain values",
                       "yaml-tag")
    if isinstance(event, yaml.ScalarEvent):
        return event.value
    if isinstance(event, yaml.SequenceStartEvent):
        items = []
        for item in stream:
            if isinstance(item, yaml.SequenceEndEvent):
                return items
            items.append(_value(stream, item, path + (len(items),), doc, problems, depth + 1))
    result: dict[str, object] = {}
    first_line: dict[str, int] = {}
    for key_event in stream:
        if isinstance(key_event, yaml.MappingEndEvent):
            return result
        key_mark = key_event.start_mark
        if not isinstance(key_event, yaml.ScalarEvent) or key_event.tag not in (None, "!", *_PLAIN_TAGS) \
                or key_event.anchor:
            raise _Refused(key_mark, "a key must be a plain word", "write keys like `name:`", "bad-key")
        key = key_event.value
        value_event = next(stream)
        if key == "<<":
            raise _Refused(key_mark, "merge keys (<<) are not allowed", "write the keys out in full",
                           "yaml-merge")
        if key in result:
            problems.append(Problem(
                doc.path, key_mark.line + 1, key_mark.column + 1,
                f"the key '{key}' appears twice in the same block (first on line {first_line[key]})",
                key=".".join(str(p) for p in path + (key,)),
                hint="keep one of them: YAML would silently drop the first", code="duplicate-key",
                args=(key, first_line[key])))
            _value(stream, value_event, path + (f"{key}#2",), doc, problems, depth + 1)
            continue
        first_line[key] = key_mark.line + 1
        doc.keys[path + (key,)] = (key_mark.line + 1, key_mark.column + 1)
        result[key] = _value(stream, value_event, path + (key,), doc, problems, depth + 1)
    return result


def _tab_indentation(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return number
    return 0


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' needs quotes, or a key is indented wrongly"
    if "could not find expected ':'" in problem:
        return "a line is missing ':' after its key, or a quoted text is not closed"
    if "found character" in problem and "cannot start any token" in problem:
        return "quote the value, e.g. key: \"@text\""
    if "expected <block end>" in problem:
        return "check the indentation: items of one list or block must line up"
    return "compare the line with a similar one above it; indentation and quotes are the usual causes"


def _one(path, line, col, message, hint, code) -> DataError:
    return DataError([Problem(path, line, col, message, hint=hint, code=code)])
