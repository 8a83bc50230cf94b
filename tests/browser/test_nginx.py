"""The site served by Debian's nginx with the generated `_nginx.conf` answers like the CDN.

nginx runs unprivileged on 127.0.0.1 (a free port) with the snippet included in a plain
`server { root …; }`, as the README tells an operator to do. Every address of the built
small fixture (plus old addresses, missing ones and host files) is fetched from nginx and
from the CDN stand-in (tests/browser/cdnserver.py, which applies `_headers` the way
Cloudflare does) and the answers must agree: status, Content-Type, every header `_headers`
sets, Location and body. Chromium then loads pages from nginx and must report no CSP
violation. A missing nginx fails in CI (`CI=true`) and skips elsewhere.
"""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from generator.commands.pipeline import build_site
from generator.publish import cdn
from generator.publish import nginx as nginx_module
from tests.browser import cdnserver
from tests.browser.support import Answer, interact, policy_violations, script_errors, watch
from tests.helpers import SMALL, TODAY, unavailable

NGINX = Path("/usr/sbin/nginx")
REDIRECTS = {"/fi/vanha-sivu/": "/fi/palvelut/", "/sv/gammal-sida/": "/sv/tjanster/",
             "/fi/palvelut/potilasarkisto/": "/fi/palvelut/potilastietovaranto/",
             "/sv/tjanster/patientarkivet/": "/sv/tjanster/patientdatalagret/"}
"""The old addresses the fixture is given below (`redirects:` and a service's `redirect_from:`)."""
COMPARED = ["content-type", "content-security-policy", *(name.lower() for name, _ in cdn.SECURITY_HEADERS),
            "cache-control", "access-control-allow-origin", "location"]
MISSING = {  # address → the 404 page nginx must answer with (nearest one up the tree)
    "/fi/ei-ole/": "fi/404.html", "/fi/palvelut/ei/ole/": "fi/404.html", "/fi/ei-ole.html": "fi/404.html",
    "/sv/finns-inte/": "sv/404.html", "/sv/tjanster/x/y/": "sv/404.html",
    "/ei-ole/": "404.html", "/en/": "404.html",
    "/fi/assets/": "fi/404.html",  # a folder without index.html: never a listing
    "/fi/assets/javascripts/": "fi/404.html", "/api/": "404.html",
}
# `_kanta-guide-output`: the stamp of a build's output (guard.py), in the folder but no address.
HOST_FILES = ["/_headers", "/_redirects", "/_nginx.conf", "/_nginx.conf?x=1", "/_ei-ole",
              "/_kanta-guide-output"]


@pytest.fixture(scope="module")
def nginx_binary() -> Path:
    if not NGINX.exists():
        unavailable(f"{NGINX} is missing (apt-get install nginx)")
    return NGINX


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The small fixture with old addresses of both kinds, so the 301s are served too."""
    base = tmp_path_factory.mktemp("nginx-site")
    shutil.copytree(SMALL / "data", base / "data")
    shutil.copytree(SMALL / "content", base / "content")
    services = base / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    slug = "    slug: {fi: potilastietovaranto, sv: patientdatalagret}\n"
    assert slug in text
    services.write_text(text.replace(slug, slug + "    redirect_from: [{fi: potilasarkisto, sv: patientarkivet}]\n",
                                     1), encoding="utf-8")
    with (base / "data" / "site.yaml").open("a", encoding="utf-8") as f:
        f.write("\nredirects:\n  - {old: /fi/vanha-sivu/, new: /fi/palvelut/}\n"
                "  - {old: /sv/gammal-sida/, new: /sv/tjanster/}\n")
    build_site(base / "data", base / "content", base / "site", today=TODAY, work_dir=base / "work")
    return base / "site"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(binary: Path, root: Path, work: Path, include: Path) -> tuple[subprocess.Popen, int]:
    """nginx in the foreground, unprivileged, with every path it writes below `work`."""
    work.mkdir(parents=True, exist_ok=True)
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (work / name).mkdir(exist_ok=True)
    port = free_port()
    conf = work / "nginx.conf"
    # Started by root (CI containers), nginx's workers would switch to `nobody`, who cannot read
    # pytest's private temporary folders: keep the runner's own identity instead.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    conf.write_text(f"""\
{user}daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log stderr;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include {include};
    }}
}}
""", encoding="utf-8")
    command = [str(binary), "-p", str(work), "-e", "stderr", "-c", str(conf)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, f"nginx -t refused the configuration:\n{checked.stderr}"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx stopped: {process.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("nginx did not start listening within 10 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def nginx(nginx_binary, site, tmp_path_factory) -> str:
    process, port = start_nginx(nginx_binary, site, tmp_path_factory.mktemp("nginx"), site / nginx_module.NGINX_FILE)
    yield f"127.0.0.1:{port}"
    stop(process)


@pytest.fixture(scope="module")
def cdn_server(site) -> str:
    server, url = cdnserver.start(site)
    yield url.removeprefix("http://")
    server.shutdown()




def get(host: str, path: str, headers: dict[str, str] | None = None) -> Answer:
    """One GET, redirects not followed, uncompressed unless asked."""
    connection = http.client.HTTPConnection(host, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.getheaders(), response.read())
    finally:
        connection.close()


def served_paths(root: Path) -> list[str]:
    """Every address of every file the site serves (the host's own `_` files aside)."""
    return sorted({path for file in root.rglob("*") if file.is_file() and not file.name.startswith("_")
                   for path in cdn.served_paths(file.relative_to(root).as_posix())})


# ---------------------------------------------------------------------------
# nginx answers like the CDN
# ---------------------------------------------------------------------------


def test_every_address_answers_like_the_cdn(site, nginx, cdn_server):
    """Status, Content-Type, CSP and the other security headers, Cache-Control, CORS and body of
    every file's every address, from nginx and from the CDN stand-in."""
    paths = served_paths(site)
    assert len(paths) > 100 and "/fi/" in paths and "/api/services.json" in paths
    kinds = set()
    for path in paths:
        if path in REDIRECTS:
            continue  # a fallback page the CDN never shows: _redirects answers first (next test)
        ours, theirs = get(nginx, path), get(cdn_server, path)
        assert ours.status == theirs.status == 200, path
        assert ours.compared(COMPARED) == theirs.compared(COMPARED), path
        assert ours.body == theirs.body, path
        duplicated = [name for name in {n for n, _ in ours.pairs} if [n for n, _ in ours.pairs].count(name) > 1]
        assert not duplicated, f"{path}: {duplicated} sent twice"
        kinds.add(ours.headers["cache-control"])
        kinds.add(ours.headers["content-type"])
    assert {cdn.IMMUTABLE, cdn.REVALIDATE, cdn.CALENDAR, cdn.JSON, "text/html; charset=utf-8"} <= kinds


@pytest.mark.parametrize("path, expected", [
    ("/fi/kalenteri/kaikki-jaksot.ics", "text/calendar; charset=utf-8"),
    ("/api/services.json", "application/json; charset=utf-8"),
    ("/api/periods.json", "application/json; charset=utf-8"),
    ("/fi/search/search_index.json", "application/json; charset=utf-8"),
    ("/sitemap.xml", "application/xml"),
    ("/robots.txt", "text/plain; charset=utf-8"),
    ("/fi/", "text/html; charset=utf-8"),
])
def test_content_types(site, nginx, path, expected):
    if path.endswith(".ics"):
        assert (site / path.lstrip("/")).is_file(), path
    answer = get(nginx, path)
    assert answer.status == 200
    assert answer.headers["content-type"] == expected
    assert answer.headers["x-content-type-options"] == "nosniff"
    if path.startswith("/api/"):
        assert answer.headers["access-control-allow-origin"] == "*"
    else:
        assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize("path", ["/fi/", "/api/services.json", "/fi/kalenteri/kaikki-jaksot.ics"])
def test_text_is_compressed(nginx, path):
    plain, packed = get(nginx, path), get(nginx, path, {"Accept-Encoding": "gzip"})
    assert packed.headers.get("content-encoding") == "gzip", path
    assert gzip.decompress(packed.body) == plain.body
    assert "Accept-Encoding" in packed.headers["vary"]
    assert packed.headers["content-security-policy"] == plain.headers["content-security-policy"]


def test_feeds_are_served_with_their_types(site, nginx):
    """The change log's Atom feeds and the calendars, as a feed reader receives them."""
    feeds = sorted(site.rglob("*.atom"))
    calendars = sorted(site.rglob("*.ics"))
    assert feeds and calendars
    for path, expected in [(feeds[0], "application/atom+xml; charset=utf-8"),
                           (calendars[0], "text/calendar; charset=utf-8")]:
        answer = get(nginx, "/" + path.relative_to(site).as_posix())
        assert answer.status == 200
        assert answer.headers["content-type"] == expected


def test_old_addresses_are_301s_to_the_new_ones(site, nginx):
    rules = [line.split() for line in (site / "_redirects").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#") and line.split()[2] == "301"]
    assert {old: new for old, new, _ in rules} == REDIRECTS, "the fixture's redirects were not all built"
    for old, new, _ in rules:
        answer = get(nginx, old)
        assert answer.status == 301, old
        assert answer.headers["location"] == new, old  # host-relative: absolute_redirect off
        assert get(nginx, new).status == 200, new
        assert "content-security-policy" in answer.headers
    # Without the slash: first to the slash, then on.
    answer = get(nginx, "/fi/vanha-sivu")
    assert (answer.status, answer.headers["location"]) == (301, "/fi/vanha-sivu/")


@pytest.mark.parametrize("path", ["/fi", "/sv", "/fi/palvelut", "/fi/palvelut/potilastietovaranto", "/api"])
def test_a_folder_without_its_slash_gets_it(nginx, cdn_server, path):
    ours, theirs = get(nginx, path), get(cdn_server, path)
    assert ours.status == theirs.status == 301
    assert ours.headers["location"] == theirs.headers["location"] == path + "/"


@pytest.mark.parametrize("path", sorted(MISSING))
def test_missing_addresses_get_the_nearest_404_page(site, nginx, cdn_server, path):
    ours, theirs = get(nginx, path), get(cdn_server, path)
    assert ours.status == theirs.status == 404
    assert ours.body == (site / MISSING[path]).read_bytes(), f"{path}: not the {MISSING[path]} page"
    # nginx answers a miss with the 404 page's own headers; the CDN with the missing address's
    # (so it would also allow cross-origin reads of a missing /api/ file). Nothing else differs.
    mine = {k: v for k, v in ours.compared(COMPARED).items() if k != "access-control-allow-origin"}
    assert mine == {k: v for k, v in theirs.compared(COMPARED).items() if k != "access-control-allow-origin"}, path
    assert "access-control-allow-origin" not in ours.headers
    assert b"Index of" not in ours.body


@pytest.mark.parametrize("path", HOST_FILES)
def test_host_files_are_not_served(site, nginx, path):
    answer = get(nginx, path)
    assert answer.status == 404
    assert answer.body == (site / "404.html").read_bytes()
    assert "content-security-policy" in answer.headers


def test_the_include_names_no_host_file_in_the_site_listings(site):
    """`_nginx.conf` sits in the output but is no address: not in the sitemap, not in the URL
    manifest, no `_headers` rule."""
    from generator.model import manifest

    assert (site / nginx_module.NGINX_FILE).is_file()
    assert nginx_module.NGINX_FILE not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not [url for url in manifest.published_urls(site) if "/_" in url]
    assert nginx_module.NGINX_FILE not in (site / "_headers").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# A base path (site_url with a path) and the strict CSP in a browser
# ---------------------------------------------------------------------------


def test_under_a_base_path(nginx_binary, site, tmp_path):
    """With site_url https://…/opas/ every location, redirect and 404 page moves below /opas/."""
    from generator import TEMPLATE_DIR
    from generator.check.validate import load_project
    from generator.model.plan import SitePlan

    project, _ = load_project(site.parent / "data", site.parent / "content", today=TODAY,
                              template_dir=TEMPLATE_DIR)
    project.config = project.config.model_copy(update={"site_url": "https://example.org/opas/"})
    plan = SitePlan(project, TODAY)
    rules = cdn.header_rules(plan, site, cdn.inline_script_hashes(site))
    include = tmp_path / "opas.conf"
    include.write_text(nginx_module.nginx_conf(plan, site, rules), encoding="utf-8")
    root = tmp_path / "www"
    root.mkdir()
    (root / "opas").symlink_to(site)
    process, port = start_nginx(nginx_binary, root, tmp_path / "nginx", include)
    host = f"127.0.0.1:{port}"
    try:
        assert get(host, "/opas/fi/").status == 200
        answer = get(host, "/opas/fi/vanha-sivu/")
        assert (answer.status, answer.headers["location"]) == (301, "/opas/fi/palvelut/")
        missing = get(host, "/opas/sv/finns-inte/")
        assert missing.status == 404 and missing.body == (site / "sv" / "404.html").read_bytes()
        assert get(host, "/opas/_nginx.conf").status == 404
        assert get(host, "/opas/api/services.json").headers["access-control-allow-origin"] == "*"
        assert get(host, "/opas/fi/").headers["cache-control"] == cdn.REVALIDATE
    finally:
        stop(process)




def test_no_policy_violation_in_chromium(browser, nginx):
    """Pages served by nginx under its CSP: Material's scripts mount, nothing is blocked."""
    context = browser.new_context(base_url=f"http://{nginx}", reduced_motion="reduce")
    page = context.new_page()
    messages = watch(page)
    try:
        for path in ["/", "/fi/", "/sv/", "/fi/palvelut/", "/sv/tjanster/patientdatalagret/",
                     "/fi/aikataulu/", "/fi/ei-ole/", "/sv/finns-inte/"]:
            response = page.goto(path, wait_until="load")
            assert response.status == (404 if "ei-ole" in path or "finns-inte" in path else 200), path
            assert "sha256-" in response.headers["content-security-policy"], path
            interact(page)
            assert page.evaluate("document.styleSheets.length") > 0, f"{path}: no stylesheet applied"
        page.goto("/fi/", wait_until="load")
        interact(page)
        assert page.evaluate("document.documentElement.dataset.kgMaterial") == "mounted"
        page.wait_for_timeout(300)  # late loads (the search worker)
    finally:
        context.close()
    blocked = policy_violations(messages)
    assert not blocked, "\n".join(blocked)
    assert not script_errors(messages), "\n".join(messages)
