"""The schema: every record kind of `data/`, declared once.

These pydantic models are the single source of the data format. From them come
validation (`validate.py`), the JSON Schemas in `schemas/` that editors' IDEs
use, and the data-format reference in the editors' guide. Each field carries a
one-line description, which is what the editors see in their IDE and in the
reference.

The scalar types the records are made of (ids, dates, addresses, texts) and their
checks are in `scalars.py`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Tag,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from generator.model.scalars import (
    ID_PATTERN,
    LANG_PATTERN,
    PERIOD_ID_PATTERN,
    PHONE_PATTERN,
    Bool,
    Branch,
    Date,
    Email,
    Id,
    Int,
    LangCode,
    PlainStr,
    ProseStr,
    RedirectPath,
    SiteUrl,
    Stemmer,
    Time,
    Url,
    check_anchor,
    check_anchor_prefix,
    check_https,
    check_id,
    check_lang,
    check_period_id,
    matching,
    one_value,
    require_scalar,
)


class Text(RootModel[dict[LangCode, PlainStr]]):
    """A one-line plain text in every configured language: `{fi: …, sv: …}`."""

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]


class Prose(RootModel[dict[LangCode, ProseStr]]):
    """Running text in every configured language, in the Markdown subset
    (emphasis, links, lists)."""

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]


class Slugs(RootModel[dict[LangCode, Id]]):
    """A URL segment per language: `{fi: potilastietovaranto, sv: patientdatalagret}`."""

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]


class LocalUrl(RootModel[dict[LangCode, Url]]):
    """An address per language: `{fi: https://…, sv: https://…}`."""

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]


class Record(BaseModel):
    """Base of every record: unknown keys are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------
# Addresses and sources: a source for every fact, links in the reader's language
# ---------------------------------------------------------------------------

PageLang = Literal["fi", "sv", "en"]


# The tags name the two readings of a value. They start with "function-" because error locations
# drop such parts (as they drop pydantic's own validator names), so a mistake is still reported at
# `url: fi:` in the file, not at a key that does not exist there.
_ONE, _EACH = "function-one", "function-each"


def _one_or_each(value) -> str:
    """A mapping is one value per language; anything else is one value for all (its errors alone are
    reported, not those of both readings)."""
    return _EACH if isinstance(value, (dict, RootModel)) else _ONE


Address = Annotated[
    Annotated[Url, Tag(_ONE)] | Annotated[LocalUrl, Tag(_EACH)],
    Discriminator(_one_or_each),
    Field(description="One address, for a page that exists in one language only (readers of the "
                      "other languages are told its language), or one per language: "
                      "`{fi: https://…, sv: https://…}`."),
]
PageLanguage = Annotated[
    Annotated[PageLang, Tag(_ONE)] | Annotated[dict[LangCode, PageLang], Tag(_EACH)],
    Discriminator(_one_or_each),
]


def kanta_language(url: str) -> str | None:
    """The language of a kanta.fi page as its address shows it (/sv/…, /en/…, else Finnish);
    None for other sites, whose addresses do not say."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() not in ("kanta.fi", "www.kanta.fi"):
        return None
    first = parts.path.strip("/").split("/")[0]
    return first if first in ("sv", "en") else "fi"


PAGE_LANGUAGE = Field(
    default=None, description="The language the page is written in, when its address does not "
    "show it (e.g. an /en/ address that serves Finnish text): fi, sv or en, or one per language.")
"""The `page_language:` of a link and of a source, declared once."""


class _Addressed(BaseModel):
    """What links and sources share: the address a reader of each language gets, and its language."""

    def href(self, lang: str) -> str:
        url = self.url  # type: ignore[attr-defined]
        return url[lang] if isinstance(url, LocalUrl) else url

    def language(self, lang: str) -> str | None:
        """The language of the page a reader of `lang` reaches (page_language, else its address)."""
        given = self.page_language  # type: ignore[attr-defined]
        if isinstance(given, dict):
            given = given.get(lang)
        return given or kanta_language(self.href(lang))

    def shown_title(self, lang: str) -> str:
        """The link text for a reader of `lang`: a page in another language of the site keeps its
        own title (the title in that language), so every mention of one page names it alike."""
        title = self.title  # type: ignore[attr-defined]
        page = self.language(lang)
        return title[page] if page and page != lang and page in title.root else title[lang]

    def one_page(self) -> bool:
        """True when every language gets the same address: a page that exists in one language."""
        url = self.url  # type: ignore[attr-defined]
        return not isinstance(url, LocalUrl) or len(set(url.root.values())) == 1


class Source(_Addressed, Record):
    """A public page that facts rest on: what is known of the copy the facts were taken from, and
    the day a person verified them against the live page, only if someone did."""

    title: Text = Field(description="The page's title, written in each language of the site "
                                    "(the page's own language is added where it differs).")
    url: Address
    page_language: PageLanguage | None = PAGE_LANGUAGE
    updated: Date | None = Field(default=None, description="The page's own date (\"Sivua päivitetty\") "
                                 "in the copy the facts were taken from, when it shows one.")
    seen: Date | None = Field(default=None, description="The day of the copy the facts were taken "
                              "from, when the page shows no date of its own.")
    verified: Date | None = Field(default=None, description="Only when a person has checked the facts "
                                  "against the live page: the day they did. Never a copy's date.")

    @property
    def dated(self) -> Date | None:
        """How old the facts are: the live page's verification, else the copy's date."""
        return self.verified or self.updated or self.seen


SOURCES_DESCRIPTION = ("The public pages these facts come from (only addresses in the shared notes), "
                       "each with the page's date (`updated:` or `seen:`) and `verified:` only if a "
                       "person checked the live page; `check` warns when none is given, one is not "
                       "verified or over 12 months old.")
SOURCE_NOTE_DESCRIPTION = "Where no public page is known: where the facts come from instead."


# ---------------------------------------------------------------------------
# data/site.yaml
# ---------------------------------------------------------------------------


class Language(Record):
    code: LangCode = Field(description="ISO 639-1 code, e.g. fi.",
                           json_schema_extra={"pattern": LANG_PATTERN})
    name: PlainStr = Field(description="The language's own name for itself, e.g. Suomi (plain text).")
    search_stemmer: Stemmer = Field(description="Material search language (lunr), a two-letter code, "
                                                "e.g. fi.")


class Contact(Record):
    id: Id = Field(description="Referenced from services as `contact:`.")
    name: Text = Field(description="Who answers, e.g. Kanta-palvelujen asiakastuki.")
    email: Email = Field(description="E-mail address.")
    phone: Annotated[str, Field(pattern=PHONE_PATTERN), BeforeValidator(one_value("text"))] | None = \
        Field(default=None, description="Phone number as written, e.g. 020 634 7787.")
    hours: Text | None = Field(default=None, description="When the line is open.")


class Sector(Record):
    id: Id = Field(description="Referenced from services' `sectors:`.")
    name: Text = Field(description="Name of the audience, e.g. Terveydenhuolto.")
    intro: Prose = Field(description="One or two sentences shown on the sector's shortcut.")


class Role(Record):
    id: Id = Field(description="Referenced from steps' `who:`.")
    name: Text = Field(description="Who does a step, e.g. Järjestelmätoimittaja.")


class KnownIssue(Record):
    text: Prose = Field(description="What is not accessible, and why.")
    reason: Literal["non-compliance", "disproportionate-burden", "out-of-scope", "not-tested"] = Field(
        description="The legal ground: non-compliance, disproportionate-burden or out-of-scope; "
        "not-tested for what has not been tested yet.")


class Accessibility(Record):
    status: Literal["full", "partial", "none"] = Field(description="Compliance with WCAG 2.1 AA.")
    prepared: Date = Field(description="When the statement was first prepared.")
    reviewed: Date = Field(description="When the statement was last reviewed.")
    method: Literal["self-assessment", "third-party"] = Field(description="How compliance was assessed.")
    feedback_email: Email = Field(description="Where readers send accessibility feedback.")
    known_issues: list[KnownIssue] = Field(default_factory=list, description="Content that is not accessible.")
    authority: Prose = Field(description="How to contact the supervisory authority (Traficom).")


class PageSlugs(Record):
    """URL segments of the generated pages, per language."""

    process: Slugs = Field(description="The onboarding process page.")
    planner: Slugs = Field(description="The onboarding planner (which period, by when, what to have ready).")
    registration: Slugs = Field(description="The registration page.")
    schedule: Slugs = Field(description="The schedule; period pages sit below it.")
    services: Slugs = Field(description="The services overview; service pages sit below it.")
    requirements: Slugs = Field(description="The shared prerequisites.")
    customer: Slugs = Field(description="The Kanta customer relationship page.")
    accessibility: Slugs = Field(description="The accessibility statement.")


class Redirect(Record):
    """An old address that keeps working: readers and search engines are sent to its replacement."""

    old: RedirectPath = Field(description="The retired address, a path below the site root with its "
                                          "language, e.g. /fi/vanha-sivu/; no page may be published there.")
    new: RedirectPath = Field(description="The published page that replaces it, e.g. /fi/palvelut/.")


class SiteConfig(Record):
    """data/site.yaml: settings of the whole site."""

    languages: list[Language] = Field(min_length=1, description="Site languages; the first is the default.")
    site_url: SiteUrl = Field(description="Public address of the site root, ending in /.")
    site_url_known: Bool = Field(default=True, description="false while `site_url` is a placeholder: "
                                 "`check --strict` (publishing) then fails.")
    before_publishing: list[Annotated[str, BeforeValidator(one_value("text"))]] = Field(
        default_factory=list, description="Facts the site still lacks, for the editors, never shown on "
        "the pages: `check --strict` (publishing) lists each one and fails until it is removed.")
    site_name: Text = Field(description="The site's name in the header.")
    description: Text = Field(description="One-line description for search engines.")
    organisation: Text = Field(description="Who publishes the site.")
    repo_url: Url | None = Field(default=None, description="The repository editors work in (for 'edit this "
                                 "page'); without it, pages have no edit link.")
    edit_branch: Branch = Field(default="main", description="Branch that edit links open (letters, "
                                "digits, . _ / - only).")
    register_url: LocalUrl = Field(description="The kanta.fi page that leads to Kela's registration forms "
                                   "(give the same address in every language if it exists in one only).")
    contacts: list[Contact] = Field(min_length=1, description="Contact points referenced by id.")
    sectors: list[Sector] = Field(min_length=1, description="Audiences that services belong to.")
    roles: list[Role] = Field(min_length=1, description="Who does onboarding steps.")
    accessibility: Accessibility = Field(description="Facts of the accessibility statement.")
    pages: PageSlugs = Field(description="URL segments of the generated pages.")
    timezone: Literal["Europe/Helsinki"] = Field(default="Europe/Helsinki",
                                                description="Time zone of every date and time.")
    redirects: list[Redirect] = Field(
        default_factory=list, description="Retired or moved pages (not services: they use "
                                          "`redirect_from`) and the pages that replace them.")


# ---------------------------------------------------------------------------
# data/strings.yaml: interface strings of the generated pages
# ---------------------------------------------------------------------------


STRING_TYPES = {
    "example-note-link-lang": check_lang,  # hreflang= and lang= of the link to the source
    "example-note-url": check_https,  # that link's address, and the calendars' DESCRIPTION
    "anchor-sources": check_anchor,  # {: #… } of the sources' heading
    "anchor-sector": check_anchor_prefix,  # {: #<value>-<sector id> } on the services page
    "slug-feeds": check_id,  # the calendars' folder
    "feed-all": check_id,  # the all-periods calendar's file name
    "slug-changes": check_id,  # the changes page's address and its Atom feed's file name
}
"""strings.yaml keys whose texts land in an attribute, an id, an address or a file name, and the
type each must have: a text anywhere else is only words."""
STRING_PATTERNS = {check_lang: LANG_PATTERN, check_id: ID_PATTERN,
                    check_anchor: r"^(?!kg-)[a-z0-9]+(?:-[a-z0-9]+)*$",
                    check_anchor_prefix: r"^(?!kg$)[a-z0-9]+(?:-[a-z0-9]+)*$",
                    check_https: r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[:/?#][^\s\"'<>()\[\]{}\\]*)?$"}
"""The same types for the editors' IDE (schema.py adds them to strings.yaml's JSON Schema)."""


class StringsFile(Record):
    """data/strings.yaml: the words the templates use, per language."""

    strings: dict[Annotated[str, AfterValidator(check_id), BeforeValidator(one_value("id"))], Text] = \
        Field(description="Key → text in every language.",
              json_schema_extra={"propertyNames": {"description": "Lowercase a-z, 0-9 and hyphens.",
                                                   "pattern": ID_PATTERN}})

    @model_validator(mode="after")
    def _typed(self) -> StringsFile:
        """The keys of STRING_TYPES, each text checked for its type at its own line."""
        errors = []
        for key, check in STRING_TYPES.items():
            for lang, value in (self.strings[key].root.items() if key in self.strings else ()):
                try:
                    check(value)
                except PydanticCustomError as exc:
                    errors.append(InitErrorDetails(type=exc, loc=("strings", key, lang), input=value))
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self


# ---------------------------------------------------------------------------
# data/requirements.yaml
# ---------------------------------------------------------------------------


class Link(_Addressed, Record):
    kind: Literal["service-description", "application", "instructions", "form", "other"] = Field(
        description="What the link is; decides its label and icon.")
    title: Text = Field(description="The link text, in each language of the site (the page's own "
                                    "language is added where it differs).")
    url: Address
    page_language: PageLanguage | None = PAGE_LANGUAGE


def _anchors(slugs: Slugs) -> Slugs:
    """Slugs that are also HTML ids (`{: #… }`): none of them reserved."""
    for value in slugs.root.values():
        check_anchor(value)
    return slugs


class Requirement(Record):
    id: Id = Field(description="Referenced from services' `requires:`.")
    slug: Annotated[Slugs, AfterValidator(_anchors)] = Field(
        description="Anchor of the requirement on the requirements page, per language.")
    name: Text = Field(description="Short name, e.g. Kanta-palvelujen asiakkuus.")
    summary: Prose = Field(description="What it means and how to meet it.")
    who: Id = Field(description="Role responsible for meeting it.")
    links: list[Link] = Field(default_factory=list, description="Further reading.")
    sources: list[Source] = Field(default_factory=list, description=SOURCES_DESCRIPTION)
    source_note: Prose | None = Field(default=None, description=SOURCE_NOTE_DESCRIPTION)


class RequirementsFile(Record):
    """data/requirements.yaml: prerequisites shared by services."""

    requirements: list[Requirement] = Field(min_length=1, description="Every shared prerequisite.")


# ---------------------------------------------------------------------------
# data/services.yaml
# ---------------------------------------------------------------------------


class Step(Record):
    who: Id = Field(description="Role that does this step (see roles in site.yaml).")
    title: Text = Field(description="The step in a few words, as an instruction.")
    text: Prose = Field(description="What exactly to do.")
    sources: list[Source] = Field(default_factory=list, description="Pages this step rests on besides "
                                  "the service's own `sources:` (which cover every step).")
    source_note: Prose | None = Field(default=None, description=SOURCE_NOTE_DESCRIPTION)
    registers: Bool = Field(default=False, description="true for the step of registering for a period: "
                            "the planner leaves it out of a plan that needs no registration.")


class Duration(Record):
    certified: Prose = Field(description="Typical duration with an already certified system.")
    uncertified: Prose = Field(description="Typical duration when the system is not yet certified.")


class Registration(Record):
    required: Bool = Field(description="Whether the actor registers for an onboarding period.")
    vendor_exception: Bool = Field(
        default=False, description="Whether the full-vendor-support exception (process.yaml) applies.")
    note: Prose | None = Field(default=None, description="Anything specific to this service.")


class Service(Record):
    id: Id = Field(description="Stable identifier; never changes, even when names do.")
    slug: Slugs = Field(description="URL segment per language; renaming it needs a redirect entry.")
    kind: Literal["service", "functionality"] = Field(
        description="A service, or a functionality that extends one (see `extends`).")
    extends: Id | None = Field(default=None, description="For functionalities: the service they extend.")
    name: Text = Field(description="Current name.")
    former_names: list[Text] = Field(default_factory=list,
                                     description="Earlier names still in use (found by search).")
    keywords: Text | None = Field(
        default=None, description="More words search should find the page by, comma-separated per "
        "language: base forms the search's stemmer misses (sv: patientdatalager) and everyday names.")
    sectors: list[Id] = Field(min_length=1, description="Audiences (see sectors in site.yaml).")
    summary: Prose = Field(description="What the service is, in one or two sentences.")
    who: Prose = Field(description="Who must or may onboard it.")
    requires: list[Id] = Field(default_factory=list, description="Shared prerequisites (requirements.yaml).")
    requires_services: list[Id] = Field(default_factory=list,
                                        description="Services that must be in use first.")
    steps: list[Step] = Field(min_length=1, description="Onboarding steps in order.")
    duration: Duration | None = Field(default=None,
                                      description="Typical duration; omit to use the general estimate.")
    registration: Registration = Field(description="Whether and how to register for a period.")
    links: list[Link] = Field(default_factory=list, description="Service description, application, ...")
    contact: Id = Field(description="Contact point (see contacts in site.yaml).")
    last_reviewed: Date = Field(description="When an editor last checked this service's facts.")
    redirect_from: list[Slugs] = Field(default_factory=list,
                                      description="Earlier slugs per language that must keep working.")
    uses_periods: Bool = Field(
        default=True, description="false for a service taken into use outside the onboarding periods "
        "(e.g. Kelain): its page shows no periods or period-based durations, and no period may accept it.")
    sources: list[Source] = Field(default_factory=list, description=SOURCES_DESCRIPTION)
    source_note: Prose | None = Field(default=None, description=SOURCE_NOTE_DESCRIPTION)

    def all_sources(self) -> list[Source]:
        """The service's sources and its steps' own, each page once (the first entry wins)."""
        return unique_sources([self.sources, *(step.sources for step in self.steps)])

    def all_source_notes(self) -> list[Prose]:
        return [n for n in [self.source_note, *(step.source_note for step in self.steps)] if n]


def unique_sources(groups) -> list[Source]:
    """Sources of several facts, each page (the same addresses) listed once."""
    seen, kept = set(), []
    for group in groups:
        for source in group:
            key = source.url if isinstance(source.url, str) else tuple(sorted(source.url.root.items()))
            if key not in seen:
                seen.add(key)
                kept.append(source)
    return kept


class ServicesFile(Record):
    """data/services.yaml: services and functionalities that can be onboarded."""

    services: list[Service] = Field(min_length=1, description="Every onboardable service.")


# ---------------------------------------------------------------------------
# data/periods.yaml
# ---------------------------------------------------------------------------

EventKind = Literal["preparation", "operating-model-training", "practice-training"]

DATE_STATES: tuple[str, ...] = ("example", "provisional", "confirmed")
DateState = Annotated[Literal["example", "provisional", "confirmed"],
                      BeforeValidator(lambda value: require_scalar(value, "example"))]
"""How sure a date is, least to most: `example` (a placeholder until Kela publishes the date; the
site says so on every page that shows it), `provisional` (Kela has announced it, it may still
move), `confirmed` (Kela has confirmed it)."""

RENAMED_KEYS = {
    "provisional": ("dates", "write `dates: example` while the dates are placeholders, `dates: "
                    "provisional` once Kela has announced them as preliminary, `dates: confirmed` "
                    "once Kela has confirmed them"),
}
"""Keys of an earlier data format → (their new name, how to write the value). `check` names the
new key instead of only calling the old one unknown."""


class Window(Record):
    opens: Date = Field(description="First day of registration.")
    closes: Date = Field(description="Last day of registration.")
    dates: DateState | None = Field(
        default=None, description="example, provisional or confirmed, only when these dates differ "
        "from the period's `dates`.")


class Event(Record):
    id: Id = Field(description="Unique within the period; part of the calendar UID.")
    kind: EventKind = Field(description="preparation, operating-model-training or practice-training.")
    title: Text | None = Field(default=None, description="Overrides the default title of the kind.")
    date: Date = Field(description="Day of the event.")
    start: Time = Field(description="Start time, Europe/Helsinki.")
    end: Time = Field(description="End time, Europe/Helsinki.")
    online: Bool = Field(description="true when held online.")
    place: Text | None = Field(default=None, description="Where, if not only online.")
    services: list[Id] = Field(default_factory=list,
                               description="Services the event is about; empty means all the period accepts.")
    dates: DateState | None = Field(
        default=None, description="example, provisional or confirmed, only when the event's date, "
        "time and place differ from the period's `dates`.")


class Period(Record):
    id: Annotated[str, AfterValidator(check_period_id), BeforeValidator(one_value("period")),
                  Field(description="Number/year, e.g. 1/2026.",
                        json_schema_extra={"pattern": PERIOD_ID_PATTERN})]
    start: Date = Field(description="First day of the period.")
    end: Date = Field(description="Last day; production use should begin by then.")
    dates: DateState = Field(
        description="How sure every date of the period is: example (a placeholder until Kela "
        "publishes the date), provisional (announced by Kela, may still move) or confirmed. "
        "`registration` and each event may override it with their own `dates:`.")
    registration: Window = Field(description="The registration window.")
    events: list[Event] = Field(default_factory=list, description="Preparation event and trainings.")
    accepts: list[Id] = Field(min_length=1, description="Services that can be onboarded in this period.")
    last_reviewed: Date = Field(description="When an editor last checked this period.")

    @property
    def slug(self) -> str:
        """`1/2026` → `1-2026`: the same URL segment in every language."""
        return self.id.replace("/", "-")

    @property
    def registration_dates(self) -> str:
        """The state of the registration window's dates (its own, else the period's)."""
        return self.registration.dates or self.dates

    def event_dates(self, event: Event) -> str:
        """The state of an event's date and time (its own, else the period's)."""
        return event.dates or self.dates


UNANNOUNCED = "unannounced"
"""The state of a period whose dates Kela has not published: it has no dates at all (`dates:
unannounced`), so nothing is shown, computed or put in a calendar from them."""


class UnannouncedPeriod(Record):
    """A period that Kela has not announced yet: its id and the services it accepts, no dates. The
    site names it with "Kela has not yet published the period's dates"; statuses, calendars, the
    timeline, the planner and `check --strict` leave it out."""

    id: Annotated[str, AfterValidator(check_period_id), BeforeValidator(one_value("period")),
                  Field(description="Number/year, e.g. 1/2028.",
                        json_schema_extra={"pattern": PERIOD_ID_PATTERN})]
    dates: Annotated[Literal["unannounced"], BeforeValidator(lambda value: require_scalar(value, "unannounced"))] = \
        Field(description="unannounced: Kela has not published the period's dates. When it does, write "
              "`start`, `end`, `registration` and `events` and set `dates:` to example, provisional or "
              "confirmed.")
    accepts: list[Id] = Field(min_length=1, description="Services that can be onboarded in this period.")
    last_reviewed: Date = Field(description="When an editor last checked this period.")

    @property
    def slug(self) -> str:
        """`1/2028` → `1-2028`: the same URL segment in every language."""
        return self.id.replace("/", "-")


DATED_FIELDS = tuple(name for name in Period.model_fields if name not in UnannouncedPeriod.model_fields)
"""The keys an unannounced period may not have (`check` says so at their line)."""

# Which model reads a period: the tags start with "function-" so that error locations drop them
# (a mistake is reported at its key in the file); schema_errors follows them to the right model.
_DATED, _UNANNOUNCED = "function-dated", "function-unannounced"
PERIOD_KINDS: dict[str, type[Record]] = {_DATED: Period, _UNANNOUNCED: UnannouncedPeriod}


def _period_kind(value) -> str:
    """`dates: unannounced`, or a record without any of the dated keys (its dates were removed but
    `dates:` not changed: the fix asked for is `dates: unannounced`, not every date back)."""
    if isinstance(value, dict):
        undated = not any(key in value for key in DATED_FIELDS)
        return _UNANNOUNCED if value.get("dates") == UNANNOUNCED or undated else _DATED
    return _UNANNOUNCED if getattr(value, "dates", None) == UNANNOUNCED else _DATED


AnyPeriod = Annotated[Annotated[Period, Tag(_DATED)] | Annotated[UnannouncedPeriod, Tag(_UNANNOUNCED)],
                      Discriminator(_period_kind)]


class PeriodsFile(Record):
    """data/periods.yaml: the onboarding periods, three a year."""

    periods: list[AnyPeriod] = Field(min_length=1, description="Every period, in time order; periods "
                                     "Kela has not announced (`dates: unannounced`) after the dated ones.")


# ---------------------------------------------------------------------------
# data/changes.yaml: what changed, for readers (optional file)
# ---------------------------------------------------------------------------

PeriodId = Annotated[str, AfterValidator(check_period_id), BeforeValidator(one_value("period")),
                     Field(description="A period's id, e.g. 1/2027.",
                           json_schema_extra={"pattern": PERIOD_ID_PATTERN})]


class Change(Record):
    """One change that readers should know about: listed on the changes page, in its Atom feed and
    under the "updated" line of every page it names."""

    id: Id = Field(description="Stable identifier (part of the feed entry's id and the anchor on the "
                               "changes page): never change it once published.")
    date: Date = Field(description="When the change was published on the site.")
    text: Text = Field(description="What changed, in one line (the feed entry's title).")
    details: Prose | None = Field(default=None, description="More about the change, if needed.")
    pages: list[Id] = Field(default_factory=list, description="Pages it changed: home, planner, process, "
                            "registration, schedule, services, requirements, customer, accessibility, "
                            "changes, or the id of a hand-written page.")
    periods: list[PeriodId] = Field(default_factory=list, description="Periods it changed (their pages).")
    services: list[Id] = Field(default_factory=list, description="Services it changed (their pages).")


class ChangesFile(Record):
    """data/changes.yaml: the change log for readers, newest first."""

    changes: list[Change] = Field(default_factory=list, description="Every change, newest first.")


# ---------------------------------------------------------------------------
# data/process.yaml: the generic guidance facts, each stated once
# ---------------------------------------------------------------------------


class Months(Record):
    min: Int = Field(description="Lower estimate in months.")
    max: Int | None = Field(default=None, description="Upper estimate; omit for 'at least'.")


class Trigger(Record):
    id: Id = Field(description="Stable identifier.")
    text: Prose = Field(description="When the actor registers.")
    sectors: list[Id] = Field(default_factory=list, description="Limited to these sectors; empty = all.")


class SupportEvent(Record):
    kind: EventKind = Field(description="Which event kind this describes.")
    name: Text = Field(description="Name of the event kind (also its default title).")
    purpose: list[Prose] = Field(min_length=1, description="What participants get from it.")


ChangeKind = Literal["first", "new", "expansion", "minor"]


class PlannerRules(Record):
    """The rules of the onboarding planner (/fi/suunnittele/, /sv/planera/): who is asked what, and
    how far ahead a plan must start. The planner's script reads them (and tests/planner_reference.py)."""

    sectors: list[Id] = Field(min_length=1, description="The sectors the planner offers (see sectors in "
                              "site.yaml); system vendors are pointed to their own instructions instead.")
    lead_months_certified: Int = Field(description="Months from today to the earliest realistic start "
                                       "of production use when the information system is certified.")
    lead_months_uncertified: Int = Field(description="The same when the system is not certified, or "
                                         "the reader does not know.")
    lead_months_functionality: Int = Field(description="The same for a certified system when every "
                                           "chosen service is a functionality (kind: functionality): the "
                                           "source says such an extension can be ready soon after registering.")
    change_sectors: list[Id] = Field(default_factory=list, description="Sectors asked what kind of "
                                     "change the onboarding is (first, new, expansion, minor).")
    no_registration_changes: list[ChangeKind] = Field(
        default_factory=list, description="Kinds of change that need no registration (minor: none of "
        "first onboarding, a new service or functionality, or a significant expansion).")
    reminder_days: Int = Field(description="How many days before the last registration day the "
                               "calendars remind of it (VALARM).")


class ProcessFile(Record):
    """data/process.yaml: facts of the onboarding process that every page reuses."""

    precondition: Prose = Field(description="When onboarding is possible at all.")
    duration_factors: list[Prose] = Field(min_length=1, description="What the duration depends on.")
    duration_certified: Months = Field(description="Estimate with a certified system.")
    duration_uncertified: Months = Field(description="Estimate with a system not yet certified.")
    support_model: Prose = Field(description="The guidance and support model in brief.")
    support_events: list[SupportEvent] = Field(min_length=1, description="Kinds of support events.")
    why_register: Prose = Field(description="What registering gives the actor and Kela.")
    registration_triggers: list[Trigger] = Field(min_length=1, description="When to register.")
    vendor_exception: Prose = Field(description="The full-vendor-support exception.")
    vendor_exception_sectors: list[Id] = Field(min_length=1, description="Sectors it applies to.")
    timing: Prose = Field(description="When the actual onboarding can happen.")
    timing_examples: list[Prose] = Field(default_factory=list, description="Examples of timing.")
    customer_relationship: Prose = Field(description="The Kanta customer relationship in brief.")
    per_service_duties: list[Prose] = Field(min_length=1,
                                            description="What the customer does for every service.")
    relationship_once: Prose = Field(description="That the commitment is given only once.")
    planner: PlannerRules = Field(description="The onboarding planner's rules (lead times, questions).")
    last_reviewed: Date = Field(description="When an editor last checked these facts.")
    sources: list[Source] = Field(default_factory=list, description=SOURCES_DESCRIPTION)
    source_note: Prose | None = Field(default=None, description=SOURCE_NOTE_DESCRIPTION)


# ---------------------------------------------------------------------------
# Front matter of hand-written pages in content/<lang>/*.md
# ---------------------------------------------------------------------------


class PageMeta(Record):
    """The front matter block at the top of a hand-written page."""

    id: Id = Field(description="Pairs the page with its translations (same id in every language).")
    title: PlainStr = Field(description="The page title.")
    description: PlainStr | None = Field(
        default=None, description="One-line summary for search engines.")
    nav_order: Int = Field(default=50, description="Position in the navigation (smaller first).")
    last_reviewed: Date = Field(description="When an editor last checked this page.")
    sources: list[Source] = Field(default_factory=list, description=SOURCES_DESCRIPTION)


# ---------------------------------------------------------------------------
# data/search_terms.yaml: the words readers search for, in the forms they type
# ---------------------------------------------------------------------------

PAGE_KEY_RE = re.compile(r"^[a-z]+(?::[a-z0-9]+(?:-[a-z0-9]+)*)?$")


class SearchTerm(Record):
    """A term and its inflected forms, added to the search keywords of the pages that explain it."""

    forms: Text = Field(description="The term and the forms readers type, comma-separated per language "
                                    "(fi: plural, genitive, partitive, inessive, elative …; sv: definite "
                                    "and plural forms).")
    pages: list[Annotated[str, AfterValidator(matching(
        "id", PAGE_KEY_RE, "bad-page-key", "'{0}' is not a page of the site: write planner, process, "
        "registration, schedule, services, requirements or customer, or service:<id> of a service")),
        BeforeValidator(one_value("id"))]] = Field(
        min_length=1, description="The pages that explain the term: home, planner, process, registration, "
        "schedule, services, requirements, customer, accessibility, or service:<id>.")


class SearchTermsFile(Record):
    """data/search_terms.yaml: words readers search for, kept by hand."""

    terms: list[SearchTerm] = Field(min_length=1, description="Every term, with its forms and pages.")
    last_reviewed: Date = Field(description="When an editor last checked the list.")


# The data files, their model, and the top-level key that holds their records.
DATA_FILES: dict[str, type[Record]] = {
    "site.yaml": SiteConfig,
    "strings.yaml": StringsFile,
    "process.yaml": ProcessFile,
    "requirements.yaml": RequirementsFile,
    "services.yaml": ServicesFile,
    "periods.yaml": PeriodsFile,
    "changes.yaml": ChangesFile,
    "search_terms.yaml": SearchTermsFile,
}
OPTIONAL_FILES = {"changes.yaml"}
"""Data files that may be left out: a missing one reads as its model's defaults (no records)."""
