"""Dates, times and statuses, formatted per language.

Formats come from strings.yaml (`format-date`, `format-time`), so a new
language is a translation, not code. Statuses are computed for `today` at
build time; `overrides/assets/kg.js` repeats the same rules in the reader's
browser, so a page cached for weeks still shows the right status.

Every date is `example`, `provisional` or `confirmed` (schema.DateState). A period whose
dates Kela has not published (`dates: unannounced`, schema.UnannouncedPeriod) has none, so
nothing here ever sees it (Project.periods holds the dated periods only). A status
is only as sure as the dates it was computed from (`status_certainty`), and its
wording says so: `status_key` picks "Ilmoittautuminen on auki" for confirmed
dates, "… on alustavan aikataulun mukaan auki" or "… esimerkkiaikataulun mukaan
auki" otherwise. kg.js mirrors both rules.
"""

from __future__ import annotations

import datetime as dt

from generator.model.schema import DATE_STATES, Period, Window


def format_date(day: dt.date, pattern: str) -> str:
    """`{d}.{m}.{y}` → 5.1.2026 (no zero padding, as Finnish and Swedish write dates)."""
    return pattern.format(d=day.day, m=day.month, y=day.year, dd=f"{day.day:02d}",
                          mm=f"{day.month:02d}")


def format_time(time: dt.time, pattern: str) -> str:
    """`klo {H}.{MM}` → klo 9.00."""
    return pattern.format(H=time.hour, HH=f"{time.hour:02d}", MM=f"{time.minute:02d}")


def window_status(window: Window, today: dt.date) -> str:
    """upcoming, open or closed."""
    if today < window.opens:
        return "upcoming"
    if today <= window.closes:
        return "open"
    return "closed"


def period_status(period: Period, today: dt.date) -> str:
    """One status per period, the most useful for a reader on `today`.

    registration-upcoming → registration-open → starting (registration closed,
    period not started) → ongoing → past. Mirrored in overrides/assets/kg.js.
    """
    reg = window_status(period.registration, today)
    if reg == "upcoming":
        return "registration-upcoming"
    if reg == "open":
        return "registration-open"
    if today < period.start:
        return "starting"
    if today <= period.end:
        return "ongoing"
    return "past"


def next_open_window(periods: list[Period], today: dt.date, service_id: str | None = None):
    """The first period (accepting the service) whose registration has not yet closed."""
    candidates = [p for p in periods
                  if p.registration.closes >= today and (service_id is None or service_id in p.accepts)]
    return min(candidates, key=lambda p: p.registration.closes, default=None)


def current_period(periods: list[Period], today: dt.date):
    return next((p for p in periods if p.start <= today <= p.end), None)


def next_period(periods: list[Period], today: dt.date):
    return min((p for p in periods if p.start > today), key=lambda p: p.start, default=None)


# ---------------------------------------------------------------------------
# How sure a date, and a status computed from dates, is
# ---------------------------------------------------------------------------


def weakest(*states: str) -> str:
    """The least certain of the states: example < provisional < confirmed."""
    return min(states, key=DATE_STATES.index)


WINDOW_STATUSES = ("registration-upcoming", "registration-open")
"""Period statuses decided by the registration window's dates alone."""


def status_certainty(period: Period, status: str) -> str:
    """How sure `status` (period_status) is: as sure as the least sure date it was decided by.

    Before and during registration only the window's dates decide; afterwards the window's
    closing day and the period's own dates do. Mirrored in kg.js (`certainty`)."""
    if status in WINDOW_STATUSES:
        return period.registration_dates
    return weakest(period.registration_dates, period.dates)


def status_key(status: str, certainty: str) -> str:
    """strings.yaml key of a status in its wording: status-registration-open,
    status-registration-open-provisional, status-registration-open-example.
    `status` is a period status or `window-<upcoming|open|closed>`."""
    base = status if status.startswith("window-") else f"status-{status}"
    return base if certainty == "confirmed" else f"{base}-{certainty}"


def period_states(period: Period) -> set[str]:
    """Every state among the period's dates."""
    return {period.dates, period.registration_dates, *(period.event_dates(e) for e in period.events)}
