"""Problem messages in the editor's language (`check --lang fi|sv`).

English is the source text (developers read it); the editors' languages get a
translated message for each problem class, keyed by `Problem.code`. Where a
class has no translation yet the English text is shown: a message is never lost.
"""

from __future__ import annotations

from .problems import Problem

LABELS = {
    "en": {"error": "error", "warning": "warning", "hint": "fix"},
    "fi": {"error": "virhe", "warning": "varoitus", "hint": "korjaus"},
    "sv": {"error": "fel", "warning": "varning", "hint": "åtgärd"},
}

SUMMARY = {
    "en": "{e} error(s), {w} warning(s)",
    "fi": "{e} virhettä, {w} varoitusta",
    "sv": "{e} fel, {w} varningar",
}

# code → language → (message, hint). `{0}`, `{1}` are the problem's args.
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "duplicate-key": {
        "fi": ("avain '{0}' esiintyy samassa lohkossa kahdesti (ensimmäinen rivillä {1})",
               "jätä toinen pois: YAML hylkäisi ensimmäisen huomaamatta"),
        "sv": ("nyckeln '{0}' förekommer två gånger i samma block (första på rad {1})",
               "behåll bara den ena: YAML skulle tyst ignorera den första"),
    },
    "yaml-alias": {
        "fi": ("ankkurit ja viittaukset (& ja *) eivät ole sallittuja", "kirjoita arvo kokonaan"),
        "sv": ("ankare och alias (& och *) är inte tillåtna", "skriv ut värdet i sin helhet"),
    },
    "yaml-tag": {
        "fi": ("!-merkinnät (tagit) eivät ole sallittuja", "poista !-merkintä ja kirjoita pelkkä arvo"),
        "sv": ("taggar (!) är inte tillåtna", "ta bort taggen och skriv bara värdet"),
    },
    "tab-indent": {
        "fi": ("sisennyksessä on sarkainmerkki", "sisennä välilyönneillä (kaksi per taso)"),
        "sv": ("indraget innehåller ett tabbtecken", "dra in med mellanslag (två per nivå)"),
    },
    "yaml-syntax": {
        "fi": ("YAML-kielioppivirhe", "vertaa riviä yllä olevaan samanlaiseen riviin: sisennys ja "
                                     "lainausmerkit ovat yleisimmät syyt"),
        "sv": ("syntaxfel i YAML", "jämför raden med en liknande rad ovanför: indrag och citattecken "
                                  "är de vanligaste orsakerna"),
    },
    "empty-file": {
        "fi": ("tiedosto on tyhjä", "palauta sisältö gitistä"),
        "sv": ("filen är tom", "återställ innehållet från git"),
    },
    "not-utf8": {
        "fi": ("tiedosto ei ole UTF-8-tekstiä", "tallenna tiedosto UTF-8-merkistöllä"),
        "sv": ("filen är inte UTF-8-text", "spara filen med teckenkodningen UTF-8"),
    },
    "extra_forbidden": {
        "fi": ("tuntematon avain '{0}'", "tarkoititko '{1}'? (sallitut avaimet: {1})"),
        "sv": ("okänd nyckel '{0}'", "menade du '{1}'? (tillåtna nycklar: {1})"),
    },
    "missing": {
        "fi": ("avain '{0}' puuttuu", "lisää `{0}:`"),
        "sv": ("nyckeln '{0}' saknas", "lägg till `{0}:`"),
    },
    "missing-translation": {
        "fi": ("teksti kielellä {0} puuttuu", "lisää tähän `{0}: …`"),
        "sv": ("texten på språket {0} saknas", "lägg till `{0}: …` här"),
    },
    "unknown-ref": {
        "fi": ("tunnisteella '{1}' ei löydy kohdetta ({0})", ""),
        "sv": ("det finns inget ({0}) med id '{1}'", ""),
    },
    "duplicate-id": {
        "fi": ("tunniste '{0}' on käytössä kahdesti (ensin rivillä {1})", "anna jokaiselle oma tunniste"),
        "sv": ("id '{0}' används två gånger (först på rad {1})", "ge varje post ett eget id"),
    },
    "date-order": {
        "fi": ("päivämäärät ovat väärässä järjestyksessä", "tarkista päivämäärät"),
        "sv": ("datumen är i fel ordning", "kontrollera datumen"),
    },
    "stale-review": {
        "fi": ("tietoja ei ole tarkistettu yli 12 kuukauteen", "tarkista tiedot ja päivitä `last_reviewed`"),
        "sv": ("uppgifterna har inte granskats på över 12 månader", "granska uppgifterna och uppdatera "
                                                                   "`last_reviewed`"),
    },
    "provisional-soon": {
        "fi": ("alustava päivämäärä on alle 60 päivän päässä", "varmista päivä Kelasta ja aseta "
                                                               "`provisional: false`"),
        "sv": ("ett preliminärt datum är mindre än 60 dagar bort", "bekräfta datumet med FPA och sätt "
                                                                   "`provisional: false`"),
    },
    "no-upcoming": {
        "fi": ("yksikään jakso ei ala tämän päivän jälkeen", "lisää seuraavan vuoden jaksot: "
                                                            "python -m generator new period N/VVVV"),
        "sv": ("ingen period börjar efter i dag", "lägg till nästa års perioder: "
                                                 "python -m generator new period N/ÅÅÅÅ"),
    },
    "bad-id": {
        "fi": ("'{0}' ei kelpaa tunnisteeksi tai osoitteeksi: käytä vain pieniä kirjaimia a–z, numeroita "
               "ja yksittäisiä väliviivoja (ei välilyöntejä, isoja kirjaimia, å/ä/ö-kirjaimia tai "
               "vinoviivoja), esim. 'potilastietovaranto'", ""),
        "sv": ("'{0}' duger inte som id eller adress: använd bara små bokstäver a–z, siffror och enkla "
               "bindestreck (inga mellanslag, versaler, å/ä/ö eller snedstreck), t.ex. 'patientdatalagret'",
               ""),
    },
    "bad-lang": {
        "fi": ("'{0}' ei ole kielikoodi (kuten fi tai sv)", "jos { }-sulkeissa olevassa tekstissä on pilkku, "
                                                          "laita koko teksti lainausmerkkeihin"),
        "sv": ("'{0}' är ingen språkkod (som fi eller sv)", "om texten inom { } innehåller ett kommatecken, "
                                                           "sätt hela texten inom citattecken"),
    },
    "bad-date-format": {
        "fi": ("'{0}' ei ole päivämäärä", "kirjoita muodossa VVVV-KK-PP, esim. 2026-03-15"),
        "sv": ("'{0}' är inget datum", "skriv i formen ÅÅÅÅ-MM-DD, t.ex. 2026-03-15"),
    },
    "bad-date": {
        "fi": ("'{0}' ei ole kalenterissa oleva päivä", "tarkista päivä ja kuukausi"),
        "sv": ("'{0}' är inget datum i kalendern", "kontrollera dag och månad"),
    },
    "bad-time": {
        "fi": ("'{0}' ei ole kellonaika", "kirjoita muodossa TT:MM (24 tunnin kello), esim. \"09:30\""),
        "sv": ("'{0}' är ingen tid", "skriv i formen TT:MM (24-timmarsklocka), t.ex. \"09:30\""),
    },
    "bad-bool": {
        "fi": ("'{0}' ei ole true eikä false", "kirjoita täsmälleen true tai false"),
        "sv": ("'{0}' är varken true eller false", "skriv exakt true eller false"),
    },
    "bad-url": {
        "fi": ("'{0}' ei ole sallittu linkki", "kirjoita koko osoite alkaen https:// (tai mailto:)"),
        "sv": ("'{0}' är ingen tillåten länk", "skriv hela adressen med https:// (eller mailto:)"),
    },
    "bad-link": {
        "fi": ("linkin kohde '{0}' ei ole sallittu", "käytä osoitetta, joka alkaa https:// tai mailto:"),
        "sv": ("länkmålet '{0}' är inte tillåtet", "använd en adress som börjar med https:// eller mailto:"),
    },
    "empty-text": {
        "fi": ("teksti on tyhjä", "kirjoita teksti tai poista koko kohta"),
        "sv": ("texten är tom", "skriv texten eller ta bort hela punkten"),
    },
    "multi-line": {
        "fi": ("nimen tai otsikon on mahduttava yhdelle riville", ""),
        "sv": ("ett namn eller en rubrik ska rymmas på en rad", ""),
    },
    "html": {
        "fi": ("HTML-koodi ei ole sallittua tekstissä", "käytä Markdownia: *korostus*, [linkin teksti](https://…), "
                                                        "luettelon rivit alkavat '- '"),
        "sv": ("HTML-kod är inte tillåten i texten", "använd Markdown: *betoning*, [länktext](https://…), "
                                                     "listrader börjar med '- '"),
    },
    "markup-in-name": {
        "fi": ("nimi tai otsikko on pelkkää tekstiä", "poista merkit * _ ` [ ] #"),
        "sv": ("ett namn eller en rubrik är ren text", "ta bort tecknen * _ ` [ ] #"),
    },
    "heading": {
        "fi": ("otsikot (#) eivät ole sallittuja tietojen teksteissä", "sivupohja tekee otsikot"),
        "sv": ("rubriker (#) är inte tillåtna i datatexter", "sidmallen skapar rubrikerna"),
    },
    "block-markup": {
        "fi": ("tietojen teksteissä saa käyttää vain korostusta, linkkejä ja luetteloita", ""),
        "sv": ("i datatexter får man bara använda betoning, länkar och listor", ""),
    },
    "image": {
        "fi": ("kuvat eivät ole sallittuja tietojen teksteissä", ""),
        "sv": ("bilder är inte tillåtna i datatexter", ""),
    },
    "literal_error": {
        "fi": ("'{0}' ei ole sallittu arvo", "kirjoita jokin näistä: {1}"),
        "sv": ("'{0}' är inget tillåtet värde", "skriv något av följande: {1}"),
    },
    "unknown-language": {
        "fi": ("'{0}' ei ole sivuston kieli", "kielet luetellaan tiedostossa data/site.yaml"),
        "sv": ("'{0}' är inte ett av webbplatsens språk", "språken anges i data/site.yaml"),
    },
    "missing-page-translation": {
        "fi": ("sivulta '{0}' puuttuu kieliversio {1}", "lisää sivu samalla id-tunnisteella"),
        "sv": ("sidan '{0}' saknar språkversionen {1}", "lägg till sidan med samma id"),
    },
    "event-outside": {
        "fi": ("tilaisuus on jakson ulkopuolella", "siirrä tilaisuutta tai korjaa jakson päivämäärät"),
        "sv": ("tillfället ligger utanför perioden", "flytta tillfället eller rätta periodens datum"),
    },
    "period-overlap": {
        "fi": ("jaksot menevät päällekkäin", "jakso ei saa alkaa ennen edellisen loppua"),
        "sv": ("perioderna överlappar", "en period får inte börja innan den föregående slutar"),
    },
    "todo": {
        "fi": ("teksti ({0}) on vielä TODO-merkintä", "kirjoita lopullinen teksti merkinnän tilalle"),
        "sv": ("texten ({0}) är fortfarande en TODO-markering", "skriv den slutliga texten i stället"),
    },
}


class _Translate:
    def __call__(self, problem: Problem, lang: str) -> tuple[str, str, str]:
        labels = LABELS.get(lang, LABELS["en"])
        label = labels["error"] if problem.is_error else labels["warning"]
        entry = MESSAGES.get(problem.code, {}).get(lang)
        if lang == "en" or entry is None:
            return problem.message, problem.hint, label
        message = entry[0].format(*problem.args) if problem.args or "{" not in entry[0] else problem.message
        # A specific English detail (e.g. "did you mean …") beats a generic translated hint.
        hint = entry[1].format(*problem.args) if entry[1] and problem.args else problem.hint
        if problem.code == "extra_forbidden":  # one suggestion, or the list of allowed keys
            hint = hint.split("? (")[0] + "?" if problem.hint.startswith("did you mean") else \
                hint.split("(")[-1].rstrip(")")
        if problem.code in ("yaml-syntax",):
            message = f"{message}: {problem.message.split(': ', 1)[-1]}"
        return message, hint, label

    def hint_label(self, lang: str) -> str:
        return LABELS.get(lang, LABELS["en"])["hint"]

    def summary(self, errors: int, warnings: int, lang: str) -> str:
        return SUMMARY.get(lang, SUMMARY["en"]).format(e=errors, w=warnings)


translate = _Translate()
LANGUAGES = tuple(LABELS)
