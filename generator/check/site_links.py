"""The rules that judge a link an editor wrote to the site itself, and the problems they give.

One place for every stage: `check` judges the links of hand-written pages and data texts against
the page plan (a page that exists, a file the build publishes, a `#heading` the page has), and the
build maps its own findings back to the line where the editor wrote the link with the same texts
(`mkdocs_problem` for MkDocs' warnings, `missing_target` and `missing_anchor` for the link checker's,
publish/site_files.editors_problems). A hand-written page's own address is judged here too: it may
not take one the generator or MkDocs makes.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple
from urllib.parse import unquote

from generator.check import markdown_safety
from generator.model import schema
from generator.model.document import Document
from generator.model.errors import Problem, key_path

ENGINE_OUTPUTS = ("assets/", "search/", "404.html", "sitemap.xml")
"""What MkDocs and Material write into every language folder besides the pages: a page may not take
their name (the page plan of generator/render/pages.py knows only the pages)."""
ANCHOR_HINT = ("check the heading on that page: its anchor is the heading's text in lowercase with hyphens; "
               "or remove the #part")


# ---------------------------------------------------------------------------
# Addresses: a page's own, never a generated one
# ---------------------------------------------------------------------------


def address_problems(site) -> list[Problem]:
    """Hand-written pages whose address (file name) is already taken by a generated page (the home
    page for index.md, services, schedule...), by the calendar files or by MkDocs' own output.
    `site`: the page plan (generator.model.plan.SitePlan)."""
    problems = []
    for lang in site.project.languages:
        root = f"{site.base_path}/{lang}/"

        def top(url: str, root: str = root) -> str:
            return url[len(root):].split("/")[0]

        taken: dict[str, str] = {}
        for page in site.pages:
            if "versions" not in page.context:
                url = site.url(page.key, lang)
                taken.setdefault(top(url), f"'{page.titles[lang]}' ({url})")
        feeds = site.feed_url(lang, "x")  # the calendar files' folder
        taken.setdefault(top(feeds), feeds.rsplit("/", 1)[0] + "/…")
        for name in ENGINE_OUTPUTS:
            taken.setdefault(name.split(".")[0].rstrip("/"), root + name + ("…" if name.endswith("/") else ""))
        for page in site.pages:
            versions = page.context.get("versions")
            if versions is None:
                continue
            url = site.url(page.key, lang)
            owner = taken.get(top(url))
            if owner:
                problems.append(Problem(versions[lang].path, 0, 0,
                                        f"the page's address {url} is already taken by {owner}",
                                        hint="rename the file: its name is the page's address",
                                        code="content-shadows-page", args=(url, owner)))
    return problems


def link_problems(site) -> list[Problem]:
    """Links of hand-written pages to pages the site does not have, at their file:line:column, so
    that `check` finds what the build's MkDocs (`.md` links) and link checker (addresses) would
    refuse. A page is linked by its file relative to the page (`palvelut/index.md`, as MkDocs
    reads it) or by its address (`/fi/palvelut/`). Other files (calendars, images) and fragments
    are left to the build's own checks. `site`: the page plan (generator.model.plan.SitePlan)."""
    urls = site.addresses
    problems = []
    for page in site.pages:
        versions = page.context.get("versions")
        if versions is None:
            continue
        for lang, version in versions.items():
            folder = posixpath.dirname(page.paths[lang]) or "."
            files = sorted(posixpath.relpath(p.paths[lang], folder) for p in site.pages)
            for link in version.links:
                target = link.href.split("#")[0].split("?")[0]
                if link.image:
                    if not target.startswith("/"):
                        # The build publishes only the Markdown of content/: a file beside the page
                        # is never there, and MkDocs' strict build refuses the page.
                        problems.append(Problem(version.path, link.line, link.column,
                                                f"the image '{link.href}' is not published: the site takes "
                                                "only the Markdown pages from content/",
                                                hint="leave the image out; a picture the site needs is added "
                                                     "by the developers (overrides/assets/) and then shown by "
                                                     "its address (/…)",
                                                code="content-image", args=(link.href,)))
                    continue  # an address: the link checker finds out whether the file is there
                if target.endswith(".md"):  # MkDocs: a file, relative to this page's file
                    known, example = files, posixpath.relpath(site.by_key["services"].paths[lang], folder)
                    found = posixpath.normpath(target) in known
                elif target.startswith("/") and target.endswith("/"):  # an address
                    known, example = urls, site.url("services", lang)
                    found = target in urls
                elif target.endswith("/"):
                    # A relative address: MkDocs refuses it in a strict build ("unrecognized relative
                    # link"); the page it means is written as its file.
                    address = posixpath.normpath(posixpath.join(site.url(page.key, lang), target)) + "/"
                    meant = [p for p in site.pages if site.url(p.key, lang) == address]
                    file = posixpath.relpath(meant[0].paths[lang], folder) if meant else ""
                    problems.append(Problem(version.path, link.line, link.column,
                                            f"the link '{link.href}' is a relative address, which the build "
                                            "refuses", hint=f"write the page's file instead: ({file})" if file
                                            else "link to a page by its file (…md) or its address (/…/)",
                                            code="content-link-relative" if file else "content-link-relative-unknown",
                                            args=(link.href, file) if file else (link.href,)))
                    continue
                else:
                    continue
                if found:
                    continue
                message = f"the link '{link.href}' leads to no page of the site"
                guess = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
                if guess:
                    problems.append(Problem(version.path, link.line, link.column, message,
                                            hint=f"did you mean '{guess[0]}'?", code="content-link-guess",
                                            args=(link.href, guess[0])))
                else:
                    problems.append(Problem(version.path, link.line, link.column, message,
                                            hint="link to a page by its file, seen from this page's folder, "
                                                 f"e.g. [text]({example}), or by its address",
                                            code="content-link-unknown", args=(link.href, example)))
    return problems


# ---------------------------------------------------------------------------
# Links to the site's own files and headings: the rules `check` applies and the texts the build
# shows for the same mistakes (site_files.editors_problems)
# ---------------------------------------------------------------------------


class EditorLink(NamedTuple):
    """A link an editor wrote to the site itself: in a hand-written page (`page`: its file in
    docs/, for links relative to it) or in a data text (`page` None)."""

    file: str
    line: int
    column: int
    href: str
    lang: str
    page: str | None


def editor_links(site) -> list[EditorLink]:
    """Every link to the site's own files of the hand-written pages and the data texts (those
    written `[text](/fi/…)`), at the place the editor wrote it. `site`: the page plan."""
    found = []
    for page in site.pages:
        for lang, version in (page.context.get("versions") or {}).items():
            found += [EditorLink(version.path, link.line, link.column, link.href, lang, page.paths[lang])
                      for link in version.links if not link.image]
    checker = None
    languages = site.project.languages
    for doc in site.project.sources.values():
        for path, value in _texts(doc.data, ()):
            if "](" not in value:
                continue  # no Markdown link in it: the parser would find none
            checker = checker or markdown_safety.shared_checker()
            line, column = doc.position(path)
            lang = path[-1] if path and path[-1] in languages else languages[0]
            found += [EditorLink(doc.path, line, column, link.href, lang, None)
                      for link in checker.links(value, 1) if not link.image]
    return found


def _texts(value, path: tuple):
    """(key path, text) of every string in a loaded YAML document's plain data."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))


def site_link_problems(site, published: set[str], anchors: Callable[[str, str], set[str]],
                       links: list[EditorLink]) -> list[Problem]:
    """What the build would refuse about links to the site's own files and headings, at the
    editor's place: an address of a file that is not published (`/etc/passwd`, `/api/nope.json`,
    dot segments, which the build never resolves), and a `#fragment` that the linked page (or the
    page itself, `#…`) does not have. `published`: every address a build publishes;
    `anchors(page key, lang)`: the ids of that page. Links to pages that do not exist are
    `link_problems`' and validate's (`/…/` and `….md`)."""
    by_address = {site.url(page.key, lang): page.key for page in site.pages for lang in site.project.languages}
    problems = []
    for link in links:
        target, _, fragment = link.href.partition("#")
        # As the build's link checker reads them: `%2e%2e` is `..`, `%C3%A4` is `ä`.
        target, fragment = unquote(target.split("?")[0]), unquote(fragment)
        where = (link.file, link.line, link.column)
        key = None
        if not target and link.page is not None:  # `#…` on the page itself
            key = next(p.key for p in site.pages if p.paths.get(link.lang) == link.page)
        elif target.endswith(".md") and link.page is not None:
            file = posixpath.normpath(posixpath.join(posixpath.dirname(link.page), target))
            key = next((p.key for p in site.pages if p.paths.get(link.lang) == file), None)
        elif target.startswith("/"):
            # A page is served at its address, its address without the last slash and its index.html.
            page = next((by_address[a] for a in (target, target + "/", target.removesuffix("index.html"))
                         if a in by_address), None)
            if page is not None:
                key = page
            elif not target.endswith("/") and target not in published and not _engine_output(site, target):
                problems.append(missing_target(where, link.href, posixpath.normpath(target), published))
                continue
        if key is None or not fragment:
            continue
        ids = anchors(key, link.lang)
        if fragment not in ids:
            problems.append(missing_anchor(where, link.href, fragment, ids))
    return problems


def _engine_output(site, target: str) -> bool:
    """A file of MkDocs' and the theme's own in a language folder (assets, the search index...):
    the build knows them, the page plan does not."""
    parts = target[len(site.base_path):].split("/")
    rest = "/".join(parts[2:])
    return len(parts) > 2 and parts[1] in site.project.languages and "/.." not in target and \
        any(rest == name or name.endswith("/") and rest.startswith(name) for name in ENGINE_OUTPUTS)


def missing_target(where: tuple[str, int, int], href: str, path: str, published: Collection[str] = ()) -> Problem:
    """A link to an address where nothing is published; the nearest published file as the fix."""
    message = f"the link '{href}' leads to nothing published at {path}"
    guess = difflib.get_close_matches(path, sorted(u for u in published if not u.endswith("/")), n=1, cutoff=0.6)
    if guess:
        return Problem(*where, message, hint=f"did you mean '{guess[0]}'?", code="link-missing-guess",
                       args=(href, path, guess[0]))
    return Problem(*where, message, hint="write the address of a page or file of this site",
                   code="link-missing", args=(href, path))


def missing_anchor(where: tuple[str, int, int], href: str, fragment: str, ids: Collection[str] = ()) -> Problem:
    """A link to a heading (or place) the page does not have; the nearest heading as the fix."""
    message = f"the link '{href}': the page has no heading or place '#{fragment}'"
    guess = difflib.get_close_matches(fragment, sorted(i for i in ids if i), n=1, cutoff=0.5)
    if guess:
        return Problem(*where, message, hint=f"did you mean '#{guess[0]}'?", code="link-anchor-guess",
                       args=(href, fragment, guess[0]))
    return Problem(*where, message, hint=ANCHOR_HINT, code="link-anchor", args=(href, fragment))


def text_link_problems(site, texts: Iterable[tuple[str, tuple, object]], docs: dict[str, Document]) -> list[Problem]:
    """A Markdown link in a data text to an address of this site (`/fi/…/`) names a page it has,
    judged on what the build's Markdown makes of the text (markdown_safety.Checker), as pages' links
    are. `texts`: (file, key path, model) of the data's texts. Links to other files (calendars,
    feeds) and to fragments are left to `site_link_problems` and the build's checks."""
    urls = site.addresses
    problems = []
    checker = None
    for file, path, text in texts:
        if not isinstance(text, (schema.Text, schema.Prose)):
            continue
        for lang, body in text.root.items():
            if "](" not in body and "]:" not in body:
                continue  # no Markdown link in it: the parser would find none
            checker = checker or markdown_safety.shared_checker()
            for link in checker.links(body, 1):
                href = link.href
                if link.image or not href.startswith("/"):
                    continue
                target = href.split("#")[0].split("?")[0]
                if not target.endswith("/") or target in urls:
                    continue
                known = [url for url in urls if url.startswith(f"/{lang}/")] or urls
                guess = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
                doc = docs[file]
                line, column = doc.position(path + (lang,))
                message = f"the link '{href}' leads to no page of the site"
                if guess:
                    problems.append(Problem(doc.path, line, column, message, key=key_path(path + (lang,)),
                                            hint=f"did you mean '{guess[0]}'?", code="text-link-guess",
                                            args=(href, guess[0])))
                else:
                    problems.append(Problem(doc.path, line, column, message, key=key_path(path + (lang,)),
                                            hint=f"write the address of a page of this site, e.g. {known[0]}",
                                            code="text-link-unknown", args=(href, known[0])))
    return problems


# ---------------------------------------------------------------------------
# MkDocs' warnings about an editor's link, at the place the editor wrote it
# ---------------------------------------------------------------------------


# MkDocs' warnings about a page's link (mkdocs/structure/pages.py), which an editor can fix at the
# link: code → pattern of the rest of the line after "contains …".
_DOC_LINK = re.compile(r"^WARNING -\s+Doc file '(?P<src>[^']+)' contains (?:a link|an unrecognized relative link) "
                       r"'(?P<href>[^']+)'(?P<rest>.*)$")
_LINK_KINDS = (
    ("mkdocs-anchor", re.compile(r"does not contain an anchor '#(?P<arg>[^']*)'"), ANCHOR_HINT),
    ("mkdocs-target", re.compile(r"the target (?:'(?P<arg>[^']*)' )?is not found"),
     "link to a page by its file, seen from this page's folder (…md), or by its address (/…/)"),
    ("mkdocs-relative", re.compile(r"it was left as is"),
     "link to a page by its file (…md) or its address (/…/)"),
)
Place = Callable[[str, str, str], "tuple[str, int, int] | None"]
"""(language, the page's file in docs/, the link) → where an editor wrote it: file, line, column."""


def mkdocs_problem(config: str, line: str, lang: str, place: Place) -> Problem:
    """One line MkDocs said as a problem: a warning about a link at the place an editor wrote it
    when `place` knows it, any other line as MkDocs said it."""
    return _mkdocs_link_problem(line, lang, place) or Problem(
        config, 0, 0, line, hint="fix the page it names and build again", code="mkdocs-said", args=(line,))


def _mkdocs_link_problem(line: str, lang: str, place: Place) -> Problem | None:
    found = _DOC_LINK.match(line)
    if found is None:
        return None
    where = place(lang, found["src"], found["href"])
    if where is None:
        return None
    for code, pattern, hint in _LINK_KINDS:
        kind = pattern.search(found["rest"])
        if kind:
            return Problem(where[0], where[1], where[2], line.split("-", 1)[1].strip(), hint=hint, code=code,
                           args=(found["href"], kind.groupdict().get("arg") or ""))
    return None
