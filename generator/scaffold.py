"""`new period` and `new service`: write a complete record for an editor to finish.

The records are appended as text, so the comments and layout of the data file
stay as the editors wrote them. Every text to write is marked `TODO`, which
`check` lists as an error until it is replaced: a half-finished record can be
previewed but never published.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .errors import DataError, Problem
from .limits import FIRST_YEAR, LAST_YEAR
from .models import ID_RE, PERIOD_ID_RE
from .printable import printable
from .validate import load_project

TODO = "TODO"


class ScaffoldError(Exception):
    pass


def new_period(data_dir: Path, period_id: str, today: dt.date) -> str:
    """Append period N/YYYY as Kela has not announced it yet (`dates: unannounced`): no dates, the
    services of the latest period N/earlier year, and Finnish comments on filling in the dates."""
    match = PERIOD_ID_RE.fullmatch(period_id)
    if not match or not FIRST_YEAR <= int(match[2]) <= LAST_YEAR:
        raise ScaffoldError(f"'{printable(period_id)}' is not a period id: write it as N/YYYY with a year "
                            f"from {FIRST_YEAR} to {LAST_YEAR}, e.g. 1/2028")
    project, _ = _load(data_dir, today)
    if any(p.id == period_id for p in project.all_periods):
        raise ScaffoldError(f"period {period_id} already exists in {data_dir / 'periods.yaml'}")
    number, year = match[1], int(match[2])
    models = sorted((p for p in project.periods if p.id.startswith(f"{number}/") and int(p.id[2:]) < year),
                    key=lambda p: p.start)
    if not models:
        raise ScaffoldError(f"no earlier period {number}/YYYY to copy the pattern from; "
                            "copy a period in periods.yaml by hand")
    model = models[-1]
    lines = [
        f'  - id: "{period_id}"',
        "    # Kela ei ole vielä julkaissut jakson päivämääriä: sivustolla jakso näkyy ilman päivämääriä,",
        "    # eikä se ole kalentereissa, aikajanalla eikä suunnittelijassa. Kun Kela julkaisee ne:",
        "    #   1. kirjoita tähän start, end, registration (opens, closes) ja events,",
        f"    #      samassa muodossa kuin jaksossa {model.id};",
        "    #   2. vaihda `dates: unannounced` muotoon `dates: confirmed`",
        "    #      (tai `dates: provisional`, jos Kela kertoo päivämäärien olevan alustavia);",
        "    #   3. aja make check.",
        "    dates: unannounced",
        "    accepts:",
        *[f"      - {sid}" for sid in model.accepts],
        f"    last_reviewed: {today.isoformat()}",
    ]
    _append(data_dir / "periods.yaml", lines)
    return f"Added period {period_id} to {data_dir / 'periods.yaml'} (dates not yet published by Kela)."


def new_service(data_dir: Path, service_id: str, today: dt.date) -> str:
    """Append a complete, commented service template with every text marked TODO."""
    if not ID_RE.fullmatch(service_id):
        raise ScaffoldError(f"'{printable(service_id)}' is not a valid id: use lowercase a-z, digits "
                            "and hyphens")
    project, _ = _load(data_dir, today)
    if any(s.id == service_id for s in project.services):
        raise ScaffoldError(f"service {service_id} already exists in {data_dir / 'services.yaml'}")
    langs = project.languages

    def text(key: str, comment: str, indent: int = 4) -> list[str]:
        pad = " " * indent
        return [f"{pad}{key}:  # {comment}"] + [f"{pad}  {lang}: {TODO}" for lang in langs]

    def both(fi: str, sv: str) -> str:
        """A commented example text in the site's languages (Finnish and Swedish)."""
        return "{" + ", ".join(f"{lang}: {fi if lang == langs[0] else sv}" for lang in langs) + "}"

    # Every field of a service, in the order of data/services.yaml; the optional ones commented out
    # with a Finnish note (the editors' language) on what they are for. The Swedish (every other
    # language's) slug is a to-do: a translated address, not the Finnish id.
    lines = [
        f"  - id: {service_id}",
        "    # Sivun osoite kielittäin (a–z, 0–9 ja väliviivat). Käännä muiden kielten osoitteet:",
        "    # kirjoita palvelun nimi sillä kielellä osoitteeksi, esim. sv: recepttjansten.",
        "    slug:",
        *[f"      {lang}: {service_id if lang == langs[0] else 'todo'}" for lang in langs],
        "    kind: service  # tai functionality (toiminnallisuus): silloin myös extends alla",
        "    # extends: <palvelun id>  # vain toiminnallisuudelle: palvelu, jota se laajentaa",
        *text("name", "nykyinen nimi"),
        "    # former_names:  # aiemmat nimet, joita yhä käytetään (haku löytää sivun niillä)",
        f"    #   - {both('Vanha nimi', 'Gammalt namn')}",
        "    # keywords:  # lisää hakusanoja pilkuin eroteltuina, kielittäin",
        *[f"    #   {lang}: {'sana, toinen sana' if lang == langs[0] else 'ord, ett annat ord'}"
          for lang in langs],
        *text("summary", "mikä palvelu on, yhdellä tai kahdella virkkeellä"),
        *text("who", "kenen on otettava palvelu käyttöön tai kuka voi ottaa sen käyttöön"),
        "    sectors:  # kohderyhmät tiedostosta site.yaml: " + ", ".join(s.id for s in project.config.sectors),
        f"      - {project.config.sectors[0].id}",
        "    requires:  # yhteiset edellytykset (tunnisteet tiedostosta requirements.yaml)",
        f"      - {project.requirements[0].id}",
        "    # requires_services:  # palvelut, joiden on oltava käytössä ensin",
        "    #   - <palvelun id>",
        "    steps:  # käyttöönoton vaiheet järjestyksessä; who on rooli tiedostosta site.yaml",
        f"      - who: {project.config.roles[0].id}",
        *text("title", "vaihe muutamalla sanalla, ohjeena", 8),
        *text("text", "mitä tarkalleen tehdään", 8),
        "    # duration:  # tyypillinen kesto; ilman tätä sivulla näkyy yleinen arvio",
        f"    #   certified: {both('1–3 kuukautta', '1–3 månader')}",
        f"    #   uncertified: {both('3–6 kuukautta', '3–6 månader')}",
        "    registration:",
        "      required: true  # ilmoittaudutaanko jaksolle (true/false)",
        "      vendor_exception: false  # koskeeko järjestelmätoimittajan täyden tuen poikkeus",
        f"      # note: {both('Palvelua koskeva lisätieto.', 'Tilläggsuppgift om tjänsten.')}",
        "    # links:  # lisätietoja; kind: service-description, application, instructions, form tai other",
        "    #   - kind: instructions",
        f"    #     title: {both('Ohje', 'Anvisning')}",
        "    #     url: <osoite, joka alkaa https://>",
        f"    contact: {project.config.contacts[0].id}  # yhteystieto tiedostosta site.yaml",
        f"    last_reviewed: {today.isoformat()}  # milloin tarkistit tiedot (VVVV-KK-PP)",
        "    # uses_periods: false  # vain palvelulle, joka otetaan käyttöön jaksojen ulkopuolella",
        "    # redirect_from:  # aiemmat osoitteet, kun osoite muuttuu (ks. opas)",
        f"    #   - {both('vanha-osoite', 'gammal-adress')}",
        "    # sources:  # julkiset sivut, joilta tiedot ovat",
        f"    #   - title: {both('Sivun otsikko', 'Sidans rubrik')}",
        "    #     url: <osoite, joka alkaa https://>",
        f"    #     checked: {today.isoformat()}",
        "    # source_note: "
        + both("Mistä tiedot ovat, jos julkista sivua ei ole.", "Varifrån uppgifterna kommer."),
    ]
    _append(data_dir / "services.yaml", lines)
    return (f"Added service {service_id} to {data_dir / 'services.yaml'}. Replace every TODO (and the "
            "other languages' slug `todo`), then run `make check`; add the service to the periods that "
            "accept it (`accepts:` in periods.yaml); then `make urls` and `make schemas`.")


def _load(data_dir: Path, today: dt.date):
    try:
        return load_project(data_dir, today=today)
    except DataError as exc:
        errors = [p for p in exc.problems if p.is_error and p.code != "todo"]
        if errors:
            raise ScaffoldError("fix the data first (run `make check`): " + _first(errors)) from None
        raise ScaffoldError("finish the TODO texts first (run `make check`)") from None


def _first(problems: list[Problem]) -> str:
    p = problems[0]
    return f"{p.file}:{p.line}:{p.column}: {p.message}"


def _append(path: Path, lines: list[str]) -> None:
    """Append the record, but only if the result is valid: it is tried on a copy of the data
    folder first, and the file is then replaced in one rename, so an invalid record (the list no
    longer the file's last key, a date out of range) or an interruption never leaves the
    editor's file half-written."""
    import shutil
    import tempfile

    original = path.read_text(encoding="utf-8")
    text = original if original.endswith("\n") else original + "\n"
    text += "\n".join(lines) + "\n"
    with tempfile.TemporaryDirectory(prefix="kg-new-") as tmp:
        trial = Path(tmp) / path.parent.name
        shutil.copytree(path.parent, trial, symlinks=True)
        (trial / path.name).write_text(text, encoding="utf-8")
        try:
            load_project(trial, content_dir=path.parent.parent / "content", today=dt.date(2000, 1, 1))
        except DataError as exc:
            errors = [p for p in exc.problems
                      if p.is_error and p.code != "todo" and p.file.endswith(path.name)]
            if errors:
                raise ScaffoldError(f"could not append to {path} (nothing was changed): " + _first(
                    errors).replace(str(trial), str(path.parent))) from None
    fresh = path.with_name(f".{path.name}.new")
    fresh.write_text(text, encoding="utf-8")
    os.replace(fresh, path)
