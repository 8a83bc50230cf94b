"""Validate the loaded data against the schema and the cross-record rules.

`load_project()` is the one entry point: it reads every data file and content
page, validates each against its model, then runs the rules that span records
(unique ids, references, date order, translations, ...). It collects every
problem and raises one `DataError` with all of them, or returns a `Project`
plus its warnings. Nothing is written anywhere.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError

from generator.check import content
from generator.check.content import ContentPage
from generator.check.schema_errors import dedupe, from_pydantic, merge_typos
from generator.load.yaml_file import load_file
from generator.model import planner, timeline
from generator.model import schema as models
from generator.model.document import Document
from generator.model.errors import ERROR, MAX_PER_FILE, NOTE, WARNING, DataError, Problem, capped, key_path
from generator.model.project import Project
from generator.model.scalars import PERIOD_ID_RE

REVIEW_MONTHS = 12
PROVISIONAL_WARNING_DAYS = 60
_TEMPLATE_KEY_RE = re.compile(r"""\bt\(\s*['"]([a-z0-9-]+)['"]\s*\)""")
# Strings the Python code uses (templates' own t('…') keys are found by scanning them),
# and those whose key is built from a value of the data (`status-` + status, ...).
CODE_STRINGS = {"format-date", "format-time", "slug-feeds", "feed-all", "root-choose",
                "not-found-title", "not-found-text", "moved", "title-home", "title-process",
                "title-registration", "title-schedule", "title-services", "title-requirements",
                "title-customer", "title-accessibility", "title-period", "provisional", "online",
                "registration", "language", "page-updated", "edit-page", "skip-to-content"}
# The date states, the status wordings per state, the changes page and its feed.
CODE_STRINGS |= {"date-example", "example-note", "example-note-link", "example-note-url",
                 "example-note-link-lang", "example-note-after",
                 "example-note-title", "provisional-note-title", "provisional-dates-note",
                 "slug-changes", "title-changes", "changes-latest", "changes-all", "feed-changes"}
CODE_STRINGS |= {f"{prefix}-{k}-{state}" for state in ("provisional", "example")
                 for prefix, keys in (("status", ("registration-upcoming", "registration-open", "starting",
                                                  "ongoing", "past")),
                                      ("window", ("upcoming", "open", "closed")))
                 for k in keys}
# The planner page (planner.STRINGS: its template and overrides/assets/planner.js):
CODE_STRINGS |= set(planner.STRINGS) | {"format-month", "registration-last-day"}
CODE_STRINGS |= set(timeline.STRINGS)
CODE_STRINGS |= {f"status-{k}" for k in ("registration-upcoming", "registration-open", "starting",
                                           "ongoing", "past")}
CODE_STRINGS |= {f"window-{k}" for k in ("upcoming", "open", "closed")}
CODE_STRINGS |= {f"link-{k}" for k in ("service-description", "application", "instructions", "form",
                                         "other")}
CODE_STRINGS |= {f"a11y-status-{k}" for k in ("full", "partial", "none")}
CODE_STRINGS |= {f"a11y-method-{k}" for k in ("self-assessment", "third-party")}
# Labels built into the pages, worded by how sure their dates are (_macros.md.j2 `sure`).
CODE_STRINGS |= {f"{k}{state}" for k in ("current-period", "upcoming-period", "next-deadline-lead",
                                        "accepted-services") for state in ("", "-example", "-provisional")}
CODE_STRINGS |= {f"a11y-reason-{k}" for k in ("non-compliance", "disproportionate-burden",
                                                "out-of-scope", "not-tested")}


PUBLISHING_WORK = {"unverified-source": ("unverified-sources", "sources not verified against the live page"),
                   "editorial-note": ("editorial-notes", "facts to add before publishing")}
"""Warnings that are work before publishing, not an editor's slip: `check --strict` lists each one,
every other command one line per kind (code → the summary's code and what it counts)."""


def _publishing_summary(problems: list[Problem]) -> list[Problem]:
    """Each kind of publishing work as one warning at its first place, with its count."""
    kept = [p for p in problems if p.code not in PUBLISHING_WORK]
    for code, (summary, what) in PUBLISHING_WORK.items():
        found = sorted(p for p in problems if p.code == code)
        if found:
            kept.append(dataclasses.replace(
                found[0], message=f"{what}: {len(found)} (the first here)",
                hint="`make check-strict` lists each of them, with its fix", code=summary,
                args=(str(len(found)),)))
    return sorted(kept)


def load_project(data_dir: Path, content_dir: Path | None = None, *,
                 today: dt.date, template_dir: Path | None = None,
                 publishing: bool = False) -> tuple[Project, list[Problem]]:
    """Load and validate everything. Returns the project and its warnings (with `publishing`, each
    item of PUBLISHING_WORK; without, one summary line per kind)."""
    data_dir = Path(data_dir)
    content_dir = Path(content_dir) if content_dir else data_dir.parent / "content"
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    parsed: dict[str, Any] = {}  # file name → its model (SiteConfig, ServicesFile, …)

    for name, model in models.DATA_FILES.items():
        shown = _shown(data_dir / name)
        path = data_dir / name
        if not path.exists() and name in models.OPTIONAL_FILES:
            parsed[name] = model()
            continue
        if not path.exists():
            problems.append(Problem(shown, 0, 0, "the file is missing",
                                    hint=f"every data folder needs {name}; restore it from git",
                                    code="missing-file"))
            continue
        try:
            doc = load_file(path, shown)
        except DataError as exc:
            problems += exc.problems
            continue
        docs[name] = doc
        value, errors = _validated(model, doc)
        if value is not None:
            parsed[name] = value
        problems += errors + _loader_warnings(doc, errors)

    for extra in sorted(data_dir.glob("*.y*ml")):
        if extra.name not in models.DATA_FILES:
            problems.append(Problem(_shown(extra), 0, 0, "this file is not read by the generator",
                                    hint="data files are: " + ", ".join(models.DATA_FILES),
                                    severity=WARNING, code="unknown-file",
                                    args=(", ".join(models.DATA_FILES),)))

    # Every check that can run does: the cross-record rules run for the files that parsed, even when
    # another file has errors; a rule that needs a file that did not parse waits, and the report says
    # that more checks follow once it parses (one note per such file).
    unparsed = [name for name in models.DATA_FILES if name not in parsed]
    if "site.yaml" in unparsed:  # the languages: nothing else can be checked without them
        raise DataError(capped(problems) + _more_checks(data_dir, unparsed))
    for name in unparsed:
        parsed[name] = _placeholder(models.DATA_FILES[name])

    site: models.SiteConfig = parsed["site.yaml"]
    languages = [lang.code for lang in site.languages]
    pages, page_problems = content.load_pages(content_dir, languages, shown=_shown, explain=from_pydantic)
    problems += page_problems

    project = Project(
        data_dir=data_dir, content_dir=content_dir, config=site,
        strings=parsed["strings.yaml"].strings, process=parsed["process.yaml"],
        requirements=parsed["requirements.yaml"].requirements,
        services=parsed["services.yaml"].services, all_periods=parsed["periods.yaml"].periods,
        pages=pages, sources=docs, changes=parsed["changes.yaml"].changes,
        search_terms=parsed["search_terms.yaml"].terms,
    )
    problems += Rules(project, docs, template_dir, parsed=set(models.DATA_FILES) - set(unparsed)).run(today)
    if not publishing:
        problems = _publishing_summary(problems)
    if unparsed:  # the notes last, after the errors they refer to
        raise DataError(capped(problems) + _more_checks(data_dir, unparsed))
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DataError(capped(problems))
    return project, capped(problems)


def _validated(model: type[models.Record], doc: Document) -> tuple[models.Record | None, list[Problem]]:
    """The file's model, or its problems.

    The records of each top-level list are validated one by one first, and the file's check stops
    once more than MAX_PER_FILE problems are found (a note says at which record): a file of a
    million broken records would otherwise give millions of errors that add nothing to the first
    fifty. Valid records are passed on as the models they became, so a valid file is not
    validated twice."""
    checked: Any = dict(doc.data) if isinstance(doc.data, dict) else doc.data
    errors: list[dict] = []
    for name, record in _record_lists(model):
        items = checked.get(name) if isinstance(checked, dict) else None
        if not isinstance(items, list):
            continue
        records = []
        for i, item in enumerate(items):
            try:
                records.append(record.model_validate(item))
            except ValidationError as exc:
                errors += [{**err, "loc": (name, i, *err["loc"])} for err in exc.errors()]
                if len(errors) > MAX_PER_FILE:
                    problems = merge_typos(dedupe(from_pydantic(err, doc, model) for err in errors))
                    if i + 1 < len(items):
                        line, column = doc.position((name, i + 1))
                        problems.append(Problem(doc.path, line, column, f"the check of this file stopped "
                                                f"here after {MAX_PER_FILE} problems: the records from this "
                                                "line on were not checked", hint="fix the problems above and "
                                                "run the check again", severity=NOTE,
                                                code="more-problems-unchecked", args=(MAX_PER_FILE,)))
                    return None, problems
        if len(records) == len(items):
            checked[name] = records
    try:
        return model.model_validate(checked), []
    except ValidationError as exc:
        return None, merge_typos(dedupe(from_pydantic(err, doc, model) for err in exc.errors()))


def _record_lists(model: type[models.Record]):
    """(field name, record model) of each field of the file that is a list of records."""
    for name, info in model.model_fields.items():
        args = typing.get_args(info.annotation)
        if typing.get_origin(info.annotation) is list and args and isinstance(args[0], type) \
                and issubclass(args[0], BaseModel):
            yield name, args[0]


def _more_checks(data_dir: Path, unparsed: list[str]) -> list[Problem]:
    """A note per file that did not parse: the checks that need it run once it does."""
    return [Problem(_shown(data_dir / name), 0, 0, "more checks (references to and from this file, "
                    "addresses, translations) run once this file can be read: fix its errors above and "
                    "run the check again", severity=NOTE, code="more-checks")
            for name in unparsed if (data_dir / name).exists()]


def _placeholder(model: type[models.Record]) -> models.Record:
    """A stand-in for a file that did not parse, so the project can be assembled; no rule that
    reads it runs (`Rules.run` knows which files each rule needs)."""
    values = {}
    for name, info in model.model_fields.items():
        if not info.is_required():
            values[name] = info.get_default(call_default_factory=True)
        else:
            kind = getattr(info.annotation, "__origin__", None)
            values[name] = [] if kind is list else {} if kind is dict else None
    return model.model_construct(**values)


# ---------------------------------------------------------------------------
# The loader's warnings next to the schema's errors (pydantic's errors: generator/check/schema_errors.py)
# ---------------------------------------------------------------------------


def _loader_warnings(doc: Document, errors: list[Problem]) -> list[Problem]:
    """The loader's warnings (invisible characters in values), except where the schema already
    refused the value (an id or a slug with one is an error): one message per mistake."""
    refused = {p.key for p in errors if p.key}
    return [w for w in doc.warnings if w.key not in refused]


# ---------------------------------------------------------------------------
# Paths as editors see them (hand-written pages are read by generator/check/content.py)
# ---------------------------------------------------------------------------


def _shown(path: Path) -> str:
    """Paths relative to the working directory when inside it (as editors type them)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------
# Cross-record rules: everything that needs more than one record
# ---------------------------------------------------------------------------


class Rules:
    """The rules that span records and files. Each `_rule_*` method adds problems."""

    def __init__(self, project: Project, docs: dict[str, Document], template_dir: Path | None, *,
                 parsed: set[str] | None = None):
        self.project = project
        self.docs = docs
        self.parsed = set(models.DATA_FILES) if parsed is None else parsed
        self.template_dir = template_dir
        self.problems: list[Problem] = []
        self.langs = project.languages

    def rules(self) -> list[tuple[Callable[[], None], set[str]]]:
        """Every cross-record rule in the order it runs, with the data files it needs parsed."""
        site, services, periods, reqs = "site.yaml", "services.yaml", "periods.yaml", "requirements.yaml"
        process, strings, changes, terms = "process.yaml", "strings.yaml", "changes.yaml", "search_terms.yaml"
        rules = [
            (self._rule_translations, {site}),  # over every file that parsed
            (self._rule_unique_ids_and_references, {site}),  # per file that parsed
            (self._rule_slugs, {site, services, reqs}),
            (self._rule_site_name_in_attributes, {site}),
            (self._rule_dates, {periods}),
            (self._rule_example_dates, {periods}),
            (self._rule_site_url_known, {site}),
            (self._rule_before_publishing, {site}),
            (self._rule_template_strings, {strings}),
            (self._rule_string_placeholders, {strings}),
            (self._rule_month_names, {strings}),
            (self._rule_warnings, {periods, services}),
            (self._rule_changes, {changes, periods, services, strings}),
            (self._rule_sources, {process, services, reqs}),
            (self._rule_link_language, {process, site, services, reqs, strings}),
            (self._rule_uses_periods, {services, periods}),
            (self._rule_registration_accepted, {services, periods}),
            (self._rule_planner_lead_times, {process}),
            (self._rule_search_terms, {terms, site, services}),
        ]
        return rules

    def run(self, today: dt.date) -> list[Problem]:
        """Every rule whose files parsed, in this order (the report is sorted by place anyway)."""
        self.today = today
        for rule, needs in self.rules():
            if needs <= self.parsed:
                rule()
        if self.parsed == set(models.DATA_FILES) and not any(p.is_error for p in self.problems):
            # Last: they ask the page plan, which needs every other rule to hold.
            from generator.model.plan import SitePlan

            try:
                site = SitePlan(self.project, self.today)
            except (KeyError, ValueError):  # e.g. a string the page titles need; the build says which
                return self.problems
            self._redirects(site)
            self._page_addresses_and_links(site)
        return self.problems

    # -- helpers -----------------------------------------------------------

    def dated(self) -> list[tuple[int, models.Period]]:
        """(index in periods.yaml, period) of every period with dates; unannounced ones have none
        to check."""
        return [(i, p) for i, p in enumerate(self.project.all_periods) if isinstance(p, models.Period)]

    def add(self, file: str, path: tuple, message: str, hint: str = "", *, severity=ERROR,
            code: str = "", at_key: bool = False, args: tuple = ()) -> None:
        doc = self.docs[file]
        line, col = doc.position(path, at_key=at_key)
        self.problems.append(Problem(doc.path, line, col, message, key=key_path(path), hint=hint,
                                     severity=severity, code=code, args=args))

    def unique(self, file: str, items, path: tuple, what: str, attr: str = "id") -> set:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            value = getattr(item, attr)
            if value in seen:
                first = self.docs[file].position(path + (seen[value], attr))[0]
                self.add(file, path + (i, attr), f"the {what} id '{value}' is used twice "
                         f"(first on line {first})", "give each record its own id",
                         code="duplicate-id", args=(value, first))
            else:
                seen[value] = i
        return set(seen)

    def refs(self, file: str, values, path: tuple, known: set, what: str) -> None:
        for i, value in enumerate(values):
            self.ref(file, value, path + (i,), known, what)

    def ref(self, file: str, value: str, path: tuple, known: set, what: str) -> None:
        if value not in known:
            guess = difflib.get_close_matches(value, sorted(known), n=1)
            if guess:
                self.add(file, path, f"there is no {what} with the id '{value}'", f"did you mean '{guess[0]}'?",
                         code="unknown-ref-guess", args=(what, value, guess[0]))
            else:
                listed = ", ".join(sorted(known))
                self.add(file, path, f"there is no {what} with the id '{value}'", f"known {what} ids: {listed}",
                         code="unknown-ref", args=(what, value, listed))

    # -- rules ----------------------------------------------------------------

    def _localized_texts(self):
        """(file, key path, model) of every Text / Prose / Slugs / LocalUrl of the files that parsed."""
        records = {"site.yaml": self.project.config, "process.yaml": self.project.process,
                  "requirements.yaml": self.project.requirements, "services.yaml": self.project.services,
                  "periods.yaml": self.project.all_periods, "strings.yaml": self.project.strings,
                  "changes.yaml": self.project.changes}
        roots = {"requirements.yaml": ("requirements",), "services.yaml": ("services",),
                 "periods.yaml": ("periods",), "strings.yaml": ("strings",), "changes.yaml": ("changes",)}
        for file, value in records.items():
            if file in self.parsed:
                for path, text in _localized(value, roots.get(file, ())):
                    yield file, path, text

    def _rule_translations(self) -> None:
        """Every text, slug and address exists, non-empty, in every configured language."""
        for file, path, text in self._localized_texts():
            missing = [lang for lang in self.langs if lang not in text.root]
            extra = [lang for lang in text.root if lang not in self.langs]
            for lang in missing:
                self.add(file, path, f"the {lang} text is missing", f"add `{lang}: …` here",
                         code="missing-translation", args=(lang,), at_key=True)
            for lang, value in text.root.items():
                if value.startswith("TODO") or value == "todo":
                    self.add(file, path + (lang,), f"the {lang} text is still a to-do ({value[:40]})",
                             "write the final text in place of TODO", code="todo", args=(lang,))
            for lang in extra:
                self.add(file, path + (lang,), f"'{lang}' is not a language of the site",
                         "languages are listed in data/site.yaml; remove this line or add "
                         "the language there", code="unknown-language", args=(lang,),
                         at_key=True)

    def _rule_unique_ids_and_references(self) -> None:
        site, f = self.project.config, "site.yaml"
        self.unique(f, site.languages, ("languages",), "language", "code")
        contacts = self.unique(f, site.contacts, ("contacts",), "contact")
        sectors = self.unique(f, site.sectors, ("sectors",), "sector")
        roles = self.unique(f, site.roles, ("roles",), "role")
        # Each file's own ids and its references into the files that parsed; a file that did not
        # parse is skipped here and checked once it does (`_more_checks`).
        ok = self.parsed.__contains__
        reqs = self.unique("requirements.yaml", self.project.requirements, ("requirements",), "requirement")
        services = self.unique("services.yaml", self.project.services, ("services",), "service")
        self.unique("periods.yaml", self.project.all_periods, ("periods",), "period")
        if ok("process.yaml"):
            self.unique("process.yaml", self.project.process.registration_triggers, ("registration_triggers",),
                        "trigger")

        for i, r in enumerate(self.project.requirements):
            self.ref("requirements.yaml", r.who, ("requirements", i, "who"), roles, "role")
        for i, s in enumerate(self.project.services):
            base = ("services", i)
            f = "services.yaml"
            self.refs(f, s.sectors, base + ("sectors",), sectors, "sector")
            if ok("requirements.yaml"):
                self.refs(f, s.requires, base + ("requires",), reqs, "requirement")
            self.refs(f, s.requires_services, base + ("requires_services",), services, "service")
            self.ref(f, s.contact, base + ("contact",), contacts, "contact")
            for j, step in enumerate(s.steps):
                self.ref(f, step.who, base + ("steps", j, "who"), roles, "role")
            if s.kind == "functionality" and not s.extends:
                self.add(f, base + ("kind",), "a functionality must say which service it extends",
                         "add `extends: <service id>`", code="functionality-extends")
            if s.extends:
                self.ref(f, s.extends, base + ("extends",), services, "service")
                if s.extends == s.id:
                    self.add(f, base + ("extends",), "a service cannot extend itself", code="self-ref")
            if s.id in s.requires_services:
                self.add(f, base + ("requires_services",), "a service cannot require itself",
                         code="self-ref")
        for i, any_period in enumerate(self.project.all_periods):
            base = ("periods", i)
            if ok("services.yaml"):
                self.refs("periods.yaml", any_period.accepts, base + ("accepts",), services, "service")
        for i, period in self.dated():
            base = ("periods", i)
            self.unique("periods.yaml", period.events, base + ("events",), "event")
            for j, event in enumerate(period.events):
                for k, sid in enumerate(event.services):
                    if sid not in period.accepts:
                        self.add("periods.yaml", base + ("events", j, "services", k),
                                 f"the service '{sid}' is not accepted by period {period.id}",
                                 "add it to the period's `accepts:` or remove it here",
                                 code="event-service", args=(sid, period.id))
        proc = self.project.process
        if not ok("process.yaml"):
            return
        for i, t in enumerate(proc.registration_triggers):
            self.refs("process.yaml", t.sectors, ("registration_triggers", i, "sectors"), sectors, "sector")
        self.refs("process.yaml", proc.vendor_exception_sectors, ("vendor_exception_sectors",),
                  sectors, "sector")
        self.refs("process.yaml", proc.planner.sectors, ("planner", "sectors"), sectors, "sector")
        self.refs("process.yaml", proc.planner.change_sectors, ("planner", "change_sectors"), sectors, "sector")
        kinds = [e.kind for e in proc.support_events]
        for i, kind in enumerate(kinds):
            if kinds.index(kind) != i:
                self.add("process.yaml", ("support_events", i, "kind"),
                         f"the event kind '{kind}' is described twice", code="duplicate-id")

    def _rule_slugs(self) -> None:
        """URLs stay unique per language; generated sections and pages never collide."""
        for lang in self.langs:
            top: dict[str, str] = {}
            for name, slugs in self.project.config.pages:
                if lang in slugs.root:
                    if slugs[lang] in top:
                        self.add("site.yaml", ("pages", name, lang),
                                 f"the slug '{slugs[lang]}' is used by two pages",
                                 code="duplicate-slug", args=(slugs[lang],))
                    top[slugs[lang]] = name
            sluggish: list[tuple[str, Sequence[models.Service | models.Requirement], str]] = [
                ("services.yaml", self.project.services, "services"),
                ("requirements.yaml", self.project.requirements, "requirements")]
            for file, items, what in sluggish:
                seen: dict[str, int] = {}
                for i, item in enumerate(items):
                    slug = item.slug.root.get(lang)
                    if slug is None:
                        continue
                    if slug in seen:
                        self.add(file, (what, i, "slug", lang),
                                 f"the {lang} slug '{slug}' is already used by {items[seen[slug]].id}",
                                 "every page needs its own address", code="duplicate-slug", args=(slug,))
                    seen[slug] = i
            # Earlier slugs may not shadow another live page. The service's own current slug is
            # allowed: when only one language's slug changed, the entry repeats the other's
            # (every language must be given), and that redirect is simply not written.
            live = {s.slug.root.get(lang) for s in self.project.services}
            for i, s in enumerate(self.project.services):
                for j, old in enumerate(s.redirect_from):
                    if old.root.get(lang) in live - {s.slug.root.get(lang)}:
                        self.add("services.yaml", ("services", i, "redirect_from", j, lang),
                                 f"'{old.root.get(lang)}' is the address of a live page",
                                 "an old address can only redirect when no page uses it",
                                 code="redirect-shadows", args=(old.root.get(lang),))

        by_id: dict[str, dict[str, ContentPage]] = {}
        for page in self.project.pages:
            if page.meta.id in by_id.get(page.lang, {}):
                self.problems.append(Problem(page.path, 2, 1, f"the page id '{page.meta.id}' is used "
                                             f"twice in content/{page.lang}/", code="duplicate-id"))
            by_id.setdefault(page.lang, {})[page.meta.id] = page
        all_ids = {page.meta.id for page in self.project.pages}
        for page_id in sorted(all_ids):
            have = [lang for lang in self.langs if page_id in by_id.get(lang, {})]
            for lang in self.langs:
                if lang not in have:
                    source = by_id[have[0]][page_id]
                    self.problems.append(Problem(
                        source.path, 2, 1, f"the page '{page_id}' has no {lang} translation",
                        hint=f"add content/{lang}/<slug>.md with `id: {page_id}` in its front matter",
                        code="missing-page-translation", args=(page_id, lang)))

    def _rule_site_name_in_attributes(self) -> None:
        """The theme writes the site name into HTML attributes unescaped (aria-label): no `"`."""
        for lang, name in self.project.config.site_name.root.items():
            if '"' in name:
                self.add("site.yaml", ("site_name", lang), 'the site name contains a double quote (")',
                         "the theme writes the name inside HTML attributes: use typographic quotes "
                         "(”…”) or leave them out", code="quote-in-site-name")

    def _redirects(self, site) -> None:
        """`redirects:` in site.yaml: every old address is free, every new one is a published page."""
        declared = self.project.config.redirects
        if not declared:
            return
        from generator.model.plan import service_redirects

        base = site.base_path
        pages = {site.url(page.key, lang)[len(base):]: page.key
                 for page in site.pages for lang in self.langs}
        by_services = {r.old[len(base):]: r.new[len(base):] for r in service_redirects(site)}
        seen: dict[str, int] = {}
        for i, item in enumerate(declared):
            path = ("redirects", i)
            for key in ("old", "new"):
                lang = getattr(item, key).split("/")[1]
                if lang not in self.langs:
                    self.add("site.yaml", path + (key,), f"'{lang}' is not a language of the site",
                             "an address starts with its language, e.g. /fi/…/",
                             code="unknown-language", args=(lang,))
            if item.old in pages:
                self.add("site.yaml", path + ("old",), f"'{item.old}' is the address of a published page",
                         "an old address can only redirect when no page uses it: remove this redirect "
                         "or correct `old:`", code="redirect-shadows", args=(item.old,))
            elif item.old in by_services:
                self.add("site.yaml", path + ("old",),
                         f"'{item.old}' already redirects to {by_services[item.old]} (a service's "
                         "`redirect_from:`)", "remove one of the two", code="redirect-duplicate",
                         args=(item.old,))
            elif item.old in seen:
                first = self.docs["site.yaml"].position(("redirects", seen[item.old]))[0]
                self.add("site.yaml", path + ("old",),
                         f"'{item.old}' is redirected twice (first on line {first})",
                         "keep one redirect per old address", code="redirect-duplicate", args=(item.old,))
            seen.setdefault(item.old, i)
            if item.new not in pages:
                lang = item.new.split("/")[1]
                known = sorted(url for url in pages if url.startswith(f"/{lang}/"))
                guess = difflib.get_close_matches(item.new, known, n=1)
                example = guess[0] if guess else (known or sorted(pages))[0]
                self.add("site.yaml", path + ("new",), f"no page is published at '{item.new}'",
                         f"did you mean '{example}'?" if guess else
                         f"write the address of a page of this site, e.g. {example}",
                         code="redirect-target", args=(item.new, example))

    def _page_addresses_and_links(self, site) -> None:
        """Asked of the page plan (plan.SitePlan), which knows every address the generator makes: a
        hand-written page's address is its own (the home page's index.md included), and the links
        of pages and data texts lead to pages the site has (else `check` would pass and the build's
        link checker fail)."""
        if any(p.is_error for p in self.problems):  # a wrong redirect first
            return
        if self.project.pages:
            self.problems += content.address_problems(site) + content.link_problems(site)
        self._text_links(site)

    def _text_links(self, site) -> None:
        """A Markdown link in a data text to an address of this site (`/fi/…/`) names a page it has,
        judged on what the build's Markdown makes of the text (content.Checker), as pages' links are.
        Links to other files (calendars, feeds) and to fragments are left to the build's checks."""
        urls = site.addresses
        checker = None
        for file, path, text in self._localized_texts():
            if not isinstance(text, (models.Text, models.Prose)):
                continue
            for lang, body in text.root.items():
                if "](" not in body and "]:" not in body:
                    continue  # no Markdown link in it: the parser would find none
                checker = checker or content.shared_checker()
                for link in checker.links(body, 1):
                    href = link.href
                    if link.image or not href.startswith("/"):
                        continue
                    target = href.split("#")[0].split("?")[0]
                    if not target.endswith("/") or target in urls:
                        continue
                    known = [url for url in urls if url.startswith(f"/{lang}/")] or urls
                    guess = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
                    if guess:
                        self.add(file, path + (lang,), f"the link '{href}' leads to no page of the site",
                                 f"did you mean '{guess[0]}'?", code="text-link-guess", args=(href, guess[0]))
                    else:
                        self.add(file, path + (lang,), f"the link '{href}' leads to no page of the site",
                                 f"write the address of a page of this site, e.g. {known[0]}",
                                 code="text-link-unknown", args=(href, known[0]))

    def _rule_dates(self) -> None:
        """Dates in order; events inside their period; periods do not overlap.

        A period that ends before it starts is one mistake: what is compared with its range (its
        events, its registration, the other periods) is judged once the range is fixed, instead of
        a follow-on error at every event."""
        f = "periods.yaml"
        valid: list[int] = []
        for i, p in self.dated():
            base = ("periods", i)
            match = PERIOD_ID_RE.match(p.id)
            if match and int(match[2]) != p.start.year:
                self.add(f, base + ("start",), f"period {p.id} starts in {p.start.year}",
                         "a period's id names its starting year; check `id` and `start`",
                         code="period-year", args=(p.id, p.start.year))
            w = p.registration
            if w.closes < w.opens:
                self.add(f, base + ("registration", "closes"),
                         f"registration closes ({w.closes}) before it opens ({w.opens})",
                         "swap the dates or fix the typo", code="registration-order",
                         args=(str(w.closes), str(w.opens)))
            if p.end < p.start:
                self.add(f, base + ("end",), f"the period ends ({p.end}) before it starts ({p.start})",
                         "swap the dates or fix the typo; the period's events and its overlap with other "
                         "periods are checked once its dates are in order", code="period-order",
                         args=(p.id, str(p.end), str(p.start)))
            else:
                valid.append(i)
                if w.closes >= p.start:
                    self.add(f, base + ("registration", "closes"),
                             f"registration closes ({w.closes}) on or after the period starts ({p.start})",
                             "registration must close before the period starts", code="registration-late",
                             args=(str(w.closes), str(p.start)))
            for j, e in enumerate(p.events):
                if i in valid and not p.start <= e.date <= p.end:
                    self.add(f, base + ("events", j, "date"),
                             f"the event is on {e.date}, outside period {p.id} ({p.start} – {p.end})",
                             "move the event or fix the period's dates", code="event-outside",
                             args=(str(e.date), p.id, str(p.start), str(p.end)))
                if e.end <= e.start:
                    self.add(f, base + ("events", j, "end"), "the event ends before it starts",
                             code="date-order")
                if not e.online and e.place is None:
                    self.add(f, base + ("events", j), "the event is not online but has no place",
                             "add `place:` or set `online: true`", code="event-place")
        self._overlaps(valid)

    def _overlaps(self, valid: list[int]) -> None:
        """One error per pair of overlapping periods, at the date of the one an editor most likely
        changed: the later one in the file (new periods are appended), unless the other overlaps
        more periods (a typo in one date makes it overlap several). Both periods and their dates are
        named, and the line of the other's date, so either can be fixed."""
        f, periods = "periods.yaml", dict(self.dated())
        pairs = [(a, b) for n, a in enumerate(valid) for b in valid[n + 1:]
                 if periods[a].start <= periods[b].end and periods[b].start <= periods[a].end]
        count = {i: sum(i in pair for pair in pairs) for i in valid}
        for a, b in pairs:
            here, other = (a, b) if count[a] > count[b] else (b, a)
            p, q = periods[here], periods[other]
            if p.start >= q.start:  # p starts inside q
                key, said = "start", f"it starts ({p.start}) before period {q.id} ends ({q.end})"
                other_key = "end"
            else:  # p runs on into q (or over all of it)
                key, said = "end", f"it ends ({p.end}) after period {q.id} starts ({q.start})"
                other_key = "start"
            line = self.docs[f].position(("periods", other, other_key))[0]
            self.add(f, ("periods", here, key),
                     f"period {p.id} ({p.start} – {p.end}) overlaps period {q.id} ({q.start} – {q.end}, "
                     f"line {line}): {said}",
                     f"periods may not overlap: change {p.id}'s dates here, or {q.id}'s on line {line}",
                     code="period-overlap",
                     args=(p.id, str(p.start), str(p.end), q.id, str(q.start), str(q.end), line))

    def _rule_string_placeholders(self) -> None:
        """Every `{placeholder}` in strings.yaml is one its code fills in (placeholders.py)."""
        from generator.model.placeholders import FILLED, problems

        for key, lang, code, args in problems({k: t.root for k, t in self.project.strings.items()}):
            expected = args[1] if len(args) > 1 else ""
            if code == "placeholder-syntax":
                message = f"the text has a brace the generator cannot read: {args[0]}"
                hint = ("a placeholder is a plain name in braces, e.g. {id}; write the text without "
                        "other braces")
            elif code == "placeholder-unknown":
                message = f"the placeholder {args[0]} is not filled in for '{key}'"
                hint = (f"use only {expected}, as in the other languages" if expected else
                        "this text has no placeholders: remove the braces")
            else:
                message = f"the placeholder {args[0]} is missing: the value it stands for would not be shown"
                hint = f"write {args[0]} where the value belongs (the texts of '{key}' use " \
                       f"{', '.join('{' + n + '}' for n in sorted(FILLED[key]))})"
            self.add("strings.yaml", ("strings", key, lang), message, hint, code=code,
                     args=(*args[:1], key, expected))

    def _rule_month_names(self) -> None:
        """month-names and month-names-short name the twelve months, January first, one word each
        (the planner and the timeline pick a month's name by its number)."""
        for key in ("month-names", "month-names-short"):
            for lang, text in (self.project.strings[key].root.items() if key in self.project.strings else ()):
                if len(text.split()) != 12:
                    self.add("strings.yaml", ("strings", key, lang),
                             f"'{key}' has {len(text.split())} words, not the 12 months",
                             "write the twelve months' names, January first, separated by spaces",
                             code="month-names", args=(key, len(text.split())))

    def _rule_template_strings(self) -> None:
        """Every interface string the templates use exists in strings.yaml."""
        if not self.template_dir:
            return
        used: set[str] = set(CODE_STRINGS)
        for tpl in sorted(self.template_dir.rglob("*.j2")):
            used |= set(_TEMPLATE_KEY_RE.findall(tpl.read_text(encoding="utf-8")))
        for key in sorted(used - set(self.project.strings)):
            self.add("strings.yaml", ("strings",), f"the string '{key}' is used by the templates "
                     "but not defined", f"add `{key}:` with a text in every language",
                     code="missing-string", args=(key,))

    def _rule_warnings(self) -> None:
        """Things that are allowed but that an editor should look at soon."""
        today = self.today
        if not any(p.start > today for p in self.project.periods) and not self.project.unannounced:
            self.add("periods.yaml", ("periods",), f"no period starts after today ({today})",
                     "add next year's periods: make new-period PERIOD=N/YYYY",
                     severity=WARNING, code="no-upcoming")
        limit = _months_before(today, REVIEW_MONTHS)
        for i, s in enumerate(self.project.services):
            if s.last_reviewed < limit:
                self.add("services.yaml", ("services", i, "last_reviewed"),
                         f"{s.id} was last reviewed on {s.last_reviewed}, over {REVIEW_MONTHS} months ago",
                         "check the facts and update `last_reviewed`", severity=WARNING,
                         code="stale-review", args=(s.id,))
        for page in self.project.pages:
            if page.meta.last_reviewed < limit:
                self.problems.append(Problem(page.path, 2, 1, f"the page was last reviewed on "
                                             f"{page.meta.last_reviewed}, over {REVIEW_MONTHS} months ago",
                                             hint="check it and update `last_reviewed`",
                                             severity=WARNING, code="stale-review"))
        soon = today + dt.timedelta(days=PROVISIONAL_WARNING_DAYS)
        for i, p in self.dated():
            dated: list[tuple[tuple, dt.date, str]] = [
                (("registration", "opens"), p.registration.opens, p.registration_dates),
                (("registration", "closes"), p.registration.closes, p.registration_dates),
                (("start",), p.start, p.dates)]
            dated += [(("events", j, "date"), e.date, p.event_dates(e)) for j, e in enumerate(p.events)]
            for path, day, state in dated:
                if state == "provisional" and today <= day <= soon:
                    self.add("periods.yaml", ("periods", i) + path,
                             f"{day} is still provisional and only {(day - today).days} days away",
                             "confirm it with Kela and set `dates: confirmed`",
                             severity=WARNING, code="provisional-dates-soon",
                             args=(str(day), str((day - today).days)))

    def _rule_site_url_known(self) -> None:
        """A placeholder `site_url` is in every sitemap entry, feed and calendar: not for publishing."""
        config = self.project.config
        if not config.site_url_known:
            self.add("site.yaml", ("site_url",), f"site_url ({config.site_url}) is not the site's real address "
                     "yet (`site_url_known: false`): the sitemap, feeds and calendars would point at it",
                     "when the site's address is decided, write it as site_url and remove the line "
                     "`site_url_known: false`; until then `check --strict` fails and the site cannot be "
                     "published", severity=WARNING, code="site-url-placeholder", args=(config.site_url,))

    def _rule_before_publishing(self) -> None:
        """What the site still lacks (`before_publishing:`) is publishing work, not text for readers."""
        for i, text in enumerate(self.project.config.before_publishing):
            self.add("site.yaml", ("before_publishing", i), f"before publishing: {text}",
                     "add the fact to the data or the page it belongs to and remove this line from "
                     "`before_publishing:`; until then `make check-strict` fails",
                     severity=WARNING, code="editorial-note", args=(text,))

    def _rule_example_dates(self) -> None:
        """A period that has not ended may not be published with example dates (`check --strict`).

        One warning per `dates: example` that applies, at its line (the one to change), naming the
        lines of the dates it covers. Past periods are history: their example dates stay marked as
        examples on the pages, and nobody plans by them any more."""
        f = "periods.yaml"
        doc = self.docs.get(f)
        if doc is None:
            return
        for i, p in self.dated():
            if p.end < self.today:
                continue
            covered: dict[tuple, list[tuple]] = {}
            if p.dates == "example":
                covered.setdefault(("dates",), []).extend([("start",), ("end",)])
            if p.registration_dates == "example":
                where: tuple = ("registration", "dates") if p.registration.dates else ("dates",)
                covered.setdefault(where, []).extend([("registration", "opens"), ("registration", "closes")])
            for j, e in enumerate(p.events):
                if p.event_dates(e) == "example":
                    where = ("events", j, "dates") if e.dates else ("dates",)
                    covered.setdefault(where, []).append(("events", j, "date"))
            for where, paths in covered.items():
                lines = ", ".join(str(doc.position(("periods", i) + path)[0]) for path in paths)
                self.add(f, ("periods", i) + where,
                         f"period {p.id} is current or upcoming (as of {self.today}), but its dates are "
                         f"still examples (periods.yaml, lines: {lines})",
                         "write Kela's published dates and set `dates: confirmed` (`dates: provisional` "
                         "if Kela has announced them as preliminary); if Kela has not announced the period "
                         "yet, remove its dates (start, end, registration, events) and write `dates: "
                         "unannounced`; until then `check --strict` fails and the site is not ready to "
                         "publish", severity=WARNING, code="example-dates",
                         args=(p.id, str(self.today), lines))

    def _rule_changes(self) -> None:
        """data/changes.yaml: unique ids; every page, period and service it names exists."""
        f = "changes.yaml"
        if f not in self.docs:
            return
        self.unique(f, self.project.changes, ("changes",), "change")
        pages = set(models.PageSlugs.model_fields) | {"home", "changes"} | {pg.meta.id for pg in self.project.pages}
        periods = {p.id for p in self.project.all_periods}
        services = {s.id for s in self.project.services}
        # A period or service id written twice (`duplicate-id`, at the duplicate) most likely
        # replaced another id by mistake: the entries naming that id are judged once it is fixed.
        judge_periods = len(periods) == len(self.project.all_periods)
        judge_services = len(services) == len(self.project.services)
        for i, change in enumerate(self.project.changes):
            base = ("changes", i)
            self.refs(f, change.pages, base + ("pages",), pages, "page")
            if judge_periods:
                self.refs(f, change.periods, base + ("periods",), periods, "period")
            if judge_services:
                self.refs(f, change.services, base + ("services",), services, "service")
        slugs = self.project.strings.get("slug-changes")
        if slugs is None:
            return
        for lang in self.langs:
            slug = slugs.root.get(lang)
            taken = {s.root.get(lang) for _, s in self.project.config.pages} | \
                {pg.slug for pg in self.project.pages if pg.lang == lang}
            if slug in taken:
                self.add("strings.yaml", ("strings", "slug-changes", lang),
                         f"the slug '{slug}' of the changes page is already used by another page",
                         "give the changes page its own address", code="duplicate-slug", args=(slug,))
    # -- a source for every fact, links in the reader's language, periods, search terms --

    def _rule_sources(self) -> None:
        """Every service, requirement and the process facts name a source (or say why none is
        public). A source nobody has verified against the live page is publishing work; one whose
        facts date (the verification, else the page's own date or its copy's) from over
        REVIEW_MONTHS months ago is a warning, once per page; a date in the future is a slip."""
        limit = _months_before(self.today, REVIEW_MONTHS)
        facts: list[tuple[str, tuple, models.ProcessFile | models.Service | models.Requirement, str]] = [
            ("process.yaml", (), self.project.process, "process.yaml")]
        facts += [("services.yaml", ("services", i), s, s.id) for i, s in enumerate(self.project.services)]
        facts += [("requirements.yaml", ("requirements", i), r, r.id)
                  for i, r in enumerate(self.project.requirements)]
        stale: set[tuple] = set()
        for file, path, fact, name in facts:
            if not fact.sources and fact.source_note is None:
                self.add(file, path + (("id",) if path else ()),
                         f"{name} has no source", "add `sources:` (the public page the facts come from, "
                         "with the page's own date as `updated:`) or, where no page is public, "
                         "`source_note:` saying where they come from",
                         severity=WARNING, code="no-source", args=(name,))
            steps = [(("steps", j), step) for j, step in enumerate(getattr(fact, "steps", []))]
            for base, item in [((), fact), *steps]:
                for k, source in enumerate(item.sources):
                    entry = path + base + ("sources", k)
                    url = source.href(self.langs[0])
                    for key in ("updated", "seen", "verified"):
                        day = getattr(source, key)
                        if day is not None and day > self.today:
                            self.add(file, entry + (key,), f"the source's `{key}:` {day} is after today "
                                     f"({self.today})", "write the day the page shows, or the day it "
                                     "was really verified", severity=WARNING, code="source-in-future",
                                     args=(str(day),))
                    if source.verified is None:
                        self.add(file, entry + ("url",), f"the source {url} has not been verified against "
                                 "the live page", "when a person has checked the facts against the live "
                                 "page, add `verified:` with that day; until then `make check-strict` "
                                 "lists this and the site is not ready to publish",
                                 severity=WARNING, code="unverified-source", args=(url,))
                    dated = source.dated
                    page = (url, dated)
                    if dated is not None and dated < limit and page not in stale:
                        stale.add(page)
                        key = "verified" if source.verified else "updated" if source.updated else "seen"
                        self.add(file, entry + (key,), f"the facts of the source {url} date from "
                                 f"{dated}, over {REVIEW_MONTHS} months ago", "check the facts against "
                                 "the live page and write that day as `verified:`",
                                 severity=WARNING, code="stale-source", args=(str(dated),))

    def _rule_link_language(self) -> None:
        """A reader follows links into pages of their own language: a per-language address that leads
        to a kanta.fi page in the other language, or such a link in a text, is a warning."""
        files = {"process.yaml": (self.project.process, ()), "site.yaml": (self.project.config, ()),
                 "services.yaml": (self.project.services, ("services",)),
                 "requirements.yaml": (self.project.requirements, ("requirements",))}
        for file, (value, root) in files.items():
            for path, item in _addressed(value, root):
                urls = item if isinstance(item, models.LocalUrl) else item.url
                if not isinstance(urls, models.LocalUrl):
                    continue  # one address for all: a page in one language, and the link text says so
                if isinstance(item, models.LocalUrl) and len(set(urls.root.values())) == 1:
                    continue  # a site setting (register_url) has no one-address form: the same means one
                given = getattr(item, "page_language", None)
                for lang, url in urls.root.items():
                    if (given.get(lang) if isinstance(given, dict) else given):
                        continue
                    self._link_language(file, path + ("url", lang) if not isinstance(item, models.LocalUrl)
                                        else path + (lang,), lang, url)
            for path, text in _localized(value, root):
                if isinstance(text, (models.Prose, models.Text)):
                    for lang, body in text.root.items():
                        for label, url in _MD_KANTA_LINK_RE.findall(body):
                            if not self._says_language(label, url):
                                self._link_language(file, path + (lang,), lang, url)
        for page in self.project.pages:
            for number, line in enumerate(page.body.split("\n"), start=1):
                for found in _MD_KANTA_LINK_RE.finditer(line):
                    target = models.kanta_language(found[2])
                    if target in ("fi", "sv") and target != page.lang and \
                            not self._says_language(found[1], found[2]):
                        self.problems.append(Problem(
                            page.path, _body_line(page, number), found.start() + 1,
                            f"the {page.lang} page links to a {target} kanta.fi page: {found[2]}",
                            hint="link to the page in the page's own language, or say in the link text "
                                 "which language the page is in", severity=WARNING,
                            code="link-language-page", args=(page.lang, target, found[2])))

    def _link_language(self, file: str, path: tuple, lang: str, url: str) -> None:
        target = models.kanta_language(url)
        if target in ("fi", "sv") and lang in ("fi", "sv") and target != lang:
            self.add(file, path, f"the {lang} address leads to a {target} kanta.fi page: {url}",
                     f"give the {lang} page's own address; if the page exists in {target} only, give one "
                     "address for every language (the link text then says its language)",
                     severity=WARNING, code="link-language", args=(lang, target, url))

    def _says_language(self, label: str, url: str) -> bool:
        """A link whose text names the language of its page (the words of strings.yaml's
        link-lang-* in any site language) tells the reader where it leads."""
        target = models.kanta_language(url)
        words = self.project.strings.get(f"link-lang-{target}")
        return words is not None and any(word.lower() in label.lower() for word in words.root.values())

    def _rule_uses_periods(self) -> None:
        """A service taken into use outside the periods is in no period and needs no registration."""
        outside = {s.id for s in self.project.services if not s.uses_periods}
        for i, s in enumerate(self.project.services):
            if not s.uses_periods and s.registration.required:
                self.add("services.yaml", ("services", i, "registration", "required"),
                         f"{s.id} is not taken into use in periods (`uses_periods: false`) but "
                         "requires registration for one", "set `required: false` or remove "
                         "`uses_periods: false`", code="uses-periods-registration", args=(s.id,))
        for i, period in enumerate(self.project.all_periods):
            for j, sid in enumerate(period.accepts):
                if sid in outside:
                    self.add("periods.yaml", ("periods", i, "accepts", j),
                             f"period {period.id} accepts {sid}, which is not taken into use in periods "
                             "(`uses_periods: false` in services.yaml)", "remove it from `accepts:`",
                             code="uses-periods", args=(period.id, sid))

    def _rule_registration_accepted(self) -> None:
        """A service that needs registration for a period, but that no current or upcoming period
        accepts, cannot be registered for: the editor most likely forgot `accepts:`."""
        open_periods = [p for p in self.project.periods if p.end >= self.today]
        if not open_periods:
            return  # `no-upcoming` already asks for next year's periods
        accepted = {sid for p in open_periods for sid in p.accepts}
        for i, s in enumerate(self.project.services):
            if s.uses_periods and s.registration.required and s.id not in accepted:
                self.add("services.yaml", ("services", i, "id"),
                         f"{s.id} requires registration for a period, but no current or upcoming period "
                         "accepts it", f"add {s.id} to `accepts:` of the coming periods in data/periods.yaml, "
                         "or set `required: false` under its `registration:`", severity=WARNING,
                         code="registration-unaccepted", args=(s.id,))

    def _rule_planner_lead_times(self) -> None:
        """The planner's lead times are the process page's duration estimates (their minimum): two
        numbers for one fact, so a change to one that forgets the other is a contradiction on the site."""
        proc = self.project.process
        for kind in ("certified", "uncertified"):
            lead, estimate = getattr(proc.planner, f"lead_months_{kind}"), getattr(proc, f"duration_{kind}").min
            if lead != estimate:
                self.add("process.yaml", ("planner", f"lead_months_{kind}"),
                         f"the planner's lead_months_{kind} is {lead} months, but duration_{kind} says at least "
                         f"{estimate}", f"make them equal (the pages show duration_{kind}; the planner uses "
                         f"lead_months_{kind})", severity=WARNING, code="planner-lead-time",
                         args=(kind, lead, estimate))

    def _rule_search_terms(self) -> None:
        """Search terms name pages that exist."""
        known = {name for name, _ in self.project.config.pages} | {"home"}
        known |= {f"service:{s.id}" for s in self.project.services}
        for i, term in enumerate(self.project.search_terms):
            for j, key in enumerate(term.pages):
                self.ref("search_terms.yaml", key, ("terms", i, "pages", j), known, "page")


def _localized(value, path: tuple):
    """Yield (path, model) for every Text / Prose / Slugs / LocalUrl inside a value."""
    if isinstance(value, (models.Text, models.Prose, models.Slugs, models.LocalUrl)):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _localized(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _localized(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _localized(item, path + (key,))


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, 28))


_MD_KANTA_LINK_RE = re.compile(r"\[([^\]]*)\]\(\s*<?(https://(?:www\.)?kanta\.fi/[^)\s>]*)")
"""A Markdown link to kanta.fi: its text and address."""


def _addressed(value, path: tuple):
    """Yield (path, item) for every link, source and per-language address (LocalUrl) inside a value."""
    if isinstance(value, (models._Addressed, models.LocalUrl)):
        yield path, value
    elif isinstance(value, BaseModel) and not isinstance(value, RootModel):
        for name in type(value).model_fields:
            yield from _addressed(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _addressed(item, path + (i,))


def _body_line(page: ContentPage, number: int) -> int:
    """Line in the file of the body's line `number` (the front matter comes first)."""
    try:
        text = Path(page.path).read_text(encoding="utf-8").replace("\r\n", "\n")
    except OSError:
        return number
    front = content.FRONT_MATTER_RE.match(text)
    return number + (front[0].count("\n") if front else 0)
