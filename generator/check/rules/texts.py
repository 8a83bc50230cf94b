"""The rules of texts and translations: every text in every language and none left to do, every
interface string the code and templates use defined, placeholders the code fills in, twelve month
names, and a site name that HTML attributes can hold."""

from __future__ import annotations

from generator.check.rules.context import Context
from generator.model import string_keys


def translations(c: Context) -> None:
    """Every text, slug and address exists, non-empty, in every configured language."""
    for file, path, text in c.localized_texts():
        missing = [lang for lang in c.langs if lang not in text.root]
        extra = [lang for lang in text.root if lang not in c.langs]
        for lang in missing:
            c.add(file, path, f"the {lang} text is missing", f"add `{lang}: …` here",
                  code="missing-translation", args=(lang,), at_key=True)
        for lang, value in text.root.items():
            if value.startswith("TODO") or value == "todo":
                c.add(file, path + (lang,), f"the {lang} text is still a to-do ({value[:40]})",
                      "write the final text in place of TODO", code="todo", args=(lang,))
        for lang in extra:
            c.add(file, path + (lang,), f"'{lang}' is not a language of the site",
                  "languages are listed in data/site.yaml; remove this line or add "
                  "the language there", code="unknown-language", args=(lang,),
                  at_key=True)


def site_name_in_attributes(c: Context) -> None:
    """The theme writes the site name into HTML attributes unescaped (aria-label): no `"`."""
    for lang, name in c.project.config.site_name.root.items():
        if '"' in name:
            c.add("site.yaml", ("site_name", lang), 'the site name contains a double quote (")',
                  "the theme writes the name inside HTML attributes: use typographic quotes "
                  "(”…”) or leave them out", code="quote-in-site-name")


def template_strings(c: Context) -> None:
    """Every interface string the templates and the code use (string_keys.USED) exists in strings.yaml."""
    if not c.template_dir:
        return
    for key in sorted(string_keys.USED - set(c.project.strings)):
        c.add("strings.yaml", ("strings",), f"the string '{key}' is used by the templates "
              "but not defined", f"add `{key}:` with a text in every language",
              code="missing-string", args=(key,))


def string_placeholders(c: Context) -> None:
    """Every `{placeholder}` in strings.yaml is one its code fills in (placeholders.py)."""
    from generator.model.placeholders import FILLED, problems

    for key, lang, code, args in problems({k: t.root for k, t in c.project.strings.items()}):
        expected = args[1] if len(args) > 1 else ""
        if code == "placeholder-syntax":
            message = f"the text has a brace the generator cannot read: {args[0]}"
            hint = ("a placeholder is a plain name in braces, e.g. {id}; write the text without "
                    "other braces")
        elif code == "placeholder-unknown":
            message = f"the placeholder {args[0]} is not filled in for '{key}'"
            hint = (f"use only {expected}, as in the other languages" if expected else
                    "this text has no placeholders: remove the braces")
        else:
            message = f"the placeholder {args[0]} is missing: the value it stands for would not be shown"
            hint = f"write {args[0]} where the value belongs (the texts of '{key}' use " \
                   f"{', '.join('{' + n + '}' for n in sorted(FILLED[key]))})"
        c.add("strings.yaml", ("strings", key, lang), message, hint, code=code,
              args=(*args[:1], key, expected))


def month_names(c: Context) -> None:
    """month-names and month-names-short name the twelve months, January first, one word each
    (the planner and the timeline pick a month's name by its number)."""
    for key in ("month-names", "month-names-short"):
        for lang, text in (c.project.strings[key].root.items() if key in c.project.strings else ()):
            if len(text.split()) != 12:
                c.add("strings.yaml", ("strings", key, lang),
                      f"'{key}' has {len(text.split())} words, not the 12 months",
                      "write the twelve months' names, January first, separated by spaces",
                      code="month-names", args=(key, len(text.split())))
