"""The `urls` command: rewrite or check the committed address list (urls.txt).

The list itself (reading, comparing, the build's check against it) is manifest.py's, part of the
post-build stage; the addresses a build would publish come from the page plan (addresses.py),
so the command needs no MkDocs build; `--from` reads an existing build instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator import TEMPLATE_DIR
from generator.check.addresses import planned_urls
from generator.check.validate import load_project
from generator.model.errors import DataError
from generator.model.guard import check_file_target, check_output
from generator.model.limits import helsinki_today
from generator.model.manifest import FILE_NAME, HEADER, UPDATE, compare, published_urls, read, write
from generator.model.messages import say
from generator.model.plan import SitePlan
from generator.model.report import format_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generator urls",
                                     description="Update or check the committed URL manifest (urls.txt).")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="rewrite the manifest")
    mode.add_argument("--check", action="store_true", help="exit 1 when the manifest is not current")
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--manifest", type=Path, default=None,
                        help=f"default: {FILE_NAME} next to the data folder")
    parser.add_argument("--today", default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--lang", default="en", choices=["en", "fi", "sv"], help="language of the messages")
    parser.add_argument("--from", dest="built", type=Path, default=None,
                        help="use this already built site instead of the page plan")
    args = parser.parse_args(argv)
    lang = args.lang
    today = dt.date.fromisoformat(args.today) if args.today else helsinki_today()
    target = args.manifest or args.data.parent / FILE_NAME
    if args.update:  # the one file this command rewrites: never a data file or someone else's
        check_file_target(target, data_dir=args.data, content_dir=args.content, what="--manifest",
                          first_line=HEADER.splitlines()[0])
    if args.built is not None:
        check_output(args.built, what="--from")

    try:
        project, _ = load_project(args.data, args.content, today=today, template_dir=TEMPLATE_DIR)
    except DataError as exc:
        print(format_text(exc.problems, lang), file=sys.stderr)
        return 1
    site = SitePlan(project, today)
    # The page plan gives the same list as a build (the build compares its real output anyway),
    # in a second instead of a full MkDocs build; --from reads an existing build.
    served = published_urls(args.built, site.base_path) if args.built is not None else planned_urls(site)
    old = read(target) if target.is_file() else []
    missing, added = compare(old, served)
    if args.check:
        if missing or added:
            print(say("urls-stale", lang, file=target, gone=len(missing), new=len(added), command=UPDATE),
                  file=sys.stderr)
            for url in missing:
                print(f"  - {url}", file=sys.stderr)
            for url in added:
                print(f"  + {url}", file=sys.stderr)
            return 1
        print(say("urls-current", lang, file=target, n=len(served)))
        return 0
    write(target, served)
    for url in missing:
        print(say("urls-removed", lang, url=url))
    for url in added:
        print(f"  + {url}")
    print(say("urls-wrote", lang, file=target, n=len(served), new=len(added), gone=len(missing)))
    if missing or added:
        print(say("urls-save", lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
