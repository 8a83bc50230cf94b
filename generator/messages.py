"""The message catalogue: every text a command prints, in English, Finnish and Swedish.

Two kinds of entries, both keyed by stable codes (never by English text):

* `TEXTS`: what the commands themselves say (`build`, `serve`, `urls`, `translations`, `new`, the
  count line), code → language → text with named `{placeholders}`; a text that counts something
  is a dict of CLDR plural categories (`one`, `other`, ...) chosen by Babel's plural rules for the
  language (`say(code, lang, n=3)`).
* `MESSAGES`: the problems `check` reports, `Problem.code` → language → (message, fix), with the
  problem's `args` as `{0}`, `{1}`. The English text is written where the problem is found (it
  names the values in full, for developers and logs); Finnish and Swedish come from here.

A lookup miss in Finnish or Swedish shows the English text (a message is never lost), except when
`STRICT` is set: the test suite sets it, so a problem or text without its translation fails a test
(tests/test_messages.py) instead of reaching an editor in English.
"""

from __future__ import annotations

import os

from babel import Locale

from .errors import Problem

STRICT = os.environ.get("KG_STRICT_MESSAGES") == "1"
"""Raise `MissingMessage` instead of falling back to English (set by the tests)."""
LANGUAGES = ("en", "fi", "sv")


class MissingMessage(LookupError):
    """A code without its text in a language (only raised when `STRICT`)."""


LABELS = {
    "en": {"error": "error", "warning": "warning", "note": "note", "hint": "fix"},
    "fi": {"error": "virhe", "warning": "varoitus", "note": "huom", "hint": "korjaus"},
    "sv": {"error": "fel", "warning": "varning", "note": "obs", "hint": "åtgärd"},
}

# What commands say: code → language → text, or → {CLDR plural category: text}.
TEXTS: dict[str, dict[str, str | dict[str, str]]] = {
    "errors": {
        "en": {"one": "{n} error", "other": "{n} errors"},
        "fi": {"one": "{n} virhe", "other": "{n} virhettä"},
        "sv": {"one": "{n} fel", "other": "{n} fel"},
    },
    # Counts inside the developers' English texts (BuildError messages, Problem.message); the
    # editors' fi/sv texts of the same problems are in MESSAGES.
    "addresses": {
        "en": {"one": "{n} address", "other": "{n} addresses"},
        "fi": {"one": "{n} osoite", "other": "{n} osoitetta"},
        "sv": {"one": "{n} adress", "other": "{n} adresser"},
    },
    "new-addresses-are": {
        "en": {"one": "{n} new address is", "other": "{n} new addresses are"},
        "fi": {"one": "{n} uusi osoite", "other": "{n} uutta osoitetta"},
        "sv": {"one": "{n} ny adress", "other": "{n} nya adresser"},
    },
    "problems": {
        "en": {"one": "{n} problem", "other": "{n} problems"},
        "fi": {"one": "{n} ongelma", "other": "{n} ongelmaa"},
        "sv": {"one": "{n} problem", "other": "{n} problem"},
    },
    "warnings": {
        "en": {"one": "{n} warning", "other": "{n} warnings"},
        "fi": {"one": "{n} varoitus", "other": "{n} varoitusta"},
        "sv": {"one": "{n} varning", "other": "{n} varningar"},
    },
    "nothing-written": {
        "en": "Nothing was written: fix the problems above and build again.",
        "fi": "Mitään ei kirjoitettu: korjaa yllä luetellut ongelmat ja rakenna sivusto uudelleen.",
        "sv": "Ingenting skrevs: rätta till problemen ovan och bygg igen.",
    },
    "build-failed": {
        "en": "Build failed: {error}",
        "fi": "Sivuston rakentaminen epäonnistui: {error}",
        "sv": "Bygget misslyckades: {error}",
    },
    "build-failed-problems": {
        "en": "Build failed: the built site did not pass its final checks.",
        "fi": "Sivuston rakentaminen epäonnistui: valmis sivusto ei läpäissyt viimeisiä tarkistuksia.",
        "sv": "Bygget misslyckades: den byggda webbplatsen klarade inte de sista kontrollerna.",
    },
    "previous-kept": {
        "en": "The previous {out}/ was left as it was.",
        "fi": "Edellinen {out}/ jäi ennalleen.",
        "sv": "Den tidigare {out}/ lämnades som den var.",
    },
    "built": {
        "en": "Built {out}/ ({counts}) in {seconds} s",
        "fi": "Sivusto rakennettu kansioon {out}/ ({counts}) {seconds} sekunnissa",
        "sv": "Webbplatsen byggdes i {out}/ ({counts}) på {seconds} s",
    },
    "pages": {
        "en": {"one": "{lang}: {n} page", "other": "{lang}: {n} pages"},
        "fi": {"one": "{lang}: {n} sivu", "other": "{lang}: {n} sivua"},
        "sv": {"one": "{lang}: {n} sida", "other": "{lang}: {n} sidor"},
    },
    # --- urls ---
    "urls-current": {
        "en": {"one": "{file} is current ({n} address)", "other": "{file} is current ({n} addresses)"},
        "fi": {"one": "{file} on ajan tasalla ({n} osoite)", "other": "{file} on ajan tasalla ({n} osoitetta)"},
        "sv": {"one": "{file} är aktuell ({n} adress)", "other": "{file} är aktuell ({n} adresser)"},
    },
    "urls-stale": {
        "en": "{file} is not current: addresses gone {gone}, new {new}. Run: {command}",
        "fi": "{file} ei ole ajan tasalla: poistuneita osoitteita {gone}, uusia {new}. Aja: {command}",
        "sv": "{file} är inte aktuell: {gone} adresser har försvunnit, {new} är nya. Kör: {command}",
    },
    "urls-removed": {
        "en": "  - {url}   (will no longer work: make sure this is intended)",
        "fi": "  - {url}   (ei enää toimi: varmista, että tämä on tarkoitus)",
        "sv": "  - {url}   (fungerar inte längre: kontrollera att det är meningen)",
    },
    "urls-wrote": {
        "en": "Wrote {file}: {n} addresses ({new} new, {gone} removed)",
        "fi": "Tallennettu {file}: {n} osoitetta ({new} uutta, {gone} poistettu)",
        "sv": "Sparade {file}: {n} adresser ({new} nya, {gone} borttagna)",
    },
    "urls-save": {
        "en": "Save urls.txt together with your change (commit it).",
        "fi": "Tallenna urls.txt gitiin samassa muutoksessa.",
        "sv": "Spara urls.txt i git tillsammans med din ändring.",
    },
    # --- translations ---
    "translations-count": {
        "en": {"one": "{lang}: {n} missing or to-do", "other": "{lang}: {n} missing or to-do"},
        "fi": {"one": "{lang}: {n} puuttuu tai on kesken", "other": "{lang}: {n} puuttuu tai on kesken"},
        "sv": {"one": "{lang}: {n} saknas eller är ofärdig", "other": "{lang}: {n} saknas eller är ofärdiga"},
    },
    "translations-none": {
        "en": "{lang}: nothing missing or to-do",
        "fi": "{lang}: mitään ei puutu",
        "sv": "{lang}: ingenting saknas",
    },
    "translations-headings": {
        "en": "{file}: {n} headings, but {other} has {most}",
        "fi": "{file}: otsikoita {n}, mutta sivulla {other} niitä on {most}",
        "sv": "{file}: {n} rubriker, men {other} har {most}",
    },
    # --- check --strict: what blocks publishing, grouped by kind (report.format_blockers) ---
    "blockers-head": {
        "en": {"one": "Publishing is blocked by {n} kind of problem; how to clear it:",
               "other": "Publishing is blocked by {n} kinds of problems; how to clear each:"},
        "fi": {"one": "Julkaisun estää {n} asia; näin sen saa korjattua:",
               "other": "Julkaisun estää {n} asiaa; näin kunkin saa korjattua:"},
        "sv": {"one": "{n} sak hindrar publiceringen; så här åtgärdar du den:",
               "other": "{n} saker hindrar publiceringen; så här åtgärdar du var och en:"},
    },
    "blockers-none": {
        "en": "Nothing blocks publishing.",
        "fi": "Mikään ei estä julkaisua.",
        "sv": "Inget hindrar publiceringen.",
    },
    "blocker-example-dates": {
        "en": "Example dates of current or upcoming periods would be shown to readers",
        "fi": "Lukijoille näytettäisiin käynnissä olevien tai tulevien jaksojen esimerkkipäivämääriä",
        "sv": "Läsarna skulle se exempeldatum för pågående eller kommande perioder",
    },
    "blocker-site-url-placeholder": {
        "en": "The site's address (site_url) is still a placeholder",
        "fi": "Sivuston osoite (site_url) on vielä paikkamerkki",
        "sv": "Webbplatsens adress (site_url) är fortfarande en platshållare",
    },
    "blocker-unverified-source": {
        "en": "Sources whose facts nobody has verified against the live page",
        "fi": "Lähteet, joiden tietoja kukaan ei ole tarkistanut sivulta itseltään",
        "sv": "Källor vars uppgifter ingen har kontrollerat mot sidan själv",
    },
    "blocker-stale-source": {
        "en": "Sources whose facts date from over 12 months ago",
        "fi": "Lähteet, joiden tiedot ovat yli 12 kuukautta vanhoja",
        "sv": "Källor vars uppgifter är över 12 månader gamla",
    },
    "blocker-editorial-note": {
        "en": "Facts still missing from the site (`before_publishing:`)",
        "fi": "Sivustolta vielä puuttuvat tiedot (`before_publishing:`)",
        "sv": "Uppgifter som ännu saknas på webbplatsen (`before_publishing:`)",
    },
    # --- new period / new service ---
    "new-period-added": {
        "en": "Added period {id} to {file} (dates not yet published by Kela).",
        "fi": "Jakso {id} lisätty tiedostoon {file} (Kela ei ole vielä julkaissut sen päivämääriä).",
        "sv": "Perioden {id} lades till i {file} (FPA har ännu inte publicerat dess datum).",
    },
    "new-service-added": {
        "en": "Added service {id} to {file}. Replace every TODO (and the other languages' slug `todo`), then "
              "run `make check`; add the service to `accepts:` of the periods that take it.",
        "fi": "Palvelu {id} lisätty tiedostoon {file}. Korvaa jokainen TODO (ja ruotsinkielisen osoitteen "
              "`todo`) ja aja `make check`; lisää palvelu niiden jaksojen `accepts:`-luetteloon, joilla sen "
              "voi ottaa käyttöön.",
        "sv": "Tjänsten {id} lades till i {file}. Ersätt varje TODO (och den svenska adressens `todo`) och "
              "kör `make check`; lägg till tjänsten i `accepts:` för de perioder som tar emot den.",
    },
    "new-lists-updated": {
        "en": "Also updated (the new addresses and ids): {files}. Save them with your change.",
        "fi": "Päivitetty myös (uudet osoitteet ja tunnisteet): {files}. Tallenna ne muutoksesi mukana.",
        "sv": "Uppdaterade också (de nya adresserna och id:na): {files}. Spara dem tillsammans med din ändring.",
    },
    "new-then-urls": {
        "en": "The site gets new addresses and ids: run `make urls` and `make schemas` now, then `make check`, "
              "and save urls.txt and schemas/ with your change.",
        "fi": "Sivustolle tulee uusia osoitteita ja tunnisteita: aja nyt `make urls` ja `make schemas`, sitten "
              "`make check`, ja tallenna urls.txt ja schemas/ muutoksesi mukana.",
        "sv": "Webbplatsen får nya adresser och id:n: kör nu `make urls` och `make schemas`, sedan `make check`, "
              "och spara urls.txt och schemas/ tillsammans med din ändring.",
    },
    "new-service-then-urls": {
        "en": "The service's pages get their addresses from its slugs: once they are written, `make check` "
              "lists the new addresses; then run `make urls` and save urls.txt with your change.",
        "fi": "Palvelun sivujen osoitteet tulevat sen slug-kentästä: kun ne on kirjoitettu, `make check` "
              "luettelee uudet osoitteet; aja silloin `make urls` ja tallenna urls.txt muutoksesi mukana.",
        "sv": "Tjänstens sidor får sina adresser från dess slug: när de är skrivna listar `make check` de nya "
              "adresserna; kör då `make urls` och spara urls.txt tillsammans med din ändring.",
    },
    "new-failed": {
        "en": "error: {error}",
        "fi": "virhe: {error}",
        "sv": "fel: {error}",
    },
    "new-bad-period-id": {
        "en": "'{id}' is not a period id: write it as N/YYYY with a year from {first} to {last}, e.g. 1/2028",
        "fi": "'{id}' ei ole jakson tunniste: kirjoita se muodossa N/VVVV vuodella {first}–{last}, "
              "esimerkiksi 1/2028",
        "sv": "'{id}' är inget period-id: skriv det som N/ÅÅÅÅ med ett år mellan {first} och {last}, "
              "till exempel 1/2028",
    },
    "new-period-exists": {
        "en": "period {id} already exists ({file}): nothing was added; choose another period, e.g. the "
              "next year's",
        "fi": "jakso {id} on jo olemassa ({file}): mitään ei lisätty; valitse toinen jakso, esimerkiksi "
              "seuraavan vuoden",
        "sv": "perioden {id} finns redan ({file}): ingenting lades till; välj en annan period, till "
              "exempel nästa års",
    },
    "new-no-model": {
        "en": "no earlier period {number}/YYYY to copy the pattern from: copy a period in {file} by hand",
        "fi": "aiempaa jaksoa {number}/VVVV ei ole, joten päivämäärien mallia ei voi kopioida: kopioi jakso "
              "tiedostossa {file} käsin",
        "sv": "det finns ingen tidigare period {number}/ÅÅÅÅ att kopiera mönstret från: kopiera en period i "
              "{file} för hand",
    },
    "new-bad-service-id": {
        "en": "'{id}' is not a valid id: use lowercase a-z, digits and hyphens, e.g. ajanvaraus or ajan-varaus",
        "fi": "'{id}' ei kelpaa tunnisteeksi: käytä pieniä kirjaimia a–z, numeroita ja väliviivoja, "
              "esimerkiksi ajanvaraus tai ajan-varaus",
        "sv": "'{id}' är inget giltigt id: använd små bokstäver a–z, siffror och bindestreck, "
              "till exempel tidsbokning",
    },
    "new-service-exists": {
        "en": "service {id} already exists ({file}): nothing was added; give the new service an id of "
              "its own",
        "fi": "palvelu {id} on jo olemassa ({file}): mitään ei lisätty; anna uudelle palvelulle oma "
              "tunniste",
        "sv": "tjänsten {id} finns redan ({file}): ingenting lades till; ge den nya tjänsten ett eget id",
    },
    "new-fix-data-first": {
        "en": "fix the data first (run `make check`), nothing was added: {problem}",
        "fi": "korjaa ensin aineisto (aja `make check`), mitään ei lisätty: {problem}",
        "sv": "rätta först data (kör `make check`), ingenting lades till: {problem}",
    },
    "new-finish-todos": {
        "en": "finish the TODO texts first (run `make check`): nothing was added",
        "fi": "kirjoita ensin TODO-tekstit valmiiksi (aja `make check`): mitään ei lisätty",
        "sv": "skriv först klart TODO-texterna (kör `make check`): ingenting lades till",
    },
    "new-not-appended": {
        "en": "could not append to {file} (nothing was changed): {problem}",
        "fi": "tiedostoon {file} ei voitu lisätä (mitään ei muutettu): {problem}",
        "sv": "det gick inte att lägga till i {file} (ingenting ändrades): {problem}",
    },
    # --- diff: what an edit changes for readers (sitediff.py), a Markdown report ---
    "diff-title": {
        "en": "What the change shows readers",
        "fi": "Mitä muutos näyttää lukijoille",
        "sv": "Vad ändringen visar läsarna",
    },
    "diff-compared": {
        "en": "Compared with {base} (commit {commit}): this working copy's {data} and {content}, both "
              "versions built by this checkout's generator.",
        "fi": "Verrattu versioon {base} (commit {commit}): tämän työkopion {data} ja {content}; "
              "molemmat versiot on rakennettu tämän työkopion generaattorilla.",
        "sv": "Jämfört med {base} (commit {commit}): den här arbetskopians {data} och {content}; båda "
              "versionerna är byggda med den här arbetskopians generator.",
    },
    "diff-none": {
        "en": "No changes: the pages' text, the addresses, the calendars and the feeds are the same.",
        "fi": "Ei muutoksia: sivujen tekstit, osoitteet, kalenterit ja syötteet ovat ennallaan.",
        "sv": "Inga ändringar: sidornas text, adresserna, kalendrarna och flödena är desamma.",
    },
    "diff-language": {"en": "Language: {name} ({code})", "fi": "Kieli: {name} ({code})",
                      "sv": "Språk: {name} ({code})"},
    "diff-common": {"en": "All languages", "fi": "Kaikki kielet", "sv": "Alla språk"},
    "diff-language-none": {
        "en": "No changes in this language.",
        "fi": "Ei muutoksia tällä kielellä.",
        "sv": "Inga ändringar på det här språket.",
    },
    "diff-changed": {
        "en": {"one": "{n} page whose text changed", "other": "{n} pages whose text changed"},
        "fi": {"one": "{n} sivu, jonka teksti muuttui", "other": "{n} sivua, joiden teksti muuttui"},
        "sv": {"one": "{n} sida vars text ändrades", "other": "{n} sidor vars text ändrades"},
    },
    "diff-added": {
        "en": {"one": "{n} new page", "other": "{n} new pages"},
        "fi": {"one": "{n} uusi sivu", "other": "{n} uutta sivua"},
        "sv": {"one": "{n} ny sida", "other": "{n} nya sidor"},
    },
    "diff-removed": {
        "en": {"one": "{n} removed page", "other": "{n} removed pages"},
        "fi": {"one": "{n} poistunut sivu", "other": "{n} poistunutta sivua"},
        "sv": {"one": "{n} borttagen sida", "other": "{n} borttagna sidor"},
    },
    "diff-moved": {
        "en": {"one": "{n} moved address (redirect)", "other": "{n} moved addresses (redirects)"},
        "fi": {"one": "{n} siirtynyt osoite (uudelleenohjaus)",
               "other": "{n} siirtynyttä osoitetta (uudelleenohjaukset)"},
        "sv": {"one": "{n} flyttad adress (omdirigering)", "other": "{n} flyttade adresser (omdirigeringar)"},
    },
    "diff-feeds": {
        "en": {"one": "{n} calendar or feed changed", "other": "{n} calendars and feeds changed"},
        "fi": {"one": "{n} muuttunut kalenteri tai syöte", "other": "{n} muuttunutta kalenteria tai syötettä"},
        "sv": {"one": "{n} ändrad kalender eller flöde", "other": "{n} ändrade kalendrar och flöden"},
    },
    "diff-file-changed": {"en": "changed", "fi": "muuttunut", "sv": "ändrad"},
    "diff-file-added": {"en": "new", "fi": "uusi", "sv": "ny"},
    "diff-file-removed": {"en": "removed", "fi": "poistunut", "sv": "borttagen"},
    "diff-moved-from": {"en": "(was {old})", "fi": "(ennen {old})", "sv": "(tidigare {old})"},
    "diff-redirect-dropped": {
        "en": "{old} is no longer redirected (it was sent to {new})",
        "fi": "{old} ei enää ohjaudu minnekään (ennen ohjaus osoitteeseen {new})",
        "sv": "{old} omdirigeras inte längre (tidigare till {new})",
    },
    "diff-more-lines": {
        "en": {"one": "… and {n} more line", "other": "… and {n} more lines"},
        "fi": {"one": "… ja {n} rivi lisää", "other": "… ja {n} riviä lisää"},
        "sv": {"one": "… och {n} rad till", "other": "… och {n} rader till"},
    },
    "diff-too-long": {
        "en": "The other pages' diffs are left out: the report would be too long for the job summary. "
              "Run make diff on your own machine to see them.",
        "fi": "Muiden sivujen muutosrivit jätettiin pois, koska raportti olisi liian pitkä yhteenvetoon. "
              "Näet ne ajamalla make diff omalla koneellasi.",
        "sv": "De andra sidornas ändrade rader har utelämnats: rapporten skulle bli för lång för "
              "sammanfattningen. Kör make diff på din egen dator för att se dem.",
    },
    "diff-base-failed": {
        "en": {"one": "Nothing was compared: the version {base} (commit {commit}) does not build with "
                      "this checkout's generator ({n} problem). This is expected when the change "
                      "updates the data format; otherwise build that version and fix it first.",
               "other": "Nothing was compared: the version {base} (commit {commit}) does not build with "
                        "this checkout's generator ({n} problems). This is expected when the change "
                        "updates the data format; otherwise build that version and fix it first."},
        "fi": {"one": "Mitään ei verrattu: versio {base} (commit {commit}) ei rakennu tämän työkopion "
                      "generaattorilla ({n} ongelma). Näin käy, kun muutos uudistaa tietojen muotoa; "
                      "muuten rakenna se versio ja korjaa se ensin.",
               "other": "Mitään ei verrattu: versio {base} (commit {commit}) ei rakennu tämän työkopion "
                        "generaattorilla ({n} ongelmaa). Näin käy, kun muutos uudistaa tietojen muotoa; "
                        "muuten rakenna se versio ja korjaa se ensin."},
        "sv": {"one": "Ingenting jämfördes: versionen {base} (commit {commit}) kan inte byggas med den här "
                      "arbetskopians generator ({n} problem). Så blir det när ändringen förnyar "
                      "dataformatet; annars bygg den versionen och rätta den först.",
               "other": "Ingenting jämfördes: versionen {base} (commit {commit}) kan inte byggas med den "
                        "här arbetskopians generator ({n} problem). Så blir det när ändringen förnyar "
                        "dataformatet; annars bygg den versionen och rätta den först."},
    },
    "diff-head-failed": {
        "en": "This working copy's site could not be built, so nothing was compared: fix the problems "
              "above (make check) and run make diff again.",
        "fi": "Tämän työkopion sivustoa ei voitu rakentaa, joten mitään ei verrattu: korjaa yllä "
              "luetellut ongelmat (make check) ja aja make diff uudelleen.",
        "sv": "Den här arbetskopians webbplats kunde inte byggas, så ingenting jämfördes: rätta till "
              "problemen ovan (make check) och kör make diff igen.",
    },
    "diff-not-git": {
        "en": "{data} is not in a git repository: make diff compares with a version in git. Run it in "
              "the repository's folder.",
        "fi": "{data} ei ole git-repositoriossa: make diff vertaa gitissä olevaan versioon. Aja komento "
              "repositorion kansiossa.",
        "sv": "{data} ligger inte i ett git-repositorium: make diff jämför med en version i git. Kör "
              "kommandot i repositoriets mapp.",
    },
    "diff-no-base": {
        "en": "There is no version to compare with: neither {first} nor {second} exists in this repository. "
              "Name one, e.g. make diff BASE=<branch, tag or commit>.",
        "fi": "Vertailtavaa versiota ei löytynyt: tässä repositoriossa ei ole haaraa {first} eikä {second}. "
              "Anna se itse, esimerkiksi make diff BASE=<haara, tagi tai commit>.",
        "sv": "Det finns ingen version att jämföra med: varken {first} eller {second} finns i det här "
              "repositoriet. Ange en, till exempel make diff BASE=<gren, tagg eller commit>.",
    },
    "diff-bad-base": {
        "en": "'{base}' is not a branch, tag or commit of this repository: check the name "
              "(git branch -a lists the branches), e.g. make diff BASE=main.",
        "fi": "'{base}' ei ole tämän repositorion haara, tagi eikä commit: tarkista nimi "
              "(git branch -a luettelee haarat), esimerkiksi make diff BASE=main.",
        "sv": "'{base}' är ingen gren, tagg eller commit i det här repositoriet: kontrollera namnet "
              "(git branch -a listar grenarna), till exempel make diff BASE=main.",
    },
    "diff-base-missing": {
        "en": "The version {base} has no {paths}: compare with a version that has the site's data, "
              "e.g. make diff BASE=main.",
        "fi": "Versiossa {base} ei ole kansioita {paths}: vertaa versioon, jossa sivuston tiedot ovat, "
              "esimerkiksi make diff BASE=main.",
        "sv": "Versionen {base} har inte {paths}: jämför med en version som har webbplatsens data, "
              "till exempel make diff BASE=main.",
    },
    # --- schemas ---
    "schemas-stale": {
        "en": "Stale schemas: {files}. Run: make schemas",
        "fi": "Skeemat eivät ole ajan tasalla: {files}. Aja: make schemas",
        "sv": "Scheman är inte aktuella: {files}. Kör: make schemas",
    },
    "schemas-wrote": {
        "en": "Wrote {files}: save them with your change.",
        "fi": "Kirjoitettu {files}: tallenna ne muutoksesi mukana.",
        "sv": "Skrev {files}: spara dem tillsammans med din ändring.",
    },
    "schemas-current": {
        "en": "The schemas in {out}/ are current: nothing to write.",
        "fi": "Kansion {out}/ skeemat ovat ajan tasalla: mitään ei tarvinnut kirjoittaa.",
        "sv": "Schemana i {out}/ är aktuella: ingenting behövde skrivas.",
    },
    # --- serve (issue 12 item 2 / issue 13): what the preview prints and answers ---
    "serve-address": {
        "en": "Preview: {url}  (Ctrl+C stops)",
        "fi": "Esikatselu: {url}  (Ctrl+C lopettaa)",
        "sv": "Förhandsvisning: {url}  (Ctrl+C avslutar)",
    },
    "serve-rebuilding": {
        "en": "Change detected, rebuilding…",
        "fi": "Muutos havaittu, sivusto rakennetaan uudelleen…",
        "sv": "Ändring upptäckt, webbplatsen byggs om…",
    },
    "serve-built": {
        "en": "Built in {seconds} s",
        "fi": "Rakennettu {seconds} sekunnissa",
        "sv": "Byggd på {seconds} s",
    },
    "serve-rebuilt": {
        "en": "Rebuilt in {seconds} s",
        "fi": "Rakennettu uudelleen {seconds} sekunnissa",
        "sv": "Ombyggd på {seconds} s",
    },
    "serve-last-good": {
        "en": "The preview still shows the last good version.",
        "fi": "Esikatselu näyttää yhä viimeisimmän toimivan version.",
        "sv": "Förhandsvisningen visar fortfarande den senaste fungerande versionen.",
    },
    "serve-changed": {
        "en": "Changed: {url}",
        "fi": "Muuttunut: {url}",
        "sv": "Ändrad: {url}",
    },
    "serve-changed-more": {
        "en": {"one": "… and {n} more changed page", "other": "… and {n} more changed pages"},
        "fi": {"one": "… ja {n} muu muuttunut sivu", "other": "… ja {n} muuta muuttunutta sivua"},
        "sv": {"one": "… och {n} annan ändrad sida", "other": "… och {n} andra ändrade sidor"},
    },
    "serve-unchanged": {
        "en": "No page changed.",
        "fi": "Mikään sivu ei muuttunut.",
        "sv": "Ingen sida ändrades.",
    },
    "interrupted": {
        "en": "Interrupted (Ctrl+C).",
        "fi": "Keskeytetty (Ctrl+C).",
        "sv": "Avbrutet (Ctrl+C).",
    },
    "view-address": {
        "en": "The built site {folder} at {url}  (Ctrl+C stops). Its headers (CSP, caching) are not "
              "the CDN's: make serve has those.",
        "fi": "Rakennettu sivusto {folder} osoitteessa {url}  (Ctrl+C lopettaa). Otsakkeet (CSP, "
              "välimuisti) eivät ole julkaisun: ne näkee esikatselussa make serve.",
        "sv": "Den byggda webbplatsen {folder} på {url}  (Ctrl+C avslutar). Rubrikerna (CSP, cachning) "
              "är inte publiceringens: dem ser du i förhandsvisningen make serve.",
    },
    "view-not-a-site": {
        "en": "{folder} is not a built site (it has no index.html): give the folder the artifact was "
              "unpacked into, the one with index.html in it.",
        "fi": "{folder} ei ole rakennettu sivusto (siinä ei ole tiedostoa index.html): anna kansio, "
              "johon paketti purettiin ja jossa index.html on.",
        "sv": "{folder} är ingen byggd webbplats (den har ingen index.html): ange mappen som paketet "
              "packades upp i, den med index.html.",
    },
    "serve-stopped": {
        "en": "Preview stopped.",
        "fi": "Esikatselu pysäytetty.",
        "sv": "Förhandsvisningen stoppad.",
    },
    "serve-port-in-use": {
        "en": "Port {port} is already in use: stop the other preview, or choose another port, "
              "e.g. make serve PORT={other}",
        "fi": "Portti {port} on jo käytössä: sulje toinen esikatselu tai valitse toinen portti, "
              "esimerkiksi make serve PORT={other}",
        "sv": "Porten {port} används redan: stoppa den andra förhandsvisningen eller välj en annan "
              "port, till exempel make serve PORT={other}",
    },
    "serve-bad-host": {
        "en": "This preview answers only at http://127.0.0.1:{port}/ (or localhost): open that address.",
        "fi": "Tämä esikatselu vastaa vain osoitteessa http://127.0.0.1:{port}/ (tai localhost): "
              "avaa se osoite.",
        "sv": "Den här förhandsvisningen svarar bara på http://127.0.0.1:{port}/ (eller localhost): "
              "öppna den adressen.",
    },
    "serve-not-found": {
        "en": "Not found: the preview has no such page.",
        "fi": "Ei löytynyt: esikatselussa ei ole tällaista sivua.",
        "sv": "Hittades inte: förhandsvisningen har ingen sådan sida.",
    },
    # --- issue 12 (h1): the folders a build may replace (guard.py), the CLI's one-line errors ---
    "guard-source": {
        "en": "{role} {path} overlaps the source folder {source} (it is, contains or lies inside it): "
              "a build replaces that folder and would delete the sources. Nothing was changed; "
              "give {role} a folder of its own, e.g. --out site --work build.",
        "fi": "{role} {path} osuu lähdekansioon {source} (on sama, sisältää sen tai on sen sisällä): "
              "rakentaminen korvaa kansion ja poistaisi lähteet. Mitään ei muutettu; anna "
              "valitsimelle {role} oma kansio, esimerkiksi --out site --work build.",
        "sv": "{role} {path} överlappar källmappen {source} (är den, innehåller den eller ligger i den): "
              "bygget ersätter mappen och skulle radera källorna. Ingenting ändrades; ge {role} en "
              "egen mapp, till exempel --out site --work build.",
    },
    "guard-repository": {
        "en": "{role} {path} is or contains the repository {root}: a build would replace it all. "
              "Nothing was changed; use a folder inside it, e.g. --out site.",
        "fi": "{role} {path} on tai sisältää koko repositorion {root}: rakentaminen korvaisi sen "
              "kokonaan. Mitään ei muutettu; käytä sen sisällä olevaa kansiota, esimerkiksi --out site.",
        "sv": "{role} {path} är eller innehåller hela repositoriet {root}: bygget skulle ersätta allt. "
              "Ingenting ändrades; använd en mapp inuti det, till exempel --out site.",
    },
    "guard-current": {
        "en": "{role} {path} is or contains the current folder {root}: a build would replace it. "
              "Nothing was changed; use a folder inside it, e.g. --out site.",
        "fi": "{role} {path} on tai sisältää nykyisen kansion {root}: rakentaminen korvaisi sen. "
              "Mitään ei muutettu; käytä sen sisällä olevaa kansiota, esimerkiksi --out site.",
        "sv": "{role} {path} är eller innehåller den aktuella mappen {root}: bygget skulle ersätta den. "
              "Ingenting ändrades; använd en mapp inuti den, till exempel --out site.",
    },
    "guard-home": {
        "en": "{role} {path} is or contains your home folder {root}: a build would replace it. "
              "Nothing was changed; choose a folder of its own, e.g. --out site.",
        "fi": "{role} {path} on tai sisältää kotikansiosi {root}: rakentaminen korvaisi sen. "
              "Mitään ei muutettu; valitse oma kansio, esimerkiksi --out site.",
        "sv": "{role} {path} är eller innehåller din hemmapp {root}: bygget skulle ersätta den. "
              "Ingenting ändrades; välj en egen mapp, till exempel --out site.",
    },
    "guard-root": {
        "en": "{role} {path} is the root of the file system: a build would replace it. "
              "Nothing was changed; choose a folder of its own, e.g. --out site.",
        "fi": "{role} {path} on tiedostojärjestelmän juuri: rakentaminen korvaisi sen. "
              "Mitään ei muutettu; valitse oma kansio, esimerkiksi --out site.",
        "sv": "{role} {path} är filsystemets rot: bygget skulle ersätta den. "
              "Ingenting ändrades; välj en egen mapp, till exempel --out site.",
    },
    "guard-overlap": {
        "en": "--out {out} and --work {work} overlap (one is, or lies inside, the other): the build "
              "clears its work folder while it writes the output. Nothing was changed; use two "
              "separate folders, e.g. --out site --work build.",
        "fi": "--out {out} ja --work {work} ovat päällekkäin (sama kansio tai toinen toisen sisällä): "
              "rakentaminen tyhjentää työkansion kirjoittaessaan tulosta. Mitään ei muutettu; käytä "
              "kahta erillistä kansiota, esimerkiksi --out site --work build.",
        "sv": "--out {out} och --work {work} överlappar (samma mapp eller den ena i den andra): bygget "
              "tömmer arbetsmappen medan det skriver resultatet. Ingenting ändrades; använd två "
              "separata mappar, till exempel --out site --work build.",
    },
    "guard-symlink": {
        "en": "{role} {path} is a symbolic link (to {target}): a build would replace the link, not "
              "the folder. Nothing was changed; give the folder itself.",
        "fi": "{role} {path} on symbolinen linkki (kohteeseen {target}): rakentaminen korvaisi linkin "
              "eikä kansiota. Mitään ei muutettu; anna itse kansio.",
        "sv": "{role} {path} är en symbolisk länk (till {target}): bygget skulle ersätta länken, inte "
              "mappen. Ingenting ändrades; ange själva mappen.",
    },
    "guard-not-folder": {
        "en": "{role} {path} exists and is not a folder. Nothing was changed; choose another name.",
        "fi": "{role} {path} on jo olemassa eikä se ole kansio. Mitään ei muutettu; valitse toinen nimi.",
        "sv": "{role} {path} finns redan och är ingen mapp. Ingenting ändrades; välj ett annat namn.",
    },
    "guard-foreign": {
        "en": "{role} {path} is a folder with files that a build did not write (it has no {stamp} "
              "file): a build would delete them. Nothing was changed; choose an empty or new folder, "
              "or, if it is an old output of this generator, delete it yourself and build again.",
        "fi": "{role} {path} on kansio, jonka tiedostoja rakentaminen ei ole kirjoittanut (siinä ei "
              "ole tiedostoa {stamp}): rakentaminen poistaisi ne. Mitään ei muutettu; valitse tyhjä "
              "tai uusi kansio, tai jos se on tämän generaattorin vanha tulos, poista se itse ja "
              "rakenna uudelleen.",
        "sv": "{role} {path} är en mapp med filer som bygget inte har skrivit (den har ingen fil "
              "{stamp}): bygget skulle radera dem. Ingenting ändrades; välj en tom eller ny mapp, "
              "eller, om den är ett gammalt resultat av den här generatorn, radera den själv och "
              "bygg igen.",
    },
    "guard-locked": {
        "en": "Another build is writing into {path} right now (it holds {lock}). Nothing was "
              "changed; wait for it to finish, then build again.",
        "fi": "Toinen rakentaminen kirjoittaa juuri nyt kansioon {path} (se pitää lukkoa {lock}). "
              "Mitään ei muutettu; odota, että se valmistuu, ja rakenna sitten uudelleen.",
        "sv": "Ett annat bygge skriver just nu till {path} (det håller låset {lock}). Ingenting "
              "ändrades; vänta tills det är klart och bygg sedan igen.",
    },
    "guard-file-not-regular": {
        "en": "{role} {path} is not a regular file (a folder, a link or a device). Nothing was "
              "changed; give the path of a file.",
        "fi": "{role} {path} ei ole tavallinen tiedosto (vaan kansio, linkki tai laite). Mitään ei "
              "muutettu; anna tiedoston polku.",
        "sv": "{role} {path} är ingen vanlig fil (utan en mapp, en länk eller en enhet). Ingenting "
              "ändrades; ange sökvägen till en fil.",
    },
    "guard-file-in-source": {
        "en": "{role} {path} lies in the source folder {source}: the command would overwrite an "
              "editor's file. Nothing was changed; give a path outside it.",
        "fi": "{role} {path} on lähdekansiossa {source}: komento kirjoittaisi toimittajan tiedoston "
              "päälle. Mitään ei muutettu; anna polku sen ulkopuolelta.",
        "sv": "{role} {path} ligger i källmappen {source}: kommandot skulle skriva över en redaktörs "
              "fil. Ingenting ändrades; ange en sökväg utanför den.",
    },
    "guard-files-foreign": {
        "en": "{role} {path} holds files this command did not write ({file}): it would write among "
              "them. Nothing was changed; give a new or empty folder, or the project's own schemas/.",
        "fi": "{role} {path} sisältää tiedostoja, joita tämä komento ei ole kirjoittanut ({file}): se "
              "kirjoittaisi niiden joukkoon. Mitään ei muutettu; anna uusi tai tyhjä kansio tai "
              "projektin oma schemas/-kansio.",
        "sv": "{role} {path} innehåller filer som kommandot inte har skrivit ({file}): det skulle skriva "
              "bland dem. Ingenting ändrades; ange en ny eller tom mapp eller projektets egen mapp schemas/.",
    },
    "guard-not-output": {
        "en": "{role} {path} is not a built site (it has no {stamp} file): build one first, e.g. "
              "make site, and give that folder.",
        "fi": "{role} {path} ei ole rakennettu sivusto (siinä ei ole tiedostoa {stamp}): rakenna "
              "ensin sivusto, esimerkiksi make site, ja anna se kansio.",
        "sv": "{role} {path} är ingen byggd webbplats (den har ingen fil {stamp}): bygg en först, "
              "till exempel make site, och ange den mappen.",
    },
    "guard-file-foreign": {
        "en": "{role} {path} is not a file this command wrote (it does not start with '{first}'). "
              "Nothing was changed; give the path of the file to write, or of a new file.",
        "fi": "{role} {path} ei ole tämän komennon kirjoittama tiedosto (se ei ala rivillä '{first}'). "
              "Mitään ei muutettu; anna kirjoitettavan tiedoston tai uuden tiedoston polku.",
        "sv": "{role} {path} är ingen fil som kommandot har skrivit (den börjar inte med '{first}'). "
              "Ingenting ändrades; ange sökvägen till filen som ska skrivas eller till en ny fil.",
    },
    "os-error": {
        "en": "Could not {action} {path}: {reason}.",
        "fi": "Kohdetta {path} ei voitu {action}: {reason}.",
        "sv": "Det gick inte att {action} {path}: {reason}.",
    },
    "os-error-no-path": {
        "en": "A file operation failed: {reason}.",
        "fi": "Tiedostotoiminto epäonnistui: {reason}.",
        "sv": "En filoperation misslyckades: {reason}.",
    },
    "internal-error": {
        "en": "Internal error while running '{command}' ({error}). This is a bug: please report it "
              "to the developers with the output of the same command run with --debug "
              "(.venv/bin/python -m generator --debug {command} …).",
        "fi": "Sisäinen virhe komennossa '{command}' ({error}). Tämä on ohjelmavirhe: ilmoita siitä "
              "kehittäjille ja liitä mukaan saman komennon tuloste, kun se ajetaan uudelleen lisäyksellä "
              "DEBUG=1 (esimerkiksi make check DEBUG=1).",
        "sv": "Internt fel i kommandot '{command}' ({error}). Det här är en bugg: rapportera den till "
              "utvecklarna med utdata från samma kommando körd på nytt med tillägget DEBUG=1 "
              "(till exempel make check DEBUG=1).",
    },
}

# What a failed file operation could not do, and why (`os-error`): key → language → text.
OS_WORDS = {
    "write": {"en": "write", "fi": "kirjoittaa", "sv": "skriva"},
    "read": {"en": "read", "fi": "lukea", "sv": "läsa"},
    "access": {"en": "use", "fi": "käyttää", "sv": "använda"},
    "EACCES": {"en": "permission denied: check the folder's permissions or choose another folder",
               "fi": "lupa evätty: tarkista kansion käyttöoikeudet tai valitse toinen kansio",
               "sv": "åtkomst nekad: kontrollera mappens behörigheter eller välj en annan mapp"},
    "ENOSPC": {"en": "the disk is full: free some space and build again",
               "fi": "levy on täynnä: vapauta tilaa ja rakenna uudelleen",
               "sv": "disken är full: frigör utrymme och bygg igen"},
    "EDQUOT": {"en": "your disk quota is used up: free some space and build again",
               "fi": "levykiintiösi on täynnä: vapauta tilaa ja rakenna uudelleen",
               "sv": "din diskkvot är slut: frigör utrymme och bygg igen"},
    "EROFS": {"en": "the file system is read-only: choose a folder you can write to",
              "fi": "tiedostojärjestelmä on vain luku -tilassa: valitse kansio, johon voit kirjoittaa",
              "sv": "filsystemet är skrivskyddat: välj en mapp som du kan skriva till"},
    "ENOENT": {"en": "no such file or folder", "fi": "tiedostoa tai kansiota ei ole",
               "sv": "filen eller mappen finns inte"},
    "ENAMETOOLONG": {"en": "the name is too long", "fi": "nimi on liian pitkä", "sv": "namnet är för långt"},
}
OUTCOMES = TEXTS
"""The name serve.py and older code use for the same catalogue."""

NOUNS: dict[str, dict[str, str]] = {
    # The kind of record an id names (`unknown-ref`'s first value), in the form its sentence needs:
    # Finnish partitive ("palvelua … ei ole"), Swedish indefinite ("det finns ingen tjänst …").
    "service": {"en": "service", "fi": "palvelua", "sv": "tjänst"},
    "requirement": {"en": "requirement", "fi": "edellytystä", "sv": "förutsättning"},
    "role": {"en": "role", "fi": "roolia", "sv": "roll"},
    "sector": {"en": "sector", "fi": "toimialaa", "sv": "sektor"},
    "contact": {"en": "contact", "fi": "yhteystietoa", "sv": "kontakt"},
    "period": {"en": "period", "fi": "jaksoa", "sv": "period"},
    "page": {"en": "page", "fi": "sivua", "sv": "sida"},
    "language": {"en": "language", "fi": "kieltä", "sv": "språk"},
    "trigger": {"en": "trigger", "fi": "ilmoittautumisen syytä", "sv": "anmälningsorsak"},
    "change": {"en": "change", "fi": "muutosta", "sv": "ändring"},
    "event": {"en": "event", "fi": "tilaisuutta", "sv": "tillfälle"},
}
_NOUN_ARG = {"unknown-ref": 0, "unknown-ref-guess": 0}
"""Codes whose given argument is a NOUNS key, translated before it is put in the sentence."""

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
        "fi": ("rivi ei ole kelvollista YAMLia", "vertaa riviä yllä olevaan samanlaiseen riviin: sisennys ja "
                                     "lainausmerkit ovat yleisimmät syyt"),
        "sv": ("raden är inte giltig YAML", "jämför raden med en liknande rad ovanför: indrag och citattecken "
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
        "fi": ("tuntematon avain '{0}'", "tässä kohdassa sallitut avaimet: {1}"),
        "sv": ("okänd nyckel '{0}'", "tillåtna nycklar här: {1}"),
    },
    "unknown-key-guess": {
        "fi": ("tuntematon avain '{0}'", "tarkoititko '{1}'?"),
        "sv": ("okänd nyckel '{0}'", "menade du '{1}'?"),
    },
    "missing": {
        "fi": ("avain '{0}' puuttuu", "lisää `{0}:`"),
        "sv": ("nyckeln '{0}' saknas", "lägg till `{0}:`"),
    },
    "missing-translation": {
        "fi": ("teksti kielellä {0} puuttuu",
               "lisää tämän kohdan alle rivi `{0}:` ja sen perään teksti kielellä {0} (jokainen teksti "
               "tarvitaan kaikilla sivuston kielillä)"),
        "sv": ("texten på språket {0} saknas",
               "lägg under den här punkten till raden `{0}:` och efter den texten på språket {0} (varje "
               "text behövs på alla webbplatsens språk)"),
    },
    "unknown-ref": {
        "fi": ("{0}, jonka tunniste on '{1}', ei ole", "tunnetut tunnisteet: {2}"),
        "sv": ("det finns ingen {0} med id '{1}'", "kända id:n: {2}"),
    },
    "unknown-ref-guess": {
        "fi": ("{0}, jonka tunniste on '{1}', ei ole", "tarkoititko '{2}'?"),
        "sv": ("det finns ingen {0} med id '{1}'", "menade du '{2}'?"),
    },
    "duplicate-id": {
        "fi": ("tunniste '{0}' on käytössä kahdesti (ensin rivillä {1})", "anna jokaiselle oma tunniste"),
        "sv": ("id '{0}' används två gånger (först på rad {1})", "ge varje post ett eget id"),
    },
    "date-order": {
        "fi": ("tilaisuus päättyy ennen kuin se alkaa", "tarkista kellonajat"),
        "sv": ("tillfället slutar innan det börjar", "kontrollera klockslagen"),
    },
    "period-order": {
        "fi": ("jakso {0} päättyy ({1}) ennen kuin se alkaa ({2})",
               "vaihda päivämäärät keskenään tai korjaa kirjoitusvirhe; jakson tilaisuudet ja "
               "päällekkäisyys muiden jaksojen kanssa tarkistetaan, kun päivämäärät ovat järjestyksessä"),
        "sv": ("perioden {0} slutar ({1}) innan den börjar ({2})",
               "byt plats på datumen eller rätta skrivfelet; periodens tillfällen och överlappning med "
               "andra perioder kontrolleras när datumen är i ordning"),
    },
    "registration-order": {
        "fi": ("ilmoittautuminen päättyy ({0}) ennen kuin se alkaa ({1})",
               "vaihda päivämäärät keskenään tai korjaa kirjoitusvirhe"),
        "sv": ("anmälan stängs ({0}) innan den öppnar ({1})", "byt plats på datumen eller rätta skrivfelet"),
    },
    "registration-late": {
        "fi": ("ilmoittautuminen päättyy ({0}) samana päivänä tai sen jälkeen, kun jakso alkaa ({1})",
               "ilmoittautumisen on päätyttävä ennen jakson alkua"),
        "sv": ("anmälan stängs ({0}) samma dag som perioden börjar ({1}) eller senare",
               "anmälan måste stängas innan perioden börjar"),
    },
    "stale-review": {
        "fi": ("tietoja ei ole tarkistettu yli 12 kuukauteen", "tarkista tiedot ja päivitä `last_reviewed`"),
        "sv": ("uppgifterna har inte granskats på över 12 månader", "granska uppgifterna och uppdatera "
                                                                   "`last_reviewed`"),
    },
    "provisional-soon": {
        "fi": ("{0} on yhä alustava, ja siihen on vain {1} päivää", "varmista päivä Kelasta ja aseta "
                                                                     "`provisional: false`"),
        "sv": ("{0} är fortfarande preliminärt och bara {1} dagar bort", "bekräfta datumet med FPA och "
                                                                         "sätt `provisional: false`"),
    },
    "no-upcoming": {
        "fi": ("yksikään jakso ei ala tämän päivän jälkeen", "lisää seuraavan vuoden jaksot: "
                                                            "make new-period PERIOD=N/VVVV"),
        "sv": ("ingen period börjar efter i dag", "lägg till nästa års perioder: "
                                                 "make new-period PERIOD=N/ÅÅÅÅ"),
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
        "fi": ("'{0}' ei ole kielikoodi (kuten fi tai sv)", "jos {{ }}-sulkeissa olevassa tekstissä on pilkku, "
                                                          "laita koko teksti lainausmerkkeihin"),
        "sv": ("'{0}' är ingen språkkod (som fi eller sv)", "om texten inom {{ }} innehåller ett kommatecken, "
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
    "date-range": {
        "fi": ("'{0}' on vuosien {1}–{2} ulkopuolella, joita opas käsittelee",
               "tarkista vuosiluku (kirjoitusvirhe?)"),
        "sv": ("'{0}' ligger utanför åren {1}–{2} som guiden omfattar",
               "kontrollera årtalet (ett skrivfel?)"),
    },
    "placeholder-syntax": {
        "fi": ("tekstissä on aaltosulje, jota generaattori ei osaa lukea: {0}",
               "paikkamerkki on pelkkä nimi aaltosulkeissa, esim. {{id}}; kirjoita teksti ilman muita "
               "aaltosulkeita"),
        "sv": ("texten innehåller en klammerparentes som generatorn inte kan läsa: {0}",
               "en platshållare är ett namn inom klamrar, t.ex. {{id}}; skriv texten utan andra klamrar"),
    },
    "placeholder-unknown": {
        "fi": ("paikkamerkkiä {0} ei täytetä tekstiin '{1}'",
               "käytä vain näitä: {2}, kuten muissa kielissä (jos luettelo on tyhjä, poista aaltosulkeet)"),
        "sv": ("platshållaren {0} fylls inte i för '{1}'",
               "använd bara dessa: {2}, som på de andra språken (om listan är tom, ta bort klamrarna)"),
    },
    "month-names": {
        "fi": ("tekstissä '{0}' on {1} sanaa, ei 12 kuukautta",
               "kirjoita kahdentoista kuukauden nimet tammikuusta alkaen välilyönnein erotettuina"),
        "sv": ("texten '{0}' har {1} ord, inte 12 månader",
               "skriv de tolv månadernas namn, januari först, åtskilda av mellanslag"),
    },
    "placeholder-missing": {
        "fi": ("paikkamerkki {0} puuttuu: sen tilalle tuleva arvo ei näkyisi sivulla",
               "kirjoita {0} kohtaan, johon arvo kuuluu (kuten tekstin '{1}' muissa kielissä)"),
        "sv": ("platshållaren {0} saknas: värdet den står för skulle inte visas",
               "skriv {0} där värdet hör hemma (som i texten '{1}' på de andra språken)"),
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
        "fi": ("'{0}' ei ole sallittu linkki",
               "kirjoita koko osoite alkaen https:// (tai mailto:nimi@esimerkki.fi); koodaa välilyönnit, "
               "lainausmerkit ja sulkeet ( ) [ ] {{ }} muotoon %20, %22, %28 …"),
        "sv": ("'{0}' är ingen tillåten länk",
               "skriv hela adressen med https:// (eller mailto:namn@exempel.fi); koda mellanslag, "
               "citattecken och parenteser ( ) [ ] {{ }} som %20, %22, %28 …"),
    },
    "bad-https-url": {
        "fi": ("'{0}' ei ole kokonainen https://-osoite",
               "kirjoita muodossa https://palvelin/polku (esim. https://www.kanta.fi/); koodaa välilyönnit, "
               "lainausmerkit ja sulkeet ( ) [ ] {{ }} muotoon %20, %22, %28 …"),
        "sv": ("'{0}' är ingen fullständig https://-adress",
               "skriv i formen https://server/sökväg (t.ex. https://www.kanta.fi/); koda mellanslag, "
               "citattecken och parenteser ( ) [ ] {{ }} som %20, %22, %28 …"),
    },
    "bad-site-url": {
        "fi": ("'{0}' ei ole sivuston juuren osoite",
               "kirjoita muodossa https://palvelin/ (tai https://palvelin/kansio/), lopussa / eikä ? tai #"),
        "sv": ("'{0}' är inte adressen till webbplatsens rot",
               "skriv i formen https://server/ (eller https://server/mapp/), med / i slutet och utan ? eller #"),
    },
    "reserved-anchor": {
        "fi": ("'{0}' on tunniste, jota sivuston teema tai skriptit käyttävät (__- ja kg-alkuiset "
               "tunnisteet on varattu)", "valitse toinen, esim. '{1}'"),
        "sv": ("'{0}' är ett id som webbplatsens tema eller skript använder (id som börjar med __ eller "
               "kg- är reserverade)", "välj ett annat, t.ex. '{1}'"),
    },
    "bad-link": {
        "fi": ("linkin kohde '{0}' ei ole sallittu",
               "käytä koko osoitetta (https://…), mailto:nimi@esimerkki.fi tai sivuston polkua, joka "
               "alkaa yhdellä /-merkillä (esim. /fi/palvelut/)"),
        "sv": ("länkmålet '{0}' är inte tillåtet",
               "använd en hel adress (https://…), mailto:namn@exempel.fi eller en sökväg på webbplatsen "
               "som börjar med ett enda / (t.ex. /sv/tjanster/)"),
    },
    "bad-email": {
        "fi": ("'{0}' ei ole sähköpostiosoite",
               "kirjoita muodossa nimi@esimerkki.fi ilman välilyöntejä, sulkeita tai lainausmerkkejä"),
        "sv": ("'{0}' är ingen e-postadress",
               "skriv i formen namn@exempel.fi utan mellanslag, parenteser eller citattecken"),
    },
    "bad-stemmer": {
        "fi": ("'{0}' ei ole haun kieli",
               "kirjoita kaksikirjaiminen kielikoodi, jota Materialin haku tukee, esim. fi tai sv"),
        "sv": ("'{0}' är inget sökspråk",
               "skriv en språkkod med två bokstäver som Materials sökning stöder, t.ex. fi eller sv"),
    },
    "bad-branch": {
        "fi": ("'{0}' ei ole turvallinen haaran nimi",
               "käytä vain kirjaimia, numeroita ja merkkejä . _ / -, esim. main"),
        "sv": ("'{0}' är inget säkert grennamn",
               "använd bara bokstäver, siffror och tecknen . _ / -, t.ex. main"),
    },
    "bad-path": {
        "fi": ("'{0}' ei ole tämän sivuston sivun osoite",
               "kirjoita polku sivuston juuresta kielen kanssa, vinoviiva alussa ja lopussa, esim. "
               "/fi/palvelut/"),
        "sv": ("'{0}' är ingen sidadress på den här webbplatsen",
               "skriv sökvägen från webbplatsens rot med språket, snedstreck först och sist, t.ex. "
               "/sv/tjanster/"),
    },
    "not-scalar": {
        "fi": ("tähän kuuluu yksi arvo (kuten {0}), ei luetteloa eikä sisennettyjä avaimia",
               "kirjoita arvo samalle riville avaimen kanssa ilman merkkejä '- ', [ ] tai {{ }}"),
        "sv": ("här ska det stå ett enda värde (som {0}), inte en lista eller indragna nycklar",
               "skriv värdet på samma rad som nyckeln, utan '- ', [ ] eller {{ }}"),
    },
    "attr-list": {
        "fi": ("attribuuttilistat ({{: …}} tai {{ … }}) eivät ole sallittuja tietojen teksteissä",
               "poista aaltosulkeet ja niiden sisältö"),
        "sv": ("attributlistor ({{: …}} eller {{ … }}) är inte tillåtna i datatexter",
               "ta bort klammerparenteserna och det som står mellan dem"),
    },
    "ref-definition": {
        "fi": ("viittaustyyliset linkkimääritelmät ([nimi]: osoite) eivät ole sallittuja tietojen "
               "teksteissä",
               "kirjoita linkki siihen kohtaan, jossa sitä käytetään: [linkin teksti](https://…)"),
        "sv": ("referenslänkar ([namn]: adress) är inte tillåtna i datatexter",
               "skriv länken där den används: [länktext](https://…)"),
    },
    "html-in-content": {
        "fi": ("HTML-koodi tai skriptilinkki ei ole sallittu sivuilla",
               "käytä Markdownia; kysy kehittäjiltä, jos sivu todella tarvitsee HTML:ää"),
        "sv": ("HTML-kod eller skriptlänkar är inte tillåtna på sidor",
               "använd Markdown; fråga utvecklarna om sidan verkligen behöver HTML"),
    },
    "handler-in-content": {
        "fi": ("attribuuttilista asettaa tapahtumankäsittelijän '{0}'",
               "skriptit eivät ole sallittuja sivuilla: poista se; attribuuttilistassa saa olla "
               "#tunniste tai .luokka"),
        "sv": ("attributlistan sätter händelsehanteraren '{0}'",
               "skript är inte tillåtna på sidor: ta bort den; en attributlista får ange ett #id eller "
               "en .klass"),
    },
    "script-link-in-content": {
        "fi": ("linkin kohde '{0}' ei ole sallittu sivuilla",
               "linkitä osoitteeseen https://…, mailto:… tai toiselle sivulle (esim. ../palvelut/)"),
        "sv": ("länkmålet '{0}' är inte tillåtet på sidor",
               "länka till https://…, mailto:… eller en annan sida (t.ex. ../tjanster/)"),
    },
    "quote-in-site-name": {
        "fi": ("sivuston nimessä on lainausmerkki (\")",
               "teema kirjoittaa nimen HTML-attribuutteihin: käytä typografisia lainausmerkkejä (”…”) "
               "tai jätä ne pois"),
        "sv": ("webbplatsens namn innehåller ett citattecken (\")",
               "temat skriver namnet i HTML-attribut: använd typografiska citattecken (”…”) eller "
               "utelämna dem"),
    },
    "bad-slug": {
        "fi": ("tiedoston nimi '{0}' ei kelpaa osoitteeksi",
               "nimeä tiedosto uudelleen pienillä kirjaimilla a–z, numeroilla ja väliviivoilla, esim. "
               "tietosuoja.md"),
        "sv": ("filnamnet '{0}' duger inte som adress",
               "byt namn på filen med små bokstäver a–z, siffror och bindestreck, t.ex. dataskydd.md"),
    },
    "duplicate-slug": {
        "fi": ("osoite '{0}' on jo toisen sivun käytössä",
               "jokainen sivu tarvitsee oman osoitteen"),
        "sv": ("adressen '{0}' används redan av en annan sida",
               "varje sida behöver en egen adress"),
    },
    "event-place": {
        "fi": ("tilaisuus ei ole verkossa, mutta sillä ei ole paikkaa",
               "lisää `place:` tai aseta `online: true`"),
        "sv": ("tillfället är inte på nätet men har ingen plats",
               "lägg till `place:` eller sätt `online: true`"),
    },
    "event-service": {
        "fi": ("jakso {1} ei ota vastaan palvelua '{0}'",
               "lisää palvelu jakson `accepts:`-listaan tai poista se tästä"),
        "sv": ("period {1} tar inte emot tjänsten '{0}'",
               "lägg till tjänsten i periodens `accepts:` eller ta bort den här"),
    },
    "functionality-extends": {
        "fi": ("toiminnallisuuden on kerrottava, mitä palvelua se laajentaa",
               "lisää `extends: <palvelun tunniste>`"),
        "sv": ("en funktionalitet måste ange vilken tjänst den utvidgar",
               "lägg till `extends: <tjänstens id>`"),
    },
    "missing-file": {
        "fi": ("tiedosto puuttuu",
               "jokaisessa tietokansiossa on oltava tämä tiedosto; palauta se gitistä"),
        "sv": ("filen saknas",
               "varje datamapp behöver den här filen; återställ den från git"),
    },
    "missing-folder": {
        "fi": ("kielen {0} sisältökansio puuttuu",
               "luo kansio (se saa olla tyhjä)"),
        "sv": ("innehållsmappen för språket {0} saknas",
               "skapa mappen (den får vara tom)"),
    },
    "missing-string": {
        "fi": ("sivupohjat käyttävät merkkijonoa '{0}', jota ei ole määritelty",
               "lisää `{0}:` ja sille teksti jokaisella kielellä"),
        "sv": ("mallarna använder strängen '{0}', som inte är definierad",
               "lägg till `{0}:` med en text på varje språk"),
    },
    "no-front-matter": {
        "fi": ("sivun alusta puuttuu tietolohko (front matter)",
               "aloita tiedosto rivillä ---, kirjoita avaimet id, title ja last_reviewed ja lopeta "
               "rivillä ---"),
        "sv": ("sidan saknar ett inledande datablock (front matter)",
               "börja filen med ---, skriv nycklarna id, title och last_reviewed och avsluta med ---"),
    },
    "period-year": {
        "fi": ("jakso {0} alkaa vuonna {1}",
               "jakson tunniste kertoo sen alkamisvuoden; tarkista `id` ja `start`"),
        "sv": ("period {0} börjar år {1}",
               "periodens id anger året då den börjar; kontrollera `id` och `start`"),
    },
    "self-ref": {
        "fi": ("palvelu ei voi viitata itseensä",
               "poista oma tunniste tästä"),
        "sv": ("en tjänst kan inte hänvisa till sig själv",
               "ta bort tjänstens eget id här"),
    },
    "unknown-file": {
        "fi": ("generaattori ei lue tätä tiedostoa",
               "tietotiedostot ovat: {0}"),
        "sv": ("generatorn läser inte den här filen",
               "datafilerna är: {0}"),
    },
    "urls-new": {
        "fi": ("tiedostosta urls.txt puuttuvat uudet osoitteet ({0}): {1}",
               "aja `make urls` ja tallenna urls.txt gitiin, jotta nekin säilyvät"),
        "sv": ("nya adresser saknas i urls.txt ({0}): {1}",
               "kör `make urls` och spara urls.txt i git, så att också de skyddas"),
    },
    "urls-unlisted": {
        "fi": ("tiedostosta urls.txt puuttuvat uudet osoitteet ({0}): {1}",
               "aja `{2}` ja tallenna urls.txt muutoksesi mukana"),
        "sv": ("nya adresser saknas i urls.txt ({0}): {1}",
               "kör `{2}` och spara urls.txt tillsammans med din ändring"),
    },
    "urls-moved": {
        "fi": ("osoite {0} lakkaisi toimimasta",
               "sivun uusi osoite näyttää olevan {1}: pidä vanha toiminnassa lisäämällä tiedostoon "
               "data/site.yaml kohdan `redirects:` alle rivi `- {{old: {0}, new: {1}}}`; jos sivu "
               "poistettiin tarkoituksella, aja `{2}`"),
        "sv": ("adressen {0} skulle sluta fungera",
               "sidans nya adress verkar vara {1}: håll den gamla i bruk genom att lägga till raden "
               "`- {{old: {0}, new: {1}}}` under `redirects:` i data/site.yaml; om sidan togs bort "
               "avsiktligt, kör `{2}`"),
    },
    "urls-moved-new-key": {
        "fi": ("osoite {0} lakkaisi toimimasta",
               "sivun uusi osoite näyttää olevan {1}: pidä vanha toiminnassa lisäämällä tiedoston "
               "data/site.yaml loppuun kaksi riviä: `redirects:` ja sen alle `  - {{old: {0}, new: {1}}}`; "
               "jos sivu poistettiin tarkoituksella, aja `{2}`"),
        "sv": ("adressen {0} skulle sluta fungera",
               "sidans nya adress verkar vara {1}: håll den gamla i bruk genom att lägga till två rader "
               "sist i data/site.yaml: `redirects:` och under den `  - {{old: {0}, new: {1}}}`; om sidan "
               "togs bort avsiktligt, kör `{2}`"),
    },
    "urls-moved-service": {
        "fi": ("osoite {0} lakkaisi toimimasta",
               "palvelun '{2}' uusi osoite näyttää olevan {1}: pidä vanha toiminnassa lisäämällä palvelulle "
               "tiedostossa data/services.yaml `redirect_from: [{3}]`; jos palvelu poistettiin "
               "tarkoituksella, aja `{4}`"),
        "sv": ("adressen {0} skulle sluta fungera",
               "tjänstens '{2}' nya adress verkar vara {1}: håll den gamla i bruk genom att lägga till "
               "`redirect_from: [{3}]` för tjänsten i data/services.yaml; om tjänsten togs bort "
               "avsiktligt, kör `{4}`"),
    },
    "urls-gone": {
        "fi": ("osoite {0} lakkaisi toimimasta",
               "jos sivu sai uuden osoitteen, pidä vanha toiminnassa: palvelun vanha osoite kohtaan "
               "`redirect_from:` tiedostossa data/services.yaml, muun sivun kohtaan `redirects:` "
               "tiedostossa data/site.yaml; jos sivu poistettiin tarkoituksella, aja `{1}`"),
        "sv": ("adressen {0} skulle sluta fungera",
               "om sidan fick en ny adress, håll den gamla i bruk: en tjänsts gamla adress under "
               "`redirect_from:` i data/services.yaml, andra sidor under `redirects:` i data/site.yaml; "
               "om sidan togs bort avsiktligt, kör `{1}`"),
    },
    "redirect-shadows": {
        "fi": ("vanha osoite '{0}' on julkaistun sivun osoite",
               "vanhasta osoitteesta voi ohjata eteenpäin vain, jos mikään sivu ei käytä sitä"),
        "sv": ("den gamla adressen '{0}' är adressen till en publicerad sida",
               "en gammal adress kan bara omdirigeras när ingen sida använder den"),
    },
    "redirect-duplicate": {
        "fi": ("vanha osoite '{0}' ohjataan kahdesti",
               "jätä vain yksi uudelleenohjaus kutakin vanhaa osoitetta kohti"),
        "sv": ("den gamla adressen '{0}' omdirigeras två gånger",
               "behåll bara en omdirigering per gammal adress"),
    },
    "redirect-target": {
        "fi": ("osoitteessa '{0}' ei julkaista sivua",
               "kirjoita tämän sivuston sivun osoite, esim. {1}"),
        "sv": ("ingen sida publiceras på adressen '{0}'",
               "skriv adressen till en sida på den här webbplatsen, t.ex. {1}"),
    },
    "empty-text": {
        "fi": ("teksti on tyhjä", "kirjoita teksti"),
        "sv": ("texten är tom", "skriv texten"),
    },
    "empty-text-lang": {
        "fi": ("teksti kielellä {0} on tyhjä",
               "kirjoita teksti kielellä {0} rivin `{0}:` perään (jokainen teksti tarvitaan kaikilla "
               "sivuston kielillä)"),
        "sv": ("texten på språket {0} är tom",
               "skriv texten på språket {0} efter `{0}:` (varje text behövs på alla webbplatsens språk)"),
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
        "fi": ("sivulta '{0}' puuttuu kieliversio {1}",
               "lisää tiedosto content/{1}/<osoite>.md, jonka alun tietolohkossa on `id: {0}`"),
        "sv": ("sidan '{0}' saknar språkversionen {1}",
               "lägg till filen content/{1}/<adress>.md med `id: {0}` i datablocket i början"),
    },
    "event-outside": {
        "fi": ("tilaisuus on {0}, jakson {1} ({2} – {3}) ulkopuolella",
               "siirrä tilaisuutta tai korjaa jakson päivämäärät"),
        "sv": ("tillfället är {0}, utanför perioden {1} ({2} – {3})",
               "flytta tillfället eller rätta periodens datum"),
    },
    "period-overlap": {
        "fi": ("jakso {0} ({1} – {2}) on päällekkäin jakson {3} ({4} – {5}, rivi {6}) kanssa",
               "jaksot eivät saa mennä päällekkäin: korjaa jakson {0} päivämäärät tässä tai jakson {3} "
               "päivämäärät rivillä {6}"),
        "sv": ("perioden {0} ({1} – {2}) överlappar perioden {3} ({4} – {5}, rad {6})",
               "perioder får inte överlappa: rätta periodens {0} datum här eller periodens {3} datum "
               "på rad {6}"),
    },
    "todo": {
        "fi": ("teksti ({0}) on vielä TODO-merkintä", "kirjoita lopullinen teksti merkinnän tilalle"),
        "sv": ("texten ({0}) är fortfarande en TODO-markering", "skriv den slutliga texten i stället"),
    },    # -- h6 (issue 11: example, provisional and confirmed dates) --------------------------
    "renamed-key": {
        "fi": ("avaimen '{0}' nimi on nyt '{1}'",
               "kirjoita `{0}: {2}` -rivin tilalle `{1}:` ja sen perään `example`, jos päivämäärät ovat "
               "esimerkkejä, `provisional`, jos Kela on ilmoittanut ne alustavina, tai `confirmed`, "
               "jos Kela on vahvistanut ne"),
        "sv": ("nyckeln '{0}' heter nu '{1}'",
               "skriv `{1}:` i stället för `{0}: {2}` och efter den `example` om datumen är exempel, "
               "`provisional` om FPA har meddelat dem som preliminära eller `confirmed` om FPA har "
               "bekräftat dem"),
    },
    "unannounced-dates": {
        "fi": ("jaksolla, jonka kohdalla on `dates: unannounced`, ei ole päivämääriä, mutta sille on annettu '{0}'",
               "kun Kela on julkaissut jakson päivämäärät, kirjoita `start`, `end`, `registration` ja "
               "`events` ja vaihda `dates:`-kohtaan `example`, `provisional` tai `confirmed`; siihen asti "
               "poista `{0}:` ja kaikki sen alla oleva"),
        "sv": ("en period med `dates: unannounced` har inga datum, men '{0}' är angivet",
               "när FPA har publicerat periodens datum, skriv `start`, `end`, `registration` och `events` "
               "och ändra `dates:` till `example`, `provisional` eller `confirmed`; ta tills vidare bort "
               "`{0}:` och allt under den"),
    },
    "site-url-placeholder": {
        "fi": ("sivuston osoite site_url ({0}) on vielä paikkamerkki (`site_url_known: false`): "
               "sivukartta, syötteet ja kalenterit osoittaisivat siihen",
               "kun sivuston osoite on päätetty, kirjoita se kohtaan site_url ja poista rivi "
               "`site_url_known: false`; siihen asti `make check-strict` epäonnistuu eikä sivustoa voi julkaista"),
        "sv": ("webbplatsens adress site_url ({0}) är fortfarande en platshållare (`site_url_known: false`): "
               "webbplatskartan, flödena och kalendrarna skulle peka dit",
               "när webbplatsens adress har bestämts, skriv den som site_url och ta bort raden "
               "`site_url_known: false`; till dess misslyckas `make check-strict` och webbplatsen kan inte "
               "publiceras"),
    },
    "example-dates": {
        "fi": ("jakso {0} on käynnissä tai tulossa (tilanne {1}), mutta sen päivämäärät ovat yhä "
               "esimerkkejä (periods.yaml, rivit: {2})",
               "kirjoita Kelan julkaisemat päivämäärät ja `dates: confirmed` (`dates: provisional`, "
               "jos Kela on ilmoittanut ne alustavina); jos Kela ei ole vielä julkaissut jaksoa, poista "
               "sen päivämäärät (start, end, registration, events) ja kirjoita `dates: unannounced`; "
               "siihen asti `make check-strict` epäonnistuu eikä sivustoa voi julkaista"),
        "sv": ("period {0} pågår eller har ännu inte börjat (läget {1}), men dess datum är fortfarande "
               "exempel (periods.yaml, rader: {2})",
               "skriv in FPA:s publicerade datum och `dates: confirmed` (`dates: provisional` om FPA "
               "har meddelat dem som preliminära); om FPA ännu inte har publicerat perioden, ta bort dess "
               "datum (start, end, registration, events) och skriv `dates: unannounced`; tills dess "
               "misslyckas `make check-strict` och webbplatsen kan inte publiceras"),
    },
    "provisional-dates-soon": {
        "fi": ("{0} on yhä alustava, ja siihen on vain {1} päivää",
               "varmista päivä Kelalta ja kirjoita `dates: confirmed`"),
        "sv": ("{0} är fortfarande preliminärt och bara {1} dagar bort",
               "bekräfta datumet med FPA och skriv `dates: confirmed`"),
    },
    # h3: hand-written pages judged on what Markdown makes of them (issue 12 items 3, 4, 6, 8, 11, 12)
    "empty-link-in-content": {
        "fi": ("linkillä osoitteeseen '{0}' ei ole tekstiä: ruudunlukija lukisi siitä vain osoitteen",
               "kirjoita hakasulkeisiin sanat, joita lukija napsauttaa: [teksti]({0})"),
        "sv": ("länken till '{0}' saknar text: en skärmläsare skulle läsa upp bara adressen",
               "skriv orden som läsaren klickar på inom hakparenteserna: [text]({0})"),
    },
    "attr-in-content": {
        "fi": ("attribuuttilista asettaa määritteen '{0}', jota sivuilla ei saa asettaa",
               "poista {0}=…; attribuuttilistassa saa olla #tunniste, .luokka tai jokin näistä: alt, dir, "
               "height, hreflang, lang, loading, rel, target, title, width"),
        "sv": ("attributlistan sätter attributet '{0}', som inte får sättas på sidor",
               "ta bort {0}=…; en attributlista får ange ett #id, en .klass eller något av dessa: alt, dir, "
               "height, hreflang, lang, loading, rel, target, title, width"),
    },
    "external-embed-in-content": {
        "fi": ("'{0}' ladattaisiin sivulle toiselta sivustolta",
               "sivulla saa näyttää vain tämän sivuston omia tiedostoja: tee siitä linkki, "
               "[teksti](https://…)"),
        "sv": ("'{0}' skulle laddas in på sidan från en annan webbplats",
               "en sida får bara visa webbplatsens egna filer: gör en länk av det, [text](https://…)"),
    },
    "reserved-id-in-content": {
        "fi": ("tunniste '{0}' on sivuston teeman tai skriptien käytössä",
               "__- ja kg-alkuiset tunnisteet on varattu: valitse toinen. Otsikko saa tunnisteensa "
               "tekstistään, joten anna sille oma, esim. ## Otsikko {{: #oma-tunniste }}"),
        "sv": ("id:t '{0}' används av webbplatsens tema eller skript",
               "id:n som börjar med __ eller kg- är reserverade: välj ett annat. En rubrik får sitt id "
               "från sin text, så ge den ett eget, t.ex. ## Rubrik {{: #eget-id }}"),
    },
    "table-align-in-content": {
        "fi": ("taulukon sarake tasataan kaksoispisteellä otsikkorivin alla olevalla rivillä",
               "kirjoita rivi ilman kaksoispisteitä (|---|---|): tasaus vaatisi tyylimäärittelyn, jonka "
               "sivuston tietoturva-asetukset estävät"),
        "sv": ("en tabellkolumn justeras med ':' på raden under rubrikraden",
               "skriv raden utan kolon (|---|---|): justeringen kräver en inbäddad stil, som "
               "webbplatsens säkerhetsinställningar blockerar"),
    },
    "content-link-guess": {
        "fi": ("linkki '{0}' ei johda millekään sivuston sivulle", "tarkoititko '{1}'?"),
        "sv": ("länken '{0}' leder inte till någon sida på webbplatsen", "menade ni '{1}'?"),
    },
    "content-link-unknown": {
        "fi": ("linkki '{0}' ei johda millekään sivuston sivulle",
               "linkitä sivulle sen tiedoston nimellä tämän sivun kansiosta katsottuna, esim. "
               "[teksti]({1}), tai sen osoitteella"),
        "sv": ("länken '{0}' leder inte till någon sida på webbplatsen",
               "länka till en sida med dess filnamn sett från den här sidans mapp, t.ex. [text]({1}), "
               "eller med dess adress"),
    },
    "content-link-relative": {
        "fi": ("linkki '{0}' on suhteellinen osoite, jota sivuston rakentaminen ei hyväksy",
               "kirjoita sen sijaan sivun tiedosto: ({1})"),
        "sv": ("länken '{0}' är en relativ adress, som bygget inte godtar",
               "skriv sidans fil i stället: ({1})"),
    },
    "content-link-relative-unknown": {
        "fi": ("linkki '{0}' on suhteellinen osoite, jota sivuston rakentaminen ei hyväksy",
               "linkitä sivulle sen tiedostolla (…md) tai osoitteella (/…/)"),
        "sv": ("länken '{0}' är en relativ adress, som bygget inte godtar",
               "länka till en sida med dess fil (…md) eller adress (/…/)"),
    },
    "text-link-unknown": {
        "fi": ("linkki '{0}' ei johda millekään sivuston sivulle",
               "kirjoita tämän sivuston sivun osoite, esim. {1}"),
        "sv": ("länken '{0}' leder inte till någon sida på webbplatsen",
               "skriv adressen till en sida på den här webbplatsen, t.ex. {1}"),
    },
    "content-image": {
        "fi": ("kuvaa '{0}' ei julkaista: sivusto ottaa content/-kansiosta vain Markdown-sivut",
               "jätä kuva pois; sivustolle tarvittavan kuvan lisäävät kehittäjät (overrides/assets/), "
               "ja sen jälkeen kuva näytetään osoitteellaan (/…)"),
        "sv": ("bilden '{0}' publiceras inte: webbplatsen tar bara Markdown-sidorna från content/",
               "lämna bort bilden; en bild som webbplatsen behöver läggs till av utvecklarna "
               "(overrides/assets/) och visas sedan med sin adress (/…)"),
    },
    "mkdocs-anchor": {
        "fi": ("linkin '{0}' kohdesivulla ei ole otsikkoa tai kohtaa '#{1}'",
               "tarkista kohdesivun otsikko: kohta muodostuu otsikon tekstistä pienin kirjaimin ja "
               "väliviivoin; tai poista #-osa"),
        "sv": ("målsidan för länken '{0}' har ingen rubrik eller plats '#{1}'",
               "kontrollera målsidans rubrik: platsen bildas av rubrikens text med små bokstäver och "
               "bindestreck; eller ta bort #-delen"),
    },
    "mkdocs-target": {
        "fi": ("linkki '{0}' ei johda millekään sivuston sivulle",
               "linkitä sivulle sen tiedostolla tämän sivun kansiosta katsottuna (…md) tai osoitteella (/…/)"),
        "sv": ("länken '{0}' leder inte till någon sida på webbplatsen",
               "länka till en sida med dess fil sett från den här sidans mapp (…md) eller adress (/…/)"),
    },
    "link-missing": {
        "fi": ("linkin '{0}' osoitteessa {1} ei julkaista mitään",
               "kirjoita tämän sivuston sivun tai tiedoston osoite"),
        "sv": ("ingenting publiceras på adressen {1} för länken '{0}'",
               "skriv adressen till en sida eller fil på den här webbplatsen"),
    },
    "link-missing-guess": {
        "fi": ("linkin '{0}' osoitteessa {1} ei julkaista mitään", "tarkoititko '{2}'?"),
        "sv": ("ingenting publiceras på adressen {1} för länken '{0}'", "menade ni '{2}'?"),
    },
    "link-anchor-guess": {
        "fi": ("linkin '{0}' kohdesivulla ei ole otsikkoa tai kohtaa '#{1}'", "tarkoititko '#{2}'?"),
        "sv": ("målsidan för länken '{0}' har ingen rubrik eller plats '#{1}'", "menade ni '#{2}'?"),
    },
    "linkcheck-said": {
        "fi": ("linkkitarkistus ilmoitti: {0}", ""),
        "sv": ("länkkontrollen meddelade: {0}", ""),
    },
    "mkdocs-said": {
        "fi": ("MkDocs ilmoitti: {0}", "korjaa sivu, jota ilmoitus koskee, ja rakenna uudelleen"),
        "sv": ("MkDocs meddelade: {0}", "rätta sidan som meddelandet gäller och bygg igen"),
    },
    "content-shadows-page": {
        "fi": ("sivun osoite {0} on jo varattu: {1}",
               "nimeä tiedosto uudelleen: tiedoston nimestä tulee sivun osoite"),
        "sv": ("sidans adress {0} är redan upptagen: {1}",
               "byt namn på filen: filnamnet blir sidans adress"),
    },
    "not-a-file": {
        "fi": ("'{0}' ei ole tavallinen tiedosto",
               "sisältökansiossa saa olla vain Markdown-sivuja: poista se tai nimeä se niin, ettei nimi "
               "pääty .md"),
        "sv": ("'{0}' är inte en vanlig fil",
               "en innehållsmapp får bara innehålla Markdown-sidor: ta bort den eller byt namn så att "
               "namnet inte slutar på .md"),
    },
    "description-too-long": {
        "fi": ("kuvauksessa on {0} merkkiä, enemmän kuin {1}",
               "lyhennä se yhteen tai kahteen virkkeeseen: hakukoneet näyttävät noin 150 merkkiä"),
        "sv": ("beskrivningen är {0} tecken lång, mer än {1}",
               "korta den till en eller två meningar: sökmotorer visar ungefär 150 tecken"),
    },
    # -- h4 (issue 12, hardening: the YAML loader, the schema's patterns, the report formats) --
    "control-char": {
        "fi": ("tiedostossa on näkymätön ohjausmerkki {0}, jota ei sallita tietotiedostoissa",
               "poista se: mene tälle riville ja sarakkeeseen ja poista näkymätön merkki tai sen "
               "kirjoittava koodi, kuten \\x01 (merkki tulee yleensä toisesta ohjelmasta liitetyn "
               "tekstin mukana)"),
        "sv": ("filen innehåller det osynliga styrtecknet {0}, som inte är tillåtet i datafiler",
               "ta bort det: gå till den här raden och kolumnen och radera det osynliga tecknet eller "
               "koden som skriver det, t.ex. \\x01 (tecknet följer oftast med text som klistrats in "
               "från ett annat program)"),
    },
    "invisible-char": {
        "fi": ("tekstissä on näkymätön merkki {0}: '{1}'",
               "poista se, ellei se ole tarkoituksella: merkki ei näy, ja suunnanvaihtomerkit "
               "(U+202A–U+202E, U+2066–U+2069) näyttävät ympäröivän tekstin eri järjestyksessä"),
        "sv": ("texten innehåller det osynliga tecknet {0}: '{1}'",
               "ta bort det om det inte står där avsiktligt: tecknet syns inte, och riktningstecken "
               "(U+202A–U+202E, U+2066–U+2069) visar texten runt dem i en annan ordning"),
    },
    "invisible-in-id": {
        "fi": ("'{0}' sisältää näkymättömän merkin {1}",
               "poista se: tunnisteessa ja osoitteessa saa olla vain pieniä kirjaimia a–z, numeroita "
               "ja väliviivoja"),
        "sv": ("'{0}' innehåller det osynliga tecknet {1}",
               "ta bort det: ett id eller en adress får bara innehålla små bokstäver a–z, siffror och "
               "bindestreck"),
    },
    "yaml-unclosed-quote": {
        "fi": ("tästä merkillä {0} alkava lainausmerkeissä oleva teksti ei pääty tällä rivillä "
               "(YAML lukee seuraavaan merkkiin {0} asti)",
               "lisää loppumerkki {0} tekstin loppuun tälle riville"),
        "sv": ("texten inom citattecken som börjar här med {0} avslutas inte på den här raden "
               "(YAML läser vidare till nästa {0})",
               "lägg till det avslutande {0} i slutet av texten på den här raden"),
    },
    "not-regular-file": {
        "fi": ("tämä ei ole tavallinen tiedosto (tällä nimellä on kansio, putki tai laite)",
               "korvaa se itse tietotiedostolla, esim. palauta se gitistä"),
        "sv": ("det här är ingen vanlig fil (en mapp, en pipe eller en enhet har det här namnet)",
               "ersätt den med själva datafilen, t.ex. återställ den från git"),
    },
    "link-outside": {
        "fi": ("tiedosto on linkki kohteeseen {0}, joka on tietokansion ulkopuolella",
               "laita itse tiedosto tietokansioon linkin sijaan"),
        "sv": ("filen är en länk till {0}, utanför datamappen",
               "lägg själva filen i datamappen i stället för en länk till den"),
    },
    "content-link-outside": {
        "fi": ("tiedosto on linkki kohteeseen {0}, joka on sisältökansion ulkopuolella",
               "laita itse sivu sisältökansioon linkin sijaan"),
        "sv": ("filen är en länk till {0}, utanför innehållsmappen",
               "lägg själva sidan i innehållsmappen i stället för en länk till den"),
    },
    "file-too-large": {
        "fi": ("tiedosto on {0} tavua; enimmäiskoko on {1}",
               "jaa tiedosto tai poista siitä se, mikä ei siihen kuulu"),
        "sv": ("filen är {0} byte; gränsen är {1}",
               "dela upp den eller ta bort det som inte hör hemma i den"),
    },
    "unreadable": {
        "fi": ("tiedostoa ei voi lukea: {0}",
               "tarkista, että tiedosto on olemassa ja että sinulla on oikeus lukea se"),
        "sv": ("filen kan inte läsas: {0}",
               "kontrollera att filen finns och att du har rätt att läsa den"),
    },
    "yaml-multi": {
        "fi": ("tiedostossa on useampi kuin yksi YAML-dokumentti (---)",
               "pidä tiedostossa yksi dokumentti: poista ylimääräinen ---"),
        "sv": ("filen innehåller mer än ett YAML-dokument (---)",
               "ha ett dokument per fil: ta bort det extra ---"),
    },
    "too-deep": {
        "fi": ("sisäkkäisiä tasoja on yli {0}",
               "tiedot eivät koskaan tarvitse näin monta tasoa; tarkista sisennykset"),
        "sv": ("nästlingen är djupare än {0} nivåer",
               "datan behöver aldrig så många nivåer; kontrollera indragen"),
    },
    "bad-key": {
        "fi": ("avaimen on oltava pelkkä sana", "kirjoita avaimet muodossa `name:`"),
        "sv": ("en nyckel måste vara ett enkelt ord", "skriv nycklar som `name:`"),
    },
    "yaml-merge": {
        "fi": ("yhdistämisavaimet (<<) eivät ole sallittuja", "kirjoita avaimet kokonaan"),
        "sv": ("sammanslagningsnycklar (<<) är inte tillåtna", "skriv ut nycklarna i sin helhet"),
    },
    "not-mapping": {
        "fi": ("tiedoston on alettava avaimilla, ei luettelolla tai yksittäisellä arvolla",
               "vertaa toiseen samanlaiseen tiedostoon data/-kansiossa"),
        "sv": ("filen måste börja med nycklar, inte med en lista eller ett enskilt värde",
               "jämför med en annan fil av samma slag i data/"),
    },
    "unsupported-stemmer": {
        "fi": ("Materialin haku ei tue kieltä '{0}' (haku toimisi huomaamatta englanniksi)",
               "kirjoita jokin näistä: {1}"),
        "sv": ("Materials sökning stöder inte språket '{0}' (sökningen skulle tyst fungera på engelska)",
               "skriv något av följande: {1}"),
    },
    "bad-period-id": {
        "fi": ("'{0}' ei ole jakson tunniste",
               "kirjoita jakson numero ja vuosi muodossa N/VVVV numeroilla 0–9, esim. 1/2026"),
        "sv": ("'{0}' är inget period-id",
               "skriv periodens nummer och år i formen N/ÅÅÅÅ med siffrorna 0–9, t.ex. 1/2026"),
    },
    # -- issue 11 (h7): sources, links in the reader's language, periods, search terms --------
    "no-source": {
        "fi": ("kohdalle {0} ei ole merkitty lähdettä",
               "lisää `sources:` (julkinen sivu, josta tiedot ovat, ja sivun oma päivämäärä `updated:`) tai, "
               "jos julkista sivua ei ole, `source_note:`, jossa kerrotaan, mistä tiedot ovat peräisin"),
        "sv": ("ingen källa har angetts för {0}",
               "lägg till `sources:` (den offentliga sida uppgifterna kommer från och sidans eget datum "
               "`updated:`) eller, om ingen sida är offentlig, `source_note:` som berättar var uppgifterna "
               "kommer ifrån"),
    },
    "stale-source": {
        "fi": ("lähteen tiedot ovat päivältä {0}, yli 12 kuukautta sitten",
               "tarkista tiedot kanta.fi:n nykyiseltä sivulta ja kirjoita sen päivän päivämäärä kohtaan `verified:`"),
        "sv": ("källans uppgifter är från {0}, för över 12 månader sedan",
               "kontrollera uppgifterna mot den aktuella sidan och skriv den dagens datum som `verified:`"),
    },
    "source-in-future": {
        "fi": ("lähteen päivämäärä {0} on tulevaisuudessa",
               "kirjoita sivulla näkyvä päivämäärä tai päivä, jona sivu oikeasti tarkistettiin"),
        "sv": ("källans datum {0} ligger i framtiden",
               "skriv datumet som syns på sidan eller den dag då sidan verkligen kontrollerades"),
    },
    "unverified-source": {
        "fi": ("lähdettä {0} ei ole tarkistettu kanta.fi:n nykyiseltä sivulta",
               "kun joku on tarkistanut tiedot sivulta, lisää `verified:` ja sen päivän päivämäärä; siihen "
               "asti `make check-strict` luettelee tämän eikä sivustoa voi julkaista"),
        "sv": ("källan {0} har inte kontrollerats mot den aktuella sidan",
               "när någon har kontrollerat uppgifterna mot sidan, lägg till `verified:` med den dagens "
               "datum; till dess listar `make check-strict` detta och webbplatsen kan inte publiceras"),
    },
    "editorial-note": {
        "fi": ("ennen julkaisua: {0}",
               "lisää tieto siihen tiedostoon tai sille sivulle, jolle se kuuluu, ja poista tämä rivi "
               "kohdasta `before_publishing:`; siihen asti `make check-strict` epäonnistuu"),
        "sv": ("före publiceringen: {0}",
               "lägg till uppgiften i den fil eller på den sida där den hör hemma och ta bort raden från "
               "`before_publishing:`; till dess misslyckas `make check-strict`"),
    },
    "editorial-notes": {
        "fi": ("sivustolta puuttuvia tietoja, jotka on lisättävä ennen julkaisua: {0} (ensimmäinen tässä)",
               "`make check-strict` luettelee ne kaikki korjausohjeineen"),
        "sv": ("uppgifter som saknas och ska läggas till före publiceringen: {0} (den första här)",
               "`make check-strict` listar dem alla med åtgärder"),
    },
    "source-checked-key": {
        "fi": ("lähteellä ei ole enää avainta `checked:`: siihen merkitään, mitä sivusta tiedetään",
               "kirjoita `checked: {0}` -rivin tilalle `updated:` ja sivulla näkyvä päiväys (tai `seen:` ja "
               "sen kopion päivämäärä, josta tiedot ovat) ja lisää `verified:` päivämäärineen vain, jos joku "
               "on tarkistanut tiedot kanta.fi:n nykyiseltä sivulta"),
        "sv": ("en källa har inte längre nyckeln `checked:`: där anges vad som är känt om sidan",
               "skriv i stället för `checked: {0}` `updated:` och datumet som syns på sidan (eller `seen:` "
               "och datumet för kopian som uppgifterna kommer från) och lägg till `verified:` med datum bara "
               "om någon har kontrollerat uppgifterna mot den aktuella sidan"),
    },
    "unverified-sources": {
        "fi": ("lähteitä, joita ei ole tarkistettu kanta.fi:n nykyiseltä sivulta: {0} (ensimmäinen tässä)",
               "`make check-strict` luettelee ne kaikki korjausohjeineen"),
        "sv": ("källor som inte har kontrollerats mot den aktuella sidan: {0} (den första här)",
               "`make check-strict` listar dem alla med åtgärder"),
    },
    "link-language": {
        "fi": ("kielen {0} linkki vie kanta.fi:n sivulle, joka on kielellä {1}: {2}",
               "anna sivun osoite kielellä {0}; jos sivu on olemassa vain kielellä {1}, anna yksi osoite "
               "kaikille kielille (linkin perään tulee silloin tieto sivun kielestä)"),
        "sv": ("länken på språket {0} leder till en sida på kanta.fi på språket {1}: {2}",
               "ange adressen till sidan på språket {0}; om sidan bara finns på språket {1}, ange en adress "
               "för alla språk (då står sidans språk efter länken)"),
    },
    "link-language-page": {
        "fi": ("kielen {0} sivun linkki vie kanta.fi:n sivulle, joka on kielellä {1}: {2}",
               "linkitä sivun omankielinen versio tai kerro linkin tekstissä, millä kielellä sivu on "
               "(esim. ”(ruotsiksi)”)"),
        "sv": ("sidan på språket {0} länkar till en sida på kanta.fi på språket {1}: {2}",
               "länka till sidan på sidans eget språk eller ange i länktexten vilket språk sidan är på "
               "(t.ex. ”(på finska)”)"),
    },
    "uses-periods": {
        "fi": ("jakso {0} ottaa vastaan palvelun {1}, jota ei oteta käyttöön jaksoilla (`uses_periods: false`)",
               "poista palvelu jakson `accepts:`-luettelosta"),
        "sv": ("period {0} tar emot tjänsten {1}, som inte införs i perioder (`uses_periods: false`)",
               "ta bort tjänsten ur periodens lista `accepts:`"),
    },
    "uses-periods-registration": {
        "fi": ("palvelua {0} ei oteta käyttöön jaksoilla (`uses_periods: false`), mutta siihen vaaditaan "
               "ilmoittautuminen jaksolle", "aseta `required: false` tai poista `uses_periods: false`"),
        "sv": ("tjänsten {0} införs inte i perioder (`uses_periods: false`) men kräver anmälan till en "
               "period", "sätt `required: false` eller ta bort `uses_periods: false`"),
    },
    # -- h9 (issue 14): pydantic's error types, indentation, plain fixes ---------------------
    "wrong-type": {
        "fi": ("tässä kohdassa on vääränlainen arvo",
               "vertaa samaan kohtaan samanlaisessa tietueessa tässä tiedostossa"),
        "sv": ("här står ett värde av fel slag", "jämför med samma ställe i en liknande post i den här filen"),
    },
    "bad-value": {
        "fi": ("arvo '{0}' ei kelpaa tähän", "vertaa samaan kohtaan samanlaisessa tietueessa tässä tiedostossa"),
        "sv": ("värdet '{0}' duger inte här", "jämför med samma ställe i en liknande post i den här filen"),
    },
    "not-keys": {
        "fi": ("tähän kuuluu sisennettyjä avaimia arvoineen, ei yksittäistä arvoa tai luetteloa",
               "vertaa samaan kohtaan samanlaisessa tietueessa tässä tiedostossa"),
        "sv": ("här ska det stå indragna nycklar med värden, inte ett enskilt värde eller en lista",
               "jämför med samma ställe i en liknande post i den här filen"),
    },
    "text-needs-languages": {
        "fi": ("kohtaan '{0}' tarvitaan teksti jokaisella kielellä, ei yhtä arvoa",
               "kirjoita `{0}:` omalle rivilleen ja sen alle kahta välilyöntiä syvemmälle rivit `fi: …` "
               "ja `sv: …`"),
        "sv": ("'{0}' behöver en text på varje språk, inte ett enda värde",
               "skriv `{0}:` på en egen rad och under den, två mellanslag längre in, raderna `fi: …` "
               "och `sv: …`"),
    },
    "not-list": {
        "fi": ("tähän kuuluu luettelo: jokainen kohta omalle rivilleen, alussa '- '",
               "kirjoita seuraavalle riville kahta välilyöntiä syvemmälle `- {0}`"),
        "sv": ("här ska det stå en lista: varje punkt på en egen rad som börjar med '- '",
               "skriv `- {0}` på nästa rad, två mellanslag längre in"),
    },
    "not-text": {
        "fi": ("tähän kuuluu yksi teksti, ei luetteloa eikä sisennettyjä avaimia",
               "kirjoita teksti samalle riville avaimen kanssa"),
        "sv": ("här ska det stå en text, inte en lista eller indragna nycklar",
               "skriv texten på samma rad som nyckeln"),
    },
    "pattern": {
        "fi": ("'{0}' ei ole oikeassa muodossa", "vertaa samanlaiseen arvoon tässä tiedostossa"),
        "sv": ("'{0}' har inte rätt form", "jämför med ett liknande värde i den här filen"),
    },
    "empty-list": {
        "fi": ("luettelo on tyhjä", "lisää vähintään yksi kohta (rivi, joka alkaa '- ')"),
        "sv": ("listan är tom", "lägg till minst en punkt (en rad som börjar med '- ')"),
    },
    "not-number": {
        "fi": ("'{0}' ei ole kokonaisluku", "kirjoita pelkät numerot, esim. 3"),
        "sv": ("'{0}' är inget heltal", "skriv bara siffror, t.ex. 3"),
    },
    "out-of-range": {
        "fi": ("'{0}' on sallittujen rajojen ulkopuolella (raja {1})", ""),
        "sv": ("'{0}' ligger utanför de tillåtna gränserna (gräns {1})", ""),
    },
    "too-long": {
        "fi": ("arvo on liian pitkä", "lyhennä sitä"),
        "sv": ("värdet är för långt", "korta det"),
    },
    "bad-date-format-fi": {
        "fi": ("päivämäärä '{0}' on kirjoitettu päivä edellä; tiedoissa vuosi tulee ensin",
               "kirjoita {1}"),
        "sv": ("datumet '{0}' är skrivet med dagen först; i datan kommer året först",
               "skriv {1}"),
    },
    "yaml-list-indent": {
        "fi": ("tämä luettelon kohta on sisennetty {0} välilyönnillä, syvemmälle kuin yllä oleva kohta "
               "(rivi {1}), joten se luetaan osaksi sen kohdan arvoa",
               "aloita viiva '-' sarakkeesta {2}, täsmälleen rivin {1} viivan alle: saman luettelon kohdat "
               "alkavat samasta sarakkeesta"),
        "sv": ("den här listpunkten är indragen {0} mellanslag, djupare än punkten ovanför (rad {1}), så "
               "den läses som en del av den punktens värde",
               "börja strecket '-' i kolumn {2}, exakt under strecket på rad {1}: punkterna i samma lista "
               "börjar i samma kolumn"),
    },
    "yaml-indent": {
        "fi": ("tämä rivi on sisennetty {0} välilyönnillä, mutta rivi {2}, johon se kuuluu, {1} "
               "välilyönnillä",
               "aloita rivi sarakkeesta {3} eli samasta kohdasta kuin rivi {2} (tai, jos rivi kuuluu "
               "toiseen lohkoon, samasta kohdasta kuin sen lohkon avaimet)"),
        "sv": ("den här raden är indragen {0} mellanslag, men rad {2}, som den hör ihop med, {1} "
               "mellanslag",
               "börja raden i kolumn {3}, som rad {2} (eller, om raden hör till ett annat block, i samma "
               "kolumn som det blockets nycklar)"),
    },
    "yaml-colon": {
        "fi": ("rivillä on kaksoispiste ja välilyönti (': ') paikassa, jossa YAML ei odota uutta avainta",
               "jos arvossa on ': ', laita koko arvo lainausmerkkeihin; muuten tarkista rivin sisennys"),
        "sv": ("raden har kolon och mellanslag (': ') där YAML inte väntar sig en ny nyckel",
               "om värdet innehåller ': ', sätt hela värdet inom citattecken; annars kontrollera radens indrag"),
    },
    "yaml-missing-colon": {
        "fi": ("riviltä puuttuu kaksoispiste avaimen perästä",
               "kirjoita avain muodossa `avain: arvo`, tai sulje lainausmerkeissä oleva teksti"),
        "sv": ("raden saknar kolon efter nyckeln",
               "skriv nyckeln som `nyckel: värde`, eller avsluta texten inom citattecken"),
    },
    "yaml-start-char": {
        "fi": ("arvo alkaa merkillä, jolla YAML-arvo ei voi alkaa (esim. @ tai `)",
               "laita arvo lainausmerkkeihin, esim. avain: \"@teksti\""),
        "sv": ("värdet börjar med ett tecken som ett YAML-värde inte kan börja med (t.ex. @ eller `)",
               "sätt värdet inom citattecken, t.ex. nyckel: \"@text\""),
    },
    "yaml-escape": {
        "fi": ("lainausmerkeissä oleva kenoviiva (\\) aloittaa erikoismerkin, jota ei ole",
               "kirjoita \\\\ yhden kenoviivan sijaan tai käytä heittomerkkejä ('…')"),
        "sv": ("ett omvänt snedstreck (\\) inom citattecken inleder ett specialtecken som inte finns",
               "skriv \\\\ i stället för ett omvänt snedstreck, eller använd apostrofer ('…')"),
    },
    "yaml-indent-block": {
        "fi": ("rivin sisennys ei sovi yllä olevaan lohkoon",
               "saman lohkon avaimet ja saman luettelon kohdat alkavat samasta sarakkeesta: vertaa "
               "yllä oleviin riveihin"),
        "sv": ("radens indrag passar inte till blocket ovanför",
               "nycklarna i samma block och punkterna i samma lista börjar i samma kolumn: jämför med "
               "raderna ovanför"),
    },
    "registration-unaccepted": {
        "fi": ("palveluun {0} vaaditaan ilmoittautuminen jaksolle, mutta yksikään jakso ei ota sitä vastaan",
               "lisää palvelun tunniste {0} tulevien jaksojen `accepts:`-luetteloon tiedostossa "
               "data/periods.yaml tai aseta palvelulle `registration: required: false`"),
        "sv": ("tjänsten {0} kräver anmälan till en period, men ingen period tar emot den",
               "lägg till tjänstens id {0} i listan `accepts:` för kommande perioder i data/periods.yaml "
               "eller sätt `registration: required: false` för tjänsten"),
    },
    "planner-lead-time": {
        "fi": ("suunnittelusivun lead_months_{0} on {1} kuukautta, mutta kestoarvio duration_{0} sanoo "
               "vähintään {2}", "aseta ne samoiksi (sivuilla näkyy duration_{0}, suunnittelusivu käyttää "
               "arvoa lead_months_{0})"),
        "sv": ("planeringssidans lead_months_{0} är {1} månader, men tidsuppskattningen duration_{0} säger "
               "minst {2}", "gör dem lika (sidorna visar duration_{0}, planeringssidan använder "
               "lead_months_{0})"),
    },
    "schemas-stale": {
        "fi": ("skeemojen tunnisteluettelot eivät ole ajan tasalla ({0}): editori alleviivaisi oikeita "
               "tunnisteita", "aja `make schemas` ja tallenna schemas/-kansio muutoksesi mukana"),
        "sv": ("schemanas listor över id:n är inte aktuella ({0}): editorn skulle stryka under korrekta id:n",
               "kör `make schemas` och spara mappen schemas/ tillsammans med din ändring"),
    },
    "more-checks": {
        "fi": ("lisää tarkistuksia (viittaukset tähän tiedostoon ja siitä muihin, osoitteet, käännökset) "
               "tehdään, kun tämä tiedosto saadaan luettua: korjaa sen virheet yllä ja aja tarkistus "
               "uudelleen", ""),
        "sv": ("fler kontroller (hänvisningar till och från den här filen, adresser, översättningar) görs "
               "när den här filen kan läsas: rätta felen ovan och kör kontrollen igen", ""),
    },
    "more-problems": {
        "fi": ("tiedostossa on lisää ongelmia, joita ei näytetä: {0} (vain {1} ensimmäistä luetellaan)",
               "korjaa luetellut ongelmat ja aja tarkistus uudelleen, niin loput näytetään"),
        "sv": ("filen har fler problem som inte visas: {0} (bara de {1} första listas)",
               "rätta de listade problemen och kör kontrollen igen, så visas resten"),
    },
    "more-problems-page": {
        "fi": ("sivulla on lisää ongelmia, joita ei näytetä (vain {0} ensimmäistä luetellaan)",
               "korjaa luetellut ongelmat ja aja tarkistus uudelleen, niin loput näytetään"),
        "sv": ("sidan har fler problem som inte visas (bara de {0} första listas)",
               "rätta de listade problemen och kör kontrollen igen, så visas resten"),
    },
    "more-problems-unchecked": {
        "fi": ("tiedoston tarkistus lopetettiin tähän {0} ongelman jälkeen: tästä rivistä eteenpäin "
               "tietueita ei tarkistettu",
               "korjaa yllä olevat ongelmat ja aja tarkistus uudelleen"),
        "sv": ("kontrollen av filen avbröts här efter {0} problem: posterna från den här raden och framåt "
               "kontrollerades inte", "rätta problemen ovan och kör kontrollen igen"),
    },
    "bad-page-key": {
        "fi": ("'{0}' ei ole sivuston sivu",
               "kirjoita planner, process, registration, schedule, services, requirements tai customer, "
               "tai service:<palvelun id>"),
        "sv": ("'{0}' är ingen sida på webbplatsen",
               "skriv planner, process, registration, schedule, services, requirements eller customer, "
               "eller service:<tjänstens id>"),
    },
}

# One text for one mistake, whichever stage finds it: check (content pages, data texts), MkDocs or
# the link checker over the built site.
MESSAGES["text-link-guess"] = MESSAGES["content-link-guess"]
MESSAGES["mkdocs-relative"] = MESSAGES["content-link-relative-unknown"]
MESSAGES["link-anchor"] = MESSAGES["mkdocs-anchor"]


def plural_category(lang: str, n: int) -> str:
    """CLDR plural category of n in the language (Babel's rules): 'one', 'other', ..."""
    return Locale.parse(lang).plural_form(abs(n))


def say(code: str, lang: str, /, **values) -> str:
    """A command's text in the language, placeholders filled; `n=` picks the plural form."""
    entry = TEXTS.get(code)
    if entry is None:
        raise MissingMessage(code)
    text = entry.get(lang)
    if text is None:
        if STRICT:
            raise MissingMessage(f"{code} ({lang})")
        text = entry["en"]
        lang = "en"
    if isinstance(text, dict):
        category = plural_category(lang, int(values.get("n", 0)))
        text = text.get(category, text["other"])
    return text.format(**values)


def seconds(value: float, lang: str, digits: int = 1) -> str:
    """A duration in seconds as the language writes numbers (a decimal comma in Finnish and Swedish)."""
    from babel.numbers import format_decimal

    return format_decimal(round(value, digits), format="0." + "0" * digits, locale=lang)


def _format(text: str, args: tuple) -> str | None:
    try:
        return text.format(*args)
    except (IndexError, KeyError, ValueError):
        return None


class _Translate:
    def __call__(self, problem: Problem, lang: str) -> tuple[str, str, str]:
        labels = LABELS.get(lang, LABELS["en"])
        label = labels.get(problem.severity, labels["warning"])
        if lang == "en":
            return problem.message, problem.hint, label
        entry = MESSAGES.get(problem.code, {}).get(lang)
        args = problem.args
        if problem.code in _NOUN_ARG and args:
            i = _NOUN_ARG[problem.code]
            noun = NOUNS.get(str(args[i]), {}).get(lang, str(args[i]))
            args = (*args[:i], noun, *args[i + 1:])
        message = _format(entry[0], args) if entry else None
        hint = (_format(entry[1], args) if entry[1] else "") if entry else None
        if message is None or hint is None or (problem.hint and not hint and STRICT):
            if STRICT:
                raise MissingMessage(f"{problem.code or '(no code)'} ({lang}): {problem.message}")
            return problem.message, problem.hint, label  # never lose a message
        return message, hint, label

    def hint_label(self, lang: str) -> str:
        return LABELS.get(lang, LABELS["en"])["hint"]

    def outcome(self, key: str, lang: str, **values) -> str:
        return say(key, lang, **values)

    def summary(self, errors: int, warnings: int, lang: str) -> str:
        return ", ".join([say("errors", lang, n=errors), say("warnings", lang, n=warnings)])


translate = _Translate()
