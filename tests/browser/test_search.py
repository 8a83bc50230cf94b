"""Site search (Material's lunr index, one per language with its own stemmer) finds the right pages.

The search worker loads the index after the page; a query typed before it is
ready is silently dropped, so every test waits for the "ready" placeholder text.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from .support import interact

TOP = 5
"""The expected page must be among the first TOP pages listed (what a reader sees without scrolling)."""

# (language, query, page key): base forms, inflected forms and definite forms a reader types.
QUERIES = [
    ("fi", "potilastietovaranto", "service:patient-data-repository"),
    ("fi", "potilastietovarannon", "service:patient-data-repository"),  # genitive (gradation nt → nn)
    ("fi", "ilmoittautumisen", "registration"),  # genitive of ilmoittautuminen
    ("fi", "aikataulun", "schedule"),
    ("sv", "patientdatalagret", "service:patient-data-repository"),
    ("sv", "patientdatalager", "service:patient-data-repository"),  # indefinite form
    ("sv", "recepttjänst", "service:prescription"),  # indefinite form of Recepttjänsten
    ("sv", "tidtabellen", "schedule"),  # definite form of tidtabell
    ("sv", "anmälan", "registration"),
]

# Every glossary term of the shared notes in the forms readers type (fi: plural,
# genitive, partitive, inessive, elative …; sv: definite and plural forms). The search matches the
# start of words only, so these are found through the hand-kept forms in data/search_terms.yaml.
INFLECTED = [
    ("fi", "käyttöönotot", "process"),
    ("fi", "käyttöönottojen", "process"),
    ("fi", "käyttöönotossa", "process"),
    ("fi", "käyttöönottojaksot", "schedule"),
    ("fi", "käyttöönottojaksolle", "registration"),
    ("fi", "käyttöönottojaksojen", "schedule"),
    ("fi", "jaksot", "schedule"),
    ("fi", "ilmoittautumisen", "registration"),
    ("fi", "ilmoittautumislomakkeet", "registration"),
    ("fi", "ilmoittautumisajat", "registration"),
    ("fi", "aikataulun", "schedule"),
    ("fi", "valmistelutilaisuuteen", "process"),
    ("fi", "toimintamallikoulutuksiin", "process"),
    ("fi", "toimintatapojen", "process"),
    ("fi", "palvelukuvaukset", "requirements"),
    ("fi", "palvelukuvauksen", "requirements"),
    ("fi", "sitoumuksen", "customer"),
    ("fi", "asiakkuuden", "customer"),
    ("fi", "toimitusehtoihin", "customer"),
    ("fi", "liittymismallit", "requirements"),
    ("fi", "yhteisliittymisen", "requirements"),
    ("fi", "liityntäpisteet", "requirements"),
    ("fi", "yhteistestauksen", "requirements"),
    ("fi", "tietojärjestelmäprofiilin", "requirements"),
    ("fi", "omavalvontasuunnitelman", "requirements"),
    ("fi", "Koodistopalvelun", "requirements"),
    ("fi", "Ekstranetissä", "requirements"),
    ("fi", "käyttöönottokokeen", "process"),
    ("fi", "palvelunantajien", "services"),
    ("fi", "hyvinvointialueiden", "services"),
    ("fi", "apteekkien", "service:prescription"),
    ("fi", "asiakastietolain", "service:social-welfare-client-data-repository"),
    ("fi", "julkaisuaikataulun", "service:social-welfare-document-groups"),
    ("fi", "käyttöönottovaiheen", "process"),
    ("fi", "käyttöönottoprosessin", "process"),
    ("fi", "sote-toimijoiden", "process"),
    ("fi", "järjestelmätoimittajan", "process"),
    ("fi", "tuotantokäyttöön", "process"),
    ("fi", "edellytykset", "requirements"),
    ("fi", "käyttöönottoaallot", "schedule"),
    ("sv", "införandeperioderna", "schedule"),
    ("sv", "införandeperioder", "schedule"),
    ("sv", "införandeprocessen", "process"),
    ("sv", "införandefasen", "process"),
    ("sv", "införandet", "process"),
    ("sv", "anmälningarna", "registration"),
    ("sv", "anmälningsblanketterna", "registration"),
    ("sv", "tidtabellen", "schedule"),
    ("sv", "verksamhetsmodellerna", "process"),
    ("sv", "utbildningarna", "process"),
    ("sv", "stödtillfällena", "process"),
    ("sv", "tjänstebeskrivningarna", "requirements"),
    ("sv", "tjänstebeskrivningen", "requirements"),
    ("sv", "förbindelsen", "customer"),
    ("sv", "kundrelationen", "customer"),
    ("sv", "leveransvillkoren", "customer"),
    ("sv", "anslutningsmodellen", "requirements"),
    ("sv", "anslutningspunkterna", "requirements"),
    ("sv", "samtestningen", "requirements"),
    ("sv", "informationssystemprofilen", "requirements"),
    ("sv", "systemleverantörerna", "process"),
    ("sv", "ibruktagningsprovet", "process"),
    ("sv", "egenkontrollen", "requirements"),
    ("sv", "kunduppgiftslagen", "service:social-welfare-client-data-repository"),
    ("sv", "välfärdsområdena", "services"),
    ("sv", "apoteken", "service:prescription"),
    ("sv", "tjänstetillhandahållarna", "services"),
    ("sv", "Extranätet", "requirements"),
    ("sv", "publiceringstidtabellen", "service:social-welfare-document-groups"),
    ("sv", "förutsättningarna", "requirements"),
    ("sv", "införandevågorna", "schedule"),
]

# A query that names a service, alone or with the general word, lists the service's own page first.
NAMED_WITH = {"fi": "{genitive} käyttöönotto", "sv": "införande av {name}"}
GENITIVE = {
    "prescription": "Resepti-palvelun", "patient-data-repository": "Potilastietovarannon",
    "social-welfare-client-data-repository": "Sosiaalihuollon asiakastietovarannon",
    "register-access-right": "Rekisterinkäyttöoikeuden", "social-welfare-document-groups": "asiakirjaryhmien",
    "imaging-data-repository": "Kuva-aineistojen tietovarannon",
    "certificate-delivery": "todistusten välityksen",
    "old-patient-data-archiving": "vanhojen potilastietojen arkistoinnin", "kelain": "Kelaimen",
    "kanta-phr": "Omatietovarannon", "customer-test-service": "Kanta-asiakastestipalvelun",
}


def results(page, query: str) -> list[str]:
    """Type a query and return the result pages in the order shown (URL paths, no duplicates)."""
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    placeholder = translations(page)["search.result.placeholder"]
    box.fill("")
    box.press("End")  # Material listens to keyup, not only input
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
                           arg=placeholder)
    box.fill(query)
    box.press("End")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() !== t",
                           arg=placeholder)
    assert meta.text_content().strip() != ""
    hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link",
                                      "links => links.map(a => a.href)")
    seen: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path
        if path not in seen:
            seen.append(path)
    return seen


def translations(page) -> dict:
    return json.loads(page.locator("#__config").text_content())["translations"]


@pytest.fixture(scope="module")
def search_pages(browser, server):
    """One page per language with the search index loaded (ready), reused by every query."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    pages = {}

    def get(lang: str):
        if lang not in pages:
            page = context.new_page()
            page.goto(f"/{lang}/")
            interact(page)
            ready = translations(page)["search.result.placeholder"]
            # "Initialising search" turns into the placeholder once the worker has built the index.
            page.wait_for_function(
                "t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
                arg=ready, timeout=15000)
            page.locator(".md-search__input").click()
            pages[lang] = page
        # The tab in front: Chromium runs a background tab's timers (Material's search) once a second.
        pages[lang].bring_to_front()
        return pages[lang]

    yield get
    context.close()


@pytest.mark.parametrize(("lang", "query", "key"), QUERIES, ids=[f"{q[0]}-{q[1]}" for q in QUERIES])
def test_search_finds_page(search_pages, page_plan, lang, query, key):
    expected = page_plan.url(key, lang)
    found = results(search_pages(lang), query)
    assert expected in found[:TOP], f"search {query!r} ({lang}): {expected} not in the first {TOP}: {found}"


def test_former_service_names_find_the_service(search_pages, page_plan):
    """Every former name in services.yaml leads to today's service page (people search the old name)."""
    misses = []
    checked = 0
    for service in page_plan.project.services:
        for former in service.former_names:
            for lang in page_plan.project.languages:
                expected = page_plan.url(f"service:{service.id}", lang)
                found = results(search_pages(lang), former[lang])
                checked += 1
                if expected not in found[:TOP]:
                    misses.append(f"{lang} {former[lang]!r}: {expected} not in the first {TOP}: {found}")
    assert checked, "services.yaml has no former names to test"
    assert not misses, "\n".join(misses)


def test_brief_examples(search_pages):
    """The examples the editors asked for, spelled out."""
    assert "/fi/palvelut/potilastietovaranto/" in results(search_pages("fi"), "Potilastiedon arkisto")[:TOP]
    assert "/sv/tjanster/patientdatalagret/" in results(search_pages("sv"), "Patientdataarkivet")[:TOP]


@pytest.mark.parametrize(("lang", "query", "key"), INFLECTED, ids=[f"{q[0]}-{q[1]}" for q in INFLECTED])
def test_inflected_forms_find_the_page(search_pages, page_plan, lang, query, key):
    expected = page_plan.url(key, lang)
    found = results(search_pages(lang), query)
    assert expected in found[:TOP], f"search {query!r} ({lang}): {expected} not in the first {TOP}: {found}"


def test_every_glossary_term_has_forms_in_both_languages(page_plan):
    """The table above covers the list; the list covers both languages (check enforces the rest)."""
    assert len(INFLECTED) >= 40 and {lang for lang, _, _ in INFLECTED} == {"fi", "sv"}
    assert len(page_plan.project.search_terms) >= 50


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_query_naming_a_service_lists_it_first(search_pages, page_plan, lang):
    misses = []
    for service in page_plan.project.services:
        expected = page_plan.url(f"service:{service.id}", lang)
        name = service.name[lang]
        for query in (name, NAMED_WITH[lang].format(genitive=GENITIVE.get(service.id, name), name=name)):
            found = results(search_pages(lang), query)
            if found[:1] != [expected]:
                misses.append(f"{query!r}: {expected} is not first: {found[:4]}")
    assert set(GENITIVE) == {s.id for s in page_plan.project.services}, "add the new service's genitive"
    assert not misses, "\n".join(misses)
