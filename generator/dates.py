"""Dates, times and statuses, formatted per language.

Formats come from strings.yaml (`format-date`, `format-time`), so a new
language is a translation, not code. Statuses are computed for `today` at
build time; `overrides/assets/status.js` repeats the same rules in the reader's
browser, so a page cached for weeks still shows the right status.
"""

from __future__ import annotations

import datetime as dt

from .models import Period, Window


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
    period not started) → ongoing → past. Mirrored in status.js.
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
