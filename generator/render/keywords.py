"""Search keywords of a page: the words readers type, in the forms they type them.

Material's search matches the start of a word (the query `käyttöönottojaksot` finds only words
that begin with it) and stems nothing with its default pipeline, so an inflected form the page
does not contain finds nothing. Page tags are searched like text but boosted far above it and
shown nowhere without Material's tags plugin: the hand-kept forms of `data/search_terms.yaml`
and a service's names and `keywords:` go there. A service page also gets a document boost, so
that a query naming the service with a general word ("Kelaimen käyttöönotto") lists the
service's own page before the general pages that mention both words.
"""

from __future__ import annotations

import bisect
import re

_WORDS = re.compile(r"[\s\-]+")
"""How Material's search splits text into words (its default `separator`)."""

SERVICE_BOOST = 50
"""Multiplies every score of a service page's sections (Material's `search.boost` page meta)."""


def split_forms(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


def page_tags(project, page, lang: str) -> list[str]:
    """The page's search keywords in `lang`, each once, in the order they are listed."""
    tags: list[str] = []
    service = page.context.get("service")
    if service is not None:
        tags += [service.name[lang], *(name[lang] for name in service.former_names)]
        if service.keywords:
            tags += split_forms(service.keywords[lang])
    for term in project.search_terms:
        if page.key in term.pages:
            tags += split_forms(term.forms[lang])
    return _widest(list(dict.fromkeys(tags)))


def _widest(tags: list[str]) -> list[str]:
    """Leave out a word that begins another tag's word: the search finds it there anyway (a query
    matches the start of words), and every extra word that a query's start matches adds to the
    page's score, which would favour pages with long lists of forms over the page named."""
    # Sorted, every word that begins with `w` follows `w` directly: one bisection per tag instead
    # of comparing every tag with every word (which would cost about a quarter of the render stage).
    words = sorted({w.lower() for tag in tags for w in _WORDS.split(tag) if w})

    def begins_another(word: str) -> bool:
        after = bisect.bisect_right(words, word)
        return after < len(words) and words[after].startswith(word)

    kept = []
    for tag in tags:
        parts = [w for w in _WORDS.split(tag) if w]
        if len(parts) == 1 and begins_another(parts[0].lower()):
            continue
        kept.append(tag)
    return kept


def search_meta(project, page, lang: str) -> dict:
    """Front-matter entries for Material's search: `tags` and, for service pages, `search.boost`."""
    meta: dict = {}
    tags = page_tags(project, page, lang)
    if tags:
        meta["tags"] = tags
    if page.key.startswith("service:"):
        meta["search"] = {"boost": SERVICE_BOOST}
    return meta
