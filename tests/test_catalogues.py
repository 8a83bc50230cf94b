"""The gettext catalogues (generator/locale/): in step with generator/model/messages.py, every entry
translated and not fuzzy, each translation with its English text's placeholders, and the runtime's
fallback that compiles a missing or older `.mo` from its `.po`."""

from __future__ import annotations

import os
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from generator import PACKAGE_DIR
from generator.model import messages

LOCALE = messages.LOCALE_DIR
TEMPLATE = LOCALE / "messages.pot"
CATALOGUES = ("fi", "sv")
# The extraction `make translations-update` runs (the Makefile's PYBABEL_EXTRACT).
EXTRACT = ["--no-default-keywords", "-k", "pgettext:1c,2", "-k", "npgettext:1c,2,3", "--no-location"]


def po_path(lang: str, folder: Path = LOCALE) -> Path:
    return folder / lang / "LC_MESSAGES" / "messages.po"


def read(path: Path, lang: str | None = None):
    with path.open("rb") as file:
        return read_po(file, locale=lang)


def ids(catalog) -> set[tuple[str | None, object]]:
    return {(m.context, m.id) for m in catalog if m.id}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def catalogue_problems(path: Path, lang: str, template_ids: set) -> list[str]:
    """What `make test` refuses in a .po: entries missing or extra against the template, untranslated
    or fuzzy entries, and translations whose placeholders differ from the English text's."""
    catalog = read(path, lang)
    problems = [f"missing: {c}" for c, _ in sorted(template_ids - ids(catalog), key=str)]
    problems += [f"not in the template: {c}" for c, _ in sorted(ids(catalog) - template_ids, key=str)]
    for m in catalog:
        if not m.id:
            continue
        english = m.id if isinstance(m.id, tuple) else (m.id,)
        texts = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy:
            problems.append(f"fuzzy: {m.context}")
        if not all(texts):
            problems.append(f"untranslated: {m.context}")
            continue
        want = set().union(*map(fields, english))
        problems += [f"placeholders {sorted(fields(t))} instead of {sorted(want)}: {m.context}"
                     for t in texts if fields(t) != want]
    return problems


def test_the_template_is_extracted_from_the_code(tmp_path):
    """A text added or changed in messages.py without `make translations-update` fails here."""
    extracted = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", *EXTRACT, "-o", str(extracted),
                                str(Path(messages.__file__))])
    assert ids(read(extracted)) == ids(read(TEMPLATE)), "run: make translations-update"


def test_make_extracts_as_this_test_does():
    makefile = (PACKAGE_DIR.parent / "Makefile").read_text(encoding="utf-8")
    assert "PYBABEL_EXTRACT := extract " + " ".join(EXTRACT) in makefile


def test_one_entry_per_code():
    """The context is the code: two English texts under one code would be two entries a lookup
    by code cannot tell apart."""
    contexts = [m.context for m in read(TEMPLATE) if m.id]
    assert all(contexts) and len(contexts) == len(set(contexts)), sorted(c for c in contexts if contexts.count(c) > 1)


@pytest.mark.parametrize("lang", CATALOGUES)
def test_every_entry_translated_with_its_placeholders(lang):
    assert catalogue_problems(po_path(lang), lang, ids(read(TEMPLATE))) == []


@pytest.mark.parametrize("lang", CATALOGUES)
def test_the_catalogue_has_its_own_plural_forms(lang):
    catalog = read(po_path(lang), lang)
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert not catalog.fuzzy


def test_the_checks_find_a_fuzzy_an_untranslated_and_a_changed_placeholder(tmp_path):
    catalog = read(po_path("fi"), "fi")
    entries = [m for m in catalog if m.id]
    with_args = next(m for m in entries if not isinstance(m.id, tuple) and fields(m.id))
    plural = next(m for m in entries if isinstance(m.id, tuple))
    plain = next(m for m in entries if not isinstance(m.id, tuple) and not fields(m.id))
    with_args.string = "ilman paikkamerkkejä"
    plural.string = (plural.string[0], "")
    plain.flags.add("fuzzy")
    catalog.delete(entries[-1].id, entries[-1].context)
    broken = tmp_path / "messages.po"
    with broken.open("wb") as file:
        write_po(file, catalog)
    problems = catalogue_problems(broken, "fi", ids(read(TEMPLATE)))
    assert sorted(problems) == sorted([
        f"missing: {entries[-1].context}", f"untranslated: {plural.context}", f"fuzzy: {plain.context}",
        f"placeholders [] instead of {sorted(fields(with_args.id))}: {with_args.context}"])


def copy_catalogue(tmp_path: Path, lang: str = "fi") -> Path:
    po = po_path(lang, tmp_path)
    po.parent.mkdir(parents=True)
    shutil.copy(po_path(lang), po)
    return po


def test_without_a_compiled_catalogue_the_po_is_compiled_in_memory(tmp_path):
    po = copy_catalogue(tmp_path)
    assert not po.with_suffix(".mo").exists()
    translations = messages.catalogue("fi", tmp_path)
    assert translations is not None
    assert translations.npgettext("errors", "{n} error", "{n} errors", 3) == "{n} virhettä"
    assert translations.pgettext("label hint", "fix") == "korjaus"


def test_a_compiled_catalogue_older_than_its_po_is_not_used(tmp_path):
    po = copy_catalogue(tmp_path)
    catalog = read(po, "fi")
    with po.with_suffix(".mo").open("wb") as file:
        write_mo(file, catalog)
    catalog.get("fix", "label hint").string = "korjausohje"
    with po.open("wb") as file:
        write_po(file, catalog)
    old = po.stat().st_mtime - 60
    os.utime(po.with_suffix(".mo"), (old, old))
    assert messages.catalogue("fi", tmp_path).pgettext("label hint", "fix") == "korjausohje"


def test_a_current_compiled_catalogue_is_used(tmp_path):
    po = copy_catalogue(tmp_path)
    catalog = read(po, "fi")
    catalog.get("fix", "label hint").string = "korjausohje"
    with po.with_suffix(".mo").open("wb") as file:
        write_mo(file, catalog)
    new = po.stat().st_mtime + 60
    os.utime(po.with_suffix(".mo"), (new, new))
    assert messages.catalogue("fi", tmp_path).pgettext("label hint", "fix") == "korjausohje"


def test_the_catalogues_plural_forms_choose_the_text():
    """Babel's plural rules for fi and sv agree with the catalogue's `n != 1` on whole numbers."""
    for n, expected in [(0, "0 ongelmaa"), (1, "1 ongelma"), (2, "2 ongelmaa"), (21, "21 ongelmaa")]:
        assert messages.say("problems", "fi", n=n) == expected
    assert messages.say("pages", "sv", lang="sv", n=1) == "sv: 1 sida"
    assert messages.say("pages", "sv", lang="sv", n=4) == "sv: 4 sidor"
