"""The project: everything the site is made of, after validation.

`validate.load_project()` builds it; the later stages only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import schema
from generator.model.document import Document


@dataclass(frozen=True)
class PageLink:
    """A link of a hand-written page to another page of the site, where its source shows it."""

    href: str
    line: int
    column: int
    image: bool = False
    """An `<img src>` rather than an `<a href>`."""


@dataclass
class ContentPage:
    """A hand-written Markdown page from content/<lang>/."""

    lang: str
    slug: str
    path: str
    meta: schema.PageMeta
    body: str
    links: list[PageLink] = field(default_factory=list)
    """Its links to the site's own pages (checked against the page plan: check/site_links.link_problems)."""
    front: Document | None = None
    """Its front matter as loaded, with the position of every key (rules point at its lines)."""


@dataclass
class Project:
    """Everything the site is made of, validated."""

    data_dir: Path
    content_dir: Path
    config: schema.SiteConfig
    """data/site.yaml: the settings of the whole site."""
    strings: dict[str, schema.Text]
    process: schema.ProcessFile
    requirements: list[schema.Requirement]
    services: list[schema.Service]
    all_periods: list[schema.Period | schema.UnannouncedPeriod]
    """Every period of periods.yaml in file order, dated or not (positions: ("periods", index))."""
    pages: list[ContentPage]
    sources: dict[str, Document] = field(default_factory=dict)
    """File name → loaded document, for positions (edit links point at lines)."""
    changes: list[schema.Change] = field(default_factory=list)
    """data/changes.yaml, in file order (newest first by convention)."""
    search_terms: list[schema.SearchTerm] = field(default_factory=list)
    """Words readers search for (search_terms.yaml), added to the pages' search keywords."""

    @property
    def languages(self) -> list[str]:
        return [lang.code for lang in self.config.languages]

    @property
    def periods(self) -> list[schema.Period]:
        """The periods with dates: the only ones statuses, calendars, feeds and the planner read."""
        return [p for p in self.all_periods if isinstance(p, schema.Period)]

    @property
    def unannounced(self) -> list[schema.UnannouncedPeriod]:
        """The periods Kela has not announced (`dates: unannounced`): named, never dated."""
        return [p for p in self.all_periods if isinstance(p, schema.UnannouncedPeriod)]

    def content_versions(self) -> dict[str, dict[str, ContentPage]]:
        """Hand-written pages by their `id`, each with its versions by language (file order)."""
        versions: dict[str, dict[str, ContentPage]] = {}
        for page in self.pages:
            versions.setdefault(page.meta.id, {})[page.lang] = page
        return versions

    def service(self, service_id: str) -> schema.Service:
        return next(s for s in self.services if s.id == service_id)

    def line_of(self, file: str, path: tuple) -> int:
        return self.sources[file].position(path)[0]
