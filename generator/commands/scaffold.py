"""`new period` and `new service`: write a complete record for an editor to finish.

The records are appended as text, so the comments and layout of the data file
stay as the editors wrote them. Every text to write is marked `TODO`, which
`check` lists as an error until it is replaced: a half-finished record can be
previewed but never published.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

from generator.check.validate import load_project
from generator.model.errors import DataError, Problem
from generator.model.limits import FIRST_YEAR, LAST_YEAR
from generator.model.messages import say, translate
from generator.model.printable import printable
from generator.model.scalars import ID_RE, PERIOD_ID_RE

TODO = "TODO"


class ScaffoldError(Exception):
    """Why nothing was added: a catalogue text (generator/model/messages.py) and its values, and the
    data problem that stopped it, if one did (shown in the reader's language)."""

    def __init__(self, code: str, problem: Problem | None = None, **values) -> None:
        self.code, self.problem, self.values = code, problem, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        values = dict(self.values)
        if self.problem is not None:
            p = self.problem
            values["problem"] = f"{p.file}:{p.line}:{p.column}: {translate(p, lang)[0]}"
        return say(self.code, lang, **values)


Said = list[tuple[str, dict]]
"""What a command did: catalogue codes (generator/model/messages.py) with their values, one line each."""


def new_period(data_dir: Path, period_id: str, today: dt.date) -> Said:
    """Append period N/YYYY as Kela has not announced it yet (`dates: unannounced`): no dates, the
    services of the latest period N/earlier year, and Finnish comments on filling in the dates; then
    add its addresses to urls.txt and its id to the schemas, so `make check` passes as it is."""
    match = PERIOD_ID_RE.fullmatch(period_id)
    if not match or not FIRST_YEAR <= int(match[2]) <= LAST_YEAR:
        raise ScaffoldError("new-bad-period-id", id=printable(period_id), first=FIRST_YEAR, last=LAST_YEAR)
    project, _ = _project_or_refusal(data_dir, today)
    for i, p in enumerate(project.all_periods):
        if p.id == period_id:
            line = project.line_of("periods.yaml", ("periods", i, "id"))
            raise ScaffoldError("new-period-exists", id=period_id, file=f"{data_dir / 'periods.yaml'}:{line}")
    number, year = match[1], int(match[2])
    models = sorted((p for p in project.periods if p.id.startswith(f"{number}/") and int(p.id[2:]) < year),
                    key=lambda p: p.start)
    if not models:
        raise ScaffoldError("new-no-model", number=number, file=data_dir / "periods.yaml")
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
    said: Said = [("new-period-added", {"id": period_id, "file": data_dir / "periods.yaml", "model": model.id})]
    updated, urls_done = _update_lists(data_dir, today, urls=True)
    if updated:
        said.append(("new-lists-updated", {"files": ", ".join(updated)}))
    if not urls_done:
        said.append(("new-then-urls", {}))
    return said


def new_service(data_dir: Path, service_id: str, today: dt.date) -> Said:
    """Append a complete, commented service template with every text marked TODO, and add its id
    to the schemas. Its addresses wait for urls.txt until its slugs are written (`check` asks)."""
    if not ID_RE.fullmatch(service_id):
        raise ScaffoldError("new-bad-service-id", id=printable(service_id))
    project, _ = _project_or_refusal(data_dir, today)
    for i, s in enumerate(project.services):
        if s.id == service_id:
            line = project.line_of("services.yaml", ("services", i, "id"))
            raise ScaffoldError("new-service-exists", id=service_id, file=f"{data_dir / 'services.yaml'}:{line}")
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
        "    #     updated: <sivun oma päiväys VVVV-KK-PP, jos sivulla on>",
        "    #     verified: <päivä, jona tarkistit tiedot kanta.fi:n sivulta; vain jos tarkistit>",
        "    # source_note: "
        + both("Mistä tiedot ovat, jos julkista sivua ei ole.", "Varifrån uppgifterna kommer."),
    ]
    _append(data_dir / "services.yaml", lines)
    said: Said = [("new-service-added", {"id": service_id, "file": data_dir / "services.yaml"})]
    updated, _ = _update_lists(data_dir, today, urls=False)
    if updated:
        said.append(("new-lists-updated", {"files": ", ".join(updated)}))
    said.append(("new-service-then-urls", {}))
    return said


def _update_lists(data_dir: Path, today: dt.date, *, urls: bool) -> tuple[list[str], bool]:
    """What `make schemas` and `make urls` would write for the added record, written: the schemas'
    lists of ids, and (with `urls`) the record's new addresses added to urls.txt (never one
    removed: a lost address stays for `check` to report). A list that is not there, or data that
    does not load yet (TODO texts elsewhere), is left for the editor's own command. Returns the
    lists written and whether urls.txt is now current for the new record."""
    from generator import TEMPLATE_DIR
    from generator.check.addresses import planned_urls
    from generator.check.json_schemas import write_schemas
    from generator.model import manifest
    from generator.model.plan import SitePlan

    updated = []
    schemas = data_dir.parent / "schemas"
    if schemas.is_dir() and write_schemas(schemas, data_dir=data_dir):
        updated.append("schemas/")
    target = data_dir.parent / manifest.FILE_NAME
    if not urls or not target.is_file() \
            or not target.read_text(encoding="utf-8").startswith(manifest.HEADER.splitlines()[0]):
        return updated, False
    try:
        project, _ = load_project(data_dir, today=today, template_dir=TEMPLATE_DIR)
    except DataError:
        return updated, False
    listed = manifest.read(target)
    added = set(planned_urls(SitePlan(project, today))) - set(listed)
    if added:
        manifest.write(target, listed + sorted(added))
        updated.append(manifest.FILE_NAME)
    return updated, True


def _project_or_refusal(data_dir: Path, today: dt.date):
    try:
        return load_project(data_dir, today=today)
    except DataError as exc:
        errors = [p for p in exc.problems if p.is_error and p.code != "todo"]
        if errors:
            raise ScaffoldError("new-fix-data-first", errors[0]) from None
        raise ScaffoldError("new-finish-todos") from None


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
                shown = dataclasses.replace(errors[0], file=errors[0].file.replace(str(trial), str(path.parent)))
                raise ScaffoldError("new-not-appended", shown, file=path) from None
    fresh = path.with_name(f".{path.name}.new")
    fresh.write_text(text, encoding="utf-8")
    os.replace(fresh, path)
