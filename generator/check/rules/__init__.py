"""The rules that span records and files, one module per family, run in the order of RULES.

Each rule is a function of one `Context` (context.py) that adds the problems it finds. A rule runs
when the data files it needs parsed; a rule that asks the page plan (`plan=True`) runs last, and
only when every file parsed and no other rule found an error (the plan needs them all to hold).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from generator.check.rules import changes, dates, ids, links, texts
from generator.check.rules.context import Context
from generator.model import schema
from generator.model.document import Document
from generator.model.errors import Problem
from generator.model.project import Project


class Rule(NamedTuple):
    check: Callable[[Context], None]
    needs: frozenset[str]
    """The data files that must have parsed for it to run."""
    plan: bool = False
    """It asks the page plan (`Context.site`)."""


SITE, SERVICES, PERIODS, REQS = "site.yaml", "services.yaml", "periods.yaml", "requirements.yaml"
PROCESS, STRINGS, CHANGES, TERMS = "process.yaml", "strings.yaml", "changes.yaml", "search_terms.yaml"

RULES = [
    Rule(texts.translations, frozenset({SITE})),  # over every file that parsed
    Rule(ids.unique_ids_and_references, frozenset({SITE})),  # per file that parsed
    Rule(ids.slugs, frozenset({SITE, SERVICES, REQS})),
    Rule(texts.site_name_in_attributes, frozenset({SITE})),
    Rule(dates.dates, frozenset({PERIODS})),
    Rule(dates.example_dates, frozenset({PERIODS})),
    Rule(links.site_url_known, frozenset({SITE})),
    Rule(changes.before_publishing, frozenset({SITE})),
    Rule(texts.template_strings, frozenset({STRINGS})),
    Rule(texts.string_placeholders, frozenset({STRINGS})),
    Rule(texts.month_names, frozenset({STRINGS})),
    Rule(dates.warnings, frozenset({PERIODS, SERVICES})),
    Rule(changes.changes, frozenset({CHANGES, PERIODS, SERVICES, STRINGS})),
    Rule(changes.sources, frozenset({PROCESS, SERVICES, REQS})),
    Rule(links.link_language, frozenset({PROCESS, SITE, SERVICES, REQS, STRINGS})),
    Rule(ids.uses_periods, frozenset({SERVICES, PERIODS})),
    Rule(ids.registration_accepted, frozenset({SERVICES, PERIODS})),
    Rule(dates.planner_lead_times, frozenset({PROCESS})),
    Rule(ids.search_terms, frozenset({TERMS, SITE, SERVICES})),
    Rule(links.redirects, frozenset(schema.DATA_FILES), plan=True),
    Rule(links.page_addresses_and_links, frozenset(schema.DATA_FILES), plan=True),
]
"""Every cross-record rule in the order it runs (the report is sorted by place anyway)."""


def run(project: Project, docs: dict[str, Document], template_dir: Path | None, *, today: dt.date,
        parsed: set[str]) -> list[Problem]:
    """Every rule whose files parsed; the page plan's rules last, when nothing else is wrong."""
    c = Context(project, docs, template_dir, today=today, parsed=parsed)
    for rule in RULES:
        if not rule.plan and rule.needs <= c.parsed:
            rule.check(c)
    if c.parsed == set(schema.DATA_FILES) and not any(p.is_error for p in c.problems):
        from generator.model.plan import SitePlan

        try:
            c.site = SitePlan(project, today)
        except (KeyError, ValueError):  # e.g. a string the page titles need; the build says which
            return c.problems
        for rule in RULES:
            if rule.plan:
                rule.check(c)
    return c.problems
