"""Characters an editor cannot see, and how messages show them.

A value quoted in a message can hold a newline (which would fake another report line or
another GitHub workflow command), an escape sequence that recolours the terminal, or a
bidirectional override (U+202E) that shows the rest of the line backwards. `printable()` is
the one helper every message that quotes a value goes through: such characters are shown as
their code point, `<U+202E>`, which is also what an editor needs to find and delete them.
"""

from __future__ import annotations

import re

BIDI = frozenset("\u061c\u200e\u200f") | frozenset(map(chr, range(0x202A, 0x202F))) \
    | frozenset(map(chr, range(0x2066, 0x206A)))
"""Bidirectional marks, embeddings, overrides and isolates ("Trojan Source", CVE-2021-42574):
they reorder how the text around them is displayed, so a page or a review shows other text than
the file holds."""

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
"""Zero-width space, non-joiner, joiner, word joiner and no-break space (BOM): invisible, they
make two identical-looking names or addresses differ."""

INVISIBLE = BIDI | ZERO_WIDTH
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")


def codepoint(char: str) -> str:
    """`U+202E` for one character."""
    return f"U+{ord(char):04X}"


def is_control(char: str) -> bool:
    """A C0 or C1 control character other than tab and line breaks, or DEL.

    YAML itself refuses these (and reads U+0085 as a line break, which would shift every line
    number after it); XML feeds and calendars cannot hold them either."""
    code = ord(char)
    return (code < 0x20 and char not in "\t\n\r") or 0x7F <= code <= 0x9F


def hidden(char: str) -> bool:
    """Not safe to print as it is: Unicode's "Other" and "Separator" classes except the space
    (controls, format characters such as the bidi and zero-width ones, line and paragraph
    separators, no-break spaces, unassigned code points)."""
    return not char.isprintable()


def printable(value: object) -> str:
    """The value as text with every hidden character shown as `<U+XXXX>`."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(f"<{codepoint(ch)}>" if hidden(ch) else ch for ch in text)


def first_invisible(text: str) -> str:
    """The first bidi or zero-width character in `text`, or ''."""
    found = _INVISIBLE_RE.search(text)
    return found.group() if found else ""
