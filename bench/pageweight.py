"""Page weight: what each page type makes a browser download, raw and gzip.

What a page loads is derived from its HTML: `<link rel=stylesheet|icon|...>`,
`<script src>`, `<img src>`, `url(...)` inside the loaded CSS (fonts, images),
plus what Material's JavaScript fetches by itself on every page: the search
worker named in the `__config` block, `search/search_index.json`, and the lunr
language files the worker imports (`lunr.stemmer.support` + `lunr.<lang>` for a
non-English search language, `lunr.multi` when several). Optionally the list is
cross-checked against the requests Chromium really makes (Playwright), and any
difference is reported.

Sizes: `raw` is the file size; `gzip` is what tests/browser/cdnserver.py sends
(gzip level 9 for HTML/CSS/JS/JSON/SVG, images as they are).

First visit = HTML + every asset + search index (+ worker and lunr files). Material's
scripts, which kg.js loads on the reader's first tap, key or scroll (`data-src`), are
counted too: the figure is a visit that uses the page, search included.
Repeat visit = HTML only: every other file is in the browser cache, the
content-hashed ones as `immutable` and the rest (kg.css, kg.js, favicon, lunr,
search_index.json) revalidated with a 304 that carries no body. The number of
such revalidation requests is reported next to it.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from common import ROOT, gz

sys.path.insert(0, str(ROOT))

PAGE_TYPES = ["home", "planner", "process", "registration", "schedule", "period", "services", "service",
              "requirements", "customer", "changes", "accessibility", "root"]
TARGET_FIRST_KB = 120.0
TARGET_REPEAT_KB = 12.0
TARGET_INDEX_PER_PAGE_KB = 1.0
GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".txt")
_CSS_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_HASHED_RE = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")


class _Refs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []  # (kind, url)
        self.lang = None
        self._in_config = False
        self.config = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower().split()
            if "stylesheet" in rel:
                self.refs.append(("css", a["href"]))
            elif {"icon", "shortcut", "apple-touch-icon", "manifest", "preload", "modulepreload"} & set(rel):
                self.refs.append(("image" if "icon" in rel or "apple-touch-icon" in rel else "other", a["href"]))
        elif tag == "script":
            if a.get("src") or a.get("data-src"):  # data-src: Material's, on the first interaction
                self.refs.append(("js", a.get("src") or a["data-src"]))
            elif a.get("id") == "__config":
                self._in_config = True
        elif tag == "form" and a.get("data-api"):  # the planner's script fetches its rules' JSON
            self.refs.append(("other", a["data-api"]))
        elif tag in ("img", "source") and (a.get("src") or a.get("srcset")):
            self.refs.append(("image", (a.get("src") or a.get("srcset")).split()[0]))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False

    def handle_data(self, data):
        if self._in_config:
            self.config += data


def _kind(path: str) -> str:
    ext = posixpath.splitext(path)[1].lower()
    return {".css": "css", ".js": "js", ".json": "json", ".html": "html", ".woff": "font", ".woff2": "font",
            ".ttf": "font", ".otf": "font"}.get(ext, "image" if ext in (".png", ".svg", ".ico", ".jpg",
                                                                        ".jpeg", ".webp", ".gif") else "other")


def _sizes(site: Path, url_path: str) -> dict:
    file = site / url_path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    data = file.read_bytes()
    compressed = gz(data) if file.suffix in GZIP_TYPES else len(data)
    return {"raw": len(data), "gzip": compressed}


def _resolve(base_url: str, ref: str) -> str | None:
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith("data:") or ref.startswith("#"):
        return None if parts.scheme not in ("",) else None
    if ref.startswith("/"):
        path = parts.path
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(base_url), parts.path))
        if parts.path.endswith("/") and not path.endswith("/"):
            path += "/"
    return path


def page_loads(site: Path, url_path: str, languages: list[str]) -> dict:
    """Everything one page makes the browser fetch: {url path: kind}."""
    html_file = site / url_path.lstrip("/")
    if url_path.endswith("/"):
        html_file = html_file / "index.html"
    parser = _Refs()
    parser.feed(html_file.read_text(encoding="utf-8"))
    base = url_path if url_path.endswith("/") else posixpath.dirname(url_path) + "/"
    loads: dict[str, str] = {}
    for kind, ref in parser.refs:
        path = _resolve(base + "x", ref)
        if path:
            loads[path] = kind
    # CSS may pull fonts and images.
    for path, kind in list(loads.items()):
        if kind == "css":
            text = (site / path.lstrip("/")).read_text(encoding="utf-8", errors="replace")
            for ref in _CSS_URL_RE.findall(text):
                sub = _resolve(path, ref)
                if sub and (site / sub.lstrip("/")).is_file():
                    loads.setdefault(sub, _kind(sub))
    # What Material's bundle fetches by itself: search worker, index, lunr languages.
    if parser.config:
        config = json.loads(parser.config)
        site_base = posixpath.normpath(posixpath.join(base, config.get("base", "."))) + "/"
        if config.get("search"):
            loads[posixpath.normpath(posixpath.join(base, config["search"]))] = "js"  # relative to the page
            loads[site_base + "search/search_index.json"] = "search-index"
            index = json.loads((site / (site_base + "search/search_index.json").lstrip("/")).read_text())
            search_langs = [x for x in index.get("config", {}).get("lang", ["en"]) if x != "en"]
            lunr = site_base + "assets/javascripts/lunr/"
            if search_langs:
                loads[lunr + "min/lunr.stemmer.support.min.js"] = "js"
            if len(index.get("config", {}).get("lang", [])) > 1:
                loads[lunr + "min/lunr.multi.min.js"] = "js"
            for lang in search_langs:
                loads[lunr + f"min/lunr.{lang}.min.js"] = "js"
                if lang == "ja":
                    loads[lunr + "tinyseg.js"] = "js"
                if lang == "th":
                    loads[lunr + "wordcut.js"] = "js"
    return {"lang": parser.lang, "loads": loads}


SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const node = document.getElementById('__config');
  if (!node) return true;  // the root chooser: no Material, nothing more to load
  const config = JSON.parse(node.textContent);
  return document.documentElement.dataset.kgMaterial === 'mounted' && !!meta &&
    meta.textContent.trim() === config.translations['search.result.placeholder'];
}"""
"""Material has mounted and its search worker has built the index."""


def record_with_browser(base: str, paths: list[str]) -> dict[str, list[str]]:
    """The URLs Chromium fetches for each page (incl. worker requests), via Playwright."""
    import time

    from playwright.sync_api import sync_playwright

    found: dict[str, list[str]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            for path in paths:
                context = browser.new_context()  # empty cache: a first visit
                seen: list[str] = []
                context.on("request", lambda r, seen=seen: seen.append(r.url))
                page = context.new_page()
                page.goto(base + path, wait_until="networkidle")
                page.keyboard.press("Shift")  # a first interaction: kg.js loads Material's scripts
                page.wait_for_function(SEARCH_READY, timeout=15000)  # the last thing they fetch
                time.sleep(0.5)
                found[path] = sorted({urlsplit(u).path for u in seen if u.startswith(base)})
                context.close()
        finally:
            browser.close()
    return found


def page_urls(data: Path, content: Path, today: str) -> dict[str, dict[str, str]]:
    """Page type → {lang → URL path} for one representative page of each type."""
    from generator import TEMPLATE_DIR
    from generator.check.validate import load_project
    from generator.model.plan import SitePlan

    project, _ = load_project(data, content, today=dt.date.fromisoformat(today), template_dir=TEMPLATE_DIR)
    site = SitePlan(project, dt.date.fromisoformat(today))
    keys = {t: t for t in PAGE_TYPES if t not in ("period", "service", "root")}
    keys["period"] = f"period:{project.periods[0].id}"
    keys["service"] = f"service:{project.services[0].id}"
    urls = {t: {lang: site.url(key, lang) for lang in project.languages} for t, key in keys.items()}
    urls["root"] = {"-": f"{site.base_path}/"}
    return {t: urls[t] for t in PAGE_TYPES}


def measure(site: Path, urls: dict[str, dict[str, str]], *, browser_check: bool = True) -> dict:
    site = Path(site)
    languages = sorted({lang for by_lang in urls.values() for lang in by_lang if lang != "-"})
    pages: dict[str, dict] = {}
    assets: dict[str, dict] = {}
    derived: dict[str, list[str]] = {}
    for ptype, by_lang in urls.items():
        for lang, path in by_lang.items():
            info = page_loads(site, path, languages)
            html_size = _sizes(site, path)
            first_raw, first_gz, revalidations = html_size["raw"], html_size["gzip"], 0
            index = None
            for asset, kind in sorted(info["loads"].items()):
                size = _sizes(site, asset)
                assets.setdefault(asset, {"kind": kind, **size,
                                          "cache": "immutable" if _HASHED_RE.search(asset) else "revalidate"})
                first_raw += size["raw"]
                first_gz += size["gzip"]
                if not _HASHED_RE.search(asset):
                    revalidations += 1
                if kind == "search-index":
                    index = asset
            derived[path] = sorted([path] + list(info["loads"]))
            pages[f"{ptype}/{lang}"] = {
                "type": ptype, "lang": lang, "url": path, "html_lang": info["lang"],
                "html": html_size, "assets": sorted(info["loads"]), "search_index": index,
                "first_visit": {"raw": first_raw, "gzip": first_gz},
                "repeat_visit": {"raw": html_size["raw"], "gzip": html_size["gzip"],
                                 "revalidated_304": revalidations},
            }
    indexes = {}
    for lang in languages:
        idx = f"/{lang}/search/search_index.json"
        for page in pages.values():
            if page["lang"] == lang and page["search_index"]:
                idx = page["search_index"]
                break
        file = site / idx.lstrip("/")
        data = json.loads(file.read_text(encoding="utf-8"))
        n_pages = len({d["location"].split("#", 1)[0] for d in data.get("docs", [])})
        size = _sizes(site, idx)
        indexes[lang] = {"url": idx, **size, "pages": n_pages, "entries": len(data.get("docs", [])),
                         "gzip_per_page": round(size["gzip"] / max(n_pages, 1), 1)}
    browser = {"checked": False}
    if browser_check:
        try:
            sys.path.insert(0, str(ROOT / "tests" / "browser"))
            import cdnserver

            server, base = cdnserver.start(site, gzip_enabled=True)
            try:
                seen = record_with_browser(base, sorted(derived))
            finally:
                server.shutdown()
            diffs = {}
            for path, expected in derived.items():
                got = seen.get(path, [])
                missing, extra = sorted(set(expected) - set(got)), sorted(set(got) - set(expected))
                if missing or extra:
                    diffs[path] = {"derived_not_fetched": missing, "fetched_not_derived": extra}
            browser = {"checked": True, "matches": not diffs, "differences": diffs}
        except Exception as exc:  # noqa: BLE001 - the cross-check is optional
            browser = {"checked": False, "error": f"{type(exc).__name__}: {exc}"}
    worst_first = max(p["first_visit"]["gzip"] for p in pages.values())
    worst_repeat = max(p["repeat_visit"]["gzip"] for p in pages.values())
    worst_index = max(i["gzip_per_page"] for i in indexes.values())
    return {
        "pages": pages, "assets": assets, "search_index": indexes, "browser_cross_check": browser,
        "targets": {
            "first_visit_gzip_kb": {"target": TARGET_FIRST_KB, "worst": round(worst_first / 1024, 1),
                                    "met": worst_first / 1024 <= TARGET_FIRST_KB},
            "repeat_visit_gzip_kb": {"target": TARGET_REPEAT_KB, "worst": round(worst_repeat / 1024, 1),
                                     "met": worst_repeat / 1024 <= TARGET_REPEAT_KB},
            "search_index_gzip_kb_per_page": {"target": TARGET_INDEX_PER_PAGE_KB,
                                              "worst": round(worst_index / 1024, 2),
                                              "met": worst_index / 1024 <= TARGET_INDEX_PER_PAGE_KB},
        },
    }
