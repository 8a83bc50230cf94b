"""A tiny local stand-in for the static CDN: serves a built site the way
Cloudflare Pages would, including the rules in `_headers` (so the browser
tests run under the real Content-Security-Policy), directory URLs and the
nearest 404.html. Loopback only.
"""

from __future__ import annotations

import gzip
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import unquote

if __name__ == "__main__" or __name__ == "cdnserver":
    # Run as a script or imported from bench/ (tests/browser on sys.path): the repository root
    # must be importable for the shared `_headers` reader.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# One reader of `_headers` for this stand-in and the editors' preview (generator/commands/serve.py);
# parse_headers and headers_for stay importable from here for the tests that use them.
from generator.publish.headers import content_type, headers_for, matches, parse_headers, read_rules  # noqa: F401


class Handler(http.server.BaseHTTPRequestHandler):
    root: Path
    rules: list
    gzip_enabled = False

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        self.serve(body=True)

    def do_HEAD(self):
        self.serve(body=False)

    def resolve(self, path: str) -> tuple[Path | None, int]:
        rel = path.split("?", 1)[0].split("#", 1)[0]
        rel = unquote(rel).lstrip("/")
        target = (self.root / rel).resolve()
        if not str(target).startswith(str(self.root.resolve())):
            return None, 404
        if target.is_dir():
            if not path.split("?")[0].endswith("/"):
                return target, 301
            target = target / "index.html"
        if target.is_file():
            return target, 200
        # The nearest 404.html up the tree, as Cloudflare Pages does.
        probe = (self.root / rel).parent
        while True:
            candidate = probe / "404.html"
            if candidate.is_file():
                return candidate, 404
            if probe.resolve() == self.root.resolve():
                return None, 404
            probe = probe.parent

    def serve(self, body: bool):
        target, status = self.resolve(self.path)
        if status == 301:
            self.send_response(301)
            self.send_header("Location", self.path.split("?")[0] + "/")
            self.end_headers()
            return
        data = target.read_bytes() if target else b"not found"
        ctype = content_type(target if target else "x.txt")
        headers = headers_for(self.rules, self.path.split("?")[0])
        self.send_response(status)
        self.send_header("Content-Type", headers.pop("content-type", ctype))
        if self.gzip_enabled and "gzip" in self.headers.get("Accept-Encoding", "") and \
                ctype.split(";")[0] in ("text/html", "text/css", "text/javascript", "application/json",
                                        "application/xml", "text/calendar", "image/svg+xml"):
            data = gzip.compress(data, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)


def start(root: Path, *, with_headers: bool = True, gzip_enabled: bool = False):
    """Serve `root` on 127.0.0.1 (a free port). Returns (server, base_url)."""
    rules = read_rules(root) if with_headers else []
    handler = type("BoundHandler", (Handler,), {"root": root, "rules": rules,
                                                "gzip_enabled": gzip_enabled})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


if __name__ == "__main__":
    import time
    srv, url = start(Path(sys.argv[1]), gzip_enabled="--gzip" in sys.argv)
    print(url, flush=True)
    while True:
        time.sleep(3600)
