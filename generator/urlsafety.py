"""Which addresses a page may carry, judged the way a browser reads them.

One definition for every stage that looks at an address (data fields, content pages, the
built HTML), so that they cannot disagree. A browser (WHATWG URL standard) strips leading and
trailing C0 control characters and spaces, removes every tab and newline inside the address,
and compares the scheme without regard to case: `\\x01javascript:`, `java\\tscript:` and
`JaVaScRiPt:` are all `javascript:` links.
"""

from __future__ import annotations

import re

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link may use; anything else (javascript, vbscript, data, file, …) is refused."""

_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def as_browser_reads(url: str) -> str:
    """The address after the browser's own clean-up, before it reads the scheme."""
    return _TAB_OR_NEWLINE.sub("", url.strip(_C0_AND_SPACE))


def scheme(url: str) -> str:
    """The scheme a browser sees in `url`, lower-cased; "" for a relative address."""
    match = _SCHEME.match(as_browser_reads(url))
    return match[1].lower() if match else ""


def is_safe_link(url: str) -> bool:
    """A link target that is site-relative or uses one of SAFE_LINK_SCHEMES."""
    found = scheme(url)
    return not found or found in SAFE_LINK_SCHEMES


def is_own_resource(url: str) -> bool:
    """An address of a file of this site: no scheme and no other host (`//host/…`)."""
    cleaned = as_browser_reads(url).replace("\\\\", "/")
    return not scheme(cleaned) and not cleaned.startswith("//")
