"""Fill the fi/sv gettext catalogues from a messages.py written in the older dictionary format.

For merging a branch that added or changed texts in `TEXTS`/`MESSAGES`/`NOUNS`/`OS_WORDS`/`LABELS`
as Python dictionaries (code → language → text) after the catalogues replaced them:

    git show <branch>:generator/messages.py > /tmp/branch_messages.py
    .venv/bin/python tools/catalogue_from_dicts.py /tmp/branch_messages.py

It lists the codes the template (`generator/locale/messages.pot`) lacks: add a `pgettext(code,
english)` (a problem's fix: `pgettext("<code> (fix)", english)`) or `npgettext` line for each to
generator/messages.py, run `make translations-update`, and run this again. It then writes the
dictionaries' Finnish and Swedish texts into every entry of the .po files that is empty or fuzzy,
and lists the entries whose translation or English text differs from the dictionaries' (with
`--overwrite`, the dictionaries' translations replace them).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "generator" / "locale"
ALIASES = {"text-link-guess", "mkdocs-relative", "link-anchor"}  # messages._ALIASES: one entry each


def load(path: Path):
    sys.path.insert(0, str(ROOT))
    import generator  # noqa: F401  (the old module imports `.errors` from the package)

    spec = importlib.util.spec_from_file_location("generator._dict_messages", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entries(old) -> dict[str, dict[str, object]]:
    """context → language ("en" where the dictionaries have English) → text or (one, other)."""
    out: dict[str, dict[str, object]] = {}

    def form(value):
        return (value["one"], value["other"]) if isinstance(value, dict) else value

    for code, texts in old.TEXTS.items():
        out[code] = {lang: form(text) for lang, text in texts.items()}
    for code, texts in old.MESSAGES.items():
        if code in ALIASES:
            continue
        out[code] = {lang: pair[0] for lang, pair in texts.items()}
        if any(pair[1] for pair in texts.values()):
            out[f"{code} (fix)"] = {lang: pair[1] for lang, pair in texts.items()}
    for prefix, table in (("noun", old.NOUNS), ("os", old.OS_WORDS)):
        for key, texts in table.items():
            out[f"{prefix} {key}"] = dict(texts)
    for lang, labels in old.LABELS.items():
        for key, text in labels.items():
            out.setdefault(f"label {key}", {})[lang] = text
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("messages", type=Path, help="a messages.py in the dictionary format")
    parser.add_argument("--overwrite", action="store_true", help="replace translations that differ")
    args = parser.parse_args()
    old = entries(load(args.messages))
    with (LOCALE / "messages.pot").open("rb") as file:
        template = {m.context: m.id for m in read_po(file) if m.id}
    missing = sorted(set(old) - set(template))
    for context in missing:
        print(f"not in the template (add it to generator/messages.py): {context}")
    for context, texts in old.items():
        english = texts.get("en")
        if context in template and english is not None and english != template[context]:
            print(f"English differs: {context}: {english!r} (template: {template[context]!r})")
    for lang in ("fi", "sv"):
        path = LOCALE / lang / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as file:
            catalog = read_po(file, locale=lang)
        for message in catalog:
            text = old.get(message.context or "", {}).get(lang)
            if not message.id or text is None:
                continue
            current = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(current) or message.fuzzy or args.overwrite:
                message.string = text
                message.flags.discard("fuzzy")
            elif message.string != text:
                print(f"{lang} differs: {message.context}: {text!r} (catalogue: {message.string!r})")
        with path.open("wb") as file:
            write_po(file, catalog, width=100)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
