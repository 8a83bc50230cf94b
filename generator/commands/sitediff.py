"""What an edit changes for readers (`diff`): two builds of the site compared, as Markdown.

The base version's data and pages come out of git (`git archive` of one commit into a temporary
folder); the generator of this checkout builds both it and the working copy, so only the content
differs. Each built page is read as words: its `<article>` (the header, menus and footer are the same
on every page) through the standard library's `HTMLParser`, one line per paragraph, heading, list
item or table row, and the two versions are compared with `difflib`. Pages whose bytes are equal are
not parsed at all. Calendars and feeds are compared as files, moved addresses from `_redirects`.
Both builds go to a temporary folder: `site/` and `build/` are never touched.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import io
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from babel import Locale

from generator.build.engine import Engine
from generator.commands.pipeline import build_site
from generator.model.errors import BuildError, DataError
from generator.model.manifest import EXCLUDED_PARTS
from generator.model.messages import say

DEFAULT_BASES = ("origin/main", "main")
"""Tried in this order when no base is given: the shared branch as last fetched, then the local one."""
REPORT_STAMP = "<!-- kanta-guide: make diff -->"
"""The report's first line (invisible in GitHub's summary): `--out` replaces only such a file."""
MAX_LINES = 200
"""Diff lines shown per page; the rest is counted."""
MAX_DIFF_CHARS = 600_000
"""The pages' diffs shown in one report: a GitHub job summary holds 1 MiB. Later pages are listed
without theirs."""
FEED_SUFFIXES = (".ics", ".atom", ".json")


class DiffError(Exception):
    """The comparison could not start: `code` is a catalogue text, `values` fill it in."""

    def __init__(self, code: str, **values: str):
        super().__init__(code)
        self.code = code
        self.values = values


# ---------------------------------------------------------------------------
# The base version, out of git
# ---------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


def resolve_base(repo: Path, ref: str | None) -> tuple[str, str]:
    """(the name given or chosen, its commit) of the version to compare with."""
    if _git(repo, "rev-parse", "--show-toplevel").returncode != 0:
        raise DiffError("diff-not-git", data=str(repo))
    candidates = DEFAULT_BASES if ref is None else (ref,)
    for name in candidates:
        if name.startswith("-"):  # never an option of git's
            break
        found = _git(repo, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
        if found.returncode == 0:
            return name, found.stdout.decode("ascii").strip()
    if ref is None:
        raise DiffError("diff-no-base", first=DEFAULT_BASES[0], second=DEFAULT_BASES[1])
    raise DiffError("diff-bad-base", base=ref)


def export(repo: Path, commit: str, paths: list[str], dest: Path) -> None:
    """The folders `paths` (relative to the repository's top) of `commit`, written under dest."""
    run = _git(repo, "archive", "--format=tar", commit, "--", *paths)
    if run.returncode != 0:
        raise DiffError("diff-base-missing", base=commit[:12], paths=", ".join(f"{p}/" for p in paths))
    with tarfile.open(fileobj=io.BytesIO(run.stdout)) as archive:
        archive.extractall(dest, filter="data")  # no links out, no absolute paths, no devices


# ---------------------------------------------------------------------------
# A page's words
# ---------------------------------------------------------------------------

_BLOCKS = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
           "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "label", "legend",
           "main", "nav", "ol", "option", "p", "pre", "section", "select", "summary", "table", "tbody",
           "tfoot", "thead", "ul"}
_HIDDEN = {"script", "style", "template"}
_EXTERNAL = ("http://", "https://", "mailto:", "tel:")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Words(HTMLParser):
    """The text of one element (`scope`: the first article, main or body) as lines a reader reads:
    `# heading`, `- list item`, `cell | cell`, paragraphs; an outside link's address follows its
    words as `<https://…>`, since where a link goes is part of what it says. Of an SVG only its
    title and description (the text alternative) count."""

    def __init__(self, scope: str):
        super().__init__(convert_charrefs=True)
        self.scope = scope
        self.found = False
        self.depth = 0  # nesting of `scope` elements
        self.hidden = 0  # inside script, style or template
        self.svg = 0
        self.svg_text = 0  # inside an SVG's title or desc
        self.lists = 0
        self.lines: list[str] = []
        self.words: list[str] = []
        self.prefix = ""
        self.cells: list[str] | None = None  # the table row being read
        self.links: list[str | None] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.words).split())
        if text:
            self.lines.append(self.prefix + text)
        self.words, self.prefix = [], ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.scope and (self.depth or not self.found):
            self.found = True
            self.depth += 1
        elif not self.depth:
            return
        elif tag in _HIDDEN:
            self.hidden += 1
        elif tag == "svg":
            self.svg += 1
        elif self.svg:
            if tag in ("title", "desc"):
                self._flush()
                self.svg_text += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href if href.startswith(_EXTERNAL) else None)
        elif tag == "tr":
            self._flush()
            self.cells = []
        elif tag in ("td", "th"):
            self.cells = [] if self.cells is None else self.cells
            self.words = []
        elif self.cells is not None:
            pass  # a paragraph or list inside a table cell stays in its cell
        elif tag in _HEADINGS:
            self._flush()
            self.prefix = "#" * int(tag[1]) + " "
        elif tag == "li":
            self._flush()
            self.prefix = "  " * max(self.lists - 1, 0) + "- "
        elif tag in _BLOCKS:
            self._flush()
            if tag in ("ul", "ol"):
                self.lists += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag == self.scope:
            self.depth -= 1
            if not self.depth:
                self._flush()
        elif tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag == "svg":
            self.svg = max(self.svg - 1, 0)
        elif self.svg:
            if tag in ("title", "desc") and self.svg_text:
                self._flush()
                self.svg_text -= 1
        elif tag == "a":
            href = self.links.pop() if self.links else None
            if href and not self.hidden:
                self.words.append(f" <{href}>")
        elif tag in ("td", "th"):
            if self.cells is not None:
                self.cells.append(" ".join("".join(self.words).split()))
            self.words = []
        elif tag in ("tr", "table"):
            if self.cells:
                self.lines.append(" | ".join(self.cells))
            self.cells = None if tag == "table" else []
            self.words = []
        elif self.cells is not None:
            pass
        elif tag in _HEADINGS or tag == "li" or tag in _BLOCKS:
            self._flush()
            if tag in ("ul", "ol") and self.lists:
                self.lists -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden and (not self.svg or self.svg_text):
            self.words.append(data)


def page_words(markup: str) -> list[str]:
    """A built page's reader-visible text, one line per block: its article (a MkDocs page), else
    its main or body (the pages the generator writes itself)."""
    for scope in ("article", "main", "body"):
        parser = _Words(scope)
        parser.feed(markup)
        parser.close()
        if parser.found:
            parser._flush()
            return parser.lines
    return []


# ---------------------------------------------------------------------------
# Two builds compared
# ---------------------------------------------------------------------------


@dataclass
class Built:
    """One built site as the comparison sees it (addresses without the site's base path)."""

    root: Path
    pages: dict[str, Path]
    """Address (/fi/palvelut/x/, /fi/404.html) → its HTML file; pages at old addresses left out."""
    feeds: dict[str, Path]
    """Address of each calendar, Atom feed and JSON file → the file."""
    redirects: dict[str, str]
    """Old address → new one (the 301 lines of `_redirects`)."""

    @classmethod
    def read(cls, root: Path, languages: list[str]) -> Built:
        redirects: dict[str, str] = {}
        base = ""
        lines = (root / "_redirects").read_text(encoding="utf-8").splitlines() \
            if (root / "_redirects").is_file() else []
        for line in lines:
            fields = line.split()
            for lang in languages:  # `<base>/<lang>/* <base>/<lang>/404.html 404` gives the base path
                if len(fields) == 3 and fields[0].endswith(f"/{lang}/*"):
                    base = fields[0][: -len(f"/{lang}/*")]
        for line in lines:
            fields = line.split()
            if len(fields) == 3 and fields[2] == "301":
                redirects[fields[0].removeprefix(base)] = fields[1].removeprefix(base)
        pages: dict[str, Path] = {}
        feeds: dict[str, Path] = {}
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root).as_posix()
            parts = rel.split("/")
            if not path.is_file() or parts[0].startswith("_") or EXCLUDED_PARTS & set(parts[:-1]):
                continue
            if rel.endswith(".html"):
                address = "/" + rel.removesuffix("index.html")
                if address not in redirects:
                    pages[address] = path
            elif rel.endswith(FEED_SUFFIXES):
                feeds["/" + rel] = path
        return cls(root, pages, feeds, redirects)


@dataclass
class PageChange:
    address: str
    title: str
    lines: list[str] = field(default_factory=list)
    """The unified diff of the page's words (without the file headers)."""
    old_address: str | None = None


@dataclass
class Section:
    """What changed for the readers of one language (`lang` None: the files of every language)."""

    lang: str | None
    changed: list[PageChange] = field(default_factory=list)
    added: list[PageChange] = field(default_factory=list)
    removed: list[PageChange] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    """Redirects of the base that the new version no longer has (old, new)."""
    feeds: list[tuple[str, str]] = field(default_factory=list)
    """(address, "changed" | "added" | "removed")."""

    def empty(self) -> bool:
        return not (self.changed or self.added or self.removed or self.moved or self.dropped or self.feeds)


def _title(lines: list[str], address: str) -> str:
    return next((line[2:] for line in lines if line.startswith("# ")), address)


def _words_of(path: Path) -> list[str]:
    return page_words(path.read_text(encoding="utf-8", errors="replace"))


def _marked(old: str, new: str) -> tuple[str, str]:
    """A paragraph and its new version with the words that differ marked as git's word diff does:
    `[-removed-]` in the old line, `{+added+}` in the new one."""
    a, b = old.split(" "), new.split(" ")
    left: list[str] = []
    right: list[str] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    if not any(op == "equal" for op, *_ in opcodes):
        return old, new  # nothing in common: marking every word would only add noise
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            left += a[i1:i2]
            right += b[j1:j2]
            continue
        if i2 > i1:
            left.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            right.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(left), " ".join(right)


def _unified(old: list[str], new: list[str]) -> list[str]:
    """The words' diff: `- ` old lines, `+ ` new ones, two-space context, `…` between the places;
    a paragraph that was edited (as many old lines as new, half alike or more) has its words marked."""
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for n, group in enumerate(matcher.get_grouped_opcodes(1)):
        if n:
            out.append("  …")
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                out += ["  " + line for line in old[i1:i2]]
                continue
            removed, added = old[i1:i2], new[j1:j2]
            if op == "replace" and len(removed) == len(added):
                pairs = [_marked(a, b) if difflib.SequenceMatcher(None, a, b).ratio() >= 0.5 else (a, b)
                         for a, b in zip(removed, added, strict=True)]
                removed, added = [a for a, _ in pairs], [b for _, b in pairs]
            out += ["- " + line for line in removed] + ["+ " + line for line in added]
    return out


def compare(base: Built, head: Built, languages: list[str]) -> list[Section]:
    """Per language (then the files of no language), what differs from base to head."""
    sections = {lang: Section(lang) for lang in languages}
    common = Section(None)

    def section(address: str) -> Section:
        return sections.get(address.split("/")[1], common)

    moved = {old: new for old, new in head.redirects.items() if base.redirects.get(old) != new}
    for old, new in sorted(moved.items()):
        section(old).moved.append((old, new))
    for old, new in sorted(base.redirects.items()):
        if old not in head.redirects and old not in head.pages:
            section(old).dropped.append((old, new))
    # A page that moved: the base's page at the old address compared with the new one.
    pairs = {new: old for old, new in moved.items()
             if old in base.pages and new in head.pages and new not in base.pages}

    for address in sorted(base.pages.keys() | head.pages.keys()):
        old_path = base.pages.get(pairs.get(address, address))
        new_path = head.pages.get(address)
        if new_path is None:
            if address not in moved:
                lines = _words_of(base.pages[address])
                section(address).removed.append(PageChange(address, _title(lines, address)))
            continue
        if old_path is None:
            lines = _words_of(new_path)
            section(address).added.append(PageChange(address, _title(lines, address)))
            continue
        if old_path.read_bytes() == new_path.read_bytes():
            continue
        old_words, new_words = _words_of(old_path), _words_of(new_path)
        if old_words != new_words:
            section(address).changed.append(PageChange(address, _title(new_words, address),
                                                        _unified(old_words, new_words), pairs.get(address)))
    for address in sorted(base.feeds.keys() | head.feeds.keys()):
        if address not in head.feeds:
            section(address).feeds.append((address, "removed"))
        elif address not in base.feeds:
            section(address).feeds.append((address, "added"))
        elif base.feeds[address].read_bytes() != head.feeds[address].read_bytes():
            section(address).feeds.append((address, "changed"))
    return [*sections.values(), common]


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


def _code_span(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it holds."""
    run = max((len(m) for m in re.findall(r"`+", text)), default=0)
    tick = "`" * (run + 1)
    return f"{tick} {text} {tick}" if run else f"`{text}`"


def _plain(text: str) -> str:
    """Data text in Markdown, shown as written (no links, emphasis or HTML of its own)."""
    return re.sub(r"([\\`*_\[\]<>#|~!&])", r"\\\1", text)


def _fence(lines: list[str]) -> str:
    run = max((len(m) for line in lines for m in re.findall(r"`{3,}", line)), default=2)
    return "`" * (run + 1)


def _page_item(page: PageChange, lang: str) -> str:
    moved = f" {say('diff-moved-from', lang, old=_code_span(page.old_address))}" if page.old_address else ""
    return f"- {_code_span(page.address)} {_plain(page.title)}{moved}"


def _page_diff(page: PageChange, lang: str, budget: int) -> list[str]:
    shown = []
    for line in page.lines[:MAX_LINES]:
        budget -= len(line) + 1
        if budget < 0:
            break
        shown.append(line)
    more = len(page.lines) - len(shown)
    fence = _fence(shown)
    summary = f"<code>{html.escape(page.address)}</code> {html.escape(page.title)}"
    out = ["<details>", f"<summary>{summary}</summary>", "", f"{fence}diff", *shown, fence]
    if more:
        out.append(say("diff-more-lines", lang, n=more))
    return [*out, "", "</details>", ""]


def _language_name(code: str, lang: str) -> str:
    try:
        return Locale.parse(code).get_display_name(Locale.parse(lang)) or code
    except (ValueError, LookupError):
        return code


def report(sections: list[Section], lang: str, *, base: str, commit: str, data: str, content: str) -> str:
    """The Markdown report in the editor's language (GitHub job summary ready)."""
    out = [REPORT_STAMP, f"# {say('diff-title', lang)}", "",
           say("diff-compared", lang, base=_code_span(base), commit=commit[:12], data=_code_span(data + "/"),
               content=_code_span(content + "/")), ""]
    if all(s.empty() for s in sections):
        return "\n".join([*out, say("diff-none", lang), ""])
    budget = MAX_DIFF_CHARS
    for sec in sections:
        if sec.lang is None and sec.empty():
            continue
        heading = say("diff-common", lang) if sec.lang is None else \
            say("diff-language", lang, name=_language_name(sec.lang, lang), code=sec.lang)
        out += [f"## {heading}", ""]
        if sec.empty():
            out += [say("diff-language-none", lang), ""]
            continue
        if sec.changed:
            out += [f"### {say('diff-changed', lang, n=len(sec.changed))}", ""]
            out += [_page_item(p, lang) for p in sec.changed] + [""]
            for page in sec.changed:
                if budget <= 0:
                    out += [say("diff-too-long", lang), ""]
                    break
                shown = _page_diff(page, lang, budget)
                budget -= sum(len(line) + 1 for line in shown)
                out += shown
        for key, pages in (("diff-added", sec.added), ("diff-removed", sec.removed)):
            if pages:
                out += [f"### {say(key, lang, n=len(pages))}", "", *(_page_item(p, lang) for p in pages), ""]
        if sec.moved or sec.dropped:
            out += [f"### {say('diff-moved', lang, n=len(sec.moved) + len(sec.dropped))}", ""]
            out += [f"- {_code_span(old)} → {_code_span(new)}" for old, new in sec.moved]
            out += ["- " + say("diff-redirect-dropped", lang, old=_code_span(old), new=_code_span(new))
                    for old, new in sec.dropped]
            out.append("")
        if sec.feeds:
            out += [f"### {say('diff-feeds', lang, n=len(sec.feeds))}", ""]
            out += [f"- {_code_span(address)} ({say('diff-file-' + state, lang)})" for address, state in sec.feeds]
            out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------


@dataclass
class Outcome:
    text: str
    """The report (Markdown); on a failed build of this working copy, that failure's text."""
    failed: bool = False
    problems: list = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    """What differs, per language (empty when nothing could be compared)."""


def site_diff(data_dir: Path, content_dir: Path | None, *, base: str | None, today: dt.date,
              lang: str) -> Outcome:
    """Build the base version and the working copy with this generator, and report the difference."""
    data_dir = Path(data_dir).resolve()
    content = Path(content_dir).resolve() if content_dir is not None else data_dir.parent / "content"
    name, commit = resolve_base(data_dir, base)
    top = Path(_git(data_dir, "rev-parse", "--show-toplevel").stdout.decode().strip()).resolve()
    try:
        paths = [data_dir.relative_to(top).as_posix(), content.relative_to(top).as_posix()]
    except ValueError:
        raise DiffError("diff-not-git", data=str(content)) from None
    with tempfile.TemporaryDirectory(prefix="kanta-diff-") as tmp:
        work = Path(tmp)
        export(top, commit, paths, work / "base-src")
        with Engine(work / "jinja-cache") as engine:
            try:
                head = build_site(data_dir, content, work / "head", today=today,
                                  work_dir=work / "head-work", check_urls=False, engine=engine)
            except (DataError, BuildError) as exc:
                return Outcome(say("diff-head-failed", lang), failed=True,
                               problems=exc.problems or [str(exc)])
            try:
                built = build_site(work / "base-src" / paths[0], work / "base-src" / paths[1], work / "base",
                                   today=today, work_dir=work / "base-work", check_urls=False, engine=engine)
            except (DataError, BuildError) as exc:
                text = "\n".join([REPORT_STAMP, f"# {say('diff-title', lang)}", "",
                                  say("diff-base-failed", lang, base=_code_span(name), commit=commit[:12],
                                      n=len(exc.problems) or 1), ""])
                return Outcome(text)
        languages = [*head.pages, *(code for code in built.pages if code not in head.pages)]
        sections = compare(Built.read(work / "base", languages), Built.read(work / "head", languages),
                           languages)
        text = report(sections, lang, base=name, commit=commit, data=paths[0], content=paths[1])
        return Outcome(text, sections=sections)
