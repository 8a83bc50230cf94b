"""Fuzzing `python -m generator check` with broken versions of the real data.

Property: whatever an editor (or a merge, or a broken editor plugin) does to a
data file or a page's front matter, `check` answers with exit 0 or 1 and a
list of problems. Never a traceback, never "internal error", never more than a
few seconds (hypothesis deadline) or 1 GB more address space (RLIMIT_AS) for one run.

Mutations: random bytes, bytes inserted, truncation, a value replaced by
another type, a key deleted, deep nesting, huge strings, YAML features the
loader refuses (anchors, aliases, tags, merge keys, duplicate keys, tabs, NUL,
BOM). Runs the CLI in-process (click's CliRunner) on a copy of data/ and
content/, restoring the file after each example.

Deterministic by default (`derandomize`), so CI is reproducible; explore more
with e.g. `KG_FUZZ_EXAMPLES=2000 KG_FUZZ_RANDOM=1 pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import os
import re
import warnings
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.yaml_file import load_text
from tests.helpers import copy_fixture, run_check

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "150"))
DEADLINE = dt.timedelta(seconds=5)
EXTRA_MEMORY_MB = 1024
"""Address space one `check` run may add (RLIMIT_AS while the fuzzer runs): a blow-up
becomes a MemoryError, which `check` reports as an internal error and the test fails."""

# Crashes found by this test in code owned elsewhere, reported with a reproducer and a fix.
# Tolerated here, by their exact signature only (name → compiled pattern of the output), so the
# fuzzer keeps guarding everything else while the fix is on its way. None are open now: the
# list/mapping-instead-of-a-value crash is fixed and kept fixed by test_known_crash_reproducers.
KNOWN_CRASHES: dict[str, re.Pattern] = {}
seen_known: dict[str, int] = {}

FRONT_MATTER_RE = re.compile(rb"\A---\n(.*?\n)---\n", re.S)
LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml: 30x faster than pure Python
DUMPER = getattr(yaml, "CDumper", yaml.Dumper)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("fuzz")
    copy_fixture(root)
    files = sorted(root.glob("data/*.yaml")) + sorted(root.glob("content/*/*.md"))
    return {"root": root, "files": {p: p.read_bytes() for p in files}}


# ---------------------------------------------------------------------------
# Mutations
# ---------------------------------------------------------------------------


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


def _nested(depth: int, leaf: str, as_map: bool):
    value: object = leaf
    for _ in range(depth):
        value = {"a": value} if as_map else [value]
    return value


values = st.one_of(
    st.none(), st.text(max_size=30), st.just(""), st.just([]), st.just({}),
    st.lists(st.text(max_size=8), max_size=4),
    st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3),
    st.sampled_from(["true", "yes", "no", "0123", "10:30", "2026-02-30", "1/2026", "null", "~", "-", "{", "[",
                     "<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=x}", "\x00", "\ufeff",
                     "a: b", "- x", "*", "&a", "!!python/object:os.system", "\t", "'", '"', "é" * 50]),
)
huge = st.builds(lambda piece, n: piece * n, st.sampled_from(["x", "ä", "[x](", "<", "{:", "- ", "\n", "*_"]),
                 st.sampled_from([10_000, 300_000, 1_100_000]))
yaml_features = st.sampled_from([
    "&anchor ", "*anchor", "<<: *anchor\n", "!!python/object/apply:os.system ['true']\n", "!tag ",
    "\t", "\x00", "\ufeff", "\r\n", "key: 1\nkey: 2\n", "? [complex, key]\n: value\n", "%YAML 1.1\n---\n",
    "--- \n...\n---\n", "[" * 3000, "{" * 3000, "- " * 3000 + "x\n", "'unterminated\n", '"\\x\n',
    "a: b: c\n", "&a [*a, *a]\n", "\udc80".encode("utf-8", "surrogatepass").decode("latin-1"),
])


@functools.cache
def _parsed(raw: bytes):
    front = FRONT_MATTER_RE.match(raw)
    return yaml.load((front[1] if front else raw).decode("utf-8"), Loader=LOADER)


@st.composite
def mutated(draw, files: dict[Path, bytes]):
    path = draw(st.sampled_from(sorted(files)))
    raw = files[path]
    kind = draw(st.sampled_from(["bytes", "insert", "truncate", "feature", "swap", "delete", "nest", "huge"]))
    if kind == "bytes":
        return path, draw(st.binary(max_size=600)), kind
    if kind == "insert":
        at = draw(st.integers(0, len(raw)))
        return path, raw[:at] + draw(st.binary(min_size=1, max_size=40)) + raw[at:], kind
    if kind == "truncate":
        return path, raw[: draw(st.integers(0, max(len(raw) - 1, 0)))], kind
    if kind == "feature":
        lines = raw.split(b"\n")
        at = draw(st.integers(0, len(lines)))
        column = draw(st.sampled_from([0, 2, 4]))
        insert = (b" " * column) + draw(yaml_features).encode("utf-8", "surrogatepass")
        return path, b"\n".join(lines[:at] + [insert] + lines[at:]), kind

    # Structural mutations: on the YAML (a data file, or a page's front matter).
    front = FRONT_MATTER_RE.match(raw) if path.suffix == ".md" else None
    data = copy.deepcopy(_parsed(raw))
    where = draw(st.sampled_from(list(_paths(data))))
    if kind == "delete":
        if not where:
            data = {}
        else:
            parent = data
            for key in where[:-1]:
                parent = parent[key]
            del parent[where[-1]]
    else:
        if kind == "swap":
            value = draw(values)
        elif kind == "nest":
            value = _nested(draw(st.integers(1, 150)), "x", draw(st.booleans()))
        else:
            value = draw(huge)
        if not where:
            data = value
        else:
            parent = data
            for key in where[:-1]:
                parent = parent[key]
            parent[where[-1]] = value
    text = yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=120).encode("utf-8")
    if front:
        text = b"---\n" + text + b"---\n" + raw[front.end():]
    return path, text, kind


# ---------------------------------------------------------------------------
# The property
# ---------------------------------------------------------------------------


def check_project(root: Path) -> tuple[int, str]:
    result = run_check(root / "data", "--content", str(root / "content"))
    return result.exit_code, result.output


@contextlib.contextmanager
def memory_cap(extra_mb: int):
    """Cap this process's address space at its current size + extra_mb (Linux)."""
    try:
        import resource

        status = Path("/proc/self/status").read_text()
        current = int(re.search(r"VmSize:\s+(\d+) kB", status)[1]) * 1024
    except (ImportError, OSError, TypeError):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = current + extra_mb * 2**20
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_unmodified_data_passes(project):
    code, output = check_project(project["root"])
    assert code == 0, output


def test_check_never_crashes(project):
    files = project["files"]

    @settings(max_examples=EXAMPLES, deadline=DEADLINE, derandomize=not os.environ.get("KG_FUZZ_RANDOM"),
              database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutated(files))
    def check_survives(change):
        path, text, kind = change
        path.write_bytes(text)
        try:
            code, output = check_project(project["root"])
        finally:
            path.write_bytes(files[path])
        assert "Traceback" not in output, output
        known = [name for name, pattern in KNOWN_CRASHES.items() if pattern.match(output)]
        if known:
            seen_known[known[0]] = seen_known.get(known[0], 0) + 1
            return
        assert "internal error" not in output, output
        assert code in (0, 1), (code, output)

    with memory_cap(EXTRA_MEMORY_MB):
        check_survives()
    for name, count in seen_known.items():
        warnings.warn(f"known crash hit {count} time(s): {name}", stacklevel=1)


@pytest.mark.parametrize("file_name, keys, value", [
    # The two the fuzzer found: a list or a mapping where a date or a time belongs.
    ("services.yaml", ("services", 0, "last_reviewed"), []),
    ("periods.yaml", ("periods", 0, "events", 0, "start"), {"a": "b"}),
    # Every other custom type, the same way.
    ("periods.yaml", ("periods", 0, "registration", "opens"), ["2026-01-01"]),
    ("periods.yaml", ("periods", 0, "events", 0, "online"), []),
    ("periods.yaml", ("periods", 0, "dates"), {"a": "b"}),
    ("services.yaml", ("services", 0, "id"), ["prescription"]),
    ("services.yaml", ("services", 0, "slug", "fi"), {"a": "b"}),
    ("services.yaml", ("services", 0, "name", "fi"), ["Resepti"]),
    ("services.yaml", ("services", 0, "summary", "fi"), {"a": "b"}),
    ("services.yaml", ("services", 0, "links", 0, "url", "fi"), []),
    ("site.yaml", ("site_url",), {"a": "b"}),
    ("site.yaml", ("contacts", 0, "email"), []),
    ("site.yaml", ("edit_branch",), ["main"]),
    ("site.yaml", ("languages", 0, "search_stemmer"), []),
    ("process.yaml", ("duration_certified", "min"), []),
])
def test_known_crash_reproducers(tmp_path, file_name, keys, value):
    """Minimal reproducers: a list or a mapping where a date or a time belongs."""
    copy_fixture(tmp_path)
    path = tmp_path / "data" / file_name
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    node = data
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value
    path.write_text(yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, output = check_project(tmp_path)
    assert code == 1 and "internal error" not in output, output
    line = load_text(path.read_text(encoding="utf-8"), file_name).position(keys)[0]
    assert re.search(rf"{re.escape(file_name)}:{line}:\d+: error: expected a single value here \(like [^)]+\), "
                     r"not a list or indented keys: write the value on the same line as its key", output), output
