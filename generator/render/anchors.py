"""The ids of a page's headings as the build will make them, for `check`'s links to `#headings`.

A generated page's headings come from its template and data, so they are known only once its
Markdown is rendered: this renders a page in memory (nothing is written) and reads the ids with
the same Markdown converter the build uses. Only pages a link names with a `#fragment` are read.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.check import markdown_safety
from generator.model.plan import SitePlan
from generator.render.pages import environment, page_markdown


def heading_ids(site: SitePlan) -> Callable[[str, str], set[str]]:
    """`ids(page_key, lang)`: the heading ids of that page, each page rendered at most once."""
    env = environment()
    checker = markdown_safety.shared_checker()
    ids: dict[tuple[str, str], set[str]] = {}

    def anchors(key: str, lang: str) -> set[str]:
        if (key, lang) not in ids:
            ids[key, lang] = checker.ids(page_markdown(site, site.by_key[key], lang, env))
        return ids[key, lang]

    return anchors
