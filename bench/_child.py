"""Run in a subprocess by bench/run.py: one full build, timings printed as JSON.

    python bench/_child.py --data D --content C --out O --work W --today YYYY-MM-DD
                           [--max-bytes N] [--profile FILE]

It calls `generator.commands.pipeline.build_site` exactly as `python -m generator build`
does (the MkDocs helper started first, then the same imports and stages), and prints BuildResult.timings plus the
page count on the last line of stdout. `--max-bytes` raises the loader's
per-file size limit (only used for the 50x synthetic data, and reported as
such); `--profile` writes a cProfile of the generator process (the MkDocs
subprocesses are not in it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--today", required=True)
    parser.add_argument("--max-bytes", type=int, default=0)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args()

    started = time.perf_counter()
    from generator.build.engine import Engine

    engine = Engine(args.work / ".jinja-cache")  # as the CLI: before the generator's own imports
    import generator.load.yaml_file
    from generator.commands.pipeline import build_site

    if args.max_bytes:
        generator.load.yaml_file.MAX_BYTES = args.max_bytes

    def go():
        return build_site(args.data, args.content, args.out, today=dt.date.fromisoformat(args.today),
                          work_dir=args.work, engine=engine)

    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(go)
        profiler.dump_stats(str(args.profile))
    else:
        result = go()
    engine.close()
    md_pages = {lang: sum(1 for _ in (args.work / lang / "docs").rglob("*.md")) for lang in result.pages}
    print(json.dumps({"timings": result.timings, "html_index_pages": result.pages, "md_pages": md_pages,
                      "warnings": len(result.warnings),
                      "in_process_total": time.perf_counter() - started}))


if __name__ == "__main__":
    try:
        main()
    finally:
        import gc

        gc.freeze()  # as generator/__main__.py does: no full collection in the interpreter's teardown
