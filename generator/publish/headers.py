"""Read a built site's `_headers` the way the CDN does, so a local server can send the same headers.

One reader for everyone who serves a built site locally: the editors' preview
(`generator/commands/serve.py`) and the browser tests' stand-in CDN
(`tests/browser/cdnserver.py`). The file itself is written by `generator/publish/cdn.py`.

Cloudflare Pages rules: a line that does not start with whitespace is a URL
path pattern (`*` matches anything, `/` included); the indented `Name: value`
lines below it are the headers for every matching path; `! Name` removes a
header an earlier rule set. When several matching rules set the same header
the values are joined with a comma (which is why cdn.py never lets two
Cache-Control rules overlap).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

Rule = tuple[str, list[tuple[str, str | None]]]
"""(path pattern, [(header name, value, or None for `! Name`)])."""

MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "css": "text/css",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "map": "application/json; charset=utf-8",  # source maps
    "webmanifest": "application/manifest+json",
    "xml": "application/xml",
    "atom": "application/atom+xml; charset=utf-8",  # the change log feeds
    "rss": "application/rss+xml",
    "txt": "text/plain; charset=utf-8",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "ico": "image/vnd.microsoft.icon",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "pdf": "application/pdf",
    "gz": "application/gzip",  # sitemap.xml.gz is a gzip file, not XML
}
"""The Content-Type of a file by its last extension, as the host sends it: nginx's `types` for the
site (generator/publish/nginx.py), the preview's and the CDN test server's."""

CONTENT_TYPES = {**{f".{ext}": media_type for ext, media_type in MEDIA_TYPES.items()},
                 ".ics": "text/calendar; charset=utf-8", ".json": "application/json; charset=utf-8"}
"""What a local server sends when no `_headers` rule sets Content-Type (on the host, .ics and
.json get theirs from `_headers`); any other file is application/octet-stream, as on nginx."""


def parse_headers(text: str) -> list[Rule]:
    rules: list[Rule] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((stripped, []))
        elif not rules:
            continue  # a header before any path: the CDN ignores it too
        elif stripped.startswith("!"):
            rules[-1][1].append((stripped[1:].strip(), None))
        else:
            name, _, value = stripped.partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def read_rules(folder: Path) -> list[Rule]:
    """The rules of `folder/_headers`; none when the site has no such file."""
    path = Path(folder) / "_headers"
    return parse_headers(path.read_text(encoding="utf-8")) if path.is_file() else []


@lru_cache(maxsize=4096)  # bounded: `serve` rebuilds for hours; every file is matched against every rule
def _pattern(pattern: str) -> re.Pattern:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")))


def matches(pattern: str, path: str) -> bool:
    return _pattern(pattern).fullmatch(path) is not None


def headers_for(rules: list[Rule], path: str) -> dict[str, str]:
    """Headers for URL path `path`, by lower-case name: every matching rule in order."""
    result: dict[str, str] = {}
    for pattern, headers in rules:
        if not matches(pattern, path):
            continue
        for name, value in headers:
            key = name.lower()
            if value is None:
                result.pop(key, None)
            else:
                result[key] = f"{result[key]}, {value}" if key in result else value
    return result


def content_type(path: str | Path) -> str:
    """The Content-Type a file gets when `_headers` does not set one."""
    return CONTENT_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")
