"""Shared fixtures of the generator's tests: the full fixture site and the small one, each built once per run.

The generator's tests never read the shipped data/ and content/: editors change those every week.
`tests/fixtures/site` is a complete site of its own (every page type and data feature); the checks of
the shipped content live in `tests/content_checks/` and assert nothing about its words, dates or counts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator.build.engine import Engine
from generator.commands.pipeline import build_site

from .helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONTENT,
    DATA,
    ROOT,
    SHIPPED_CONTENT,
    SHIPPED_DATA,
    SMALL,
    TODAY,
    copy_fixture,
    unavailable,
)


@pytest.fixture(scope="session")
def engine(tmp_path_factory):
    """One MkDocs helper for the session's builds (`build_site(..., engine=engine)`), as `serve`
    keeps one: MkDocs and Material are imported once and Material's templates compiled once per
    test worker, not once per build. Tests of the helper itself, and of builds in fresh helpers
    (same bytes, interrupts, the command line), start their own."""
    with Engine(tmp_path_factory.mktemp("engine") / ".jinja-cache") as shared:
        yield shared


@pytest.fixture(scope="session")
def full_site(tmp_path_factory, engine) -> Path:
    """The full fixture site (tests/fixtures/site) built into a temporary folder."""
    base = tmp_path_factory.mktemp("real")
    build_site(DATA, CONTENT, base / "site", today=TODAY, work_dir=base / "work", engine=engine)
    return base / "site"


@pytest.fixture(scope="session")
def small_site(tmp_path_factory, engine) -> Path:
    """The small bilingual fixture (tests/fixtures/small) built into a temporary folder."""
    base = tmp_path_factory.mktemp("small")
    build_site(SMALL / "data", SMALL / "content", base / "site", today=TODAY, work_dir=base / "work",
               engine=engine)
    return base / "site"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the full fixture's data/ and content/, for tests that break files on purpose."""
    copy_fixture(tmp_path)
    return tmp_path / "data"


# The layers (markers, registered in pyproject.toml), assigned here and nowhere else:
#   unit    in-memory projects and the fixtures read in this process, no build (the default);
#   golden  output compared with a file under tests/ that --update-goldens rewrites;
#   e2e     builds a site, runs a command in a child process or serves over HTTP;
#   browser tests/browser/ (Chromium), content tests/content_checks/ (the shipped site).
# `make test-fast` runs unit and golden: a slow case is moved to e2e here, never deleted.
E2E_MODULES = {"test_bench_synth", "test_diff", "test_engine", "test_fuzz", "test_guide", "test_hostile",
               "test_limits", "test_safety", "test_serve", "test_workflow"}
"""Modules whose every test runs a command in a child process, builds, serves, or measures work on
large or generated input."""
E2E_FIXTURES = {"full_site", "small_site", "engine"}
"""A test that reads a built fixture site, or builds with the session's MkDocs helper, pays for a build."""
E2E_TESTS: dict[str, set[str]] = {
    "test_build": {
        "test_a_failing_build_leaves_the_previous_output_intact",
        "test_a_heading_that_makes_a_pages_own_id_fails_the_build",
        "test_a_period_added_in_yaml_appears_everywhere",
        "test_a_rebuild_with_its_work_folder_on_another_file_system_never_leaves_the_output_missing",
        "test_a_reused_engine_answers_each_build_even_after_a_post_build_failure",
        "test_statuses_follow_today",
    },
    "test_cdn": {
        "test_injected_inline_code_fails_the_build",
    },
    "test_changes": {
        "test_markup_characters_in_a_change_stay_text",
        "test_the_change_log_is_optional",
    },
    "test_check": {
        "test_a_list_where_a_value_belongs_is_an_error_not_a_crash",
        "test_a_service_that_needs_registration_but_no_period_accepts_is_a_warning",
        "test_no_upcoming_period_asks_for_one_unless_kela_has_one_to_announce",
        "test_shipped_data_passes",
        "test_warnings_do_not_fail_but_strict_does",
    },
    "test_check_links": {
        "test_check_refuses_what_the_build_refuses_at_the_editors_place",
        "test_the_build_refuses_the_same_links_at_the_same_places",
    },
    "test_content_safety": {
        "test_a_free_address_is_fine",
        "test_a_link_to_no_page_is_refused_at_its_place",
        "test_a_missing_heading_is_reported_by_the_build_at_the_link",
        "test_a_swedish_page_too",
        "test_fifo_is_refused_not_read",
        "test_legit_page_passes_check",
        "test_links_only_the_built_site_can_judge_are_shown_at_the_editors_line",
        "test_page_may_not_take_a_generated_address",
        "test_refused_in_a_page",
        "test_the_build_refuses_an_image_beside_the_page_at_its_place",
        "test_the_build_refuses_the_data_text_links_check_refuses",
        "test_the_build_refuses_what_check_refuses",
    },
    "test_dates_state": {
        "test_confirming_the_current_and_upcoming_periods_passes_strict_and_removes_the_notices",
        "test_past_periods_are_history_not_a_reason_to_fail",
        "test_strict_check_ends_with_what_blocks_publishing_and_how_to_clear_it",
        "test_strict_check_fails_on_the_fixtures_example_dates_and_says_why",
        "test_the_sitemap_dates_of_other_pages_do_not_follow_an_unannounced_period",
        "test_with_every_date_confirmed_no_page_has_a_notice",
    },
    "test_editor_commands": {
        "test_a_renamed_page_gets_the_very_redirect_line_to_add",
        "test_a_renamed_service_slug_gets_its_redirect_from",
        "test_check_github_annotations",
        "test_new_period_adds_an_unannounced_period_that_passes_check",
        "test_new_period_updates_urls_and_schemas_so_check_passes_as_it_is",
        "test_new_service_lists_its_todos_until_written",
        "test_new_service_updates_the_schemas_and_leaves_urls_to_check",
    },
    "test_links": {
        "test_renaming_a_slug_is_one_yaml_edit",
        "test_renaming_one_languages_slug_follows_the_message_exactly",
    },
    "test_loader_hardening": {
        "test_control_character_written_as_an_escape",
        "test_digits_of_other_scripts_are_refused",
        "test_fifo_data_file_is_refused_without_opening_it",
        "test_fifo_with_an_unknown_yaml_name_is_not_opened",
        "test_invisible_character_in_an_id_or_slug_is_an_error",
        "test_invisible_character_in_free_text_is_a_warning",
        "test_link_inside_the_data_folder_is_read",
        "test_link_to_a_device_outside_is_refused_unread",
        "test_raw_control_character",
        "test_search_stemmer_must_be_a_language_material_supports",
        "test_trailing_newline_is_refused",
    },
    "test_messages": {
        "test_build_speaks_the_language",
        "test_everyday_mistakes_golden",
        "test_new_commands_speak_the_language",
        "test_no_english_in_check",
    },
    "test_planner": {
        "test_python_and_node_agree_on_generated_addresses",
    },
    "test_sources": {
        "test_a_page_claims_only_the_verification_the_data_records",
        "test_kinds_of_event_described_together_share_one_heading",
        "test_link_language_in_texts",
        "test_pages_end_with_their_sources",
        "test_source_warnings_golden",
        "test_unverified_sources_are_publishing_work",
        "test_what_the_site_still_lacks_is_publishing_work_not_page_text",
    },
}
"""The tests of otherwise fast modules that build, run a child process, or take over a second
(module → test names, every parameter of a test alike)."""


def _reads_goldens(item) -> bool:
    """The test takes --update-goldens: it compares with (or rewrites) a file under tests/."""
    code = getattr(getattr(item, "function", None), "__code__", None)
    return code is not None and "--update-goldens" in code.co_consts


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(items):
    tests = Path(__file__).parent
    for item in items:
        path = Path(str(item.fspath))
        if path.parent == tests / "browser":
            item.add_marker(pytest.mark.browser)
        elif path.parent == tests / "content_checks":
            item.add_marker(pytest.mark.content)
        elif (path.stem in E2E_MODULES or E2E_FIXTURES & set(item.fixturenames)
              or item.originalname in E2E_TESTS.get(path.stem, ())):
            item.add_marker(pytest.mark.e2e)
        elif _reads_goldens(item):
            item.add_marker(pytest.mark.golden)
        else:
            item.add_marker(pytest.mark.unit)
    _slowest_layers_first(items)


LAYER_COST = ["browser", "content", "e2e", "golden", "unit"]
"""The layers from the slowest test file to the fastest (a test of the content's checks in Chromium
counts as browser)."""
LONGEST = ["tests/browser/test_pages.py", "tests/content_checks/test_in_browser.py",
           "tests/browser/test_planner.py", "tests/test_limits.py", "tests/test_content_safety.py"]
"""The files that take longest in their layer (`make test`'s timing only: they start first)."""


def _slowest_layers_first(items) -> None:
    """Files of the slow layers first, the longest of them leading, so that the two workers of
    `make test` (`--dist loadfile --no-loadscope-reorder`) end together: the last minutes go to many
    small files instead of one worker waiting for the other's long one. A file keeps its tests
    together and in their order."""
    def cost(item) -> int:
        return min(LAYER_COST.index(m.name) for m in item.iter_markers() if m.name in LAYER_COST)

    rank: dict[str, tuple[int, int]] = {}
    for item in items:
        name = item.nodeid.split("::")[0]
        lead = LONGEST.index(name) if name in LONGEST else len(LONGEST)
        rank[name] = min(rank.get(name, (len(LAYER_COST), lead)), (cost(item), lead))
    items.sort(key=lambda item: rank[item.nodeid.split("::")[0]])


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="Rewrite tests/golden/*.md from the current output instead of comparing.")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium. Missing: skip on a developer machine, fail in CI (never silently green)."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium); never run `playwright install`")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# ---------------------------------------------------------------------------
# The generator's tests never read the shipped data/ and content/
# ---------------------------------------------------------------------------

SHIPPED = (str(SHIPPED_DATA), str(SHIPPED_CONTENT))
CONTENT_CHECKS = ROOT / "tests" / "content_checks"
_reading_guard: dict = {"on": False, "seen": []}


def _shipped_reads(event: str, args: tuple) -> None:
    """An audit hook (PEP 578): notes every file or folder of data/ or content/ the running
    generator test opens or lists in this process (subprocesses are the editorial-cycle test's
    business, and the content's checks read the shipped files on purpose)."""
    if not _reading_guard["on"] or event not in ("open", "os.listdir", "os.scandir"):
        return
    target = args[0] if args else None
    if isinstance(target, int) or target is None:
        return
    if event == "open" and args[1] is None and not os.path.isabs(os.fsdecode(target)):
        return  # os.open, whose relative name may be relative to a dir_fd (shutil.rmtree), not the cwd
    try:
        path = os.path.abspath(os.fsdecode(target))
    except (TypeError, ValueError):
        return
    if any(path == top or path.startswith(top + os.sep) for top in SHIPPED):
        _reading_guard["seen"].append(path)


sys.addaudithook(_shipped_reads)  # once, when the test session loads this file


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """The same for what a generator test's fixtures read (a session's site build among them)."""
    yield from _guarded(item)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """A generator test that reads data/ or content/ fails, naming the first file it read."""
    yield from _guarded(item)


def _guarded(item):
    generator_test = CONTENT_CHECKS not in Path(str(item.fspath)).parents
    _reading_guard.update(on=generator_test, seen=[])
    outcome = yield
    _reading_guard["on"] = False
    if generator_test and _reading_guard["seen"] and outcome.excinfo is None:
        first = _reading_guard["seen"][0]
        outcome.force_exception(AssertionError(
            f"a generator test read the shipped {os.path.relpath(first, ROOT)}: use the fixtures "
            "(tests/fixtures/site, tests/fixtures/small); only tests/content_checks read data/ and content/"))
