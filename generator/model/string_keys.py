"""The strings.yaml keys the generator uses: `check` requires each of them in strings.yaml, so a
missing one is an error at strings.yaml rather than a crash of the build.

TEMPLATE_STRINGS are the keys the templates name as `t('key')`, declared here so that `check` does
not parse the templates (tests/test_check.py compares the list with the templates' Jinja syntax
trees, so it cannot go stale); CODE_STRINGS are the keys the Python code and the scripts use, and
those whose key a template builds from a value (`t('link-' ~ link.kind)`).
"""

from __future__ import annotations

from generator.model import planner, timeline

TEMPLATE_STRINGS = frozenset({
    "a11y-authority", "a11y-feedback", "a11y-feedback-text", "a11y-issues", "a11y-lead",
    "a11y-prepared", "a11y-prepared-text", "a11y-status", "accepted-services", "all-periods",
    "anchor-sector", "anchor-sources", "as-of", "back-to-schedule", "before-you-start",
    "before-you-start-lead", "by-sector", "calendar", "calendar-all", "calendar-lead",
    "calendar-period", "changes-affects", "changes-all", "changes-latest", "changes-lead",
    "changes-none", "contact", "customer-per-service", "customer-per-service-lead", "date-example",
    "dates", "duration", "edit-page", "email", "ends", "event-services", "events", "events-lead",
    "events-none", "example-note", "example-note-after", "example-note-link", "example-note-link-lang",
    "example-note-title", "example-note-url", "extends", "extends-lead", "feed-all", "feed-changes",
    "former-names", "home-lead", "home-path", "home-path-customer", "home-path-planner",
    "home-path-process", "home-path-registration", "home-path-schedule", "home-path-services",
    "how-to-register", "language", "link-lang-en", "link-lang-fi", "link-lang-sv", "links",
    "months-at-least", "months-range", "next-deadline", "next-deadline-none", "no-prerequisites",
    "not-found-text", "not-found-title", "online", "online-and-place", "only", "page-updated", "period",
    "period-duration", "period-goal", "period-unannounced", "phone", "planner-certified",
    "planner-change", "planner-empty", "planner-lead", "planner-link", "planner-link-service",
    "planner-nojs-none", "planner-nojs-rule-1", "planner-nojs-rule-2", "planner-nojs-rule-3",
    "planner-nojs-rule-4", "planner-nojs-rule-5", "planner-nojs-rules", "planner-nojs-table",
    "planner-nojs-title", "planner-result", "planner-sector", "planner-sector-vendor",
    "planner-service", "planner-service-hint", "planner-submit", "planner-target",
    "planner-target-hint", "planner-vendor-support", "planner-vendor-support-hint", "process-duration",
    "process-duration-lead", "process-events-on-schedule", "process-per-service",
    "process-per-service-lead", "process-registration", "process-support", "process-timing",
    "process-trainings", "provisional", "provisional-dates-note", "provisional-note-title", "read-more",
    "register-forms", "register-how", "register-how-1", "register-how-2", "register-how-3",
    "register-page-link", "register-when", "registration", "registration-windows", "required-by",
    "requirements-lead", "responsible", "schedule-lead", "service-in-use", "service-periods",
    "service-periods-none", "service-register-not-required", "service-register-required",
    "services-lead", "skip-to-content", "source-seen", "source-unverified", "source-updated",
    "source-verified", "sources", "sources-lead", "starts", "status", "step", "steps", "system",
    "system-certified", "system-uncertified", "title-accessibility", "title-changes", "title-customer",
    "title-home", "title-period", "title-planner", "title-process", "title-registration",
    "title-requirements", "title-schedule", "title-services", "trainings", "typical-duration",
    "vendor-exception", "when", "where", "who-does", "who-onboards"
})
"""Every key a template names as `t('key')`, literally."""

# Strings the Python code uses, and those whose key a template builds from a value of the data
# (`status-` + status, ...).
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

USED = TEMPLATE_STRINGS | CODE_STRINGS
"""Every key strings.yaml must define."""
