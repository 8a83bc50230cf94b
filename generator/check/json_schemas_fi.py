"""Finnish descriptions of the data files' fields, for the JSON Schemas (IDE hover texts) and
docs/tietomuoto.md. The English descriptions stay in the models (generator/model/schema.py and
scalars.py), which the README's reference and developers read; an editor's IDE shows these.

Keys are `Model.field` (a field of the same name can mean different things in different records)
or a model's name for the record itself; `tests/test_schemas.py` requires one for every field.
"""

from __future__ import annotations

DATE_FI = "Päivämäärä muodossa VVVV-KK-PP (vuosi, kuukausi ja päivä numeroina), esim. 2026-03-15."
TIME_FI = "Kellonaika muodossa TT:MM (24 tunnin kello, Suomen aikaa) lainausmerkeissä, esim. \"09:30\"."

FIELDS_FI: dict[str, str] = {
    # records
    "SiteConfig": "data/site.yaml: koko sivuston asetukset.",
    "StringsFile": "data/strings.yaml: sivupohjien käyttämät sanat kielittäin.",
    "ProcessFile": "data/process.yaml: käyttöönottoprosessin tiedot, joita kaikki sivut käyttävät.",
    "RequirementsFile": "data/requirements.yaml: palvelujen yhteiset edellytykset.",
    "ServicesFile": "data/services.yaml: käyttöön otettavat palvelut ja toiminnallisuudet.",
    "PeriodsFile": "data/periods.yaml: käyttöönottojaksot, kolme vuodessa.",
    "ChangesFile": "data/changes.yaml: lukijoille kerrottavat muutokset, uusin ensin.",
    "SearchTermsFile": "data/search_terms.yaml: sanat, joilla lukijat hakevat, taivutusmuotoineen.",
    "Text": "Yksirivinen teksti jokaisella sivuston kielellä: `fi:` ja `sv:` omille riveilleen.",
    "Prose": "Leipäteksti jokaisella sivuston kielellä (`fi:` ja `sv:`); sallittu: *korostus*, "
             "[linkki](https://…) ja luettelot.",
    "Slugs": "Osoitteen osa kummallakin kielellä: pienet kirjaimet a–z, numerot ja väliviivat, "
             "esim. `{fi: potilastietovaranto, sv: patientdatalagret}`.",
    "LocalUrl": "Osoite kummallakin kielellä: `{fi: https://…, sv: https://…}`.",
    "Service": "Palvelu tai toiminnallisuus, jonka voi ottaa käyttöön.",
    "Period": "Käyttöönottojakso.",
    "UnannouncedPeriod": "Käyttöönottojakso, jonka päivämääriä Kela ei ole vielä julkaissut: vain "
                         "tunniste ja palvelut, ei päivämääriä.",
    "Event": "Jakson tilaisuus (valmistautuminen tai koulutus).",
    "Window": "Jaksolle ilmoittautumisen aika.",
    "Requirement": "Usean palvelun yhteinen edellytys.",
    "Change": "Muutos, josta lukijoiden on hyvä tietää: näkyy muutossivulla, Atom-syötteessä ja "
              "muutettujen sivujen päivitysrivillä.",
    "SearchTerm": "Hakusana taivutusmuotoineen; lisätään sen selittävien sivujen hakusanoihin.",
    "Source": "Julkinen sivu, jolla tiedot perustuvat: sivun oma päiväys ja tarkistus nykyiseltä sivulta, "
              "vain jos se on tehty.",
    "Link": "Linkki lisätietoihin.",
    "Step": "Käyttöönoton vaihe.",
    "Redirect": "Vanha osoite, joka ohjaa lukijat ja hakukoneet korvaavalle sivulle.",
    "PageSlugs": "Generoitujen sivujen osoitteiden osat kielittäin.",
    "PlannerRules": "Suunnittelutyökalun säännöt: toimialat, läpimenoajat ja muistutukset.",
    # site.yaml
    "SiteConfig.languages": "Sivuston kielet; ensimmäinen on oletuskieli.",
    "Language.code": "Kielikoodi (ISO 639-1), esim. fi.",
    "Language.name": "Kielen oma nimi, esim. Suomi.",
    "Language.search_stemmer": "Haun kieli (Materialin haku), kaksikirjaiminen koodi, esim. fi.",
    "SiteConfig.site_url": "Sivuston julkinen osoite, päättyy /-merkkiin.",
    "SiteConfig.site_name": "Sivuston nimi yläpalkissa.",
    "SiteConfig.description": "Yhden rivin kuvaus hakukoneille.",
    "SiteConfig.organisation": "Sivuston julkaisija.",
    "SiteConfig.site_url_known": "false niin kauan kuin `site_url` on paikkamerkki: silloin julkaisun "
                                 "tarkistus (`make check-strict`) epäonnistuu.",
    "SiteConfig.before_publishing": "Tiedot, jotka sivustolta vielä puuttuvat, toimittajia varten (ei näy "
                                    "sivuilla): julkaisun tarkistus (`make check-strict`) luettelee ne ja "
                                    "epäonnistuu, kunnes ne on poistettu.",
    "SiteConfig.repo_url": "Repositorio, jossa toimittajat työskentelevät (Muokkaa sivua -linkit); ilman "
                           "sitä sivuilla ei ole muokkauslinkkiä.",
    "SiteConfig.edit_branch": "Haara, jonka muokkauslinkit avaavat (vain kirjaimet, numerot ja . _ / -).",
    "SiteConfig.register_url": "kanta.fi:n sivu, joka johtaa Kelan ilmoittautumislomakkeille (sama osoite "
                             "kaikille kielille, jos sivu on vain yhdellä kielellä).",
    "SiteConfig.contacts": "Yhteystiedot, joihin palvelut viittaavat tunnisteella.",
    "Contact.id": "Tunniste, johon palvelut viittaavat kohdassa `contact:`.",
    "Contact.name": "Kuka vastaa, esim. Kanta-palvelujen asiakastuki.",
    "Contact.email": "Sähköpostiosoite.",
    "Contact.phone": "Puhelinnumero kirjoitettuna, esim. 020 634 7787.",
    "Contact.hours": "Milloin palvelu vastaa.",
    "SiteConfig.sectors": "Kohderyhmät, joihin palvelut kuuluvat.",
    "Sector.id": "Tunniste, johon palvelut viittaavat kohdassa `sectors:`.",
    "Sector.name": "Kohderyhmän nimi, esim. Terveydenhuolto.",
    "Sector.intro": "Yksi tai kaksi virkettä kohderyhmän pikalinkissä.",
    "SiteConfig.roles": "Roolit, jotka tekevät käyttöönoton vaiheita.",
    "Role.id": "Tunniste, johon vaiheet viittaavat kohdassa `who:`.",
    "Role.name": "Kuka tekee vaiheen, esim. Järjestelmätoimittaja.",
    "SiteConfig.accessibility": "Saavutettavuusselosteen tiedot.",
    "Accessibility.status": "WCAG 2.1 AA -vaatimusten täyttyminen: full, partial tai none.",
    "Accessibility.prepared": "Milloin seloste laadittiin.",
    "Accessibility.reviewed": "Milloin seloste viimeksi tarkistettiin.",
    "Accessibility.method": "Miten saavutettavuus arvioitiin: self-assessment tai third-party.",
    "Accessibility.feedback_email": "Osoite, johon lukijat lähettävät saavutettavuuspalautetta.",
    "Accessibility.known_issues": "Sisältö, joka ei ole saavutettavaa.",
    "KnownIssue.text": "Mikä ei ole saavutettavaa ja miksi.",
    "KnownIssue.reason": "Peruste: non-compliance, disproportionate-burden tai out-of-scope; not-tested, "
                         "jos asiaa ei ole vielä testattu.",
    "Accessibility.authority": "Valvontaviranomaisen (Traficom) yhteystiedot.",
    "SiteConfig.pages": "Generoitujen sivujen osoitteiden osat.",
    "PageSlugs.process": "Käyttöönottoprosessin sivu.",
    "PageSlugs.registration": "Ilmoittautumissivu.",
    "PageSlugs.schedule": "Aikataulu; jaksojen sivut ovat sen alla.",
    "PageSlugs.services": "Palvelujen yleissivu; palvelujen sivut ovat sen alla.",
    "PageSlugs.requirements": "Yhteiset edellytykset.",
    "PageSlugs.customer": "Kanta-asiakkuuden sivu.",
    "PageSlugs.accessibility": "Saavutettavuusseloste.",
    "PageSlugs.planner": "Käyttöönoton suunnittelutyökalu.",
    "SiteConfig.timezone": "Kaikkien päivämäärien ja kellonaikojen aikavyöhyke.",
    "SiteConfig.redirects": "Poistetut tai siirretyt sivut (ei palveluja: niillä on `redirect_from`) ja "
                          "niitä korvaavat sivut.",
    "Redirect.old": "Vanha osoite sivuston juuresta kielen kanssa, esim. /fi/vanha-sivu/; siinä ei saa "
                    "olla julkaistua sivua.",
    "Redirect.new": "Julkaistu sivu, joka korvaa sen, esim. /fi/palvelut/.",
    "StringsFile.strings": "Avain → teksti jokaisella kielellä.",
    # process.yaml
    "ProcessFile.precondition": "Milloin käyttöönotto on ylipäätään mahdollista.",
    "ProcessFile.duration_factors": "Mistä kesto riippuu.",
    "ProcessFile.duration_certified": "Arvio, kun järjestelmä on jo sertifioitu.",
    "Months.min": "Alaraja kuukausina.",
    "Months.max": "Yläraja kuukausina; jätä pois, kun arvio on ”vähintään”.",
    "ProcessFile.duration_uncertified": "Arvio, kun järjestelmää ei ole vielä sertifioitu.",
    "ProcessFile.support_model": "Ohjaus- ja tukimalli lyhyesti.",
    "ProcessFile.support_events": "Tukitilaisuuksien lajit.",
    "SupportEvent.kind": "Tilaisuuden laji: preparation, operating-model-training tai "
                         "practice-training.",
    "SupportEvent.name": "Tilaisuuden lajin nimi (myös sen oletusotsikko).",
    "SupportEvent.purpose": "Mitä osallistujat saavat tilaisuudesta.",
    "ProcessFile.why_register": "Mitä ilmoittautuminen antaa toimijalle ja Kelalle.",
    "ProcessFile.registration_triggers": "Milloin ilmoittaudutaan.",
    "Trigger.id": "Pysyvä tunniste.",
    "Trigger.text": "Milloin toimija ilmoittautuu.",
    "Trigger.sectors": "Vain näille kohderyhmille; tyhjä = kaikille.",
    "ProcessFile.vendor_exception": "Poikkeus, kun järjestelmätoimittaja tukee käyttöönotossa kokonaan.",
    "ProcessFile.vendor_exception_sectors": "Kohderyhmät, joita poikkeus koskee.",
    "ProcessFile.timing": "Milloin varsinainen käyttöönotto voi tapahtua.",
    "ProcessFile.timing_examples": "Esimerkkejä ajoituksesta.",
    "ProcessFile.customer_relationship": "Kanta-asiakkuus lyhyesti.",
    "ProcessFile.per_service_duties": "Mitä asiakas tekee jokaisen palvelun kohdalla.",
    "ProcessFile.relationship_once": "Sitoumus annetaan vain kerran.",
    "ProcessFile.last_reviewed": DATE_FI + " Milloin toimittaja viimeksi tarkisti nämä tiedot.",
    "ProcessFile.sources": "Julkiset sivut, joilta tiedot ovat (vain yhteisissä muistiinpanoissa olevia "
                           "osoitteita), kukin sivun omalla päiväyksellä `updated:` ja vain tarkistettuna `verified:`.",
    "ProcessFile.planner": "Suunnittelutyökalun säännöt (ks. oppaan kohta 10).",
    "PlannerRules.sectors": "Toimialat, jotka suunnittelutyökalu tarjoaa (tunnisteet site.yaml-tiedoston "
                            "sectors-listasta).",
    "PlannerRules.lead_months_certified": "Kuukausia tästä päivästä aikaisimpaan tuotantokäyttöön, kun "
                                          "järjestelmä on sertifioitu.",
    "PlannerRules.lead_months_uncertified": "Sama, kun järjestelmää ei ole sertifioitu tai lukija ei tiedä.",
    "PlannerRules.lead_months_functionality": ("Sama sertifioidulla järjestelmällä, kun kaikki valitut ovat "
                                               "toiminnallisuuksia (kind: functionality): lähteen mukaan laajennus "
                                               "voi olla valmis pian jaksolle ilmoittautumisen jälkeen."),
    "PlannerRules.change_sectors": "Toimialat, joilta kysytään, millainen käyttöönotto on.",
    "PlannerRules.no_registration_changes": "Muutokset, joihin ei tarvitse ilmoittautua (minor: ei mikään näistä).",
    "PlannerRules.reminder_days": "Montako päivää ennen viimeistä ilmoittautumispäivää kalenterit muistuttavat.",
    "ProcessFile.source_note": "Jos julkista sivua ei ole: mistä tiedot ovat peräisin.",
    "Source.title": "Sivun otsikko jokaisella sivuston kielellä.",
    "Source.url": "Yksi osoite (sivu vain yhdellä kielellä) tai osoite kielittäin: `{fi: …, sv: …}`.",
    "Source.page_language": "Sivun kieli, jos osoite ei kerro sitä: fi, sv tai en.",
    "Source.updated": DATE_FI + " Sivun oma päiväys (\"Sivua päivitetty\") kopiossa, josta tiedot on otettu.",
    "Source.seen": DATE_FI + " Kopion päivämäärä, jos sivulla ei ole omaa päiväystä.",
    "Source.verified": DATE_FI + " Vain jos joku on tarkistanut tiedot kanta.fi:n nykyiseltä sivulta: se päivä.",
    # requirements.yaml
    "RequirementsFile.requirements": "Kaikki yhteiset edellytykset.",
    "Requirement.id": "Tunniste, johon palvelut viittaavat kohdassa `requires:`.",
    "Requirement.slug": "Edellytyksen ankkuri edellytyssivulla kielittäin.",
    "Requirement.name": "Lyhyt nimi, esim. Kanta-palvelujen asiakkuus.",
    "Requirement.summary": "Mitä edellytys tarkoittaa ja miten sen täyttää.",
    "Requirement.who": "Rooli, joka vastaa edellytyksen täyttämisestä (ks. roles tiedostossa site.yaml).",
    "Requirement.links": "Lisätietoja.",
    "Link.kind": "Linkin laji; määrää sen nimen ja kuvakkeen: service-description, application, "
                 "instructions, form tai other.",
    "Link.title": "Linkin teksti jokaisella sivuston kielellä.",
    "Link.url": "Yksi osoite (sivu vain yhdellä kielellä) tai osoite kielittäin: `{fi: …, sv: …}`.",
    "Link.page_language": "Sivun kieli, jos osoite ei kerro sitä: fi, sv tai en.",
    "Requirement.sources": "Julkiset sivut, joilta tiedot ovat, kukin sivun omalla päiväyksellä "
                           "`updated:` ja vain tarkistettuna `verified:`.",
    "Requirement.source_note": "Jos julkista sivua ei ole: mistä tiedot ovat peräisin.",
    # services.yaml
    "ServicesFile.services": "Kaikki käyttöön otettavat palvelut.",
    "Service.id": "Pysyvä tunniste; ei muutu, vaikka nimi muuttuisi.",
    "Service.slug": "Sivun osoitteen osa kielittäin; muutos vaatii vanhan osoitteen kohtaan "
                    "`redirect_from:`.",
    "Service.kind": "service (palvelu) tai functionality (toiminnallisuus, joka laajentaa palvelua, "
                    "ks. `extends`).",
    "Service.extends": "Toiminnallisuudelle: palvelu, jota se laajentaa.",
    "Service.name": "Nykyinen nimi.",
    "Service.former_names": "Aiemmat nimet, joita yhä käytetään (haku löytää niillä).",
    "Service.keywords": "Lisää hakusanoja pilkuin eroteltuina kielittäin.",
    "Service.sectors": "Kohderyhmät (ks. sectors tiedostossa site.yaml).",
    "Service.summary": "Mikä palvelu on, yhdellä tai kahdella virkkeellä.",
    "Service.who": "Kenen on otettava palvelu käyttöön tai kuka voi ottaa sen käyttöön.",
    "Service.requires": "Yhteiset edellytykset (requirements.yaml).",
    "Service.requires_services": "Palvelut, joiden on oltava käytössä ensin.",
    "Service.steps": "Käyttöönoton vaiheet järjestyksessä.",
    "Step.who": "Rooli, joka tekee vaiheen (ks. roles tiedostossa site.yaml).",
    "Step.title": "Vaihe muutamalla sanalla, ohjeena.",
    "Step.text": "Mitä tarkalleen tehdään.",
    "Step.sources": "Sivut, joihin vaihe perustuu palvelun omien lähteiden lisäksi.",
    "Step.source_note": "Jos julkista sivua ei ole: mistä tiedot ovat peräisin.",
    "Step.registers": ("true, jos vaihe on jaksolle ilmoittautuminen: suunnittelija jättää sen pois "
                       "suunnitelmasta, jossa ilmoittautumista ei tarvita."),
    "Service.duration": "Tyypillinen kesto; jätä pois, niin käytetään yleistä arviota.",
    "Duration.certified": "Tyypillinen kesto, kun järjestelmä on jo sertifioitu.",
    "Duration.uncertified": "Tyypillinen kesto, kun järjestelmää ei ole vielä sertifioitu.",
    "Service.registration": "Ilmoittaudutaanko jaksolle ja miten.",
    "Registration.required": "true, jos toimija ilmoittautuu käyttöönottojaksolle; muuten false.",
    "Registration.vendor_exception": "true, jos järjestelmätoimittajan täyden tuen poikkeus "
                                     "(process.yaml) koskee palvelua.",
    "Registration.note": "Palvelua koskevat erityiset tiedot.",
    "Service.links": "Linkit: palvelukuvaus, hakemus, ohjeet, lomakkeet …",
    "Service.contact": "Yhteystieto (ks. contacts tiedostossa site.yaml).",
    "Service.last_reviewed": DATE_FI + " Milloin toimittaja viimeksi tarkisti palvelun tiedot.",
    "Service.redirect_from": "Aiemmat osoitteen osat kielittäin, joiden on yhä toimittava.",
    "Service.uses_periods": "false palvelulle, joka otetaan käyttöön jaksojen ulkopuolella (esim. Kelain).",
    "Service.sources": "Julkiset sivut, joilta tiedot ovat, kukin sivun omalla päiväyksellä "
                       "`updated:` ja vain tarkistettuna `verified:`.",
    "Service.source_note": "Jos julkista sivua ei ole: mistä tiedot ovat peräisin.",
    # periods.yaml
    "PeriodsFile.periods": "Kaikki jaksot aikajärjestyksessä; jaksot, joita Kela ei ole vielä julkaissut "
                           "(`dates: unannounced`), päivämäärällisten jälkeen.",
    "Period.id": "Numero/vuosi lainausmerkeissä, esim. \"1/2026\".",
    "Period.start": DATE_FI + " Jakson ensimmäinen päivä.",
    "Period.end": DATE_FI + " Jakson viimeinen päivä; tuotantokäytön pitäisi alkaa siihen mennessä.",
    "Period.dates": "Kuinka varmoja jakson päivämäärät ovat: example (esimerkki, kunnes Kela julkaisee "
                    "päivän), provisional (Kelan ilmoittama alustava, voi vielä muuttua) tai confirmed "
                    "(Kelan vahvistama).",
    "Period.registration": "Ilmoittautumisaika.",
    "Window.opens": DATE_FI + " Ilmoittautumisen ensimmäinen päivä.",
    "Window.closes": DATE_FI + " Ilmoittautumisen viimeinen päivä.",
    "Window.dates": "example, provisional tai confirmed, vain jos ilmoittautumisajan varmuus on eri kuin "
                    "jakson `dates`.",
    "Period.events": "Valmistautumistilaisuus ja koulutukset.",
    "Event.id": "Tunniste, yksilöllinen jakson sisällä; osa kalenterimerkinnän tunnistetta.",
    "Event.kind": "preparation (valmistautuminen), operating-model-training (toimintamallikoulutus) tai "
                  "practice-training (harjoituskoulutus).",
    "Event.title": "Korvaa lajin oletusotsikon.",
    "Event.date": DATE_FI + " Tilaisuuden päivä.",
    "Event.start": TIME_FI + " Alkamisaika.",
    "Event.end": TIME_FI + " Päättymisaika.",
    "Event.online": "true, kun tilaisuus on verkossa; muuten false.",
    "Event.place": "Paikka, jos tilaisuus ei ole pelkästään verkossa: `fi:` ja `sv:` omille riveilleen.",
    "Event.services": "Palvelut, joita tilaisuus koskee; tyhjä = kaikki jakson palvelut.",
    "Event.dates": "example, provisional tai confirmed, vain jos tilaisuuden päivän, ajan ja paikan "
                   "varmuus on eri kuin jakson `dates`.",
    "Period.accepts": "Palvelut, jotka voi ottaa käyttöön tällä jaksolla.",
    "Period.last_reviewed": DATE_FI + " Milloin toimittaja viimeksi tarkisti jakson.",
    "UnannouncedPeriod.id": "Numero/vuosi lainausmerkeissä, esim. \"1/2028\".",
    "UnannouncedPeriod.dates": "unannounced: Kela ei ole vielä julkaissut jakson päivämääriä. Kun se "
                               "julkaisee ne, kirjoita `start`, `end`, `registration` ja `events` ja "
                               "vaihda tähän example, provisional tai confirmed.",
    "UnannouncedPeriod.accepts": "Palvelut, jotka voi ottaa käyttöön tällä jaksolla.",
    "UnannouncedPeriod.last_reviewed": DATE_FI + " Milloin toimittaja viimeksi tarkisti jakson.",
    # changes.yaml
    "ChangesFile.changes": "Kaikki muutokset, uusin ensin.",
    "Change.id": "Pysyvä tunniste (osa syötteen ja muutossivun ankkurin tunnistetta): älä muuta "
                 "julkaisun jälkeen.",
    "Change.date": DATE_FI + " Milloin muutos julkaistiin sivustolla.",
    "Change.text": "Mikä muuttui, yhdellä rivillä (syötteen otsikko).",
    "Change.details": "Lisätietoja muutoksesta tarvittaessa.",
    "Change.pages": "Muuttuneet sivut: home, planner, process, registration, schedule, services, requirements, "
                    "customer, accessibility, changes tai käsin kirjoitetun sivun id.",
    "Change.periods": "Jaksot, joiden sivut muuttuivat.",
    "Change.services": "Palvelut, joiden sivut muuttuivat.",
    # search_terms.yaml
    "SearchTermsFile.terms": "Kaikki hakusanat taivutusmuotoineen ja sivuineen.",
    "SearchTerm.forms": "Sana ja muodot, joilla lukijat hakevat, pilkuin eroteltuina kielittäin.",
    "SearchTerm.pages": "Sivut, jotka selittävät sanan: home, planner, process, registration, schedule, "
                        "services, requirements, customer, accessibility tai service:<palvelun id>.",
    "SearchTermsFile.last_reviewed": DATE_FI + " Milloin toimittaja viimeksi tarkisti luettelon.",
    # content/<lang>/*.md front matter
    "PageMeta.id": "Yhdistää sivun käännöksiinsä (sama id jokaisella kielellä).",
    "PageMeta.title": "Sivun otsikko.",
    "PageMeta.description": "Yhden rivin tiivistelmä hakukoneille.",
    "PageMeta.nav_order": "Paikka valikossa (pienempi ensin).",
    "PageMeta.last_reviewed": DATE_FI + " Milloin toimittaja viimeksi tarkisti sivun.",
    "PageMeta.sources": ("Julkiset sivut, joihin sivun tiedot perustuvat; näytetään sivun lopussa kuten "
                         "muillakin sivuilla."),
}


def describe_fi(owner: str, field: str, english: str = "") -> str:
    """The Finnish description of a field; the English one only when none is written yet (the
    test suite requires one for every field, so that does not reach an editor)."""
    return FIELDS_FI.get(f"{owner}.{field}", english)

TYPES_FI: dict[str, str] = {
    # The descriptions of the value types (models' Annotated types), wherever they appear.
    "Lowercase a-z, 0-9 and hyphens.": "Tunniste: pienet kirjaimet a–z, numerot 0–9 ja väliviivat, "
                                       "esim. potilastietovaranto.",
    "A full https:// address (or mailto:).": "Koko osoite alkaen https:// (tai mailto:).",
    "A full https:// address of a folder, ending in /.": "Kansion koko osoite alkaen https:// ja "
                                                          "päättyen merkkiin /.",
    "A period's id, e.g. 1/2027.": "Jakson tunniste numero/vuosi, esim. \"1/2027\".",
}
