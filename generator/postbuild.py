"""Stage 5: files around the per-language builds.

The root language chooser and 404 page, the root sitemap with hreflang pairs,
robots.txt, calendar and JSON feeds, the CDN's `_headers` and `_redirects`, and the same
rules for nginx (`_nginx.conf`).
Everything is derived from the data and the built HTML, never from the clock.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

# Imported here, not where used: build.py imports this module while MkDocs runs.
from . import PACKAGE_DIR, cdn, feeds, linkcheck, manifest, planner_api
from .render import Site, changes_feed_path


def data_files(site: Site) -> dict[str, bytes]:
    """Every post-build file that follows from the data alone, by output-relative path.

    None of them needs the built HTML, so build.py makes them while MkDocs runs
    (the parent process would otherwise wait idle) and writes them afterwards.
    """
    return {**root_pages(site), **sitemap(site), **feeds.calendars(site), **feeds.json_feeds(site),
            **feeds.atom_feeds(site), **planner_api.planner_json(site),
            **cdn.redirect_files(site)}


def postbuild(site: Site, out: Path, files: dict[str, bytes] | None = None) -> None:
    """Add the data files (made now unless given) next to MkDocs' output, then `_headers`,
    which hashes the inline scripts of the finished HTML, and `_nginx.conf` from its rules."""
    files = data_files(site) if files is None else files
    cdn.check_redirects_free(site, out)
    for rel, body in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    cdn.write_nginx(site, out, cdn.write_headers(site, out))


def verify(site: Site, out: Path, *, check_urls: bool = True) -> list:
    """Checks over the finished output, before it replaces the published site.

    Raises BuildError on a broken link or unsafe HTML (generator/linkcheck.py) and on
    a published address that disappeared (generator/manifest.py); returns warnings.
    """
    from .build import BuildError

    problems = linkcheck.check_site(out, site.project.site.site_url, site.project.languages,
                                    workers=min(len(site.project.languages), os.cpu_count() or 1))
    if problems:
        raise BuildError(linkcheck.describe(problems))
    return manifest.verify(site, out) if check_urls else []


def _root_html(site: Site, title: str, body: str, lang: str) -> str:
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<meta name="description" content="{html.escape(site.project.site.description[lang])}">\n'
        f'<link rel="stylesheet" href="{site.base_path}/kg-root.css">\n'
        f'<link rel="icon" href="{site.base_path}/{lang}/assets/images/favicon.png">\n'
        + "".join(f'<link rel="alternate" type="application/atom+xml" hreflang="{code}" '
                  f'title="{html.escape(site.project.site.site_name[code])}: '
                  f'{html.escape(site.project.strings["title-changes"][code])}" '
                  f'href="{changes_feed_path(site, code)}">\n' for code in site.project.languages)
        + f"</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def root_pages(site: Site) -> dict[str, bytes]:
    """`/`: a plain, accessible choice of language (no automatic redirect), and `/404.html`."""
    p = site.project
    langs = p.site.languages
    first = langs[0].code
    t = p.strings
    heads, links, missing = [], [], []
    for lang in langs:
        code = lang.code
        heads.append(f'<h1 lang="{code}">{html.escape(p.site.site_name[code])}</h1>\n'
                     if code == first else
                     f'<p class="kg-alt-title" lang="{code}">{html.escape(p.site.site_name[code])}</p>\n')
        links.append(f'<li><a href="{site.url("home", code)}" hreflang="{code}" lang="{code}">'
                     f'{html.escape(t["root-choose"][code])}</a></li>\n')
        missing.append(f'<section lang="{code}">\n'
                       f'<h2>{html.escape(t["not-found-title"][code])}</h2>\n'
                       f'<p>{html.escape(t["not-found-text"][code])}</p>\n'
                       f'<p><a href="{site.url("home", code)}">{html.escape(t["title-home"][code])}</a></p>\n'
                       "</section>\n")
    chooser = "".join(heads) + '<ul class="kg-choose">\n' + "".join(links) + "</ul>\n"
    not_found_title = " / ".join(t["not-found-title"][x.code] for x in langs)
    pages = {
        "index.html": _root_html(site, " / ".join(p.site.site_name[x.code] for x in langs), chooser, first),
        "404.html": _root_html(site, not_found_title,
                               f'<h1>{html.escape(not_found_title)}</h1>\n' + "".join(missing), first),
    }
    files = {rel: text.encode("utf-8") for rel, text in pages.items()}
    files["kg-root.css"] = (PACKAGE_DIR / "static" / "kg-root.css").read_bytes()
    return files


def sitemap(site: Site) -> dict[str, bytes]:
    """Root sitemap: every page in every language, each with its hreflang pairs; robots.txt."""
    origin = site.project.site.site_url.rstrip("/")
    origin = origin[: len(origin) - len(site.base_path)] if site.base_path else origin
    langs = site.project.languages
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in sorted(site.pages, key=lambda p: p.key):
        alternates = [(lang, origin + site.url(page.key, lang)) for lang in langs]
        default = origin + (f"{site.base_path}/" if page.key == "home" else site.url(page.key, langs[0]))
        for _, loc in alternates:
            lines.append("  <url>")
            lines.append(f"    <loc>{html.escape(loc)}</loc>")
            lines.append(f"    <lastmod>{page.updated.isoformat()}</lastmod>")
            for alt_lang, alt in alternates:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{alt_lang}" href="{html.escape(alt)}"/>')
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href="{html.escape(default)}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {origin}{site.base_path}/sitemap.xml\n"
    return {"sitemap.xml": ("\n".join(lines) + "\n").encode("utf-8"), "robots.txt": robots.encode("utf-8")}

