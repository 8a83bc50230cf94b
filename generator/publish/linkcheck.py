"""The integrity check over the whole output folder.

MkDocs' strict mode checks links inside one language build; this checks what
only exists after every build and the post-build stage have run:

* every internal `href`/`src`/`srcset`/`action` in every HTML file resolves to a
  file, and every `#fragment` to an `id` in the target page (cross-language
  links, root pages, redirect pages and 404 pages included);
* 404 pages use only absolute addresses (they are served at any depth);
* nothing in the HTML that the Content-Security-Policy would block or that
  should never come from data: inline event handlers (`onclick=`),
  `javascript:`/`vbscript:`/`data:` links, inline styles, `<iframe>`/`<object>`;
* every `id` once per page (a heading's text can make the id of one of the page's own elements);
* `<html lang>` matches the language folder;
* every `_redirects` target and `_headers` path exists, and no redirect shadows
  a live page (Cloudflare follows redirects even when a file matches);
* every `<loc>` and hreflang link in the sitemaps, the sitemap in robots.txt,
  every search result location, every own URL in the JSON and calendar feeds.

Run it by hand on a built folder:
`python -m generator.publish.linkcheck site/ --site-url https://kayttoonotto.kanta.fi/`
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Collection
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.model.messages import say
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
_REFRESH_RE = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(.+)$", re.I)
MAX_SHOWN = 40


@dataclass(frozen=True, order=True)
class LinkProblem:
    source: str
    """The file (and line) the broken reference is in, relative to the output folder."""
    message: str
    code: str = ""
    """For a link an editor may have written: 'link-missing' or 'link-anchor' (see `args`)."""
    args: tuple[str, ...] = ()
    """The link as written, then the address or the page and the missing id."""

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class PageScan:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str, str, str]] = field(default_factory=list)
    """(line, element, attribute, url)"""
    issues: list[tuple[int, str]] = field(default_factory=list)
    lang: str | None = None
    element_ids: set[str] = field(default_factory=set)
    """`id=` values seen so far: each may be on one element only."""


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
                if _is_script_or_data(url) and not (url_scheme(url) == "data" and tag == "img"
                                                    and name == "src"):
                    scan.issues.append((line, f"{name}={url[:60]!r} on <{tag}>: script and data "
                                              "links are never allowed"))
                else:
                    scan.links.append((line, tag, name, url))
    if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
        match = _REFRESH_RE.match(dict(attrs).get("content") or "")
        if match:
            url = match[1].strip().strip("'\"")
            if _is_script_or_data(url):
                scan.issues.append((line, f"meta refresh to {url[:60]!r}"))
            else:
                scan.links.append((line, tag, "content", url))


def _is_script_or_data(url: str) -> bool:
    return url_scheme(url) in {"javascript", "vbscript", "data", "file"}


class _Scanner(HTMLParser):
    """Reads one page with the standard library's HTML parser; the policy is in _element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _element(self.scan, self.getpos()[0], tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _element(self.scan, self.getpos()[0], tag, attrs)


def scan_html(text: str) -> PageScan:
    """ids, links, issues and lang of one HTML page."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.scan


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

    def add(self, source: str, message: str, code: str = "", args: tuple[str, ...] = ()) -> None:
        self.problems.append(LinkProblem(source, message, code, args))

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
                self.add(source, f"{what} {url!r}: nothing is published at {path}", "link-missing", (url, path))
            return
        if fragment and target.endswith(".html") and fragment not in self.page(target).ids:
            self.add(source, f"{what} {url!r}: {target} has no id {fragment!r}", "link-anchor",
                     (url, target, fragment))

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
            elif tag == "link" and (href := element.get("href")):
                self.absolute(rel, href, f"hreflang {element.get('hreflang')}")

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
    return (f"the link and HTML check found {say('problems', 'en', n=len(problems))} in the built site:\n"
            + "\n".join(shown))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m generator.publish.linkcheck", description=__doc__.split("\n")[0])
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
