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
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .problems import DataError, Problem

MAX_BYTES = 1024 * 1024
"""A data file larger than this is refused: no real editor's file is that big."""

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


class _StrictLoader(yaml.BaseLoader):
    """A composer that refuses anchors, aliases and tags before building nodes."""

    def compose_node(self, parent, index):  # noqa: D102 (PyYAML hook)
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                event.start_mark,
                "anchors and aliases (& and *) are not allowed",
                "write the value out in full; repeating text is fine here",
                "yaml-alias",
            )
        return super().compose_node(parent, index)


class _Refused(Exception):
    def __init__(self, mark, message, hint, code):
        self.mark, self.message, self.hint, self.code = mark, message, hint, code


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

    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        raise _one(path, exc.mark.line + 1, exc.mark.column + 1, exc.message, exc.hint,
                   exc.code) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise _one(path, line, col, f"YAML syntax error: {problem}", _syntax_hint(problem),
                   "yaml-syntax") from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        raise _one(path, 0, 0, f"YAML error: {exc}", "", "yaml-syntax") from None
    finally:
        loader.dispose()

    doc = Document(path=path, data=None)
    problems: list[Problem] = []
    doc.data = _build(node, (), doc, problems, 0)
    if problems:
        raise DataError(problems)
    if not isinstance(doc.data, dict):
        raise _one(path, node.start_mark.line + 1, node.start_mark.column + 1,
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


def _build(node, path: tuple, doc: Document, problems: list[Problem], depth: int):
    """Turn a composed node into plain data, recording positions as it goes."""
    doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > MAX_DEPTH:
        problems.append(_problem(doc.path, node.start_mark, f"nesting is deeper than {MAX_DEPTH} levels",
                                 "the data never needs this; check the indentation", "too-deep"))
        return None
    if node.tag not in _PLAIN_TAGS:
        problems.append(_problem(doc.path, node.start_mark, f"the tag {node.tag!r} is not allowed",
                                 "remove the '!' tag; write plain values", "yaml-tag"))
        return None
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, SequenceNode):
        return [_build(item, path + (i,), doc, problems, depth + 1)
                for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, object] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
            problems.append(_problem(doc.path, key_node.start_mark, "a key must be a plain word",
                                     "write keys like `name:`", "bad-key"))
            continue
        key = key_node.value
        if key == "<<":
            problems.append(_problem(doc.path, key_node.start_mark, "merge keys (<<) are not allowed",
                                     "write the keys out in full", "yaml-merge"))
            continue
        if key in result:
            problems.append(_problem(
                doc.path, key_node.start_mark,
                f"the key '{key}' appears twice in the same block (first on line {first_line[key]})",
                "keep one of them: YAML would silently drop the first", "duplicate-key",
                (key, first_line[key])))
            continue
        first_line[key] = key_node.start_mark.line + 1
        doc.keys[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = _build(value_node, path + (key,), doc, problems, depth + 1)
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


def _problem(path, mark, message, hint, code, args=()):
    return Problem(path, mark.line + 1, mark.column + 1, message, hint=hint, code=code, args=args)


def _one(path, line, col, message, hint, code) -> DataError:
    return DataError([Problem(path, line, col, message, hint=hint, code=code)])
