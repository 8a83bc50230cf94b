"""Canaries: what the generator relies on in its dependencies beyond their documented API.

One test per dependency. Each fails on an upgrade that changes what the generator relies on,
with a message naming what changed and the place in generator/ (or overrides/) that relies on it,
so the fix starts there instead of at a puzzling failure of a build or of `check`.
"""

from __future__ import annotations

import importlib.util
import inspect
import logging
import re
from pathlib import Path

import pytest

from .helpers import ROOT, unavailable


def package_folder(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations, f"{name} is not installed"
    return Path(list(spec.submodule_search_locations)[0])


def test_mkdocs_and_jinja_internals_the_speedups_patch():
    """generator/build/mkdocs_speedups.py replaces `mkdocs.theme.Theme.get_env` (template_cache)
    and `jinja2.FileSystemLoader.list_templates` (theme_listing, which leaves out dot-folders
    because MkDocs' only caller drops them anyway)."""
    import jinja2
    import mkdocs
    import mkdocs.structure.files
    import mkdocs.theme

    where = "generator/build/mkdocs_speedups.py"
    assert callable(getattr(mkdocs.theme.Theme, "get_env", None)), \
        f"MkDocs {mkdocs.__version__} has no Theme.get_env: template_cache in {where} patches it"
    env = mkdocs.theme.Theme(name="mkdocs").get_env()
    assert isinstance(env, jinja2.Environment) and type(env.loader) is jinja2.FileSystemLoader, \
        (f"MkDocs {mkdocs.__version__}'s Theme.get_env gives a {type(env.loader).__name__}, not a jinja2 "
         f"FileSystemLoader: theme_listing in {where} patches FileSystemLoader.list_templates")
    assert hasattr(env, "bytecode_cache"), f"Jinja {jinja2.__version__}: no bytecode_cache for {where}"

    source = inspect.getsource(mkdocs.structure.files.Files.add_files_from_theme)
    assert re.search(r"patterns = \['\.\*', '\*/\.\*'", source), \
        (f"MkDocs {mkdocs.__version__}'s Files.add_files_from_theme no longer drops dot-files first "
         f"('.*', '*/.*'): theme_listing in {where} leaves them out of the listing on that assumption")
    assert "env.list_templates(filter_func=" in source, \
        f"MkDocs {mkdocs.__version__} lists theme files another way: theme_listing in {where} is useless or wrong"
    callers = sorted(str(path.relative_to(package_folder(name).parent))
                     for name in ("mkdocs", "material") for path in package_folder(name).rglob("*.py")
                     if "tests" not in path.parts and "list_templates(" in path.read_text(encoding="utf-8"))
    assert callers == ["mkdocs/structure/files.py"], \
        (f"list_templates is called from {callers}: theme_listing in {where} assumes "
         f"Files.add_files_from_theme is its only caller (it leaves out dot-folders)")


def test_markdown_runs_the_processors_markdown_safety_wraps_where_it_expects_them():
    """generator/check/markdown_safety.py (`_Probe`) registers markers around Python-Markdown's own
    processors, by priority: html_block (raw HTML blocks, after fenced code), inline (inline
    HTML) and attr_list (before toc gives the headings their ids)."""
    import markdown

    from generator.check.markdown_safety import Checker

    md = Checker().md
    where = f"Python-Markdown {markdown.__version__}: generator/check/markdown_safety.py (_Probe) expects"

    def order(registry) -> list[str]:
        return sorted(registry._data, key=registry.get_index_for_name)

    pre = order(md.preprocessors)
    assert "html_block" in pre and "fenced_code_block" in pre, f"{where} html_block and fenced_code_block: {pre}"
    at = pre.index("html_block")
    assert pre[at - 1:at + 2] == ["kg-blocks-from", "html_block", "kg-blocks-to"], \
        f"{where} the preprocessor html_block alone between its markers (priority 20): {pre}"
    assert pre.index("fenced_code_block") < pre.index("kg-blocks-from"), \
        f"{where} fenced code to be stashed before the raw HTML blocks (priority 25): {pre}"

    tree = order(md.treeprocessors)
    for name in ("inline", "attr_list", "toc"):
        assert name in tree, f"{where} a treeprocessor {name}: {tree}"
    at = tree.index("inline")
    assert tree[at - 1:at + 2] == ["kg-inline-from", "inline", "kg-inline-to"], \
        f"{where} the treeprocessor inline alone between its markers (priority 20): {tree}"
    at = tree.index("attr_list")
    assert tree[at - 1:at + 2] == ["kg-before-attr-list", "attr_list", "kg-after-attr-list"], \
        f"{where} the treeprocessor attr_list alone between its markers (priority 8): {tree}"
    assert tree.index("kg-after-attr-list") < tree.index("toc"), \
        f"{where} toc (the headings' ids) after attr_list's marker (priority 5): {tree}"
    assert isinstance(md.htmlStash.rawHtmlBlocks, list), f"{where} md.htmlStash.rawHtmlBlocks, a list"


MKDOCS_PAGE = """# Sivu

[heading](other.md#nowhere) [file](missing.md) [relative](somewhere/)
"""
MKDOCS_CONFIG = """site_name: canary
theme: mkdocs
validation:
  links:
    not_found: warn
    anchors: warn
    unrecognized_links: warn
"""


class Lines(logging.Handler):
    """The log lines as text, formatted."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def test_mkdocs_warns_about_links_in_the_words_site_links_py_reads(tmp_path: Path):
    """generator/check/site_links.py (`mkdocs_problem`: `_DOC_LINK`, `_LINK_KINDS`, called by
    build/mkdocs_build.py's `mkdocs_problems`) reads
    MkDocs' warnings about a page's links to show them at the editor's line: a missing anchor,
    a missing file, a relative link MkDocs does not recognise. A tiny site with one of each,
    built in this process with MkDocs' own theme."""
    import mkdocs
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from generator.build.mkdocs_build import mkdocs_problems

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(MKDOCS_PAGE, encoding="utf-8")
    (tmp_path / "docs" / "other.md").write_text("# Toinen\n", encoding="utf-8")
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "mkdocs.yml").write_text(MKDOCS_CONFIG + f"docs_dir: {tmp_path / 'docs'}\n"
                                                f"site_dir: {tmp_path / 'site'}\n", encoding="utf-8")
    handler = Lines()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))  # as engine.py's
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            build(load_config(config_file=str(tmp_path / "fi" / "mkdocs.yml"), strict=True))
    finally:
        logger.removeHandler(handler)

    warnings = [line for line in handler.lines if line.startswith("WARNING")]
    problems = mkdocs_problems([("fi/mkdocs.yml", "\n".join(warnings))], lambda lang, src, href: ("page.md", 3, 1))
    found = {problem.args[0]: problem.code for problem in problems if problem.code != "mkdocs-said"}
    assert found == {"other.md#nowhere": "mkdocs-anchor", "missing.md": "mkdocs-target",
                     "somewhere/": "mkdocs-relative"}, \
        (f"MkDocs {mkdocs.__version__} words its link warnings differently; generator/check/site_links.py "
         f"(_DOC_LINK, _LINK_KINDS) placed {found} of:\n" + "\n".join(warnings))


# A document for every kind of syntax error generator/load/yaml_file.py names: its code, and what
# it relies on in PyYAML's context ("while scanning …") and problem texts.
YAML_ERRORS = [
    ("a: b: c\n", "yaml-colon", None),
    ("a: b\nc\nd: e\n", "yaml-missing-colon", "while scanning a simple key"),
    ("a: @x\n", "yaml-start-char", None),
    ('a: "\\q"\n', "yaml-escape", None),
    ("a:\n  b: 1\n c: 2\n", "yaml-indent-block", None),
    ("- a\n- b\nc: d\n", "yaml-indent-block", None),
    ('a: "abc\nb: c\n', "yaml-syntax", "while scanning a quoted scalar"),
    ("{a: b\n", "yaml-syntax", "while parsing a flow"),
]


@pytest.mark.parametrize("parser", ["libyaml", "python"])
def test_pyyaml_words_its_errors_as_yaml_file_py_reads_them(parser: str):
    """generator/load/yaml_file.py (`_syntax_kind`, `_SYNTAX_KINDS`, `_syntax_problem`) turns
    PyYAML's English into a code that fi/sv messages translate, by words of the problem and the
    context; it uses libyaml's parser where PyYAML has it, else PyYAML's own (both checked)."""
    import yaml

    from generator.load.yaml_file import _SYNTAX_KINDS, _syntax_kind

    if parser == "libyaml" and not getattr(yaml, "__with_libyaml__", False):
        unavailable("PyYAML without libyaml: yaml_file.py uses PyYAML's own parser, checked beside this")
    loader = yaml.CBaseLoader if parser == "libyaml" else yaml.BaseLoader
    where = f"PyYAML {yaml.__version__} ({parser}); generator/load/yaml_file.py (_SYNTAX_KINDS, _syntax_problem)"
    for text, code, context in YAML_ERRORS:
        with pytest.raises(yaml.MarkedYAMLError) as raised:
            list(yaml.parse(text, Loader=loader))
        error = raised.value
        if context is not None:
            assert (error.context or "").startswith(context), \
                f"{where} expects the context {context!r} for {text!r}, PyYAML says {error.context!r}"
        if code != "yaml-syntax":
            assert _syntax_kind(error.problem or "")[0] == code, \
                f"{where} expects words of {code} in PyYAML's problem for {text!r}: {error.problem!r}"
    assert {code for _, code, _ in YAML_ERRORS} >= {code for _, code, _ in _SYNTAX_KINDS}, \
        "a code of _SYNTAX_KINDS has no document here: add one to YAML_ERRORS"
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        list(yaml.parse('a: "abc\nb: c\n', Loader=loader))
    assert "end of stream" in (raised.value.problem or ""), \
        f"{where} knows an unclosed quote by 'end of stream': {raised.value.problem!r}"


def test_materials_template_layout_is_what_overrides_and_cdn_py_expect():
    """overrides/main.html overrides blocks of Material's base.html and rewrites the bundle's
    `<script src=` in its `scripts` block (the scripts wait for the reader); generator/publish/cdn.py
    allows exactly the inline scripts of material/templates/partials/javascripts/, whose Jinja
    expressions must sit inside string literals (`material_inline_scripts`)."""
    import material

    from generator.publish.cdn import material_inline_scripts

    templates = package_folder("material") / "templates"
    version = getattr(material, "__version__", "installed")
    base = (templates / "base.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    defined = set(re.findall(r"\{%-?\s*block\s+(\w+)", base))
    overridden = set(re.findall(r"\{%-?\s*block\s+(\w+)", ours))
    assert overridden and overridden <= defined, \
        (f"Material {version}'s base.html lacks the blocks {sorted(overridden - defined)} that "
         "overrides/main.html overrides")
    scripts = re.search(r"\{%-?\s*block scripts\s*-?%\}(.*?)\{%-?\s*endblock", base, re.S)
    assert scripts and "<script src=" in scripts[1], \
        (f"Material {version}'s `scripts` block no longer writes `<script src=`: overrides/main.html's "
         "replace() would leave its bundle loading with the page")
    assert "replace('<script src=', " in ours, "overrides/main.html no longer rewrites `<script src=`"

    javascripts = templates / "partials" / "javascripts"
    included = set(re.findall(r"""\{%-?\s*include\s+"partials/javascripts/(\w+\.html)\"""", base))
    assert "base.html" in included and included <= {p.name for p in javascripts.glob("*.html")}, \
        (f"Material {version}'s base.html includes partials/javascripts/{sorted(included)}: generator/publish/cdn.py "
         f"reads the allowed inline scripts from {javascripts}")
    assert material_inline_scripts(), f"no inline scripts in {javascripts}"
    for template in sorted(javascripts.glob("*.html")):
        for expression in re.finditer(r"\{\{.*?\}\}", template.read_text(encoding="utf-8"), re.S):
            text = template.read_text(encoding="utf-8")
            quoted = text[expression.start() - 1] == '"' and text[expression.end()] == '"'
            assert quoted, \
                (f"Material {version}'s {template.name} has {expression[0]} outside a string literal: "
                 "generator/publish/cdn.py (material_inline_scripts) matches such an expression as "
                 "quoted text only")
