"""The message catalogue: every text a command prints, English in this module, Finnish and Swedish
in gettext catalogues (`generator/locale/{fi,sv}/LC_MESSAGES/messages.po`, README "Translating the messages").

Each text is marked here with `pgettext(code, english)` or `npgettext(code, singular, plural)`:
Babel's extractor (`make translations-update`) finds the calls and writes the template
`generator/locale/messages.pot`, one entry per code (the code is the entry's msgctxt, so equal
English texts stay apart). Counts use the catalogue's own plural forms (its `Plural-Forms` header).

* `TEXTS`: what the commands themselves say (`build`, `serve`, `urls`, `translations`, `new`, the
  count line), with named `{placeholders}` (`say(code, lang, n=3)`).
* `MESSAGES`: the problems `check` reports, `Problem.code` → language → (message, fix), with the
  problem's `args` as `{0}`, `{1}`; the hint's context is the code followed by " (fix)". English
  output shows the text written where the problem is found (it names the values in full, for
  developers and logs); the English entries below are the same sentences with the `{0}` values, the
  source a translator reads.

The compiled catalogues (`messages.mo`) are made by `make` and are not in git; where one is missing
or older than its `.po`, the `.po` is compiled in memory, so a fresh clone works without `make`.
A lookup miss in Finnish or Swedish shows the English text (a message is never lost), except when
`STRICT` is set: the test suite sets it, so a problem or text without its translation fails a test
(tests/test_messages.py) instead of reaching an editor in English; tests/test_catalogues.py fails
on an untranslated or fuzzy entry and on a template out of date with this module.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from babel import Locale

from generator import PACKAGE_DIR
from generator.model.errors import Problem

STRICT = os.environ.get("KG_STRICT_MESSAGES") == "1"
"""Raise `MissingMessage` instead of falling back to English (set by the tests)."""
LANGUAGES = ("en", "fi", "sv")
LOCALE_DIR = PACKAGE_DIR / "locale"
"""The catalogues: `<lang>/LC_MESSAGES/messages.po` (and the compiled `.mo`), `messages.pot`."""
DOMAIN = "messages"


class MissingMessage(LookupError):
    """A code without its text in a language (only raised when `STRICT`)."""


def pgettext(context: str, text: str) -> tuple[str, str]:
    """Marks an English text for Babel's extractor; the context is the message's code."""
    return context, text


def npgettext(context: str, singular: str, plural: str) -> tuple[str, tuple[str, str]]:
    """Marks an English text that counts (`{n}`) for Babel's extractor."""
    return context, (singular, plural)


# The severity labels of a report line and the fix's label (context `label <key>`).
_LABELS: dict[str, str] = dict([
    pgettext("label error", "error"),
    pgettext("label warning", "warning"),
    pgettext("label note", "note"),
    pgettext("label hint", "fix"),
])

# What commands say: code → English text, or (singular, plural) for a count `{n}`.
_TEXTS: dict[str, str | tuple[str, str]] = dict([
    npgettext("errors", "{n} error", "{n} errors"),
    # Counts inside the developers' English texts (BuildError messages, Problem.message); the
    # editors' fi/sv texts of the same problems are in MESSAGES.
    npgettext("addresses", "{n} address", "{n} addresses"),
    npgettext("new-addresses-are", "{n} new address is", "{n} new addresses are"),
    npgettext("problems", "{n} problem", "{n} problems"),
    npgettext("warnings", "{n} warning", "{n} warnings"),
    pgettext("nothing-written", "Nothing was written: fix the problems above and build again."),
    pgettext("build-failed", "Build failed: {error}"),
    pgettext("build-failed-problems", "Build failed: the built site did not pass its final checks."),
    pgettext("previous-kept", "The previous {out}/ was left as it was."),
    pgettext("built", "Built {out}/ ({counts}) in {seconds} s"),
    npgettext("pages", "{lang}: {n} page", "{lang}: {n} pages"),
    # --- urls ---
    npgettext("urls-current", "{file} is current ({n} address)", "{file} is current ({n} addresses)"),
    pgettext("urls-stale", "{file} is not current: addresses gone {gone}, new {new}. Run: {command}"),
    pgettext("urls-removed", "  - {url}   (will no longer work: make sure this is intended)"),
    pgettext("urls-wrote", "Wrote {file}: {n} addresses ({new} new, {gone} removed)"),
    pgettext("urls-save", "Save urls.txt together with your change (commit it)."),
    # --- translations ---
    npgettext("translations-count", "{lang}: {n} missing or to-do", "{lang}: {n} missing or to-do"),
    pgettext("translations-none", "{lang}: nothing missing or to-do"),
    pgettext("translations-headings", "{file}: {n} headings, but {other} has {most}"),
    # --- check --strict: what blocks publishing, grouped by kind (report.format_blockers) ---
    npgettext("blockers-head",
        "Publishing is blocked by {n} kind of problem; how to clear it:",
        "Publishing is blocked by {n} kinds of problems; how to clear each:"),
    pgettext("blockers-none", "Nothing blocks publishing."),
    pgettext("blocker-example-dates", "Example dates of current or upcoming periods would be shown to readers"),
    pgettext("blocker-site-url-placeholder", "The site's address (site_url) is still a placeholder"),
    pgettext("blocker-unverified-source", "Sources whose facts nobody has verified against the live page"),
    pgettext("blocker-stale-source", "Sources whose facts date from over 12 months ago"),
    pgettext("blocker-editorial-note", "Facts still missing from the site (`before_publishing:`)"),
    # --- new period / new service ---
    pgettext("new-period-added", "Added period {id} to {file} (dates not yet published by Kela)."),
    pgettext("new-service-added",
        "Added service {id} to {file}. Replace every TODO (and the other languages' slug `todo`), then run `make "
        "check`; add the service to `accepts:` of the periods that take it."),
    pgettext("new-lists-updated", "Also updated (the new addresses and ids): {files}. Save them with your change."),
    pgettext("new-then-urls",
        "The site gets new addresses and ids: run `make urls` and `make schemas` now, then `make check`, and save "
        "urls.txt and schemas/ with your change."),
    pgettext("new-service-then-urls",
        "The service's pages get their addresses from its slugs: once they are written, `make check` lists the new "
        "addresses; then run `make urls` and save urls.txt with your change."),
    pgettext("new-failed", "error: {error}"),
    pgettext("new-bad-period-id",
        "'{id}' is not a period id: write it as N/YYYY with a year from {first} to {last}, e.g. 1/2028"),
    pgettext("new-period-exists",
        "period {id} already exists ({file}): nothing was added; choose another period, e.g. the next year's"),
    pgettext("new-no-model",
        "no earlier period {number}/YYYY to copy the pattern from: copy a period in {file} by hand"),
    pgettext("new-bad-service-id",
        "'{id}' is not a valid id: use lowercase a-z, digits and hyphens, e.g. ajanvaraus or ajan-varaus"),
    pgettext("new-service-exists",
        "service {id} already exists ({file}): nothing was added; give the new service an id of its own"),
    pgettext("new-fix-data-first", "fix the data first (run `make check`), nothing was added: {problem}"),
    pgettext("new-finish-todos", "finish the TODO texts first (run `make check`): nothing was added"),
    pgettext("new-not-appended", "could not append to {file} (nothing was changed): {problem}"),
    # --- diff: what an edit changes for readers (sitediff.py), a Markdown report ---
    pgettext("diff-title", "What the change shows readers"),
    pgettext("diff-compared",
        "Compared with {base} (commit {commit}): this working copy's {data} and {content}, both versions built by "
        "this checkout's generator."),
    pgettext("diff-none", "No changes: the pages' text, the addresses, the calendars and the feeds are the same."),
    pgettext("diff-language", "Language: {name} ({code})"),
    pgettext("diff-common", "All languages"),
    pgettext("diff-language-none", "No changes in this language."),
    npgettext("diff-changed", "{n} page whose text changed", "{n} pages whose text changed"),
    npgettext("diff-added", "{n} new page", "{n} new pages"),
    npgettext("diff-removed", "{n} removed page", "{n} removed pages"),
    npgettext("diff-moved", "{n} moved address (redirect)", "{n} moved addresses (redirects)"),
    npgettext("diff-feeds", "{n} calendar or feed changed", "{n} calendars and feeds changed"),
    pgettext("diff-file-changed", "changed"),
    pgettext("diff-file-added", "new"),
    pgettext("diff-file-removed", "removed"),
    pgettext("diff-moved-from", "(was {old})"),
    pgettext("diff-redirect-dropped", "{old} is no longer redirected (it was sent to {new})"),
    npgettext("diff-more-lines", "… and {n} more line", "… and {n} more lines"),
    pgettext("diff-too-long",
        "The other pages' diffs are left out: the report would be too long for the job summary. Run make diff on "
        "your own machine to see them."),
    npgettext("diff-base-failed",
        "Nothing was compared: the version {base} (commit {commit}) does not build with this checkout's generator "
        "({n} problem). This is expected when the change updates the data format; otherwise build that version and "
        "fix it first.",
        "Nothing was compared: the version {base} (commit {commit}) does not build with this checkout's generator "
        "({n} problems). This is expected when the change updates the data format; otherwise build that version "
        "and fix it first."),
    pgettext("diff-head-failed",
        "This working copy's site could not be built, so nothing was compared: fix the problems above (make check) "
        "and run make diff again."),
    pgettext("diff-not-git",
        "{data} is not in a git repository: make diff compares with a version in git. Run it in the repository's "
        "folder."),
    pgettext("diff-no-base",
        "There is no version to compare with: neither {first} nor {second} exists in this repository. Name one, "
        "e.g. make diff BASE=<branch, tag or commit>."),
    pgettext("diff-bad-base",
        "'{base}' is not a branch, tag or commit of this repository: check the name (git branch -a lists the "
        "branches), e.g. make diff BASE=main."),
    pgettext("diff-base-missing",
        "The version {base} has no {paths}: compare with a version that has the site's data, e.g. make diff "
        "BASE=main."),
    # --- schemas ---
    pgettext("schemas-out-of-date", "Stale schemas: {files}. Run: make schemas"),
    pgettext("schemas-wrote", "Wrote {files}: save them with your change."),
    pgettext("schemas-current", "The schemas in {out}/ are current: nothing to write."),
    # --- serve: what the preview prints and answers ---
    pgettext("serve-address", "Preview: {url}  (Ctrl+C stops)"),
    pgettext("serve-rebuilding", "Change detected, rebuilding…"),
    pgettext("serve-built", "Built in {seconds} s"),
    pgettext("serve-rebuilt", "Rebuilt in {seconds} s"),
    pgettext("serve-last-good", "The preview still shows the last good version."),
    pgettext("serve-changed", "Changed: {url}"),
    npgettext("serve-changed-more", "… and {n} more changed page", "… and {n} more changed pages"),
    pgettext("serve-unchanged", "No page changed."),
    pgettext("interrupted", "Interrupted (Ctrl+C)."),
    pgettext("view-address",
        "The built site {folder} at {url}  (Ctrl+C stops). Its headers (CSP, caching) are not the CDN's: make "
        "serve has those."),
    pgettext("view-not-a-site",
        "{folder} is not a built site (it has no index.html): give the folder the artifact was unpacked into, the "
        "one with index.html in it."),
    pgettext("serve-stopped", "Preview stopped."),
    pgettext("serve-port-in-use",
        "Port {port} is already in use: stop the other preview, or choose another port, e.g. make serve "
        "PORT={other}"),
    pgettext("serve-bad-host",
        "This preview answers only at http://127.0.0.1:{port}/ (or localhost): open that address."),
    pgettext("serve-not-found", "Not found: the preview has no such page."),
    # --- the folders a build may replace (guard.py), the CLI's one-line errors ---
    pgettext("guard-source",
        "{role} {path} overlaps the source folder {source} (it is, contains or lies inside it): a build replaces "
        "that folder and would delete the sources. Nothing was changed; give {role} a folder of its own, e.g. "
        "--out site --work build."),
    pgettext("guard-repository",
        "{role} {path} is or contains the repository {root}: a build would replace it all. Nothing was changed; "
        "use a folder inside it, e.g. --out site."),
    pgettext("guard-current",
        "{role} {path} is or contains the current folder {root}: a build would replace it. Nothing was changed; "
        "use a folder inside it, e.g. --out site."),
    pgettext("guard-home",
        "{role} {path} is or contains your home folder {root}: a build would replace it. Nothing was changed; "
        "choose a folder of its own, e.g. --out site."),
    pgettext("guard-root",
        "{role} {path} is the root of the file system: a build would replace it. Nothing was changed; choose a "
        "folder of its own, e.g. --out site."),
    pgettext("guard-overlap",
        "--out {out} and --work {work} overlap (one is, or lies inside, the other): the build clears its work "
        "folder while it writes the output. Nothing was changed; use two separate folders, e.g. --out site --work "
        "build."),
    pgettext("guard-symlink",
        "{role} {path} is a symbolic link (to {target}): a build would replace the link, not the folder. Nothing "
        "was changed; give the folder itself."),
    pgettext("guard-not-folder", "{role} {path} exists and is not a folder. Nothing was changed; choose another name."),
    pgettext("guard-foreign",
        "{role} {path} is a folder with files that a build did not write (it has no {stamp} file): a build would "
        "delete them. Nothing was changed; choose an empty or new folder, or, if it is an old output of this "
        "generator, delete it yourself and build again."),
    pgettext("guard-locked",
        "Another build is writing into {path} right now (it holds {lock}). Nothing was changed; wait for it to "
        "finish, then build again."),
    pgettext("guard-file-not-regular",
        "{role} {path} is not a regular file (a folder, a link or a device). Nothing was changed; give the path of "
        "a file."),
    pgettext("guard-file-in-source",
        "{role} {path} lies in the source folder {source}: the command would overwrite an editor's file. Nothing "
        "was changed; give a path outside it."),
    pgettext("guard-files-foreign",
        "{role} {path} holds files this command did not write ({file}): it would write among them. Nothing was "
        "changed; give a new or empty folder, or the project's own schemas/."),
    pgettext("guard-not-output",
        "{role} {path} is not a built site (it has no {stamp} file): build one first, e.g. make site, and give "
        "that folder."),
    pgettext("guard-file-foreign",
        "{role} {path} is not a file this command wrote (it does not start with '{first}'). Nothing was changed; "
        "give the path of the file to write, or of a new file."),
    pgettext("os-error", "Could not {action} {path}: {reason}."),
    pgettext("os-error-no-path", "A file operation failed: {reason}."),
    pgettext("internal-error",
        "Internal error while running '{command}' ({error}). This is a bug: please report it to the developers "
        "with the output of the same command run with --debug (.venv/bin/python -m generator --debug {command} …)."),
])

# What a failed file operation could not do, and why (`os-error`; context `os <key>`).
_OS_WORDS: dict[str, str] = dict([
    pgettext("os write", "write"),
    pgettext("os read", "read"),
    pgettext("os access", "use"),
    pgettext("os EACCES", "permission denied: check the folder's permissions or choose another folder"),
    pgettext("os ENOSPC", "the disk is full: free some space and build again"),
    pgettext("os EDQUOT", "your disk quota is used up: free some space and build again"),
    pgettext("os EROFS", "the file system is read-only: choose a folder you can write to"),
    pgettext("os ENOENT", "no such file or folder"),
    pgettext("os ENAMETOOLONG", "the name is too long"),
])

# The kind of record an id names (`unknown-ref`'s first value), in the form its sentence needs:
# Finnish partitive ("palvelua … ei ole"), Swedish indefinite ("det finns ingen tjänst …").
# Context `noun <key>`.
_NOUNS: dict[str, str] = dict([
    pgettext("noun service", "service"),
    pgettext("noun requirement", "requirement"),
    pgettext("noun role", "role"),
    pgettext("noun sector", "sector"),
    pgettext("noun contact", "contact"),
    pgettext("noun period", "period"),
    pgettext("noun page", "page"),
    pgettext("noun language", "language"),
    pgettext("noun trigger", "trigger"),
    pgettext("noun change", "change"),
    pgettext("noun event", "event"),
])

# The problems' Finnish and Swedish texts: context = code (the message) and "<code> (fix)" (the hint).
_PROBLEMS: dict[str, str] = dict([
    pgettext("duplicate-key", "key '{0}' appears twice in the same block (first on line {1})"),
    pgettext("duplicate-key (fix)", "keep only one of them: YAML would silently ignore the first"),
    pgettext("yaml-alias", "anchors and aliases (& and *) are not allowed"),
    pgettext("yaml-alias (fix)", "write the value out in full"),
    pgettext("yaml-tag", "tags (!) are not allowed"),
    pgettext("yaml-tag (fix)", "remove the tag and write only the value"),
    pgettext("tab-indent", "the indentation contains a tab character"),
    pgettext("tab-indent (fix)", "indent with spaces (two per level)"),
    pgettext("yaml-syntax", "the line is not valid YAML"),
    pgettext("yaml-syntax (fix)",
        "compare the line with a similar line above: indentation and quotation marks are the most common causes"),
    pgettext("empty-file", "the file is empty"),
    pgettext("empty-file (fix)", "restore its content from git"),
    pgettext("not-utf8", "the file is not UTF-8 text"),
    pgettext("not-utf8 (fix)", "save the file in the UTF-8 encoding"),
    pgettext("extra_forbidden", "unknown key '{0}'"),
    pgettext("extra_forbidden (fix)", "keys allowed here: {1}"),
    pgettext("unknown-key-guess", "unknown key '{0}'"),
    pgettext("unknown-key-guess (fix)", "did you mean '{1}'?"),
    pgettext("missing", "key '{0}' is missing"),
    pgettext("missing (fix)", "add `{0}:`"),
    pgettext("missing-translation", "the text in language {0} is missing"),
    pgettext("missing-translation (fix)",
        "add under this item the line `{0}:` followed by the text in language {0} (every text is needed in all the "
        "site's languages)"),
    pgettext("unknown-ref", "there is no {0} with id '{1}'"),
    pgettext("unknown-ref (fix)", "known ids: {2}"),
    pgettext("unknown-ref-guess", "there is no {0} with id '{1}'"),
    pgettext("unknown-ref-guess (fix)", "did you mean '{2}'?"),
    pgettext("duplicate-id", "id '{0}' is used twice (first on line {1})"),
    pgettext("duplicate-id (fix)", "give each record an id of its own"),
    pgettext("date-order", "the event ends before it starts"),
    pgettext("date-order (fix)", "check the times"),
    pgettext("period-order", "period {0} ends ({1}) before it starts ({2})"),
    pgettext("period-order (fix)",
        "swap the dates or correct the typo; the period's events and overlaps with other periods are checked once "
        "the dates are in order"),
    pgettext("registration-order", "registration closes ({0}) before it opens ({1})"),
    pgettext("registration-order (fix)", "swap the dates or correct the typo"),
    pgettext("registration-late", "registration closes ({0}) on or after the day the period starts ({1})"),
    pgettext("registration-late (fix)", "registration must close before the period starts"),
    pgettext("stale-review", "the facts have not been reviewed for over 12 months"),
    pgettext("stale-review (fix)", "review the facts and update `last_reviewed`"),
    pgettext("provisional-soon", "{0} is still provisional and only {1} days away"),
    pgettext("provisional-soon (fix)", "confirm the date with Kela and set `provisional: false`"),
    pgettext("no-upcoming", "no period starts after today"),
    pgettext("no-upcoming (fix)", "add next year's periods: make new-period PERIOD=N/YYYY"),
    pgettext("bad-id",
        "'{0}' cannot be an id or an address: use only lowercase letters a–z, digits and single hyphens (no "
        "spaces, capitals, å/ä/ö or slashes), e.g. 'potilastiedon-arkisto'"),
    pgettext("bad-lang", "'{0}' is not a language code (such as fi or sv)"),
    pgettext("bad-lang (fix)", "if the text inside {{ }} contains a comma, put the whole text in quotation marks"),
    pgettext("bad-date-format", "'{0}' is not a date"),
    pgettext("bad-date-format (fix)", "write it as YYYY-MM-DD, e.g. 2026-03-15"),
    pgettext("bad-date", "'{0}' is not a date in the calendar"),
    pgettext("bad-date (fix)", "check the day and the month"),
    pgettext("date-range", "'{0}' lies outside the years {1}–{2} the guide covers"),
    pgettext("date-range (fix)", "check the year (a typo?)"),
    pgettext("placeholder-syntax", "the text contains a brace the generator cannot read: {0}"),
    pgettext("placeholder-syntax (fix)",
        "a placeholder is a name in braces, e.g. {{id}}; write the text without other braces"),
    pgettext("placeholder-unknown", "placeholder {0} is not filled in for '{1}'"),
    pgettext("placeholder-unknown (fix)",
        "use only these: {2}, as in the other languages (if the list is empty, remove the braces)"),
    pgettext("month-names", "the text '{0}' has {1} words, not 12 months"),
    pgettext("month-names (fix)", "write the names of the twelve months, January first, separated by spaces"),
    pgettext("placeholder-missing", "placeholder {0} is missing: the value it stands for would not be shown"),
    pgettext("placeholder-missing (fix)",
        "write {0} where the value belongs (as in the text '{1}' in the other languages)"),
    pgettext("bad-time", "'{0}' is not a time"),
    pgettext("bad-time (fix)", "write it as HH:MM (24-hour clock), e.g. \"09:30\""),
    pgettext("bad-bool", "'{0}' is neither true nor false"),
    pgettext("bad-bool (fix)", "write exactly true or false"),
    pgettext("bad-url", "'{0}' is not an allowed link"),
    pgettext("bad-url (fix)",
        "write the whole address with https:// (or mailto:name@example.fi); encode spaces, quotation marks and "
        "brackets ( ) [ ] {{ }} as %20, %22, %28 …"),
    pgettext("bad-https-url", "'{0}' is not a complete https:// address"),
    pgettext("bad-https-url (fix)",
        "write it as https://host/path (e.g. https://www.kanta.fi/); encode spaces, quotation marks and brackets ( "
        ") [ ] {{ }} as %20, %22, %28 …"),
    pgettext("bad-site-url", "'{0}' is not the address of the site's root"),
    pgettext("bad-site-url (fix)",
        "write it as https://host/ (or https://host/folder/), ending in / and without ? or #"),
    pgettext("reserved-anchor",
        "'{0}' is an id the site's theme or scripts use (ids starting with __ or kg- are reserved)"),
    pgettext("reserved-anchor (fix)", "choose another, e.g. '{1}'"),
    pgettext("bad-link", "the link target '{0}' is not allowed"),
    pgettext("bad-link (fix)",
        "use a whole address (https://…), mailto:name@example.fi or a path on the site starting with a single / "
        "(e.g. /fi/palvelut/)"),
    pgettext("bad-email", "'{0}' is not an e-mail address"),
    pgettext("bad-email (fix)", "write it as name@example.fi without spaces, brackets or quotation marks"),
    pgettext("bad-stemmer", "'{0}' is not a search language"),
    pgettext("bad-stemmer (fix)", "write a two-letter language code that Material's search supports, e.g. fi or sv"),
    pgettext("bad-branch", "'{0}' is not a safe branch name"),
    pgettext("bad-branch (fix)", "use only letters, digits and the characters . _ / -, e.g. main"),
    pgettext("bad-path", "'{0}' is not a page address on this site"),
    pgettext("bad-path (fix)",
        "write the path from the site's root with the language, a slash first and last, e.g. /fi/palvelut/"),
    pgettext("not-scalar", "a single value (such as {0}) belongs here, not a list or indented keys"),
    pgettext("not-scalar (fix)", "write the value on the same line as the key, without '- ', [ ] or {{ }}"),
    pgettext("attr-list", "attribute lists ({{: …}} or {{ … }}) are not allowed in data texts"),
    pgettext("attr-list (fix)", "remove the braces and what is between them"),
    pgettext("ref-definition", "reference links ([name]: address) are not allowed in data texts"),
    pgettext("ref-definition (fix)", "write the link where it is used: [link text](https://…)"),
    pgettext("html-in-content", "HTML code and script links are not allowed on pages"),
    pgettext("html-in-content (fix)", "use Markdown; ask the developers if the page really needs HTML"),
    pgettext("handler-in-content", "the attribute list sets the event handler '{0}'"),
    pgettext("handler-in-content (fix)",
        "scripts are not allowed on pages: remove it; an attribute list may set an #id or a .class"),
    pgettext("script-link-in-content", "the link target '{0}' is not allowed on pages"),
    pgettext("script-link-in-content (fix)", "link to https://…, mailto:… or another page (e.g. ../palvelut/)"),
    pgettext("quote-in-site-name", "the site's name contains a quotation mark (\")"),
    pgettext("quote-in-site-name (fix)",
        "the theme writes the name into HTML attributes: use typographic quotation marks (”…”) or leave them out"),
    pgettext("bad-slug", "the file name '{0}' cannot be an address"),
    pgettext("bad-slug (fix)", "rename the file with lowercase letters a–z, digits and hyphens, e.g. tietosuoja.md"),
    pgettext("duplicate-slug", "the address '{0}' is already used by another page"),
    pgettext("duplicate-slug (fix)", "every page needs an address of its own"),
    pgettext("event-place", "the event is not online but has no place"),
    pgettext("event-place (fix)", "add `place:` or set `online: true`"),
    pgettext("event-service", "period {1} does not accept the service '{0}'"),
    pgettext("event-service (fix)", "add the service to the period's `accepts:` or remove it here"),
    pgettext("functionality-extends", "a functionality must name the service it extends"),
    pgettext("functionality-extends (fix)", "add `extends: <the service's id>`"),
    pgettext("missing-file", "the file is missing"),
    pgettext("missing-file (fix)", "every data folder needs this file; restore it from git"),
    pgettext("missing-folder", "the content folder for the language {0} is missing"),
    pgettext("missing-folder (fix)", "create the folder (it may be empty)"),
    pgettext("missing-string", "the templates use the string '{0}', which is not defined"),
    pgettext("missing-string (fix)", "add `{0}:` with a text in every language"),
    pgettext("no-front-matter", "the page has no front matter block at its start"),
    pgettext("no-front-matter (fix)",
        "start the file with ---, write the keys id, title and last_reviewed, and end with ---"),
    pgettext("period-year", "period {0} starts in {1}"),
    pgettext("period-year (fix)", "a period's id gives the year it starts; check `id` and `start`"),
    pgettext("self-ref", "a service cannot refer to itself"),
    pgettext("self-ref (fix)", "remove the service's own id here"),
    pgettext("unknown-file", "the generator does not read this file"),
    pgettext("unknown-file (fix)", "the data files are: {0}"),
    pgettext("urls-new", "new addresses are missing from urls.txt ({0}): {1}"),
    pgettext("urls-new (fix)", "run `make urls` and save urls.txt in git, so that they are protected too"),
    pgettext("urls-unlisted", "new addresses are missing from urls.txt ({0}): {1}"),
    pgettext("urls-unlisted (fix)", "run `{2}` and save urls.txt together with your change"),
    pgettext("urls-moved", "the address {0} would stop working"),
    pgettext("urls-moved (fix)",
        "the page's new address seems to be {1}: keep the old one working by adding the line `- {{old: {0}, new: "
        "{1}}}` under `redirects:` in data/site.yaml; if the page was removed on purpose, run `{2}`"),
    pgettext("urls-moved-new-key", "the address {0} would stop working"),
    pgettext("urls-moved-new-key (fix)",
        "the page's new address seems to be {1}: keep the old one working by adding two lines at the end of "
        "data/site.yaml: `redirects:` and under it `  - {{old: {0}, new: {1}}}`; if the page was removed on "
        "purpose, run `{2}`"),
    pgettext("urls-moved-service", "the address {0} would stop working"),
    pgettext("urls-moved-service (fix)",
        "the new address of service '{2}' seems to be {1}: keep the old one working by adding `redirect_from: "
        "[{3}]` to the service in data/services.yaml; if the service was removed on purpose, run `{4}`"),
    pgettext("urls-gone", "the address {0} would stop working"),
    pgettext("urls-gone (fix)",
        "if the page got a new address, keep the old one working: a service's old address under `redirect_from:` "
        "in data/services.yaml, other pages under `redirects:` in data/site.yaml; if the page was removed on "
        "purpose, run `{1}`"),
    pgettext("redirect-shadows", "the old address '{0}' is the address of a published page"),
    pgettext("redirect-shadows (fix)", "an old address can only be redirected when no page uses it"),
    pgettext("redirect-duplicate", "the old address '{0}' is redirected twice"),
    pgettext("redirect-duplicate (fix)", "keep only one redirect per old address"),
    pgettext("redirect-target", "no page is published at the address '{0}'"),
    pgettext("redirect-target (fix)", "write the address of a page on this site, e.g. {1}"),
    pgettext("empty-text", "the text is empty"),
    pgettext("empty-text (fix)", "write the text"),
    pgettext("empty-text-lang", "the text in language {0} is empty"),
    pgettext("empty-text-lang (fix)",
        "write the text in language {0} after `{0}:` (every text is needed in all the site's languages)"),
    pgettext("multi-line", "a name or a heading must fit on one line"),
    pgettext("html", "HTML code is not allowed in the text"),
    pgettext("html (fix)", "use Markdown: *emphasis*, [link text](https://…), list lines start with '- '"),
    pgettext("markup-in-name", "a name or a heading is plain text"),
    pgettext("markup-in-name (fix)", "remove the characters * _ ` [ ] #"),
    pgettext("heading", "headings (#) are not allowed in data texts"),
    pgettext("heading (fix)", "the page template makes the headings"),
    pgettext("block-markup", "data texts may use only emphasis, links and lists"),
    pgettext("image", "images are not allowed in data texts"),
    pgettext("literal_error", "'{0}' is not an allowed value"),
    pgettext("literal_error (fix)", "write one of these: {1}"),
    pgettext("unknown-language", "'{0}' is not one of the site's languages"),
    pgettext("unknown-language (fix)", "the languages are set in data/site.yaml"),
    pgettext("missing-page-translation", "the page '{0}' has no version in language {1}"),
    pgettext("missing-page-translation (fix)",
        "add the file content/{1}/<address>.md with `id: {0}` in its front matter"),
    pgettext("event-outside", "the event is on {0}, outside period {1} ({2} – {3})"),
    pgettext("event-outside (fix)", "move the event or correct the period's dates"),
    pgettext("period-overlap", "period {0} ({1} – {2}) overlaps period {3} ({4} – {5}, line {6})"),
    pgettext("period-overlap (fix)",
        "periods must not overlap: correct the dates of period {0} here or those of period {3} on line {6}"),
    pgettext("todo", "the text ({0}) is still a TODO marker"),
    pgettext("todo (fix)", "write the final text instead"),
    pgettext("renamed-key", "the key '{0}' is now called '{1}'"),
    pgettext("renamed-key (fix)",
        "write `{1}:` instead of `{0}: {2}`, followed by `example` if the dates are examples, `provisional` if "
        "Kela has announced them as provisional or `confirmed` if Kela has confirmed them"),
    pgettext("unannounced-dates", "a period with `dates: unannounced` has no dates, but '{0}' is given"),
    pgettext("unannounced-dates (fix)",
        "when Kela has published the period's dates, write `start`, `end`, `registration` and `events` and change "
        "`dates:` to `example`, `provisional` or `confirmed`; until then remove `{0}:` and everything under it"),
    pgettext("site-url-placeholder",
        "the site's address site_url ({0}) is still a placeholder (`site_url_known: false`): the sitemap, the "
        "feeds and the calendars would point there"),
    pgettext("site-url-placeholder (fix)",
        "once the site's address is decided, write it as site_url and remove the line `site_url_known: false`; "
        "until then `make check-strict` fails and the site cannot be published"),
    pgettext("example-dates",
        "period {0} is under way or has not started yet (state {1}), but its dates are still examples "
        "(periods.yaml, lines: {2})"),
    pgettext("example-dates (fix)",
        "write Kela's published dates and `dates: confirmed` (`dates: provisional` if Kela has announced them as "
        "provisional); if Kela has not published the period yet, remove its dates (start, end, registration, "
        "events) and write `dates: unannounced`; until then `make check-strict` fails and the site cannot be "
        "published"),
    pgettext("provisional-dates-soon", "{0} is still provisional and only {1} days away"),
    pgettext("provisional-dates-soon (fix)", "confirm the date with Kela and write `dates: confirmed`"),
    # --- hand-written pages, judged on what Markdown makes of them ---
    pgettext("empty-link-in-content", "the link to '{0}' has no text: a screen reader would read out only the address"),
    pgettext("empty-link-in-content (fix)",
        "write the words the reader clicks inside the square brackets: [text]({0})"),
    pgettext("attr-in-content", "the attribute list sets the attribute '{0}', which may not be set on pages"),
    pgettext("attr-in-content (fix)",
        "remove {0}=…; an attribute list may set an #id, a .class or one of these: alt, dir, height, hreflang, "
        "lang, loading, rel, target, title, width"),
    pgettext("external-embed-in-content", "'{0}' would be loaded into the page from another site"),
    pgettext("external-embed-in-content (fix)",
        "a page may show only the site's own files: make it a link, [text](https://…)"),
    pgettext("reserved-id-in-content", "the id '{0}' is used by the site's theme or scripts"),
    pgettext("reserved-id-in-content (fix)",
        "ids starting with __ or kg- are reserved: choose another. A heading gets its id from its text, so give it "
        "one of its own, e.g. ## Heading {{: #own-id }}"),
    pgettext("table-align-in-content", "a table column is aligned with ':' on the line under the header row"),
    pgettext("table-align-in-content (fix)",
        "write the line without colons (|---|---|): alignment needs an inline style, which the site's security "
        "settings block"),
    pgettext("content-link-guess", "the link '{0}' leads to no page of the site"),
    pgettext("content-link-guess (fix)", "did you mean '{1}'?"),
    pgettext("content-link-unknown", "the link '{0}' leads to no page of the site"),
    pgettext("content-link-unknown (fix)",
        "link to a page with its file name as seen from this page's folder, e.g. [text]({1}), or with its address"),
    pgettext("content-link-relative", "the link '{0}' is a relative address, which the build does not accept"),
    pgettext("content-link-relative (fix)", "write the page's file instead: ({1})"),
    pgettext("content-link-relative-unknown", "the link '{0}' is a relative address, which the build does not accept"),
    pgettext("content-link-relative-unknown (fix)", "link to a page with its file (…md) or its address (/…/)"),
    pgettext("text-link-unknown", "the link '{0}' leads to no page of the site"),
    pgettext("text-link-unknown (fix)", "write the address of a page on this site, e.g. {1}"),
    pgettext("content-image", "the image '{0}' is not published: the site takes only the Markdown pages from content/"),
    pgettext("content-image (fix)",
        "leave the image out; an image the site needs is added by the developers (overrides/assets/) and then "
        "shown with its address (/…)"),
    pgettext("mkdocs-anchor", "the target page of the link '{0}' has no heading or place '#{1}'"),
    pgettext("mkdocs-anchor (fix)",
        "check the target page's heading: the place is made of the heading's text in lowercase with hyphens; or "
        "remove the #-part"),
    pgettext("mkdocs-target", "the link '{0}' leads to no page of the site"),
    pgettext("mkdocs-target (fix)",
        "link to a page with its file as seen from this page's folder (…md) or its address (/…/)"),
    pgettext("link-missing", "nothing is published at the address {1} of the link '{0}'"),
    pgettext("link-missing (fix)", "write the address of a page or a file on this site"),
    pgettext("link-missing-guess", "nothing is published at the address {1} of the link '{0}'"),
    pgettext("link-missing-guess (fix)", "did you mean '{2}'?"),
    pgettext("link-anchor-guess", "the target page of the link '{0}' has no heading or place '#{1}'"),
    pgettext("link-anchor-guess (fix)", "did you mean '#{2}'?"),
    pgettext("linkcheck-said", "the link checker said: {0}"),
    pgettext("mkdocs-said", "MkDocs said: {0}"),
    pgettext("mkdocs-said (fix)", "fix the page the message names and build again"),
    pgettext("content-shadows-page", "the page's address {0} is already taken: {1}"),
    pgettext("content-shadows-page (fix)", "rename the file: its name becomes the page's address"),
    pgettext("not-a-file", "'{0}' is not a regular file"),
    pgettext("not-a-file (fix)",
        "a content folder may hold only Markdown pages: remove it or rename it so that its name does not end in .md"),
    pgettext("description-too-long", "the description is {0} characters long, more than {1}"),
    pgettext("description-too-long (fix)",
        "shorten it to one or two sentences: search engines show about 150 characters"),
    # --- the YAML loader, the schema's patterns, the report formats ---
    pgettext("control-char",
        "the file contains the invisible control character {0}, which is not allowed in data files"),
    pgettext("control-char (fix)",
        "remove it: go to this line and column and delete the invisible character or the code that writes it, e.g. "
        "\\x01 (the character usually comes with text pasted from another program)"),
    pgettext("invisible-char", "the text contains the invisible character {0}: '{1}'"),
    pgettext("invisible-char (fix)",
        "remove it unless it is there on purpose: the character cannot be seen, and direction marks "
        "(U+202A–U+202E, U+2066–U+2069) show the text around them in another order"),
    pgettext("invisible-in-id", "'{0}' contains the invisible character {1}"),
    pgettext("invisible-in-id (fix)",
        "remove it: an id or an address may contain only lowercase letters a–z, digits and hyphens"),
    pgettext("yaml-unclosed-quote",
        "the quoted text that starts here with {0} does not end on this line (YAML reads on to the next {0})"),
    pgettext("yaml-unclosed-quote (fix)", "add the closing {0} at the end of the text on this line"),
    pgettext("not-regular-file", "this is not a regular file (a folder, a pipe or a device has this name)"),
    pgettext("not-regular-file (fix)", "replace it with the data file itself, e.g. restore it from git"),
    pgettext("link-outside", "the file is a link to {0}, outside the data folder"),
    pgettext("link-outside (fix)", "put the file itself in the data folder instead of a link to it"),
    pgettext("content-link-outside", "the file is a link to {0}, outside the content folder"),
    pgettext("content-link-outside (fix)", "put the page itself in the content folder instead of a link to it"),
    pgettext("file-too-large", "the file is {0} bytes; the limit is {1}"),
    pgettext("file-too-large (fix)", "split it or remove what does not belong in it"),
    pgettext("unreadable", "the file cannot be read: {0}"),
    pgettext("unreadable (fix)", "check that the file exists and that you may read it"),
    pgettext("yaml-multi", "the file holds more than one YAML document (---)"),
    pgettext("yaml-multi (fix)", "keep one document per file: remove the extra ---"),
    pgettext("too-deep", "the nesting is deeper than {0} levels"),
    pgettext("too-deep (fix)", "the data never needs that many levels; check the indentation"),
    pgettext("bad-key", "a key must be a simple word"),
    pgettext("bad-key (fix)", "write keys as `name:`"),
    pgettext("yaml-merge", "merge keys (<<) are not allowed"),
    pgettext("yaml-merge (fix)", "write the keys out in full"),
    pgettext("not-mapping", "the file must start with keys, not with a list or a single value"),
    pgettext("not-mapping (fix)", "compare with another file of the same kind in data/"),
    pgettext("unsupported-stemmer",
        "Material's search does not support the language '{0}' (search would silently work in English)"),
    pgettext("unsupported-stemmer (fix)", "write one of these: {1}"),
    pgettext("bad-period-id", "'{0}' is not a period id"),
    pgettext("bad-period-id (fix)", "write the period's number and year as N/YYYY with the digits 0–9, e.g. 1/2026"),
    # --- sources, links in the reader's language, periods, search terms ---
    pgettext("no-source", "no source is given for {0}"),
    pgettext("no-source (fix)",
        "add `sources:` (the public page the facts come from and the page's own date `updated:`) or, if no page is "
        "public, `source_note:` saying where the facts come from"),
    pgettext("stale-source", "the source's facts date from {0}, over 12 months ago"),
    pgettext("stale-source (fix)", "check the facts against the current page and write that day's date as `verified:`"),
    pgettext("source-in-future", "the source's date {0} lies in the future"),
    pgettext("source-in-future (fix)", "write the date shown on the page or the day the page was really checked"),
    pgettext("unverified-source", "the source {0} has not been checked against the current page"),
    pgettext("unverified-source (fix)",
        "when someone has checked the facts against the page, add `verified:` with that day's date; until then "
        "`make check-strict` lists this and the site cannot be published"),
    pgettext("editorial-note", "before publishing: {0}"),
    pgettext("editorial-note (fix)",
        "add the fact to the file or page where it belongs and remove the line from `before_publishing:`; until "
        "then `make check-strict` fails"),
    pgettext("editorial-notes", "facts missing that must be added before publishing: {0} (the first one here)"),
    pgettext("editorial-notes (fix)", "`make check-strict` lists them all with their fixes"),
    pgettext("source-checked-key", "a source no longer has the key `checked:`: it says what is known of the page"),
    pgettext("source-checked-key (fix)",
        "instead of `checked: {0}` write `updated:` and the date shown on the page (or `seen:` and the date of the "
        "copy the facts come from), and add `verified:` with a date only if someone has checked the facts against "
        "the current page"),
    pgettext("unverified-sources", "sources not checked against the current page: {0} (the first one here)"),
    pgettext("unverified-sources (fix)", "`make check-strict` lists them all with their fixes"),
    pgettext("link-language", "the link in language {0} leads to a kanta.fi page in language {1}: {2}"),
    pgettext("link-language (fix)",
        "give the address of the page in language {0}; if the page exists only in language {1}, give an address "
        "for all languages (the page's language is then shown after the link)"),
    pgettext("link-language-page", "the page in language {0} links to a kanta.fi page in language {1}: {2}"),
    pgettext("link-language-page (fix)",
        "link to the page in the page's own language or say in the link text which language the page is in (e.g. "
        "\"(in Finnish)\")"),
    pgettext("uses-periods",
        "period {0} accepts the service {1}, which is not taken into use in periods (`uses_periods: false`)"),
    pgettext("uses-periods (fix)", "remove the service from the period's list `accepts:`"),
    pgettext("uses-periods-registration",
        "the service {0} is not taken into use in periods (`uses_periods: false`) but requires registration for a "
        "period"),
    pgettext("uses-periods-registration (fix)", "set `required: false` or remove `uses_periods: false`"),
    # --- pydantic's error types, indentation, plain fixes ---
    pgettext("wrong-type", "a value of the wrong kind is here"),
    pgettext("wrong-type (fix)", "compare with the same place in a similar record of this file"),
    pgettext("bad-value", "the value '{0}' does not fit here"),
    pgettext("bad-value (fix)", "compare with the same place in a similar record of this file"),
    pgettext("not-keys", "indented keys with values belong here, not a single value or a list"),
    pgettext("not-keys (fix)", "compare with the same place in a similar record of this file"),
    pgettext("text-needs-languages", "'{0}' needs a text in every language, not a single value"),
    pgettext("text-needs-languages (fix)",
        "write `{0}:` on a line of its own and under it, two spaces further in, the lines `fi: …` and `sv: …`"),
    pgettext("not-list", "a list belongs here: each item on a line of its own starting with '- '"),
    pgettext("not-list (fix)", "write `- {0}` on the next line, two spaces further in"),
    pgettext("not-text", "a text belongs here, not a list or indented keys"),
    pgettext("not-text (fix)", "write the text on the same line as the key"),
    pgettext("pattern", "'{0}' is not in the right form"),
    pgettext("pattern (fix)", "compare with a similar value in this file"),
    pgettext("empty-list", "the list is empty"),
    pgettext("empty-list (fix)", "add at least one item (a line starting with '- ')"),
    pgettext("not-number", "'{0}' is not a whole number"),
    pgettext("not-number (fix)", "write only digits, e.g. 3"),
    pgettext("out-of-range", "'{0}' is outside the allowed limits (limit {1})"),
    pgettext("too-long", "the value is too long"),
    pgettext("too-long (fix)", "shorten it"),
    pgettext("bad-date-format-fi", "the date '{0}' is written day first; in the data the year comes first"),
    pgettext("bad-date-format-fi (fix)", "write {1}"),
    pgettext("yaml-list-indent",
        "this list item is indented {0} spaces, deeper than the item above (line {1}), so it is read as part of "
        "that item's value"),
    pgettext("yaml-list-indent (fix)",
        "start the dash '-' in column {2}, exactly under the dash on line {1}: the items of one list start in the "
        "same column"),
    pgettext("yaml-indent", "this line is indented {0} spaces, but line {2}, which it belongs with, {1} spaces"),
    pgettext("yaml-indent (fix)",
        "start the line in column {3}, as line {2} does (or, if the line belongs to another block, in the same "
        "column as that block's keys)"),
    pgettext("yaml-colon", "the line has a colon and a space (': ') where YAML does not expect a new key"),
    pgettext("yaml-colon (fix)",
        "if the value contains ': ', put the whole value in quotation marks; otherwise check the line's indentation"),
    pgettext("yaml-missing-colon", "the line has no colon after the key"),
    pgettext("yaml-missing-colon (fix)", "write the key as `key: value`, or end the quoted text"),
    pgettext("yaml-start-char", "the value starts with a character a YAML value cannot start with (e.g. @ or `)"),
    pgettext("yaml-start-char (fix)", "put the value in quotation marks, e.g. key: \"@text\""),
    pgettext("yaml-escape", "a backslash (\\) inside quotation marks starts a special character that does not exist"),
    pgettext("yaml-escape (fix)", "write \\\\ instead of a backslash, or use apostrophes ('…')"),
    pgettext("yaml-indent-block", "the line's indentation does not fit the block above"),
    pgettext("yaml-indent-block (fix)",
        "the keys of one block and the items of one list start in the same column: compare with the lines above"),
    pgettext("registration-unaccepted", "the service {0} requires registration for a period, but no period accepts it"),
    pgettext("registration-unaccepted (fix)",
        "add the service's id {0} to the list `accepts:` of upcoming periods in data/periods.yaml or set "
        "`registration: required: false` for the service"),
    pgettext("planner-lead-time",
        "the planner's lead_months_{0} is {1} months, but the estimate duration_{0} says at least {2}"),
    pgettext("planner-lead-time (fix)",
        "make them equal (the pages show duration_{0}, the planner uses lead_months_{0})"),
    pgettext("schemas-stale",
        "the schemas' lists of ids are not current ({0}): the editor would underline correct ids"),
    pgettext("schemas-stale (fix)", "run `make schemas` and save the schemas/ folder together with your change"),
    pgettext("more-checks",
        "more checks (references to and from this file, addresses, translations) are made once this file can be "
        "read: fix the errors above and run the check again"),
    pgettext("more-problems", "the file has more problems that are not shown: {0} (only the first {1} are listed)"),
    pgettext("more-problems (fix)", "fix the listed problems and run the check again to see the rest"),
    pgettext("more-problems-page", "the page has more problems that are not shown (only the first {0} are listed)"),
    pgettext("more-problems-page (fix)", "fix the listed problems and run the check again to see the rest"),
    pgettext("more-problems-unchecked",
        "the check of the file stopped here after {0} problems: the records from this line on were not checked"),
    pgettext("more-problems-unchecked (fix)", "fix the problems above and run the check again"),
    pgettext("bad-page-key", "'{0}' is not a page of the site"),
    pgettext("bad-page-key (fix)",
        "write planner, process, registration, schedule, services, requirements or customer, or service:<the "
        "service's id>"),
])

# One text for one mistake, whichever stage finds it: check (content pages, data texts), MkDocs or
# the link checker over the built site.
_ALIASES = {"text-link-guess": "content-link-guess", "mkdocs-relative": "content-link-relative-unknown",
            "link-anchor": "mkdocs-anchor"}
_NOUN_ARG = {"unknown-ref": 0, "unknown-ref-guess": 0}
"""Codes whose given argument is a NOUNS key, translated before it is put in the sentence."""
_FIX = " (fix)"


class _Miss(Exception):
    """Raised by the catalogues' last fallback: the entry has no translation."""


class _NoTranslation(gettext.NullTranslations):
    def pgettext(self, context, message):
        raise _Miss(context)

    def npgettext(self, context, msgid1, msgid2, n):
        raise _Miss(context)


def compiled(po: Path) -> bytes:
    """The `.mo` bytes of a `.po` catalogue, compiled in memory (fuzzy entries left out, as
    `pybabel compile` does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file, locale=po.parent.parent.name, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


@functools.cache
def catalogue(lang: str, folder: Path = LOCALE_DIR) -> gettext.GNUTranslations | None:
    """The language's translations: its compiled `.mo`, or its `.po` compiled in memory when the
    `.mo` is missing or older; None for English and for a language without a catalogue."""
    po = folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if not po.is_file() and not mo.is_file():
        return None
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        data = mo.read_bytes()
    else:
        data = compiled(po)
    # The standard library's reader: Babel's subclass adds nothing used here and imports its dates
    # and numbers modules.
    translations = gettext.GNUTranslations(io.BytesIO(data))
    translations.add_fallback(_NoTranslation())
    return translations


def _lookup(context: str, english: str | tuple[str, str], lang: str, n: int = 1) -> str:
    """The text of `context` in the language; the English text when it has none (unless STRICT)."""
    translations = catalogue(lang) if lang in LANGUAGES and lang != "en" else None
    try:
        if translations is None:
            if lang != "en":
                raise _Miss(context)
        elif isinstance(english, tuple):
            return translations.npgettext(context, english[0], english[1], n)
        else:
            return translations.pgettext(context, english)
    except _Miss:
        if STRICT:
            raise MissingMessage(f"{context} ({lang})") from None
    if isinstance(english, tuple):
        return english[0] if plural_category("en", n) == "one" else english[1]
    return english


def _has(context: str, english: str | tuple[str, str], lang: str) -> bool:
    if lang == "en":
        return True
    translations = catalogue(lang) if lang in LANGUAGES else None
    if translations is None:
        return False
    try:
        if isinstance(english, tuple):
            translations.npgettext(context, english[0], english[1], 1)
        else:
            translations.pgettext(context, english)
    except _Miss:
        return False
    return True


class _Languages(Mapping):
    """One entry's texts by language, read from the catalogues: `TEXTS[code]["fi"]`."""

    def __init__(self, read, has):
        self._read, self._has = read, has

    def __getitem__(self, lang):
        if lang not in LANGUAGES or not self._has(lang):
            raise KeyError(lang)
        return self._read(lang)

    def __iter__(self) -> Iterator[str]:
        return (lang for lang in LANGUAGES if self._has(lang))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Table(Mapping):
    """code → `_Languages`, over one of the sources above."""

    def __init__(self, keys, entry):
        self._keys, self._entry = keys, entry

    def __getitem__(self, key):
        if key not in self._keys:
            raise KeyError(key)
        return self._entry(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _text(code: str) -> _Languages:
    english = _TEXTS[code]

    def read(lang):
        if isinstance(english, tuple):
            return {"one": _lookup(code, english, lang, 1), "other": _lookup(code, english, lang, 2)}
        return _lookup(code, english, lang)

    return _Languages(read, lambda lang: _has(code, english, lang))


def _simple(prefix: str, source: dict):
    def entry(key: str) -> _Languages:
        context = f"{prefix} {key}"
        english = source[context]
        return _Languages(lambda lang: _lookup(context, english, lang), lambda lang: _has(context, english, lang))
    return entry


def _problem(code: str) -> _Languages:
    code = _ALIASES.get(code, code)
    message, hint = _PROBLEMS[code], _PROBLEMS.get(code + _FIX)

    def read(lang):
        return (_lookup(code, message, lang), _lookup(code + _FIX, hint, lang) if hint is not None else "")

    return _Languages(read, lambda lang: lang != "en" and _has(code, message, lang))


TEXTS: Mapping[str, Mapping[str, str | dict[str, str]]] = _Table(frozenset(_TEXTS), _text)
"""code → language → text, or → {"one": …, "other": …} for a count (read from the catalogues)."""
OUTCOMES = TEXTS
"""The name serve.py and older code use for the same catalogue."""
OS_WORDS: Mapping[str, Mapping[str, str]] = _Table(
    frozenset(key.split(" ", 1)[1] for key in _OS_WORDS), _simple("os", _OS_WORDS))
NOUNS: Mapping[str, Mapping[str, str]] = _Table(
    frozenset(key.split(" ", 1)[1] for key in _NOUNS), _simple("noun", _NOUNS))
MESSAGES: Mapping[str, Mapping[str, tuple[str, str]]] = _Table(
    frozenset({key for key in _PROBLEMS if not key.endswith(_FIX)} | set(_ALIASES)), _problem)
"""code → language (fi, sv) → (message, hint), `{0}`-style placeholders for the problem's args."""


def _label(key: str, lang: str) -> str:
    context = f"label {key}"
    return _lookup(context, _LABELS[context], lang if lang in LANGUAGES else "en")


def plural_category(lang: str, n: int) -> str:
    """CLDR plural category of n in the language (Babel's rules): 'one', 'other', ..."""
    return Locale.parse(lang).plural_form(abs(n))


def say(code: str, lang: str, /, **values) -> str:
    """A command's text in the language, placeholders filled; `n=` picks the plural form."""
    english = _TEXTS.get(code)
    if english is None:
        raise MissingMessage(code)
    return _lookup(code, english, lang, abs(int(values.get("n", 0)))).format(**values)


def seconds(value: float, lang: str, digits: int = 1) -> str:
    """A duration in seconds as the language writes numbers (a decimal comma in Finnish and Swedish)."""
    from babel.numbers import format_decimal

    return format_decimal(round(value, digits), format="0." + "0" * digits, locale=lang)


def _format(text: str, args: tuple) -> str | None:
    try:
        return text.format(*args)
    except (IndexError, KeyError, ValueError):
        return None


class _Translate:
    def __call__(self, problem: Problem, lang: str) -> tuple[str, str, str]:
        label = _label(problem.severity if f"label {problem.severity}" in _LABELS else "warning", lang)
        if lang == "en":
            return problem.message, problem.hint, label
        entry = MESSAGES.get(problem.code, {}).get(lang)
        args = problem.args
        if problem.code in _NOUN_ARG and args:
            i = _NOUN_ARG[problem.code]
            noun = NOUNS.get(str(args[i]), {}).get(lang, str(args[i]))
            args = (*args[:i], noun, *args[i + 1:])
        message = _format(entry[0], args) if entry else None
        hint = (_format(entry[1], args) if entry[1] else "") if entry else None
        if message is None or hint is None or (problem.hint and not hint and STRICT):
            if STRICT:
                raise MissingMessage(f"{problem.code or '(no code)'} ({lang}): {problem.message}")
            return problem.message, problem.hint, label  # never lose a message
        return message, hint, label

    def hint_label(self, lang: str) -> str:
        return _label("hint", lang)

    def outcome(self, key: str, lang: str, **values) -> str:
        return say(key, lang, **values)

    def summary(self, errors: int, warnings: int, lang: str) -> str:
        return ", ".join([say("errors", lang, n=errors), say("warnings", lang, n=warnings)])


translate = _Translate()
