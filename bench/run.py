"""`make bench`: build cost, scale, preview latency, page weight, Lighthouse and engines.

    .venv/bin/python bench/run.py                 # everything but Lighthouse, 5 runs each
    .venv/bin/python bench/run.py --lighthouse    # ... plus Lighthouse (about 10 minutes more)
    .venv/bin/python bench/run.py --quick         # smoke test: 1 run of everything
    .venv/bin/python bench/run.py --only build,weight --runs 7 --name laptop

Prints Markdown tables (median and min–max of the runs) and writes
bench/results/<name>.json (sorted keys) and bench/results/<name>.md.
Everything is built in a temporary folder; site/ and build/ are never touched.
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import pstats
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    BENCH,
    EPOCH,
    MKDOCS_ENV,
    PY,
    ROOT,
    TODAY,
    fmt_s,
    fmt_x,
    loadavg,
    machine_info,
    run,
    stats,
    table,
)

SECTIONS = ["check", "build", "scale", "preview", "weight", "lighthouse", "engines"]
CHILD = str(BENCH / "_child.py")
TARGETS = {
    "overhead_ratio": 1.10,
    "parallel_ratio_2core": 0.55,
    "parallel_ratio_1core": 1.05,
    "scale_per_page_50x_vs_1x": 1.3,
    "preview_latency_s": 1.5,
}
MAX_BYTES_FOR_SCALE = 16 * 1024 * 1024
"""Loader size limit the bench sets (in its own build process only) when a synthetic
file exceeds generator.load.yaml_file.MAX_BYTES; reported next to the figures."""


def log(text: str = "") -> None:
    print(text, flush=True)


# ---------------------------------------------------------------------------
# One full build (subprocess) and the plain MkDocs runs of its sources
# ---------------------------------------------------------------------------


def full_build(data: Path, content: Path, out: Path, work: Path, *, pin: bool = False,
               max_bytes: int = 0, profile: Path | None = None) -> dict:
    cmd = ([ "taskset", "-c", "0"] if pin else []) + [PY, CHILD, "--data", str(data), "--content", str(content),
                                                    "--out", str(out), "--work", str(work), "--today", TODAY]
    if max_bytes:
        cmd += ["--max-bytes", str(max_bytes)]
    if profile:
        cmd += ["--profile", str(profile)]
    r = run(cmd).check("full build")
    info = json.loads([line for line in r.output.splitlines() if line.startswith("{")][-1])
    return {"wall": r.wall, "maxrss_mb": r.maxrss_mb, "tree_peak_mb": r.tree_peak_mb, **info}


def plain_sequential(work: Path, languages: list[str], *, pin: bool = False) -> dict:
    """`mkdocs build --strict` of each generated config, one after another."""
    per_lang, rss = {}, []
    for lang in languages:
        cmd = (["taskset", "-c", "0"] if pin else []) + [PY, "-m", "mkdocs", "build", "--strict", "-f",
                                                         str(work / lang / "mkdocs.yml")]
        r = run(cmd, cwd=work, env={**MKDOCS_ENV, "SOURCE_DATE_EPOCH": EPOCH}).check(f"mkdocs {lang}")
        per_lang[lang] = r.wall
        rss.append(r.maxrss_mb)
    return {"wall": sum(per_lang.values()), "per_lang": per_lang, "maxrss_mb": max(rss)}


def plain_parallel(work: Path, languages: list[str]) -> dict:
    """The same MkDocs runs all at once (what the generator does), as one measured shell."""
    parts = [f"{PY} -m mkdocs build --strict -f {work / lang / 'mkdocs.yml'} & p{i}=$!"
             for i, lang in enumerate(languages)]
    waits = " && ".join(f"wait $p{i}" for i in range(len(languages)))
    r = run(["bash", "-c", "; ".join(parts) + "; " + waits], cwd=work,
            env={**MKDOCS_ENV, "SOURCE_DATE_EPOCH": EPOCH}).check("parallel mkdocs")
    return {"wall": r.wall, "tree_peak_mb": r.tree_peak_mb}


def _clean_site(work: Path) -> None:
    if (work / "site").exists():
        shutil.rmtree(work / "site")


def _median(values):
    return statistics.median(values)


# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------


def section_check(ctx: dict) -> dict:
    runs = ctx["runs"]
    check_cmd = [PY, "-m", "generator", "check", "--today", TODAY]
    floor_cmd = [PY, "-c", "import generator"]
    run(check_cmd), run(floor_cmd)  # warm-up (.pyc, page cache)
    checks, floors, rc = [], [], 0
    for _ in range(runs):
        r = run(check_cmd)
        rc = max(rc, r.rc)
        checks.append(r.wall)
        floors.append(run(floor_cmd).check("import generator").wall)
    res = {"check_s": stats(checks), "import_floor_s": stats(floors), "check_exit_code": rc,
           "check_minus_floor_s": round(_median(checks) - _median(floors), 4)}
    ctx["tables"].append(("1. `python -m generator check` (shipped data)", table(
        ["command", "wall time, median (min–max)"],
        [["`python -m generator check`", fmt_s(res["check_s"])],
         ['`python -c "import generator"` (floor)', fmt_s(res["import_floor_s"])],
         ["check − floor (medians)", f"{res['check_minus_floor_s']:.3f} s"]])))
    return res


def section_build(ctx: dict) -> dict:
    runs, tmp = ctx["runs"], ctx["tmp"]
    work = tmp / "build-work"
    full, seq, par, full1, seq1 = [], [], [], [], []
    languages: list[str] = []
    last_out = None
    # Warm-up: one unmeasured build (pyc files, page cache), also gives the languages.
    warm = full_build(ROOT / "data", ROOT / "content", tmp / "warm-site", work)
    languages = list(warm["md_pages"])
    shutil.rmtree(tmp / "warm-site", ignore_errors=True)
    for i in range(runs):
        log(f"  build run {i + 1}/{runs}")
        out = tmp / f"build-site-{i}"
        full.append(full_build(ROOT / "data", ROOT / "content", out, work))
        if last_out:
            shutil.rmtree(last_out, ignore_errors=True)
        last_out = out
        _clean_site(work)
        seq.append(plain_sequential(work, languages))
        _clean_site(work)
        par.append(plain_parallel(work, languages))
        _clean_site(work)
        out1 = tmp / f"build-site-pinned-{i}"
        full1.append(full_build(ROOT / "data", ROOT / "content", out1, work, pin=True))
        shutil.rmtree(out1, ignore_errors=True)
        _clean_site(work)
        seq1.append(plain_sequential(work, languages, pin=True))
        _clean_site(work)
    # Leave the sources and the last output for the page-weight and engine sections.
    ctx["site"] = last_out
    ctx["work"] = work
    ctx["languages"] = languages
    stage_names = list(full[0]["timings"])
    stages = {name: stats([f["timings"].get(name, 0.0) for f in full]) for name in stage_names}
    full_s = stats([f["wall"] for f in full])
    seq_s = stats([s["wall"] for s in seq])
    par_s = stats([p["wall"] for p in par])
    full1_s = stats([f["wall"] for f in full1])
    seq1_s = stats([s["wall"] for s in seq1])
    per_lang = {lang: stats([s["per_lang"][lang] for s in seq]) for lang in languages}
    ratio = full_s["median"] / seq_s["median"]
    ratio_runs = stats([f["wall"] / s["wall"] for f, s in zip(full, seq, strict=False)], 3)
    ratio1 = full1_s["median"] / seq1_s["median"]
    ratio1_runs = stats([f["wall"] / s["wall"] for f, s in zip(full1, seq1, strict=False)], 3)
    generator_own = stats([f["wall"] - f["timings"].get("mkdocs", 0.0) for f in full])
    pages = sum(full[0]["md_pages"].values())
    res = {
        "languages": languages, "pages": full[0]["md_pages"],
        "full_build_s": full_s, "stages_s": stages, "generator_own_s": generator_own,
        "full_build_maxrss_mb": stats([f["maxrss_mb"] for f in full], 1),
        "full_build_tree_peak_mb": stats([f["tree_peak_mb"] for f in full], 1),
        "plain_mkdocs_sequential_s": seq_s, "plain_mkdocs_per_language_s": per_lang,
        "plain_mkdocs_parallel_s": par_s,
        "overhead_ratio": round(ratio, 3), "overhead_ratio_per_run": ratio_runs,
        "full_over_plain_parallel": round(full_s["median"] / par_s["median"], 3),
        "pinned_full_build_s": full1_s, "pinned_plain_sequential_s": seq1_s,
        "parallel_ratio_1core": round(ratio1, 3), "parallel_ratio_1core_per_run": ratio1_runs,
    }
    rows = [[f"full build (`build_site`, subprocess, {pages} pages)", fmt_s(full_s)]]
    rows += [[f"  · stage {name}", fmt_s(st)] for name, st in stages.items()]
    rows += [["  · process start-up + imports (wall − Σ stages)",
              fmt_s(stats([f["wall"] - sum(f["timings"].values()) for f in full]))],
             ["  · generator's own time (wall − mkdocs stage)", fmt_s(generator_own)]]
    rows += [[f"plain `mkdocs build` {lang}", fmt_s(st)] for lang, st in per_lang.items()]
    rows += [["plain `mkdocs build`, all languages one after another", fmt_s(seq_s)],
             ["plain `mkdocs build`, all languages at once (informative)", fmt_s(par_s)],
             ["peak memory of the full build: largest process / whole tree",
              f"{res['full_build_maxrss_mb']['median']:.0f} MB / {res['full_build_tree_peak_mb']['median']:.0f} MB"],
             [f"**overhead ratio** full ÷ plain sequential (target ≤ {TARGETS['overhead_ratio']})",
              f"**{ratio:.2f}** (per run {ratio_runs['min']:.2f}–{ratio_runs['max']:.2f})"],
             ["full ÷ plain all-at-once (informative: overhead at equal parallelism)",
              f"{res['full_over_plain_parallel']:.2f}"]]
    ctx["tables"].append(("2. Full build of the shipped site, by stage", table(["what", "median (min–max)"], rows)))
    rows3 = [["2 cores: full build", fmt_s(full_s)], ["2 cores: plain MkDocs one after another", fmt_s(seq_s)],
             [f"**2 cores: ratio** (target ≤ {TARGETS['parallel_ratio_2core']})",
              f"**{ratio:.2f}** (per run {ratio_runs['min']:.2f}–{ratio_runs['max']:.2f})"],
             ["1 core (`taskset -c 0`): full build", fmt_s(full1_s)],
             ["1 core: plain MkDocs one after another", fmt_s(seq1_s)],
             [f"**1 core: ratio** (target ≤ {TARGETS['parallel_ratio_1core']})",
              f"**{ratio1:.2f}** (per run {ratio1_runs['min']:.2f}–{ratio1_runs['max']:.2f})"]]
    ctx["tables"].append(("3. Parallel languages", table(["what", "median (min–max)"], rows3)))
    ctx["targets"] += [
        ("2. generator overhead ratio (full ÷ plain sequential)", f"≤ {TARGETS['overhead_ratio']}",
         f"{ratio:.2f}", ratio <= TARGETS["overhead_ratio"]),
        ("3. parallel ratio, 2 cores", f"≤ {TARGETS['parallel_ratio_2core']}", f"{ratio:.2f}",
         ratio <= TARGETS["parallel_ratio_2core"]),
        ("3. parallel ratio, 1 core (taskset -c 0)", f"≤ {TARGETS['parallel_ratio_1core']}", f"{ratio1:.2f}",
         ratio1 <= TARGETS["parallel_ratio_1core"]),
    ]
    return res


def _top_stats(profile: Path, pattern: str, sort: str, limit: int = 12) -> list[str]:
    buf = io.StringIO()
    st = pstats.Stats(str(profile), stream=buf)
    st.sort_stats(sort).print_stats(pattern, limit) if pattern else st.sort_stats(sort).print_stats(limit)
    lines = []
    for line in buf.getvalue().splitlines():
        if re.match(r"\s*[\d/]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+", line):
            line = re.sub(r"\S*/site-packages/", "", line)
            line = line.replace(str(ROOT) + "/", "")
            lines.append(" ".join(line.split()))
    return lines


def profile_scale(ctx: dict, data_root: Path, max_bytes: int) -> dict:
    """cProfile of the generator process and of one MkDocs run at the largest scale."""
    tmp = ctx["tmp"]
    prof = tmp / "generator.prof"
    work = tmp / "profile-work"
    full_build(data_root / "data", data_root / "content", tmp / "profile-site", work, max_bytes=max_bytes,
               profile=prof)
    shutil.rmtree(tmp / "profile-site", ignore_errors=True)
    lang = ctx.get("languages", ["fi"])[0]
    mk_prof = tmp / "mkdocs.prof"
    run([PY, "-m", "cProfile", "-o", str(mk_prof), "-m", "mkdocs", "build", "--strict", "-f",
         str(work / lang / "mkdocs.yml")], cwd=work, env={**MKDOCS_ENV, "SOURCE_DATE_EPOCH": EPOCH}).check("mkdocs")
    # Markdown conversion cost of the largest generated pages (list pages grow with the data).
    script = (
        "import glob, os, sys, time, markdown\n"
        "exts = ['admonition', 'attr_list', 'md_in_html', 'tables', 'toc']\n"
        f"files = sorted(glob.glob({str(work / lang / 'docs')!r} + '/**/*.md', recursive=True),"
        " key=os.path.getsize, reverse=True)\n"
        "total = 0.0; rows = []\n"
        "for f in files:\n"
        "    text = open(f, encoding='utf-8').read().split('---\\n', 2)[-1]\n"
        "    t = time.perf_counter(); markdown.Markdown(extensions=exts).convert(text)\n"
        "    d = time.perf_counter() - t; total += d; rows.append((d, len(text), os.path.relpath(f)))\n"
        "rows.sort(reverse=True)\n"
        "for d, n, f in rows[:5]: print(f'{d:.3f} s  {n} bytes  {f}')\n"
        "print(f'all {len(rows)} pages: {total:.3f} s')\n")
    md = run([PY, "-c", script], cwd=work / lang / "docs").check("markdown timing").output.strip().splitlines()
    return {
        "generator_tottime_top": _top_stats(prof, "", "tottime"),
        "generator_cumtime_own_code": _top_stats(
            prof, "generator/|jinja2/filters|icalendar|yaml/composer", "cumulative", 18),
        "mkdocs_cumtime_top": _top_stats(mk_prof, "", "cumulative", 30)[8:30],
        "markdown_largest_pages": md,
    }


def section_scale(ctx: dict) -> dict:
    from synth import check as synth_check
    from synth import synthesize

    runs, tmp = ctx["runs"], ctx["tmp"]
    res: dict = {"factors": {}}
    for factor in ctx["scales"]:
        root = tmp / f"synth-{factor}x"
        info = synthesize(factor, root)
        ok, output = synth_check(root, PY, TODAY)
        entry = {"data": info, "check_passes": ok, "check_summary": output.splitlines()[-1] if output else ""}
        max_bytes = 0
        if not ok:
            too_large = "file-too-large" in output or "the limit is" in output
            errors = [line for line in output.splitlines() if ": error:" in line]
            if too_large and all("the limit is" in line for line in errors):
                max_bytes = MAX_BYTES_FOR_SCALE
                entry["size_limit_raised_to"] = max_bytes
                entry["check_errors"] = errors
            else:
                entry["error"] = output[-2000:]
                res["factors"][str(factor)] = entry
                log(f"  {factor}x: synthetic data invalid, skipped")
                continue
        walls, rss, tree, timings = [], [], [], []
        work = tmp / f"scale-work-{factor}"
        n = runs
        for i in range(n):
            out = tmp / f"scale-site-{factor}-{i}"
            r = full_build(root / "data", root / "content", out, work, max_bytes=max_bytes)
            shutil.rmtree(out, ignore_errors=True)
            walls.append(r["wall"])
            rss.append(r["maxrss_mb"])
            tree.append(r["tree_peak_mb"])
            timings.append(r["timings"])
            pages = sum(r["md_pages"].values())
            log(f"  {factor}x run {i + 1}/{n}: {r['wall']:.2f} s, {pages} pages")
        entry.update({
            "pages": pages, "build_s": stats(walls),
            "per_page_ms": stats([w / pages * 1000 for w in walls], 2),
            "stages_s": {k: stats([t.get(k, 0.0) for t in timings]) for k in timings[0]},
            "maxrss_mb": stats(rss, 1), "tree_peak_mb": stats(tree, 1),
        })
        res["factors"][str(factor)] = entry
        ctx.setdefault("scale_roots", {})[factor] = (root, max_bytes)
    built = {int(f): e for f, e in res["factors"].items() if "build_s" in e}
    rows = []
    for f, e in sorted(built.items()):
        stage_txt = ", ".join(f"{k} {v['median']:.2f}" for k, v in e["stages_s"].items() if v["median"] >= 0.01)
        rows.append([f"{f}×", e["data"]["services"], e["data"]["periods"], e["data"]["events"],
                     e["data"]["requirements"], e["pages"],
                     ("yes" if e["check_passes"] else f"no: {e['check_errors'][0].split(': error: ')[-1]}"
                      f" (bench raised the limit to {e['size_limit_raised_to'] // 1048576} MiB)"),
                     fmt_s(e["build_s"]), fmt_x(e["per_page_ms"], " ms", 1),
                     f"{e['maxrss_mb']['median']:.0f} / {e['tree_peak_mb']['median']:.0f} MB", stage_txt])
    table_text = table(["scale", "services", "periods", "events", "requirements", "pages (fi+sv)",
                        "`check` passes", "build", "per page", "peak RSS largest process / tree",
                        "stages (median s)"], rows)
    if 1 in built and max(built) > 1:
        top = max(built)
        ratio = built[top]["per_page_ms"]["median"] / built[1]["per_page_ms"]["median"]
        res["per_page_ratio_top_vs_1x"] = round(ratio, 3)
        res["top_factor"] = top
        # Marginal cost per added page between consecutive sizes: shows super-linear growth
        # that the fixed start-up cost at 1x would hide.
        marg = []
        sizes = sorted(built)
        for a, b in zip(sizes, sizes[1:], strict=False):
            dt_ = built[b]["build_s"]["median"] - built[a]["build_s"]["median"]
            dp = built[b]["pages"] - built[a]["pages"]
            marg.append({"from": a, "to": b, "ms_per_added_page": round(dt_ / dp * 1000, 2)})
        res["marginal_cost"] = marg
        table_text += "\n\nMarginal cost per added page: " + "; ".join(
            f"{m['from']}×→{m['to']}×: {m['ms_per_added_page']:.1f} ms" for m in marg)
        table_text += f"\n\n**per-page cost {top}× ÷ 1×: {ratio:.2f}** (target ≤ {TARGETS['scale_per_page_50x_vs_1x']})"
        ctx["targets"].append((f"4. per-page build cost {top}× ÷ 1×", f"≤ {TARGETS['scale_per_page_50x_vs_1x']}",
                               f"{ratio:.2f}", ratio <= TARGETS["scale_per_page_50x_vs_1x"]))
        grows = len(marg) > 1 and marg[-1]["ms_per_added_page"] > 1.3 * marg[0]["ms_per_added_page"]
        # Profile when the cost grows faster than linear, and always in a full run at >= 50x:
        # on a shared machine, noise can hide the growth in the medians.
        if (ratio > TARGETS["scale_per_page_50x_vs_1x"] or grows or (top >= 50 and ctx["runs"] > 1)) \
                and not ctx["no_profile"]:
            log(f"  profiling the {top}× build")
            root, max_bytes = ctx["scale_roots"][top]
            res["profile"] = profile_scale(ctx, root, max_bytes)
            prof = res["profile"]
            table_text += (f"\n\nProfile of the {top}× build (generator process; MkDocs runs in subprocesses and is "
                           "profiled separately), top lines by cumulative time (ncalls tottime percall cumtime "
                           "percall function):\n\n```\n" + "\n".join(prof["generator_cumtime_own_code"][:12])
                           + "\n```\n\nMarkdown conversion of the largest generated pages (one language):\n\n```\n"
                           + "\n".join(prof["markdown_largest_pages"]) + "\n```")
    ctx["tables"].append(("4. Scale (synthetic data, bench/synth.py)", table_text))
    return res


def section_preview(ctx: dict) -> dict:
    import preview

    res = preview.measure(ctx["tmp"], max(ctx["runs"], 1), log=log)
    if not res.get("available"):
        ctx["tables"].append(("5. Editor preview latency", f"{res['reason']}"))
        ctx["targets"].append(("5. preview latency (save → page served)", "≤ 1.5 s", res["reason"], None))
        return res
    if "latency_s" not in res:
        ctx["tables"].append(("5. Editor preview latency", f"failed: {res.get('error')}"))
        ctx["targets"].append(("5. preview latency (save → page served)", "≤ 1.5 s", "failed", False))
        return res
    rows = [["save → changed page served", fmt_s(res["latency_s"])]]
    if "rebuild_reported_s" in res:
        rows.append(["  of which the rebuild (serve's own 'Rebuilt in')", fmt_s(res["rebuild_reported_s"])])
    ctx["tables"].append(("5. Editor preview latency (`python -m generator serve`, edit of "
                          f"{res['edit']}, page {res['page']})", table(["what", "median (min–max)"], rows)))
    ctx["targets"].append(("5. preview latency (save → page served)", "≤ 1.5 s",
                           f"{res['latency_s']['median']:.2f} s", res["met"]))
    return res


def _ensure_site(ctx: dict) -> None:
    if ctx.get("site") and Path(ctx["site"]).exists():
        return
    work = ctx["tmp"] / "build-work"
    out = ctx["tmp"] / "site-for-weight"
    info = full_build(ROOT / "data", ROOT / "content", out, work)
    ctx["site"], ctx["work"], ctx["languages"] = out, work, list(info["md_pages"])


def section_weight(ctx: dict) -> dict:
    import pageweight

    _ensure_site(ctx)
    urls = pageweight.page_urls(ROOT / "data", ROOT / "content", TODAY)
    ctx["urls"] = urls
    res = pageweight.measure(ctx["site"], urls, browser_check=True)
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    rows = []
    for key, p in res["pages"].items():
        n_assets = len(p["assets"])
        rows.append([key, f"{kb(p['html']['raw'])} / {kb(p['html']['gzip'])}", n_assets,
                     f"{kb(p['first_visit']['raw'])} / **{kb(p['first_visit']['gzip'])}**",
                     f"**{kb(p['repeat_visit']['gzip'])}** (+{p['repeat_visit']['revalidated_304']} × 304)"])
    text = table(["page/lang", "HTML KB raw / gzip", "files loaded", "first visit KB raw / gzip",
                  "repeat visit KB gzip"], rows)
    arows = [[a.split("/", 2)[-1] if a.count("/") > 1 else a, v["kind"], f"{v['raw'] / 1024:.1f}",
              f"{v['gzip'] / 1024:.1f}", v["cache"]]
             for a, v in sorted(res["assets"].items()) if not a.startswith("/sv/") or "lunr.sv" in a
             or "search_index" in a]
    text += "\n\nFiles pages load (the fi and sv copies are identical except lunr.<lang> and the index):\n\n"
    text += table(["file", "kind", "KB raw", "KB gzip", "cache"], arows)
    irows = [[lang, f"{i['raw'] / 1024:.1f}", f"{i['gzip'] / 1024:.1f}", i["pages"], i["entries"],
              f"{i['gzip_per_page'] / 1024:.2f}"] for lang, i in res["search_index"].items()]
    text += "\n\nSearch index:\n\n" + table(["lang", "KB raw", "KB gzip", "pages", "entries",
                                             "KB gzip per page"], irows)
    bc = res["browser_cross_check"]
    text += "\n\nBrowser cross-check (Chromium via Playwright, requests of a first visit): " + (
        ("matches the derived lists" if bc.get("matches") else f"differences: {json.dumps(bc.get('differences'))}")
        if bc.get("checked") else f"not run ({bc.get('error', '')})")
    ctx["tables"].append(("6. Page weight (shipped site)", text))
    t = res["targets"]
    ctx["targets"] += [
        ("6. first visit, worst page (gzip, incl. search index)", "≤ 120 KB",
         f"{t['first_visit_gzip_kb']['worst']} KB", t["first_visit_gzip_kb"]["met"]),
        ("6. search index per page (gzip)", "≤ 1 KB", f"{t['search_index_gzip_kb_per_page']['worst']} KB",
         t["search_index_gzip_kb_per_page"]["met"]),
        ("6. repeat visit, worst page (gzip)", "≤ 12 KB", f"{t['repeat_visit_gzip_kb']['worst']} KB",
         t["repeat_visit_gzip_kb"]["met"]),
    ]
    return res


def section_lighthouse(ctx: dict) -> dict:
    import lighthouse
    import pageweight

    _ensure_site(ctx)
    urls = ctx.get("urls") or pageweight.page_urls(ROOT / "data", ROOT / "content", TODAY)
    if ctx.get("lighthouse_pages"):
        urls = {k: v for k, v in urls.items() if k in ctx["lighthouse_pages"]}
    res = lighthouse.measure(ctx["site"], urls, log=log)
    if not res.get("available"):
        ctx["tables"].append(("7. Lighthouse", f"not available: {res.get('reason')}"))
        ctx["targets"].append(("7. Lighthouse, every category", "100", "not available", None))
        return res
    rows = []
    for key, r in res["pages"].items():
        if "scores" not in r:
            rows.append([key, "error", "", "", "", r.get("error", "")[:80]])
            continue
        s = r["scores"]
        fails = "; ".join(f"{c}: " + ", ".join(a["id"] for a in items) for c, items in r["failing"].items())
        if r.get("attempts", 1) > 1:  # Lighthouse's own trace failure before (lighthouse.TRACE_ERRORS)
            fails = (fails + "; " if fails else "") + f"run {r['attempts']} times (trace not recorded before)"
        rows.append([key, s["performance"], s["accessibility"], s["best-practices"], s["seo"], fails or "–"])
    ctx["tables"].append(("7. Lighthouse 12.2.3 (served with gzip + _headers)", table(
        ["page/lang/form factor", "performance", "accessibility", "best practices", "SEO", "audits below 1"],
        rows)))
    worst = res["worst"]
    ctx["targets"].append(("7. Lighthouse, every category, every page", "100 each",
                           ", ".join(f"{k} ≥ {v}" for k, v in worst.items()), res["all_100"]))
    return res


def section_engines(ctx: dict) -> dict:
    import engines

    _ensure_site(ctx)
    res = engines.measure(ctx["work"], ctx["tmp"] / "engines", ctx["languages"], ctx["runs"], log=log)
    rows = []
    for name, r in res.items():
        if not r.get("available"):
            rows.append([name, r["status"], "", "", "", "", "", ""])
            continue
        if not r.get("build_ok"):
            rows.append([name, "build failed: " + r["error"].splitlines()[-1][:100], "", "", "", "", "", ""])
            continue
        c = r["checks"]
        same = "reference" if "same_html_set" not in c else ("yes" if c["same_html_set"] else "no")
        diff = "–" if "html_differing_vs_mkdocs" not in c else str(c["html_differing_vs_mkdocs"])
        index = "yes" if c["search_index"] else "no (" + ", ".join(c.get("search_files_found", [])) + ")"
        rows.append([name, fmt_s(r["time_s"]), f"{r['maxrss_mb']['median']:.0f} MB", same,
                     "yes" if c["html_lang_ok"] else "no", index, diff, "**yes**" if c["passes"] else "**no**"])
    notes = "\n".join(f"- {name}: {r['status']}" for name, r in res.items() if r.get("status"))
    ctx["tables"].append(("8. Engines (same generated sources, languages one after another)", table(
        ["engine", "time", "peak RSS", "same HTML files", "<html lang> ok", "search/search_index.json",
         "HTML files differing from MkDocs (generator meta ignored)", "passes site checks"], rows)
        + "\n\n" + notes))
    return res


# ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the generator and the built site.")
    parser.add_argument("--quick", action="store_true", help="1 run of everything (smoke test)")
    parser.add_argument("--runs", type=int, default=None, help="repetitions per measurement (default 5)")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (slow)")
    parser.add_argument("--lighthouse-pages", default="", help="only these page types, e.g. home,service")
    parser.add_argument("--only", default="", help="comma-separated sections: " + ",".join(SECTIONS))
    parser.add_argument("--scales", default="1,10,50", help="synthetic data sizes (default 1,10,50)")
    parser.add_argument("--name", default=None, help="results file name (default: latest, or quick)")
    parser.add_argument("--no-profile", action="store_true", help="skip profiling the largest scale")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    runs = args.runs or (1 if args.quick else 5)
    only = [s.strip() for s in args.only.split(",") if s.strip()] or list(SECTIONS)
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    if "lighthouse" in only and not args.lighthouse and not args.only:
        only.remove("lighthouse")
    name = args.name or ("quick" if args.quick else "latest")
    # What `make site` does first: the generator's bytecode on disk, so no run below pays for
    # compiling it (it would, every run, where PYTHONDONTWRITEBYTECODE is set).
    run([PY, "-m", "compileall", "-q", str(ROOT / "generator")]).check("compileall")
    tmp = Path(tempfile.mkdtemp(prefix="kanta-bench-"))
    ctx = {"runs": runs, "tmp": tmp, "tables": [], "targets": [], "no_profile": args.no_profile,
           "scales": [int(x) for x in args.scales.split(",")],
           "lighthouse_pages": [x for x in args.lighthouse_pages.split(",") if x]}
    results: dict = {"schema": 1, "name": name, "mode": "quick" if args.quick else "full", "runs": runs,
                     "today": TODAY, "sections": only, "machine": machine_info(),
                     "date": dt.date.today().isoformat(), "load_average_start": loadavg()}
    log(f"Benchmark '{name}': {runs} run(s) each, sections: {', '.join(only)}; temp {tmp}")
    log(f"Load average at start: {results['load_average_start']} "
        f"(other processes on these {results['machine']['cores_usable']} cores add noise)")
    started = time.perf_counter()
    funcs = {"check": section_check, "build": section_build, "scale": section_scale,
             "preview": section_preview, "weight": section_weight, "lighthouse": section_lighthouse,
             "engines": section_engines}
    keys = {"weight": "page_weight"}
    try:
        for section in SECTIONS:
            if section not in only:
                continue
            log(f"\n== {section}")
            t0 = time.perf_counter()
            try:
                results[keys.get(section, section)] = funcs[section](ctx)
            except Exception as exc:  # noqa: BLE001 - report and go on with the other sections
                import traceback

                results[keys.get(section, section)] = {"error": f"{type(exc).__name__}: {exc}"}
                ctx["tables"].append((section, f"FAILED: {type(exc).__name__}: {exc}"))
                traceback.print_exc()
            log(f"   ({time.perf_counter() - t0:.0f} s)")
            if ctx["tables"]:
                log("\n" + ctx["tables"][-1][1])
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    results["load_average_end"] = loadavg()
    results["duration_s"] = round(time.perf_counter() - started, 1)
    results["targets"] = [{"what": w, "target": t, "value": v, "met": m} for w, t, v, m in ctx["targets"]]

    summary = table(["target", "goal", "measured (median)", "result"],
                    [[w, t, v, "n/a" if m is None else ("MET" if m else "**MISSED**")]
                     for w, t, v, m in ctx["targets"]])
    m = results["machine"]
    head = (f"# Benchmark {name} ({results['mode']}, {runs} run(s), {results['date']})\n\n"
            f"Machine: {m['cores_usable']} cores ({m['cpu_model']}), {m['memory']}, Python {m['python']}, "
            f"MkDocs {m['packages'].get('mkdocs')}, Material {m['packages'].get('mkdocs-material')}, "
            f"{m['node']}, {m['chromium']}, Lighthouse {m['lighthouse'] or '–'}; commit "
            f"{m['git_commit'][:10]}{' + uncommitted changes' if m['git_tree_dirty'] else ''}.\n"
            f"Load average start {results['load_average_start']}, end {results['load_average_end']} "
            "(1/5/15 min): anything above ~0.5 means other processes shared the cores.\n")
    body = "\n\n".join(f"## {title}\n\n{text}" for title, text in ctx["tables"])
    report = f"{head}\n## Targets\n\n{summary}\n\n{body}\n"
    out_dir = BENCH / "results"
    out_dir.mkdir(exist_ok=True)
    tmp_json = out_dir / f"{name}.json.tmp"
    tmp_json.write_text(json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp_json.replace(out_dir / f"{name}.json")
    (out_dir / f"{name}.md").write_text(report, encoding="utf-8")
    log("\n" + "=" * 72 + "\n")
    log(report)
    log(f"Written: bench/results/{name}.json and bench/results/{name}.md ({results['duration_s']:.0f} s)")


if __name__ == "__main__":
    main()
