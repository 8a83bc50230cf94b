"""The same generated sources built by different engines, side by side.

Engines:
* MkDocs 1.6.1: the project venv (`python -m mkdocs`);
* ProperDocs 1.6.x: a separate venv under /tmp (never the project venv), created
  on first use with pip: properdocs + the project's pinned Material stack;
* Zensical (newest): `pip install --dry-run zensical` in its own /tmp venv; if
  that fails, the engine is reported as "not installable: <pip's reason>".

Each engine builds every language's generated `build/<lang>/mkdocs.yml` one
after another (`build --strict`) in its own copy of the work dir. Checks on the
output, against the site's own expectations and the MkDocs reference:
same set of HTML files, `<html lang="<lang>">` on every page, the search
index exists; and (informative) how many HTML files differ byte for byte once
the `<meta name="generator">` line is removed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from common import EPOCH, MKDOCS_ENV, PY, Run, run, stats

PROPERDOCS_VENV = Path("/tmp/kanta-bench-properdocs")
PROPERDOCS_SPEC = ["properdocs>=1.6,<1.7", "mkdocs-material==9.8.2", "pymdown-extensions==13.1.2",
                   "Markdown==3.11.3", "Jinja2==3.1.6", "PyYAML==6.0.3"]
ZENSICAL_VENV = Path("/tmp/kanta-bench-zensical")
_LANG_RE = re.compile(rb"<html[^>]*\blang=\"([^\"]+)\"", re.I)
_GENERATOR_RE = re.compile(rb"<meta name=\"generator\"[^>]*>\n?")


def _venv(path: Path, packages: list[str], dry_run: bool = False) -> tuple[bool, str]:
    """Create a venv and pip-install packages into it; (ok, pip's last lines)."""
    if not (path / "bin" / "python").exists():
        subprocess.run(["python3", "-m", "venv", str(path)], check=True, capture_output=True)
    cmd = [str(path / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    cmd += (["--dry-run"] if dry_run else []) + packages
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    text = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                     if not line.startswith("WARNING: Location"))
    return proc.returncode == 0, text.strip()


def properdocs_cmd() -> tuple[list[str] | None, str]:
    exe = PROPERDOCS_VENV / "bin" / "properdocs"
    if not exe.exists():
        ok, out = _venv(PROPERDOCS_VENV, PROPERDOCS_SPEC)
        if not ok:
            return None, "not installable: " + (out.splitlines()[-1] if out else "pip failed")
    version = subprocess.run([str(PROPERDOCS_VENV / "bin" / "python"), "-c",
                              "import importlib.metadata as m; print(m.version('properdocs'))"],
                             capture_output=True, text=True).stdout.strip()
    return [str(exe)], f"properdocs {version} (venv {PROPERDOCS_VENV})"


def _pip_versions(python: Path, name: str) -> list[str]:
    proc = subprocess.run([str(python), "-m", "pip", "index", "versions", name], capture_output=True, text=True,
                          timeout=300)
    for line in proc.stdout.splitlines():
        if line.startswith("Available versions:"):
            return [v.strip() for v in line.split(":", 1)[1].split(",")]
    return []


def _pip_reason(out: str) -> str:
    errors = [line.removeprefix("ERROR: ").strip() for line in out.splitlines() if line.startswith("ERROR")]
    return errors[-1] if errors else (out.splitlines()[-1] if out else "pip failed")


def zensical_status() -> dict:
    """pip --dry-run of the newest Zensical, then of plain `zensical` (pip picks the newest installable)."""
    if not (ZENSICAL_VENV / "bin" / "python").exists():
        subprocess.run(["python3", "-m", "venv", str(ZENSICAL_VENV)], check=True, capture_output=True)
    python = ZENSICAL_VENV / "bin" / "python"
    versions = _pip_versions(python, "zensical")
    newest = versions[0] if versions else None
    status: dict = {"newest_on_index": newest}
    if newest:
        ok, out = _venv(ZENSICAL_VENV, [f"zensical=={newest}"], dry_run=True)
        status["newest_installable"] = ok
        status["newest_reason"] = "" if ok else _pip_reason(out)
    ok, out = _venv(ZENSICAL_VENV, ["zensical"], dry_run=True)
    if not ok:
        status["any_installable"] = False
        status["reason"] = _pip_reason(out)
        return status
    status["any_installable"] = True
    exe = ZENSICAL_VENV / "bin" / "zensical"
    if not exe.exists():
        ok, out = _venv(ZENSICAL_VENV, ["zensical"])
        if not ok:
            status["any_installable"] = False
            status["reason"] = _pip_reason(out)
            return status
    status["installed"] = subprocess.run([str(python), "-c",
                                          "import importlib.metadata as m; print(m.version('zensical'))"],
                                         capture_output=True, text=True).stdout.strip()
    status["cmd"] = [str(exe)]
    return status


def _html_files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}


def check_output(site: Path, reference: Path | None, languages: list[str]) -> dict:
    result: dict = {}
    files = _html_files(site)
    bad_lang = []
    for rel, path in sorted(files.items()):
        lang = rel.split("/", 1)[0]
        match = _LANG_RE.search(path.read_bytes()[:4096])
        if not match or match.group(1).decode() != lang:
            bad_lang.append(rel)
    result["html_files"] = len(files)
    result["html_lang_ok"] = not bad_lang
    result["html_lang_bad"] = bad_lang[:10]
    result["search_index"] = all((site / lang / "search" / "search_index.json").is_file() for lang in languages)
    if not result["search_index"]:
        result["search_files_found"] = sorted(p.relative_to(site).as_posix() for p in site.rglob("search*.json"))[:6]
    if reference is not None:
        ref_files = _html_files(reference)
        result["same_html_set"] = set(files) == set(ref_files)
        result["missing_vs_mkdocs"] = sorted(set(ref_files) - set(files))[:10]
        result["extra_vs_mkdocs"] = sorted(set(files) - set(ref_files))[:10]
        differing = [rel for rel in sorted(set(files) & set(ref_files))
                     if _GENERATOR_RE.sub(b"", files[rel].read_bytes())
                     != _GENERATOR_RE.sub(b"", ref_files[rel].read_bytes())]
        result["html_differing_vs_mkdocs"] = len(differing)
    result["passes"] = bool(result["html_lang_ok"] and result["search_index"]
                            and result.get("same_html_set", True))
    return result


@dataclass
class Engine:
    name: str
    cmd: list[str]
    flags: list[str]
    note: str
    inner_site_dir: bool = False
    """Zensical refuses a site_dir outside the config's folder ("site_dir must be within
    project root"): its copy of each config gets `site_dir: site`, and the output is
    moved to site/<lang> afterwards (the move is not timed)."""


def _prepare(engine: Engine, work: Path, languages: list[str]) -> None:
    if engine.inner_site_dir:
        for lang in languages:
            cfg = work / lang / "mkdocs.yml"
            cfg.write_text(re.sub(r"(?m)^site_dir: .*$", "site_dir: site", cfg.read_text(encoding="utf-8")),
                           encoding="utf-8")


def _collect(engine: Engine, work: Path, languages: list[str]) -> None:
    if engine.inner_site_dir:
        (work / "site").mkdir(exist_ok=True)
        for lang in languages:
            if (work / lang / "site").exists():
                shutil.move(str(work / lang / "site"), str(work / "site" / lang))


def build_all(engine: Engine, work: Path, languages: list[str]) -> Run:
    """One engine, every language one after another, as one measured shell run."""
    script = " && ".join(" ".join([*map(_q, engine.cmd), "build", *engine.flags, "-f",
                                   _q(str(work / lang / "mkdocs.yml"))]) for lang in languages)
    return run(["bash", "-c", script], cwd=work, env={**MKDOCS_ENV, "SOURCE_DATE_EPOCH": EPOCH})


def _q(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def engines() -> tuple[list[Engine], dict[str, dict]]:
    """The runnable engines, and a status line for those that cannot run."""
    found = [Engine("MkDocs 1.6.1", [PY, "-m", "mkdocs"], ["--strict"], "project venv")]
    unavailable: dict[str, dict] = {}
    cmd, note = properdocs_cmd()
    if cmd:
        found.append(Engine("ProperDocs 1.6.x", cmd, ["--strict"], note))
    else:
        unavailable["ProperDocs 1.6.x"] = {"available": False, "status": note}
    z = zensical_status()
    if z.get("newest_on_index") and not z.get("newest_installable"):
        unavailable[f"Zensical {z['newest_on_index']} (newest)"] = {
            "available": False, "status": f"not installable: {z['newest_reason']}", "pip": z}
    if z.get("cmd"):
        label = "newest" if z.get("newest_installable") else "newest installable"
        found.append(Engine(f"Zensical {z['installed']} ({label})", z["cmd"], ["--strict", "--clean"],
                            f"venv {ZENSICAL_VENV}; config copy uses site_dir: site (Zensical refuses "
                            "../site/<lang>: 'site_dir must be within project root')", inner_site_dir=True))
    elif not z.get("any_installable"):
        unavailable["Zensical (any version)"] = {"available": False,
                                                 "status": f"not installable: {z.get('reason')}", "pip": z}
    return found, unavailable


def measure(work_src: Path, tmp: Path, languages: list[str], runs: int, log=print) -> dict:
    found, results = engines()
    for name, r in results.items():
        log(f"    {name}: {r['status']}")
    reference: Path | None = None
    for engine in found:
        work = tmp / re.sub(r"[^a-z0-9]+", "-", engine.name.lower()).strip("-")
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        for lang in languages:
            shutil.copytree(work_src / lang, work / lang)
        _prepare(engine, work, languages)
        walls, rss, tree = [], [], []
        failed = None
        for _ in range(runs):
            for stale in [work / "site"] + [work / lang / "site" for lang in languages]:
                if stale.exists():
                    shutil.rmtree(stale)
            r = build_all(engine, work, languages)
            if r.rc != 0:
                failed = r.output.strip()[-800:]
                break
            walls.append(r.wall)
            rss.append(r.maxrss_mb)
            tree.append(r.tree_peak_mb)
        if failed is not None:
            results[engine.name] = {"available": True, "status": engine.note, "build_ok": False, "error": failed}
            log(f"    {engine.name}: build failed: {failed[-200:]}")
            continue
        _collect(engine, work, languages)
        checks = check_output(work / "site", reference, languages)
        if reference is None:
            reference = work / "site"
        results[engine.name] = {"available": True, "status": engine.note, "build_ok": True,
                                "time_s": stats(walls), "maxrss_mb": stats(rss, 1),
                                "tree_peak_mb": stats(tree, 1), "checks": checks}
        log(f"    {engine.name}: {stats(walls)['median']:.3f} s, passes checks: {checks['passes']}")
    return results
