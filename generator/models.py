"""The schema: every record kind of `data/`, declared once.

These pydantic models are the single source of the data format. From them come
validation (`validate.py`), the JSON Schemas in `schemas/` that editors' IDEs
use, and the data-format reference in the editors' guide. Each field carries a
one-line description, which is what the editors see in their IDE and in the
reference.

The loader hands over strings only, so every type here parses text: dates are
`YYYY-MM-DD`, times `HH:MM`, booleans exactly `true` or `false`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, NoReturn
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
    WithJsonSchema,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from .limits import FIRST_YEAR, LAST_YEAR
from .printable import codepoint, first_invisible, printable
from .urlsafety import link_allowed

# ---------------------------------------------------------------------------
# Scalar types (all parse strings, with messages that teach the fix)
# ---------------------------------------------------------------------------



def _whole(pattern: str) -> re.Pattern:
    """`pattern`, written `^…$` as JSON Schema (ECMAScript) and pydantic (Rust) read it, compiled
    for Python so that it matches the whole text, whichever of match/fullmatch is called.

    Python's `$` also matches before a final newline: with it, `resepti-palvelu\\n` (a quoted
    "\\n" or a `|` block in YAML) passed as a slug and broke the build and `_redirects` later.
    `\\Z` is the very end. ASCII: `[0-9]` is meant (`\\d` in Python matches any script's digits,
    such as `٢٠٢٨`; the patterns avoid it, and the flag keeps a future `\\d` or `\\w` honest)."""
    return re.compile(rf"(?:{pattern})\Z", re.ASCII)


ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = _whole(ID_PATTERN)
PERIOD_ID_PATTERN = r"^([1-9])/([0-9]{4})$"
PERIOD_ID_RE = _whole(PERIOD_ID_PATTERN)
_DATE_RE = _whole(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
TIME_PATTERN = r"^([0-9]{1,2}):([0-9]{2})$"
_TIME_RE = _whole(TIME_PATTERN)
_TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_MD_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")
_ATTR_LIST_RE = re.compile(r"\{(?![A-Za-z_][A-Za-z0-9_]*\})(?::?[ \t]*[^}\s][^\n]*?\})")
"""A Markdown attribute list as attr_list reads it: `{: #id .class key=value }`, also without the
colon (`{onclick=…}`), after a heading, a block or an inline element such as a link. A lone word
in braces (`{id}`) is a placeholder that the generator fills in (strings.yaml), not refused."""
_REF_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:", re.M)
"""A reference-style link definition (`[name]: address`): its address escapes the link check."""
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]"
"""Characters of an address (RFC 3986) without ( ) [ ] { }, quotes, spaces and backslashes: they
would end a Markdown link early or start an attribute list; percent-encode them (%28, %20, …)."""
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_HOST = rf"{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,}}"
EMAIL_PATTERN = rf"^[A-Za-z0-9._%+-]+@{_HOST}$"
EMAIL_RE = _whole(EMAIL_PATTERN)
_HTTPS_RE = _whole(rf"^https://{_HOST}(?::[0-9]{{1,5}})?(?:[/?#]{_URL_CHARS}*)?$")
_MAILTO_RE = _whole(rf"^mailto:[A-Za-z0-9._%+-]+@{_HOST}(?:\?{_URL_CHARS}*)?$")
_SITE_PATH_RE = _whole(rf"^/(?![/\\]){_URL_CHARS}*$")
_ANCHOR_RE = _whole(r"^#[A-Za-z0-9_-]+$")
LANG_PATTERN = r"^[a-z]{2}$"
STEMMER_PATTERN = LANG_PATTERN
STEMMER_RE = _whole(STEMMER_PATTERN)
BRANCH_PATTERN = r"^(?!.*\.\.)(?!.*//)(?!.*\.lock$)(?!.*@\{)[A-Za-z0-9][A-Za-z0-9._/-]{0,99}(?<![./])$"
"""A git branch name that is safe in a URL: letters, digits, . _ / -, no `..`, `//` or `.lock`."""
BRANCH_RE = _whole(BRANCH_PATTERN)
REDIRECT_PATH_PATTERN = r"^/[a-z]{2}/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*$"
REDIRECT_PATH_RE = _whole(REDIRECT_PATH_PATTERN)
PHONE_PATTERN = r"^\+?[0-9 ]{6,20}$"

SEARCH_LANGUAGES = ("ar", "da", "de", "en", "es", "fi", "fr", "hi", "hu", "hy", "it", "ja", "kn", "ko",
                    "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh")
"""The languages Material's search can stem: English, built in, and those that both MkDocs'
`search.lang` option accepts (mkdocs/contrib/search/lunr-language/) and Material ships a lunr
file for (material/templates/assets/javascripts/lunr/min/). For any other code MkDocs falls back to
English without a word, and Finnish pages would be stemmed as English. Left out: lunr's old
aliases `du` (nl) and `jp` (ja). tests/test_loader_hardening.py checks this against the installed
packages."""

_EXAMPLES = {"id": "potilastietovaranto", "date": "2026-03-15", "time": "09:30", "bool": "true",
             "url": "https://www.kanta.fi/", "text": "Reseptikeskus", "number": "3",
             "email": "kanta@kanta.fi", "path": "/fi/palvelut/", "code": "fi", "branch": "main",
             "period": "1/2026"}


def _fail(code: str, message: str, *values: str) -> NoReturn:
    """Raise a validation error with a stable code, so `check --lang` can translate it.

    The message uses {0}, {1}… for the values, which become the problem's args. A value is
    quoted as `printable` shows it: a newline or a bidi override from the data must not reach a
    terminal or a CI log as it is.
    """
    ctx = {f"v{i}": printable(v) for i, v in enumerate(values)}
    raise PydanticCustomError(code, re.sub(r"\{(\d)\}", r"{v\1}", message), ctx)


def _schema_pattern(pattern: str):
    """The pattern for editors' IDEs (JSON Schema) only: the validators check it themselves, with a
    message that teaches the fix instead of pydantic's generic one."""
    return Field(json_schema_extra={"pattern": pattern})


def _scalar(value, example: str) -> str:
    """Every custom type starts here: the loader hands over strings, lists and mappings only,
    and a list or mapping where one value belongs must be an editor's mistake, not a crash."""
    if not isinstance(value, str):
        _fail("not-scalar", "expected a single value here (like {0}), not a list or indented keys: "
              "write the value on the same line as its key, without '- ', [ ] or { }", example)
    return value


def _one_value(kind: str):
    """A BeforeValidator that refuses a list or mapping with the example of `kind`."""
    example = _EXAMPLES[kind]

    def check(value):
        if isinstance(value, (bool, int, dt.date, dt.time)):  # built in code, not read from YAML
            return value
        return _scalar(value, example)

    return check


def _check_id(value: str) -> str:
    _scalar(value, _EXAMPLES["id"])
    invisible = first_invisible(value)
    if invisible:
        # An id or a slug with an invisible character looks like another one: two pages that
        # seem to have the same address, or a reference that seems right and is not.
        _fail("invisible-in-id", "'{0}' contains the invisible character {1}: delete it (an id or an "
              "address is lowercase a-z, digits and hyphens only)", value, codepoint(invisible))
    if not ID_RE.fullmatch(value):
        _fail("bad-id", "'{0}' is not a valid id or slug: use lowercase a-z, digits and single hyphens "
              "only (no spaces, capitals, å/ä/ö or slashes), e.g. 'potilastietovaranto'", value)
    return value


def _check_date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    _scalar(value, _EXAMPLES["date"])
    m = _DATE_RE.fullmatch(value)
    if not m:
        _fail("bad-date-format", "'{0}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-15", value)
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        _fail("bad-date", "'{0}' is not a date in the calendar (check the day and month)", value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        _fail("date-range", "'{0}' is outside the years {1}–{2} that the guide covers: check the "
              "year (a typing mistake?)", value, str(FIRST_YEAR), str(LAST_YEAR))
    return day


def _check_time(value) -> dt.time:
    if isinstance(value, dt.time):
        return value
    _scalar(value, _EXAMPLES["time"])
    m = _TIME_RE.fullmatch(value)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        _fail("bad-time", "'{0}' is not a time: write it as HH:MM on the 24-hour clock, e.g. 09:30", value)
    return dt.time(int(m[1]), int(m[2]))


def _check_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    _scalar(value, _EXAMPLES["bool"])
    if value == "true":
        return True
    if value == "false":
        return False
    _fail("bad-bool", "'{0}' is not true or false: write exactly true or false", value)


def _check_url(value: str) -> str:
    _scalar(value, _EXAMPLES["url"])
    if not link_allowed(value) or not (_HTTPS_RE.fullmatch(value) or _MAILTO_RE.fullmatch(value)):
        _fail("bad-url", "'{0}' is not an allowed link: write a full https:// address or "
              "mailto:name@example.fi, with spaces, quotes and ( ) [ ] { } percent-encoded "
              "(%20, %22, %28 …)", value)
    return value


def _matching(kind: str, pattern: re.Pattern, code: str, message: str):
    """A check that one value matches `pattern`, else the error `code` with `message`."""
    def check(value: str) -> str:
        _scalar(value, _EXAMPLES[kind])
        if not pattern.fullmatch(value):
            _fail(code, message, value)
        return value

    return check


_check_email = _matching("email", EMAIL_RE, "bad-email", "'{0}' is not an e-mail address: write it as "
                         "name@example.fi, without spaces, brackets or quotes")
_check_stemmer = _matching("code", STEMMER_RE, "bad-stemmer", "'{0}' is not a search language: write a "
                           "two-letter code that Material's search supports, e.g. fi or sv")


def _check_stemmer_supported(value: str) -> str:
    if value not in SEARCH_LANGUAGES:
        _fail("unsupported-stemmer", "'{0}' is not a language Material's search supports (it would "
              "silently search as English): write one of {1}", value, ", ".join(SEARCH_LANGUAGES))
    return value


def _check_period_id(value: str) -> str:
    _scalar(value, _EXAMPLES["period"])
    if not PERIOD_ID_RE.fullmatch(value):
        _fail("bad-period-id", "'{0}' is not a period id: write the period's number and its year as "
              "N/YYYY with the digits 0-9, e.g. 1/2026", value)
    return value


_check_branch = _matching("branch", BRANCH_RE, "bad-branch", "'{0}' is not a safe branch name: use "
                          "letters, digits, '.', '_', '/' and '-' only, e.g. main")
_check_redirect_path = _matching("path", REDIRECT_PATH_RE, "bad-path", "'{0}' is not a page address of "
                                 "this site: write the path below the site root with its language and "
                                 "a slash at both ends, e.g. /fi/palvelut/")
_check_lang = _matching("code", _whole(LANG_PATTERN), "bad-lang", "'{0}' is not a language code "
                        "like fi or sv; if the text contains a comma inside { }, put the whole text "
                        "in quotes")


LangCode = Annotated[str, AfterValidator(_check_lang), BeforeValidator(_one_value("code"))]

RESERVED_ID_PREFIXES = ("__", "kg-")
"""Ids the theme (`__config`, `__search`…) or the site's own scripts (`kg-planner`, `kg-labels`…)
read: an element of the page taking one would break them. Hand-written pages and the data alike."""


def _check_anchor(value: str) -> str:
    """An HTML id written into a page from the data (`{: #lahteet }`): a slug, and not reserved."""
    _check_id(value)
    if value.startswith(RESERVED_ID_PREFIXES):
        _fail("reserved-anchor", "'{0}' is an id the site's theme or scripts use (ids starting with "
              "__ or kg- are reserved): choose another, e.g. '{1}'", value, value.removeprefix("kg-"))
    return value


def _check_anchor_prefix(value: str) -> str:
    """The first part of ids written as `<value>-<id>`: `kg` would make them `kg-…`."""
    _check_id(value)
    if f"{value}-".startswith(RESERVED_ID_PREFIXES):
        _fail("reserved-anchor", "'{0}' is an id the site's theme or scripts use (ids starting with "
              "__ or kg- are reserved): choose another, e.g. '{1}'", value, "x" + value)
    return value


def _check_https(value: str) -> str:
    """An address written into a page's link and the calendars: https:// with a host, nothing else."""
    _scalar(value, _EXAMPLES["url"])
    if not link_allowed(value) or not _HTTPS_RE.fullmatch(value):
        _fail("bad-https-url", "'{0}' is not a full https:// address: write it as https://host/path "
              "(e.g. https://www.kanta.fi/), with spaces, quotes and ( ) [ ] { } percent-encoded "
              "(%20, %22, %28 …)", value)
    return value


STRING_TYPES = {
    "example-note-link-lang": _check_lang,  # hreflang= and lang= of the link to the source
    "example-note-url": _check_https,  # that link's address, and the calendars' DESCRIPTION
    "anchor-sources": _check_anchor,  # {: #… } of the sources' heading
    "anchor-sector": _check_anchor_prefix,  # {: #<value>-<sector id> } on the services page
    "slug-feeds": _check_id,  # the calendars' folder
    "feed-all": _check_id,  # the all-periods calendar's file name
    "slug-changes": _check_id,  # the changes page's address and its Atom feed's file name
}
"""strings.yaml keys whose texts land in an attribute, an id, an address or a file name, and the
type each must have: a text anywhere else is only words."""
STRING_PATTERNS = {_check_lang: LANG_PATTERN, _check_id: ID_PATTERN,
                    _check_anchor: r"^(?!kg-)[a-z0-9]+(?:-[a-z0-9]+)*$",
                    _check_anchor_prefix: r"^(?!kg$)[a-z0-9]+(?:-[a-z0-9]+)*$",
                    _check_https: r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[:/?#][^\s\"'<>()\[\]{}\\]*)?$"}
"""The same types for the editors' IDE (schema.py adds them to strings.yaml's JSON Schema)."""


def _check_plain(value: str) -> str:
    """Single-line text: names and titles. No markup at all."""
    _scalar(value, _EXAMPLES["text"])
    if not value.strip():
        _fail("empty-text", "the text is empty")
    if "\n" in value.strip():
        _fail("multi-line", "a name or title must fit on one line")
    if _TAG_RE.search(value):
        _fail("html", "HTML is not allowed in text; write plain text")
    if _ATTR_LIST_RE.search(value) or "{:" in value:
        _fail("attr-list", "attribute lists ({: …} or { … }) are not allowed in data texts: remove the "
              "braces and what is between them")
    if re.search(r"[*_`\[\]]|^#", value):
        _fail("markup-in-name", "a name or title is plain text: remove the * _ ` [ ] # characters")
    return value.strip()


def _link_target_ok(target: str) -> bool:
    """Where a link in a data text may point: https://, mailto:, a site path (/fi/…), an anchor."""
    if not link_allowed(target):  # the judgement every stage shares (a browser's reading)
        return False
    return bool(_HTTPS_RE.fullmatch(target) or _MAILTO_RE.fullmatch(target)
                or _SITE_PATH_RE.fullmatch(target) or _ANCHOR_RE.fullmatch(target))


def _check_prose(value: str) -> str:
    """Running text in the documented Markdown subset: emphasis, links, lists."""
    _scalar(value, _EXAMPLES["text"])
    if not value.strip():
        _fail("empty-text", "the text is empty")
    if _TAG_RE.search(value):
        _fail("html", "HTML is not allowed in text; use Markdown: *emphasis*, [link text](https://…), "
              "lists with '- '")
    for line in value.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("#"):
            _fail("heading", "headings (#) are not allowed in data texts; the page template sets headings")
        if stripped.startswith(("```", "~~~", "|", ">", "!!!", "???")) or line.startswith("    "):
            _fail("block-markup", "only emphasis, links and lists are allowed in data texts "
                  "(no code blocks, tables, quotes, admonitions or 4-space indents)")
    if "![" in value:
        _fail("image", "images are not allowed in data texts")
    if _ATTR_LIST_RE.search(value) or "{:" in value or "{#" in value or "{." in value:
        _fail("attr-list", "attribute lists ({: …} or { … }) are not allowed in data texts: remove the "
              "braces and what is between them")
    if _REF_DEFINITION_RE.search(value):
        _fail("ref-definition", "reference-style link definitions ([name]: address) are not allowed in "
              "data texts: write the link where it is used, [link text](https://…)")
    for target in _MD_LINK_RE.findall(value):
        if not _link_target_ok(target):
            _fail("bad-link", "the link target '{0}' is not allowed: use a full https:// address, "
                  "mailto:name@example.fi or a site path that starts with a single / (e.g. /fi/palvelut/)",
                  target)
    return value.strip()


Id = Annotated[str, AfterValidator(_check_id), BeforeValidator(_one_value("id")),
               Field(description="Lowercase a-z, 0-9 and hyphens.",
                     json_schema_extra={"pattern": ID_PATTERN})]
Date = Annotated[dt.date, BeforeValidator(_check_date),
                 WithJsonSchema({"type": "string", "format": "date",
                                 "description": "A date as YYYY-MM-DD."})]
Time = Annotated[dt.time, BeforeValidator(_check_time),
                 WithJsonSchema({"type": "string", "pattern": TIME_PATTERN,
                                 "description": "A time as HH:MM (24-hour clock, Europe/Helsinki)."})]
Bool = Annotated[bool, BeforeValidator(_check_bool),
                 WithJsonSchema({"type": "boolean", "description": "Exactly true or false."})]
Url = Annotated[str, AfterValidator(_check_url), BeforeValidator(_one_value("url")),
                Field(description="A full https:// address (or mailto:).")]


def _check_site_root(value: str) -> str:
    """The site's own address (sitemaps, feeds, calendars, canonical links): an https:// folder."""
    if not _HTTPS_RE.fullmatch(value) or not value.endswith("/") or "?" in value or "#" in value:
        _fail("bad-site-url", "'{0}' is not the address of the site's root: write it as https://host/ "
              "(or https://host/folder/), ending in / and without ? or #", value)
    return value


SiteUrl = Annotated[str, AfterValidator(_check_url), AfterValidator(_check_site_root),
                    BeforeValidator(_one_value("url")),
                    Field(description="A full https:// address of a folder, ending in /.")]
Email = Annotated[str, AfterValidator(_check_email), BeforeValidator(_one_value("email")),
                  _schema_pattern(EMAIL_PATTERN)]
Int = Annotated[int, Field(ge=0, le=1000), BeforeValidator(_one_value("number"))]
PlainStr = Annotated[str, AfterValidator(_check_plain), BeforeValidator(_one_value("text"))]
ProseStr = Annotated[str, AfterValidator(_check_prose), BeforeValidator(_one_value("text"))]
# After-validators run left to right: the form first, then the list.
Stemmer = Annotated[str, AfterValidator(_check_stemmer), AfterValidator(_check_stemmer_supported),
                    BeforeValidator(_one_value("code")),
                    Field(json_schema_extra={"enum": list(SEARCH_LANGUAGES)})]
Branch = Annotated[str, AfterValidator(_check_branch), BeforeValidator(_one_value("branch")),
                   _schema_pattern(BRANCH_PATTERN)]
RedirectPath = Annotated[str, AfterValidator(_check_redirect_path), BeforeValidator(_one_value("path")),
                         _schema_pattern(REDIRECT_PATH_PATTERN)]


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
    page_language: PageLanguage | None = Field(
        default=None, description="The language the page is written in, when its address does not "
        "show it (e.g. an /en/ address that serves Finnish text): fi, sv or en, or one per language.")
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
    phone: Annotated[str, Field(pattern=PHONE_PATTERN), BeforeValidator(_one_value("text"))] | None = \
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
    before_publishing: list[Annotated[str, BeforeValidator(_one_value("text"))]] = Field(
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


class StringsFile(Record):
    """data/strings.yaml: the words the templates use, per language."""

    strings: dict[Annotated[str, AfterValidator(_check_id), BeforeValidator(_one_value("id"))], Text] = \
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
    page_language: PageLanguage | None = Field(
        default=None, description="The language the page is written in, when its address does not "
        "show it (e.g. an /en/ address that serves Finnish text): fi, sv or en, or one per language.")


def _anchors(slugs: Slugs) -> Slugs:
    """Slugs that are also HTML ids (`{: #… }`): none of them reserved."""
    for value in slugs.root.values():
        _check_anchor(value)
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
                      BeforeValidator(lambda value: _scalar(value, "example"))]
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
    id: Annotated[str, AfterValidator(_check_period_id), BeforeValidator(_one_value("period")),
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

    id: Annotated[str, AfterValidator(_check_period_id), BeforeValidator(_one_value("period")),
                  Field(description="Number/year, e.g. 1/2028.",
                        json_schema_extra={"pattern": PERIOD_ID_PATTERN})]
    dates: Annotated[Literal["unannounced"], BeforeValidator(lambda value: _scalar(value, "unannounced"))] = \
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

PeriodId = Annotated[str, AfterValidator(_check_period_id), BeforeValidator(_one_value("period")),
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
    how far ahead a plan must start. The planner's script and generator/planner.py both read them."""

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
    pages: list[Annotated[str, AfterValidator(_matching(
        "id", PAGE_KEY_RE, "bad-page-key", "'{0}' is not a page of the site: write planner, process, "
        "registration, schedule, services, requirements or customer, or service:<id> of a service")),
        BeforeValidator(_one_value("id"))]] = Field(
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
