"""Machine-readable outputs: iCalendar feeds per language and JSON feeds.

Determinism: icalendar adds a random UID and DTSTAMP=now unless told
otherwise, so both are always passed: UIDs derive from ids, DTSTAMP from the
record's `last_reviewed`. The VTIMEZONE comes from the pinned tzdata.
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from . import dates as d
from .models import Period
from .render import Site, url_of

HELSINKI = ZoneInfo("Europe/Helsinki")


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def feed_path(site: Site, lang: str, name: str) -> str:
    """Path below the output root: fi/kalenteri/kaikki.ics."""
    return f"{lang}/{site.project.strings['slug-feeds'][lang]}/{name}.ics"


def _events(site: Site, period: Period, lang: str, host: str) -> list[Event]:
    s = site.project.strings
    origin = site.project.site.site_url.rstrip("/")
    page_url = origin.removesuffix(site.base_path) + site.url(f"period:{period.id}", lang)
    stamp = _stamp(period.last_reviewed)
    prov = f" ({s['provisional'][lang]})"
    uid = f"{period.slug}-{lang}@{host}"
    items = []

    def all_day(kind: str, summary: str, first: dt.date, last: dt.date, provisional: bool):
        ev = Event()
        ev.add("uid", f"{kind}-{uid}")
        ev.add("dtstamp", stamp)
        ev.add("summary", summary + (prov if provisional else ""))
        ev.add("dtstart", first)
        ev.add("dtend", last + dt.timedelta(days=1))  # exclusive end (RFC 5545)
        ev.add("url", page_url)
        ev.add("transp", "TRANSPARENT")
        items.append(ev)

    title = s["title-period"][lang].format(id=period.id)
    all_day("registration", f"{s['registration'][lang]}: {title}", period.registration.opens,
            period.registration.closes, period.registration.provisional)
    all_day("period", title, period.start, period.end, period.provisional)
    events_by_kind = {e.kind: e for e in site.project.process.support_events}
    for event in period.events:
        name = event.title[lang] if event.title else events_by_kind[event.kind].name[lang]
        ev = Event()
        ev.add("uid", f"event-{event.id}-{uid}")
        ev.add("dtstamp", stamp)
        ev.add("summary", f"{name} ({period.id})" + (prov if event.provisional else ""))
        ev.add("dtstart", dt.datetime.combine(event.date, event.start, HELSINKI))
        ev.add("dtend", dt.datetime.combine(event.date, event.end, HELSINKI))
        where = s["online"][lang] if event.online else ""
        if event.place:
            where = f"{where}, {event.place[lang]}" if where else event.place[lang]
        ev.add("location", where)
        ev.add("url", page_url)
        items.append(ev)
    return items


_END = b"END:VCALENDAR\r\n"


def calendar(site: Site, periods: list[Period], lang: str, name: str, cal_id: str,
             parts: dict | None = None) -> bytes:
    """One iCalendar file: exactly `cal.to_ical()` after `cal.add_missing_timezones(…)`, but put
    together from serialised pieces -- each component's own to_ical(), as icalendar writes a
    calendar line by line -- so that write_calendars makes every period's events and every
    VTIMEZONE once for all the calendars they are in (`parts`: shared between the calls)."""
    parts = {} if parts is None else parts
    host = urlsplit(site.project.site.site_url).hostname or "localhost"
    cal = Calendar()
    cal.add("prodid", f"-//{site.project.site.organisation[lang]}//{host}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("uid", f"{cal_id}-{lang}@{host}")
    head = cal.to_ical()
    if not head.endswith(_END):
        raise RuntimeError(f"icalendar no longer ends a calendar with {_END!r}: {head[-40:]!r}")
    events = []
    for period in periods:
        key = ("events", id(period), lang, host)  # the period is kept with them: id() stays its own
        if key not in parts or parts[key][0] is not period:
            parts[key] = (period, [(event, event.to_ical()) for event in _events(site, period, lang, host)])
        events.extend(parts[key][1])
    for event, _ in events:
        cal.add_component(event)
    timezones = []
    if periods:
        first = min(p.registration.opens for p in periods)
        last = max(p.end for p in periods)
        span = (dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1))
        # Calendar.add_missing_timezones: each missing tzid's VTIMEZONE, in the set's order,
        # before the events; unknown ones left out.
        for tzid in cal.get_missing_tzids():
            key = ("timezone", tzid, span)
            if key not in parts:
                try:
                    parts[key] = Timezone.from_tzid(tzid, first_date=span[0], last_date=span[1]).to_ical()
                except ValueError:
                    parts[key] = b""
            timezones.append(parts[key])
    return b"".join([head[: -len(_END)], *timezones, *(text for _, text in events), _END])


def calendars(site: Site) -> dict[str, bytes]:
    """Every .ics file, by output-relative path: one with all periods, one per period, per language."""
    s = site.project.strings
    periods = site.project.periods
    parts: dict = {}
    files = {}
    for lang in site.project.languages:
        all_name = f"{site.project.site.site_name[lang]}: {s['title-schedule'][lang]}"
        files[feed_path(site, lang, s["feed-all"][lang])] = calendar(site, periods, lang, all_name, "all", parts)
        for period in periods:
            name = s["title-period"][lang].format(id=period.id)
            files[feed_path(site, lang, period.slug)] = calendar(site, [period], lang, name, period.slug, parts)
    return files


def json_feeds(site: Site) -> dict[str, bytes]:
    """`api/services.json` and `api/periods.json` (documented in the README), by output path."""
    p = site.project
    langs = p.languages
    origin = p.site.site_url.rstrip("/").removesuffix(site.base_path)
    today = site.today

    def urls(key: str) -> dict[str, str]:
        return {lang: origin + site.url(key, lang) for lang in langs}

    services = []
    for s in p.services:
        nxt = d.next_open_window(p.periods, today, s.id)
        services.append({
            "id": s.id, "kind": s.kind, "extends": s.extends,
            "name": s.name.root, "former_names": [n.root for n in s.former_names],
            "sectors": s.sectors, "url": urls(f"service:{s.id}"),
            "registration_required": s.registration.required,
            "vendor_exception": s.registration.vendor_exception,
            "next_registration_closes": nxt.registration.closes.isoformat() if nxt and
            s.registration.required else None,
            "next_period": nxt.id if nxt and s.registration.required else None,
            "last_reviewed": s.last_reviewed.isoformat(),
            # Where the facts come from (the page's Lähteet/Källor): language → address, and the day checked.
            "sources": [{"title": src.title.root, "url": {lang: src.href(lang) for lang in langs},
                         "checked": src.checked.isoformat()} for src in s.all_sources()],
            "source_notes": [n.root for n in s.all_source_notes()],
        })
    periods = []
    for period in p.periods:
        periods.append({
            "id": period.id, "url": urls(f"period:{period.id}"),
            "status": d.period_status(period, today),
            "start": period.start.isoformat(), "end": period.end.isoformat(),
            "provisional": period.provisional,
            "registration": {"opens": period.registration.opens.isoformat(),
                             "closes": period.registration.closes.isoformat(),
                             "provisional": period.registration.provisional,
                             "status": d.window_status(period.registration, today)},
            "events": [{"id": e.id, "kind": e.kind, "date": e.date.isoformat(),
                        "start": e.start.strftime("%H:%M"), "end": e.end.strftime("%H:%M"),
                        "timezone": p.site.timezone, "online": e.online,
                        "place": e.place.root if e.place else None,
                        "provisional": e.provisional} for e in period.events],
            "accepts": period.accepts,
            "calendar": {lang: origin + site.base_path + "/" + feed_path(site, lang, period.slug)
                         for lang in langs},
        })
    meta = {"generated_for": today.isoformat(), "languages": langs,
            "calendar_all": {lang: origin + site.base_path + "/" +
                             feed_path(site, lang, p.strings["feed-all"][lang]) for lang in langs}}
    files = {}
    for name, items in (("services", services), ("periods", periods)):
        body = {**meta, name: items}
        files[f"api/{name}.json"] = (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


__all__ = ["calendars", "json_feeds", "calendar", "feed_path", "url_of"]
