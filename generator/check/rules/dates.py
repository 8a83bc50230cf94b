"""The rules of dates: order within a period, events inside it, no overlapping periods, example
dates not published for a current period, reviews and provisional dates due soon, and the planner's
lead times equal to the process's durations."""

from __future__ import annotations

import datetime as dt

from generator.check.rules.context import REVIEW_MONTHS, Context, months_before
from generator.model.errors import WARNING, Problem
from generator.model.scalars import PERIOD_ID_RE

PROVISIONAL_WARNING_DAYS = 60


def dates(c: Context) -> None:
    """Dates in order; events inside their period; periods do not overlap.

    A period that ends before it starts is one mistake: what is compared with its range (its
    events, its registration, the other periods) is judged once the range is fixed, instead of
    a follow-on error at every event."""
    f = "periods.yaml"
    valid: list[int] = []
    for i, p in c.dated():
        base = ("periods", i)
        match = PERIOD_ID_RE.match(p.id)
        if match and int(match[2]) != p.start.year:
            c.add(f, base + ("start",), f"period {p.id} starts in {p.start.year}",
                  "a period's id names its starting year; check `id` and `start`",
                  code="period-year", args=(p.id, p.start.year))
        w = p.registration
        if w.closes < w.opens:
            c.add(f, base + ("registration", "closes"),
                  f"registration closes ({w.closes}) before it opens ({w.opens})",
                  "swap the dates or fix the typo", code="registration-order",
                  args=(str(w.closes), str(w.opens)))
        if p.end < p.start:
            c.add(f, base + ("end",), f"the period ends ({p.end}) before it starts ({p.start})",
                  "swap the dates or fix the typo; the period's events and its overlap with other "
                  "periods are checked once its dates are in order", code="period-order",
                  args=(p.id, str(p.end), str(p.start)))
        else:
            valid.append(i)
            if w.closes >= p.start:
                c.add(f, base + ("registration", "closes"),
                      f"registration closes ({w.closes}) on or after the period starts ({p.start})",
                      "registration must close before the period starts", code="registration-late",
                      args=(str(w.closes), str(p.start)))
        for j, e in enumerate(p.events):
            if i in valid and not p.start <= e.date <= p.end:
                c.add(f, base + ("events", j, "date"),
                      f"the event is on {e.date}, outside period {p.id} ({p.start} – {p.end})",
                      "move the event or fix the period's dates", code="event-outside",
                      args=(str(e.date), p.id, str(p.start), str(p.end)))
            if e.end <= e.start:
                c.add(f, base + ("events", j, "end"), "the event ends before it starts",
                      code="date-order")
            if not e.online and e.place is None:
                c.add(f, base + ("events", j), "the event is not online but has no place",
                      "add `place:` or set `online: true`", code="event-place")
    _overlaps(c, valid)


def _overlaps(c: Context, valid: list[int]) -> None:
    """One error per pair of overlapping periods, at the date of the one an editor most likely
    changed: the later one in the file (new periods are appended), unless the other overlaps
    more periods (a typo in one date makes it overlap several). Both periods and their dates are
    named, and the line of the other's date, so either can be fixed."""
    f, periods = "periods.yaml", dict(c.dated())
    pairs = [(a, b) for n, a in enumerate(valid) for b in valid[n + 1:]
             if periods[a].start <= periods[b].end and periods[b].start <= periods[a].end]
    count = {i: sum(i in pair for pair in pairs) for i in valid}
    for a, b in pairs:
        here, other = (a, b) if count[a] > count[b] else (b, a)
        p, q = periods[here], periods[other]
        if p.start >= q.start:  # p starts inside q
            key, said = "start", f"it starts ({p.start}) before period {q.id} ends ({q.end})"
            other_key = "end"
        else:  # p runs on into q (or over all of it)
            key, said = "end", f"it ends ({p.end}) after period {q.id} starts ({q.start})"
            other_key = "start"
        line = c.docs[f].position(("periods", other, other_key))[0]
        c.add(f, ("periods", here, key),
              f"period {p.id} ({p.start} – {p.end}) overlaps period {q.id} ({q.start} – {q.end}, "
              f"line {line}): {said}",
              f"periods may not overlap: change {p.id}'s dates here, or {q.id}'s on line {line}",
              code="period-overlap",
              args=(p.id, str(p.start), str(p.end), q.id, str(q.start), str(q.end), line))


def example_dates(c: Context) -> None:
    """A period that has not ended may not be published with example dates (`check --strict`).

    One warning per `dates: example` that applies, at its line (the one to change), naming the
    lines of the dates it covers. Past periods are history: their example dates stay marked as
    examples on the pages, and nobody plans by them any more."""
    f = "periods.yaml"
    doc = c.docs.get(f)
    if doc is None:
        return
    for i, p in c.dated():
        if p.end < c.today:
            continue
        covered: dict[tuple, list[tuple]] = {}
        if p.dates == "example":
            covered.setdefault(("dates",), []).extend([("start",), ("end",)])
        if p.registration_dates == "example":
            where: tuple = ("registration", "dates") if p.registration.dates else ("dates",)
            covered.setdefault(where, []).extend([("registration", "opens"), ("registration", "closes")])
        for j, e in enumerate(p.events):
            if p.event_dates(e) == "example":
                where = ("events", j, "dates") if e.dates else ("dates",)
                covered.setdefault(where, []).append(("events", j, "date"))
        for where, paths in covered.items():
            lines = ", ".join(str(doc.position(("periods", i) + path)[0]) for path in paths)
            c.add(f, ("periods", i) + where,
                  f"period {p.id} is current or upcoming (as of {c.today}), but its dates are "
                  f"still examples (periods.yaml, lines: {lines})",
                  "write Kela's published dates and set `dates: confirmed` (`dates: provisional` "
                  "if Kela has announced them as preliminary); if Kela has not announced the period "
                  "yet, remove its dates (start, end, registration, events) and write `dates: "
                  "unannounced`; until then `check --strict` fails and the site is not ready to "
                  "publish", severity=WARNING, code="example-dates",
                  args=(p.id, str(c.today), lines))


def warnings(c: Context) -> None:
    """Things that are allowed but that an editor should look at soon."""
    today = c.today
    if not any(p.start > today for p in c.project.periods) and not c.project.unannounced:
        c.add("periods.yaml", ("periods",), f"no period starts after today ({today})",
              "add next year's periods: make new-period PERIOD=N/YYYY",
              severity=WARNING, code="no-upcoming")
    limit = months_before(today, REVIEW_MONTHS)
    for i, s in enumerate(c.project.services):
        if s.last_reviewed < limit:
            c.add("services.yaml", ("services", i, "last_reviewed"),
                  f"{s.id} was last reviewed on {s.last_reviewed}, over {REVIEW_MONTHS} months ago",
                  "check the facts and update `last_reviewed`", severity=WARNING,
                  code="stale-review", args=(s.id,))
    for page in c.project.pages:
        if page.meta.last_reviewed < limit:
            c.problems.append(Problem(page.path, 2, 1, f"the page was last reviewed on "
                                      f"{page.meta.last_reviewed}, over {REVIEW_MONTHS} months ago",
                                      hint="check it and update `last_reviewed`",
                                      severity=WARNING, code="stale-review"))
    soon = today + dt.timedelta(days=PROVISIONAL_WARNING_DAYS)
    for i, p in c.dated():
        dated: list[tuple[tuple, dt.date, str]] = [
            (("registration", "opens"), p.registration.opens, p.registration_dates),
            (("registration", "closes"), p.registration.closes, p.registration_dates),
            (("start",), p.start, p.dates)]
        dated += [(("events", j, "date"), e.date, p.event_dates(e)) for j, e in enumerate(p.events)]
        for path, day, state in dated:
            if state == "provisional" and today <= day <= soon:
                c.add("periods.yaml", ("periods", i) + path,
                      f"{day} is still provisional and only {(day - today).days} days away",
                      "confirm it with Kela and set `dates: confirmed`",
                      severity=WARNING, code="provisional-dates-soon",
                      args=(str(day), str((day - today).days)))


def planner_lead_times(c: Context) -> None:
    """The planner's lead times are the process page's duration estimates (their minimum): two
    numbers for one fact, so a change to one that forgets the other is a contradiction on the site."""
    proc = c.project.process
    for kind in ("certified", "uncertified"):
        lead, estimate = getattr(proc.planner, f"lead_months_{kind}"), getattr(proc, f"duration_{kind}").min
        if lead != estimate:
            c.add("process.yaml", ("planner", f"lead_months_{kind}"),
                  f"the planner's lead_months_{kind} is {lead} months, but duration_{kind} says at least "
                  f"{estimate}", f"make them equal (the pages show duration_{kind}; the planner uses "
                  f"lead_months_{kind})", severity=WARNING, code="planner-lead-time",
                  args=(kind, lead, estimate))
