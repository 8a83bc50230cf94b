"""The files around the per-language builds.

The root language chooser and 404 page, the root sitemap with hreflang pairs,
robots.txt, calendar and JSON feeds, the CDN's `_headers` and `_redirects`, and the same
rules for nginx (`_nginx.conf`).
Everything is derived from the data and the built HTML, never from the clock.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

# Imported here, not where used: build.py imports this module while MkDocs runs.
from generator import PACKAGE_DIR
from generator.check import site_links
from generator.model import manifest
from generator.model.errors import BuildError, Problem
from generator.model.plan import SitePlan
from generator.publish import cdn, feeds, html_scan, linkcheck, nginx, planner_api
from generator.render.pages import html_environment


def data_files(site: SitePlan) -> dict[str, bytes]:
    """Every post-build file that follows from the data alone, by output-relative path.

    None of them needs the built HTML, so build.py makes them while MkDocs runs
    (the parent process would otherwise wait idle) and writes them afterwards.
    """
    files = {**root_pages(site), **sitemap(site), **feeds.calendars(site), **feeds.json_feeds(site),
             **feeds.atom_feeds(site), **planner_api.planner_json(site), **cdn.redirect_files(site)}
    if sorted(files) != site.data_files():  # the plan is what `check` and urls.txt trust
        raise BuildError(f"the page plan lists other data files than publish makes: plan only "
                         f"{sorted(set(site.data_files()) - set(files))}, made only "
                         f"{sorted(set(files) - set(site.data_files()))} (generator/model/plan.py)")
    return files


def postbuild(site: SitePlan, out: Path, files: dict[str, bytes] | None = None) -> html_scan.SiteScan:
    """Add the data files (made now unless given) next to MkDocs' output, then `_headers`,
    which hashes the inline scripts of the finished HTML, and `_nginx.conf` from its rules.
    Returns the scan of the finished HTML (read once, here), which `verify` checks."""
    files = data_files(site) if files is None else files
    cdn.check_redirects_free(site, out)
    for rel, body in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    scan = html_scan.scan_site(out, workers=min(len(site.project.languages), os.cpu_count() or 1))
    nginx.write_nginx(site, out, cdn.write_headers(site, out, scan))
    return scan


def verify(site: SitePlan, out: Path, *, check_urls: bool = True,
           scan: html_scan.SiteScan | None = None) -> list:
    """Checks over the finished output, before it replaces the published site; `scan` is its
    HTML as `postbuild` read it (read again when not given).

    Raises BuildError on a broken link or unsafe HTML (generator/publish/linkcheck.py) and on
    a published address that disappeared (generator/model/manifest.py); returns warnings.
    """
    from generator.model.errors import BuildError

    problems = linkcheck.check_site(out, site.project.config.site_url, site.project.languages,
                                    workers=min(len(site.project.languages), os.cpu_count() or 1),
                                    scan=scan)
    if problems:
        raise BuildError(linkcheck.describe(problems), problems=editors_problems(site, problems))
    return manifest.verify(site, out) if check_urls else []


def editors_problems(site: SitePlan, problems: list[linkcheck.LinkProblem]) -> list[Problem] | None:
    """The link checker's findings at the line where an editor wrote the link (a data text or a
    hand-written page), in the editor's language; None when none of them is an editor's (a
    template's link is the developers' to fix, in the checker's own words)."""
    placed = []
    for problem in problems:
        where = site.text_place(problem.args[0]) if problem.code else None
        if where is None:
            placed.append(Problem(problem.source, 0, 0, str(problem), hint="", code="linkcheck-said",
                                  args=(str(problem),)))
        elif problem.code == "link-missing":  # the texts `check` gives for the same mistakes
            placed.append(site_links.missing_target(where, *problem.args))
        else:
            url, _, fragment = problem.args
            placed.append(site_links.missing_anchor(where, url, fragment))
    # A text shown on several pages is one mistake, at one place.
    unique = list({(p.file, p.line, p.column, p.code, p.args): p for p in placed}.values())
    return unique if any(p.code != "linkcheck-said" for p in unique) else None


def root_pages(site: SitePlan) -> dict[str, bytes]:
    """`/`: a plain, accessible choice of language (no automatic redirect), and `/404.html`
    (templates/root.html.j2)."""
    p = site.project
    langs = p.languages
    t = p.strings
    choices = [{"lang": code, "site_name": p.config.site_name[code], "home": site.url("home", code),
                "choose": t["root-choose"][code], "not_found_title": t["not-found-title"][code],
                "not_found_text": t["not-found-text"][code], "home_title": t["title-home"][code]}
               for code in langs]
    feeds = [{"href": site.changes_feed(code),
              "title": f"{p.config.site_name[code]}: {t['title-changes'][code]}"} for code in langs]
    template = html_environment().get_template("root.html.j2")
    common = {"lang": langs[0], "base": site.base_path, "description": p.config.description[langs[0]],
              "feeds": feeds, "choices": choices}
    pages = {
        "index.html": template.render(common, page="chooser",
                                      title=" / ".join(p.config.site_name[code] for code in langs)),
        "404.html": template.render(common, page="not-found",
                                    title=" / ".join(t["not-found-title"][code] for code in langs)),
    }
    files = {rel: text.encode("utf-8") for rel, text in pages.items()}
    files["kg-root.css"] = (PACKAGE_DIR / "static" / "kg-root.css").read_bytes()
    return files


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap(site: SitePlan) -> dict[str, bytes]:
    """Root sitemap: every page in every language, each with its hreflang pairs; robots.txt."""
    langs = site.project.languages
    # Names written as they appear (the namespaces declared on the root), not ET's "{uri}name":
    # that would need ET.register_namespace, which changes every ElementTree user in the process.
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for page in sorted(site.pages, key=lambda p: p.key):
        alternates = [(lang, site.absolute(site.url(page.key, lang))) for lang in langs]
        default = site.absolute(f"{site.base_path}/" if page.key == "home" else site.url(page.key, langs[0]))
        for _, loc in alternates:
            url = ET.SubElement(root, "url")
            ET.SubElement(url, "loc").text = loc
            ET.SubElement(url, "lastmod").text = page.updated.isoformat()
            for alt_lang, alt in [*alternates, ("x-default", default)]:
                ET.SubElement(url, "xhtml:link", rel="alternate", hreflang=alt_lang, href=alt)
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode")
    body = '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {site.absolute(site.base_path)}/sitemap.xml\n"
    return {"sitemap.xml": body.encode("utf-8"), "robots.txt": robots.encode("utf-8")}

