"""Live preview for editors: build, serve on 127.0.0.1, rebuild on every change.

The preview is the real build (same validation, same MkDocs runs), so what an
editor sees is what will be published. When a change makes the data invalid,
the `check` report is printed and the last good site keeps being served.

The server answers the way the CDN will: the headers of the built `_headers`
(the strict Content-Security-Policy included, so a page that only works
without it shows up here first), the language's 404.html, no directory
listings, GET and HEAD only, a 404 for the host's own files (`/_headers`…) as on
nginx, the host's Content-Types and no CORS header (a site the editor visits
cannot read the draft). A stalled or half-sent request is closed after a
timeout, and the threads are bounded. It answers only for files inside the preview
folder, whatever the encoding of the path, and only to a loopback `Host`, so a
web page the editor visits cannot read the machine's files through it, not
even by DNS rebinding. Pages reload themselves: HTML responses get one
`<script src>` for /__preview/reload.js (a same-origin file, which the CSP
allows where an inline script would be blocked); the published files never
contain it.

Changes are noticed with watchdog (inotify on Linux); an editor's save is a
burst of events, so a rebuild starts once they have been quiet for
DEBOUNCE_SECONDS.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import http.server
import os
import re
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

import click

from generator import PACKAGE_DIR
from generator.build.engine import Engine
from generator.commands.pipeline import build_site
from generator.model.errors import BuildError, DataError
from generator.model.failures import guard_line
from generator.model.guard import GuardError
from generator.model.limits import helsinki_today
from generator.model.messages import seconds, translate
from generator.model.report import format_text
from generator.publish.headers import content_type, headers_for, read_rules

DEBOUNCE_SECONDS = 0.1
MAX_LISTED = 10
"""At most this many changed addresses are printed after a rebuild; then a count."""

ALLOWED_HOST = re.compile(r"(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?", re.IGNORECASE)
PREVIEW_PREFIX = "/__preview/"
RELOAD_TAG = b'<script src="/__preview/reload.js"></script>'
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
IDLE_SECONDS = 10
"""A connection that sends nothing for this long is closed (each read waits at most this)."""
REQUEST_SECONDS = 20
"""A request must have arrived whole (line and headers) this long after it began, however
slowly it trickles in; then the connection is closed."""
MAX_CONNECTIONS = 32
"""Connections served at once (a browser opens about 6); further ones wait in the listen queue."""
EDITOR_TEMP = re.compile(r"^(\..*|.*~|#.*#|4913|.*\.(swp|swx|tmp))$")
"""Files editors write beside the real one while saving (hidden, backups, vim's 4913 probe)."""


# ---------------------------------------------------------------------------
# Which file a request path names
# ---------------------------------------------------------------------------


def path_segments(raw: str) -> list[str] | None:
    """The request path's segments, percent-decoded once; None for a path no page of the site has.

    Refused rather than normalised: `.` and `..` segments, empty segments
    (`//etc/passwd`), backslashes, NUL and other control characters, bytes that
    are not UTF-8, and anything but an origin-form path. A browser never sends
    these for a link of the site (it normalises dot segments itself), so only a
    probe is refused. Decoding happens once: `%252e` stays the literal name
    `%2e`, which no file has.
    """
    path = raw.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/"):
        return None  # absolute-form (http://host/…) or `*`
    try:
        text = unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\\" in text or any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return None
    segments = text[1:].split("/")
    if any(seg in (".", "..") for seg in segments) or "" in segments[:-1]:
        return None
    return segments


def inside(root: str, path: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def locate(root: Path, segments: list[str]) -> tuple[int, str | None]:
    """(200, file) | (301, None) for a folder without its slash | (404, None).

    The real path (symlinks followed) must lie inside the real preview folder:
    a link inside it that points elsewhere is as missing as a file outside it.
    """
    real_root = os.path.realpath(root)
    target = os.path.realpath(os.path.join(real_root, *segments))
    if not inside(real_root, target):
        return 404, None
    if os.path.isdir(target):
        if segments[-1] != "":
            return 301, None
        target = os.path.realpath(os.path.join(target, "index.html"))
        if not inside(real_root, target):
            return 404, None
    return (200, target) if os.path.isfile(target) else (404, None)


def not_found_page(root: Path, segments: list[str] | None) -> str | None:
    """The 404.html of the language the path is in, else the site's own."""
    real_root = os.path.realpath(root)
    candidates = [os.path.join(real_root, segments[0], "404.html")] if segments and segments[0] else []
    for candidate in [*candidates, os.path.join(real_root, "404.html")]:
        real = os.path.realpath(candidate)
        if inside(real_root, real) and os.path.isfile(real):
            return real
    return None


def with_reload_script(html: bytes) -> bytes:
    at = html.rfind(b"</body>")
    return html + RELOAD_TAG if at < 0 else html[:at] + RELOAD_TAG + html[at:]


# ---------------------------------------------------------------------------
# What changed
# ---------------------------------------------------------------------------


def page_hashes(out: Path) -> dict[str, bytes]:
    """Output-relative path → digest of every built HTML file."""
    return {p.relative_to(out).as_posix(): hashlib.blake2b(p.read_bytes(), digest_size=16).digest()
            for p in sorted(out.rglob("*.html")) if p.is_file()}


def changed_pages(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    """URL paths of the pages that are new or differ, in address order."""
    paths = []
    for rel, digest in after.items():
        if before.get(rel) != digest:
            folder = rel == "index.html" or rel.endswith("/index.html")
            paths.append("/" + (rel[: -len("index.html")] if folder else rel))
    return sorted(paths)


class Preview:
    def __init__(self, data_dir: Path, content_dir: Path | None, out_dir: Path, today: dt.date | None,
                 lang: str = "en"):
        self.data_dir = Path(data_dir)
        self.content_dir = Path(content_dir) if content_dir else self.data_dir.parent / "content"
        self.out_dir = Path(out_dir)
        self.work_dir = self.out_dir.with_name(self.out_dir.name + "-work")
        self.today = today
        self.lang = lang
        self.port = 0
        self.base_url = "http://127.0.0.1/"
        self.version = 0
        self.engine: Engine | None = None
        self.hashes: dict[str, bytes] | None = None
        self._rules: tuple[tuple[int, int, int] | None, list] = (None, [])

    def say(self, key: str, err: bool = False, **values) -> None:
        click.echo(translate.outcome(key, self.lang, **values), err=err)

    def close(self) -> None:
        if self.engine:
            self.engine.close()

    def header_rules(self) -> list:
        """The rules of the served site's `_headers`, read again only when a rebuild replaced it."""
        try:
            st = (self.out_dir / "_headers").stat()
            key: tuple[int, int, int] | None = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            key = None
        if key != self._rules[0]:
            try:
                self._rules = (key, read_rules(self.out_dir))
            except OSError:
                self._rules = (None, [])
        return self._rules[1]

    def rebuild(self) -> bool:
        started = time.perf_counter()
        # One warm MkDocs helper for the whole session (a new one if it ever stopped):
        # a rebuild then pays neither MkDocs' imports nor its template compilation.
        if self.engine is None or self.engine.proc.poll() is not None:
            self.engine = Engine(self.work_dir / ".jinja-cache")
        try:
            result = build_site(self.data_dir, self.content_dir, self.out_dir,
                                today=self.today or helsinki_today(), work_dir=self.work_dir,
                                engine=self.engine)
        except DataError as exc:
            click.echo(format_text(exc.problems, self.lang), err=True)
            self.say("serve-last-good", err=True)
            return False
        except BuildError as exc:
            problems = exc.problems  # lost addresses, at their lines of urls.txt
            if problems:
                click.echo(format_text(problems, self.lang), err=True)
            else:
                self.say("build-failed", err=True, error=str(exc))
            self.say("serve-last-good", err=True)
            return False
        except GuardError as exc:
            if self.hashes is None:  # the first build: the folder itself is refused, stop (exit 2)
                raise
            # Later: another build holds the folder's lock for a moment; the next save retries.
            click.echo(guard_line(exc, self.lang), err=True)
            self.say("serve-last-good", err=True)
            return False
        if result.warnings:
            click.echo(format_text(result.warnings, self.lang), err=True)
        self.version += 1  # open pages reload now; the list below is for the terminal only
        self.say("serve-built" if self.hashes is None else "serve-rebuilt",
                 seconds=seconds(time.perf_counter() - started, self.lang, 2))
        self.report_changes()
        return True

    def report_changes(self) -> None:
        before, self.hashes = self.hashes, page_hashes(self.out_dir)
        if before is None:
            return  # the first build: everything is new, nothing to point at
        paths = changed_pages(before, self.hashes)
        if not paths:
            self.say("serve-unchanged")
        for path in paths[:MAX_LISTED]:
            self.say("serve-changed", url=self.base_url.rstrip("/") + quote(path))
        if len(paths) > MAX_LISTED:
            self.say("serve-changed-more", n=str(len(paths) - MAX_LISTED))


# ---------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------


def make_handler(preview: Preview):
    class Handler(http.server.BaseHTTPRequestHandler):
        timeout = IDLE_SECONDS  # set on the socket by StreamRequestHandler.setup
        deadline: threading.Timer | None = None

        def version_string(self) -> str:
            return "KantaPreview"

        def handle_one_request(self):
            # A half-sent request may not hold its thread for longer than REQUEST_SECONDS: the
            # timer closes the socket, the blocked read returns, and the thread ends.
            self.deadline = threading.Timer(REQUEST_SECONDS, self.drop_connection)
            self.deadline.daemon = True
            self.deadline.start()
            try:
                super().handle_one_request()
            finally:
                self.deadline.cancel()

        def parse_request(self) -> bool:
            parsed = super().parse_request()  # reads the headers
            if self.deadline is not None:
                self.deadline.cancel()  # the request is in: the answer may take its time
            return parsed

        def drop_connection(self) -> None:
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

        def log_message(self, *args):
            pass

        def do_GET(self):
            self.answer()

        do_HEAD = do_GET  # _send leaves the body out

        def refuse_method(self):
            self._send(405, "text/plain; charset=utf-8", b"GET or HEAD only\n", {"Allow": "GET, HEAD"})

        do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_CONNECT = do_TRACE = refuse_method

        def answer(self) -> None:
            if not ALLOWED_HOST.fullmatch(self.headers.get("Host", "").strip()):
                # DNS rebinding: a page on evil.example whose name now points at 127.0.0.1
                # still sends `Host: evil.example`.
                text = translate.outcome("serve-bad-host", preview.lang, port=str(preview.port))
                return self._send(403, "text/plain; charset=utf-8", text.encode() + b"\n")
            path = self.path.split("?", 1)[0]
            if path.startswith(PREVIEW_PREFIX):
                if path == PREVIEW_PREFIX + "version":
                    return self._send(200, "text/plain; charset=utf-8", str(preview.version).encode())
                if path == PREVIEW_PREFIX + "reload.js":
                    return self._send(200, "text/javascript; charset=utf-8", RELOAD_JS)
            segments = path_segments(self.path)
            if segments is not None and segments[0].startswith("_"):
                segments = None  # the host's own files (_headers, the stamp…): nginx answers 404
            status, target = locate(preview.out_dir, segments) if segments is not None else (404, None)
            if status == 301:
                query = self.path[len(path):]
                location = quote("/" + "/".join(segments or []) + "/") + query
                return self._send(301, "text/plain; charset=utf-8", b"", {"Location": location})
            if target is None:
                target = not_found_page(preview.out_dir, segments)
            try:
                data = Path(target).read_bytes() if target else None
            except OSError:  # swapped away by a rebuild between the lookup and the read
                data = None
            if target is None or data is None:
                text = translate.outcome("serve-not-found", preview.lang)
                return self._send(404, "text/plain; charset=utf-8", text.encode() + b"\n")
            url_path = "/" + "/".join(segments) if segments is not None else "/"
            # No CORS in the preview: any site the editor visits could read the draft's /api/*.
            headers = {name: value for name, value in headers_for(preview.header_rules(), url_path).items()
                       if not name.startswith("access-control-")}
            ctype = headers.pop("content-type", None) or content_type(target)
            if ctype.startswith("text/html"):
                data = with_reload_script(data)
            self._send(status, ctype, data, headers)

        def _send(self, status: int, ctype: str, data: bytes, headers: dict[str, str] | None = None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            if not headers or "cache-control" not in {k.lower() for k in headers}:
                self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

    return Handler


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request, client_address):
        # At most MAX_CONNECTIONS threads: the next connection waits for a free one. A stalled
        # client frees its slot within REQUEST_SECONDS, so a connection waits twice that (a wait
        # of exactly REQUEST_SECONDS would race the stalled ones' deadlines); then it is closed.
        if not self.slots.acquire(timeout=2 * REQUEST_SECONDS):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address):
        # A reader who closes the tab mid-response is not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def start_server(preview: Preview, port: int) -> PreviewServer:
    """Serve the preview on 127.0.0.1:port (0: any free port) from a background thread."""
    server = PreviewServer(("127.0.0.1", port), make_handler(preview))
    preview.port = int(server.server_address[1])
    preview.base_url = f"http://127.0.0.1:{preview.port}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------------------
# Watching
# ---------------------------------------------------------------------------


class Changes:
    """Collects watchdog's events for the watched folders; `wait()` returns after a quiet burst."""

    def __init__(self, folders: list[Path], files: list[Path], ignore: list[Path]):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        self.pending = threading.Event()
        self.last = 0.0
        self.files = {os.path.realpath(f) for f in files}
        self.ignore = [os.path.realpath(p) for p in ignore]
        outer = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                outer.event(event)

        handler = Handler()
        try:
            self.observer = Observer()
            self._schedule(handler, folders, files)
            self.observer.start()
        except OSError:  # e.g. the inotify watch limit: look every second instead
            self.observer = PollingObserver(timeout=1)
            self._schedule(handler, folders, files)
            self.observer.start()

    def _schedule(self, handler, folders: list[Path], files: list[Path]) -> None:
        for folder in folders:
            if folder.is_dir():
                self.observer.schedule(handler, str(folder), recursive=True)
        for parent in {f.parent for f in files if f.parent.is_dir()}:
            self.observer.schedule(handler, str(parent), recursive=False)

    def relevant(self, path: str) -> bool:
        if not path or EDITOR_TEMP.match(os.path.basename(path)) or "__pycache__" in path:
            return False
        real = os.path.realpath(path)
        if any(inside(root, real) for root in self.ignore):
            return False
        # In a folder watched for single files (mkdocs.yml's), only those files count.
        parent = os.path.dirname(real)
        return real in self.files or all(os.path.dirname(f) != parent for f in self.files)

    def event(self, event) -> None:
        if event.event_type not in ("created", "modified", "deleted", "moved", "closed"):
            return  # opened / closed without writing
        if event.is_directory and event.event_type == "modified":
            return  # the file event inside it is what counts
        paths = [os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")]
        if any(self.relevant(p) for p in paths):
            self.last = time.monotonic()
            self.pending.set()

    def wait(self, timeout: float) -> bool:
        """True once changes arrived and then DEBOUNCE_SECONDS passed without another."""
        if not self.pending.wait(timeout):
            return False
        while True:
            self.pending.clear()
            remaining = self.last + DEBOUNCE_SECONDS - time.monotonic()
            if remaining <= 0:
                return True
            time.sleep(remaining)

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)


def serve(data_dir: Path, content_dir: Path | None, out_dir: Path, *, port: int,
          today: dt.date | None, lang: str = "en") -> None:
    preview = Preview(data_dir, content_dir, out_dir, today, lang)
    server: PreviewServer | None = None
    changes: Changes | None = None
    # Ctrl+C says the same words whenever it comes, also while the server or the watcher starts.
    try:
        try:
            server = start_server(preview, port)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            preview.say("serve-port-in-use", err=True, port=str(port), other=str(port + 1))
            raise SystemExit(1) from None
        # Watching starts before the first build, so a save made while it runs is not lost.
        changes = Changes([preview.data_dir, preview.content_dir, PACKAGE_DIR / "templates",
                           PACKAGE_DIR.parent / "overrides"], [PACKAGE_DIR.parent / "mkdocs.yml"],
                          ignore=[preview.out_dir, preview.work_dir])
        preview.rebuild()
        preview.say("serve-address", url=preview.base_url)
        while True:
            if changes.wait(timeout=1.0):
                preview.say("serve-rebuilding")
                preview.rebuild()
    except KeyboardInterrupt:
        preview.say("serve-stopped")
    finally:
        if changes is not None:
            changes.stop()
        if server is not None:
            server.shutdown()
        preview.close()


class _QuietFiles(http.server.SimpleHTTPRequestHandler):
    """Plain files of a built site; no request log (the terminal keeps the one line it said)."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


def view(folder: Path, *, port: int, lang: str = "en") -> None:
    """An unpacked build (CI's artifact) on http://127.0.0.1:PORT/: its addresses start at the
    site root, so a browser cannot show it from the disk. Plain files without the CDN's headers
    (CSP and caching: `serve` has those); nothing is built or watched."""
    def say(key: str, err: bool = False, **values) -> None:
        click.echo(translate.outcome(key, lang, **values), err=err)

    if not (folder / "index.html").is_file():
        say("view-not-a-site", err=True, folder=folder)
        raise SystemExit(1)
    handler = lambda *args: _QuietFiles(*args, directory=str(folder))  # noqa: E731
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        say("serve-port-in-use", err=True, port=str(port), other=str(port + 1))
        raise SystemExit(1) from None
    say("view-address", folder=folder, url=f"http://127.0.0.1:{server.server_address[1]}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        say("serve-stopped")
    finally:
        server.server_close()
