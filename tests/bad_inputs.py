"""Every bad-input fixture in one list: each is an edit of the shipped data an editor could make.

`tests/test_check.py` asserts where and what `check` reports for its cases; the message tests
(`tests/test_messages.py`) run every fixture here with `--lang fi` and `--lang sv`, and the schema
test (`tests/test_schemas.py`) validates each edited file with a standard JSON Schema validator.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .helpers import DATA
from .test_check import CASES


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


# The everyday mistakes of issue 14 item 5, and the ones item 3 found in English.
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
