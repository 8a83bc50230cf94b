"""A picture of the periods, drawn at build time as inline SVG (no chart library in the browser).

One row per period: the registration window (an open bar), the period itself (a filled bar),
its support events (diamonds), and a line at today. How sure the dates are shows in the
drawing itself, not by colour alone: example dates are drawn with dashed outlines and a
hatched fill, provisional ones dotted, confirmed ones solid (kg.css), and a legend under the
picture says so in words (only for the marks it draws: explaining marks that are not there is noise
on a phone). The SVG is `role="img"` with a <title> and a <desc> that says in
text what the picture shows; the schedule's table next to it has every date as well.

The "today" line is where the build's `--today` puts it; overrides/assets/kg.js moves it to
the reader's date, as it does with the statuses (the axis is in the wrapper's `data-from` and
`data-to`, the drawing's x range in `data-x0` and `data-x1`).

The drawing is 400 units wide so that its text stays readable when a phone shows it at
about 340 px; kg.css caps its width on wide screens.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence

from generator.model.schema import Period

WIDTH = 400
LEFT = 56
RIGHT = 392
ROW = 34
HEAD = 46
END_LABEL = 320
"""Right of this x the "today" label ends at the line instead of starting there (kg.js too)."""
MONTH_LABEL = 46
"""The room a month's short name takes (14 units a letter-height, up to six letters): months are
labelled every 1, 2, 3, 4, 6 or 12 months, the first step that leaves this much room."""
TODAY_BAND = 18
"""Height of the band under the rows where the "today" label stands: it never meets the year and
month labels above the rows, wherever the line falls."""

LEGEND = ("reg", "period", "event", "today", "confirmed", "provisional", "example")
"""The legend's marks, in their order (kg.css draws each key)."""
STRINGS = ("timeline-title", "timeline-today", "timeline-today-at", "month-names-short",
           *(f"timeline-{k}" for k in LEGEND))
"""strings.yaml keys the timeline uses (string_keys.CODE_STRINGS includes them)."""


def _coord(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing .0 (same input, same bytes)."""
    return f"{value:.1f}".removesuffix(".0")


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def shown_periods(periods: Sequence[Period], today: dt.date, limit: int | None = None) -> list[Period]:
    """The periods worth drawing: those not yet over on `today`, by start (at most `limit`)."""
    ahead = sorted((p for p in periods if p.end >= today), key=lambda p: p.start)
    return ahead[:limit] if limit else ahead


def svg(periods: Sequence[Period], today: dt.date, t: Callable[[str], str],
        date: Callable[[dt.date], str], name: str, limit: int | None = None) -> str:
    """The timeline as one HTML block (a <div> with the SVG and its legend); "" when there is no
    period to draw. `t` and `date` are the page's string and date helpers; `name` makes the ids
    unique on the page."""
    rows = shown_periods(periods, today, limit)
    if not rows:
        return ""
    first = _month_start(min(p.registration.opens for p in rows))
    last = _next_month(max(p.end for p in rows))
    span = (last - first).days

    def x(day: dt.date) -> float:
        return LEFT + (RIGHT - LEFT) * (day - first).days / span

    rows_end = HEAD + ROW * len(rows) + 6
    height = rows_end + TODAY_BAND
    e = html.escape
    hatch = f"kg-tl-{name}-hatch"
    # Example dates: a hatched fill besides the dashed outline (kg.css), so the state shows without
    # colour too. A presentation attribute, not a style: the CSP allows it.
    out: list[str] = [f'<defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
                      f'patternTransform="rotate(45)"><rect class="kg-tl-hatch-bg" width="6" height="6"/>'
                      f'<line class="kg-tl-hatch" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>']
    # Month ticks; every month labelled when there is room, else every third.
    months, month = [], first
    while month <= last:
        months.append(month)
        month = _next_month(month)
    spacing = (RIGHT - LEFT) / max(len(months) - 1, 1)
    step = next((n for n in (1, 2, 3, 4, 6) if spacing * n >= MONTH_LABEL), 12)
    names = t("month-names-short").split()
    for m in months:
        mx = x(m)
        out.append(f'<line class="kg-tl-tick" x1="{_coord(mx)}" y1="{HEAD - 6}" x2="{_coord(mx)}" '
                   f'y2="{rows_end - 4}"/>')
        if m < last and (m.month - 1) % step == 0:
            out.append(f'<text class="kg-tl-month" x="{_coord(mx + 2)}" y="{HEAD - 10}">{e(names[m.month - 1])}</text>')
        if m < last and (m.month == 1 or m == first):
            out.append(f'<text class="kg-tl-year" x="{_coord(mx + 2)}" y="12">{m.year}</text>')
    described = []
    used = {"reg", "period", "today"}  # the legend names what the chart draws, nothing more
    for i, p in enumerate(rows):
        y = HEAD + i * ROW
        reg, reg_state, state = p.registration, p.registration_dates, p.dates
        used |= {reg_state, state} | {p.event_dates(ev) for ev in p.events} | ({"event"} if p.events else set())
        out.append(f'<text class="kg-tl-label" x="2" y="{y + 20}">{e(p.id)}</text>')
        out.append(f'<rect class="kg-tl-reg kg-tl--{reg_state}" x="{_coord(x(reg.opens))}" y="{y + 3}" '
                   f'width="{_coord(max(x(reg.closes + dt.timedelta(days=1)) - x(reg.opens), 2))}" '
                   'height="10" rx="2"/>')
        fill = f' fill="url(#{hatch})"' if state == "example" else ""
        out.append(f'<rect class="kg-tl-period kg-tl--{state}"{fill} x="{_coord(x(p.start))}" y="{y + 16}" '
                   f'width="{_coord(max(x(p.end + dt.timedelta(days=1)) - x(p.start), 2))}" height="12" rx="2"/>')
        for ev in p.events:
            ex, ey = x(ev.date), y + 22
            out.append(f'<path class="kg-tl-event kg-tl--{p.event_dates(ev)}" '
                       f'd="M{_coord(ex)} {ey - 6}L{_coord(ex + 5)} {ey}'
                       f'L{_coord(ex)} {ey + 6}L{_coord(ex - 5)} {ey}Z"/>')
        marks = {"example": f" ({t('date-example')})", "provisional": f" ({t('provisional')})",
                 "confirmed": ""}
        described.append(
            f"{t('title-period').format(id=p.id)}: {t('registration').lower()} "
            f"{date(reg.opens)}–{date(reg.closes)}{marks[reg_state]}, {t('period').lower()} "
            f"{date(p.start)}–{date(p.end)}{marks[state]}"
            + (f", {t('events').lower()} " + ", ".join(date(ev.date) + marks[p.event_dates(ev)]
                                                      for ev in p.events) if p.events else "") + ".")
    tx = x(today)
    anchor = ' text-anchor="end"' if tx > END_LABEL else ""
    inside = first <= today < last
    out.append(f'<g class="kg-tl-today" visibility="{"visible" if inside else "hidden"}">'
               f'<line x1="{_coord(tx)}" y1="{HEAD - 4}" x2="{_coord(tx)}" y2="{height - 2}"/>'
               f'<text x="{_coord(tx - 3 if tx > END_LABEL else tx + 3)}" y="{height - 4}"'
               f'{anchor}>{e(t("timeline-today"))}</text></g>')
    title_id, desc_id = f"kg-tl-{name}-title", f"kg-tl-{name}-desc"
    desc = " ".join(described) + " " + t("timeline-today-at").format(date=date(today))
    body = "".join(out)
    legend = "".join(
        f'<li><span class="kg-tl-key kg-tl-key--{k}" aria-hidden="true"></span>{e(t("timeline-" + k))}</li>'
        for k in LEGEND if k in used)
    # No blank line inside the block: Python-Markdown passes a raw HTML block through as it is.
    return (f'<div class="kg-timeline" data-from="{first.isoformat()}" data-to="{last.isoformat()}" '
            f'data-x0="{LEFT}" data-x1="{RIGHT}">\n'
            f'<svg role="img" aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {WIDTH} {height}" '
            f'xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{title_id}">{e(t("timeline-title"))}</title>'
            f'<desc id="{desc_id}">{e(desc)}</desc>{body}</svg>\n'
            f'<ul class="kg-tl-legend">{legend}</ul>\n</div>')
