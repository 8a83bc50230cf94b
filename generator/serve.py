"""Live preview for editors: build, serve on 127.0.0.1, rebuild on every change.

The preview is the real build (same validation, same MkDocs runs), so what an
editor sees is what will be published. When a change makes the data invalid,
the `check` report is printed and the last good site keeps being served.
Pages reload themselves: the server adds one small script to HTML responses
(preview only; the published files never contain it).
"""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import time
from pathlib import Path
from urllib.parse import unquote

import click

from . import PACKAGE_DIR
from .build import BuildError, build_site
from .engine import Engine
from .problems import DataError
from .report import format_text

POLL_SECONDS = 0.2
RELOAD_JS = b"""(function () {
  var seen = null;
  function poll() {
    fetch("/__preview/version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (seen !== null && v !== seen) { location.reload(); } seen = v; })
      .catch(function () {}).finally(function () { setTimeout(poll, 500); });
  }
  poll();
})();
"""


def watched_files(data_dir: Path, content_dir: Path) -> dict[Path, float]:
    """Every file whose change should rebuild the preview, with its mtime."""
    roots = [data_dir, content_dir, PACKAGE_DIR / "templates", PACKAGE_DIR.parent / "overrides"]
    files = {PACKAGE_DIR.parent / "mkdocs.yml"}
    for root in roots:
        if root.is_dir():
            files.update(p for p in root.rglob("*") if p.is_file())
    stamps = {}
    for path in files:
        try:
            stamps[path] = path.stat().st_mtime_ns
        except OSError:
            pass
    return stamps


class Preview:
    def __init__(self, data_dir: Path, content_dir: Path | None, out_dir: Path, today: dt.date | None):
        self.data_dir = Path(data_dir)
        self.content_dir = Path(content_dir) if content_dir else self.data_dir.parent / "content"
        self.out_dir = Path(out_dir)
        self.work_dir = self.out_dir.with_name(self.out_dir.name + "-work")
        self.today = today
        self.version = 0
        self.engine: Engine | None = None

    def close(self) -> None:
        if self.engine:
            self.engine.close()

    def rebuild(self) -> bool:
        started = time.perf_counter()
        # One warm MkDocs helper for the whole session (a new one if it ever stopped):
        # a rebuild then pays neither MkDocs' imports nor its template compilation.
        if self.engine is None or self.engine.proc.poll() is not None:
            self.engine = Engine(self.work_dir / ".jinja-cache")
        try:
            result = build_site(self.data_dir, self.content_dir, self.out_dir,
                                today=self.today or dt.date.today(), work_dir=self.work_dir,
                                engine=self.engine)
        except DataError as exc:
            click.echo(format_text(exc.problems), err=True)
            click.echo("The preview still shows the last good version.", err=True)
            return False
        except BuildError as exc:
            click.echo(f"Build failed: {exc}\nThe preview still shows the last good version.", err=True)
            return False
        if result.warnings:
            click.echo(format_text(result.warnings), err=True)
        self.version += 1
        click.echo(f"Rebuilt in {time.perf_counter() - started:.2f} s")
        return True


def make_handler(preview: Preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path: str) -> str:
            rel = unquote(path.split("?", 1)[0].split("#", 1)[0]).lstrip("/")
            return str(preview.out_dir / rel)

        def do_GET(self):
            if self.path.startswith("/__preview/version"):
                return self._send(200, "text/plain", str(preview.version).encode())
            if self.path.startswith("/__preview/reload.js"):
                return self._send(200, "text/javascript", RELOAD_JS)
            target = Path(self.translate_path(self.path))
            if target.is_dir() and self.path.split("?")[0].endswith("/"):
                target = target / "index.html"
            if target.suffix == ".html" and target.is_file():
                body = target.read_bytes().replace(
                    b"</body>", b'<script src="/__preview/reload.js"></script></body>', 1)
                return self._send(200, "text/html; charset=utf-8", body)
            if not target.exists() and not target.is_dir():
                lang = self.path.strip("/").split("/", 1)[0]
                fallback = preview.out_dir / lang / "404.html"
                fallback = fallback if fallback.is_file() else preview.out_dir / "404.html"
                if fallback.is_file():
                    return self._send(404, "text/html; charset=utf-8", fallback.read_bytes())
            return super().do_GET()

        def _send(self, status: int, ctype: str, body: bytes):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve(data_dir: Path, content_dir: Path | None, out_dir: Path, *, port: int,
          today: dt.date | None) -> None:
    preview = Preview(data_dir, content_dir, out_dir, today)
    preview.rebuild()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), make_handler(preview))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"Preview: http://127.0.0.1:{server.server_address[1]}/  (Ctrl+C stops)")
    stamps = watched_files(preview.data_dir, preview.content_dir)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = watched_files(preview.data_dir, preview.content_dir)
            if current != stamps:
                stamps = current
                click.echo("Change detected, rebuilding…")
                preview.rebuild()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.shutdown()
        preview.close()
