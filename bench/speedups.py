"""What each of `generator/build/mkdocs_speedups.py`'s reaches into MkDocs' internals is worth.

For each speedup, the MkDocs helper builds the real sources (`build/<lang>/mkdocs.yml`, made
by a normal build first) `--runs` times with that one speedup switched off, and once with all
on; the figure is the helper's CPU time (user + system, the helper and its forked children)
per build. CPU time is used rather than wall time because it hardly moves with the load of a
shared machine, and the speedups only remove work. A speedup whose gain is under 0.1 s of CPU
per build should be dropped: a private patch has to pay for the upgrade it may break.

    .venv/bin/python bench/speedups.py --runs 10
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build.mkdocs_speedups import SPEEDUPS  # noqa: E402
from generator.commands.pipeline import build_site  # noqa: E402


def helper_cpu(configs: list[str], speedups: str, runs: int, cache: Path) -> float:
    """CPU seconds per build of `configs` in a fresh helper with `speedups` (KG_SPEEDUPS)."""
    env = dict(os.environ, PYTHONHASHSEED="0", KG_SPEEDUPS=speedups, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, "-m", "generator.build.engine", str(cache)], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdin and proc.stdout
    assert json.loads(proc.stdout.readline())["ready"]
    for _ in range(runs):
        proc.stdin.write(json.dumps({"configs": configs, "epoch": 1767225600}) + "\n")
        proc.stdin.flush()
        answer = json.loads(proc.stdout.readline())
        assert not answer["failures"], answer
    proc.stdin.close()
    proc.wait()
    # Includes the helper's imports, the same in every variant: they cancel out in the gains.
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kanta-speedups-") as tmp:
        work = Path(tmp) / "work"
        build_site(ROOT / "data", ROOT / "content", Path(tmp) / "site", today=dt.date(2026, 11, 25),
                   work_dir=work)
        configs = [str(p) for p in sorted(work.glob("*/mkdocs.yml"))]
        every = ",".join(SPEEDUPS)
        base = helper_cpu(configs, every, args.runs, work / "cache-all")
        print(f"all speedups: {base:.3f} s CPU per build")
        for name in SPEEDUPS:
            rest = ",".join(n for n in SPEEDUPS if n != name) or "none"
            without = helper_cpu(configs, rest, args.runs, work / f"cache-{name}")
            gain = without - base
            print(f"{name}: {gain:+.3f} s CPU per build ({gain / without:.0%} of the build without it)")


if __name__ == "__main__":
    main()
