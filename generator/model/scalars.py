"""The scalar types of `data/`: one value each (an id, a date, an address, a text), checked
with a message that teaches the fix.

The loader hands over strings only, so every type here parses text: dates are `YYYY-MM-DD`,
times `HH:MM`, booleans exactly `true` or `false`. A list or a mapping where one value belongs
is an editor's mistake, refused with an example of the value (`one_value`). Each error has a
stable code (`_fail`), so `check --lang` can translate it. The records built from these types
are in `schema.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, NoReturn

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.model.limits import FIRST_YEAR, LAST_YEAR
from generator.model.printable import codepoint, first_invisible, printable
from generator.model.urlsafety import link_allowed


def _whole(pattern: str) -> re.Pattern:
    """`pattern`, written `^…$` as JSON Schema (ECMAScript) and pydantic (Rust) read it, compiled
    for Python so that it matches the whole text, whichever of match/fullmatch is called.

    Python's `$` also matches before a final newline: with it, `resepti-palvelu\\n` (a quoted
    "\\n" or a `|` block in YAML) would pass as a slug and break the build and `_redirects` later.
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


def require_scalar(value, example: str) -> str:
    """Every custom type starts here: the loader hands over strings, lists and mappings only,
    and a list or mapping where one value belongs must be an editor's mistake, not a crash."""
    if not isinstance(value, str):
        _fail("not-scalar", "expected a single value here (like {0}), not a list or indented keys: "
              "write the value on the same line as its key, without '- ', [ ] or { }", example)
    return value


def one_value(kind: str):
    """A BeforeValidator that refuses a list or mapping with the example of `kind`."""
    example = _EXAMPLES[kind]

    def check(value):
        if isinstance(value, (bool, int, dt.date, dt.time)):  # built in code, not read from YAML
            return value
        return require_scalar(value, example)

    return check


def check_id(value: str) -> str:
    require_scalar(value, _EXAMPLES["id"])
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


def check_date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    require_scalar(value, _EXAMPLES["date"])
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


def check_time(value) -> dt.time:
    if isinstance(value, dt.time):
        return value
    require_scalar(value, _EXAMPLES["time"])
    m = _TIME_RE.fullmatch(value)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        _fail("bad-time", "'{0}' is not a time: write it as HH:MM on the 24-hour clock, e.g. 09:30", value)
    return dt.time(int(m[1]), int(m[2]))


def check_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    require_scalar(value, _EXAMPLES["bool"])
    if value == "true":
        return True
    if value == "false":
        return False
    _fail("bad-bool", "'{0}' is not true or false: write exactly true or false", value)


def check_url(value: str) -> str:
    require_scalar(value, _EXAMPLES["url"])
    if not link_allowed(value) or not (_HTTPS_RE.fullmatch(value) or _MAILTO_RE.fullmatch(value)):
        _fail("bad-url", "'{0}' is not an allowed link: write a full https:// address or "
              "mailto:name@example.fi, with spaces, quotes and ( ) [ ] { } percent-encoded "
              "(%20, %22, %28 …)", value)
    return value


def matching(kind: str, pattern: re.Pattern, code: str, message: str):
    """A check that one value matches `pattern`, else the error `code` with `message`."""
    def check(value: str) -> str:
        require_scalar(value, _EXAMPLES[kind])
        if not pattern.fullmatch(value):
            _fail(code, message, value)
        return value

    return check


check_email = matching("email", EMAIL_RE, "bad-email", "'{0}' is not an e-mail address: write it as "
                         "name@example.fi, without spaces, brackets or quotes")
check_stemmer = matching("code", STEMMER_RE, "bad-stemmer", "'{0}' is not a search language: write a "
                           "two-letter code that Material's search supports, e.g. fi or sv")


def check_stemmer_supported(value: str) -> str:
    if value not in SEARCH_LANGUAGES:
        _fail("unsupported-stemmer", "'{0}' is not a language Material's search supports (it would "
              "silently search as English): write one of {1}", value, ", ".join(SEARCH_LANGUAGES))
    return value


def check_period_id(value: str) -> str:
    require_scalar(value, _EXAMPLES["period"])
    if not PERIOD_ID_RE.fullmatch(value):
        _fail("bad-period-id", "'{0}' is not a period id: write the period's number and its year as "
              "N/YYYY with the digits 0-9, e.g. 1/2026", value)
    return value


check_branch = matching("branch", BRANCH_RE, "bad-branch", "'{0}' is not a safe branch name: use "
                          "letters, digits, '.', '_', '/' and '-' only, e.g. main")
check_redirect_path = matching("path", REDIRECT_PATH_RE, "bad-path", "'{0}' is not a page address of "
                                 "this site: write the path below the site root with its language and "
                                 "a slash at both ends, e.g. /fi/palvelut/")
check_lang = matching("code", _whole(LANG_PATTERN), "bad-lang", "'{0}' is not a language code "
                        "like fi or sv; if the text contains a comma inside { }, put the whole text "
                        "in quotes")


LangCode = Annotated[str, AfterValidator(check_lang), BeforeValidator(one_value("code"))]

RESERVED_ID_PREFIXES = ("__", "kg-")
"""Ids the theme (`__config`, `__search`…) or the site's own scripts (`kg-planner`, `kg-labels`…)
read: an element of the page taking one would break them. Hand-written pages and the data alike."""


def check_anchor(value: str) -> str:
    """An HTML id written into a page from the data (`{: #lahteet }`): a slug, and not reserved."""
    check_id(value)
    if value.startswith(RESERVED_ID_PREFIXES):
        _fail("reserved-anchor", "'{0}' is an id the site's theme or scripts use (ids starting with "
              "__ or kg- are reserved): choose another, e.g. '{1}'", value, value.removeprefix("kg-"))
    return value


def check_anchor_prefix(value: str) -> str:
    """The first part of ids written as `<value>-<id>`: `kg` would make them `kg-…`."""
    check_id(value)
    if f"{value}-".startswith(RESERVED_ID_PREFIXES):
        _fail("reserved-anchor", "'{0}' is an id the site's theme or scripts use (ids starting with "
              "__ or kg- are reserved): choose another, e.g. '{1}'", value, "x" + value)
    return value


def check_https(value: str) -> str:
    """An address written into a page's link and the calendars: https:// with a host, nothing else."""
    require_scalar(value, _EXAMPLES["url"])
    if not link_allowed(value) or not _HTTPS_RE.fullmatch(value):
        _fail("bad-https-url", "'{0}' is not a full https:// address: write it as https://host/path "
              "(e.g. https://www.kanta.fi/), with spaces, quotes and ( ) [ ] { } percent-encoded "
              "(%20, %22, %28 …)", value)
    return value


def check_plain(value: str) -> str:
    """Single-line text: names and titles. No markup at all."""
    require_scalar(value, _EXAMPLES["text"])
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


def check_prose(value: str) -> str:
    """Running text in the documented Markdown subset: emphasis, links, lists."""
    require_scalar(value, _EXAMPLES["text"])
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


Id = Annotated[str, AfterValidator(check_id), BeforeValidator(one_value("id")),
               Field(description="Lowercase a-z, 0-9 and hyphens.",
                     json_schema_extra={"pattern": ID_PATTERN})]
Date = Annotated[dt.date, BeforeValidator(check_date),
                 WithJsonSchema({"type": "string", "format": "date",
                                 "description": "A date as YYYY-MM-DD."})]
Time = Annotated[dt.time, BeforeValidator(check_time),
                 WithJsonSchema({"type": "string", "pattern": TIME_PATTERN,
                                 "description": "A time as HH:MM (24-hour clock, Europe/Helsinki)."})]
Bool = Annotated[bool, BeforeValidator(check_bool),
                 WithJsonSchema({"type": "boolean", "description": "Exactly true or false."})]
Url = Annotated[str, AfterValidator(check_url), BeforeValidator(one_value("url")),
                Field(description="A full https:// address (or mailto:).")]


def check_site_root(value: str) -> str:
    """The site's own address (sitemaps, feeds, calendars, canonical links): an https:// folder."""
    if not _HTTPS_RE.fullmatch(value) or not value.endswith("/") or "?" in value or "#" in value:
        _fail("bad-site-url", "'{0}' is not the address of the site's root: write it as https://host/ "
              "(or https://host/folder/), ending in / and without ? or #", value)
    return value


SiteUrl = Annotated[str, AfterValidator(check_url), AfterValidator(check_site_root),
                    BeforeValidator(one_value("url")),
                    Field(description="A full https:// address of a folder, ending in /.")]
Email = Annotated[str, AfterValidator(check_email), BeforeValidator(one_value("email")),
                  _schema_pattern(EMAIL_PATTERN)]
Int = Annotated[int, Field(ge=0, le=1000), BeforeValidator(one_value("number"))]
PlainStr = Annotated[str, AfterValidator(check_plain), BeforeValidator(one_value("text"))]
ProseStr = Annotated[str, AfterValidator(check_prose), BeforeValidator(one_value("text"))]
# After-validators run left to right: the form first, then the list.
Stemmer = Annotated[str, AfterValidator(check_stemmer), AfterValidator(check_stemmer_supported),
                    BeforeValidator(one_value("code")),
                    Field(json_schema_extra={"enum": list(SEARCH_LANGUAGES)})]
Branch = Annotated[str, AfterValidator(check_branch), BeforeValidator(one_value("branch")),
                   _schema_pattern(BRANCH_PATTERN)]
RedirectPath = Annotated[str, AfterValidator(check_redirect_path), BeforeValidator(one_value("path")),
                         _schema_pattern(REDIRECT_PATH_PATTERN)]
