"""A tiny local stand-in for the static CDN: serves a built site the way
Cloudflare Pages would, including the rules in `_headers` (so the browser
tests run under the real Content-Security-Policy), directory URLs and the
nearest 404.html. Loopback only.
"""

from __future__ import annotations

import fnmatch
import gzip
import http.server
import mimetypes
import threading
from functools import partial
from pathlib import Path

TYPES = {".ics": "text/calendar; charset=utf-8", ".json": "application/json; charset=utf-8",
         ".html": "text/html; charset=utf-8", ".xml": "application/xml", ".js": "text/javascript",
         ".css": "text/css", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml"}


def parse_headers(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            rules.append((line.strip(), []))
        elif line.strip().startswith("!"):
            rules[-1][1].append((line.strip()[1:].strip(), None))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, path: str) -> dict[str, str]:
    """Apply every matching rule in order; `! Name` removes what earlier rules set."""
    result: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(path, pattern):
            for name, value in headers:
                if value is None:
                    result.pop(name.lower(), None)
                else:
                    result[name.lower()] = value
    return result


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
        from urllib.parse import unquote
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
        ctype = TYPES.get(target.suffix if target else ".txt") or mimetypes.guess_type(str(target))[0] \
            or "application/octet-stream"
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
    headers_file = root / "_headers"
    rules = parse_headers(headers_file.read_text()) if with_headers and headers_file.exists() else []
    handler = type("BoundHandler", (Handler,), {"root": root, "rules": rules,
                                                "gzip_enabled": gzip_enabled})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


if __name__ == "__main__":
    import sys
    import time
    srv, url = start(Path(sys.argv[1]), gzip_enabled="--gzip" in sys.argv)
    print(url, flush=True)
    while True:
        time.sleep(3600)
