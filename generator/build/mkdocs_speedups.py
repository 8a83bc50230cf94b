"""The only place that reaches into MkDocs' and Jinja's internals, and why each reach pays.

Everything here runs once, in the MkDocs helper process (`engine.py`), before it forks one
child per language. None of it changes what MkDocs writes: `tests/test_engine.py` builds the
same sources through the helper and with plain `mkdocs build --strict` and requires
byte-identical output. Each speedup stays only while its measured gain is at least 0.1 s of
CPU per build: a private patch has to pay for the upgrade it may break. `bench/speedups.py`
measures them (the helper's CPU time over repeated builds of the real sources, with one
speedup switched off at a time); on 2 cores, 10 builds each, both languages:

| speedup | CPU per build without it → with all | gain |
| --- | --- | --- |
| `theme_listing` | 0.64 s → 0.52 s | 0.12 s (19 %) |
| `template_cache` | 0.90 s → 0.52 s | 0.38 s (42 %) |

`KG_SPEEDUPS` (a comma-separated list of names, `none`, or unset for all) exists for that
measurement; builds never set it.
"""

from __future__ import annotations

import os
from collections.abc import Callable


def theme_listing() -> None:
    """List the installed theme folders once, not once per language and build.

    MkDocs finds a theme's static files with `env.list_templates()`, which walks every theme
    folder: Material's holds 14,000 icon files under `.icons/`, and the walk plus MkDocs'
    filter costs every language's build. The installed packages do not change while the
    helper runs, so their listing is made once, without the dot-folders that MkDocs' filter
    always drops (its first patterns are `.*` and `*/.*`; `add_files_from_theme` is the only
    caller). Our own `overrides/` folder is still walked on every build.
    """
    import jinja2.loaders
    import material
    import mkdocs

    installed = tuple(os.path.dirname(str(package.__file__)) for package in (material, mkdocs))
    original = jinja2.loaders.FileSystemLoader.list_templates
    listings: dict[str, list[str]] = {}

    def list_templates(self: jinja2.loaders.FileSystemLoader) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            if not os.path.abspath(searchpath).startswith(installed):
                found.update(original(jinja2.loaders.FileSystemLoader(searchpath)))
                continue
            if searchpath not in listings:
                names = original(jinja2.loaders.FileSystemLoader(searchpath))
                listings[searchpath] = [n for n in names if not n.startswith(".") and "/." not in n]
            found.update(listings[searchpath])
        return sorted(found)

    jinja2.loaders.FileSystemLoader.list_templates = list_templates  # type: ignore[method-assign]
    list_templates(jinja2.loaders.FileSystemLoader(
        [os.path.join(installed[0], "templates"), os.path.join(installed[1], "templates")]))


def template_cache(cache_dir: str) -> None:
    """Keep Material's compiled templates on disk, shared by every child and every build.

    MkDocs builds a fresh Jinja environment per build, so each language's build would compile
    Material's templates again. Jinja checks each template's source checksum against the
    cache, so an edited override recompiles.
    """
    import jinja2
    import mkdocs.theme

    cache = jinja2.FileSystemBytecodeCache(cache_dir)
    original = mkdocs.theme.Theme.get_env

    def get_env(self: mkdocs.theme.Theme) -> jinja2.Environment:
        env = original(self)
        env.bytecode_cache = cache
        return env

    mkdocs.theme.Theme.get_env = get_env  # type: ignore[method-assign]


SPEEDUPS: dict[str, Callable[[str], None]] = {
    "theme_listing": lambda cache_dir: theme_listing(),
    "template_cache": template_cache,
}


def install(cache_dir: str) -> list[str]:
    """Install the speedups `KG_SPEEDUPS` selects (all by default); return their names."""
    chosen = os.environ.get("KG_SPEEDUPS", "all")
    names = list(SPEEDUPS) if chosen == "all" else [n for n in chosen.split(",") if n in SPEEDUPS]
    for name in names:
        SPEEDUPS[name](cache_dir)
    return names
