"""Machine-readable outputs: iCalendar feeds per language, JSON feeds, and an Atom feed of the
change log per language.

Determinism: icalendar adds a random UID and DTSTAMP=now unless told
otherwise, so both are always passed: UIDs derive from ids, DTSTAMP from the
record's `last_reviewed`. The VTIMEZONE comes from the pinned tzdata. The Atom
feeds' dates come from data/changes.yaml, never from the clock.

How sure each date is travels along: `STATUS:TENTATIVE` in the calendars for a
date that is not confirmed, `dates` and `status_certainty` in the JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from generator.model.dates import next_open_window, period_status, status_certainty, window_status
from generator.model.plan import SitePlan, url_of
from generator.model.schema import Period

HELSINKI = ZoneInfo("Europe/Helsinki")


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _events(site: SitePlan, period: Period, lang: str, host: str) -> list[Event]:
    s = site.project.strings
    page_url = site.absolute(site.url(f"period:{period.id}", lang))
    stamp = _stamp(period.last_reviewed)
    suffix = {"example": f" ({s['date-example'][lang]})", "provisional": f" ({s['provisional'][lang]})",
              "confirmed": ""}
    # A calendar shows no page notice: an example date says so in its own description.
    note = f"{s['example-note'][lang]}: {s['example-note-url'][lang]}"
    uid = f"{period.slug}-{lang}@{host}"
    items = []

    def mark(ev: Event, state: str) -> None:
        ev.add("status", "CONFIRMED" if state == "confirmed" else "TENTATIVE")
        if state == "example":
            ev.add("description", note)

    def all_day(kind: str, summary: str, first: dt.date, last: dt.date, state: str) -> Event:
        ev = Event()
        ev.add("uid", f"{kind}-{uid}")
        ev.add("dtstamp", stamp)
        ev.add("summary", summary + suffix[state])
        ev.add("dtstart", first)
        ev.add("dtend", last + dt.timedelta(days=1))  # exclusive end (RFC 5545)
        ev.add("url", page_url)
        ev.add("transp", "TRANSPARENT")
        mark(ev, state)
        items.append(ev)
        return ev

    title = s["title-period"][lang].format(id=period.id)
    all_day("registration", f"{s['registration'][lang]}: {title}", period.registration.opens,
            period.registration.closes, period.registration_dates)
    # The last day on its own, with a reminder a week before (process.yaml planner.reminder_days):
    # the two-month block above is easy to overlook in a calendar.
    last_day = all_day("registration-closes", f"{s['registration-last-day'][lang]}: {title}",
                       period.registration.closes, period.registration.closes, period.registration_dates)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", str(last_day["summary"]))
    alarm.add("trigger", -dt.timedelta(days=site.project.process.planner.reminder_days))
    last_day.add_component(alarm)
    all_day("period", title, period.start, period.end, period.dates)
    events_by_kind = {e.kind: e for e in site.project.process.support_events}
    for event in period.events:
        name = event.title[lang] if event.title else events_by_kind[event.kind].name[lang]
        state = period.event_dates(event)
        ev = Event()
        ev.add("uid", f"event-{event.id}-{uid}")
        ev.add("dtstamp", stamp)
        ev.add("summary", f"{name} ({period.id})" + suffix[state])
        ev.add("dtstart", dt.datetime.combine(event.date, event.start, HELSINKI))
        ev.add("dtend", dt.datetime.combine(event.date, event.end, HELSINKI))
        where = s["online"][lang] if event.online else ""
        if event.place:
            where = f"{where}, {event.place[lang]}" if where else event.place[lang]
        ev.add("location", where + suffix[state])  # as sure as the event's date
        ev.add("url", page_url)
        mark(ev, state)
        items.append(ev)
    return items


def calendar(site: SitePlan, periods: list[Period], lang: str, name: str, cal_id: str) -> bytes:
    """One iCalendar file: the periods' events, with the VTIMEZONE of Helsinki time for the years
    they span (icalendar's own add_missing_timezones)."""
    host = urlsplit(site.project.config.site_url).hostname or "localhost"
    cal = Calendar()
    cal.add("prodid", f"-//{site.project.config.organisation[lang]}//{host}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("uid", f"{cal_id}-{lang}@{host}")
    for period in periods:
        for event in _events(site, period, lang, host):
            cal.add_component(event)
    if periods:
        first = min(p.registration.opens for p in periods)
        last = max(p.end for p in periods)
        cal.add_missing_timezones(first_date=dt.date(first.year, 1, 1), last_date=dt.date(last.year + 1, 1, 1))
    return cal.to_ical()


def calendars(site: SitePlan) -> dict[str, bytes]:
    """Every .ics file, by output-relative path: one with all periods, one per period, per language."""
    s = site.project.strings
    periods = site.project.periods
    files = {}
    for lang in site.project.languages:
        all_name = f"{site.project.config.site_name[lang]}: {s['title-schedule'][lang]}"
        files[site.feed_file(lang, s["feed-all"][lang])] = calendar(site, periods, lang, all_name, "all")
        for period in periods:
            name = s["title-period"][lang].format(id=period.id)
            files[site.feed_file(lang, period.slug)] = calendar(site, [period], lang, name, period.slug)
    return files


def json_feeds(site: SitePlan) -> dict[str, bytes]:
    """`api/services.json` and `api/periods.json` (documented in the README), by output path."""
    p = site.project
    langs = p.languages
    origin = site.origin
    today = site.today

    def urls(key: str) -> dict[str, str]:
        return {lang: origin + site.url(key, lang) for lang in langs}

    services = []
    for s in p.services:
        nxt = next_open_window(p.periods, today, s.id)
        shown = nxt if nxt and s.registration.required else None
        services.append({
            "id": s.id, "kind": s.kind, "extends": s.extends,
            "name": s.name.root, "former_names": [n.root for n in s.former_names],
            "sectors": s.sectors, "url": urls(f"service:{s.id}"),
            "registration_required": s.registration.required,
            "vendor_exception": s.registration.vendor_exception,
            "next_registration_closes": shown.registration.closes.isoformat() if shown else None,
            "next_registration_dates": shown.registration_dates if shown else None,
            "next_period": shown.id if shown else None,
            "last_reviewed": s.last_reviewed.isoformat(),
            # Where the facts come from (the page's Lähteet/Källor): language → address, the page's own
            # date or its copy's, and the day a person verified the live page (null: nobody has).
            "sources": [{"title": src.title.root, "url": {lang: src.href(lang) for lang in langs},
                         **{key: day.isoformat() if (day := getattr(src, key)) else None
                            for key in ("updated", "seen", "verified")}}
                        for src in s.all_sources()],
            "source_notes": [n.root for n in s.all_source_notes()],
        })
    periods = []
    for period in p.periods:
        status = period_status(period, today)
        window = window_status(period.registration, today)
        periods.append({
            "id": period.id, "url": urls(f"period:{period.id}"),
            "status": status, "status_certainty": status_certainty(period, status),
            "start": period.start.isoformat(), "end": period.end.isoformat(),
            "dates": period.dates,
            # `provisional` is kept for readers of the earlier format: true unless confirmed.
            "provisional": period.dates != "confirmed",
            "registration": {"opens": period.registration.opens.isoformat(),
                             "closes": period.registration.closes.isoformat(),
                             "dates": period.registration_dates,
                             "provisional": period.registration_dates != "confirmed",
                             "status": window, "status_certainty": period.registration_dates},
            "events": [{"id": e.id, "kind": e.kind, "date": e.date.isoformat(),
                        "start": e.start.strftime("%H:%M"), "end": e.end.strftime("%H:%M"),
                        "timezone": p.config.timezone, "online": e.online,
                        "place": e.place.root if e.place else None,
                        "dates": period.event_dates(e),
                        "provisional": period.event_dates(e) != "confirmed"} for e in period.events],
            "accepts": period.accepts,
            "calendar": {lang: origin + site.base_path + "/" + site.feed_file(lang, period.slug)
                         for lang in langs},
        })
    meta = {"generated_for": today.isoformat(), "languages": langs,
            "calendar_all": {lang: origin + site.base_path + "/" +
                             site.feed_file(lang, p.strings["feed-all"][lang]) for lang in langs}}
    files = {}
    for name, items in (("services", services), ("periods", periods)):
        body = {**meta, name: items}
        files[f"api/{name}.json"] = (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


# ---------------------------------------------------------------------------
# Atom (RFC 4287): the change log, one feed per language
# ---------------------------------------------------------------------------

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", ATOM)  # <feed xmlns="…">, not <ns0:feed>


def _atom_tag(tag: str) -> str:
    """An Atom element's qualified name for ElementTree."""
    return f"{{{ATOM}}}{tag}"


def _atom_time(day: dt.date) -> str:
    """Midnight in Helsinki of a change's day, as RFC 3339 (Atom's date construct)."""
    return dt.datetime.combine(day, dt.time(0), HELSINKI).isoformat()


def _entry_id(host: str, change, lang: str) -> str:
    """A tag: URI (RFC 4151) from what never changes once published: the host, the change's
    date and id, and the language (each language's feed has its own entries)."""
    return f"tag:{host},{change.date.isoformat()}:changes/{lang}/{change.id}"


def atom_feeds(site: SitePlan) -> dict[str, bytes]:
    """`<lang>/<slug-changes>.atom` per language, by output-relative path."""
    p = site.project
    origin = site.origin
    host = urlsplit(p.config.site_url).hostname or "localhost"
    s = p.strings
    newest = site.by_key["changes"].updated
    files = {}
    for lang in p.languages:
        feed = ET.Element(_atom_tag("feed"), {XML_LANG: lang})
        feed_url = origin + site.changes_feed(lang)
        page_url = origin + site.url("changes", lang)
        ET.SubElement(feed, _atom_tag("id")).text = feed_url
        ET.SubElement(feed, _atom_tag("title")).text = f"{p.config.site_name[lang]}: {s['title-changes'][lang]}"
        ET.SubElement(feed, _atom_tag("updated")).text = _atom_time(newest)
        author = ET.SubElement(feed, _atom_tag("author"))
        ET.SubElement(author, _atom_tag("name")).text = p.config.organisation[lang]
        ET.SubElement(feed, _atom_tag("link"), {"rel": "self", "type": "application/atom+xml", "href": feed_url})
        ET.SubElement(feed, _atom_tag("link"), {"rel": "alternate", "type": "text/html", "href": page_url})
        for change in site.changes:
            entry = ET.SubElement(feed, _atom_tag("entry"))
            ET.SubElement(entry, _atom_tag("id")).text = _entry_id(host, change, lang)
            ET.SubElement(entry, _atom_tag("title")).text = change.text[lang]
            ET.SubElement(entry, _atom_tag("updated")).text = _atom_time(change.date)
            ET.SubElement(entry, _atom_tag("link"), {"rel": "alternate", "type": "text/html",
                                             "href": f"{page_url}#change-{change.id}"})
            for key in site.change_keys(change):
                ET.SubElement(entry, _atom_tag("link"), {"rel": "related", "type": "text/html",
                                                 "href": origin + site.url(key, lang),
                                                 "title": site.by_key[key].titles[lang]})
            if change.details:
                import markdown  # here: the parent process of a build need not import it otherwise

                # Site paths in the Markdown (/fi/palvelut/) become absolute: a feed reader
                # has no page to resolve them against.
                body = markdown.markdown(change.details[lang]).replace('href="/', f'href="{origin}/')
                ET.SubElement(entry, _atom_tag("content"), {"type": "html"}).text = body
        ET.indent(feed)
        files[site.changes_feed(lang).removeprefix(site.base_path + "/")] = \
            ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
    return files


__all__ = ["calendars", "json_feeds", "atom_feeds", "calendar", "url_of"]
