"""What a static host needs beside the files: `_headers`, `_redirects` and `_nginx.conf`.

Format: Cloudflare Pages (which `tests/browser/cdnserver.py` emulates); Netlify
reads the same files. `_nginx.conf` says the same for nginx: nginx.py derives it from
the very rules written to `_headers` and `_redirects`, so the hosts cannot drift apart. Three rules shape this module:

* **Strict CSP.** No 'unsafe-inline' anywhere. The only inline scripts allowed
  are Material's own, recognised by their exact text as it appears in the
  installed theme's templates (`material/templates/partials/javascripts/`);
  their SHA-256 hashes are computed from the built HTML. Anything else the CSP
  would block (an unknown inline script, an inline event handler, a
  `javascript:` URL, inline styles) fails the build: a new inline script must be
  a conscious decision, never an accident or an injection through the data.
* **Cache rules never overlap.** When two `_headers` rules set the same header,
  both hosts *join* the values with a comma ("max-age=0, …, max-age=31536000"),
  so every served path gets at most one rule that sets `Cache-Control`:
  content-hashed theme assets are immutable for a year, everything else
  (HTML, sitemaps, feeds, the search index, unhashed assets) is revalidated.
* **Old addresses keep working.** Every earlier slug declared in the data gets a
  301 in `_redirects` and, for hosts without `_redirects`, a static page in the
  right language that sends readers on.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from generator.model.guard import OUTPUT_STAMP
from generator.model.plan import SitePlan, redirects
from generator.publish.headers import matches
from generator.publish.html_scan import SiteScan, files_below, scan_html, scan_site

MAX_INLINE_HASHES = 6
"""More distinct inline scripts than this means the bootstrap differs per page
(extra.scope is not '/') or features were switched on without thinking of CSP."""

MAX_HEADER_RULES = 100
"""Cloudflare Pages reads at most 100 header rules; the rest are silently ignored."""
MAX_LINE = 2000
"""Cloudflare Pages' limit for one line of `_headers`."""

_JINJA_RE = re.compile(r"\{\{.*?\}\}", re.S)
"""A Jinja expression inside a template's script body (JavaScript, not HTML)."""
_HASHED_ASSET_RE = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$")

SECURITY_HEADERS = [
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
]
REVALIDATE = "public, max-age=0, must-revalidate"
IMMUTABLE = "public, max-age=31536000, immutable"
CALENDAR = "text/calendar; charset=utf-8"
JSON = "application/json; charset=utf-8"
# The last one is the stamp that marks the folder as a build's output (guard.py): not a page.
HOST_FILES = ("_headers", "_redirects", "_nginx.conf", OUTPUT_STAMP)
"""Instructions for the host at the root of the output, never addresses of the site."""
ATOM = "application/atom+xml; charset=utf-8"
PAGES_OWN_HEADERS = ("Access-Control-Allow-Origin",)
"""Headers Cloudflare Pages adds to every response before applying `_headers` (its `*` for CORS):
the first rule detaches them (`! Name`), so that only the `/api/*` rule lets other sites read
files, as nginx and the preview do."""

# Served paths that are always revalidated, by shape (below the base path). They
# never match a content-hashed asset, so no path gets two Cache-Control rules.
GENERIC_CACHE_RULES: list[tuple[str, list[tuple[str, str]]]] = [
    ("/", [("Cache-Control", REVALIDATE)]),  # the language chooser
    ("/*/", [("Cache-Control", REVALIDATE)]),  # every page (directory URLs)
    ("/*.html", [("Cache-Control", REVALIDATE)]),  # 404 pages, /x/index.html
    ("/*.xml", [("Cache-Control", REVALIDATE)]),  # sitemaps
    ("/*.xml.gz", [("Cache-Control", REVALIDATE)]),
    ("/*.txt", [("Cache-Control", REVALIDATE)]),  # robots.txt
    ("/*.ics", [("Content-Type", CALENDAR), ("Cache-Control", REVALIDATE)]),
    ("/*.json", [("Content-Type", JSON), ("Cache-Control", REVALIDATE)]),  # API, search index
    ("/*.atom", [("Content-Type", ATOM), ("Cache-Control", REVALIDATE)]),  # the change log's feeds
]


class UnexpectedInlineScript(Exception):
    pass


# ---------------------------------------------------------------------------
# Content-Security-Policy
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def material_inline_scripts() -> tuple[re.Pattern, ...]:
    """Every inline script Material's templates can write, as an exact pattern.

    Read from the installed theme, so a Material upgrade that changes a script
    is picked up (and its new hash computed) without editing this file. The
    only variable parts are Jinja expressions inside string literals (e.g. the
    scope URL); they may not contain a quote, backslash or angle bracket.
    """
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise UnexpectedInlineScript("mkdocs-material is not installed")
    folder = Path(list(spec.submodule_search_locations)[0]) / "templates" / "partials" / "javascripts"
    patterns = []
    for template in sorted(folder.glob("*.html")):
        # The templates are HTML with Jinja between the tags: the same parser as the built pages.
        for script in scan_html(template.read_text(encoding="utf-8")).scripts:
            if script.bare:
                parts = _JINJA_RE.split(script.body)
                patterns.append(re.compile(r'[^"\\<>]*'.join(re.escape(p) for p in parts)))
    if not patterns:
        raise UnexpectedInlineScript(f"no inline scripts found in {folder}; has Material changed?")
    return tuple(patterns)


def inline_scripts(text: str) -> list[tuple[str, int]]:
    """(body, line) of every inline script a browser would execute, in one page's HTML."""
    return [(script.body, script.line) for script in scan_html(text).scripts if script.executable]


def script_hash(body: str) -> str:
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def scan_inline_scripts(out: Path, scan: SiteScan | None = None) -> tuple[dict[str, str], list[str]]:
    """({CSP hash: first file using it}, [every inline script that is not Material's]), from the
    output's HTML as `html_scan.scan_site` read it (read now when `scan` is not given)."""
    known = material_inline_scripts()
    found: dict[str, str] = {}
    unexpected: list[str] = []
    pages = (scan or scan_site(out)).pages
    for rel in sorted(pages, key=lambda rel: rel.split("/")):  # folder by folder, as paths sort
        for script in pages[rel].scripts:
            if not script.executable:
                continue
            if any(p.fullmatch(script.body) for p in known):
                found.setdefault(script_hash(script.body), rel)
            else:
                unexpected.append(f"{rel}:{script.line}: {script.body.strip()[:100]!r}")
    return found, unexpected


def inline_script_hashes(out: Path, scan: SiteScan | None = None) -> list[str]:
    """CSP hashes of every inline script in the built HTML; each must be Material's."""
    found, unexpected = scan_inline_scripts(out, scan)
    if unexpected:
        shown = "\n".join(f"  {item}" for item in unexpected[:20])
        more = f"\n  … and {len(unexpected) - 20} more" if len(unexpected) > 20 else ""
        raise UnexpectedInlineScript(
            f"inline scripts that are not Material's ({len(unexpected)}); the Content-Security-Policy "
            f"would block them:\n{shown}{more}\n"
            "Put scripts in a file under overrides/assets/ and load it with <script src>. If one came "
            "from the data, the data validation has a hole: report it.")
    if len(found) > MAX_INLINE_HASHES:
        raise UnexpectedInlineScript(
            f"{len(found)} different inline scripts (expected at most {MAX_INLINE_HASHES}); "
            "check that extra.scope is '/' in mkdocs.yml")
    return sorted(found)


def content_security_policy(hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ])


# ---------------------------------------------------------------------------
# _headers
# ---------------------------------------------------------------------------


def served_paths(rel: str) -> list[str]:
    """The URL paths (below the base path) a file is served at."""
    if rel == "index.html":
        return ["/", "/index.html"]
    if rel.endswith("/index.html"):
        return ["/" + rel[: -len("index.html")], "/" + rel]
    return ["/" + rel]


def _cache_rules(files: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Cache-Control for every file the generic rules do not cover, one rule per path.

    A whole folder gets one `folder/*` rule when every file below it needs the
    same policy (e.g. `assets/stylesheets/*`: all content-hashed), else each
    file gets its own rule. Keeps the rule count far below Cloudflare's 100.
    """
    policy: dict[str, str] = {}
    for rel in sorted(files):
        if rel in HOST_FILES:
            continue
        if any(matches(pattern, path) for path in served_paths(rel)
               for pattern, _ in GENERIC_CACHE_RULES):
            policy[rel] = ""  # covered by a generic rule
        else:
            policy[rel] = IMMUTABLE if _HASHED_ASSET_RE.search(rel) else REVALIDATE

    rules: list[tuple[str, list[tuple[str, str]]]] = []

    def cover(folder: str, below: dict[str, str]) -> None:
        prefix = folder + "/" if folder else ""
        values = set(below.values())
        if folder and len(values) == 1 and "" not in values:
            rules.append((f"/{prefix}*", [("Cache-Control", values.pop())]))
            return
        groups: dict[str, dict[str, str]] = {}
        for rel, pol in below.items():
            head, sep, _ = rel[len(prefix):].partition("/")
            if sep:
                groups.setdefault(head, {})[rel] = pol
            elif pol:
                rules.append((f"/{rel}", [("Cache-Control", pol)]))
        for sub in sorted(groups):
            cover(prefix + sub, groups[sub])

    cover("", policy)
    return rules


def header_rules(site: SitePlan, out: Path, hashes: list[str],
                 files: list[str] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The `_headers` rules for the output (`files`: its output-relative paths, listed now
    when not given)."""
    files = files_below(out) if files is None else files
    base = site.base_path
    rules = [(f"{base}/*", [("Content-Security-Policy", content_security_policy(hashes)),
                            *SECURITY_HEADERS])]
    rules += [(base + path, headers) for path, headers in GENERIC_CACHE_RULES]
    rules.append((f"{base}/api/*", [("Access-Control-Allow-Origin", "*")]))
    rules += [(base + path, headers) for path, headers in _cache_rules(files)]
    return rules


def headers_for(rules: Sequence[tuple[str, Sequence[tuple[str, str | None]]]], path: str) -> dict[str, str]:
    """The headers a CDN sends for a path: every matching rule, in order (at most one sets each);
    `rules` as `header_rules` makes them or as `headers.parse_headers` reads them back."""
    found: dict[str, str] = {}
    for pattern, headers in rules:
        if matches(pattern, path):
            for name, value in headers:
                if value is None:  # `! Name`: removes what an earlier rule (or the host) set
                    found.pop(name, None)
                else:
                    found[name] = value
    return found


def write_headers(site: SitePlan, out: Path, scan: SiteScan | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Write `_headers` for the output as `scan` read it (read now when not given); returns its
    rules (the model `_nginx.conf` is made from)."""
    from generator.model.errors import BuildError

    scan = scan or scan_site(out)
    try:
        hashes = inline_script_hashes(out, scan)
    except UnexpectedInlineScript as exc:
        raise BuildError(str(exc)) from None
    rules = header_rules(site, out, hashes, scan.files)
    if len(rules) > MAX_HEADER_RULES:
        raise BuildError(f"_headers would have {len(rules)} rules; Cloudflare Pages reads only "
                         f"{MAX_HEADER_RULES}")
    lines = ["# Generated by the build (generator/publish/cdn.py). Cloudflare Pages / Netlify format.",
             "# Every path gets at most one rule that sets Cache-Control (values of repeated",
             "# headers would be joined with a comma)."]
    for number, (path, headers) in enumerate(rules):
        lines.append(path)
        if number == 0:  # `/*`: every response
            lines += [f"  ! {name}" for name in PAGES_OWN_HEADERS]
        lines += [f"  {name}: {value}" for name, value in headers]
    too_long = [line for line in lines if len(line) > MAX_LINE]
    if too_long:
        raise BuildError(f"a _headers line is longer than {MAX_LINE} characters: {too_long[0][:80]}…")
    (out / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rules


# ---------------------------------------------------------------------------
# _redirects
# ---------------------------------------------------------------------------


def redirect_files(site: SitePlan) -> dict[str, bytes]:
    """`_redirects`, and a fallback page at every old address, by output-relative path."""
    lines = ["# Generated by the build (generator/publish/cdn.py): old address → new address.",
             "# Static rules first (Cloudflare counts every rule after a splat as dynamic)."]
    strings = site.project.strings
    base = site.base_path
    files = {}
    for item in redirects(site):
        lines.append(f"{item.old} {item.new} 301")
        # Hosts without _redirects: a static page in the right language that sends readers on.
        files[site.stub_file(item)] = _moved_page(item.new, item.lang,
                                                    strings["moved"][item.lang]).encode("utf-8")
    # Per-language 404 pages for Netlify (its `404` rewrites apply only when no file
    # matches). Cloudflare ignores these two lines (it accepts only 200 and 30x) and
    # finds the nearest 404.html up the tree by itself.
    for lang in site.project.languages:
        lines.append(f"{base}/{lang}/* {base}/{lang}/404.html 404")
    files["_redirects"] = ("\n".join(lines) + "\n").encode("utf-8")
    return files


def check_redirects_free(site: SitePlan, out: Path) -> None:
    """Refuse a redirect from an address MkDocs published a page at."""
    from generator.model.errors import BuildError

    for item in redirects(site):
        if (out / site.stub_file(item)).exists():
            # Cloudflare follows a redirect even when a file matches: the page would vanish.
            raise BuildError(f"the old address {item.old} redirects to {item.new}, but a page is "
                             f"published at {item.old}: remove the redirect or rename the page")


def _moved_page(new: str, lang: str, text: str) -> str:
    from generator.render.pages import html_environment

    return html_environment().get_template("moved.html.j2").render(lang=lang, title=text, text=text, new=new)
