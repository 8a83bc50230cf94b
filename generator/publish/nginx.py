"""`_nginx.conf`: the CDN's rules (cdn.py) for a site served by nginx.

`_nginx.conf` is included inside the operator's `server { root …; }`. It is made from
the `_headers` rules and the redirects above, never written by hand, and it is checked
here against those rules for every file of the output (`nginx_locations`), so nginx
sends what the CDN sends. Two differences between the hosts shape it:

* Cloudflare applies *every* matching `_headers` rule; nginx picks *one* location per
  request, and a location with an `add_header` of its own drops all inherited ones. So
  each rule becomes one location carrying the full set of headers its files get.
* Cloudflare finds the nearest 404.html and never lists a folder; nginx is told so. A
  missing address then gets the headers of the 404 page nginx shows, not of the address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from generator import TEMPLATE_DIR
from generator.model.plan import SitePlan, redirects
from generator.publish.cdn import HOST_FILES, headers_for, served_paths
from generator.publish.headers import MEDIA_TYPES

NGINX_FILE = HOST_FILES[2]
NGINX_TEMPLATE = "nginx.conf.j2"

# nginx's `types` for this site (it replaces the host's mime.types inside the server) are
# headers.MEDIA_TYPES, the ones the preview and the CDN test server send too. Not .ics and .json:
# their Content-Type is a `_headers` rule, which the locations for them repeat.


GZIP_TYPES = ["text/css", "text/javascript", "text/plain", "application/json", "application/xml",
              "application/atom+xml", "application/rss+xml", "application/manifest+json", "text/calendar",
              "image/svg+xml"]
"""What nginx compresses besides text/html (the Content-Type without its parameters)."""


@dataclass(frozen=True)
class Location:
    """One nginx `location` block."""

    kind: str
    """In nginx's order of precedence: exact, redirect (both `=`), deny (`^~`), directory, folder,
    shape (regexes, tried in this order) and the catch-all prefix."""
    match: str
    probe: str
    """A URL path this location answers, for a location no file of the output reaches."""
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str = ""
    """The Content-Type `_headers` sets for the location's files; empty: by file extension."""
    redirect: str = ""

    @property
    def modifier(self) -> str:
        return {"exact": "=", "redirect": "=", "deny": "^~", "catch-all": ""}.get(self.kind, "~")

    @property
    def index(self) -> bool:
        """A directory URL: its index.html, else 404 (never a folder listing)."""
        return self.kind == "directory" or (self.kind == "exact" and self.match.endswith("/"))


KINDS = ("exact", "redirect", "deny", "directory", "folder", "shape", "catch-all")


def _nginx_location(pattern: str, base: str) -> Location:
    """The location that matches the same paths as a Cloudflare rule pattern."""
    probe = pattern.replace("*", "x")
    if "*" not in pattern:
        return Location("exact", pattern, pattern)
    if pattern == f"{base}/*":
        return Location("catch-all", f"{base}/", probe)
    if pattern.count("*") == 1 and pattern.endswith("/*"):
        return Location("folder", "^" + re.escape(pattern[:-1]), probe)
    if pattern.count("*") == 1 and pattern.startswith(f"{base}/*"):  # /*.ics, /*/
        suffix = pattern[len(base) + 2:]
        return Location("directory" if suffix == "/" else "shape",
                        "^" + re.escape(f"{base}/") + ".*" + re.escape(suffix) + "$", probe)
    raise ValueError(f"the _headers rule {pattern} has no nginx location; extend cdn._nginx_location")


def route(locations: list[Location], path: str) -> Location:
    """The location nginx picks for a path: exact, then the longest `^~` prefix, then the
    first regex in order, then the longest prefix."""
    for loc in locations:
        if loc.modifier == "=" and loc.match == path:
            return loc
    prefixes = [loc for loc in locations if loc.modifier in ("", "^~") and path.startswith(loc.match)]
    longest = max(prefixes, key=lambda loc: len(loc.match), default=None)
    if longest is not None and longest.modifier == "^~":
        return longest
    for loc in locations:
        if loc.modifier == "~" and re.search(loc.match, path):
            return loc
    if longest is None:
        raise ValueError(f"no nginx location answers {path}")
    return longest


def nginx_locations(site: SitePlan, out: Path, rules: list[tuple[str, list[tuple[str, str]]]]) -> list[Location]:
    """Every location of `_nginx.conf`, in nginx's order, each with the headers `_headers` gives
    every path it answers.

    Directory URLs come first among the regexes (they serve their index.html or a 404, never a
    listing), then folders, longest first, then file shapes. Raises ValueError when two paths of
    the output would share a location but get different headers from the CDN.
    """
    base = site.base_path
    shells = [_nginx_location(pattern, base) for pattern, _ in rules]
    shells.append(Location("deny", f"{base}/_", f"{base}/_x"))
    shells += [Location("redirect", item.old, item.old, redirect=item.new) for item in redirects(site)]
    exact = [loc.match for loc in shells if loc.modifier == "="]
    if len(set(exact)) != len(exact):
        raise ValueError("two exact nginx locations for the same address")
    ordered = sorted(shells, key=lambda loc: (KINDS.index(loc.kind),
                                              -len(loc.match) if loc.kind == "folder" else 0))

    reached: dict[int, tuple[str, dict[str, str]]] = {}
    for file in sorted(out.rglob("*")):
        rel = file.relative_to(out).as_posix()
        if not file.is_file() or rel in HOST_FILES:
            continue
        for path in served_paths(rel):
            path = base + path
            loc = route(ordered, path)
            want = headers_for(rules, path)
            first = reached.setdefault(id(loc), (path, want))
            if first[1] != want:
                raise ValueError(f"nginx would answer {first[0]} and {path} from the same location "
                                 f"({loc.modifier} {loc.match}) but _headers gives them different headers")
    result = []
    for loc in ordered:
        headers = dict(reached[id(loc)][1]) if id(loc) in reached else headers_for(rules, loc.probe)
        content_type = headers.pop("Content-Type", "")
        result.append(Location(loc.kind, loc.match, loc.probe, tuple(headers.items()), content_type,
                               loc.redirect))
    return result


def not_found_pages(site: SitePlan, out: Path) -> list[tuple[str, str]]:
    """(folder URL, its 404 page) for every 404.html of the output, shallowest first: the
    nearest one up the tree answers a missing address, as on Cloudflare."""
    pages = sorted(out.rglob("404.html"), key=lambda p: (len(p.relative_to(out).parts), p.as_posix()))
    found = []
    for page in pages:
        folder = page.parent.relative_to(out).as_posix()
        prefix = f"{site.base_path}/" + ("" if folder == "." else folder + "/")
        found.append((prefix, prefix + "404.html"))
    return found


_NGINX_UNSAFE = re.compile(r'["\\$\x00-\x1f\x7f]')
_REGEX_ESCAPE = re.compile(r"\\[()\[\]{}?*+\-|^$.&~#]")  # what re.escape puts a backslash before


def _nginx_string(value: str, *, regex: bool = False) -> str:
    """A double-quoted nginx string. `$` would start a variable (except as a regex's end
    anchor), a quote or backslash would end or escape it: such values are refused. In a
    regex, re.escape's backslash before punctuation passes through nginx's parser unchanged."""
    body = value
    if regex:
        body = _REGEX_ESCAPE.sub("", body.removesuffix("$"))
    if _NGINX_UNSAFE.search(body):
        raise ValueError(f"{value!r} cannot be written into nginx's configuration safely")
    return f'"{value}"'


def _bare_type(value: str) -> str:
    """The media type without its charset: nginx's charset module adds that, and matches its
    charset_types and gzip_types against the bare type only."""
    bare, _, params = value.partition(";")
    if params.strip() not in ("", "charset=utf-8"):
        raise ValueError(f"the Content-Type {value!r} has parameters nginx cannot add")
    return bare.strip()


@cache
def _environment() -> jinja2.Environment:
    """Its own environment: the config is not Markdown, and its filters belong to nobody else."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), undefined=jinja2.StrictUndefined,
                             autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["nginx"] = _nginx_string
    env.filters["bare_type"] = _bare_type
    return env


def nginx_conf(site: SitePlan, out: Path, rules: list[tuple[str, list[tuple[str, str]]]]) -> str:
    env = _environment()
    locations = nginx_locations(site, out, rules)
    types = [*MEDIA_TYPES.values(), *(loc.content_type for loc in locations if loc.content_type)]
    charset_types = {_bare_type(t) for t in types if t != _bare_type(t)}
    uncharted = sorted(t for t in types if t in charset_types)
    if uncharted:  # nginx adds a charset per type, never per file
        raise ValueError(f"{uncharted[0]} is sent with and without charset=utf-8; pick one in headers.MEDIA_TYPES")
    return env.get_template(NGINX_TEMPLATE).render(
        base=site.base_path, host=urlsplit(site.project.config.site_url).hostname, media_types=MEDIA_TYPES,
        charset_types=sorted(charset_types), gzip_types=GZIP_TYPES, not_found=not_found_pages(site, out),
        locations=locations, file_name=NGINX_FILE)


def write_nginx(site: SitePlan, out: Path, rules: list[tuple[str, list[tuple[str, str]]]]) -> None:
    """`_nginx.conf`: the same headers, redirects and 404 pages for a site served by nginx."""
    from generator.model.errors import BuildError

    try:
        text = nginx_conf(site, out, rules)
    except ValueError as exc:
        raise BuildError(f"{NGINX_FILE}: {exc}") from None
    (out / NGINX_FILE).write_text(text, encoding="utf-8")
