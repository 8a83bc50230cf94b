"""Read YAML strictly, keeping the position of every node.

Why not `yaml.safe_load`: PyYAML implements YAML 1.1, where `10:30` is the
number 630, `no` is `False`, `0123` is 83, a duplicate key silently replaces
the first one, and aliases can expand exponentially ("billion laughs"). Editors
cannot be expected to know any of that. So this loader:

* keeps every scalar a string (typing is the schema's job, with clear messages),
* refuses anchors, aliases and explicit tags (`!!python/object` is never built),
* refuses duplicate keys, citing both lines,
* refuses empty files, non-UTF-8 bytes, tabs in indentation and huge files,
* refuses control characters, reporting their line, column and code point (`U+0001`),
  and warns about invisible bidi and zero-width characters in values,
* reads only regular files inside the data folder: a pipe or device named `*.yaml` would
  block the build forever, and a link to a file elsewhere could publish any file the
  build machine can read (error messages quote the text they refuse),
* records the line and column of every key and value, so later stages can
  point at the exact place of a mistake.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.model.document import Document
from generator.model.errors import MAX_PER_FILE, WARNING, DataError, Problem, key_path, more_problems
from generator.model.printable import codepoint, first_invisible, is_control, printable

MAX_BYTES = 8 * 1024 * 1024
"""A data file larger than this is refused: no editor's file is that big (the shipped
services.yaml is ~50 KB; 50 times the catalogue, as the benchmark builds, is ~2.3 MB)."""

MAX_DEPTH = 40
"""Nesting deeper than this is refused (the schema never goes past ~8)."""

MAX_REPORTED = 20
"""At most this many control characters are listed: a binary file would list thousands."""

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""What YAML refuses in a file (C0/C1 controls, DEL, U+FFFE/U+FFFF) or reads as a line break
that no editor shows (U+0085, U+2028, U+2029: every line number after it would be off)."""

_CONTROL_HINT = ("delete it: go to this line and column and delete the invisible character, or the "
                 "escape such as \\x01 that writes it (it usually comes with text pasted from another "
                 "program)")


# libyaml's parser when PyYAML was built with it (about 5x faster), else the pure-Python one.
# Both are used the same way: as a stream of events, which this module turns into
# data itself, so anchors, aliases and tags are refused before anything is built.
_PARSER = yaml.CBaseLoader if getattr(yaml, "__with_libyaml__", False) else yaml.BaseLoader


class _Refused(Exception):
    def __init__(self, mark, message, hint, *, code, args=()):
        self.mark, self.message, self.hint, self.code, self.args_ = mark, message, hint, code, args


@dataclass
class _Source:
    """What building the data needs besides the events: the document and the text's lines
    (to find an invisible character's exact column), and the last scalar read (an unclosed
    quote shows up as an error only where the runaway text ends)."""

    doc: Document
    lines: list[str]
    problems: list[Problem] = field(default_factory=list)
    last_scalar: yaml.ScalarEvent | None = None
    hidden: dict[str, int] = field(default_factory=lambda: {"errors": 0, "warnings": 0})
    """Problems past MAX_PER_FILE, counted but not made (a file can hold a million)."""

    def has_room(self, *, warning: bool = False) -> bool:
        """Is there room for one more error (warning)? If not, it is counted instead."""
        if len(self.doc.warnings if warning else self.problems) < MAX_PER_FILE:
            return True
        self.hidden["warnings" if warning else "errors"] += 1
        return False


def load_text(text: str | bytes, path: str) -> Document:
    """Parse one YAML text; raise DataError with every problem found."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise _file_error(path, 0, 0, f"the file is {len(text)} bytes; the limit is {MAX_BYTES}",
                       "split it or remove what does not belong in it", code="file-too-large",
                       args=(len(text), MAX_BYTES))
        raw = text
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            raise _file_error(path, line, col, "the file is not valid UTF-8 text",
                       "save the file with UTF-8 encoding (the default in VS Code)",
                       code="not-utf8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise _file_error(path, 1, 1, "the file is empty", "restore its content from git", code="empty-file")
    controls = _control_characters(text, path)
    if controls:
        raise DataError(controls)
    tab = _tab_indentation(text)
    if tab:
        raise _file_error(path, tab, 1, "a tab character is used for indentation",
                   "indent with spaces only (two per level)", code="tab-indent")

    doc = Document(path=path, data=None)
    source = _Source(doc, text.split("\n"))
    try:
        doc.data = _document(_tracked(yaml.parse(text, Loader=_PARSER), source), source)
    except _Refused as exc:
        raise _file_error(path, exc.mark.line + 1, exc.mark.column + 1, exc.message, exc.hint,
                   code=exc.code, args=exc.args_) from None
    except yaml.MarkedYAMLError as exc:
        raise DataError([_syntax_problem(exc, source)]) from None
    except yaml.reader.ReaderError as exc:  # pragma: no cover - _control_characters finds these first
        line, col = _position_of(text, chr(exc.character))
        raise _file_error(path, line, col, f"the invisible control character {codepoint(chr(exc.character))} "
                   "is not allowed in data files", _CONTROL_HINT, code="control-char",
                   args=(codepoint(chr(exc.character)),)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors
        raise _file_error(path, 0, 0, f"YAML error: {printable(exc)}", "", code="yaml-syntax") from None
    if source.hidden["warnings"]:
        doc.warnings.append(more_problems(path, source.hidden["warnings"]))
    if source.problems:
        raise DataError(source.problems + ([more_problems(path, source.hidden["errors"])]
                                           if source.hidden["errors"] else []))
    node_line, node_col = doc.values.get((), (1, 1))
    if not isinstance(doc.data, dict):
        raise _file_error(path, node_line, node_col,
                   "the file must start with keys (a mapping), not a list or a single value",
                   "compare with another file in data/ of the same kind", code="not-mapping")
    return doc


def load_file(path: Path, shown_as: str, *, folder: Path | None = None) -> Document:
    """Read and parse a YAML file from disk.

    Only a regular file inside `folder` (default: the folder the path names) is read. A pipe
    (FIFO), device or socket named `*.yaml` is refused before it is opened: opening a pipe
    blocks until something writes to it, so the build would hang forever. A symbolic link is
    followed only when its target stays inside the folder: the site is built on CI and published
    to a CDN, and a link to `~/.ssh/…` or `/etc/…` would otherwise be read, and quoted in error
    messages, as if it were data.
    """
    path = Path(path)
    folder = Path(folder) if folder is not None else path.parent
    try:
        target = path.resolve()
        if not target.is_relative_to(folder.resolve()):
            raise _file_error(shown_as, 0, 0, f"the file is a link to {printable(target)}, outside the data "
                       "folder", "put the file itself in the data folder instead of a link to it",
                       code="link-outside", args=(printable(target),))
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _file_error(shown_as, 0, 0, "not a regular file (a folder, pipe or device has this name)",
                       "replace it with the data file itself, e.g. restore it from git",
                       code="not-regular-file")
        if info.st_size > MAX_BYTES:
            raise _file_error(shown_as, 0, 0, f"the file is {info.st_size} bytes; the limit is {MAX_BYTES}",
                       "split it or remove what does not belong in it", code="file-too-large",
                       args=(info.st_size, MAX_BYTES))
        raw = _read_regular(path)
    except OSError as exc:
        raise _file_error(shown_as, 0, 0, f"cannot read the file: {exc.strerror}", "", code="unreadable",
                   args=(exc.strerror,)) from None
    if raw is None:  # replaced by something else between the two looks
        raise _file_error(shown_as, 0, 0, "not a regular file (a folder, pipe or device has this name)",
                   "replace it with the data file itself, e.g. restore it from git",
                   code="not-regular-file")
    return load_text(raw, shown_as)


def _read_regular(path: Path) -> bytes | None:
    """The file's bytes (at most MAX_BYTES + 1), or None when it is not a regular file after all.

    O_NONBLOCK: should the name have become a pipe since it was looked at, opening it returns at
    once instead of waiting for a writer; the open file is checked again before it is read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _tracked(events, source: _Source):
    """The event stream, remembering the last scalar for `_syntax_problem`."""
    for event in events:
        if isinstance(event, yaml.ScalarEvent):
            source.last_scalar = event
        yield event


def _document(events, source: _Source):
    """Turn the event stream of one YAML document into plain data."""
    stream = iter(events)
    next(stream)  # StreamStart
    first = next(stream)
    if isinstance(first, yaml.StreamEndEvent):
        return None
    data = _value(stream, next(stream), (), source, 0)
    next(stream)  # DocumentEnd
    extra = next(stream)
    if not isinstance(extra, yaml.StreamEndEvent):
        raise _Refused(extra.start_mark, "the file holds more than one YAML document (---)",
                       "keep one document per file; remove the extra ---", code="yaml-multi")
    return data


def _value(stream, event, path: tuple, source: _Source, depth: int):
    """Build one value from its first event, recording its position."""
    doc = source.doc
    mark = event.start_mark
    doc.values[path] = (mark.line + 1, mark.column + 1)
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        raise _Refused(mark, "anchors and aliases (& and *) are not allowed",
                       "write the value out in full; repeating text is fine here", code="yaml-alias")
    if depth > MAX_DEPTH:
        raise _Refused(mark, f"nesting is deeper than {MAX_DEPTH} levels",
                       "the data never needs this; check the indentation", code="too-deep",
                       args=(MAX_DEPTH,))
    tag = getattr(event, "tag", None)
    if tag not in (None, "!") and tag not in _PLAIN_TAGS:
        raise _Refused(mark, f"the tag {printable(repr(tag))} is not allowed",
                       "remove the '!' tag; write plain values", code="yaml-tag")
    if isinstance(event, yaml.ScalarEvent):
        _inspect_scalar(event, path, source)
        _swallowed_item(event, path, source)
        return event.value
    if isinstance(event, yaml.SequenceStartEvent):
        items: list = []
        for item in stream:
            if isinstance(item, yaml.SequenceEndEvent):
                return items
            items.append(_value(stream, item, path + (len(items),), source, depth + 1))
    result: dict[str, object] = {}
    first_line: dict[str, int] = {}
    for key_event in stream:
        if isinstance(key_event, yaml.MappingEndEvent):
            return result
        key_mark = key_event.start_mark
        if not isinstance(key_event, yaml.ScalarEvent) or key_event.tag not in (None, "!", *_PLAIN_TAGS) \
                or key_event.anchor:
            raise _Refused(key_mark, "a key must be a plain word", "write keys like `name:`", code="bad-key")
        key = key_event.value
        value_event = next(stream)
        if key == "<<":
            raise _Refused(key_mark, "merge keys (<<) are not allowed", "write the keys out in full",
                           code="yaml-merge")
        if key in result:
            if source.has_room():
                source.problems.append(Problem(
                    doc.path, key_mark.line + 1, key_mark.column + 1,
                    f"the key '{printable(key)}' appears twice in the same block (first on line "
                    f"{first_line[key]})",
                    key=key_path(path + (key,)),
                    hint="keep one of them: YAML would silently drop the first", code="duplicate-key",
                    args=(printable(key), first_line[key])))
            _value(stream, value_event, path + (f"{key}#2",), source, depth + 1)
            continue
        first_line[key] = key_mark.line + 1
        doc.keys[path + (key,)] = (key_mark.line + 1, key_mark.column + 1)
        result[key] = _value(stream, value_event, path + (key,), source, depth + 1)
    return result


def _inspect_scalar(event, path: tuple, source: _Source) -> None:
    """Control characters written as escapes ("\\x01", "\\e") are errors like raw ones; bidi and
    zero-width characters are warnings here (the schema refuses them in ids and addresses)."""
    value = event.value
    if value.isprintable():  # the common case: nothing to look for
        return
    control = next((ch for ch in value if is_control(ch) or ch in "\u2028\u2029"), "")
    if control:
        line, col = _find_in_scalar(event, control, source.lines)
        if source.has_room():
            source.problems.append(Problem(
                source.doc.path, line, col,
                f"the invisible control character {codepoint(control)} is not allowed in data files",
                key=key_path(path), hint=_CONTROL_HINT, code="control-char", args=(codepoint(control),)))
        return
    invisible = first_invisible(value)
    if invisible:
        line, col = _find_in_scalar(event, invisible, source.lines)
        if source.has_room(warning=True):
            source.doc.warnings.append(Problem(
                source.doc.path, line, col,
                f"the text contains the invisible character {codepoint(invisible)}: '{_excerpt(value, invisible)}'",
                key=key_path(path), severity=WARNING, code="invisible-char",
                hint="delete it unless it is there on purpose: it is not shown, and bidirectional "
                     "controls (U+202A–U+202E, U+2066–U+2069) show the text around them in another order",
                args=(codepoint(invisible), _excerpt(value, invisible))))


def _swallowed_item(event, path: tuple, source: _Source) -> None:
    """A list item indented deeper than the item above it does not start a new item: YAML folds
    it into the value above ('a - b'), which the schema would then refuse as a strange value on
    the wrong line. Say what happened, at the line of the item that is indented too far."""
    start, end = event.start_mark, event.end_mark
    if event.style not in (None, "") or start.line == end.line:  # plain style: None, or "" from libyaml
        return
    above = source.lines[start.line] if start.line < len(source.lines) else ""
    dash = above.rfind("- ", 0, start.column + 1)
    if dash < 0 or above[:dash].strip():
        return  # the value is not itself a list item: a folded text, not a misplaced item
    for number in range(start.line + 1, min(end.line, len(source.lines) - 1) + 1):
        line = source.lines[number]
        text = line.lstrip(" ")
        if not (text.startswith("- ") or text == "-"):
            continue
        column = dash + 1
        indent = len(line) - len(text)
        source.problems.append(Problem(
            source.doc.path, number + 1, indent + 1,
            f"this list item is indented {indent} spaces, deeper than the item above it (line "
            f"{start.line + 1}), so it is read as part of that item's value",
            key=key_path(path), code="yaml-list-indent", args=(indent, start.line + 1, column),
            hint=f"start the '-' in column {column}, exactly below the '-' on line {start.line + 1}: "
                 "the items of one list start in the same column"))
        return


def _excerpt(value: str, char: str, around: int = 20) -> str:
    """The text near `char`, printable: enough to find it, not a whole paragraph."""
    index = value.index(char)
    start, end = max(0, index - around), index + around + 1
    return ("…" if start else "") + printable(value[start:end]) + ("…" if end < len(value) else "")


def _find_in_scalar(event, char: str, lines: list[str]) -> tuple[int, int]:
    """1-based line and column of `char` inside the scalar's source text; the scalar's start when
    the character is not there literally (written as an escape such as "\\u202E")."""
    start, end = event.start_mark, event.end_mark
    for number in range(start.line, min(end.line, len(lines) - 1) + 1):
        line = lines[number]
        first = start.column if number == start.line else 0
        last = end.column if number == end.line else len(line)
        found = line.find(char, first, last)
        if found >= 0:
            return number + 1, found + 1
    return start.line + 1, start.column + 1


def _control_characters(text: str, path: str) -> list[Problem]:
    """Every control character of the text (at most MAX_REPORTED), at the line and column an
    editor sees: lines end at "\\n" only, as in every editor."""
    problems = []
    for found in _CONTROL_RE.finditer(text):
        line, col = _line_column(text, found.start())
        char = codepoint(found[0])
        problems.append(Problem(path, line, col,
                                f"the invisible control character {char} is not allowed in data files",
                                hint=_CONTROL_HINT, code="control-char", args=(char,)))
        if len(problems) == MAX_REPORTED:
            break
    return problems


def _line_column(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _position_of(text: str, char: str) -> tuple[int, int]:
    index = text.find(char)
    return _line_column(text, index) if index >= 0 else (0, 0)


def _tab_indentation(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return number
    return 0


def _syntax_problem(exc: yaml.MarkedYAMLError, source: _Source) -> Problem:
    """A syntax error at the place to fix it.

    The parser reports where it gave up. For a quoted text or a { } / [ ] block that is never
    closed that is the end of the file (or wherever the runaway text happens to end), so the
    place where the scanner started reading it (its `context_mark`, "while scanning a quoted
    scalar") is shown instead. "while parsing a block mapping" marks the start of the whole
    block, often line 1: there the problem's own place is the better one."""
    problem = exc.problem or exc.context or "invalid YAML"
    context = exc.context or ""
    runaway = "end of stream" in problem or "document separator" in problem
    if context == "while scanning a quoted scalar" and exc.context_mark and runaway:
        return _unclosed_quote(source, exc.context_mark)
    last = source.last_scalar
    if (last is not None and getattr(last, "style", None) in ('"', "'") and exc.problem_mark
            and last.start_mark and last.end_mark
            and last.start_mark.line < last.end_mark.line == exc.problem_mark.line):
        # The quote opened on an earlier line was closed by the next quote, on this line.
        return _unclosed_quote(source, last.start_mark)
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and (runaway or context == "while scanning a simple key"
                             or context.startswith("while parsing a flow")):
        mark = exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    misplaced = _misindented(source.lines, line - 1) if line else None
    if misplaced is not None:
        indent, want, sibling = misplaced
        return Problem(source.doc.path, line, indent + 1,
                       f"this line is indented {indent} spaces, but the line it belongs with (line "
                       f"{sibling}) is indented {want}",
                       hint=f"start the line in column {want + 1}, in line with line {sibling} (or, if it "
                            "belongs to another block, in line with that block's keys)",
                       code="yaml-indent", args=(indent, want, sibling, want + 1))
    code, hint = _syntax_kind(problem)
    return Problem(source.doc.path, line, col, f"YAML syntax error: {problem}", hint=hint, code=code)


def _unclosed_quote(source: _Source, start) -> Problem:
    line = source.lines[start.line] if start.line < len(source.lines) else ""
    quote = line[start.column] if start.column < len(line) and line[start.column] in "\"'" else '"'
    return Problem(source.doc.path, start.line + 1, start.column + 1,
                   f"the text in quotes that starts here with {quote} is not closed on this line "
                   f"(YAML reads on until the next {quote})",
                   hint=f"add the closing {quote} at the end of the text on this line",
                   code="yaml-unclosed-quote", args=(quote,))


_SYNTAX_KINDS = (
    # (words of PyYAML's problem, code, hint): the code's Finnish and Swedish texts say the same
    # thing without PyYAML's own English.
    ("mapping values are not allowed", "yaml-colon",
     "a value containing ': ' needs quotes, or a key is indented wrongly"),
    ("could not find expected ':'", "yaml-missing-colon",
     "a line is missing ':' after its key, or a quoted text is not closed"),
    ("cannot start any token", "yaml-start-char", "quote the value, e.g. key: \"@text\""),
    ("escape", "yaml-escape", "in double quotes a backslash starts an escape: write \\\\ for one "
     "backslash, or use single quotes"),
    ("expected <block end>", "yaml-indent-block",
     "check the indentation: the keys of one block, and the items of one list, start in the same column"),
    ("did not find expected", "yaml-indent-block",
     "check the indentation: the keys of one block, and the items of one list, start in the same column"),
)


def _syntax_kind(problem: str) -> tuple[str, str]:
    for words, code, hint in _SYNTAX_KINDS:
        if words in problem:
            return code, hint
    return "yaml-syntax", "compare the line with a similar one above it; indentation and quotes are the " \
                          "usual causes"


def _misindented(lines: list[str], index: int) -> tuple[int, int, int] | None:
    """(indent, the indent it should have, that sibling's line) when the line at `index` is a key or
    a list item whose indentation matches none of the blocks above it but is within a few spaces
    of the nearest line of the same kind: the usual cause of "did not find expected key",
    "mapping values are not allowed" and "expected <block end>" in hand-edited YAML."""
    if index >= len(lines):
        return None
    line = lines[index]
    text = line.lstrip(" ")
    if not text or text.startswith("#"):
        return None
    indent = len(line) - len(text)
    item = text.startswith("- ") or text == "-"
    columns: list[tuple[int, int]] = []  # (indent of a key or item above, its line)
    for number in range(index - 1, max(-1, index - 40), -1):
        above = lines[number]
        body = above.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        at = len(above) - len(body)
        if item and body.startswith("-"):
            columns.append((at, number + 1))
        elif not item:
            if body.startswith("- "):
                columns.append((at + 2, number + 1))  # the first key of an item starts after '- '
            elif ":" in body:
                columns.append((at, number + 1))
        if at == 0:
            break
    if any(at == indent for at, _ in columns):
        return None  # it lines up with a block above: not an indentation mistake
    near = [(at, number) for at, number in columns if abs(at - indent) <= 3]
    if not near:
        return None
    want, sibling = near[0]  # the nearest line above of the same kind
    return indent, want, sibling


def _file_error(path, line, col, message, hint, *, code: str, args: tuple = ()) -> DataError:
    return DataError([Problem(path, line, col, message, hint=hint, code=code, args=args)])
