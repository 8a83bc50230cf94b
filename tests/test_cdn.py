"""What the static CDN serves: `_headers` (CSP, security, cache, types), `_redirects`, 404 pages.

Everything is asserted on the real site as built by the `full_site` fixture, and
served through tests/browser/cdnserver.py (Cloudflare Pages' rules) where the
HTTP behaviour matters.
"""

from __future__ import annotations

import base64
import hashlib
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.commands.pipeline import build_site
from generator.model.errors import BuildError
from generator.publish import cdn, nginx
from tests.browser import cdnserver
from tests.helpers import CONTENT, DATA, TODAY, copy_fixture

HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$")


@pytest.fixture(scope="module")
def rules(full_site):
    return cdnserver.parse_headers((full_site / "_headers").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def served(full_site):
    server, url = cdnserver.start(full_site)
    yield url
    server.shutdown()


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def served_paths(full_site: Path) -> dict[str, str]:
    """Every URL path the site answers → the output-relative file behind it."""
    paths = {}
    for file in full_site.rglob("*"):
        if file.is_file() and not file.name.startswith("_"):
            rel = file.relative_to(full_site).as_posix()
            for path in cdn.served_paths(rel):
                paths[path] = rel
    return paths


def cache_rules_for(rules, path: str) -> list[str]:
    return [value for pattern, headers in rules if cdnserver.matches(pattern, path)
            for name, value in headers if name.lower() == "cache-control" and value is not None]


# ---------------------------------------------------------------------------
# Security headers and the Content-Security-Policy
# ---------------------------------------------------------------------------

SAMPLE_PATHS = ["/", "/fi/", "/sv/", "/fi/404.html", "/api/services.json", "/sitemap.xml"]


@pytest.mark.parametrize("path", SAMPLE_PATHS)
def test_security_headers_on_every_response(rules, path):
    headers = cdnserver.headers_for(rules, path)
    csp = headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "unsafe-hashes" not in csp
    directives = {d.split()[0]: d.split()[1:] for d in (x.strip() for x in csp.split(";")) if d}
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["script-src"][0] == "'self'"
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", h) for h in directives["script-src"][1:])
    hsts = headers["strict-transport-security"]
    assert int(re.search(r"max-age=(\d+)", hsts)[1]) >= 31536000
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"] and "geolocation=()" in headers["permissions-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_csp_hashes_are_exactly_the_inline_scripts_in_the_html(full_site, rules):
    """Recomputed independently: every executable inline script has its hash in the CSP, and
    the CSP allows nothing else."""
    script = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
    seen = set()
    for page in full_site.rglob("*.html"):
        for m in script.finditer(page.read_text(encoding="utf-8")):
            if "src=" in m["attrs"] or 'type="application/json"' in m["attrs"]:
                continue
            digest = base64.b64encode(hashlib.sha256(m["body"].encode()).digest()).decode()
            seen.add(f"'sha256-{digest}'")
    csp = cdnserver.headers_for(rules, "/fi/")["content-security-policy"]
    allowed = set(re.search(r"script-src ([^;]*)", csp)[1].split()[1:])
    assert seen and seen == allowed
    assert len(allowed) <= cdn.MAX_INLINE_HASHES


def test_only_materials_inline_scripts_are_recognised():
    patterns = cdn.material_inline_scripts()
    bootstrap = ('__md_scope=new URL("/",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
                 '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
                 '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}'
                 'catch(e){}}')
    assert any(p.fullmatch(bootstrap) for p in patterns)
    for evil in [bootstrap + ";alert(1)", bootstrap.replace('"/"', '"/"+alert(1)+"'),
                 "alert(1)", 'var target=document.getElementById(location.hash.slice(1));alert(1)']:
        assert not any(p.fullmatch(evil) for p in patterns), evil
    page = ('<script src="/a.js"></script><script type="application/json">{"a": 1}</script>'
            '<script type="module">alert(1)</script><script>alert(2)</script>\n'
            '<!-- <script>alert(4)</script> --><p title="<script>alert(5)</script>">\n'
            '<SCRIPT TYPE=" Text/JavaScript ">alert(3)</SCRIPT ><script>x="&amp;<p>"</script>')
    # As a browser reads the page (a comment or an attribute holds no script), and each body
    # exactly as written between its tags: the bytes the browser hashes.
    assert cdn.inline_scripts(page) == [("alert(1)", 1), ("alert(2)", 1), ("alert(3)", 3), ('x="&amp;<p>"', 3)]


def test_headers_file_fits_cloudflare_limits(full_site, rules):
    lines = (full_site / "_headers").read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in lines) <= 2000
    assert len(rules) <= 100


# ---------------------------------------------------------------------------
# Cache policy and content types
# ---------------------------------------------------------------------------


def test_every_path_has_at_most_one_cache_rule(full_site, rules):
    """Two rules setting Cache-Control would be joined with a comma by the CDN."""
    doubled = {path: values for path in served_paths(full_site)
               if len(values := cache_rules_for(rules, path)) > 1}
    assert not doubled


def test_hashed_assets_are_immutable_and_the_rest_revalidates(full_site, rules):
    checked = {"hashed": 0, "html": 0, "feeds": 0, "other": 0}
    for path, rel in served_paths(full_site).items():
        values = cache_rules_for(rules, path)
        if HASHED.search(rel):
            assert values == [cdn.IMMUTABLE], path
            assert "max-age=31536000" in values[0] and "immutable" in values[0]
            checked["hashed"] += 1
        else:
            assert values == [cdn.REVALIDATE], (path, values)
            assert "must-revalidate" in values[0] and "max-age=0" in values[0]
            kind = ("html" if rel.endswith(".html") else
                    "feeds" if rel.endswith((".ics", ".json", ".xml", ".txt")) else "other")
            checked[kind] += 1
    assert all(checked.values()), checked


@pytest.mark.parametrize("path, expected", [
    ("fi calendar", "text/calendar; charset=utf-8"),
    ("sv calendar", "text/calendar; charset=utf-8"),
    ("/api/services.json", "application/json; charset=utf-8"),
    ("/api/periods.json", "application/json; charset=utf-8"),
    ("/sv/search/search_index.json", "application/json; charset=utf-8"),
])
def test_content_types(full_site, rules, served, path, expected):
    if path.endswith("calendar"):  # feed names come from the data: take one that was built
        lang = path.split()[0]
        path = "/" + sorted((full_site / lang).rglob("*.ics"))[0].relative_to(full_site).as_posix()
    assert cdnserver.headers_for(rules, path)["content-type"] == expected
    status, headers, _ = fetch(served + path)
    assert status == 200
    assert headers["content-type"] == expected
    assert headers["cache-control"] == cdn.REVALIDATE
    assert "content-security-policy" in headers


def test_api_allows_cross_origin_reads(rules):
    assert cdnserver.headers_for(rules, "/api/periods.json")["access-control-allow-origin"] == "*"
    assert "access-control-allow-origin" not in cdnserver.headers_for(rules, "/fi/")


def test_only_the_api_allows_cross_origin_reads_on_cloudflare(rules):
    """Cloudflare Pages puts `Access-Control-Allow-Origin: *` on every response before the rules of
    `_headers` apply: the first rule (every path) detaches it and the later `/api/*` rule sets it."""
    assert rules[0][0] == "/*" and ("Access-Control-Allow-Origin", None) in rules[0][1]
    with_host_default = [("/*", [("Access-Control-Allow-Origin", "*")]), *rules]
    for path in ["/", "/fi/", "/sv/404.html", "/sitemap.xml", "/fi/assets/kg.js"]:
        assert "access-control-allow-origin" not in cdnserver.headers_for(with_host_default, path), path
    assert cdnserver.headers_for(with_host_default, "/api/periods.json")["access-control-allow-origin"] == "*"


# ---------------------------------------------------------------------------
# The build refuses anything the CSP would block
# ---------------------------------------------------------------------------

INJECTIONS = {
    "inline script": ("<script>alert('injected')</script>", "not Material's"),
    "inline handler": ('<p onclick="alert(1)">x</p>', "inline event handler onclick"),
    "javascript link": ('<a href="javascript:alert(1)">x</a>', "script and data links"),
    "inline style": ('<p style="color:red">x</p>', "inline style"),
}


@pytest.mark.parametrize("name", INJECTIONS)
def test_injected_inline_code_fails_the_build(engine, tmp_path, monkeypatch, name):
    """Rendered Markdown may carry raw HTML (md_in_html): slip some into one page and build."""
    snippet, message = INJECTIONS[name]
    from generator.commands import pipeline as build_module
    from generator.model.guard import OUTPUT_STAMP, stamp

    real_render = build_module.render

    def render(site, *args, **kwargs):
        files = real_render(site, *args, **kwargs)
        key = next(k for k in files if k.endswith("/docs/index.md"))
        files[key] += f"\n\n{snippet}\n"
        return files

    monkeypatch.setattr(build_module, "render", render)
    out = tmp_path / "site"
    stamp(out, OUTPUT_STAMP)  # a previous output (guard.py)
    (out / "marker").write_text("the previous site")
    with pytest.raises(BuildError) as err:
        build_site(DATA, CONTENT, out, today=TODAY, work_dir=tmp_path / "work", engine=engine)
    assert message in str(err.value)
    assert "index.html" in str(err.value)
    assert (out / "marker").read_text() == "the previous site", "the previous output must stay as it was"


# ---------------------------------------------------------------------------
# 404 pages at any depth
# ---------------------------------------------------------------------------


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.refs = None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and a.get("rel") in ("stylesheet", "icon"):
            self.refs.append(a["href"])
        if tag == "script" and a.get("src"):
            self.refs.append(a["src"])


@pytest.mark.parametrize("path, lang", [
    ("/sv/does/not/exist/", "sv"),
    ("/fi/ei/ole/olemassa/syva/polku/", "fi"),
    ("/sv/x", "sv"),
    ("/does/not/exist/", "fi"),  # the bilingual root 404 (its first language is the <html lang>)
])
def test_404_in_the_right_language_with_working_assets(served, path, lang):
    status, headers, body = fetch(served + path)
    assert status == 404
    assert "content-security-policy" in headers
    page = _Refs()
    page.feed(body.decode("utf-8"))
    assert page.lang == lang
    assert page.refs, "a 404 page without its stylesheet"
    for ref in page.refs:
        assert ref.startswith("/"), f"{ref}: assets of a 404 page must be absolute"
        ref_status, _, _ = fetch(served + ref)
        assert ref_status == 200, ref
    if path.startswith(("/fi/", "/sv/")):
        title = _strings()["not-found-title"][lang]
        assert title in body.decode("utf-8"), f"the {lang} 404 page does not say {title!r}"


def _strings():
    from generator.load.yaml_file import load_file

    return load_file(DATA / "strings.yaml", "strings.yaml").data["strings"]


def test_root_404_offers_both_languages(full_site):
    text = (full_site / "404.html").read_text(encoding="utf-8")
    assert '<section lang="fi">' in text and '<section lang="sv">' in text
    assert 'href="/fi/"' in text and 'href="/sv/"' in text


# ---------------------------------------------------------------------------
# _redirects
# ---------------------------------------------------------------------------


def test_redirects_file_is_valid_for_cloudflare(full_site):
    lines = [ln for ln in (full_site / "_redirects").read_text().splitlines() if ln and not ln.startswith("#")]
    dynamic_seen = False
    for line in lines:
        source, target, status = line.split()
        assert len(line) <= 1000
        assert status in ("301", "404")
        assert source.startswith("/") and target.startswith("/")
        if "*" in source:
            dynamic_seen = True
        else:
            assert not dynamic_seen, "static rules must come before splat rules"
    assert "/sv/* /sv/404.html 404" in lines and "/fi/* /fi/404.html 404" in lines


def test_declared_redirects_for_retired_pages():
    """`redirects:` in site.yaml (old/new paths) become 301s and fallback pages in the old address's language."""
    from generator import TEMPLATE_DIR
    from generator.check.validate import load_project
    from generator.model import plan as plan_module
    from generator.model.plan import SitePlan
    from generator.model.schema import Redirect

    project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    project.config = project.config.model_copy(update={"redirects": [
        Redirect(old="/sv/gammal-sida/", new="/sv/tjanster/")]})
    site = SitePlan(project, TODAY)
    assert plan_module.Redirect("/sv/gammal-sida/", "/sv/tjanster/", "sv") in plan_module.redirects(site)
    files = cdn.redirect_files(site)
    assert "/sv/gammal-sida/ /sv/tjanster/ 301" in files["_redirects"].decode()
    stub = files["sv/gammal-sida/index.html"].decode()
    assert '<html lang="sv">' in stub and 'url=/sv/tjanster/' in stub


# ---------------------------------------------------------------------------
# `redirects:` end to end on the small fixture
# ---------------------------------------------------------------------------

SMALL = Path(__file__).parent / "fixtures" / "small"


@pytest.fixture
def small_copy(tmp_path) -> Path:
    copy_fixture(tmp_path, SMALL)
    return tmp_path


def _check(root: Path, *options: str):
    from click.testing import CliRunner

    from generator.commands.cli import main

    result = CliRunner().invoke(main, ["check", "--data", str(root / "data"), "--today", TODAY.isoformat(),
                                       *options])
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    return result.exit_code, result.output


def _append(path: Path, text: str) -> int:
    """Append YAML to a data file; returns the line number of its first line."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before.rstrip("\n") + "\n" + text, encoding="utf-8")
    return before.rstrip("\n").count("\n") + 2


def test_moving_a_page_is_one_yaml_edit(engine, small_copy, small_site):
    """A hand-written page is renamed in both languages: with a URL manifest the build fails
    naming both old addresses and the exact `redirects:` entry; with it, the build passes with
    301s, fallback pages in each language and the old addresses still in the manifest."""
    from generator.model import manifest

    manifest.write(small_copy / manifest.FILE_NAME, manifest.published_urls(small_site))
    moves = {"fi": ("tietoa-sivustosta", "sivustosta"), "sv": ("om-webbplatsen", "om-sajten")}
    for lang, (old, new) in moves.items():
        (small_copy / "content" / lang / f"{old}.md").rename(small_copy / "content" / lang / f"{new}.md")

    out, work = small_copy / "site", small_copy / "work"
    with pytest.raises(BuildError) as err:
        build_site(small_copy / "data", None, out, today=TODAY, work_dir=work, engine=engine)
    message = str(err.value)
    for lang, (old, _new) in moves.items():
        assert f"/{lang}/{old}/" in message
    assert "`redirects:`" in message and "redirect_from" not in message
    assert "- {old: /fi/tietoa-sivustosta/, new: /fi/sivustosta/}" in message
    assert not out.exists()

    _append(small_copy / "data" / "site.yaml",
            "redirects:\n"
            "  - {old: /fi/tietoa-sivustosta/, new: /fi/sivustosta/}\n"
            "  - old: /sv/om-webbplatsen/\n"
            "    new: /sv/om-sajten/\n")
    # `check` knows what CI knows: the new addresses are not in the manifest yet (and nothing else).
    code, output = _check(small_copy)
    assert code == 1 and "/fi/sivustosta/" in output and "/sv/om-sajten/" in output, output
    assert [ln for ln in output.splitlines() if ": error: " in ln] == \
        [ln for ln in output.splitlines() if "2 new addresses are not in urls.txt yet" in ln], output
    result = build_site(small_copy / "data", None, out, today=TODAY, work_dir=work, engine=engine)
    lines = (out / "_redirects").read_text().splitlines()
    for lang, (old, new) in moves.items():
        assert f"/{lang}/{old}/ /{lang}/{new}/ 301" in lines
        stub = (out / lang / old / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in stub
        assert f'<meta http-equiv="refresh" content="0; url=/{lang}/{new}/">' in stub
        assert f'<link rel="canonical" href="/{lang}/{new}/">' in stub
        assert (out / lang / new / "index.html").is_file()
    assert lines.index("/fi/tietoa-sivustosta/ /fi/sivustosta/ 301") < lines.index("/fi/* /fi/404.html 404")
    # The old addresses are served (by their fallback pages); the new ones wait for `urls --update`.
    notes = [w for w in result.warnings if w.code == "urls-new"]
    assert notes and "/fi/sivustosta/" in notes[0].message and "/sv/om-sajten/" in notes[0].message
    assert not [w for w in result.warnings if "tietoa-sivustosta" in w.message]


def test_redirects_are_checked_against_the_published_pages(small_copy):
    services = small_copy / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    services.write_text(text.replace("    slug: {fi: potilastietovaranto, sv: patientdatalagret}\n",
                                     "    slug: {fi: potilastietovaranto, sv: patientdatalagret}\n"
                                     "    redirect_from: [{fi: potilasarkisto, sv: patientarkivet}]\n", 1),
                        encoding="utf-8")
    first = _append(small_copy / "data" / "site.yaml", "\n".join([
        "redirects:",
        "  - {old: /fi/vanha/, new: /fi/palvelut/}",              # fine
        "  - {old: /fi/vanha/, new: /fi/}",                        # the same old address twice
        "  - {old: /fi/palvelut/, new: /fi/}",                     # a published page
        "  - {old: /sv/gammal/, new: /sv/tjanst/}",                # no such page
        "  - {old: /en/old/, new: /fi/}",                          # not a language of the site
        "  - {old: /fi/palvelut/potilasarkisto/, new: /fi/}",      # already a service's redirect_from
    ]) + "\n")
    code, output = _check(small_copy)
    assert code == 1, output
    site_yaml = small_copy / "data" / "site.yaml"

    def error_at(line: int, fragment: str) -> bool:
        return re.search(rf"^{re.escape(str(site_yaml))}:{line}:\d+: error: .*{re.escape(fragment)}", output,
                         re.M) is not None

    assert not error_at(first + 1, "")
    assert error_at(first + 2, "'/fi/vanha/' is redirected twice (first on line")
    assert error_at(first + 3, "'/fi/palvelut/' is the address of a published page")
    assert error_at(first + 4, "no page is published at '/sv/tjanst/'") and "did you mean '/sv/tjanster/'?" in output
    assert error_at(first + 5, "'en' is not a language of the site")
    assert error_at(first + 6, "already redirects to /fi/palvelut/potilastietovaranto/")
    assert output.count(": error: ") == 5, output
    fi = _check(small_copy, "--lang", "fi")[1]
    assert "vanha osoite '/fi/palvelut/' on julkaistun sivun osoite" in fi
    assert "osoitteessa '/sv/tjanst/' ei julkaista sivua" in fi and "esim. /sv/tjanster/" in fi


@pytest.mark.parametrize("old, new, bad", [
    ("fi/vanha/", "/fi/", "fi/vanha/"),
    ("/fi/vanha", "/fi/", "/fi/vanha"),
    ("/fi/vanha/", "https://example.org/", "https://example.org/"),
    ("/fi/vanha/", "//example.org/fi/", "//example.org/fi/"),
    ("/fi/Vanha Sivu/", "/fi/", "/fi/Vanha Sivu/"),
])
def test_redirect_paths_must_be_site_paths(small_copy, old, new, bad):
    line = _append(small_copy / "data" / "site.yaml", f'redirects:\n  - old: "{old}"\n    new: "{new}"\n')
    code, output = _check(small_copy)
    assert code == 1
    at = line + 1 if bad == old else line + 2
    assert re.search(rf":{at}:\d+: error: '{re.escape(bad)}' is not a page address of this site", output), output


# ---------------------------------------------------------------------------
# _nginx.conf: the same rules for nginx (served for real in tests/browser/test_nginx.py)
# ---------------------------------------------------------------------------

_LOCATION = re.compile(r"^location (?:(=|~|\^~) )?\"([^\"]*)\" \{\n(.*?)^\}", re.MULTILINE | re.DOTALL)
_ADD_HEADER = re.compile(r"^    add_header (\S+) \"([^\"]*)\"( always)?;$", re.MULTILINE)


@pytest.fixture(scope="module")
def nginx_conf(full_site) -> str:
    return (full_site / nginx.NGINX_FILE).read_text(encoding="utf-8")


def test_every_nginx_location_sends_every_security_header(nginx_conf, rules):
    """nginx drops inherited add_header lines in a location with its own: each location must carry
    the CSP and every security header, as `_headers` says them, with `always` (404s, redirects)."""
    everywhere = {name: value for name, value in rules[0][1] if value is not None}  # `! Name` aside
    assert rules[0][0] == "/*" and "Content-Security-Policy" in everywhere
    locations = _LOCATION.findall(nginx_conf)
    assert len(locations) > 20
    assert not re.search(r"^add_header", nginx_conf, re.MULTILINE), "no add_header outside a location"
    for modifier, match, body in locations:
        sent = {name: (value, always) for name, value, always in _ADD_HEADER.findall(body)}
        for name, value in everywhere.items():
            assert sent.get(name) == (value, " always"), f"location {modifier} {match}: {name}"
        assert body.count("add_header") == len(sent), f"location {modifier} {match}: a header twice"


def test_nginx_gives_every_file_the_headers_of_headers_file(full_site, rules):
    """The location nginx picks for every address of every file sends what `_headers` sends there."""
    locations = _locations(full_site, rules)
    for path, rel in served_paths(full_site).items():
        loc = nginx.route(locations, path)
        expected = cdnserver.headers_for(rules, path)
        sent = {name.lower(): value for name, value in loc.headers}
        if loc.content_type:
            sent["content-type"] = loc.content_type
        assert sent == expected, path
        if not loc.content_type:
            assert rel.rsplit(".", 1)[-1] in nginx.MEDIA_TYPES, f"{rel}: nginx has no media type for it"


def _locations(full_site, rules):
    from generator import TEMPLATE_DIR
    from generator.check.validate import load_project
    from generator.model.plan import SitePlan

    project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    return nginx.nginx_locations(SitePlan(project, TODAY), full_site, rules)


def test_nginx_refuses_rules_it_cannot_express(full_site, rules):
    """A rule that sets a header on part of a folder's files cannot be said with one location per
    rule: the build must stop rather than send the wrong headers."""
    partial = rules + [("/*.map", [("X-Test", "1")])]
    with pytest.raises(ValueError, match="from the same location .* but _headers gives them different headers"):
        _locations(full_site, partial)
    with pytest.raises(ValueError, match="has no nginx location"):
        _locations(full_site, rules + [("/fi/*/kuvat/*", [("X-Test", "1")])])


@pytest.mark.parametrize("value", ['a"b', "a\\b", "$uri", "a\nb", "a\x00b"])
def test_nginx_strings_refuse_what_would_change_the_configuration(value):
    with pytest.raises(ValueError, match="cannot be written into nginx"):
        nginx._nginx_string(value)
    if value != "$uri":  # a location regex is no place for variables: `\$` is a plain dollar there
        with pytest.raises(ValueError):
            nginx._nginx_string(re.escape(value) + "$", regex=True)


def test_nginx_strings_and_regexes_pass_through():
    assert nginx._nginx_string("default-src 'self'; img-src 'self' data:") == \
        "\"default-src 'self'; img-src 'self' data:\""
    assert nginx._nginx_string("^/.*" + re.escape(".xml.gz") + "$", regex=True) == '"^/.*\\.xml\\.gz$"'


def test_nginx_conf_is_not_an_address(full_site):
    from generator.model import manifest

    assert (full_site / nginx.NGINX_FILE).is_file()
    assert not [url for url in manifest.published_urls(full_site) if "nginx" in url]
    assert nginx.NGINX_FILE not in (full_site / "sitemap.xml").read_text(encoding="utf-8")
    assert nginx.NGINX_FILE not in (full_site / "_headers").read_text(encoding="utf-8")


def test_nginx_sends_one_charset_per_type(full_site, rules, monkeypatch):
    """nginx adds `; charset=utf-8` by media type: a type wanted both with and without it is refused."""
    from generator import TEMPLATE_DIR
    from generator.check.validate import load_project
    from generator.model.plan import SitePlan

    project, _ = load_project(DATA, CONTENT, today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    conf = nginx.nginx_conf(site, full_site, rules)
    charset_types = re.search(r"^charset_types (.*);$", conf, re.MULTILINE)[1].split()
    assert {"text/html", "text/plain", "text/calendar", "application/json"} <= set(charset_types)
    assert "application/xml" not in charset_types and "text/css" not in charset_types
    monkeypatch.setitem(nginx.MEDIA_TYPES, "map", "application/json")
    with pytest.raises(ValueError, match="with and without charset=utf-8"):
        nginx.nginx_conf(site, full_site, rules)
