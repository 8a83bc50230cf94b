"""Hand-written pages (content/<lang>/*.md) read from disk: their front matter and their body.

Only regular files inside the content folder are read, as for the data files (yaml_file.py): a
pipe or a device named `*.md` would hang the build, a link out of the folder could publish any
file the machine can read, and a page over the size limit is a mistake, not a page. The body is
handed to the check stage's Markdown checker (`BodyChecker`), which judges what the build makes
of it and finds its links.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from generator.load.yaml_file import MAX_BYTES, load_text
from generator.model import scalars, schema
from generator.model.document import Document
from generator.model.errors import DataError, Problem
from generator.model.printable import printable
from generator.model.project import ContentPage, PageLink

FRONT_MATTER_RE = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
BOM = "\ufeff"
MAX_DESCRIPTION = 300
"""Characters; search engines show about half of it, the rest is cut."""


Explain = Callable[[Any, Document, type], Problem]
"""validate's mapping of a pydantic error to a Problem at file:line:column."""


class BodyChecker(Protocol):
    """What the check stage does with a page's body (check/markdown_safety.py's Checker)."""

    def problems(self, shown: str, body: str, first_line: int) -> list[Problem]: ...

    def links(self, body: str, first_line: int) -> list[PageLink]: ...


def load_pages(content_dir: Path, languages: list[str], *, shown: Callable[[Path], str],
               explain: Explain, checker: Callable[[], BodyChecker]) -> tuple[list[ContentPage], list[Problem]]:
    """Every page of every language, and the problems found in them. `checker()` gives the body's
    checker, asked for once a page is read (setting one up costs time a run without pages saves)."""
    pages: list[ContentPage] = []
    problems: list[Problem] = []
    body_checker: BodyChecker | None = None
    for lang in languages:
        folder = content_dir / lang
        if not folder.is_dir():
            problems.append(Problem(shown(folder), 0, 0, f"the content folder for '{lang}' is missing",
                                    hint=f"create {shown(folder)}/ (it may be empty)", code="missing-folder",
                                    args=(lang,)))
            continue
        for path in sorted(folder.glob("*.md")):
            name = shown(path)
            # A FIFO would block the read forever, a directory cannot be read: neither is opened.
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except OSError:  # e.g. a symbolic link to nothing
                regular = False
            if not regular:
                problems.append(Problem(name, 0, 0, f"'{path.name}' is not a regular file",
                                        hint="a content folder may hold only Markdown pages: remove it, "
                                             "or rename it so that its name does not end in .md",
                                        code="not-a-file", args=(path.name,)))
                continue
            # As for the data files (yaml_file.py): a link out of the folder could publish any file the
            # machine can read, and a page larger than any real one is a mistake, not a page.
            real = path.resolve()
            if not real.is_relative_to(content_dir.resolve()):
                problems.append(Problem(name, 0, 0, f"the file is a link to {printable(str(real))}, "
                                        "outside the content folder",
                                        hint="put the page itself in the content folder instead of a "
                                             "link to it", code="content-link-outside",
                                        args=(printable(str(real)),)))
                continue
            size = path.stat().st_size
            if size > MAX_BYTES:
                problems.append(Problem(name, 0, 0, f"the file is {size} bytes; the limit is {MAX_BYTES}",
                                        hint="split it or remove what does not belong in it",
                                        code="file-too-large", args=(size, MAX_BYTES)))
                continue
            body_checker = body_checker or checker()
            page, found = _read_page(path, lang, name, explain, body_checker)
            problems += found
            if page is not None:
                pages.append(page)
    return pages, problems


def _read_page(path: Path, lang: str, shown: str, explain: Explain,
               checker: BodyChecker) -> tuple[ContentPage | None, list[Problem]]:
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None, [Problem(shown, 0, 0, "the file is not valid UTF-8 text",
                              hint="save it with UTF-8 encoding", code="not-utf8")]
    except OSError as exc:  # e.g. no permission to read it
        reason = exc.strerror or type(exc).__name__
        return None, [Problem(shown, 0, 0, f"the file cannot be read: {reason}",
                              hint="check that the file exists and that you may read it",
                              code="unreadable", args=(reason,))]
    # Some editors (Notepad) start UTF-8 files with a byte order mark: it is not part of the text.
    text = raw.removeprefix(BOM).replace("\r\n", "\n")
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return None, [Problem(shown, 1, 1, "the page has no front matter block",
                              hint="start the file with ---, the keys id, title and last_reviewed, "
                                   "and another ---", code="no-front-matter")]
    try:
        # Read below the opening `---` line, so every line the loader names (a duplicate key's
        # first occurrence, an indentation's sibling line) is the file's own line.
        doc = load_text("\n" + match[1], shown)
    except DataError as exc:
        return None, exc.problems
    try:
        meta = schema.PageMeta.model_validate(doc.data)
    except ValidationError as exc:
        return None, [explain(e, doc, schema.PageMeta) for e in exc.errors()]
    problems = []
    if meta.description and len(meta.description) > MAX_DESCRIPTION:
        line, column = doc.position(("description",))
        problems.append(Problem(shown, line, column,
                                f"the description is {len(meta.description)} characters long, more "
                                f"than {MAX_DESCRIPTION}",
                                key="description", hint="shorten it to one or two sentences: search "
                                                        "engines show about 150 characters",
                                code="description-too-long",
                                args=(len(meta.description), MAX_DESCRIPTION)))
    body = text[match.end():]
    problems += checker.problems(shown, body, match[0].count("\n") + 1)
    if not scalars.ID_RE.match(path.stem):
        problems.append(Problem(shown, 0, 0, f"the file name '{path.name}' cannot be a URL",
                                hint="rename it with lowercase a-z, digits and hyphens, e.g. "
                                     "tietosuoja.md", code="bad-slug", args=(path.name,)))
        return None, problems
    first = match[0].count("\n") + 1
    return ContentPage(lang, path.stem, shown, meta, body, checker.links(body, first), doc), problems
