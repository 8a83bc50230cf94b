"""What is safe in a hand-written page (content/<lang>/*.md), and its links and ids as the build makes them.

What is safe is judged on what the build makes of a page, not on its source text. The body is
converted with Python-Markdown and the extensions MkDocs uses for the site (its built-in ones plus
`markdown_extensions` of mkdocs.yml), and the HTML that comes out is read with the standard
library's HTMLParser, which decodes entities as a browser does. Addresses are then read the way a
browser reads them (WHATWG URL standard: leading and trailing C0 controls and spaces are stripped,
every tab and newline is removed, the scheme is case-insensitive), so `\\x01javascript:`,
`java<tab>script:`, `JaVaScRiPt:` and `&#106;avascript:` are all the javascript: links they are.

A page may hold:

* no raw HTML at all: nothing that Python-Markdown passes through as HTML (tags, comments, ...);
  code spans, code blocks and entities such as `&lt;` are text;
* links to http(s):, mailto:, tel: or the site's own pages; nothing else (no javascript:,
  data:, no `//other.host`);
* images and other embedded files only from the site itself (a relative or /absolute path);
* attribute lists that give an #id, a .class or one of ALLOWED_ATTRIBUTES;
* no id that the theme or the site's own scripts read (RESERVED_ID_PREFIXES: `__config`,
  `__search`, `kg-labels`...), whether from an attribute list or from a heading's text;
* no aligned table column: the alignment is an inline style, which the CSP blocks.

This is the same ground the post-build link checker (generator/publish/linkcheck.py) covers over the
finished HTML, so a page `check` accepts does not fail the build there.

A problem found in the HTML is put on the source line that makes it appear: the end of the
shortest leading part of the page whose conversion already shows it (found by bisection inside the
block of lines that shows it; only pages with a problem pay for it).
"""

from __future__ import annotations

import functools
import importlib
import re
from collections import Counter
from html.parser import HTMLParser
from typing import NamedTuple

import yaml

from generator import PACKAGE_DIR
from generator.model import scalars
from generator.model.errors import MAX_PER_FILE, Problem, more_problems_in_page
from generator.model.project import PageLink
from generator.model.urlsafety import (
    C0_AND_SPACE,
    SAFE_SCHEMES,
    disguised,
    embed_allowed,
    link_allowed,
    other_host,
    shown_target,
    url_scheme,
)

MKDOCS_CONFIG = PACKAGE_DIR.parent / "mkdocs.yml"
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
"""MkDocs adds these to every site's `markdown_extensions` (its MarkdownExtensions option's builtins)."""
ALLOWED_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "alt", "width", "height",
                                "loading", "target", "rel", "hreflang"})
"""What an attribute list may set: nothing that loads, runs or restyles anything."""
RESERVED_ID_PREFIXES = scalars.RESERVED_ID_PREFIXES
"""Material's own ids all start with __ (`__config` holds its configuration, `__search`, `__drawer`,
`__palette_0`, `__nav_1`...); the site's scripts and templates use kg- (`kg-labels`). A page element
with such an id would be found before the real one."""
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "xlink:href", "poster",
                            "data", "ping", "background", "cite", "longdesc"})
NAVIGATION = frozenset({("a", "href"), ("area", "href"), ("a", "xlink:href")})
"""(element, attribute) that take the reader elsewhere; every other URL attribute loads a file
into the page, which must then be the site's own."""
_ORIGIN = "data-kg-attr-list"
"""Set (in this module's conversion only) on an element whose attributes an attribute list changed."""
_TABLE_ALIGN_RE = re.compile(r"text-align:\s*(left|right|center);?")
TEXTS = {
    "html-in-content": ("HTML or a script link is not allowed in pages",
                        "use Markdown instead; ask a developer if a page truly needs markup"),
    "script-link-in-content": ("the link target '{0}' is not allowed in pages",
                               "link to https://, mailto: or another page (e.g. ../palvelut/)"),
    "handler-in-content": ("the attribute list sets the event handler '{0}'",
                           ("scripts are not allowed in pages: remove it; an attribute list may give "
                            "an #id or a .class")),
    "attr-in-content": ("the attribute list sets '{0}', which pages may not set",
                        "remove {0}=…; an attribute list may give an #id, a .class or one of "
                        + ", ".join(sorted(ALLOWED_ATTRIBUTES - {"id", "class"}))),
    "external-embed-in-content": ("'{0}' would be loaded into the page from another site",
                                  ("a page may show only the site's own files: link to it instead, "
                                   "[text](https://…)")),
    "reserved-id-in-content": ("the id '{0}' is one the site's theme or scripts use",
                               ("ids starting with __ or kg- are reserved: choose another; a heading "
                                "takes its id from its text, so give it its own, e.g. "
                                "## Otsikko {{: #oma-tunniste }}")),
    "empty-link-in-content": ("the link to '{0}' has no text: a screen reader would read out only its address",
                              "write the words the reader clicks between the brackets: [text]({0})"),
    "table-align-in-content": ("a table column is aligned with ':' in the line under the header",
                               ("write that line without colons (|---|---|): alignment needs an inline "
                                "style, which the site's security policy blocks")),
}


# ---------------------------------------------------------------------------
# The checks, on Python-Markdown's output
# ---------------------------------------------------------------------------


class Finding(NamedTuple):
    code: str
    args: tuple
    needles: tuple[str, ...]
    """Source text to look for on the line, for the column."""


def _extensions() -> tuple[list, dict]:
    """The build's extensions, in MkDocs' order: its built-in ones, then mkdocs.yml's."""
    config = yaml.safe_load(MKDOCS_CONFIG.read_text(encoding="utf-8")) or {}
    names: list[str] = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict[str, dict] = {}
    for item in config.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        configs[name] = options or {}
    extensions: list = []
    for name in names:
        # By name, Python-Markdown looks an extension up among the installed packages' entry points,
        # which reads every package's metadata (about 50 ms); the standard ones are found directly.
        try:
            module = importlib.import_module(f"markdown.extensions.{name}") if "." not in name else None
        except ImportError:
            module = None
        extensions.append(module.makeExtension(**configs.get(name, {})) if module else name)
    return extensions, {name: options for name, options in configs.items()
                        if name in extensions}


class _Markup(HTMLParser):
    """Does a piece of text hold any markup (a tag, a comment, a declaration...)?"""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.found = False
        self.feed(text)
        self.close()

    def handle_starttag(self, *_):
        self.found = True

    handle_startendtag = handle_endtag = handle_comment = handle_decl = handle_pi = unknown_decl = \
        handle_starttag


class _Walker(HTMLParser):
    """Reads the converted page like a browser and notes every attribute that is not allowed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []
        self.links: list[tuple[str, bool]] = []
        """Links to the site's own files and headings (`<a href>`, `<img src>` without a scheme or
        host), each with whether it is an image."""
        self.ids: set[str] = set()
        """Every id of the page (headings' ids from the toc extension, attribute lists, raw HTML)
        and `<a name>`: what a link's #fragment may name."""
        self._open_link: tuple[str, list[str]] | None = None
        """The address and text so far of the link being read: a link without text has no name
        for a screen reader (axe's link-name, which the content's checks run on every page)."""

    def handle_data(self, data):
        if self._open_link is not None:
            self._open_link[1].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open_link is not None:
            href, text = self._open_link
            self._open_link = None
            if not "".join(text).strip():
                self.found.append(Finding("empty-link-in-content", (shown_target(href),), ("[]", "[ ]", "<>")))

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href") is not None:
            self._open_link = (dict(attrs).get("href") or "", [])
        elif tag == "img" and self._open_link is not None:
            self._open_link[1].append(dict(attrs).get("alt") or "")
        for name, value in attrs:
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value or "")
        if tag in ("a", "img"):
            href = dict(attrs).get("href" if tag == "a" else "src") or ""
            if href and not url_scheme(href) and not other_host(href):
                self.links.append((href, tag == "img"))
        listed: set[str] = set()
        values = []
        for name, value in attrs:
            if name == _ORIGIN:
                listed = set((value or "").lower().split())
            else:
                values.append((name, value or ""))
        for name, value in values:
            finding = _attribute(tag, name, value, name in listed)
            if finding:
                self.found.append(finding)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)


def _attribute(tag: str, name: str, value: str, listed: bool) -> Finding | None:
    """What is wrong with one attribute; `listed`: an attribute list set it."""
    if name in URL_ATTRIBUTES:
        urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
        for url in urls:
            scheme = url_scheme(url)
            needles = (url.strip(C0_AND_SPACE)[:24], scheme) if scheme else (url.strip()[:24],)
            if (tag, name) in NAVIGATION:
                if not link_allowed(url):
                    return Finding("script-link-in-content", (shown_target(url),), needles)
            elif not embed_allowed(url):
                code = "script-link-in-content" if disguised(url) or scheme and scheme not in SAFE_SCHEMES \
                    else "external-embed-in-content"
                return Finding(code, (shown_target(url),), needles)
    if name.startswith("on"):
        return Finding("handler-in-content", (name,), (name,))
    if listed and name not in ALLOWED_ATTRIBUTES:
        return Finding("attr-in-content", (name,), (name,))
    if name == "style":
        if tag in ("th", "td") and _TABLE_ALIGN_RE.fullmatch(value.strip()):
            # Once per column, at the header line's separator (the body cells repeat it).
            return Finding("table-align-in-content", (), (":-", "-:")) if tag == "th" else None
        return Finding("attr-in-content", (name,), (name,))
    if name == "id" and value.startswith(RESERVED_ID_PREFIXES):
        return Finding("reserved-id-in-content", (value,), (value, value.lstrip("_"), value.replace("-", " ")))
    return None


class _Probe:
    """Tells apart, in one Markdown instance, what the HTML alone does not say: which of the raw
    HTML that Python-Markdown keeps aside (its "stash") came from the page (fenced code blocks are
    kept there too), and which attributes an attribute list set. Plain processors registered around
    the build's own ones; they change nothing but a marker attribute (_ORIGIN) that only this
    module's conversion carries."""

    # Priorities of the processors they wrap (Python-Markdown 3.x): preprocessor html_block 20 (raw
    # HTML blocks; fenced code runs before it, at 25), treeprocessors inline 20 (inline HTML),
    # attr_list 8 (toc, which gives headings their ids, follows at 5).
    def __init__(self, md) -> None:
        self.md = md
        self.marks: dict[str, int] = {}
        self.before: dict = {}
        md.preprocessors.register(_Mark(self, "blocks-from"), "kg-blocks-from", 20.5)
        md.preprocessors.register(_Mark(self, "blocks-to"), "kg-blocks-to", 19.5)
        md.treeprocessors.register(_Mark(self, "inline-from"), "kg-inline-from", 20.5)
        md.treeprocessors.register(_Mark(self, "inline-to"), "kg-inline-to", 19.5)
        md.treeprocessors.register(_Snapshot(self), "kg-before-attr-list", 8.5)
        md.treeprocessors.register(_MarkAttrList(self), "kg-after-attr-list", 7.5)

    def raw_html(self) -> list:
        """Every piece of raw HTML of the last conversion (entities such as &lt; are not HTML)."""
        stash = self.md.htmlStash.rawHtmlBlocks
        blocks = stash[self.marks["blocks-from"]:self.marks["blocks-to"]]
        inline = stash[self.marks["inline-from"]:self.marks["inline-to"]]
        return list(blocks) + [raw for raw in inline if not isinstance(raw, str) or _Markup(raw).found]


class _Mark:
    def __init__(self, probe: _Probe, name: str):
        self.probe, self.name = probe, name

    def run(self, value):  # a preprocessor's lines or a treeprocessor's root, returned as they are
        self.probe.marks[self.name] = len(self.probe.md.htmlStash.rawHtmlBlocks)
        return value


class _Snapshot:
    def __init__(self, probe: _Probe):
        self.probe = probe

    def run(self, root):
        self.probe.before = {element: dict(element.attrib) for element in root.iter()}
        return root


class _MarkAttrList:
    def __init__(self, probe: _Probe):
        self.probe = probe

    def run(self, root):
        for element in root.iter():
            before = self.probe.before.get(element, {})
            changed = [name for name, value in element.attrib.items() if before.get(name) != value]
            if changed:
                element.set(_ORIGIN, " ".join(changed))
        return root


class Checker:
    """One Markdown converter set up as the build's, reused for every page of a run."""

    def __init__(self) -> None:
        import markdown  # here: only runs that read pages need it

        extensions, configs = _extensions()
        self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self.probe = _Probe(self.md)
        self._budget = 0
        """Characters the bisection over a whole page may still convert."""
        self._last: tuple[str, tuple[list[Finding], _Walker]] | None = None
        """The last text converted and what it gave: a page's links reuse its problems' conversion."""

    def _walk(self, text: str) -> tuple[list[Finding], _Walker]:
        if self._last is not None and self._last[0] == text:  # a page's problems, then its links
            return self._last[1]
        self.md.reset()
        html = self.md.convert(text)
        found = [Finding("html-in-content", (), (_first_line(raw), "<")) for raw in self.probe.raw_html()]
        walker = _Walker()
        walker.feed(html)
        walker.close()
        self._last = (text, (found + walker.found, walker))
        return self._last[1]

    def findings(self, text: str) -> list[Finding]:
        return self._walk(text)[0]

    def ids(self, text: str) -> set[str]:
        """The ids of a page's Markdown as the build converts it: what `#fragment` may name."""
        return self._walk(text)[1].ids

    def links(self, body: str, first_line: int) -> list[PageLink]:
        """The page's links and images of the site's own files, each at the first source line that
        shows it."""
        lines = body.split("\n")
        placed = []
        for href, image in dict.fromkeys(self._walk(body)[1].links):
            # As written in a link (`(href)`, `(href "title")`, `(<href>)`) before anywhere else: a
            # link's address may begin another's (#otsikko, #otsikko-2).
            at = next(((i, line.find(written) + written.index(href))
                       for written in (f"({href})", f"({href} ", f"(<{href}>", f"]: {href}", href)
                       for i, line in enumerate(lines) if written in line), (0, -1))
            placed.append(PageLink(href, first_line + at[0], at[1] + 1 if at[1] >= 0 else 1, image))
        return placed

    def problems(self, shown: str, body: str, first_line: int) -> list[Problem]:
        """The problems of a page's body, each at the file:line:column it comes from; at most
        MAX_PER_FILE are located, then a note says that there are more.

        A finding is put on the source line that makes it appear: the end of the shortest leading
        part whose conversion already shows it. That part is looked for inside the block of lines
        that shows the finding when converted alone (one pass over the page, block by block), so a
        page with many problems is not converted again and again; a finding that only the whole
        page shows (a reference link whose definition is elsewhere) is looked for in the whole page."""
        found = self.findings(body)
        if not found:
            return []
        whole = self._last
        self._budget = max(BISECTION_BUDGET * len(body), 2_000_000)
        lines = body.split("\n")
        blocks = [(start, end, self.findings("\n".join(lines[start:end]))) for start, end in _blocks(lines)]
        total = Counter(f[:2] for f in found)
        in_blocks = Counter(f[:2] for *_, block in blocks for f in block)
        alone = {key for key, n in total.items() if in_blocks[key] == n}
        placed: dict[tuple, int] = {}  # (line, code, args) → column: one problem of a kind per line
        more = False
        for start, end, block in blocks:
            mine = [f for f in block if f[:2] in alone]
            more = more or bool(mine) and self._place(lines[start:end], mine, start, placed)
        rest = [f for f in found if f[:2] not in alone]
        if rest:
            # Bisection over the whole page, bounded: past the budget, a finding not yet placed is
            # reported for the page as a whole (a hostile page must not cost minutes).
            more = self._place(lines, rest, 0, placed) or more
            if not any(key[1:] == f[:2] for f in rest for key in placed):
                placed[0, *rest[0][:2]] = 0
        self._last = whole
        problems = []
        html_lines = {line for line, code, _ in placed if code == "html-in-content"}
        for (line, code, args), column in sorted(placed.items()):
            # Raw HTML is refused as a whole: what is inside it is not a second mistake.
            if line in html_lines and code != "html-in-content":
                continue
            message, hint = TEXTS[code]
            problems.append(Problem(shown, first_line + line - 1 if line else 0, column, message.format(*args),
                                    hint=hint.format(*args), code=code, args=args))
        return problems + ([more_problems_in_page(shown)] if more else [])

    def _place(self, lines: list[str], found: list[Finding], offset: int, placed: dict) -> bool:
        """Put each finding (in the order the conversion of `lines` gives them) on its line: the
        end of the shortest leading part of `lines` that shows it (by bisection), until
        MAX_PER_FILE problems are placed; True when a further problem was found then."""
        counts: dict[int, Counter] = {}

        def shows(size: int, key: tuple, nth: int) -> bool:
            if size not in counts:
                text = "\n".join(lines[:size])
                self._budget -= len(text)
                if self._budget < 0:
                    raise _OverBudget
                counts[size] = Counter(f[:2] for f in self.findings(text))
            return counts[size][key] >= nth

        seen: Counter = Counter()
        for finding in found:
            key = finding[:2]
            seen[key] += 1
            low, high = 1, len(lines)
            try:
                while low < high:
                    middle = (low + high) // 2
                    if shows(middle, key, seen[key]):
                        high = middle
                    else:
                        low = middle + 1
            except _OverBudget:
                return True
            if (offset + low, *key) in placed:
                continue
            if len(placed) >= MAX_PER_FILE:
                return True
            placed[offset + low, *key] = _column(lines[low - 1], finding.needles)
        return False


@functools.cache
def shared_checker() -> Checker:
    """One converter for a whole run: setting up Python-Markdown with the build's extensions costs
    about 20 ms, and `check` judges pages, data texts and links with it."""
    return Checker()


class _OverBudget(Exception):
    """The bisection over a whole page converted more text than BISECTION_BUDGET allows."""


BISECTION_BUDGET = 4
"""Times a page's length that locating its problems in the whole page may convert."""
BLOCK_LINES = 20
"""About this many lines are converted at a time to find where a problem is (see `_blocks`)."""


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line ranges of a page, each read by Markdown on its own as within the page (as
    far as raw HTML and attributes go): split at a blank line, outside fenced code, that a line at
    the margin follows, after at least BLOCK_LINES lines."""
    ranges, start, fence = [], 0, ""
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")) and len(line) - len(stripped) < 4:
            fence = stripped[:3]
            continue
        if i - start >= BLOCK_LINES and not stripped and i + 1 < len(lines) \
                and lines[i + 1][:1] not in ("", " ", "\t"):
            ranges.append((start, i + 1))
            start = i + 1
    ranges.append((start, len(lines)))
    return ranges


def _first_line(raw: object) -> str:
    return str(raw).strip().split("\n")[0][:24] if isinstance(raw, str) else "<"


def _column(text: str, needles: tuple[str, ...]) -> int:
    """1-based column of the first needle found on the line, else of its first character."""
    lowered = text.lower()
    for needle in needles:
        if needle and (at := lowered.find(needle.lower())) >= 0:
            return at + 1
    return len(text) - len(text.lstrip()) + 1
