"""The `urls` command: rewrite or check the committed address list (urls.txt).

The list itself (reading, comparing, the build's check against it) is manifest.py's,
part of the post-build stage; this command sits above the whole pipeline because
`--update` builds the site into a temporary folder to see what it serves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from . import TEMPLATE_DIR
from .errors import BuildError, DataError
from .guard import check_file_target, check_output
from .manifest import FILE_NAME, HEADER, UPDATE, compare, published_urls, read, write
from .pipeline import build_site
from .plan import SitePlan
from .report import format_text
from .validate import load_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator urls",
                                     description="Update or check the committed URL manifest (urls.txt).")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="rebuild and rewrite the manifest")
    mode.add_argument("--check", action="store_true", help="exit 1 when the manifest is not current")
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--manifest", type=Path, default=None,
                        help=f"default: {FILE_NAME} next to the data folder")
    parser.add_argument("--today", default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--from", dest="built", type=Path, default=None,
                        help="use this already built site instead of building into a temp folder")
    args = parser.parse_args(argv)
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    target = args.manifest or args.data.parent / FILE_NAME
    if args.update:  # the one file this command rewrites: never a data file or someone else's
        check_file_target(target, data_dir=args.data, content_dir=args.content, what="--manifest",
                          first_line=HEADER.splitlines()[0])
    if args.built is not None:
        check_output(args.built, what="--from")

    with tempfile.TemporaryDirectory(prefix="kg-urls-") as tmp:
        try:
            project, _ = load_project(args.data, args.content, today=today, template_dir=TEMPLATE_DIR)
            base = SitePlan(project, today).base_path
            if args.built is None:
                args.built = build_site(args.data, args.content, Path(tmp) / "site", today=today,
                                        work_dir=Path(tmp) / "work", check_urls=False).out_dir
        except DataError as exc:
            print(format_text(exc.problems), file=sys.stderr)
            return 1
        except BuildError as exc:
            print(f"Build failed: {exc}", file=sys.stderr)
            return 1
        served = published_urls(args.built, base)
    old = read(target) if target.is_file() else []
    missing, added = compare(old, served)
    if args.check:
        if missing or added:
            print(f"{target} is not current: {len(missing)} address(es) gone, {len(added)} new. "
                  f"Run: {UPDATE}", file=sys.stderr)
            for url in missing:
                print(f"  - {url}", file=sys.stderr)
            for url in added:
                print(f"  + {url}", file=sys.stderr)
            return 1
        print(f"{target} is current ({len(served)} addresses)")
        return 0
    write(target, served)
    for url in missing:
        print(f"  - {url}   (will no longer work: make sure this is intended)")
    for url in added:
        print(f"  + {url}")
    print(f"Wrote {target}: {len(served)} addresses ({len(added)} new, {len(missing)} removed)")
    return 0
