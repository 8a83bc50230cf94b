"""The live preview, as an editor uses it, and as an attacker would probe it.

Most tests run the preview's HTTP server in this process on a copy of the small
fixture site (built once per run); requests are written on a raw socket, so no
client library normalises or refuses the path before the server sees it. One
test runs the whole `serve` command: save a change, see it; break a file, keep
the last good site.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from generator.commands import serve as preview_module
from generator.commands.serve import Changes, Preview, start_server
from generator.publish.cdn import inline_scripts
from generator.publish.headers import headers_for, parse_headers

from .helpers import CONTENT, DATA, ROOT, copy_fixture

SECRET = "SECRET-OUTSIDE-THE-PREVIEW"
PASSWD = "root:x:0:0"


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def raw_request(port: int, target: str, *, method: str = "GET", host: str | None = "127.0.0.1",
                body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
    """Send exactly `METHOD target HTTP/1.1`; (status, headers by lower-case name, body)."""
    lines = [f"{method} {target} HTTP/1.1"]
    if host is not None:
        lines.append(f"Host: {host}")
    lines += ["Connection: close", f"Content-Length: {len(body)}", "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall("\r\n".join(lines).encode("latin-1") + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, payload = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, payload


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture(scope="module")
def preview(small_site, tmp_path_factory):
    """The preview server on a copy of the small site, with bait outside it and links pointing there."""
    base = tmp_path_factory.mktemp("preview")
    root = base / "preview"
    shutil.copytree(small_site, root)
    (base / "outside").mkdir()
    (base / "outside" / "secret.txt").write_text(SECRET)
    (base / "outside" / "index.html").write_text(f"<html><body>{SECRET}</body></html>")
    os.symlink("/etc", root / "etc-link")
    os.symlink(base / "outside" / "secret.txt", root / "fi" / "secret-link.txt")
    os.symlink(base / "outside", root / "fi" / "outside-dir")
    os.symlink("../../outside/secret.txt", root / "sv" / "relative-link.txt")
    state = Preview(base / "data", None, root, None)
    server = start_server(state, 0)
    yield state
    server.shutdown()


# ---------------------------------------------------------------------------
# only files inside the preview folder
# ---------------------------------------------------------------------------

UP = "../" * 12
TRAVERSALS = [
    "/" + UP.replace("/", "%2f") + "etc%2fpasswd",  # ..%2f
    "/" + UP.replace(".", "%2e") + "etc/passwd",  # %2e%2e/
    "/" + UP.replace(".", "%2E").replace("/", "%2F") + "etc%2Fpasswd",  # all encoded, upper case
    "/" + UP + "etc/passwd",  # plain dots (curl --path-as-is)
    "/fi/../../outside/secret.txt",
    "/..\\outside\\secret.txt",  # backslashes
    "/..%5coutside%5csecret.txt",  # encoded backslashes
    "/%252e%252e%252foutside%252fsecret.txt",  # doubled encoding
    "/%2e%2e%2f" * 12 + "etc%2fpasswd",  # /%2e%2e%2f …
    "/.%2e/outside/secret.txt",  # mixed
    "/..%c0%afoutside%c0%afsecret.txt",  # overlong UTF-8 slash
    "//etc/passwd",  # empty first segment
    "/%2fetc%2fpasswd",  # absolute path, encoded
    "/fi/index.html%00.txt",  # NUL
    "/%00/../outside/secret.txt",
    "http://127.0.0.1/../outside/secret.txt",  # absolute-form request target
    "/etc-link/passwd",  # a link in the folder pointing at /etc
    "/fi/secret-link.txt",  # a link to a file outside
    "/sv/relative-link.txt",  # a relative link climbing out
    "/fi/outside-dir/secret.txt",  # a link to a folder outside
    "/fi/outside-dir/",  # … and its index.html
]


class TestOnlyThePreviewFolder:
    @pytest.mark.parametrize("target", TRAVERSALS)
    def test_probe_gets_404_and_never_the_file(self, preview, target):
        status, _, body = raw_request(preview.port, target)
        assert status == 404, target
        assert SECRET.encode() not in body and PASSWD.encode() not in body

    @pytest.mark.parametrize("method", ["GET", "HEAD"])
    def test_etc_passwd_is_not_served_to_either_method(self, preview, method):
        status, _, body = raw_request(preview.port, "/etc-link/passwd", method=method)
        assert status == 404 and PASSWD.encode() not in body

    def test_a_link_inside_the_folder_to_a_file_inside_still_works(self, preview):
        inner = preview.out_dir / "fi" / "kg-link.css"
        inner.symlink_to(preview.out_dir / "fi" / "assets" / "kg.css")
        try:
            status, _, body = raw_request(preview.port, "/fi/kg-link.css")
        finally:
            inner.unlink()
        assert status == 200 and body == (preview.out_dir / "fi" / "assets" / "kg.css").read_bytes()

    def test_no_directory_listing(self, preview):
        status, _, body = raw_request(preview.port, "/fi/assets/")
        assert status == 404 and b"Directory listing" not in body
        assert body.replace(preview_module.RELOAD_TAG, b"") == (preview.out_dir / "fi" / "404.html").read_bytes()

    @pytest.mark.parametrize("lang", ["fi", "sv"])
    def test_missing_page_gets_the_language_404(self, preview, lang):
        status, headers, body = raw_request(preview.port, f"/{lang}/ei-ole-olemassa/")
        assert status == 404
        assert headers["content-type"] == "text/html; charset=utf-8"
        page = (preview.out_dir / lang / "404.html").read_bytes()
        assert body.replace(preview_module.RELOAD_TAG, b"") == page

    def test_folder_without_slash_is_redirected_on_the_same_host(self, preview):
        status, headers, _ = raw_request(preview.port, "/fi?x=1")
        assert status == 301 and headers["location"] == "/fi/?x=1"


# ---------------------------------------------------------------------------
# only a loopback Host (DNS rebinding)
# ---------------------------------------------------------------------------


class TestHostHeader:
    @pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example",
                                      "localhost.evil.example:{port}", "127.0.0.2:{port}", "[::2]",
                                      "0.0.0.0:{port}", "", None])
    def test_other_hosts_are_refused(self, preview, host):
        host = host.format(port=preview.port) if host is not None else None
        status, _, body = raw_request(preview.port, "/fi/", host=host)
        assert status in (400, 403, 421), host
        assert b"<html" not in body.lower()

    @pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:{port}", "localhost", "LocalHost:{port}",
                                      "[::1]", "[::1]:{port}"])
    def test_loopback_hosts_are_served(self, preview, host):
        status, _, _ = raw_request(preview.port, "/fi/", host=host.format(port=preview.port))
        assert status == 200

    def test_preview_endpoints_check_the_host_too(self, preview):
        assert raw_request(preview.port, "/__preview/version", host="evil.example")[0] == 403


# ---------------------------------------------------------------------------
# the headers the CDN will send
# ---------------------------------------------------------------------------


class TestSameHeadersAsTheCDN:
    def test_page_has_the_csp_of_headers_file(self, preview):
        text = (preview.out_dir / "_headers").read_text(encoding="utf-8")
        csp = re.search(r"^\s+Content-Security-Policy: (.+)$", text, re.MULTILINE)[1]
        status, headers, _ = raw_request(preview.port, "/fi/")
        assert status == 200
        assert headers["content-security-policy"] == csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"

    @pytest.mark.parametrize("path, expected", [
        ("/fi/kalenteri/kaikki-jaksot.ics", "text/calendar; charset=utf-8"),
        ("/sv/kalender/alla-perioder.ics", "text/calendar; charset=utf-8"),
        ("/api/services.json", "application/json; charset=utf-8"),
        ("/fi/", "text/html; charset=utf-8"),
    ])
    def test_content_types(self, preview, path, expected):
        status, headers, _ = raw_request(preview.port, path)
        assert status == 200 and headers["content-type"] == expected

    @pytest.mark.parametrize("path, expected", [
        ("/fi/sitemap.xml.gz", "application/gzip"),
        ("/fi/assets/javascripts/bundle.min.js.map", "application/json; charset=utf-8"),
        ("/fi/unknown.kind", "application/octet-stream"),
    ])
    def test_other_files_get_the_hosts_types(self, preview, path, expected):
        served = preview.out_dir / path.lstrip("/")
        served.write_bytes(b"\x1f\x8b")
        try:
            status, headers, _ = raw_request(preview.port, path)
        finally:
            served.unlink()
        assert status == 200 and headers["content-type"] == expected

    def test_no_cors_header_although_the_cdn_rules_have_one(self, preview):
        rules = parse_headers((preview.out_dir / "_headers").read_text(encoding="utf-8"))
        assert "access-control-allow-origin" in headers_for(rules, "/api/periods.json")
        status, headers, _ = raw_request(preview.port, "/api/periods.json")
        assert status == 200 and not [name for name in headers if name.startswith("access-control-")]

    @pytest.mark.parametrize("path", ["/_headers", "/_redirects", "/_nginx.conf", "/_kanta-guide-output",
                                      "/_headers?x=1", "/%5fheaders", "/_ei-ole"])
    def test_the_hosts_own_files_are_not_served(self, preview, path):
        names = ("_headers", "_redirects", "_nginx.conf", "_kanta-guide-output")
        made = [preview.out_dir / name for name in names if not (preview.out_dir / name).exists()]
        for file in made:
            file.write_text("host instructions\n")
        try:
            status, _, body = raw_request(preview.port, path)
        finally:
            for file in made:
                file.unlink()
        assert status == 404 and b"host instructions" not in body and b"Content-Security-Policy" not in body

    def test_a_new_headers_file_is_picked_up(self, preview):
        path = preview.out_dir / "_headers"
        original = path.read_text(encoding="utf-8")
        try:
            path.write_text(original + "/fi/*\n  X-Test: one\n", encoding="utf-8")
            os.utime(path, ns=(1, 1))  # a rebuild writes a new file: another mtime
            assert raw_request(preview.port, "/fi/")[1]["x-test"] == "one"
        finally:
            path.write_text(original, encoding="utf-8")


def closed_by_server(sock: socket.socket) -> bool:
    """True when the server has closed the connection (blocks up to the socket's timeout)."""
    try:
        return sock.recv(65536) == b""
    except ConnectionResetError:
        return True


@pytest.fixture
def own_server(preview):
    """A preview server of its own (start_server reads the limits when it starts)."""
    servers = []

    def start() -> Preview:
        state = Preview(preview.data_dir, None, preview.out_dir, None)
        servers.append(start_server(state, 0))
        return state

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class TestStalledClients:
    def test_a_half_sent_request_is_closed_after_the_deadline(self, preview, monkeypatch):
        monkeypatch.setattr(preview_module, "REQUEST_SECONDS", 0.5)
        with socket.create_connection(("127.0.0.1", preview.port), timeout=5) as sock:
            started = time.monotonic()
            sock.sendall(b"GET /fi/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # no blank line: never ends
            with contextlib.suppress(OSError):
                for _ in range(10):  # a byte every 0.2 s: never idle, never whole
                    time.sleep(0.2)
                    sock.sendall(b"X")
            assert closed_by_server(sock)
        assert time.monotonic() - started < 4

    def test_an_idle_connection_is_closed(self, own_server, monkeypatch):
        monkeypatch.setattr(preview_module, "IDLE_SECONDS", 0.3)
        monkeypatch.setattr(preview_module, "REQUEST_SECONDS", 30)
        state = own_server()
        with socket.create_connection(("127.0.0.1", state.port), timeout=5) as sock:
            started = time.monotonic()
            assert closed_by_server(sock)
        assert time.monotonic() - started < 3

    def test_the_threads_are_bounded_and_the_server_answers_again(self, own_server, monkeypatch):
        monkeypatch.setattr(preview_module, "MAX_CONNECTIONS", 4)
        monkeypatch.setattr(preview_module, "REQUEST_SECONDS", 1.0)
        before = threading.active_count()
        state = own_server()
        stalled = []
        try:
            for _ in range(12):
                sock = socket.create_connection(("127.0.0.1", state.port), timeout=5)
                sock.sendall(b"GET /fi/ HTTP/1.1\r\n")
                stalled.append(sock)
            time.sleep(0.5)
            # The server's own thread, and at most 4 handlers, each with its deadline's timer.
            assert threading.active_count() - before <= 1 + 2 * 4
            assert raw_request(state.port, "/fi/")[0] == 200  # once the stalled ones are cut
        finally:
            for sock in stalled:
                sock.close()


class TestHeadersFile:
    """generator/publish/headers.py, the one reader of `_headers` (also used by tests/browser/cdnserver.py)."""

    RULES = parse_headers("# comment\n  X-Orphan: ignored\n/*\n  X-A: 1\n  Cache-Control: a\n"
                          "/fi/*\n  ! X-A\n  Cache-Control: b\n/*.ics\n  Content-Type: text/calendar\n")

    def test_star_matches_across_slashes(self):
        assert headers_for(self.RULES, "/sv/x/y/")["x-a"] == "1"

    def test_bang_removes_and_repeated_values_are_joined(self):
        headers = headers_for(self.RULES, "/fi/kalenteri/a.ics")
        assert "x-a" not in headers
        assert headers["cache-control"] == "a, b"  # what Cloudflare does; cdn.py avoids overlaps
        assert headers["content-type"] == "text/calendar"

    def test_no_match_no_headers_and_a_header_before_any_path_is_ignored(self):
        assert headers_for(self.RULES, "x") == {}
        assert all(name != "X-Orphan" for _, headers in self.RULES for name, _ in headers)

    def test_pattern_characters_are_literal(self):
        rules = parse_headers("/a.b/[x]?\n  X: 1\n")
        assert headers_for(rules, "/a.b/[x]?") == {"x": "1"}
        assert headers_for(rules, "/aXb/x") == {}


# ---------------------------------------------------------------------------
# reload script, methods
# ---------------------------------------------------------------------------


class TestReloadScript:
    def test_served_as_a_file_and_referenced_by_pages(self, preview):
        status, headers, script = raw_request(preview.port, "/__preview/reload.js")
        assert status == 200 and headers["content-type"].startswith("text/javascript")
        assert b"location.reload" in script
        _, _, page = raw_request(preview.port, "/fi/")
        assert page.count(b'<script src="/__preview/reload.js"></script>') == 1
        assert page.index(b"/__preview/reload.js") < page.rindex(b"</body>")

    def test_adds_no_inline_script_the_csp_would_block(self, preview):
        on_disk = (preview.out_dir / "fi" / "index.html").read_text(encoding="utf-8")
        _, _, served = raw_request(preview.port, "/fi/")
        assert [b for b, _ in inline_scripts(served.decode())] == [b for b, _ in inline_scripts(on_disk)]

    def test_published_files_never_contain_it(self, preview):
        for page in preview.out_dir.rglob("*.html"):
            if page.is_file() and not page.is_symlink():
                assert b"__preview" not in page.read_bytes(), page

    def test_version_answers(self, preview):
        status, headers, body = raw_request(preview.port, "/__preview/version")
        assert status == 200 and body == str(preview.version).encode()
        assert headers["cache-control"] == "no-store"


class TestMethods:
    @pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
    def test_only_get_and_head(self, preview, method):
        status, headers, body = raw_request(preview.port, "/fi/", method=method, body=b"x=1")
        assert status == 405 and headers["allow"] == "GET, HEAD", method
        assert b"<html" not in body.lower()

    def test_head_has_no_body(self, preview):
        status, headers, body = raw_request(preview.port, "/fi/", method="HEAD")
        assert status == 200 and body == b"" and int(headers["content-length"]) > 1000


# ---------------------------------------------------------------------------
# watching and reporting
# ---------------------------------------------------------------------------


class TestWatching:
    def test_a_burst_of_events_is_one_rebuild(self, tmp_path):
        changes = Changes([tmp_path], [], ignore=[])
        try:
            time.sleep(0.2)
            target = tmp_path / "process.yaml"

            def save():  # an editor's save: several writes, each well within the quiet time
                for i in range(5):
                    target.write_text(f"a: {i}\n")
                    time.sleep(preview_module.DEBOUNCE_SECONDS / 10)

            writer = threading.Thread(target=save)
            writer.start()
            assert changes.wait(timeout=5)
            assert not writer.is_alive()  # the rebuild waits for the end of the burst
            assert not changes.wait(timeout=0.5)  # … and the burst was one rebuild
            writer.join()
        finally:
            changes.stop()

    def test_editor_scratch_files_and_ignored_folders_do_not_rebuild(self, tmp_path):
        (tmp_path / "out").mkdir()
        changes = Changes([tmp_path], [], ignore=[tmp_path / "out"])
        try:
            time.sleep(0.2)
            for name in [".process.yaml.swp", "process.yaml~", "4913", "#process.yaml#", "out/x.html"]:
                (tmp_path / name).write_text("x")
            assert not changes.wait(timeout=0.5)
            (tmp_path / "process.yaml").write_text("x")
            assert changes.wait(timeout=5)
        finally:
            changes.stop()

    def test_a_single_watched_file_ignores_its_neighbours(self, tmp_path):
        changes = Changes([], [tmp_path / "mkdocs.yml"], ignore=[])
        try:
            time.sleep(0.2)
            (tmp_path / "README.md").write_text("x")
            assert not changes.wait(timeout=0.5)
            (tmp_path / "mkdocs.yml").write_text("x")
            assert changes.wait(timeout=5)
        finally:
            changes.stop()

    def test_no_polling_left(self):
        assert not hasattr(preview_module, "POLL_SECONDS")
        assert not hasattr(preview_module, "watched_files")


class TestChangedPages:
    def make(self, tmp_path, lang="en") -> Preview:
        out = tmp_path / "site"
        for rel in ["index.html", "fi/index.html", "fi/palvelut/resepti/index.html", "fi/404.html"]:
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_text(rel)
        state = Preview(tmp_path / "data", None, out, None, lang)
        state.base_url = "http://127.0.0.1:8000/"
        state.report_changes()  # the first build: the reference
        return state

    def test_prints_the_address_of_each_changed_page(self, tmp_path, capsys):
        state = self.make(tmp_path)
        capsys.readouterr()
        (state.out_dir / "fi/palvelut/resepti/index.html").write_text("new")
        (state.out_dir / "fi/uusi").mkdir()
        (state.out_dir / "fi/uusi/index.html").write_text("new")
        state.report_changes()
        assert capsys.readouterr().out.splitlines() == [
            "Changed: http://127.0.0.1:8000/fi/palvelut/resepti/",
            "Changed: http://127.0.0.1:8000/fi/uusi/",
        ]

    @pytest.mark.parametrize("lang, changed, unchanged", [
        ("fi", "Muuttunut: http://127.0.0.1:8000/fi/404.html", "Mikään sivu ei muuttunut."),
        ("sv", "Ändrad: http://127.0.0.1:8000/fi/404.html", "Ingen sida ändrades."),
    ])
    def test_in_the_editors_language(self, tmp_path, capsys, lang, changed, unchanged):
        state = self.make(tmp_path, lang)
        state.report_changes()
        assert capsys.readouterr().out.strip() == unchanged
        (state.out_dir / "fi/404.html").write_text("new")
        state.report_changes()
        assert capsys.readouterr().out.strip() == changed

    def test_long_lists_are_cut(self, tmp_path, capsys):
        state = self.make(tmp_path)
        for i in range(15):
            (state.out_dir / f"p{i:02}").mkdir()
            (state.out_dir / f"p{i:02}/index.html").write_text("x")
        capsys.readouterr()
        state.report_changes()
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 11 and lines[-1] == "… and 5 more changed pages"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_port_in_use_says_so_in_the_editors_language(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "generator", "serve", "--port", str(port), "--data", str(DATA),
                               "--content", str(CONTENT), "--lang", "fi", "--out", str(tmp_path / "preview")],
                              cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1
    assert f"Portti {port} on jo käytössä" in proc.stderr and "Traceback" not in proc.stderr


def test_preview_rebuilds_on_save_and_survives_a_broken_file(tmp_path: Path):
    copy_fixture(tmp_path)
    port = free_port()
    with open(tmp_path / "serve.log", "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--data", str(tmp_path / "data"),
                                 "--port", str(port), "--out", str(tmp_path / "preview"),
                                 "--today", "2026-11-25", "--lang", "fi"],
                                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        try:
            run_the_editors_session(f"http://127.0.0.1:{port}", tmp_path)
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def run_the_editors_session(base: str, tmp_path: Path) -> None:
    output = (tmp_path / "serve.log").read_text
    page = f"{base}/fi/kayttoonottoprosessi/"
    html = wait_for(lambda: fetch(page))
    assert "noin 3–6 kuukautta" in html
    assert '<script src="/__preview/reload.js">' in html  # the page reloads itself
    wait_for(lambda: f"Esikatselu: {base}/" in output(), timeout=5)
    # The first build is not a rebuild; seconds with a decimal comma.
    assert re.search(r"^Rakennettu \d+,\d\d sekunnissa$", output(), re.M), output()
    assert "uudelleen" not in output()
    version = fetch(f"{base}/__preview/version")

    process = tmp_path / "data" / "process.yaml"
    good = process.read_text()
    process.write_text(good.replace("duration_certified:\n  min: 3\n  max: 6",
                                    "duration_certified:\n  min: 2\n  max: 5"))
    wait_for(lambda: "noin 2–5 kuukautta" in fetch(page))
    # The version (what makes open pages reload) moves right after the new site is swapped in.
    wait_for(lambda: fetch(f"{base}/__preview/version") != version, timeout=5)
    # The terminal names the page that changed.
    wait_for(lambda: f"Muuttunut: {page}" in output(), timeout=10)

    process.write_text(good.replace("duration_certified:", "duration_certifed:"))
    wait_for(lambda: "tuntematon avain 'duration_certifed'" in output())
    assert "noin 2–5 kuukautta" in fetch(page)  # the last good site is still served
    assert "process.yaml:" in output()
    wait_for(lambda: "Esikatselu näyttää yhä viimeisimmän toimivan version." in output(), timeout=5)
    assert output().count("Muutos havaittu") == 2  # one rebuild per save
    assert re.search(r"^Rakennettu uudelleen \d+,\d\d sekunnissa$", output(), re.M), output()


def test_view_shows_a_built_site_at_its_root_addresses(small_site, tmp_path):
    """`make view-artifact DIR=…`: CI's unpacked artifact in a browser, its root-absolute
    addresses (styles, links) working; one line in the editor's language says where."""
    port = free_port()
    with open(tmp_path / "view.log", "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "view", str(small_site), "--port", str(port),
                                 "--lang", "fi"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            root = wait_for(lambda: fetch(f"http://127.0.0.1:{port}/"), timeout=30)
            styles = re.findall(r'<link rel="stylesheet" href="(/[^"]+)"', root)
            assert styles and all(fetch(f"http://127.0.0.1:{port}{href}") for href in styles)
            pages = re.findall(r'href="(/fi/[^"]+/)"', fetch(f"http://127.0.0.1:{port}/fi/"))
            assert pages and all('<html lang="fi"' in fetch(f"http://127.0.0.1:{port}{url}") for url in pages)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    said = (tmp_path / "view.log").read_text().splitlines()
    assert said and said[0].startswith(f"Rakennettu sivusto {small_site} osoitteessa http://127.0.0.1:{port}/")
    refused = subprocess.run([sys.executable, "-m", "generator", "view", str(tmp_path), "--lang", "fi"],
                             cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert refused.returncode == 1 and "ei ole rakennettu sivusto" in refused.stderr, refused.stderr
