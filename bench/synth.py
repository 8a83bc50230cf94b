"""Synthetic data at N times the shipped size, valid for `python -m generator check`.

    python bench/synth.py --scale 10 --out /tmp/synth-10 [--check]

Writes OUT/data/*.yaml and OUT/content/ (a copy of the shipped content/).
The shipped data files are the templates; copy 0 is the shipped data itself
and copies 1..N-1 are derived from it:

* services.yaml: every service again with id `<id>-c<k>`, slugs `<slug>-c<k>`
  (both languages), names suffixed ` (<k+1>)`, and every reference inside the
  copy (extends, requires_services, requires, redirect_from) pointing at the
  same copy, so each copy is a self-contained, valid catalogue;
* requirements.yaml: every requirement again with id and anchors `-c<k>`;
* periods.yaml: the shipped periods shifted by 2*k years (the shipped ones span
  two calendar years, so copies never overlap), ids renumbered to the new year
  (`1/2028`), events carried along, `accepts`/`services` pointing at copy k of
  the services; only as many copies as end by 2100 (the generator's range of
  years: 37 from the shipped 2026–2027), the later copies' services accepted
  by the periods of copy k mod 37;
* site.yaml, strings.yaml, process.yaml, search_terms.yaml and content/ are copied unchanged.

So services and requirements grow N times, in both languages, and periods and events
N times up to 37×.
The files are written with PyYAML (all values quoted strings, no anchors), which
the generator's strict loader reads back as the same strings.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from generator.load.yaml_file import load_file  # noqa: E402  (strict loader: every scalar a string)
from generator.model.limits import LAST_YEAR as MAX_YEAR  # noqa: E402  (dates after it are refused)

DATA = ROOT / "data"
CONTENT = ROOT / "content"
VERBATIM = ("site.yaml", "strings.yaml", "process.yaml", "search_terms.yaml")


class _Dumper(yaml.SafeDumper):
    """Never writes anchors/aliases (the generator refuses them)."""

    def ignore_aliases(self, data):  # noqa: D102
        return True


def _dump(data: dict, path: Path, header: str) -> None:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)
    path.write_text(header + text, encoding="utf-8")


def _suffix(value: str, k: int) -> str:
    return value if k == 0 else f"{value}-c{k}"


def _shift_date(value: str, years: int) -> str:
    day = dt.date.fromisoformat(value)
    try:
        return day.replace(year=day.year + years).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28).isoformat()


def _renamed(record: dict, k: int) -> dict:
    """Copy k of a record with an id and per-language slug and name (copy 0 is the original)."""
    r = copy.deepcopy(record)
    if k:
        r["id"] = _suffix(r["id"], k)
        r["slug"] = {lang: _suffix(v, k) for lang, v in r["slug"].items()}
        r["name"] = {lang: f"{v} ({k + 1})" for lang, v in r["name"].items()}
    return r


def _service_copy(service: dict, k: int) -> dict:
    s = _renamed(service, k)
    if k == 0:
        return s
    if s.get("extends"):
        s["extends"] = _suffix(s["extends"], k)
    for key in ("requires", "requires_services"):
        if key in s:
            s[key] = [_suffix(x, k) for x in s[key]]
    if "redirect_from" in s:
        s["redirect_from"] = [{lang: _suffix(v, k) for lang, v in old.items()} for old in s["redirect_from"]]
    return s


def _requirement_copy(req: dict, k: int) -> dict:
    return _renamed(req, k)


def _period_copy(period: dict, k: int) -> dict:
    p = copy.deepcopy(period)
    if k == 0:
        return p
    years = 2 * k
    number, year = p["id"].split("/")
    p["id"] = f"{number}/{int(year) + years}"
    for key in ("start", "end"):
        p[key] = _shift_date(p[key], years)
    for key in ("opens", "closes"):
        p["registration"][key] = _shift_date(p["registration"][key], years)
    for event in p.get("events", []):
        event["date"] = _shift_date(event["date"], years)
        if "services" in event:
            event["services"] = [_suffix(x, k) for x in event["services"]]
    p["accepts"] = [_suffix(x, k) for x in p["accepts"]]
    return p


def synthesize(scale: int, out: Path, data_dir: Path = DATA, content_dir: Path = CONTENT) -> dict:
    """Write the synthetic data and content; return counts and file sizes."""
    if scale < 1:
        raise ValueError("scale must be >= 1")
    out = Path(out)
    data_out = out / "data"
    if out.exists():
        shutil.rmtree(out)
    data_out.mkdir(parents=True)
    shutil.copytree(content_dir, out / "content")
    for name in VERBATIM:
        shutil.copy(data_dir / name, data_out / name)

    def shipped(name: str) -> dict:
        return load_file(data_dir / name, name).data

    services = shipped("services.yaml")["services"]
    requirements = shipped("requirements.yaml")["requirements"]
    # The dated periods: one Kela has not announced (`dates: unannounced`) has no dates to repeat.
    periods = [p for p in shipped("periods.yaml")["periods"] if p.get("dates") != "unannounced"]
    header = "# Synthetic data written by bench/synth.py (scale {scale}x); do not edit.\n"
    _dump({"services": [_service_copy(s, k) for k in range(scale) for s in services]},
          data_out / "services.yaml", header.format(scale=scale))
    _dump({"requirements": [_requirement_copy(r, k) for k in range(scale) for r in requirements]},
          data_out / "requirements.yaml", header.format(scale=scale))
    # Dates lie in 2000–2100 (a year outside is a typo to the generator), so only as many copies of
    # the periods as fit before 2101 are made; the services of the later copies are accepted by the
    # periods of an earlier one, so that every service is still in a period.
    last_year = max(int(p["end"][:4]) for p in periods)
    fit = max(1, min(scale, (MAX_YEAR - last_year) // 2 + 1))
    period_copies = [[_period_copy(p, k) for p in periods] for k in range(fit)]
    for k in range(fit, scale):
        for original, copied in zip(periods, period_copies[k % fit], strict=True):
            copied["accepts"] += [_suffix(x, k) for x in original["accepts"]]
    _dump({"periods": [p for copies in period_copies for p in copies]},
          data_out / "periods.yaml", header.format(scale=scale))
    return {
        "scale": scale,
        "services": len(services) * scale,
        "requirements": len(requirements) * scale,
        "periods": len(periods) * fit,
        "events": sum(len(p.get("events", [])) for p in periods) * fit,
        "file_bytes": {p.name: p.stat().st_size for p in sorted(data_out.glob("*.yaml"))},
    }


def check(out: Path, python: str, today: str) -> tuple[bool, str]:
    """Run `python -m generator check` on the synthetic data; (passed, output)."""
    proc = subprocess.run([python, "-m", "generator", "check", "--data", str(Path(out) / "data"),
                          "--content", str(Path(out) / "content"), "--today", today],
                         cwd=ROOT, capture_output=True, text=True)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="run `python -m generator check` on it")
    parser.add_argument("--today", default="2026-11-25")
    args = parser.parse_args()
    info = synthesize(args.scale, args.out)
    print(json.dumps(info, indent=2))
    if args.check:
        ok, output = check(args.out, sys.executable, args.today)
        print(output.splitlines()[-1] if output else "")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
