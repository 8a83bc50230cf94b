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
`python -m generator.publish.linkcheck site/ --site-url https://kayttoonotto.example/`
"""

from __future__ import annotations

import json
import posixpath
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.model.messages import say
from generator.publish.html_scan import PageScan, SiteScan, files_below, scan_html, scan_site

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


class Checker:
    """Resolves references against the files of one output folder."""

    def __init__(self, out: Path, site_url: str, languages: list[str] | tuple[str, ...] = (),
                 scan: SiteScan | None = None):
        self.out = Path(out)
        parts = urlsplit(site_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.host = parts.netloc
        self.base = parts.path.rstrip("/")
        self.languages = list(languages)
        self.problems: list[LinkProblem] = []
        self._scans: dict[str, PageScan] = dict(scan.pages) if scan else {}
        self._files: set[str] | None = set(scan.files) if scan else None
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

    def run(self) -> list[LinkProblem]:
        """Check every file."""
        for rel in sorted(self.files()):
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
        self.check_robots()
        self.check_redirects()
        self.check_headers()
        return sorted(set(self.problems))

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


def check_site(out: Path, site_url: str, languages=(), *, workers: int = 1,
               scan: SiteScan | None = None) -> list[LinkProblem]:
    """Every broken reference and integrity problem in a built output folder.

    `scan` is the output's HTML as `html_scan.scan_site` read it (the build reads it once, for
    `_headers` and for this check); without it the pages are read now, in `workers` processes.
    """
    if scan is None:
        scan = scan_site(out, workers=workers)
    return Checker(out, site_url, languages, scan).run()


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
