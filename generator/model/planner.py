"""The onboarding planner's words: the strings.yaml keys its page and script use.

The planner's rules run in the reader's browser (`overrides/assets/planner.js`), fed by
`/api/planner.json` (planner_api.py); tests/planner_reference.py states them again in Python for
the tests to compare with.
"""

from __future__ import annotations

STRINGS = (
    "title-planner", "planner-lead", "planner-sector", "planner-sector-vendor", "planner-service",
    "planner-service-hint", "planner-certified", "planner-certified-yes", "planner-certified-no",
    "planner-certified-unknown", "planner-vendor-support", "planner-vendor-support-hint", "planner-yes",
    "planner-no", "planner-change", "planner-change-first", "planner-change-new",
    "planner-change-expansion", "planner-change-minor", "planner-target", "planner-target-hint",
    "planner-submit", "planner-errors-title", "planner-error-sector", "planner-error-service",
    "planner-error-certified", "planner-error-vendor-support", "planner-error-change",
    "planner-error-target", "planner-result", "planner-empty", "planner-register-title",
    "planner-register-yes", "planner-register-no", "planner-rule-required", "planner-rule-minor-change",
    "planner-rule-not-required", "planner-period-title", "planner-period", "planner-lead-months",
    "planner-too-early", "planner-none-published", "planner-according-example",
    "planner-according-provisional", "planner-by-when", "planner-last-day", "planner-window",
    "planner-events-title", "planner-add-calendar", "planner-ready-title", "planner-steps-title",
    "planner-print", "planner-copy", "planner-copied", "planner-plan-date", "planner-address",
    "planner-nojs-title", "planner-nojs-rules", "planner-nojs-rule-1", "planner-nojs-rule-2",
    "planner-nojs-rule-3", "planner-nojs-rule-4", "planner-nojs-rule-5", "planner-nojs-table",
    "planner-nojs-none", "planner-link", "planner-link-service", "planner-events-optional",
    "planner-rule-vendor-support", "planner-rule-not-required-one", "planner-lead-months-one",
    "planner-lead-functionality", "planner-period-name", "planner-ready-services", "month-names",
    "online-and-place",
)
"""strings.yaml keys the planner uses from code and script (string_keys.CODE_STRINGS includes them)."""

SCRIPT_STRINGS = (
    "planner-errors-title", "planner-error-sector", "planner-error-service", "planner-error-certified",
    "planner-error-vendor-support", "planner-error-change", "planner-error-target", "planner-empty",
    "planner-register-title", "planner-register-yes", "planner-register-no", "planner-rule-required",
    "planner-rule-minor-change", "planner-rule-not-required", "planner-rule-not-required-one",
    "planner-rule-vendor-support", "planner-events-optional", "planner-lead-months-one",
    "planner-lead-functionality", "planner-period-name", "planner-ready-services", "planner-period-title",
    "planner-period", "planner-lead-months",
    "planner-too-early", "planner-none-published", "planner-according-example",
    "planner-according-provisional", "planner-by-when", "planner-last-day", "planner-window",
    "planner-events-title", "planner-add-calendar", "planner-ready-title", "planner-steps-title",
    "planner-print", "planner-copy", "planner-copied", "planner-plan-date", "planner-address",
)
"""The strings the page's script writes (the form's own words are in the page): what
/api/planner.json carries. The rest of STRINGS are the template's."""
