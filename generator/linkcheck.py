"""Post-build integrity check over the whole output folder.

MkDocs' strict mode checks links inside one language build; this checks what
only exists after every build and the post-build stage have run:

* every internal `href`/`src`/`srcset`/`action` in every HTML file resolves to a
  file, and every `#fragment` to an `id` in the target page (cross-language
  links, root pages, redirect pages and 404 pages included);
* 404 pages use only absolute addresses (they are served at any depth);
* nothing in the HTML that the Content-Security-Policy would block or that
  should never come from data: inline event handlers (`onclick=`),
  `javascript:`/`vbscript:`/`data:` links, inline styles, `<iframe>`/`<object>`;
* `<html lang>` matches the language folder;
* every `_redirects` target and `_headers` path exists, and no redirect shadows
  a live page (Cloudflare follows redirects even when a file matches);
* every `<loc>` and hreflang link in the sitemaps, the sitemap in robots.txt,
  every search result location, every own URL in the JSON and calendar feeds.

Run it by hand on a built folder:
`python -m generator.linkcheck site/ --site-url https://kayttoonotto.kanta.fi/`
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Collection
from urllib.parse import unquote, urlsplit

URL_ATTRS = {
    "href": {"a", "area", "link", "base", "use", "image"},
    "src": {"img", "script", "iframe", "source", "audio", "video", "track", "embed", "input"},
    "srcset": {"img", "source"},
    "action": {"form"},
    "formaction": {"button", "input"},
    "poster": {"video"},
    "data": {"object"},
    "xlink:href": {"use", "image", "a"},
    "data-src": {"script"},  # Material's scripts, loaded by kg.js on the first interaction
}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "object", "embed", "applet", "base", "style"}
"""Never in our pages: CSP blocks <style> (no 'unsafe-inline'), the others would load or
change what the page is made of."""
_BAD_SCHEME_RE = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.I)
_REFRESH_RE = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(.+)$", re.I)
MAX_SHOWN = 40


@dataclass(frozen=True, order=True)
class LinkProblem:
    source: str
    """The file (and line) the broken reference is in, relative to the output folder."""
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class PageScan:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str, str, str]] = field(default_factory=list)
    """(line, element, attribute, url)"""
    issues: list[tuple[int, str]] = field(default_factory=list)
    lang: str | None = None


def _element(scan: PageScan, line: int, tag: str, attrs: list[tuple[str, str | None]]) -> None:
    """Record one start tag: ids, links to check, and what is never allowed."""
    if tag == "html":
        scan.lang = dict(attrs).get("lang")
    if tag in FORBIDDEN_ELEMENTS:
        scan.issues.append((line, f"<{tag}> element is not allowed in our pages"))
    for name, value in attrs:
        value = value or ""
        if name.startswith("on"):
            scan.issues.append((line, f"inline event handler {name}={value[:60]!r} on <{tag}> "
                                      "(blocked by the CSP; never allowed)"))
        elif name == "style":
            scan.issues.append((line, f"inline style= on <{tag}> (blocked by the CSP)"))
        elif name == "id" or (name == "name" and tag == "a"):
            scan.ids.add(value)
        if name in URL_ATTRS and tag in URL_ATTRS[name]:
            urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] \
                if name == "srcset" else [value]
            for url in urls:
                if _BAD_SCHEME_RE.match(url) and not (url.lstrip().lower().startswith("data:")
                                                      and tag == "img" and name == "src"):
                    scan.issues.append((line, f"{name}={url[:60]!r} on <{tag}>: script and data "
                                              "links are never allowed"))
                else:
                    scan.links.append((line, tag, name, url))
    if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
        match = _REFRESH_RE.match(dict(attrs).get("content") or "")
        if match:
            url = match[1].strip().strip("'\"")
            if _BAD_SCHEME_RE.match(url):
                scan.issues.append((line, f"meta refresh to {url[:60]!r}"))
            else:
                scan.links.append((line, tag, "content", url))


class _Scanner(HTMLParser):
    """The reference tokenizer (the standard library's HTMLParser): scan_html must give exactly
    what this gives (tests/test_links.py compares them); it is also scan_html's fallback."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()

    def handle_starttag(self, tag, attrs):
        _element(self.scan, self.getpos()[0], tag, attrs)

    def handle_startendtag(self, tag, attrs):
        _element(self.scan, self.getpos()[0], tag, attrs)


def scan_html_reference(text: str) -> PageScan:
    """scan_html through html.parser.HTMLParser: slow (a Python call per token), but the
    definition of what scan_html must return."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.scan


# The fast tokenizer. It walks the text exactly as HTMLParser (Python 3.11, convert_charrefs=True,
# feed() then close()) does, but in C as far as it can: one search skips text, plain end tags and
# plain start tags that _element would ignore, and stops at the next "<" that may matter. There a
# plain start tag (separated, plainly quoted attributes) is read with one regular expression;
# anything else goes through a transcription of HTMLParser's own code, with its own patterns, and
# `<![` (a marked section, on which HTMLParser can raise) hands the whole page to the reference.
# Line numbers are HTMLParser's: 1 + the number of "\n" before the tag's "<".
_WS = r"[ \t\n\r\f]"
_NAME = r"[a-zA-Z][a-zA-Z0-9-]*"
_ATTR_NAME = r"[a-zA-Z_:][-a-zA-Z0-9_:.]*"
_VALUE = r"""(?:="[^"]*"|='[^']*'|=[^\s"'=<>`]+(?=[ \t\n\r\f>]))"""
_PLAIN_TAG = rf"({_NAME})((?:{_WS}+{_ATTR_NAME}{_VALUE}?)*){_WS}*(/?)>"
"""After "<": a start tag HTMLParser reads exactly so: 1 name, 2 attributes, 3 "/" of "/>"."""
_ATTR_RE = re.compile(rf"""{_WS}+({_ATTR_NAME})(?:(=)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_RECORDED_TAGS = FORBIDDEN_ELEMENTS | {"html", "meta", *HTMLParser.CDATA_CONTENT_ELEMENTS}
"""Start tags that always matter: to _element whatever their attributes, or as raw text."""
_RECORDED_ATTRS = {"style", "id", "name", *URL_ATTRS}
"""With on*, every attribute name _element looks at."""

_IGNORED_TAG = (
    rf"(?!(?:{'|'.join(sorted(_RECORDED_TAGS))}){_WS[:-1]}/>])[a-z][a-z0-9-]*"
    rf"(?:{_WS}+(?!on|(?:{'|'.join(map(re.escape, sorted(_RECORDED_ATTRS)))})(?![-a-zA-Z0-9_:.]))"
    rf"""[a-z_:][-a-z0-9_:.]*(?:="[^"<]*"|='[^'<]*'|=[^\s"'=<>`]+(?=[ \t\n\r\f>]))?)*{_WS}*/?>"""
)
"""After "<": a plain start tag _element does nothing with -- names in lower case (any other case
is simply not skipped), not in _RECORDED_TAGS, no attribute named on* or in _RECORDED_ATTRS --
and with no "<" inside, so skipping it character by character never finds a tag in it."""
_NEXT_RE = re.compile(rf"<(?!/[a-zA-Z][-.a-zA-Z0-9:_]*\s*>|{_IGNORED_TAG})(?:{_PLAIN_TAG})?")
"""The next "<" that may matter, with the groups of _PLAIN_TAG if it starts a plain start tag."""
_CDATA_END = {tag: re.compile(r"</\s*%s\s*>" % tag, re.I) for tag in HTMLParser.CDATA_CONTENT_ELEMENTS}
# html.parser's own patterns (Python 3.11.7), for the uncommon cases.
_STARTTAGOPEN = re.compile("<[a-zA-Z]")
_COMMENTCLOSE = re.compile(r"--\s*>")
_TAGFIND = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTRFIND = re.compile(
    r'((?<=[\'"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*'
    r'(\'[^\']*\'|"[^"]*"|(?![\'"])[^>\s]*))?(?:\s|/(?!>))*')
_LOCATESTARTTAGEND = re.compile(r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
""", re.VERBOSE)
_ENDTAGFIND = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")


def _starttag(text: str, i: int):
    """HTMLParser.check_for_whole_start_tag + parse_starttag at text[i] == "<" + letter:
    (end, tag, attrs, tag if it starts script/style raw text) -- end -1 if HTMLParser would call it
    unterminated, tag None if it reads the text as data."""
    j = _LOCATESTARTTAGEND.match(text, i).end()
    nxt = text[j:j + 1]
    if nxt == ">":
        endpos = j + 1
    elif nxt == "/":
        if not text.startswith("/>", j):
            return -1, None, None, None
        endpos = j + 2
    elif nxt == "" or nxt in "abcdefghijklmnopqrstuvwxyz=/ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        return -1, None, None, None
    else:
        endpos = j if j > i else i + 1
    match = _TAGFIND.match(text, i + 1)
    k = match.end()
    tag = match.group(1).lower()
    attrs = []
    while k < endpos:
        m = _ATTRFIND.match(text, k)
        if not m:
            break
        name, rest, value = m.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        attrs.append((name.lower(), value))
        k = m.end()
    end = text[k:endpos].strip()
    if end not in (">", "/>"):
        return endpos, None, None, None
    return endpos, tag, attrs, tag if not end.endswith("/>") and tag in _CDATA_END else None


def _other(text: str, i: int, n: int) -> int:
    """Where HTMLParser goes on after the "<" at i that is neither a start tag nor a plain end
    tag (in normal, not script/style, mode): -1 if it would call it unterminated."""
    if text.startswith("</", i):  # parse_endtag
        gt = text.find(">", i + 1)
        if gt < 0:
            return -1
        if _ENDTAGFIND.match(text, i):
            return gt + 1
        name = _TAGFIND.match(text, i + 2)
        if not name:
            if text.startswith("</>", i):
                return i + 3
            pos = text.find(">", i + 2)  # bogus comment
            return -1 if pos < 0 else pos + 1
        return text.find(">", name.end()) + 1
    if text.startswith("<!--", i):
        match = _COMMENTCLOSE.search(text, i + 4)
        return match.end() if match else -1
    if text.startswith("<?", i):
        pos = text.find(">", i + 2)
        return -1 if pos < 0 else pos + 1
    if text.startswith("<!", i):
        if text.startswith("<![", i):
            raise LookupError  # marked section: the reference decides
        if text[i:i + 9].lower() == "<!doctype":
            pos = text.find(">", i + 9)
        else:
            pos = text.find(">", i + 2)  # bogus comment
        return -1 if pos < 0 else pos + 1
    return i + 1 if i + 1 < n else n  # a lone "<" is text


def scan_html(text: str) -> PageScan:
    """ids, links, issues and lang of one HTML page: exactly what scan_html_reference gives."""
    scan = PageScan()
    n = len(text)
    i = counted = 0
    line = 1
    search = _NEXT_RE.search
    attr_find = _ATTR_RE.findall
    while True:
        m = search(text, i)
        if m is None:
            break
        j = m.start()
        name, attr_text, slash = m.groups()
        if name is not None:
            tag = name.lower()
            k = m.end()
            cdata = tag if not slash and tag in _CDATA_END else None
            attrs = []
            for attr, eq, dq, sq, bare in attr_find(attr_text):
                value = (dq or sq or bare) if eq else None
                if value and "&" in value:
                    value = unescape(value)
                attrs.append((attr.lower(), value))
        else:
            if _STARTTAGOPEN.match(text, j):
                k, tag, attrs, cdata = _starttag(text, j)
            else:
                try:
                    k = _other(text, j, n)
                except LookupError:
                    return scan_html_reference(text)
                tag = cdata = None
            if k < 0:  # unterminated: HTMLParser reads it as text up to the next ">" or "<"
                k = text.find(">", j + 1)
                if k < 0:
                    k = text.find("<", j + 1)
                    if k < 0:
                        k = j + 1
                else:
                    k += 1
        if tag is not None:
            line += text.count("\n", counted, j)
            counted = j
            _element(scan, line, tag, attrs)
        i = k
        if cdata:  # script/style: raw text up to the matching end tag (without one: to the end)
            close = _CDATA_END[cdata].search(text, i)
            if close is None:
                break
            i = close.end()
    return scan


class Checker:
    """Resolves references against the files of one output folder."""

    def __init__(self, out: Path, site_url: str, languages: list[str] | tuple[str, ...] = ()):
        self.out = Path(out)
        parts = urlsplit(site_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.host = parts.netloc
        self.base = parts.path.rstrip("/")
        self.languages = list(languages)
        self.problems: list[LinkProblem] = []
        self._scans: dict[str, PageScan] = {}
        self._files: set[str] | None = None
        self._file_for: dict[str, str | None] = {}
        self._internal: dict[tuple[str, str], tuple[str, str] | None] = {}

    # -- helpers ------------------------------------------------------------

    def add(self, source: str, message: str) -> None:
        self.problems.append(LinkProblem(source, message))

    def page(self, rel: str) -> PageScan:
        if rel not in self._scans:
            self._scans[rel] = scan_html((self.out / rel).read_text(encoding="utf-8"))
        return self._scans[rel]

    def url_of(self, rel: str) -> str:
        """The URL path a file is served at (directory URLs for index.html)."""
        if rel == "index.html":
            return self.base + "/"
        if rel.endswith("/index.html"):
            return f"{self.base}/{rel[: -len('index.html')]}"
        return f"{self.base}/{rel}"

    def files(self) -> set[str]:
        """Every file in the output folder (listed once), output-relative."""
        if self._files is None:
            self._files = set(files_below(self.out))
        return self._files

    def file_for(self, path: str) -> str | None:
        """Output-relative file served at an absolute URL path, or None."""
        try:
            return self._file_for[path]
        except KeyError:
            found = self._file_for[path] = self._find_file(path)
            return found

    def _find_file(self, path: str) -> str | None:
        if not (path == self.base or path.startswith(self.base + "/")):
            return None
        rel = unquote(path[len(self.base):]).lstrip("/")
        if rel.startswith("..") or "/../" in rel:
            return None
        candidates = [rel + "index.html"] if rel == "" or rel.endswith("/") else [rel, rel + "/index.html"]
        files = self.files()
        for candidate in candidates:
            # Not listed as written ("a//b", "a/./b", through a link to a folder, …): ask the disk.
            if candidate in files or (self.out / candidate).is_file():
                return candidate
        return None

    def internal_path(self, url: str, from_url: str) -> tuple[str, str] | None:
        """(absolute path, fragment) of an internal reference; None for external ones."""
        try:
            return self._internal[url, from_url]
        except KeyError:
            resolved = self._internal[url, from_url] = self._resolve(url, from_url)
            return resolved

    def _resolve(self, url: str, from_url: str) -> tuple[str, str] | None:
        parts = urlsplit(url.strip())
        if parts.scheme in ("http", "https") or (not parts.scheme and parts.netloc):
            if parts.netloc != self.host:
                return None
            path = parts.path or "/"
        elif parts.scheme:
            return None  # mailto:, tel:, … (script schemes were refused by the scanner)
        elif not parts.path:
            path = from_url
        elif parts.path.startswith("/"):
            path = parts.path
        else:
            base_dir = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
            path = posixpath.normpath(base_dir + parts.path)
            if parts.path.endswith("/") or parts.path in (".", ".."):
                path = path.rstrip("/") + "/"
        return path, unquote(parts.fragment)

    def check_ref(self, source: str, url: str, from_url: str, what: str, *, must_exist=True) -> None:
        resolved = self.internal_path(url, from_url)
        if resolved is None:
            return
        path, fragment = resolved
        target = self.file_for(path)
        if target is None:
            if must_exist:
                self.add(source, f"{what} {url!r}: nothing is published at {path}")
            return
        if fragment and target.endswith(".html") and fragment not in self.page(target).ids:
            self.add(source, f"{what} {url!r}: {target} has no id {fragment!r}")

    def absolute(self, source: str, url: str, what: str) -> None:
        """A full URL that must point into this site (sitemaps, feeds, robots.txt)."""
        if not url.startswith(self.origin + self.base + "/"):
            self.add(source, f"{what} {url!r} is not an address of this site ({self.origin}{self.base}/)")
            return
        self.check_ref(source, url, "/", what)

    # -- the checks ---------------------------------------------------------

    def run(self, folders: Collection[str] | None = None) -> list[LinkProblem]:
        """Check every file; or, given `folders`, the files below those top-level folders only
        (`""` stands for the files at the root and in folders no language owns, and for the
        site-wide rules of `robots.txt`, `_redirects` and `_headers`)."""
        for rel in sorted(self.files()):
            if folders is not None and self._folder(rel) not in folders:
                continue
            if rel.endswith(".html"):
                self.check_html(rel)
            elif rel.endswith("search/search_index.json"):
                self.check_search_index(rel)
            elif rel.endswith(".json"):
                self.check_json(rel)
            elif rel.endswith(".ics"):
                self.check_calendar(rel)
            elif rel.endswith("sitemap.xml"):
                self.check_sitemap(rel)
        if folders is None or "" in folders:
            self.check_robots()
            self.check_redirects()
            self.check_headers()
        return sorted(set(self.problems))

    def _folder(self, rel: str) -> str:
        first = rel.split("/", 1)[0]
        return first if first in self.languages and "/" in rel else ""

    def check_html(self, rel: str) -> None:
        scan = self.page(rel)
        from_url = self.url_of(rel)
        is_404 = rel.rsplit("/", 1)[-1] == "404.html"
        for line, message in scan.issues:
            self.add(f"{rel}:{line}", message)
        first = rel.split("/", 1)[0]
        if first in self.languages and scan.lang != first:
            self.add(rel, f'<html lang="{scan.lang}"> in the {first}/ folder')
        elif not scan.lang:
            self.add(rel, "<html> has no lang attribute")
        for line, tag, attr, url in scan.links:
            where = f"{rel}:{line}"
            if is_404 and url and not url.startswith(("/", "#", "http://", "https://", "mailto:")):
                self.add(where, f"{attr}={url!r} on <{tag}>: a 404 page is served at any depth, so its "
                                "addresses must be absolute (/…)")
                continue
            if url.strip() in ("", "#"):
                continue
            self.check_ref(where, url, from_url, f"<{tag} {attr}>")

    def check_search_index(self, rel: str) -> None:
        index = json.loads((self.out / rel).read_text(encoding="utf-8"))
        lang_root = self.url_of(rel.rsplit("search/", 1)[0])
        for doc in index.get("docs", []):
            self.check_ref(rel, doc.get("location", ""), lang_root, "search result")

    def check_json(self, rel: str) -> None:
        data = json.loads((self.out / rel).read_text(encoding="utf-8"))
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str) and item.startswith(self.origin + "/"):
                self.absolute(rel, item, "URL")

    def check_calendar(self, rel: str) -> None:
        text = (self.out / rel).read_text(encoding="utf-8").replace("\r\n ", "").replace("\n ", "")
        for line in text.splitlines():
            name, _, value = line.partition(":")
            if name.split(";")[0].upper() == "URL":
                self.absolute(rel, value.strip(), "URL")

    def check_sitemap(self, rel: str) -> None:
        try:
            root = ET.fromstring((self.out / rel).read_bytes())
        except ET.ParseError as exc:
            self.add(rel, f"not well-formed XML: {exc}")
            return
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "loc":
                self.absolute(rel, (element.text or "").strip(), "<loc>")
            elif tag == "link" and element.get("href"):
                self.absolute(rel, element.get("href"), f"hreflang {element.get('hreflang')}")

    def check_robots(self) -> None:
        robots = self.out / "robots.txt"
        if not robots.is_file():
            self.add("robots.txt", "missing")
            return
        for line in robots.read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("sitemap:"):
                self.absolute("robots.txt", line.split(":", 1)[1].strip(), "Sitemap")

    def check_redirects(self) -> None:
        path = self.out / "_redirects"
        if not path.is_file():
            return
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            tokens = line.split("#", 1)[0].split() if not line.lstrip().startswith("#") else []
            if not tokens:
                continue
            where = f"_redirects:{number}"
            if len(tokens) not in (2, 3):
                self.add(where, f"expected 'from to [status]', got {line!r}")
                continue
            source, target = tokens[0], tokens[1]
            status = tokens[2] if len(tokens) == 3 else "302"
            if status == "404":
                if self.file_for(target) is None:
                    self.add(where, f"the 404 page {target} does not exist")
                continue
            self.check_ref(where, target, "/", "redirect target")
            if "*" in source or ":" in source:
                continue
            live = self.file_for(source)
            if live is not None:
                stub = self.page(live) if live.endswith(".html") else None
                refresh = stub and any(tag == "meta" and url.strip() == target
                                       for _, tag, _, url in stub.links)
                if not refresh:
                    self.add(where, f"{source} is redirected, but a page is published there: "
                                    "Cloudflare would hide the page")

    def check_headers(self) -> None:
        path = self.out / "_headers"
        if not path.is_file():
            return
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith((" ", "\t", "#")):
                continue
            rule = line.strip()
            if "*" in rule or ":" in rule:
                continue
            if self.file_for(rule) is None:
                self.add(f"_headers:{number}", f"the rule {rule} matches no published file")


def files_below(root: Path) -> list[str]:
    """Output-relative POSIX paths of every file below root: what `root.rglob("*")` filtered with
    `is_file()` gives (links to files count, links to folders are not followed), in one os.scandir
    per folder instead of a stat per file."""
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except PermissionError:
            return
        for entry in entries:
            try:
                if entry.is_file():
                    found.append(prefix + entry.name)
                elif entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
            except OSError:
                continue

    if Path(root).is_dir():
        walk(str(root), "")
    return found


def check_site(out: Path, site_url: str, languages=(), *, workers: int = 1) -> list[LinkProblem]:
    """Every broken reference and integrity problem in a built output folder.

    `workers` > 1 checks the language folders in that many processes at once (forked, so
    nothing is imported again): reading and parsing every page is the longest step left
    after MkDocs. A language's pages link to each other's `#fragments` (search index,
    tables of contents) and only to other languages' pages as a whole, so split by
    language, each process parses little that another one parses too.
    """
    groups = [[""]] + [[] for _ in range(max(1, workers) - 1)]
    for i, lang in enumerate(languages):
        groups[i % len(groups)].append(lang)
    groups = [g for g in groups if g]
    if len(groups) == 1 or not hasattr(os, "fork"):
        return Checker(out, site_url, languages).run()
    import pickle

    children = []
    for group in groups[1:]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: check its folders, send the problems back, leave at once
            os.close(read)
            code = 0
            try:
                with os.fdopen(write, "wb") as pipe:
                    pickle.dump(Checker(out, site_url, languages).run(group), pipe)
            except BaseException:  # noqa: BLE001 - the parent sees no answer and checks again
                code = 1
            os._exit(code)
        os.close(write)
        children.append((group, pid, read))
    problems = set(Checker(out, site_url, languages).run(groups[0]))
    for group, pid, read in children:
        with os.fdopen(read, "rb") as pipe:
            answer = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0 and answer:
            problems.update(pickle.loads(answer))
        else:  # never pass a folder unchecked: check it here, where an error shows whole
            problems.update(Checker(out, site_url, languages).run(group))
    return sorted(problems)


def describe(problems: list[LinkProblem]) -> str:
    shown = [f"  {p}" for p in problems[:MAX_SHOWN]]
    more = len(problems) - MAX_SHOWN
    if more > 0:
        shown.append(f"  … and {more} more")
    return (f"the link and HTML check found {len(problems)} problem(s) in the built site:\n"
            + "\n".join(shown))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m generator.linkcheck", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="the built output folder")
    parser.add_argument("--site-url", required=True, help="site_url from data/site.yaml")
    parser.add_argument("--lang", action="append", default=[], help="a language folder (repeatable)")
    args = parser.parse_args(argv)
    problems = check_site(args.out, args.site_url, args.lang)
    if problems:
        print(describe(problems), file=sys.stderr)
        return 1
    print(f"{args.out}: no broken links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
