"""The message catalogue: every text a command prints, English in this module, Finnish and Swedish
in gettext catalogues (`generator/locale/{fi,sv}/LC_MESSAGES/messages.po`, README "Translating").

Each text is marked here with `pgettext(code, english)` or `npgettext(code, singular, plural)`:
Babel's extractor (`make translations-update`) finds the calls and writes the template
`generator/locale/messages.pot`, one entry per code (the code is the entry's msgctxt, so equal
English texts stay apart). Counts use the catalogue's own plural forms (its `Plural-Forms` header).

* `TEXTS`: what the commands themselves say (`build`, `serve`, `urls`, `translations`, `new`, the
  count line), with named `{placeholders}` (`say(code, lang, n=3)`).
* `MESSAGES`: the problems `check` reports, `Problem.code` → language → (message, fix), with the
  problem's `args` as `{0}`, `{1}`. The English text is written where the problem is found (it
  names the values in full, for developers and logs), so the entries below stand in for it with the
  code and its placeholders; the hint's context is the code followed by " (fix)".

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

from .errors import Problem

STRICT = os.environ.get("KG_STRICT_MESSAGES") == "1"
"""Raise `MissingMessage` instead of falling back to English (set by the tests)."""
LANGUAGES = ("en", "fi", "sv")
LOCALE_DIR = Path(__file__).parent / "locale"
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
    # --- serve (issue 12 item 2 / issue 13): what the preview prints and answers ---
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
    # --- issue 12 (h1): the folders a build may replace (guard.py), the CLI's one-line errors ---
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
    pgettext("duplicate-key", "duplicate-key {0} {1}"),
    pgettext("duplicate-key (fix)", "duplicate-key (fix)"),
    pgettext("yaml-alias", "yaml-alias"),
    pgettext("yaml-alias (fix)", "yaml-alias (fix)"),
    pgettext("yaml-tag", "yaml-tag"),
    pgettext("yaml-tag (fix)", "yaml-tag (fix)"),
    pgettext("tab-indent", "tab-indent"),
    pgettext("tab-indent (fix)", "tab-indent (fix)"),
    pgettext("yaml-syntax", "yaml-syntax"),
    pgettext("yaml-syntax (fix)", "yaml-syntax (fix)"),
    pgettext("empty-file", "empty-file"),
    pgettext("empty-file (fix)", "empty-file (fix)"),
    pgettext("not-utf8", "not-utf8"),
    pgettext("not-utf8 (fix)", "not-utf8 (fix)"),
    pgettext("extra_forbidden", "extra_forbidden {0}"),
    pgettext("extra_forbidden (fix)", "extra_forbidden (fix) {1}"),
    pgettext("unknown-key-guess", "unknown-key-guess {0}"),
    pgettext("unknown-key-guess (fix)", "unknown-key-guess (fix) {1}"),
    pgettext("missing", "missing {0}"),
    pgettext("missing (fix)", "missing (fix) {0}"),
    pgettext("missing-translation", "missing-translation {0}"),
    pgettext("missing-translation (fix)", "missing-translation (fix) {0}"),
    pgettext("unknown-ref", "unknown-ref {0} {1}"),
    pgettext("unknown-ref (fix)", "unknown-ref (fix) {2}"),
    pgettext("unknown-ref-guess", "unknown-ref-guess {0} {1}"),
    pgettext("unknown-ref-guess (fix)", "unknown-ref-guess (fix) {2}"),
    pgettext("duplicate-id", "duplicate-id {0} {1}"),
    pgettext("duplicate-id (fix)", "duplicate-id (fix)"),
    pgettext("date-order", "date-order"),
    pgettext("date-order (fix)", "date-order (fix)"),
    pgettext("period-order", "period-order {0} {1} {2}"),
    pgettext("period-order (fix)", "period-order (fix)"),
    pgettext("registration-order", "registration-order {0} {1}"),
    pgettext("registration-order (fix)", "registration-order (fix)"),
    pgettext("registration-late", "registration-late {0} {1}"),
    pgettext("registration-late (fix)", "registration-late (fix)"),
    pgettext("stale-review", "stale-review"),
    pgettext("stale-review (fix)", "stale-review (fix)"),
    pgettext("provisional-soon", "provisional-soon {0} {1}"),
    pgettext("provisional-soon (fix)", "provisional-soon (fix)"),
    pgettext("no-upcoming", "no-upcoming"),
    pgettext("no-upcoming (fix)", "no-upcoming (fix)"),
    pgettext("bad-id", "bad-id {0}"),
    pgettext("bad-lang", "bad-lang {0}"),
    pgettext("bad-lang (fix)", "bad-lang (fix)"),
    pgettext("bad-date-format", "bad-date-format {0}"),
    pgettext("bad-date-format (fix)", "bad-date-format (fix)"),
    pgettext("bad-date", "bad-date {0}"),
    pgettext("bad-date (fix)", "bad-date (fix)"),
    pgettext("date-range", "date-range {0} {1} {2}"),
    pgettext("date-range (fix)", "date-range (fix)"),
    pgettext("placeholder-syntax", "placeholder-syntax {0}"),
    pgettext("placeholder-syntax (fix)", "placeholder-syntax (fix)"),
    pgettext("placeholder-unknown", "placeholder-unknown {0} {1}"),
    pgettext("placeholder-unknown (fix)", "placeholder-unknown (fix) {2}"),
    pgettext("month-names", "month-names {0} {1}"),
    pgettext("month-names (fix)", "month-names (fix)"),
    pgettext("placeholder-missing", "placeholder-missing {0}"),
    pgettext("placeholder-missing (fix)", "placeholder-missing (fix) {0} {1}"),
    pgettext("bad-time", "bad-time {0}"),
    pgettext("bad-time (fix)", "bad-time (fix)"),
    pgettext("bad-bool", "bad-bool {0}"),
    pgettext("bad-bool (fix)", "bad-bool (fix)"),
    pgettext("bad-url", "bad-url {0}"),
    pgettext("bad-url (fix)", "bad-url (fix)"),
    pgettext("bad-https-url", "bad-https-url {0}"),
    pgettext("bad-https-url (fix)", "bad-https-url (fix)"),
    pgettext("bad-site-url", "bad-site-url {0}"),
    pgettext("bad-site-url (fix)", "bad-site-url (fix)"),
    pgettext("reserved-anchor", "reserved-anchor {0}"),
    pgettext("reserved-anchor (fix)", "reserved-anchor (fix) {1}"),
    pgettext("bad-link", "bad-link {0}"),
    pgettext("bad-link (fix)", "bad-link (fix)"),
    pgettext("bad-email", "bad-email {0}"),
    pgettext("bad-email (fix)", "bad-email (fix)"),
    pgettext("bad-stemmer", "bad-stemmer {0}"),
    pgettext("bad-stemmer (fix)", "bad-stemmer (fix)"),
    pgettext("bad-branch", "bad-branch {0}"),
    pgettext("bad-branch (fix)", "bad-branch (fix)"),
    pgettext("bad-path", "bad-path {0}"),
    pgettext("bad-path (fix)", "bad-path (fix)"),
    pgettext("not-scalar", "not-scalar {0}"),
    pgettext("not-scalar (fix)", "not-scalar (fix)"),
    pgettext("attr-list", "attr-list"),
    pgettext("attr-list (fix)", "attr-list (fix)"),
    pgettext("ref-definition", "ref-definition"),
    pgettext("ref-definition (fix)", "ref-definition (fix)"),
    pgettext("html-in-content", "html-in-content"),
    pgettext("html-in-content (fix)", "html-in-content (fix)"),
    pgettext("handler-in-content", "handler-in-content {0}"),
    pgettext("handler-in-content (fix)", "handler-in-content (fix)"),
    pgettext("script-link-in-content", "script-link-in-content {0}"),
    pgettext("script-link-in-content (fix)", "script-link-in-content (fix)"),
    pgettext("quote-in-site-name", "quote-in-site-name"),
    pgettext("quote-in-site-name (fix)", "quote-in-site-name (fix)"),
    pgettext("bad-slug", "bad-slug {0}"),
    pgettext("bad-slug (fix)", "bad-slug (fix)"),
    pgettext("duplicate-slug", "duplicate-slug {0}"),
    pgettext("duplicate-slug (fix)", "duplicate-slug (fix)"),
    pgettext("event-place", "event-place"),
    pgettext("event-place (fix)", "event-place (fix)"),
    pgettext("event-service", "event-service {0} {1}"),
    pgettext("event-service (fix)", "event-service (fix)"),
    pgettext("functionality-extends", "functionality-extends"),
    pgettext("functionality-extends (fix)", "functionality-extends (fix)"),
    pgettext("missing-file", "missing-file"),
    pgettext("missing-file (fix)", "missing-file (fix)"),
    pgettext("missing-folder", "missing-folder {0}"),
    pgettext("missing-folder (fix)", "missing-folder (fix)"),
    pgettext("missing-string", "missing-string {0}"),
    pgettext("missing-string (fix)", "missing-string (fix) {0}"),
    pgettext("no-front-matter", "no-front-matter"),
    pgettext("no-front-matter (fix)", "no-front-matter (fix)"),
    pgettext("period-year", "period-year {0} {1}"),
    pgettext("period-year (fix)", "period-year (fix)"),
    pgettext("self-ref", "self-ref"),
    pgettext("self-ref (fix)", "self-ref (fix)"),
    pgettext("unknown-file", "unknown-file"),
    pgettext("unknown-file (fix)", "unknown-file (fix) {0}"),
    pgettext("urls-new", "urls-new {0} {1}"),
    pgettext("urls-new (fix)", "urls-new (fix)"),
    pgettext("urls-unlisted", "urls-unlisted {0} {1}"),
    pgettext("urls-unlisted (fix)", "urls-unlisted (fix) {2}"),
    pgettext("urls-moved", "urls-moved {0}"),
    pgettext("urls-moved (fix)", "urls-moved (fix) {0} {1} {2}"),
    pgettext("urls-moved-new-key", "urls-moved-new-key {0}"),
    pgettext("urls-moved-new-key (fix)", "urls-moved-new-key (fix) {0} {1} {2}"),
    pgettext("urls-moved-service", "urls-moved-service {0}"),
    pgettext("urls-moved-service (fix)", "urls-moved-service (fix) {1} {2} {3} {4}"),
    pgettext("urls-gone", "urls-gone {0}"),
    pgettext("urls-gone (fix)", "urls-gone (fix) {1}"),
    pgettext("redirect-shadows", "redirect-shadows {0}"),
    pgettext("redirect-shadows (fix)", "redirect-shadows (fix)"),
    pgettext("redirect-duplicate", "redirect-duplicate {0}"),
    pgettext("redirect-duplicate (fix)", "redirect-duplicate (fix)"),
    pgettext("redirect-target", "redirect-target {0}"),
    pgettext("redirect-target (fix)", "redirect-target (fix) {1}"),
    pgettext("empty-text", "empty-text"),
    pgettext("empty-text (fix)", "empty-text (fix)"),
    pgettext("empty-text-lang", "empty-text-lang {0}"),
    pgettext("empty-text-lang (fix)", "empty-text-lang (fix) {0}"),
    pgettext("multi-line", "multi-line"),
    pgettext("html", "html"),
    pgettext("html (fix)", "html (fix)"),
    pgettext("markup-in-name", "markup-in-name"),
    pgettext("markup-in-name (fix)", "markup-in-name (fix)"),
    pgettext("heading", "heading"),
    pgettext("heading (fix)", "heading (fix)"),
    pgettext("block-markup", "block-markup"),
    pgettext("image", "image"),
    pgettext("literal_error", "literal_error {0}"),
    pgettext("literal_error (fix)", "literal_error (fix) {1}"),
    pgettext("unknown-language", "unknown-language {0}"),
    pgettext("unknown-language (fix)", "unknown-language (fix)"),
    pgettext("missing-page-translation", "missing-page-translation {0} {1}"),
    pgettext("missing-page-translation (fix)", "missing-page-translation (fix) {0} {1}"),
    pgettext("event-outside", "event-outside {0} {1} {2} {3}"),
    pgettext("event-outside (fix)", "event-outside (fix)"),
    pgettext("period-overlap", "period-overlap {0} {1} {2} {3} {4} {5} {6}"),
    pgettext("period-overlap (fix)", "period-overlap (fix) {0} {3} {6}"),
    pgettext("todo", "todo {0}"),
    pgettext("todo (fix)", "todo (fix)"),
    pgettext("renamed-key", "renamed-key {0} {1}"),
    pgettext("renamed-key (fix)", "renamed-key (fix) {0} {1} {2}"),
    pgettext("unannounced-dates", "unannounced-dates {0}"),
    pgettext("unannounced-dates (fix)", "unannounced-dates (fix) {0}"),
    pgettext("site-url-placeholder", "site-url-placeholder {0}"),
    pgettext("site-url-placeholder (fix)", "site-url-placeholder (fix)"),
    pgettext("example-dates", "example-dates {0} {1} {2}"),
    pgettext("example-dates (fix)", "example-dates (fix)"),
    pgettext("provisional-dates-soon", "provisional-dates-soon {0} {1}"),
    pgettext("provisional-dates-soon (fix)", "provisional-dates-soon (fix)"),
    # h3: hand-written pages judged on what Markdown makes of them (issue 12 items 3, 4, 6, 8, 11, 12)
    pgettext("empty-link-in-content", "empty-link-in-content {0}"),
    pgettext("empty-link-in-content (fix)", "empty-link-in-content (fix) {0}"),
    pgettext("attr-in-content", "attr-in-content {0}"),
    pgettext("attr-in-content (fix)", "attr-in-content (fix) {0}"),
    pgettext("external-embed-in-content", "external-embed-in-content {0}"),
    pgettext("external-embed-in-content (fix)", "external-embed-in-content (fix)"),
    pgettext("reserved-id-in-content", "reserved-id-in-content {0}"),
    pgettext("reserved-id-in-content (fix)", "reserved-id-in-content (fix)"),
    pgettext("table-align-in-content", "table-align-in-content"),
    pgettext("table-align-in-content (fix)", "table-align-in-content (fix)"),
    pgettext("content-link-guess", "content-link-guess {0}"),
    pgettext("content-link-guess (fix)", "content-link-guess (fix) {1}"),
    pgettext("content-link-unknown", "content-link-unknown {0}"),
    pgettext("content-link-unknown (fix)", "content-link-unknown (fix) {1}"),
    pgettext("content-link-relative", "content-link-relative {0}"),
    pgettext("content-link-relative (fix)", "content-link-relative (fix) {1}"),
    pgettext("content-link-relative-unknown", "content-link-relative-unknown {0}"),
    pgettext("content-link-relative-unknown (fix)", "content-link-relative-unknown (fix)"),
    pgettext("text-link-unknown", "text-link-unknown {0}"),
    pgettext("text-link-unknown (fix)", "text-link-unknown (fix) {1}"),
    pgettext("content-image", "content-image {0}"),
    pgettext("content-image (fix)", "content-image (fix)"),
    pgettext("mkdocs-anchor", "mkdocs-anchor {0} {1}"),
    pgettext("mkdocs-anchor (fix)", "mkdocs-anchor (fix)"),
    pgettext("mkdocs-target", "mkdocs-target {0}"),
    pgettext("mkdocs-target (fix)", "mkdocs-target (fix)"),
    pgettext("link-missing", "link-missing {0} {1}"),
    pgettext("link-missing (fix)", "link-missing (fix)"),
    pgettext("link-missing-guess", "link-missing-guess {0} {1}"),
    pgettext("link-missing-guess (fix)", "link-missing-guess (fix) {2}"),
    pgettext("link-anchor-guess", "link-anchor-guess {0} {1}"),
    pgettext("link-anchor-guess (fix)", "link-anchor-guess (fix) {2}"),
    pgettext("linkcheck-said", "linkcheck-said {0}"),
    pgettext("mkdocs-said", "mkdocs-said {0}"),
    pgettext("mkdocs-said (fix)", "mkdocs-said (fix)"),
    pgettext("content-shadows-page", "content-shadows-page {0} {1}"),
    pgettext("content-shadows-page (fix)", "content-shadows-page (fix)"),
    pgettext("not-a-file", "not-a-file {0}"),
    pgettext("not-a-file (fix)", "not-a-file (fix)"),
    pgettext("description-too-long", "description-too-long {0} {1}"),
    pgettext("description-too-long (fix)", "description-too-long (fix)"),
    # -- h4 (issue 12, hardening: the YAML loader, the schema's patterns, the report formats) --
    pgettext("control-char", "control-char {0}"),
    pgettext("control-char (fix)", "control-char (fix)"),
    pgettext("invisible-char", "invisible-char {0} {1}"),
    pgettext("invisible-char (fix)", "invisible-char (fix)"),
    pgettext("invisible-in-id", "invisible-in-id {0} {1}"),
    pgettext("invisible-in-id (fix)", "invisible-in-id (fix)"),
    pgettext("yaml-unclosed-quote", "yaml-unclosed-quote {0}"),
    pgettext("yaml-unclosed-quote (fix)", "yaml-unclosed-quote (fix) {0}"),
    pgettext("not-regular-file", "not-regular-file"),
    pgettext("not-regular-file (fix)", "not-regular-file (fix)"),
    pgettext("link-outside", "link-outside {0}"),
    pgettext("link-outside (fix)", "link-outside (fix)"),
    pgettext("content-link-outside", "content-link-outside {0}"),
    pgettext("content-link-outside (fix)", "content-link-outside (fix)"),
    pgettext("file-too-large", "file-too-large {0} {1}"),
    pgettext("file-too-large (fix)", "file-too-large (fix)"),
    pgettext("unreadable", "unreadable {0}"),
    pgettext("unreadable (fix)", "unreadable (fix)"),
    pgettext("yaml-multi", "yaml-multi"),
    pgettext("yaml-multi (fix)", "yaml-multi (fix)"),
    pgettext("too-deep", "too-deep {0}"),
    pgettext("too-deep (fix)", "too-deep (fix)"),
    pgettext("bad-key", "bad-key"),
    pgettext("bad-key (fix)", "bad-key (fix)"),
    pgettext("yaml-merge", "yaml-merge"),
    pgettext("yaml-merge (fix)", "yaml-merge (fix)"),
    pgettext("not-mapping", "not-mapping"),
    pgettext("not-mapping (fix)", "not-mapping (fix)"),
    pgettext("unsupported-stemmer", "unsupported-stemmer {0}"),
    pgettext("unsupported-stemmer (fix)", "unsupported-stemmer (fix) {1}"),
    pgettext("bad-period-id", "bad-period-id {0}"),
    pgettext("bad-period-id (fix)", "bad-period-id (fix)"),
    # -- issue 11 (h7): sources, links in the reader's language, periods, search terms --------
    pgettext("no-source", "no-source {0}"),
    pgettext("no-source (fix)", "no-source (fix)"),
    pgettext("stale-source", "stale-source {0}"),
    pgettext("stale-source (fix)", "stale-source (fix)"),
    pgettext("source-in-future", "source-in-future {0}"),
    pgettext("source-in-future (fix)", "source-in-future (fix)"),
    pgettext("unverified-source", "unverified-source {0}"),
    pgettext("unverified-source (fix)", "unverified-source (fix)"),
    pgettext("editorial-note", "editorial-note {0}"),
    pgettext("editorial-note (fix)", "editorial-note (fix)"),
    pgettext("editorial-notes", "editorial-notes {0}"),
    pgettext("editorial-notes (fix)", "editorial-notes (fix)"),
    pgettext("source-checked-key", "source-checked-key"),
    pgettext("source-checked-key (fix)", "source-checked-key (fix) {0}"),
    pgettext("unverified-sources", "unverified-sources {0}"),
    pgettext("unverified-sources (fix)", "unverified-sources (fix)"),
    pgettext("link-language", "link-language {0} {1} {2}"),
    pgettext("link-language (fix)", "link-language (fix) {0} {1}"),
    pgettext("link-language-page", "link-language-page {0} {1} {2}"),
    pgettext("link-language-page (fix)", "link-language-page (fix)"),
    pgettext("uses-periods", "uses-periods {0} {1}"),
    pgettext("uses-periods (fix)", "uses-periods (fix)"),
    pgettext("uses-periods-registration", "uses-periods-registration {0}"),
    pgettext("uses-periods-registration (fix)", "uses-periods-registration (fix)"),
    # -- h9 (issue 14): pydantic's error types, indentation, plain fixes ---------------------
    pgettext("wrong-type", "wrong-type"),
    pgettext("wrong-type (fix)", "wrong-type (fix)"),
    pgettext("bad-value", "bad-value {0}"),
    pgettext("bad-value (fix)", "bad-value (fix)"),
    pgettext("not-keys", "not-keys"),
    pgettext("not-keys (fix)", "not-keys (fix)"),
    pgettext("text-needs-languages", "text-needs-languages {0}"),
    pgettext("text-needs-languages (fix)", "text-needs-languages (fix) {0}"),
    pgettext("not-list", "not-list"),
    pgettext("not-list (fix)", "not-list (fix) {0}"),
    pgettext("not-text", "not-text"),
    pgettext("not-text (fix)", "not-text (fix)"),
    pgettext("pattern", "pattern {0}"),
    pgettext("pattern (fix)", "pattern (fix)"),
    pgettext("empty-list", "empty-list"),
    pgettext("empty-list (fix)", "empty-list (fix)"),
    pgettext("not-number", "not-number {0}"),
    pgettext("not-number (fix)", "not-number (fix)"),
    pgettext("out-of-range", "out-of-range {0} {1}"),
    pgettext("too-long", "too-long"),
    pgettext("too-long (fix)", "too-long (fix)"),
    pgettext("bad-date-format-fi", "bad-date-format-fi {0}"),
    pgettext("bad-date-format-fi (fix)", "bad-date-format-fi (fix) {1}"),
    pgettext("yaml-list-indent", "yaml-list-indent {0} {1}"),
    pgettext("yaml-list-indent (fix)", "yaml-list-indent (fix) {1} {2}"),
    pgettext("yaml-indent", "yaml-indent {0} {1} {2}"),
    pgettext("yaml-indent (fix)", "yaml-indent (fix) {2} {3}"),
    pgettext("yaml-colon", "yaml-colon"),
    pgettext("yaml-colon (fix)", "yaml-colon (fix)"),
    pgettext("yaml-missing-colon", "yaml-missing-colon"),
    pgettext("yaml-missing-colon (fix)", "yaml-missing-colon (fix)"),
    pgettext("yaml-start-char", "yaml-start-char"),
    pgettext("yaml-start-char (fix)", "yaml-start-char (fix)"),
    pgettext("yaml-escape", "yaml-escape"),
    pgettext("yaml-escape (fix)", "yaml-escape (fix)"),
    pgettext("yaml-indent-block", "yaml-indent-block"),
    pgettext("yaml-indent-block (fix)", "yaml-indent-block (fix)"),
    pgettext("registration-unaccepted", "registration-unaccepted {0}"),
    pgettext("registration-unaccepted (fix)", "registration-unaccepted (fix) {0}"),
    pgettext("planner-lead-time", "planner-lead-time {0} {1} {2}"),
    pgettext("planner-lead-time (fix)", "planner-lead-time (fix) {0}"),
    pgettext("schemas-stale", "schemas-stale {0}"),
    pgettext("schemas-stale (fix)", "schemas-stale (fix)"),
    pgettext("more-checks", "more-checks"),
    pgettext("more-problems", "more-problems {0} {1}"),
    pgettext("more-problems (fix)", "more-problems (fix)"),
    pgettext("more-problems-page", "more-problems-page {0}"),
    pgettext("more-problems-page (fix)", "more-problems-page (fix)"),
    pgettext("more-problems-unchecked", "more-problems-unchecked {0}"),
    pgettext("more-problems-unchecked (fix)", "more-problems-unchecked (fix)"),
    pgettext("bad-page-key", "bad-page-key {0}"),
    pgettext("bad-page-key (fix)", "bad-page-key (fix)"),
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
def catalogue(lang: str, folder: Path = LOCALE_DIR) -> gettext.NullTranslations | None:
    """The language's translations: its compiled `.mo`, or its `.po` compiled in memory when the
    `.mo` is missing or older; None for English and for a language without a catalogue."""
    po = folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if not po.is_file() and not mo.is_file():
        return None
    from babel.support import Translations  # dates and numbers too: imported only when used
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        data = mo.read_bytes()
    else:
        data = compiled(po)
    translations = Translations(io.BytesIO(data), domain=DOMAIN)
    translations.add_fallback(_NoTranslation())
    return translations


def _lookup(context: str, english: str | tuple[str, str], lang: str, n: int = 1) -> str:
    """The text of `context` in the language; the English text when it has none (unless STRICT)."""
    translations = catalogue(lang) if lang != "en" else None
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
    translations = catalogue(lang)
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
