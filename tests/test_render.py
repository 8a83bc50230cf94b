"""Golden-file tests of the rendered Markdown, in both languages.

The small fixture (tests/fixtures/small) is rendered for a fixed date and each
page type compared with tests/golden/<page>.<lang>.md. After an intended
change, run `pytest tests/test_render.py --update-goldens` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import TEMPLATE_DIR
from generator.check.validate import load_project
from generator.model.plan import SitePlan
from generator.render.pages import render

from .helpers import FIXTURE, SMALL, TODAY

GOLDEN = Path(__file__).parent / "golden"
PAGES = {
    "service": "service:patient-data-repository",
    "functionality-requiring-service": "service:imaging-data-repository",
    "period": "period:1/2027",
    "period-unannounced": "period:3/2027",
    "schedule": "schedule",
    "home": "home",
    "registration": "registration",
    "changes": "changes",
    "process": "process",
    "requirements": "requirements",
    "customer": "customer",
    "services": "services",
    "accessibility": "accessibility",
    "content": "content:about",
    "planner": "planner",
}


@pytest.fixture(scope="module")
def rendered():
    project, _ = load_project(SMALL / "data", SMALL / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    return site, render(site)


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_rendered_markdown_matches_golden(rendered, name, lang, request):
    site, files = rendered
    page = site.by_key[PAGES[name]]
    text = files[f"{lang}/docs/{page.paths[lang]}"]
    golden = GOLDEN / f"{name}.{lang}.md"
    if request.config.getoption("--update-goldens"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --update-goldens"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_mkdocs_config_matches_golden(rendered, lang, request):
    """Each language's mkdocs.yml: theme, language, search, navigation, extensions."""
    _, files = rendered
    # The config names the checkout's own mkdocs.yml and overrides/ by absolute path.
    text = files[f"{lang}/mkdocs.yml"].replace(str(TEMPLATE_DIR.parent.parent), "<repo>")
    golden = GOLDEN / f"mkdocs.{lang}.yml"
    if request.config.getoption("--update-goldens"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --update-goldens"
    assert text == golden.read_text(encoding="utf-8")


def test_every_page_has_every_language(rendered):
    site, files = rendered
    for page in site.pages:
        for lang in ("fi", "sv"):
            assert f"{lang}/docs/{page.paths[lang]}" in files


def test_slugs_are_in_each_pages_own_language(rendered):
    site, _ = rendered
    assert site.url("service:patient-data-repository", "fi") == "/fi/palvelut/potilastietovaranto/"
    assert site.url("service:patient-data-repository", "sv") == "/sv/tjanster/patientdatalagret/"
    assert site.url("period:1/2027", "sv") == "/sv/tidtabell/1-2027/"


def test_a_fact_changed_in_yaml_changes_every_page_that_shows_it(tmp_path):
    """The durations live once in process.yaml; process and service pages reuse them."""
    import shutil
    shutil.copytree(SMALL, tmp_path / "small")
    process = tmp_path / "small" / "data" / "process.yaml"
    process.write_text(process.read_text().replace("duration_certified:\n  min: 3\n  max: 6",
                                                    "duration_certified:\n  min: 4\n  max: 7"))
    project, _ = load_project(tmp_path / "small" / "data", today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    files = render(site)
    for key in ("process", "service:patient-data-repository"):
        assert "noin 4–7 kuukautta" in files[f"fi/docs/{site.by_key[key].paths['fi']}"]
        assert "cirka 4–7 månader" in files[f"sv/docs/{site.by_key[key].paths['sv']}"]


def test_texts_in_raw_html_are_escaped(tmp_path):
    """Quotes and ampersands are punctuation in a text (`check` accepts them); where a template
    writes the text into raw HTML they are escaped, so they never end an attribute or start an
    entity."""
    import shutil

    import yaml
    shutil.copytree(SMALL, tmp_path / "small")
    strings = tmp_path / "small" / "data" / "strings.yaml"
    data = yaml.load(strings.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    odd = 'Kyllä & "ok" <3'
    for key in ("planner-certified-yes", "example-note-title", "planner-result"):
        data["strings"][key]["fi"] = odd
    strings.write_text(yaml.dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    project, _ = load_project(tmp_path / "small" / "data", today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    files = render(site)
    planner = files[f"fi/docs/{site.by_key['planner'].paths['fi']}"]
    escaped = "Kyllä &amp; &#34;ok&#34; &lt;3"
    assert f'<label for="certified-yes">{escaped}</label>' in planner
    assert f'<h2 id="plan-result-title">{escaped}</h2>' in planner
    assert odd not in planner
    period = files[f"fi/docs/{site.by_key['period:1/2027'].paths['fi']}"]
    assert f'<p class="admonition-title" id="kg-example-note">{escaped}</p>' in period


@pytest.mark.parametrize("fixture", ["site", "small"])
def test_the_page_plan_names_every_file_publish_makes_from_the_data(fixture):
    """`check` and urls.txt trust SitePlan.data_files without making the files: publish makes
    exactly those, and refuses to go on when the two differ."""
    from generator.model.errors import BuildError
    from generator.publish import site_files

    root = FIXTURE if fixture == "site" else SMALL
    project, _ = load_project(root / "data", root / "content", today=TODAY, template_dir=TEMPLATE_DIR)
    site = SitePlan(project, TODAY)
    made = site_files.data_files(site)
    assert sorted(made) == site.data_files()
    assert any(name.endswith(".ics") for name in made) and "api/planner.json" in made

    planned = site.data_files
    site.data_files = lambda: [*planned(), "fi/kalenteri/lost.ics"]  # type: ignore[method-assign]
    with pytest.raises(BuildError, match="lost.ics"):
        site_files.data_files(site)
