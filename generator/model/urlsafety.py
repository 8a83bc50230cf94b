"""Which addresses a page may carry, judged the way a browser reads them.

One definition for every stage that looks at an address (hand-written pages in `markdown_safety.py`, the
built HTML in `linkcheck.py`), so that they cannot disagree. A browser (WHATWG URL standard)
strips leading and trailing C0 control characters and spaces, removes every tab and newline
inside the address, and compares the scheme without regard to case: `\\x01javascript:`,
`java\\tscript:` and `JaVaScRiPt:` are all `javascript:` links.
"""

from __future__ import annotations

import re

SAFE_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
"""Schemes a link may use; anything else (javascript, vbscript, data, file, …) is refused."""
C0_AND_SPACE = "".join(map(chr, range(0x21)))
_SCHEME_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*(?=:)")


def browser_url(value: str) -> str:
    """The address a browser works with: C0 controls and spaces stripped at both ends, every tab
    and newline removed (WHATWG URL parser, before it reads the scheme)."""
    return re.sub(r"[\t\n\r]", "", value.strip(C0_AND_SPACE))


def url_scheme(value: str) -> str:
    """The scheme a browser sees in an attribute value (entities already decoded), lowercase;
    '' for a relative address."""
    found = _SCHEME_RE.match(browser_url(value))
    return found[0].lower() if found else ""


def other_host(value: str) -> bool:
    """`//host/…` (and `/\\host`, `\\\\host`: browsers read a backslash as a slash in http(s)
    addresses) leaves the site without naming a scheme."""
    return bool(re.match(r"[/\\]{2}", browser_url(value)))


def disguised(value: str) -> bool:
    """Spaces or control characters left inside an address: never a real one, often a scheme in
    disguise (Python-Markdown turns the tab of `java<tab>script:` into spaces; a browser would then
    read a broken relative address, and MkDocs would fail the build on it)."""
    return bool(re.search(r"[\x00-\x20\x7f]", browser_url(value)))


def link_allowed(value: str) -> bool:
    """May a page link here: http(s), mailto, tel, or a page of the site. `https:host` (no //)
    is not an address of another site: a browser reads it as a path relative to the page."""
    scheme = url_scheme(value)
    if scheme in ("http", "https") and not re.match(r"[/\\]{2}", browser_url(value)[len(scheme) + 1:]):
        return False
    return not disguised(value) and (scheme in SAFE_SCHEMES if scheme else not other_host(value))


def embed_allowed(value: str) -> bool:
    """May a page load this into itself (an image...): only a file of the site."""
    return not disguised(value) and not url_scheme(value) and not other_host(value)


def shown_target(target: str) -> str:
    """An address as a message quotes it: without the invisible characters, at most 80 long."""
    return re.sub(r"[\x00-\x20]", "", target)[:80]
