"""Translation parity: what is missing or still to-do, per language.

`python -m generator translations` prints it; `--strict` (as CI runs it)
exits 1 when anything is listed. It reuses the validator's findings (missing
texts, TODO texts, pages without a counterpart) and adds one check of its own:
hand-written pages whose translations have a different number of headings,
a sign that a section was added in one language only.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.check.validate import load_project
from generator.load.yaml_file import load_file
from generator.model.errors import DataError, Problem
from generator.model.messages import say, translate
from generator.model.schema import SiteConfig

PARITY_CODES = {"missing-translation": 0, "todo": 0, "missing-page-translation": 1}
_HEADING_RE = re.compile(r"^#{1,6}\s", re.M)


def translation_report(data_dir: Path, content_dir: Path | None, today: dt.date,
                       msg_lang: str = "en") -> dict[str, list[str]]:
    data_dir = Path(data_dir)
    try:
        site = SiteConfig.model_validate(load_file(data_dir / "site.yaml", "site.yaml").data)
        languages = [lang.code for lang in site.languages]
    except Exception:  # noqa: BLE001 - `check` explains a broken site.yaml; list what we can
        languages = ["fi", "sv"]
    report: dict[str, list[str]] = {lang: [] for lang in languages}
    project = None
    try:
        project, problems = load_project(data_dir, content_dir, today=today)
    except DataError as exc:
        problems = exc.problems
    for p in problems:
        if p.code in PARITY_CODES:
            lang = p.args[PARITY_CODES[p.code]]
            report.setdefault(lang, []).append(_problem_line(p, msg_lang))
    if project is not None:
        for versions in project.content_versions().values():
            counts = {lang: len(_HEADING_RE.findall(page.body)) for lang, page in versions.items()}
            most = max(counts.values())
            for lang, count in counts.items():
                if count < most:
                    other = next(v for v in versions.values() if len(_HEADING_RE.findall(v.body)) == most)
                    report[lang].append(say("translations-headings", msg_lang, file=versions[lang].path,
                                            n=count, other=other.path, most=most))
    return report


def _problem_line(p: Problem, msg_lang: str) -> str:
    where = f"{p.file}:{p.line}:{p.column}" if p.line else p.file
    key = f" [{p.key}]" if p.key else ""
    return f"{where}: {translate(p, msg_lang)[0]}{key}"
