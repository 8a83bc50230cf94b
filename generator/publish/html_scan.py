"""One read of the built HTML, shared by the link checker and the CDN files.

Every HTML file of the output is read once, with the standard library's `HTMLParser`, and
what the later steps need is kept (`PageScan`): for the link checker (linkcheck.py) the
ids, the links and what a page must never contain; for the Content-Security-Policy
(cdn.py) every inline `<script>`'s body, exactly as written between its tags. The
parser reads a page as a browser does (a `<script>` inside a comment is no script, an
attribute's value is unescaped, a tag's case does not matter), so the two cannot see
different pages.

`scan_site` reads the pages of an output folder, in `workers` processes at once: parsing
is most of what the checks after MkDocs cost, and each page is parsed exactly once.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

from generator.model.urlsafety import url_scheme

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
JS_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
            "application/ecmascript"}
"""`type=` values (trimmed, any case) of a `<script>` a browser runs."""


class InlineScript(NamedTuple):
    line: int
    """The line of the `<script` tag."""
    body: str
    """The text between `<script …>` and `</script>`, exactly as written."""
    executable: bool
    """A browser runs it: no `src=` and a JavaScript `type=` (or none)."""
    bare: bool
    """The tag has no attributes at all."""


@dataclass
class PageScan:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str, str, str]] = field(default_factory=list)
    """(line, element, attribute, url)"""
    issues: list[tuple[int, str]] = field(default_factory=list)
    lang: str | None = None
    element_ids: set[str] = field(default_factory=set)
    """`id=` values seen so far: each may be on one element only."""
    scripts: list[InlineScript] = field(default_factory=list)
    """Every `<script>` element with its body, in page order."""


def _first(attrs: list[tuple[str, str | None]], name: str) -> str | None:
    """An attribute's value as a browser takes it: the first of repeated ones."""
    return next(((value or "") for key, value in attrs if key == name), None)


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
            if name == "id" and value in scan.element_ids:
                # e.g. a heading whose text makes the id of the page's own element (`kg-planner`):
                # the page's script would find the heading, and a link would land on either.
                scan.issues.append((line, f"the id {value!r} is on two elements of this page (a heading "
                                          "text may make an id the page uses): change the text"))
            if name == "id":
                scan.element_ids.add(value)
            scan.ids.add(value)
        if name in URL_ATTRS and tag in URL_ATTRS[name]:
            urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] \
                if name == "srcset" else [value]
            for url in urls:
                if is_script_or_data(url) and not (url_scheme(url) == "data" and tag == "img"
                                                   and name == "src"):
                    scan.issues.append((line, f"{name}={url[:60]!r} on <{tag}>: script and data "
                                              "links are never allowed"))
                else:
                    scan.links.append((line, tag, name, url))
    if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
        refresh = _refresh_url(dict(attrs).get("content") or "")
        if refresh is not None:
            if is_script_or_data(refresh):
                scan.issues.append((line, f"meta refresh to {refresh[:60]!r}"))
            else:
                scan.links.append((line, tag, "content", refresh))


def _refresh_url(content: str) -> str | None:
    """The address of a `<meta http-equiv=refresh content="5; url=…">`, None without one."""
    delay, sep, rest = content.partition(";")
    key, equals, value = rest.partition("=")
    url = value.strip()
    if not (sep and equals and delay.strip().isdecimal() and key.strip().lower() == "url"
            and value.strip("\n") and "\n" not in url):
        return None
    return url.strip("'\"")


def is_script_or_data(url: str) -> bool:
    return url_scheme(url) in {"javascript", "vbscript", "data", "file"}


class _Scanner(HTMLParser):
    """Reads one page with the standard library's HTML parser; the policy is in _element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._script: tuple[int, bool, bool] | None = None
        self._body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        _element(self.scan, line, tag, attrs)
        if tag == "script":  # the parser gives its body as raw text, up to `</script>`
            kind = (_first(attrs, "type") or "").strip().lower()
            self._script = (line, _first(attrs, "src") is None and kind in JS_TYPES, not attrs)
            self._body = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _element(self.scan, self.getpos()[0], tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._body.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, executable, bare = self._script
            self.scan.scripts.append(InlineScript(line, "".join(self._body), executable, bare))
            self._script = None


def scan_html(text: str) -> PageScan:
    """ids, links, issues, lang and scripts of one HTML page."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.scan


@dataclass
class SiteScan:
    """Every file of an output folder, and the scan of each of its HTML pages."""

    files: list[str]
    """Output-relative paths of every file, as `files_below` lists them."""
    pages: dict[str, PageScan]
    """By output-relative path, in sorted order."""


def scan_site(out: Path, *, workers: int = 1) -> SiteScan:
    """Read every HTML file below `out` once; `workers` > 1 parses in that many processes
    (forked, so nothing is imported again; this process parses a share too)."""
    files = files_below(out)
    html = sorted(rel for rel in files if rel.endswith(".html"))
    count = max(1, min(workers, len(html)))
    shares = [html[i::count] for i in range(count)]  # alternate pages: similar sizes in each
    if count == 1:
        scans = _scan_pages(out, html)
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=count - 1, mp_context=context) as pool:
            futures = [pool.submit(_scan_pages, out, share) for share in shares[1:]]
            scans = _scan_pages(out, shares[0])
            for share, future in zip(shares[1:], futures, strict=True):
                try:
                    scans.update(future.result())
                except Exception:  # noqa: BLE001 - read it here, where an error shows whole
                    scans.update(_scan_pages(out, share))
    return SiteScan(files, {rel: scans[rel] for rel in html})


def _scan_pages(out: Path, pages: list[str]) -> dict[str, PageScan]:
    return {rel: scan_html((out / rel).read_text(encoding="utf-8")) for rel in pages}


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
