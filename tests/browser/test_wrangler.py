"""The built site served by Cloudflare's own runtime: `wrangler pages dev` (workerd, and the asset
server a deployed Pages site runs) on 127.0.0.1, offline.

The full fixture is uploaded the way the README's "Deploying" section says (without `_nginx.conf`
and the output stamp), with its `_headers` and `_redirects`. Pages' own parser must accept every
rule; every address of every file must carry the headers `_headers` gives it (as the stand-in
CDN, tests/browser/cdnserver.py, reads them) and its body; old addresses are 301s; a missing
address gets its language's 404 page with status 404; the host's files are not served; Chromium
sees no CSP violation. Where Pages answers otherwise than the stand-in and nginx (308 to the
canonical address, `no-store` on a 404, a few media types), the tests say what Pages does.

Wrangler is pinned in package.json (`make browser-deps`); missing, the tests fail in CI
(`CI=true`) and skip elsewhere. It runs with a home folder of its own, no telemetry, no update
check, no fetch of Cloudflare's `Request.cf` data, on free loopback ports, and is stopped with its
whole process group.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from generator.model.guard import OUTPUT_STAMP
from generator.publish import cdn
from generator.publish.nginx import NGINX_FILE
from tests.browser import cdnserver
from tests.browser.support import Answer, interact, policy_violations, script_errors, watch
from tests.helpers import ROOT, unavailable

WRANGLER = ROOT / "node_modules" / ".bin" / "wrangler"
COMPATIBILITY_DATE = "2026-04-01"
"""Pinned: without it wrangler takes today's date, which the runtime it bundles (workerd of
2026-04-26 in wrangler 4.86.0) refuses as too new."""
START_SECONDS = 90
"""Wrangler starts in 3–10 s on a busy 2-core machine; past this the test fails with its log."""
LEFT_OUT = (NGINX_FILE, OUTPUT_STAMP)
"""Files of the output the README's "Deploying" section leaves out of the upload."""
COMPARED = ["content-type", "content-security-policy", *(name.lower() for name, _ in cdn.SECURITY_HEADERS),
            "cache-control", "access-control-allow-origin"]
PAGES_TYPES = {".js": "application/javascript", ".css": "text/css; charset=utf-8", ".gz": "application/gzip",
               ".map": "application/json"}
"""Media types Pages gives by file name where the stand-in (generator/publish/headers.py) says otherwise:
`_headers` sets no Content-Type for these."""
NOT_FOUND = "no-store"
"""Pages' Cache-Control on every 404, whatever `_headers` says (nginx and the stand-in revalidate)."""
MISSING = {  # address → the 404 page Pages answers with (the nearest one up the tree)
    "/fi/ei-ole/": "fi/404.html", "/fi/palvelut/ei/ole/": "fi/404.html", "/fi/ei-ole.html": "fi/404.html",
    "/sv/finns-inte/": "sv/404.html", "/sv/tjanster/x/y/": "sv/404.html",
    "/ei-ole/": "404.html", "/en/": "404.html",
    "/fi/assets/": "fi/404.html",  # a folder without index.html: never a listing
    "/api/": "404.html", "/api/ei-ole.json": "404.html",
}


@pytest.fixture(scope="module")
def wrangler_binary() -> Path:
    missing = [what for what, there in [(f"{WRANGLER.relative_to(ROOT)} (make browser-deps)", WRANGLER.exists()),
                                        ("node (apt-get install nodejs)", shutil.which("node"))] if not there]
    if missing:
        unavailable(" and ".join(missing) + " missing")
    return WRANGLER


@pytest.fixture(scope="module")
def upload(full_site, tmp_path_factory) -> Path:
    """The folder a deployment uploads: the build without the files only nginx and the build use."""
    folder = tmp_path_factory.mktemp("pages") / "upload"

    def left_out(directory: str, names: list[str]) -> list[str]:
        return [name for name in names if name in LEFT_OUT] if Path(directory) == full_site else []

    shutil.copytree(full_site, folder, ignore=left_out)
    assert all((full_site / name).is_file() and not (folder / name).exists() for name in LEFT_OUT)
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_wrangler(binary: Path, folder: Path, work: Path) -> tuple[subprocess.Popen, str, Path]:
    """`wrangler pages dev folder` in a session of its own; returns it, its host:port and its log
    once it answers."""
    home = work / "home"
    for sub in (home, work / "tmp"):
        sub.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "TMPDIR": str(work / "tmp"),
           "WRANGLER_SEND_METRICS": "false",  # no telemetry
           "WRANGLER_HIDE_BANNER": "true",  # the banner is what asks the registry for a newer version
           "CLOUDFLARE_CF_FETCH_ENABLED": "false",  # no download of the `Request.cf` placeholder
           "WRANGLER_LOG_PATH": str(work / "logs"), "NO_COLOR": "1"}
    port = free_port()
    command = [str(binary), "pages", "dev", str(folder), "--ip", "127.0.0.1", "--port", str(port),
               "--inspector-port", str(free_port()), "--compatibility-date", COMPATIBILITY_DATE,
               "--persist-to", str(work / "state"), "--show-interactive-dev-session=false"]
    log = work / "wrangler.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    host = f"127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"wrangler stopped ({process.returncode}):\n{log.read_text(errors='replace')}")
        try:
            get(host, "/")
            return process, host, log
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
    stop(process)
    pytest.fail(f"wrangler did not answer within {START_SECONDS} s:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen) -> None:
    """The whole process group, wrangler and the workerd it started: SIGTERM, then SIGKILL for
    whatever is left of it after 10 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@pytest.fixture(scope="module")
def pages(wrangler_binary, upload, tmp_path_factory) -> tuple[str, Path]:
    process, host, log = start_wrangler(wrangler_binary, upload, tmp_path_factory.mktemp("wrangler"))
    yield host, log
    stop(process)


@pytest.fixture(scope="module")
def host(pages) -> str:
    return pages[0]




def get(host: str, path: str) -> Answer:
    """One GET, redirects not followed."""
    connection = http.client.HTTPConnection(host, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return Answer(response.status, response.getheaders(), response.read())
    finally:
        connection.close()


def expected_headers(rules, path: str, file: Path) -> dict[str, str | None]:
    """What `_headers` gives `path`, with the media type Pages gives `file` where no rule sets one."""
    wanted = cdnserver.headers_for(rules, path)
    wanted.setdefault("content-type", PAGES_TYPES.get(file.suffix) or cdnserver.content_type(file))
    return {name: wanted.get(name) for name in COMPARED}


def redirect_rules(upload: Path) -> dict[str, str]:
    """old → new of every 301 in `_redirects`."""
    rules = [line.split() for line in (upload / "_redirects").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return {old: new for old, new, status in rules if status == "301"}


@pytest.fixture(scope="module")
def rules(upload):
    return cdnserver.read_rules(upload)


# ---------------------------------------------------------------------------
# Pages reads the site's own files
# ---------------------------------------------------------------------------


def test_pages_accepts_every_rule(upload, pages, rules):
    """Pages' parser takes every `_headers` rule and every 301; the only lines it refuses are the
    per-language 404 rules, which are Netlify's (Pages finds the nearest 404.html itself)."""
    text = pages[1].read_text(encoding="utf-8", errors="replace")
    assert re.search(rf"Parsed {len(rules)} valid header rules?\.", text), text
    assert "invalid header rule" not in text, text
    moved = redirect_rules(upload)
    assert moved, "the fixture has no moved page"
    assert re.search(rf"Parsed {len(moved)} valid redirect rules?\.", text), text
    netlify = [line for line in (upload / "_redirects").read_text(encoding="utf-8").splitlines()
               if line.endswith(" 404")]
    refused = re.findall(r"_redirects:\d+ \| (.*)", text)
    assert netlify and refused == netlify, text
    assert "Unable to fetch" not in text, "wrangler tried to download the `Request.cf` data"


def test_the_compatibility_date_is_one_the_runtime_supports(wrangler_binary):
    """workerd names the newest date it supports; wrangler refuses a later `--compatibility-date`."""
    version = subprocess.run([str(wrangler_binary.parent / "workerd"), "--version"], capture_output=True,
                             text=True, timeout=30, check=True).stdout
    newest = re.fullmatch(r"workerd (\d{4}-\d{2}-\d{2})\s*", version)
    assert newest, version
    assert newest[1] >= COMPATIBILITY_DATE


# ---------------------------------------------------------------------------
# Every address, as Pages serves it
# ---------------------------------------------------------------------------


def test_every_file_is_served_with_its_headers(upload, host, rules):
    """Status, Content-Type, CSP and the other security headers, Cache-Control, CORS and body of
    every file at its address. `x/index.html` and `x.html` are Pages' 308s to `x/` and `x`."""
    moved = redirect_rules(upload)
    files = sorted(file for file in upload.rglob("*") if file.is_file() and not file.name.startswith("_"))
    assert len(files) > 100
    kinds = set()
    for file in files:
        rel = file.relative_to(upload).as_posix()
        for path in cdn.served_paths(rel):
            if path in moved:
                continue  # the fallback page a host without `_redirects` shows (next tests)
            answer = get(host, path)
            if path.endswith(".html"):  # Pages' canonical addresses have no index.html, no .html
                canonical = path.removesuffix("index.html") if path.endswith("index.html") else path[:-5]
                assert (answer.status, answer.headers.get("location")) == (308, canonical), path
                assert answer.headers["content-security-policy"] == expected_headers(rules, path, file)[
                    "content-security-policy"], path
                continue
            assert answer.status == 200, path
            assert answer.compared(COMPARED) == expected_headers(rules, path, file), path
            assert answer.body == file.read_bytes(), path
            duplicated = {name for name, _ in answer.pairs if [n for n, _ in answer.pairs].count(name) > 1}
            assert not duplicated, f"{path}: {duplicated} sent twice"
            kinds |= {answer.headers["cache-control"], answer.headers["content-type"]}
    assert {cdn.IMMUTABLE, cdn.REVALIDATE, cdn.CALENDAR, cdn.JSON, cdn.ATOM, "text/html; charset=utf-8"} <= kinds


def test_only_the_api_allows_cross_origin_reads(upload, host):
    """Pages adds `Access-Control-Allow-Origin: *` to every response; `_headers` takes it away but
    for `/api/`."""
    api = sorted((upload / "api").glob("*.json"))
    assert api
    assert get(host, "/api/" + api[0].name).headers["access-control-allow-origin"] == "*"
    calendar = sorted(upload.rglob("*.ics"))[0].relative_to(upload).as_posix()
    for path in ["/", "/fi/", "/sv/", "/sitemap.xml", "/" + calendar, "/fi/ei-ole/"]:
        assert "access-control-allow-origin" not in get(host, path).headers, path


def test_the_404_page_has_an_address_of_its_own(upload, host):
    """Pages serves `x.html` at `x`: each 404 page also answers 200 at `…/404` (linked from nowhere)."""
    for page in sorted(upload.rglob("404.html")):
        path = "/" + page.relative_to(upload).as_posix()[: -len(".html")]
        answer = get(host, path)
        assert (answer.status, answer.body) == (200, page.read_bytes()), path


def test_moved_pages_are_301s(upload, host):
    moved = redirect_rules(upload)
    assert moved
    for old, new in moved.items():
        answer = get(host, old)
        assert (answer.status, answer.headers.get("location")) == (301, new), old
        assert "sha256-" in answer.headers["content-security-policy"], old
        assert get(host, new).status == 200, new
        # Without the slash: Pages' 308 to the old address (its fallback page is a file), then on.
        answer = get(host, old.rstrip("/"))
        assert (answer.status, answer.headers.get("location")) == (308, old), old


@pytest.mark.parametrize("path", ["/fi", "/sv", "/fi/palvelut", "/fi/palvelut?x=1"])
def test_a_folder_without_its_slash_gets_a_308(host, path):
    """nginx and the stand-in answer 301 here; Pages answers 308 (the query string kept)."""
    answer = get(host, path)
    bare, _, query = path.partition("?")
    assert (answer.status, answer.headers.get("location")) == (308, bare + "/" + ("?" + query if query else ""))
    assert get(host, bare + "/").status == 200


@pytest.mark.parametrize("path", sorted(MISSING))
def test_missing_addresses_get_their_languages_404_page(upload, host, rules, path):
    answer = get(host, path)
    assert answer.status == 404, path
    page = upload / MISSING[path]
    assert answer.body == page.read_bytes(), f"{path}: not the {MISSING[path]} page"
    expected = {**expected_headers(rules, path, page), "cache-control": NOT_FOUND}
    assert answer.compared(COMPARED) == expected, path


@pytest.mark.parametrize("name", LEFT_OUT)
def test_files_left_out_of_the_upload_are_not_served(upload, host, name):
    answer = get(host, "/" + name)
    assert (answer.status, answer.body) == (404, (upload / "404.html").read_bytes())


@pytest.mark.parametrize("name", ["_headers", "_redirects"])
def test_the_rules_files_are_not_served(upload, host, name):
    """Pages reads them and never serves them. A deployment does not upload them (its address is
    then a 404); `pages dev` looks for `<name>/index.html` and answers 502."""
    answer = get(host, "/" + name)
    assert answer.status == 502
    assert (upload / name).read_bytes() not in answer.body


# ---------------------------------------------------------------------------
# The strict CSP in a browser
# ---------------------------------------------------------------------------



IN_CHROMIUM = ("home", "planner", "service", "404")
"""The page types opened through Pages in Chromium: every type is opened under the same headers by
the tour (test_pages.py), and Pages' headers are compared with them file by file (above)."""


def test_no_policy_violation_in_chromium(browser, host, page_types):
    """Pages served by Pages under its CSP, in both languages, the 404 pages among them: Material's
    scripts mount, search loads, nothing is blocked."""
    context = browser.new_context(base_url=f"http://{host}", reduced_motion="reduce")
    page = context.new_page()
    messages = watch(page)
    visited = 0
    try:
        for page_type in (t for t in page_types if t.name in IN_CHROMIUM):
            for url in page_type.urls.values():
                response = page.goto(url, wait_until="load")
                assert response.status == (404 if page_type.name == "404" else 200), url
                assert "sha256-" in response.headers["content-security-policy"], url
                interact(page)
                assert page.evaluate("document.styleSheets.length") > 0, f"{url}: no stylesheet applied"
                visited += 1
        response = page.goto("/", wait_until="load")
        assert response.status == 200
        page.goto("/fi/", wait_until="load")
        interact(page)
        assert page.evaluate("document.documentElement.dataset.kgMaterial") == "mounted"
        page.wait_for_timeout(300)  # late loads (the search worker, its index)
    finally:
        context.close()
    assert visited == 2 * len(IN_CHROMIUM)
    blocked = policy_violations(messages)
    assert not blocked, "\n".join(blocked)
    assert not script_errors(messages), "\n".join(messages)
