"""The rules of addresses and links: the site's own address known, links in the reader's language,
redirects to published pages from free addresses, and the hand-written pages' and data texts'
links to pages of the site (asked of the page plan)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from generator.check import site_links
from generator.check.rules.context import Context, addressed, localized
from generator.load.pages import FRONT_MATTER_RE
from generator.model import schema
from generator.model.errors import WARNING, Problem
from generator.model.project import ContentPage

_MD_KANTA_LINK_RE = re.compile(r"\[([^\]]*)\]\(\s*<?(https://(?:www\.)?kanta\.fi/[^)\s>]*)")
"""A Markdown link to kanta.fi: its text and address."""


def site_url_known(c: Context) -> None:
    """A placeholder `site_url` is in every sitemap entry, feed and calendar: not for publishing."""
    config = c.project.config
    if not config.site_url_known:
        c.add("site.yaml", ("site_url",), f"site_url ({config.site_url}) is not the site's real address "
              "yet (`site_url_known: false`): the sitemap, feeds and calendars would point at it",
              "when the site's address is decided, write it as site_url and remove the line "
              "`site_url_known: false`; until then `check --strict` fails and the site cannot be "
              "published", severity=WARNING, code="site-url-placeholder", args=(config.site_url,))


def link_language(c: Context) -> None:
    """A reader follows links into pages of their own language: a per-language address that leads
    to a kanta.fi page in the other language, or such a link in a text, is a warning."""
    files = {"process.yaml": (c.project.process, ()), "site.yaml": (c.project.config, ()),
             "services.yaml": (c.project.services, ("services",)),
             "requirements.yaml": (c.project.requirements, ("requirements",))}
    for file, (value, root) in files.items():
        for path, item in addressed(value, root):
            urls = item if isinstance(item, schema.LocalUrl) else item.url
            if not isinstance(urls, schema.LocalUrl):
                continue  # one address for all: a page in one language, and the link text says so
            if isinstance(item, schema.LocalUrl) and len(set(urls.root.values())) == 1:
                continue  # a site setting (register_url) has no one-address form: the same means one
            given = getattr(item, "page_language", None)
            for lang, url in urls.root.items():
                if (given.get(lang) if isinstance(given, dict) else given):
                    continue
                _link_language(c, file, path + ("url", lang) if not isinstance(item, schema.LocalUrl)
                                    else path + (lang,), lang, url)
        for path, text in localized(value, root):
            if isinstance(text, (schema.Prose, schema.Text)):
                for lang, body in text.root.items():
                    for label, url in _MD_KANTA_LINK_RE.findall(body):
                        if not _says_language(c, label, url):
                            _link_language(c, file, path + (lang,), lang, url)
    for page in c.project.pages:
        for number, line in enumerate(page.body.split("\n"), start=1):
            for found in _MD_KANTA_LINK_RE.finditer(line):
                target = schema.kanta_language(found[2])
                if target in ("fi", "sv") and target != page.lang and \
                        not _says_language(c, found[1], found[2]):
                    c.problems.append(Problem(
                        page.path, _body_line(page, number), found.start() + 1,
                        f"the {page.lang} page links to a {target} kanta.fi page: {found[2]}",
                        hint="link to the page in the page's own language, or say in the link text "
                             "which language the page is in", severity=WARNING,
                        code="link-language-page", args=(page.lang, target, found[2])))


def _link_language(c: Context, file: str, path: tuple, lang: str, url: str) -> None:
    target = schema.kanta_language(url)
    if target in ("fi", "sv") and lang in ("fi", "sv") and target != lang:
        c.add(file, path, f"the {lang} address leads to a {target} kanta.fi page: {url}",
              f"give the {lang} page's own address; if the page exists in {target} only, give one "
              "address for every language (the link text then says its language)",
              severity=WARNING, code="link-language", args=(lang, target, url))


def _says_language(c: Context, label: str, url: str) -> bool:
    """A link whose text names the language of its page (the words of strings.yaml's
    link-lang-* in any site language) tells the reader where it leads."""
    target = schema.kanta_language(url)
    words = c.project.strings.get(f"link-lang-{target}")
    return words is not None and any(word.lower() in label.lower() for word in words.root.values())


def redirects(c: Context) -> None:
    """`redirects:` in site.yaml: every old address is free, every new one is a published page."""
    declared = c.project.config.redirects
    if not declared:
        return
    from generator.model.plan import service_redirects

    site = c.site
    base = site.base_path
    pages = {site.url(page.key, lang)[len(base):]: page.key
             for page in site.pages for lang in c.langs}
    by_services = {r.old[len(base):]: r.new[len(base):] for r in service_redirects(site)}
    seen: dict[str, int] = {}
    for i, item in enumerate(declared):
        path = ("redirects", i)
        for key in ("old", "new"):
            lang = getattr(item, key).split("/")[1]
            if lang not in c.langs:
                c.add("site.yaml", path + (key,), f"'{lang}' is not a language of the site",
                      "an address starts with its language, e.g. /fi/…/",
                      code="unknown-language", args=(lang,))
        if item.old in pages:
            c.add("site.yaml", path + ("old",), f"'{item.old}' is the address of a published page",
                  "an old address can only redirect when no page uses it: remove this redirect "
                  "or correct `old:`", code="redirect-shadows", args=(item.old,))
        elif item.old in by_services:
            c.add("site.yaml", path + ("old",),
                  f"'{item.old}' already redirects to {by_services[item.old]} (a service's "
                  "`redirect_from:`)", "remove one of the two", code="redirect-duplicate",
                  args=(item.old,))
        elif item.old in seen:
            first = c.docs["site.yaml"].position(("redirects", seen[item.old]))[0]
            c.add("site.yaml", path + ("old",),
                  f"'{item.old}' is redirected twice (first on line {first})",
                  "keep one redirect per old address", code="redirect-duplicate", args=(item.old,))
        seen.setdefault(item.old, i)
        if item.new not in pages:
            lang = item.new.split("/")[1]
            known = sorted(url for url in pages if url.startswith(f"/{lang}/"))
            guess = difflib.get_close_matches(item.new, known, n=1)
            example = guess[0] if guess else (known or sorted(pages))[0]
            c.add("site.yaml", path + ("new",), f"no page is published at '{item.new}'",
                  f"did you mean '{example}'?" if guess else
                  f"write the address of a page of this site, e.g. {example}",
                  code="redirect-target", args=(item.new, example))


def page_addresses_and_links(c: Context) -> None:
    """Asked of the page plan (plan.SitePlan), which knows every address the generator makes: a
    hand-written page's address is its own (the home page's index.md included), and the links
    of pages and data texts lead to pages the site has (else `check` would pass and the build's
    link checker fail)."""
    if any(p.is_error for p in c.problems):  # a wrong redirect first
        return
    if c.project.pages:
        c.problems += site_links.address_problems(c.site) + site_links.link_problems(c.site)
    _text_links(c)


def _text_links(c: Context) -> None:
    """The data texts' links to pages of the site (site_links.text_link_problems)."""
    c.problems += site_links.text_link_problems(c.site, c.localized_texts(), c.docs)


def _body_line(page: ContentPage, number: int) -> int:
    """Line in the file of the body's line `number` (the front matter comes first)."""
    try:
        text = Path(page.path).read_text(encoding="utf-8").replace("\r\n", "\n")
    except OSError:
        return number
    front = FRONT_MATTER_RE.match(text)
    return number + (front[0].count("\n") if front else 0)
