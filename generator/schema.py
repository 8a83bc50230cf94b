"""JSON Schemas of the data files, generated from the models, for editors' IDEs.

Each data file's first line points at its schema
(`# yaml-language-server: $schema=../schemas/<kind>.schema.json`), so VS Code
with the YAML extension underlines a mistake while the editor types.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import DATA_FILES


def schema_for(name: str) -> dict:
    model = DATA_FILES[name]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name.removesuffix('.yaml')}.schema.json"
    schema["title"] = f"data/{name}"
    return schema


def render_schemas() -> dict[str, str]:
    return {f"{name.removesuffix('.yaml')}.schema.json":
            json.dumps(schema_for(name), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
            for name in DATA_FILES}


def write_schemas(out_dir: Path, *, check_only: bool = False) -> list[str]:
    """Write (or with check_only, compare) the schemas. Returns the names that differ."""
    stale = []
    for name, text in render_schemas().items():
        path = Path(out_dir) / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale


def data_reference() -> str:
    """The data-format reference for editors (docs/tietomuoto.md), from the same models."""
    from pydantic import BaseModel

    lines = ["# Tietomuoto (data format reference)", "",
             "Generoitu malleista (`generator/models.py`) komennolla `python -m generator schemas`; "
             "älä muokkaa käsin. Kenttien kuvaukset ovat englanniksi, kuten editorin vihjeissä.", ""]
    seen: set[type] = set()

    def walk(model: type[BaseModel], title: str) -> None:
        if model in seen:
            return
        seen.add(model)
        doc = (model.__doc__ or "").strip().splitlines()
        lines.extend([f"## {title}", ""] + ([doc[0], ""] if doc else []) +
                     ["| key | required | description |", "| --- | --- | --- |"])
        nested = []
        for name, info in model.model_fields.items():
            required = "yes" if info.is_required() else "no"
            lines.append(f"| `{name}` | {required} | {info.description or ''} |")
            for inner in _models_in(info.annotation):
                nested.append(inner)
        lines.append("")
        for inner in nested:
            walk(inner, inner.__name__)

    for name, model in DATA_FILES.items():
        walk(model, f"data/{name}")
    from .models import PageMeta
    walk(PageMeta, "content/<lang>/*.md (front matter)")
    return "\n".join(lines) + "\n"


def _models_in(annotation) -> list:
    from pydantic import BaseModel, RootModel

    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and \
            not issubclass(annotation, RootModel):
        found.append(annotation)
    for arg in getattr(annotation, "__args__", ()):
        found += _models_in(arg)
    return found


REFERENCE_PATH = "docs/tietomuoto.md"
