"""Content a reader can trust: a source for every fact, links in the reader's language,
services outside the periods, the source page's statements on the site, and search keywords.

The allow-list of addresses is the shared notes (`../shared/domain.md` and `../shared/sources/`),
committed as `tests/allowed-addresses.txt`: no address, e-mail or phone number may appear in a
project's `data/` or `content/` unless the notes have it. Here the full fixture's are checked; the
shipped ones, by the content's checks.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.model.plan import SitePlan
from generator.render import keywords
from generator.render.pages import render

from .helpers import (
    ADDRESS_KINDS,
    ALLOW_LIST,
    CONTENT,
    DATA,
    ROOT,
    TODAY,
    URL_RE,
    addresses_not_in_the_notes,
    edit,
    found_in,
    run_check,
    unavailable,
    verify_every_source,
)

GOLDEN = Path(__file__).parent / "golden"


# ---------------------------------------------------------------------------
# Every address is one the shared notes know
# ---------------------------------------------------------------------------

def shared_notes() -> Path | None:
    """The shared notes next to the repository (../shared), or next to a git worktree's folder."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "domain.md").is_file():
            return base / "shared"
    return None


def notes_text(found: Path) -> str:
    files = [found / "domain.md", *sorted((found / "sources").glob("*"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in files if p.is_file())


def allow_list_text(notes: str) -> str:
    lines = ["# Every address, e-mail and phone number the shared notes (../shared/domain.md and",
             "# ../shared/sources/) give: the only ones data/ and content/ may use. Regenerate with",
             "# pytest tests/test_sources.py --update-goldens after the notes change."]
    for pattern in ADDRESS_KINDS.values():
        lines += sorted(found_in(pattern, notes))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def allowed() -> str:
    return ALLOW_LIST.read_text(encoding="utf-8")


def test_the_allow_list_is_the_shared_notes(request):
    found = shared_notes()
    if found is None:
        unavailable("the shared notes (../shared/domain.md) are not next to this clone: "
                    "the committed tests/allowed-addresses.txt is used as it is")
    expected = allow_list_text(notes_text(found))
    if request.config.getoption("--update-goldens"):
        ALLOW_LIST.write_text(expected, encoding="utf-8")
    assert ALLOW_LIST.read_text(encoding="utf-8") == expected, \
        "the shared notes changed: pytest tests/test_sources.py --update-goldens, then review the diff"


def test_every_address_is_in_the_shared_notes():
    """The full fixture's addresses, e-mails and phone numbers (the shipped ones: the content's checks)."""
    unknown = addresses_not_in_the_notes(DATA, CONTENT)
    assert not unknown, "not in ../shared/domain.md or ../shared/sources/ (never invent one):\n" + "\n".join(unknown)


def test_the_sites_own_placeholder_address_is_no_fact(data_copy: Path):
    """site_url is left out only while site.yaml marks it unknown: then it is a placeholder."""
    edit(data_copy, "site.yaml", "site_url: https://", "site_url: https://invented.fi/x/")
    assert addresses_not_in_the_notes(data_copy, data_copy.parent / "content") == []
    edit(data_copy, "site.yaml", "site_url_known: false\n", "")
    unknown = addresses_not_in_the_notes(data_copy, data_copy.parent / "content")
    assert len(unknown) == 1 and unknown[0].startswith("data/site.yaml: https://invented.fi/x/"), unknown


def test_the_allow_list_check_catches_an_invented_address(allowed):
    """The same comparison, on an address that is not in the notes: it must be reported."""
    invented = "https://www.kanta.fi/ammattilaiset/kayttoonottoon-ilmoittautuminen"
    assert invented not in found_in(URL_RE, allowed)
    assert "https://www.kanta.fi/ammattilaiset/kayttoonotto" in found_in(URL_RE, allowed)  # exact, not a prefix


# ---------------------------------------------------------------------------
# check: sources, link languages, services outside the periods
# ---------------------------------------------------------------------------

def test_the_fixture_names_a_source_for_every_fact():
    result = run_check(DATA)
    assert result.exit_code == 0, result.output
    for code_text in ("has no source", "leads to a", "links to a"):
        assert code_text not in result.output, result.output
    project, _ = load_project(DATA, CONTENT, today=TODAY)
    assert project.process.sources
    for fact in [*project.services, *project.requirements]:
        assert fact.sources or fact.source_note, fact.id
        for source in fact.sources:
            assert all(day is None or day <= TODAY for day in (source.updated, source.seen, source.verified))


def source_mistakes(data: Path) -> None:
    """An editor's slips: a service without sources, an old check date, a Swedish address in the
    Finnish slot, a Swedish kanta.fi link in a Finnish page."""
    services = (data / "services.yaml").read_text(encoding="utf-8")
    start = services.index("    sources:\n", services.index("  - id: prescription"))
    end = services.index("\n\n  - id: patient-data-repository")
    (data / "services.yaml").write_text(services[:start].rstrip("\n") + services[end:], encoding="utf-8")
    edit(data, "requirements.yaml", "        updated: 2021-06-09",
         "        updated: 2021-06-09\n        verified: 2025-06-30")
    edit(data, "requirements.yaml", "          fi: https://www.kanta.fi/ammattilaiset/kanta-ekstranet",
         "          fi: https://www.kanta.fi/sv/professionella/extranet")
    page = data.parent / "content" / "fi" / "kysymyksia.md"
    link = "[Extranät](https://www.kanta.fi/sv/professionella/extranet)"
    page.write_text(page.read_text(encoding="utf-8") + f"\nKatso {link}.\n", encoding="utf-8")


def test_source_warnings_golden(data_copy: Path, request):
    """The report for those slips, in English and Finnish (warnings only: the build goes on)."""
    source_mistakes(data_copy)
    for lang in ("en", "fi", "sv"):
        result = run_check(data_copy, "--lang", lang)
        assert result.exit_code == 0, result.output
        lines = [ln for ln in result.output.replace(str(data_copy.parent) + "/", "").splitlines()
                 if "periods.yaml" not in ln and "provisional" not in ln and "Kela" not in ln
                 and not ln[:1].isdigit()]  # the count includes the example-date warnings of periods.yaml
        output = "\n".join(lines) + "\n"
        golden = GOLDEN / f"check-sources.{lang}.txt"
        if request.config.getoption("--update-goldens"):
            golden.write_text(output, encoding="utf-8")
        assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("verified, expected", [
    ("2025-11-24", "over 12 months ago"),  # a year and a day
    ("2025-11-26", None),  # within the year
    ("2026-12-24", "after today"),  # a typo in the year would never age
])
def test_source_age(data_copy: Path, verified, expected):
    """A verified source ages from its verification, not from the page's older date."""
    edit(data_copy, "process.yaml", "    updated: 2021-06-09", f"    updated: 2021-06-09\n    verified: {verified}")
    output = run_check(data_copy).output
    here = "\n".join(ln for ln in output.splitlines() if "[sources.0." in ln and "process.yaml" in ln)
    for message in ("over 12 months ago", "after today"):
        assert (message in here) == (message == expected), output


def test_an_unverified_source_ages_from_the_pages_own_date(data_copy: Path):
    edit(data_copy, "process.yaml", "    updated: 2021-06-09", "    updated: 2025-11-26")
    assert "[sources.0.updated]" not in run_check(data_copy).output
    edit(data_copy, "process.yaml", "    updated: 2025-11-26", "    updated: 2025-11-24")
    assert "date from 2025-11-24, over 12 months ago [sources.0.updated]" in run_check(data_copy).output


def _source_entries(data: Path) -> int:
    project, _ = load_project(data, data.parent / "content", today=TODAY, publishing=True)
    facts = [project.process, *project.services, *project.requirements]
    data = sum(len(item.sources) for fact in facts for item in [fact, *getattr(fact, "steps", [])])
    return data + sum(len(page.meta.sources) for page in project.pages)


def _codes(result) -> list[str]:
    return [p["code"] for p in json.loads(result.output)["problems"]]


def test_unverified_sources_are_publishing_work(data_copy: Path):
    """`check` counts the unverified sources, of the data and of the pages' front matter, in one
    warning; `check --strict` lists each one and fails; once every source records a verification,
    neither mentions them."""
    entries = _source_entries(data_copy)
    pages = [page for page in (data_copy.parent / "content").glob("*/*.md")
             if "\nsources:\n" in page.read_text(encoding="utf-8")]
    assert entries > 1 and pages
    everyday = run_check(data_copy, "--format", "json")
    assert _codes(everyday).count("unverified-sources") == 1 and "unverified-source" not in _codes(everyday)
    summary = next(p for p in json.loads(everyday.output)["problems"] if p["code"] == "unverified-sources")
    assert f": {entries} (" in summary["message"]
    strict = run_check(data_copy, "--strict", "--format", "json")
    assert strict.exit_code == 1 and _codes(strict).count("unverified-source") == entries
    listed = {p["file"] for p in json.loads(strict.output)["problems"] if p["code"] == "unverified-source"}
    assert {page.relative_to(data_copy.parent).as_posix() for page in pages} <= {
        Path(f).relative_to(data_copy.parent).as_posix() if Path(f).is_absolute() else f for f in listed}, listed
    for name in ("process.yaml", "services.yaml", "requirements.yaml"):
        verify_every_source(data_copy / name, "2026-11-20")
    assert "unverified-source" in _codes(run_check(data_copy, "--strict", "--format", "json"))  # the pages'
    for page in pages:
        verify_every_source(page, "2026-11-20")
    verified = _codes(run_check(data_copy, "--strict", "--format", "json"))
    assert not {"unverified-source", "unverified-sources"} & set(verified), verified


def test_the_old_checked_key_names_the_new_ones(data_copy: Path):
    edit(data_copy, "process.yaml", "    updated: 2021-06-09", "    checked: 2026-11-20")
    result = run_check(data_copy, "--lang", "fi")
    assert result.exit_code == 1
    line = next(n for n, ln in enumerate((data_copy / "process.yaml").read_text().splitlines(), 1)
                if "checked:" in ln)
    assert f"process.yaml:{line}:" in result.output
    for key in ("`checked: 2026-11-20`", "`updated:`", "`seen:`", "`verified:`"):
        assert key in result.output, result.output


@pytest.mark.parametrize("new, warned", [
    # The Swedish address pasted into the Finnish slot too: a mistake (one page is written once).
    ("        url:\n          fi: https://www.kanta.fi/sv/professionella/inforande-av-recepttjansten\n"
     "          sv: https://www.kanta.fi/sv/professionella/inforande-av-recepttjansten\n", True),
    ("        url:\n          fi: https://www.kanta.fi/sv/professionella/utvidgning-av-anvandningen\n"
     "          sv: https://www.kanta.fi/sv/professionella/inforande-av-recepttjansten\n", True),
    # One address for every language: a page in one language, and the link says so.
    ("        url: https://www.kanta.fi/sv/professionella/inforande-av-recepttjansten\n", False),
    # The editor says which language the page is in.
    ("        url:\n          fi: https://www.kanta.fi/sv/professionella/utvidgning-av-anvandningen\n"
     "          sv: https://www.kanta.fi/sv/professionella/inforande-av-recepttjansten\n"
     "        page_language: {fi: sv}\n", False),
    # A Finnish address in the Swedish slot.
    ("        url:\n          fi: https://www.kanta.fi/ammattilaiset/resepti-palvelun-kayttoonotto\n"
     "          sv: https://www.kanta.fi/ammattilaiset/kayton-laajennus\n", True),
])
def test_link_language_warning(data_copy: Path, new, warned):
    edit(data_copy, "services.yaml",
         "        url:\n          fi: https://www.kanta.fi/ammattilaiset/resepti-palvelun-kayttoonotto\n"
         "          sv: https://www.kanta.fi/sv/professionella/inforande-av-recepttjansten\n", new)
    result = run_check(data_copy)
    assert result.exit_code == 0, result.output
    assert ("leads to a" in result.output) == warned, result.output


@pytest.mark.parametrize("text, warned", [
    ("Katso [Extranät](https://www.kanta.fi/sv/professionella/extranet).", True),
    ("Katso [Extranät (ruotsiksi)](https://www.kanta.fi/sv/professionella/extranet).", False),
    ("Katso [Ekstranet](https://www.kanta.fi/ammattilaiset/kanta-ekstranet).", False),
])
def test_link_language_in_texts(data_copy: Path, text, warned):
    edit(data_copy, "services.yaml", "        Reseptikeskukseen.\n", f"        Reseptikeskukseen. {text}\n")
    assert ("leads to a" in run_check(data_copy).output) == warned


def test_services_outside_the_periods_are_in_no_period(data_copy: Path):
    edit(data_copy, "periods.yaml", "      - patient-data-repository\n",
         "      - patient-data-repository\n      - kelain\n")
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert "accepts kelain, which is not taken into use in periods" in result.output
    fi = run_check(data_copy, "--lang", "fi").output
    assert "ottaa vastaan palvelun kelain, jota ei oteta käyttöön jaksoilla" in fi


def test_a_service_outside_the_periods_needs_no_registration(data_copy: Path):
    services = (data_copy / "services.yaml").read_text(encoding="utf-8")
    kelain = services.index("  - id: kelain")
    rest = services[kelain:].replace("      required: false", "      required: true", 1)
    services = services[:kelain] + rest
    (data_copy / "services.yaml").write_text(services, encoding="utf-8")
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert "kelain is not taken into use in periods (`uses_periods: false`) but requires registration" \
        in result.output


@pytest.mark.parametrize("page, message", [
    ("service:kelian", "there is no page with the id 'service:kelian'"),
    ("Registration", "is not a page of the site"),
])
def test_search_terms_name_pages_that_exist(data_copy: Path, page, message):
    edit(data_copy, "search_terms.yaml", "    pages: [registration]", f"    pages: [{page}]")
    result = run_check(data_copy)
    assert result.exit_code == 1
    assert message in result.output


# ---------------------------------------------------------------------------
# The pages: sources last, in the reader's language; services outside the periods
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    return site, render(site)


def page_md(real, key: str, lang: str) -> str:
    site, files = real
    return files[f"{lang}/docs/{site.by_key[key].paths[lang]}"]


SOURCES_HEADING = {"fi": "## Lähteet", "sv": "## Källor"}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_pages_end_with_their_sources(real, lang):
    site, _ = real
    keys = ["process", "registration", "requirements", "customer"] + \
        [p.key for p in site.pages if p.key.startswith("service:")]
    for key in keys:
        text = page_md(real, key, lang)
        assert SOURCES_HEADING[lang] in text, key
        tail = text[text.index(SOURCES_HEADING[lang]):]
        assert "## " not in tail[3:], f"{key}: the sources are not the last section"
        assert re.search(r"^- \[[^\]]+\]\(https://[^)]+\)(\{: [^}]+ \})? \(", tail, re.M), key


def test_a_page_in_the_other_language_says_so(real):
    """A page in the site's other language keeps its own title, in its language, wherever it is
    named; a source says what is known of it and never a check that did not happen."""
    site, _ = real
    strings = site.project.strings
    imaging = next(s for s in site.project.services if s.id == "imaging-data-repository")
    sv_only = next(src for src in imaging.sources if src.one_page() and src.language("fi") == "sv")
    imaging_fi = page_md(real, "service:imaging-data-repository", "fi")
    assert f"[{sv_only.title['sv']}]({sv_only.href('fi')}){{: hreflang=\"sv\" lang=\"sv\" }} " \
        f"({strings['link-lang-sv']['fi']}, {strings['source-unverified']['fi']})" in imaging_fi
    assert f"[{sv_only.title['fi']}]({sv_only.href('fi')})" not in imaging_fi
    fi_only = next(src for src in site.project.process.sources if src.one_page() and src.language("sv") == "fi")
    assert fi_only.updated is not None and fi_only.verified is None
    process_sv = page_md(real, "process", "sv")
    assert f"[{fi_only.title['fi']}]({fi_only.href('sv')}){{: hreflang=\"fi\" lang=\"fi\" }} " \
        f"({strings['link-lang-fi']['sv']}, {strings['source-updated']['sv']} " \
        f"{fi_only.updated.day}.{fi_only.updated.month}.{fi_only.updated.year}, " \
        f"{strings['source-unverified']['sv']})" in process_sv
    assert f"[{fi_only.title['sv']}]" not in process_sv
    # An /en/ address that serves Finnish text is not called English for Finnish readers.
    certificates = page_md(real, "service:certificate-delivery", "fi")
    assert "deployment-of-delivery-of-medical-certificates) (ohje)" in certificates
    assert "(ohje, englanniksi)" in page_md(real, "requirements", "fi")  # the certification page


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_page_claims_only_the_verification_the_data_records(data_copy: Path, lang):
    strings_of = load_project(data_copy, data_copy.parent / "content", today=TODAY)[0].strings
    verified, unverified = strings_of["source-verified"][lang], strings_of["source-unverified"][lang]
    claimed = re.compile(re.escape(verified) + r" \d")
    before = _render_all(data_copy)
    assert not claimed.search(before[lang]) and unverified in before[lang]
    verify_every_source(data_copy / "requirements.yaml", "2026-11-20")
    after = _render_all(data_copy)
    assert f"{verified} 20.11.2026)" in after[lang]
    assert after[lang].count(unverified) < before[lang].count(unverified)


def _render_all(data: Path) -> dict[str, str]:
    project, _ = load_project(data, data.parent / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    files = render(SitePlan(project, TODAY))
    return {lang: "\n".join(text for path, text in sorted(files.items()) if path.startswith(f"{lang}/docs/"))
            for lang in ("fi", "sv")}


@pytest.mark.parametrize("lang, absent", [
    ("fi", ["Jaksot, joilla palvelun voi ottaa käyttöön", "Tyypillinen kesto", "3–6 kuukautta"]),
    ("sv", ["Perioder då tjänsten kan införas", "Typisk tidsåtgång", "3–6 månader"]),
])
def test_services_outside_the_periods_show_no_periods(real, lang, absent):
    site, _ = real
    outside = [s.id for s in site.project.services if not s.uses_periods]
    assert set(outside) == {"kelain", "kanta-phr", "customer-test-service"}
    for sid in outside:
        text = page_md(real, f"service:{sid}", lang)
        for words in absent + [site.project.strings["service-periods-none"][lang]]:
            assert words not in text, (sid, words)
    assert absent[0] in page_md(real, "service:prescription", lang)


def test_imaging_name_and_old_address(full_site):
    page = (full_site / "fi" / "palvelut" / "kuva-aineistojen-tietovaranto" / "index.html").read_text()
    assert "<h1" in page and "Kuva-aineistojen tietovaranto</h1>" in page
    assert "Kuva-aineistojen arkisto" in page  # the former name stays findable
    redirects = (full_site / "_redirects").read_text()
    assert re.search(r"^/fi/palvelut/kuvantamisen-tietovaranto/\s+"
                     r"/fi/palvelut/kuva-aineistojen-tietovaranto/\s+301", redirects, re.M)
    assert "Kuvantamisen tietovaranto" not in page


def test_json_feed_carries_the_sources(full_site):
    services = json.loads((full_site / "api" / "services.json").read_text())["services"]
    prescription = next(s for s in services if s["id"] == "prescription")
    first = prescription["sources"][0]
    assert first["url"] == {"fi": "https://www.kanta.fi/ammattilaiset/resepti-palvelun-kayttoonotto",
                            "sv": "https://www.kanta.fi/sv/professionella/inforande-av-recepttjansten"}
    assert first["verified"] is None and first["title"]["sv"] == "Införande av Recepttjänsten"
    dated = next(s for s in prescription["sources"] if s["updated"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", dated["updated"]) and dated["verified"] is None
    assert prescription["source_notes"] == []
    imaging = next(s for s in services if s["id"] == "imaging-data-repository")
    assert "Kuva-aineistojen tietovaranto" in imaging["source_notes"][0]["fi"]
    assert all(s["sources"] for s in services)


# ---------------------------------------------------------------------------
# The source page ("Käyttöönottovaihe", kanta.fi 2021) on the process or registration page
# ---------------------------------------------------------------------------

# Each statement of the source page, as (fi, sv) phrases in the site's own words.
STATEMENTS = [
    ("tekniset ja hallinnolliset valmiudet", "tekniskt och administrativt redo"),  # precondition
    ("täyttää lain vaatimukset", "uppfyller kraven i lagstiftningen"),
    ("etenee vaiheittain", "sker stegvis"),
    ("kuinka valmis toimija on", "hur redo aktören är"),
    ("vaativuus vaihtelee", "svårighetsgraden varierar"),
    ("onko käytössä oleva tietojärjestelmä jo sertifioitu", "redan är certifierat"),
    ("noin 3–6 kuukautta", "cirka 3–6 månader"),
    ("vähintään 12 kuukautta", "minst 12 månader"),
    ("uutena vuonna 2021", "som ny 2021"),  # the guidance and support model, new in 2021
    ("kolme käyttöönottojaksoa", "tre införandeperioder per år"),
    ("Tuki ajoitetaan jaksojen mukaan", "Stödet planeras enligt perioderna"),
    ("Käydään läpi tehtävät, joita käyttöönotto edellyttää", "vilka uppgifter införandet kräver"),
    ("Neuvotaan, miten tehtävät tehdään", "råd om hur uppgifterna utförs"),
    ("mitä muutoksia käyttöönotto tuo organisaation toimintaan", "förändringar införandet medför"),
    ("asiakas- ja potilastietojen kirjaamista", "klient- och patientuppgifter dokumenteras"),
    ("on päättänyt, milloin se ottaa palvelun käyttöön, se ilmoittautuu",
     "har bestämt när den tar en tjänst i bruk anmäler den sig"),
    ("Ilmoittautumisia hallinnoi Kela", "FPA administrerar anmälningarna"),
    ("valtakunnallista tukea ja ohjausta", "nationellt stöd och handledning"),
    ("Kela saa tiedon alkavista käyttöönotoista", "FPA vet vilka införanden som är på väg"),
    ("tilaisuudet ovat avoimia", "Stödtillfällena är öppna"),
    ("otatte Kanta-palveluja käyttöön ensimmäistä kertaa", "ni tar i bruk Kanta-tjänster för första gången"),
    ("laajennatte käyttöä uuteen palveluun tai toiminnallisuuteen",
     "ni utvidgar användningen till en ny tjänst eller funktion"),
    ("tietojärjestelmäprofiili vaihtuu (koskee vain sosiaalihuoltoa)",
     "informationssystemprofilen ändras (gäller endast socialvården)"),
    ("sivulla Käyttöönottoon ilmoittautuminen", "på sidan om anmälan till införande"),  # forms and schedules
    ("Terveydenhuollon toimijan ei tarvitse ilmoittautua",
     "En aktör inom hälso- och sjukvården behöver inte"),
    ("perehtyy käyttöönoton materiaaleihin itse", "sätter sig då själv in i materialet"),
    ("voi silti osallistua Kelan tukitilaisuuksiin", "kan ändå delta i FPA:s stödtillfällen"),
    ("missä vaiheessa jaksoa tahansa", "när som helst under perioden"),  # production use at any point
    ("jo ennen jakson alkua", "redan innan perioden börjar"),
    ("mitä enemmän toiminta muuttuu, sitä pidempään", "ju mer verksamheten förändras, desto längre"),
    ("Tavoite on, että tuotantokäyttö alkaa viimeistään",
     "Målet är att produktionsanvändningen börjar senast"),
    ("Potilastietovarannon käyttöä laajentava toimija", "utvidgar användningen av Patientdatalagret"),
    ("voi olla pitkä hanke", "kan vara ett långt projekt"),
    ("tarkemmat käyttöönotto-ohjeet ovat sen omalla käyttöönottosivulla",
     "en egen sida om införandet på kanta.fi"),  # service-specific instructions
    ("edellyttää asiakkuutta", "behövs en kundrelation"),
    ("yleisiin toimitusehtoihin", "allmänna leveransvillkoren"),
    ("Asiakkuutta haetaan käyttöönoton loppuvaiheessa", "Kundrelationen söks i slutet av införandet"),
    ("hyväksyy palvelun palvelukuvauksen", "godkänna tjänstens tjänstebeskrivning"),
    ("sitoumusta ei anneta uudelleen", "lämnas förbindelsen inte på nytt"),
    ("Kanta-palvelujen Ekstranetistä", "Kanta Extranät"),
]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", "".join(parser.parts))


@pytest.mark.parametrize("fi, sv", STATEMENTS, ids=[s[0][:30] for s in STATEMENTS])
def test_the_source_page_is_on_the_site_in_both_languages(full_site, fi, sv):
    site = SitePlan(load_project(DATA, CONTENT, today=TODAY)[0], TODAY)
    for lang, phrase in (("fi", fi), ("sv", sv)):
        texts = [page_text(full_site / site.url(key, lang).lstrip("/") / "index.html")
                 for key in ("process", "registration")]
        assert any(phrase in text for text in texts), f"{lang}: {phrase!r} is on neither page"


# ---------------------------------------------------------------------------
# Language: one form of address, no words of the other language
# ---------------------------------------------------------------------------

SECOND_PERSON = {
    # sinä-forms in Finnish, du-forms in Swedish (the site says te / ni to organisations).
    "fi": re.compile(r"\b(sinä|sinun|sinulla|sinulle|Ilmoittaudu|Varmista|Valitse|Tee|Hae|Kerro|voit|"
                     r"järjestelmätoimittajasi|aloitat|näet|ilmoittaudut)\b"),
    "sv": re.compile(r"\b(du|dig|din|ditt|dina)\b", re.I),
}
OTHER_LANGUAGE = {
    "fi": re.compile(r"Datalagret|Arkivet över|på finska|\boch\b|\bför\b"),
    "sv": re.compile(r"Kysely- ja|ruotsiksi|suomeksi|Kuva-aineistojen|\bja\b|Käyttöönottovaihe\]"),
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_one_form_of_address_and_no_other_language(real, lang):
    site, files = real
    problems = []
    for page in site.pages:
        body = files[f"{lang}/docs/{page.paths[lang]}"].split("\n---\n", 1)[1]  # not the search tags
        # A link to a page in another language keeps that page's title, marked with its language.
        body = re.sub(r"\[[^\]]*\]\([^)]*\)\{: hreflang=\"[a-z]+\" lang=\"[a-z]+\" \}", "", body)
        body = re.sub(r"”[^”\n]+”", "", body)  # a name quoted in its own language
        body = re.sub(r"\]\([^)]*\)|<[^>]+>|\{[^}]*\}", "", body)  # addresses, markup and attribute lists are not text
        for name, pattern in (("address", SECOND_PERSON[lang]), ("language", OTHER_LANGUAGE[lang])):
            for found in pattern.finditer(body):
                problems.append(f"{page.key}: {name}: …{body[max(0, found.start() - 30):found.end() + 30]}…")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------
# Search keywords at build time
# ---------------------------------------------------------------------------

def test_search_terms_become_the_pages_keywords(real):
    site, files = real
    registration = page_md(real, "registration", "fi")
    tags = json.loads(re.search(r"^tags: (.*)$", registration, re.M)[1])
    assert "käyttöönottojaksot" in tags and "ilmoittautumisen" in tags
    assert "käyttöönottojakso" not in tags  # begins "käyttöönottojaksot": the search finds it there
    assert "search:" not in registration
    sv = json.loads(re.search(r"^tags: (.*)$", page_md(real, "schedule", "sv"), re.M)[1])
    assert "införandeperioderna" in sv
    kelain = page_md(real, "service:kelain", "fi")
    assert f'search: {{"boost": {keywords.SERVICE_BOOST}}}' in kelain
    assert "Kelaimen" in json.loads(re.search(r"^tags: (.*)$", kelain, re.M)[1])


@pytest.mark.parametrize("tags, kept", [
    (["käyttöönottojakso", "käyttöönottojaksot"], ["käyttöönottojaksot"]),
    (["Kelain", "Kelainta", "Kelaimen"], ["Kelainta", "Kelaimen"]),
    (["Kanta Ekstranet", "Ekstranet", "Ekstranetissä"], ["Kanta Ekstranet", "Ekstranetissä"]),
    (["anmälan", "anmälningar"], ["anmälan", "anmälningar"]),
])
def test_forms_that_begin_another_are_left_out(tags, kept):
    assert keywords._widest(tags) == kept


def test_a_service_keyword_may_not_begin_with_the_general_word():
    """Service pages are boosted: a keyword beginning "käyttöönotto" there would outrank the named
    service for "Kelaimen käyttöönotto" (tests/browser/test_search.py checks the ranking)."""
    project, _ = load_project(DATA, CONTENT, today=TODAY)
    for service in project.services:
        for lang, general in (("fi", "käyttöönott"), ("sv", "införande")):
            page = SitePlan(project, TODAY).by_key[f"service:{service.id}"]
            for tag in keywords.page_tags(project, page, lang):
                assert not any(w.lower().startswith(general) for w in re.split(r"[\s\-]+", tag)), \
                    (service.id, tag)


def test_fixture_copy_builds(tmp_path):
    """The small fixture (tests/fixtures/small) carries the new file too."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "small", tmp_path / "small")
    project, _ = load_project(tmp_path / "small" / "data", today=dt.date(2026, 11, 25))
    assert project.search_terms


def test_what_the_site_still_lacks_is_publishing_work_not_page_text(data_copy: Path):
    """`before_publishing:` lines are listed by `check --strict` (one warning each, failing), counted
    in one warning by `check`, and never rendered on a page."""
    edit(data_copy, "site.yaml", "before_publishing:\n",
         "before_publishing:\n  - \"Ensimmäinen puuttuva tieto.\"\n  - \"Toinen puuttuva tieto.\"\n")
    project, _ = load_project(data_copy, data_copy.parent / "content", today=TODAY, publishing=True)
    notes = project.config.before_publishing
    assert len(notes) > 2
    strict = json.loads(run_check(data_copy, "--strict", "--format", "json").output)["problems"]
    listed = [p for p in strict if p["code"] == "editorial-note"]
    assert [p["message"] for p in listed] == [f"before publishing: {text}" for text in notes]
    assert all(p["file"].endswith("site.yaml") and p["line"] > 0 for p in listed)
    everyday = _codes(run_check(data_copy, "--format", "json"))
    assert everyday.count("editorial-notes") == 1 and "editorial-note" not in everyday
    pages = _render_all(data_copy)
    for text in notes:
        assert text not in pages["fi"] and text not in pages["sv"]


def test_kinds_of_event_described_together_share_one_heading(data_copy: Path):
    """The source gives the two trainings one description: one heading, each point once; kinds with
    their own points keep their own headings."""
    project, _ = load_project(data_copy, data_copy.parent / "content", today=TODAY)
    kinds = project.process.support_events
    assert kinds[-1].purpose == kinds[-2].purpose and kinds[0].purpose != kinds[1].purpose
    joint = project.strings["process-trainings"]
    for lang in ("fi", "sv"):
        text = page_md_of(data_copy, "process", lang)
        assert text.count(f"### {joint[lang]}\n") == 1
        assert f"### {kinds[0].name[lang]}\n" in text
        assert f"### {kinds[-1].name[lang]}\n" not in text and f"### {kinds[-2].name[lang]}\n" not in text
        for item in kinds[-1].purpose:
            assert text.count(f"- {item[lang]}\n") == 1
    path = data_copy / "process.yaml"
    text = path.read_text(encoding="utf-8")
    head, tail = text.split("  - kind: practice-training\n", 1)
    tail = tail.replace("    purpose:\n", "    purpose:\n      - fi: Oma kohta.\n        sv: Egen punkt.\n", 1)
    path.write_text(head + "  - kind: practice-training\n" + tail, encoding="utf-8")
    for lang in ("fi", "sv"):
        text = page_md_of(data_copy, "process", lang)
        assert f"### {joint[lang]}\n" not in text
        assert f"### {kinds[-2].name[lang]}\n" in text and f"### {kinds[-1].name[lang]}\n" in text


def page_md_of(data: Path, key: str, lang: str) -> str:
    project, _ = load_project(data, data.parent / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    return render(site)[f"{lang}/docs/{site.by_key[key].paths[lang]}"]
