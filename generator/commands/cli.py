"""The command line: thin commands that parse options and call a stage.

Exit codes: 0 success (warnings may be shown), 1 the data or build failed,
2 the command was used wrongly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

import click

from generator import TEMPLATE_DIR
from generator.model.errors import ERROR, DataError
from generator.model.limits import FIRST_YEAR, LAST_YEAR, helsinki_today
from generator.model.messages import LANGUAGES
from generator.model.printable import printable

DATA_HELP = "Folder of the YAML data files."
CONTENT_HELP = "Folder of hand-written pages (content/<lang>/*.md). Default: next to the data folder."
TODAY_HELP = "The date that statuses and warnings are computed for (YYYY-MM-DD). Default: today."
FORMAT_HELP = "text for people, json for tools, github for CI annotations."
LANG_HELP = "Language of the messages: en (default), fi or sv."
OUT_HELP = ("Where the finished site goes; replaced atomically only when the whole build succeeds. "
            "A new or empty folder, or an earlier output (it holds _kanta-guide-output); never "
            "the data, content or repository folder.")
WORK_HELP = ("Scratch folder for the generated Markdown and configs (git-ignored). Separate from --out; "
             "a new or empty folder, or an earlier one (it holds _kanta-guide-work).")
STRICT_HELP = "Treat warnings as errors."


def _today(value: str | None) -> dt.date:
    if value is None:
        return helsinki_today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{printable(value)}' is not a date; write YYYY-MM-DD",
                                 param_hint="'--today'") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # the same range as every date in the data
        raise click.BadParameter(f"{value} is outside the years {FIRST_YEAR}–{LAST_YEAR} the guide "
                                 "covers; write a day in that range", param_hint="'--today'")
    return day


def _message_language(args: list[str]) -> str:
    """The `--lang` of the command line, for a message printed after the command failed."""
    for i, arg in enumerate(args):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else \
            (args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value in LANGUAGES:
            return value
    return "en"


class _Main(click.Group):
    """The catch-all: whatever a command runs into, the user gets one line and an exit code.

    A refused folder (guard.py) is a usage error: exit 2, nothing changed. A failed file
    operation names its path and the reason (disk full, permission, read-only), exit 1. Anything
    else is a bug: one line with what was being done and how to report it, exit 1; `--debug`
    shows the traceback instead.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["kg.argv"] = list(args)  # for the message after a failure (--lang, the command)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            # Ctrl+C: one line in the user's language (click's own would be "Aborted!"), and the
            # shell's status for it. A build stops before its swap or after it: never half a site.
            from generator.model.messages import say

            click.echo(say("interrupted", _message_language(ctx.meta.get("kg.argv", []))), err=True)
            sys.exit(130)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from generator.model.failures import find_os_error, guard_line, internal_line
            from generator.model.guard import GuardError

            args = ctx.meta.get("kg.argv", [])
            lang = _message_language(args)
            command = next((a for a in args if not a.startswith("-")), "")
            if isinstance(exc, GuardError):
                click.echo(guard_line(exc, lang), err=True)
                sys.exit(2)
            os_error = find_os_error(exc)
            if os_error is not None:
                from generator.model.failures import os_error_line

                click.echo(os_error_line(os_error, lang), err=True)
            else:
                click.echo(internal_line(exc, command, lang), err=True)
            sys.exit(1)


def data_options(func):
    func = click.option("--today", "today", default=None, help=TODAY_HELP)(func)
    # A data folder that does not exist is a typing mistake to point out, not a report of seven
    # missing files (or, for `translations`, of nothing missing).
    func = click.option("--content", "content_dir", type=click.Path(path_type=Path, file_okay=False),
                        default=None, help=CONTENT_HELP)(func)
    func = click.option("--data", "data_dir",
                        type=click.Path(path_type=Path, exists=True, file_okay=False),
                        default=Path("data"), show_default=True, help=DATA_HELP)(func)
    return func


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Kanta onboarding guide: check the data, build the site, preview it."""
    # `make <command> DEBUG=1` sets KG_DEBUG (the Makefile): the same as --debug.
    ctx.obj = {"debug": debug or os.environ.get("KG_DEBUG") == "1"}


@main.command()
@data_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              help=FORMAT_HELP)
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
@click.option("--strict", is_flag=True, help=STRICT_HELP)
def check(data_dir: Path, content_dir: Path | None, today: str | None, fmt: str, lang: str,
          strict: bool) -> None:
    """Validate the data and pages; list every problem with file:line:column."""
    from generator.check.addresses import check_schemas
    from generator.check.validate import load_project
    from generator.commands.pipeline import check_addresses
    from generator.model.report import FORMATS

    day = _today(today)
    # Anything unexpected goes to the group's catch-all (_Main): one line, or --debug's traceback.
    try:
        project, problems = load_project(data_dir, content_dir, today=day, template_dir=TEMPLATE_DIR,
                                         publishing=strict)
        # What CI's `urls --check` compares, from the page plan (no MkDocs build needed).
        addresses = check_addresses(project, day) + check_schemas(project)
        problems = sorted(problems + addresses)
        failed = any(p.is_error for p in addresses) or (strict and bool(problems))
        if strict:  # the publishing check: what it fails on is reported as an error
            problems = [dataclasses.replace(p, severity=ERROR) for p in problems]
    except DataError as exc:
        problems, failed = exc.problems, True
    output = FORMATS[fmt](problems, lang)
    if output:
        click.echo(output)
    if strict and fmt == "text":  # the publishing check ends with what blocks publishing, and how to clear it
        from generator.model.report import format_blockers

        click.echo("\n" + format_blockers([p for p in problems if p.severity != "note"], lang))
    sys.exit(1 if failed else 0)


@main.command()
@data_options
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("site"),
              show_default=True, help=OUT_HELP)
@click.option("--work", "work_dir", type=click.Path(path_type=Path), default=Path("build"),
              show_default=True, help=WORK_HELP)
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
def build(data_dir: Path, content_dir: Path | None, today: str | None, out_dir: Path,
          work_dir: Path, lang: str) -> None:
    """Validate, render and build the whole site into --out."""
    from generator.build.engine import Engine
    from generator.model.guard import check_folders

    # Refused folders before the MkDocs helper starts (build_site checks again: its other callers).
    check_folders(out_dir, work_dir, data_dir=data_dir, content_dir=content_dir)

    # Started first, so MkDocs' imports in the helper overlap the generator's own.
    with Engine(work_dir / ".jinja-cache") as engine:
        _build(data_dir, content_dir, today, out_dir, work_dir, lang, engine)


def _build(data_dir, content_dir, today, out_dir, work_dir, lang, engine) -> None:
    from generator.commands.pipeline import build_site
    from generator.model.errors import BuildError
    from generator.model.guard import GuardError
    from generator.model.messages import say, seconds, translate
    from generator.model.report import format_text

    day = _today(today)  # a usage error (exit 2), before the catch-all below
    try:
        result = build_site(data_dir, content_dir, out_dir, today=day, work_dir=work_dir, engine=engine)
    except DataError as exc:
        click.echo(format_text(exc.problems, lang), err=True)
        click.echo(translate.outcome("nothing-written", lang), err=True)
        sys.exit(1)
    except BuildError as exc:
        problems = exc.problems  # findings with a place (urls.txt), in the language
        if problems:
            click.echo(format_text(problems, lang), err=True)
            click.echo(translate.outcome("build-failed-problems", lang), err=True)
        else:
            click.echo(translate.outcome("build-failed", lang, error=str(exc)), err=True)
        click.echo(translate.outcome("previous-kept", lang, out=printable(str(out_dir))), err=True)
        sys.exit(1)
    except GuardError:
        raise  # a refused folder: the group's one line, exit 2 ("nothing was changed")
    except Exception as exc:  # noqa: BLE001 - one line, and the promise the swap keeps
        if click.get_current_context().find_root().obj.get("debug"):
            raise
        from generator.model.failures import find_os_error, internal_line, os_error_line

        os_error = find_os_error(exc)  # disk full, permission denied, read-only: the path and why
        error = os_error_line(os_error, lang) if os_error is not None else internal_line(exc, "build", lang)
        click.echo(translate.outcome("build-failed", lang, error=error), err=True)
        click.echo(translate.outcome("previous-kept", lang, out=printable(str(out_dir))), err=True)
        sys.exit(1)
    if result.warnings:
        click.echo(format_text(result.warnings, lang), err=True)
    counts = ", ".join(say("pages", lang, lang=code, n=n) for code, n in result.pages.items())
    click.echo(say("built", lang, out=printable(str(result.out_dir)), counts=counts,
                   seconds=seconds(sum(result.timings.values()), lang)))


@main.command()
@data_options
@click.option("--port", default=8000, type=click.IntRange(0, 65535), show_default=True,
              help="Port on 127.0.0.1.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("build/preview"),
              show_default=True, help="Where the preview site is built (its scratch folder is "
              "<out>-work beside it); the same rules as build --out.")
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
def serve(data_dir: Path, content_dir: Path | None, today: str | None, port: int,
          out_dir: Path, lang: str) -> None:
    """Preview on http://127.0.0.1:PORT/, rebuilding when data, content or templates change."""
    from generator.commands.serve import serve as run

    run(data_dir, content_dir, out_dir, port=port, today=_today(today) if today else None, lang=lang)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--port", default=8000, type=click.IntRange(0, 65535), show_default=True,
              help="Port on 127.0.0.1.")
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
def view(folder: Path, port: int, lang: str) -> None:
    """Show an already built site, such as CI's unpacked artifact, on http://127.0.0.1:PORT/."""
    from generator.commands.serve import view as run

    run(folder, port=port, lang=lang)


@main.command()
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
@click.option("--check", "check_only", is_flag=True, help="Fail if the committed schemas are stale.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder of the JSON Schemas: new, empty or holding only them. Default: schemas "
                   "next to the data folder.")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=Path("data"),
              show_default=True, help="The data whose ids the schemas list.")
def schemas(check_only: bool, out_dir: Path | None, lang: str, data_dir: Path) -> None:
    """Write the JSON Schemas of the data files (for editors' IDEs) and docs/tietomuoto.md."""
    from generator.check.json_schemas import REFERENCE_PATH, data_reference, is_schema_file, write_schemas
    from generator.model.guard import check_file_target, check_folder_outside_sources

    # The project's own files, wherever the command is run from: schemas/ and docs/ beside --data.
    out_dir = out_dir if out_dir is not None else data_dir.parent / "schemas"
    reference = data_dir.parent / REFERENCE_PATH
    text = data_reference()
    check_folder_outside_sources(out_dir, data_dir=data_dir, what="--out",
                                 ours=None if check_only else is_schema_file)
    if not check_only:
        check_file_target(reference, data_dir=data_dir, what=REFERENCE_PATH, first_line=text.splitlines()[0])
    stale = write_schemas(out_dir, check_only=check_only, data_dir=data_dir)
    if reference.parent.is_dir() and (not reference.exists()
                                      or reference.read_text(encoding="utf-8") != text):
        stale.append(REFERENCE_PATH)
        if not check_only:
            reference.write_text(text, encoding="utf-8")
    from generator.model.messages import say

    if check_only and stale:
        click.echo(say("schemas-out-of-date", lang, files=", ".join(stale)), err=True)
        sys.exit(1)
    shown = [name if name == REFERENCE_PATH else (out_dir / name).as_posix() for name in stale]
    click.echo(say("schemas-wrote", lang, files=", ".join(shown)) if shown
               else say("schemas-current", lang, out=printable(str(out_dir))))


@main.command()
@data_options
@click.option("--update", "mode", flag_value="update",
              help="Rewrite the manifest with what a build would publish (from the page plan, no build).")
@click.option("--check", "mode", flag_value="check",
              help="Exit 1 when the manifest is not current (CI runs this).")
@click.option("--from", "built", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Compare an already built site (e.g. site/) instead of the page plan.")
@click.option("--manifest", "manifest_file", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="The manifest file. Default: urls.txt next to the data folder.")
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
def urls(data_dir: Path, content_dir: Path | None, today: str | None, mode: str | None,
         built: Path | None, manifest_file: Path | None, lang: str) -> None:
    """Update or check urls.txt, every address the site has published (a build fails when one is lost)."""
    from generator.commands.urls import main as run

    if mode is None:
        raise click.UsageError("give --update (rewrite urls.txt) or --check (compare with it)")
    argv = [f"--{mode}", "--data", str(data_dir), "--today", _today(today).isoformat(), "--lang", lang]
    if content_dir is not None:
        argv += ["--content", str(content_dir)]
    if built is not None:
        argv += ["--from", str(built)]
    if manifest_file is not None:
        argv += ["--manifest", str(manifest_file)]
    sys.exit(run(argv))


@main.command()
@data_options
@click.option("--strict", is_flag=True, help="Exit 1 when anything is missing (CI runs this).")
@click.option("--lang", "msg_lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
def translations(data_dir: Path, content_dir: Path | None, today: str | None, strict: bool,
                 msg_lang: str) -> None:
    """List, per language, texts and pages that are missing or still marked TODO."""
    from generator.commands.parity import translation_report
    from generator.model.messages import say

    report = translation_report(data_dir, content_dir, _today(today), msg_lang)
    total = 0
    for lang, items in report.items():
        click.echo(say("translations-count", msg_lang, lang=lang, n=len(items)) if items
                   else say("translations-none", msg_lang, lang=lang))
        for item in items:
            click.echo(f"  {item}")
        total += len(items)
    sys.exit(1 if strict and total else 0)


@main.command()
@data_options
@click.option("--base", "base_ref", default=None, metavar="REF",
              help="The git version to compare with (branch, tag or commit). Default: origin/main if it "
                   "exists, else main.")
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the report to this file (replaces only an earlier report).")
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
def diff(data_dir: Path, content_dir: Path | None, today: str | None, base_ref: str | None,
         out_file: Path | None, lang: str) -> None:
    """Build the base version and this working copy; report, as Markdown, what readers would see change."""
    from generator.commands.sitediff import REPORT_STAMP, DiffError, site_diff
    from generator.model.guard import check_file_target
    from generator.model.messages import say
    from generator.model.report import format_text

    day = _today(today)
    if out_file is not None:
        check_file_target(out_file, data_dir=data_dir, content_dir=content_dir, what="--out",
                          first_line=REPORT_STAMP)
    try:
        outcome = site_diff(data_dir, content_dir, base=base_ref, today=day, lang=lang)
    except DiffError as exc:
        click.echo(say(exc.code, lang, **exc.values), err=True)
        sys.exit(2)
    if outcome.failed:
        problems = [p for p in outcome.problems if not isinstance(p, str)]
        click.echo(format_text(problems, lang) if problems else "\n".join(map(str, outcome.problems)), err=True)
        click.echo(outcome.text, err=True)
        sys.exit(1)
    if out_file is not None:
        out_file.write_text(outcome.text, encoding="utf-8")
    click.echo(outcome.text.removeprefix(REPORT_STAMP + "\n"))  # the file's stamp, not for people


@main.group()
def new() -> None:
    """Start a new record from a template (then finish its TODO texts)."""


@new.command("period")
@click.argument("period_id")
@data_options
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
def new_period(period_id: str, data_dir: Path, content_dir: Path | None, today: str | None,
               lang: str) -> None:
    """Add period PERIOD_ID (e.g. 1/2028) without dates (`dates: unannounced`) until Kela publishes
    them; its addresses go to urls.txt and its id to schemas/."""
    from generator.commands.scaffold import new_period

    _scaffold(new_period, data_dir, period_id, today, lang)


@new.command("service")
@click.argument("service_id")
@data_options
@click.option("--lang", type=click.Choice(["en", "fi", "sv"]), default="en", help=LANG_HELP)
def new_service(service_id: str, data_dir: Path, content_dir: Path | None, today: str | None,
                lang: str) -> None:
    """Add a complete, commented service template with the id SERVICE_ID; its id goes to schemas/."""
    from generator.commands.scaffold import new_service

    _scaffold(new_service, data_dir, service_id, today, lang)


def _scaffold(add, data_dir: Path, record_id: str, today: str | None, lang: str) -> None:
    """Run one of scaffold.py's `new_*` and print what it did, or its refusal, in the editor's language."""
    from generator.commands.scaffold import ScaffoldError
    from generator.model.messages import say

    try:
        done = add(data_dir, record_id, _today(today))
    except ScaffoldError as exc:
        click.echo(say("new-failed", lang, error=exc.text(lang)), err=True)
        sys.exit(1)
    for code, values in done:
        click.echo(say(code, lang, **values))
