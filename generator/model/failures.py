"""One line for each way a command can fail outside the data: a refused folder, a failed
file operation, a bug. The CLI's catch-all prints these instead of a traceback.

A disk-full error during MkDocs' build can arrive as a chain or tuple of errors many
kilobytes long; an editor needs one line saying which path and why, in their language.
"""

from __future__ import annotations

import errno
import os

from generator.model.guard import GuardError
from generator.model.messages import OS_WORDS, translate

# errno → the key of its reason in messages.OS_WORDS (others get the system's own words).
_REASONS = {errno.EACCES: "EACCES", errno.EPERM: "EACCES", errno.ENOSPC: "ENOSPC",
            errno.EDQUOT: "EDQUOT", errno.EROFS: "EROFS", errno.ENOENT: "ENOENT",
            errno.ENAMETOOLONG: "ENAMETOOLONG"}
MAX_PATH = 200  # a path longer than this is shortened in the message (the end names the file)


def _os_word(key: str, lang: str) -> str:
    words = OS_WORDS[key]
    return words.get(lang, words["en"])


def _short(path: object) -> str:
    from generator.model.printable import printable

    text = printable(os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path))
    return text if len(text) <= MAX_PATH else "…" + text[-MAX_PATH:]


def os_error_line(exc: OSError, lang: str) -> str:
    """`Could not write site/fi/index.html: the disk is full: …` as one line."""
    key = _REASONS.get(exc.errno or 0)
    reason = _os_word(key, lang) if key else (exc.strerror or type(exc).__name__)
    if exc.filename is None:
        return translate.outcome("os-error-no-path", lang, reason=reason)
    action = "write" if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS) else "access"
    return translate.outcome("os-error", lang, action=_os_word(action, lang), path=_short(exc.filename),
                             reason=reason)


def find_os_error(exc: BaseException) -> OSError | None:
    """The OSError behind `exc` (itself, its cause or context, or the first in its args),
    so that a wrapped disk-full error still gets its one line."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        item = todo.pop(0)
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, OSError) and item.errno is not None:
            return item
        todo += [e for e in (item.__cause__, item.__context__) if e is not None]
        todo += [a for a in item.args if isinstance(a, BaseException)]
        if isinstance(item, BaseExceptionGroup):
            todo += list(item.exceptions)
    return None


def guard_line(exc: GuardError, lang: str) -> str:
    values = {k: _short(v) for k, v in exc.values.items()}
    return translate.outcome(exc.key, lang, **values)


def internal_line(exc: BaseException, command: str, lang: str) -> str:
    error = _short(f"{type(exc).__name__}: {exc}")
    first = error.splitlines()[0] if error else type(exc).__name__
    return translate.outcome("internal-error", lang, command=command or "…", error=first)
