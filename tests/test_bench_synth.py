"""The benchmark's synthetic data stays valid at every scale it is run at (bench/synth.py).

The 50x scale was once skipped without a word: its periods ran into the 2100s, which the
generator refuses as typos. This runs `check` at a scale past the point where the periods
stop fitting, and requires every service to be in a period still.
"""

from __future__ import annotations

import sys

from bench.synth import check, synthesize
from generator.load.yaml_file import load_file

from .helpers import CONTENT, DATA


def test_synthetic_data_past_the_last_year_is_valid(tmp_path):
    dated = [p for p in load_file(DATA / "periods.yaml", "periods.yaml").data["periods"]
               if p["dates"] != "unannounced"]  # no dates to repeat: the synthetic data leaves them out
    info = synthesize(40, tmp_path, DATA, CONTENT)  # the fixture's periods span 2026-2027: 37 copies end by 2100
    assert info["periods"] == len(dated) * 37
    ok, output = check(tmp_path, sys.executable, "2026-11-25")
    assert ok, output
    assert output.splitlines()[-1].startswith("0 errors")
    services = load_file(tmp_path / "data" / "services.yaml", "services.yaml").data["services"]
    periods = load_file(tmp_path / "data" / "periods.yaml", "periods.yaml").data["periods"]
    assert len(services) == info["services"]
    accepted = {sid for p in periods for sid in p["accepts"]}
    in_periods = {s["id"] for s in services if s.get("uses_periods", "true") == "true"}
    assert {sid for sid in in_periods if sid.endswith("-c39")}, "the last copy's services exist"
    assert in_periods - accepted == set()
    assert max(int(p["end"][:4]) for p in periods) <= 2100
