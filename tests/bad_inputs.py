"""Every bad-input fixture in one list: each is an edit an editor could make, here of the full
fixture's data (tests/fixtures/site/data).

`tests/test_check.py` asserts where and what `check` reports for `CASES`; the message tests
(`tests/test_messages.py`) run every fixture here with `--lang fi` and `--lang sv`, and the schema
test (`tests/test_schemas.py`) validates each edited file with a standard JSON Schema validator.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .helpers import DATA


@dataclass
class Case:
    name: str
    file: str
    old: str
    new: str
    message: str
    """A fragment of the expected message."""
    at: str
    """A fragment of the line the error must point at (in the edited file)."""
    column: int
    hint: str = ""
    count: int = 1
    """Replace only the first `count` occurrences."""
    nth_at: int = 1
    """`at` matches this occurrence (when the edit duplicates a line)."""


CASES = [
    Case("unknown key with a suggestion", "services.yaml", "    summary:", "    sumary:",
         "unknown key 'sumary'", "    sumary:", 5, "did you mean 'summary'?"),
    Case("missing field", "services.yaml", "    contact: kanta-support\n", "",
         "the key 'contact' is missing", "  - id: prescription", 5, "add `contact:`"),
    Case("wrong type: text where a list belongs", "services.yaml",
         "    sectors:\n      - health\n      - pharmacy\n", "    sectors: health\n",
         "a list belongs here", "    sectors: health", 14),
    Case("impossible date", "periods.yaml", "    start: 2026-01-12", "    start: 2026-02-30",
         "'2026-02-30' is not a date in the calendar", "start: 2026-02-30", 12),
    Case("date in the wrong format", "periods.yaml", "    end: 2026-04-30", "    end: 30.4.2026",
         "'30.4.2026' is written day first", "end: 30.4.2026", 10, "write 2026-04-30"),
    Case("time with a dot", "periods.yaml", '        start: "09:00"', "        start: 9.00",
         "'9.00' is not a time", "start: 9.00", 16),
    Case("boolean spelled no", "periods.yaml", "        online: false", "        online: no",
         "'no' is not true or false", "online: no", 17),
    Case("the old key provisional", "periods.yaml", "    dates: example", "    provisional: true",
         "the key 'provisional' has been renamed to 'dates'", "    provisional: true", 5,
         "replace `provisional: true` with `dates:`"),
    Case("a date state that does not exist", "periods.yaml", "    dates: example", "    dates: maybe",
         "'maybe' is not one of the allowed values", "    dates: maybe", 12,
         "write one of: example, provisional, confirmed"),
    Case("boolean spelled on", "periods.yaml", "        online: true", "        online: on",
         "'on' is not true or false", "online: on", 17),
    Case("registration closes after the period starts", "periods.yaml",
         "      closes: 2025-12-12", "      closes: 2026-01-20",
         "registration closes (2026-01-20) on or after the period starts", "closes: 2026-01-20", 15),
    Case("event outside its period", "periods.yaml", "        date: 2026-01-20", "        date: 2026-06-20",
         "outside period 1/2026", "date: 2026-06-20", 15),
    Case("end before start", "periods.yaml", "    end: 2026-04-30", "    end: 2026-01-01",
         "ends (2026-01-01) before it starts", "end: 2026-01-01", 10),
    Case("overlapping periods", "periods.yaml", "    start: 2026-05-04", "    start: 2026-04-20",
         "starts (2026-04-20) before period 1/2026 ends", "start: 2026-04-20", 12),
    Case("missing translation", "services.yaml", "      sv: Recepttjänsten\n", "",
         "the sv text is missing", "    name:", 5),
    Case("empty translation", "services.yaml", "      sv: Recepttjänsten", '      sv: ""',
         "the sv text is empty", 'sv: ""', 11, "write the sv text after `sv:`"),
    Case("duplicate id", "services.yaml", "  - id: patient-data-repository", "  - id: prescription",
         "the service id 'prescription' is used twice", "  - id: prescription", 9, nth_at=2),
    Case("duplicate slug", "services.yaml", "      fi: potilastietovaranto", "      fi: resepti-palvelu",
         "the fi slug 'resepti-palvelu' is already used by prescription", "fi: resepti-palvelu", 11,
         nth_at=2),
    Case("reference to an id that does not exist", "services.yaml", "      - connection-model",
         "      - conection-model", "there is no requirement with the id 'conection-model'",
         "- conection-model", 9, "did you mean 'connection-model'?"),
    Case("slug with ../", "services.yaml", "      fi: resepti-palvelu", "      fi: ../resepti",
         "'../resepti' is not a valid id or slug", "fi: ../resepti", 11),
    Case("slug with capitals", "services.yaml", "      fi: resepti-palvelu", "      fi: Resepti",
         "'Resepti' is not a valid id or slug", "fi: Resepti", 11),
    Case("slug with a space", "services.yaml", "      fi: resepti-palvelu", "      fi: resepti palvelu",
         "is not a valid id or slug", "fi: resepti palvelu", 11),
    Case("slug with å/ä/ö", "services.yaml", "      sv: recepttjansten", "      sv: recepttjänsten",
         "is not a valid id or slug", "sv: recepttjänsten", 11),
    Case("raw HTML in a text", "process.yaml", "    Sote-toimija voi ottaa", "    <b>Sote-toimija</b> voi ottaa",
         "HTML is not allowed", "  fi: >-", 7),
    Case("script in a name", "services.yaml", "      fi: Resepti-palvelu",
         "      fi: Resepti<script>alert(1)</script>", "HTML is not allowed", "Resepti<script>", 11),
    Case("javascript: link", "process.yaml", "    Sote-toimija voi ottaa",
         "    [klikkaa](javascript:alert(1)) voi ottaa", "is not allowed", "  fi: >-", 7),
    Case("duplicate key", "services.yaml", "    kind: service\n", "    kind: service\n    kind: functionality\n",
         "the key 'kind' appears twice in the same block (first on line", "kind: functionality", 5),
    Case("anchor and alias", "services.yaml", "    kind: service\n    name:",
         "    kind: &k service\n    name:", "anchors and aliases", "kind: &k service", 11),
    Case("python tag", "services.yaml", "    kind: service\n    name:",
         "    kind: !!python/object/apply:os.system [echo hi]\n    name:", "is not allowed",
         "kind: !!python", 11),
    Case("tab indentation", "services.yaml", "    kind: service\n    name:", "\tkind: service\n    name:",
         "a tab character is used for indentation", "\tkind: service", 1),
    Case("YAML syntax error", "services.yaml", "    kind: service\n    name:",
         "    kind: service: extra\n    name:", "YAML syntax error", "kind: service: extra", 18),
    # Hostile input; tests/test_loader_hardening.py has the variants of each.
    Case("unclosed quote: at the quote, not at the end of the file", "services.yaml",
         "      fi: Resepti-palvelu\n", '      fi: "Resepti-palvelu\n',
         'the text in quotes that starts here with " is not closed on this line', '"Resepti-palvelu', 11,
         'add the closing " at the end of the text on this line'),
    Case("control character", "services.yaml", "      fi: Resepti-palvelu", "      fi: Resepti\x01-palvelu",
         "the invisible control character U+0001 is not allowed in data files", "Resepti\x01", 18,
         "delete it: go to this line and column"),
    Case("slug with a trailing newline", "services.yaml", "      fi: resepti-palvelu",
         '      fi: "resepti-palvelu\\n"', "'resepti-palvelu<U+000A>' is not a valid id or slug",
         'fi: "resepti-palvelu', 11),
    Case("period id with Arabic-Indic digits", "periods.yaml", '  - id: "1/2026"', '  - id: "1/٢٠٢٦"',
         "'1/٢٠٢٦' is not a period id", '"1/٢٠٢٦"', 9),
    Case("search language that Material's search does not have", "site.yaml", "    search_stemmer: sv",
         "    search_stemmer: xx", "'xx' is not a language Material's search supports", "search_stemmer: xx", 21),
    Case("bidi override in an id", "services.yaml", "  - id: prescription", "  - id: prescri\u202eption",
         "'prescri<U+202E>ption' contains the invisible character U+202E", "  - id: prescri", 9),
]


@dataclass(frozen=True)
class Fixture:
    name: str
    file: str
    old: str
    new: str
    count: int = 1
    schema: bool = True
    """False when no JSON Schema can express the mistake (YAML syntax, cross-record rules, …)."""

    def apply(self, data: Path) -> str:
        path = data / self.file
        original = path.read_text(encoding="utf-8")
        assert self.old in original, f"fixture drifted: {self.old!r} not in {self.file}"
        edited = original.replace(self.old, self.new, self.count)
        path.write_text(edited, encoding="utf-8")
        return edited


# The everyday mistakes editors make, each with its plain fix.
EXTRA = [
    Fixture("list item indented too far", "periods.yaml",
            "      - social-welfare-document-groups\n      - imaging-data-repository\n",
            "      - social-welfare-document-groups\n        - imaging-data-repository\n", schema=False),
    Fixture("key indented too far", "periods.yaml", "    end: 2026-04-30\n", "      end: 2026-04-30\n",
            schema=False),
    Fixture("key indented too little", "periods.yaml", "    end: 2026-04-30\n", "   end: 2026-04-30\n",
            schema=False),
    Fixture("date written day first", "periods.yaml", "    end: 2026-04-30", "    end: 31.12.2027"),
    Fixture("empty sv text", "services.yaml", "      sv: Recepttjänsten", "      sv:"),
    Fixture("place on one line", "periods.yaml", "        online: true\n",
            "        online: false\n        place: Helsinki\n"),
    Fixture("unknown id with no close match", "periods.yaml", "      - register-access-right\n",
            "      - zzzz\n"),
    Fixture("unknown key with no close match", "services.yaml", "    kind: service\n",
            "    kind: service\n    qqqq: 1\n"),
    Fixture("a value with ': ' unquoted", "services.yaml", "      fi: Resepti-palvelu",
            "      fi: Resepti: palvelu", schema=False),
    Fixture("list where a text belongs", "services.yaml", "      fi: Resepti-palvelu",
            "      fi: [a, b]"),
    Fixture("empty list", "periods.yaml",
            "    accepts:\n      - prescription\n      - patient-data-repository\n"
            "      - social-welfare-client-data-repository\n      - register-access-right\n"
            "      - social-welfare-document-groups\n      - imaging-data-repository\n"
            "      - certificate-delivery\n      - old-patient-data-archiving\n",
            "    accepts: []\n"),
]

# Cases of test_check that a JSON Schema cannot express: YAML's own syntax and safety rules, and
# the rules that compare records (dates in order, unique ids, references).
_NOT_SCHEMA = {"impossible date", "registration closes after the period starts", "event outside its period",
               "end before start", "overlapping periods", "duplicate id", "duplicate slug", "duplicate key",
               "anchor and alias", "python tag", "tab indentation", "YAML syntax error",
               "unclosed quote: at the quote, not at the end of the file", "control character",
               "raw HTML in a text", "script in a name", "javascript: link", "slug with a trailing newline"}

FIXTURES = [Fixture(c.name, c.file, c.old, c.new, c.count, schema=c.name not in _NOT_SCHEMA)
            for c in CASES] + EXTRA
assert len({f.name for f in FIXTURES}) == len(FIXTURES)
assert all(f.old in (DATA / f.file).read_text(encoding="utf-8") for f in FIXTURES)
