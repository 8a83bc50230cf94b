"""JSON Schemas of the data files, generated from the models and the current data, for editors' IDEs.

Each data file's first line points at its schema
(`# yaml-language-server: $schema=../schemas/<kind>.schema.json`), and `.vscode/settings.json` maps
the files to them too, so VS Code with the YAML extension underlines a mistake while the editor
types. On top of what the models say, the schemas carry what an IDE can check from the data as it
is now (`make schemas` regenerates them; `check` says when they are stale):

* every text, slug and address requires each language of data/site.yaml (`fi` and `sv`);
* a reference to an id (`accepts:`, `extends:`, `requires:`, `sectors:`, `who:`, …) lists the ids
  that exist, so the IDE offers them and underlines a typo;
* dates and times have a pattern and a Finnish explanation of the form;
* every field's description is in Finnish (generator/check/json_schemas_fi.py); the English reference of the
  fields stays in the models and the README.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator import PACKAGE_DIR
from generator.check.json_schemas_fi import DATE_FI, FIELDS_FI, TIME_FI, TYPES_FI, describe_fi
from generator.model.schema import DATA_FILES, STRING_PATTERNS, STRING_TYPES, StringsFile

DEFAULT_DATA = PACKAGE_DIR.resolve().parent / "data"

_LOCALIZED = ("Text", "Prose", "Slugs", "LocalUrl")
# (definition or file, field) → which ids the field names.
_REFERENCES = {
    ("Period", "accepts"): "services", ("UnannouncedPeriod", "accepts"): "services",
    ("Event", "services"): "services",
    ("Service", "requires_services"): "services", ("Service", "extends"): "services",
    ("Service", "requires"): "requirements", ("Service", "sectors"): "sectors",
    ("Trigger", "sectors"): "sectors", ("ProcessFile", "vendor_exception_sectors"): "sectors",
    ("Service", "contact"): "contacts", ("Requirement", "who"): "roles", ("Step", "who"): "roles",
    ("Change", "services"): "services", ("Change", "periods"): "periods",
}
_DATE_RE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def current_ids(data_dir: Path = DEFAULT_DATA) -> dict[str, list[str]]:
    """The ids the data has now, read leniently (a broken file gives no ids, not an error)."""
    from generator.load.yaml_file import load_file
    from generator.model.errors import DataError

    def read(name: str) -> dict:
        try:
            data = load_file(Path(data_dir) / name, name).data
        except (DataError, OSError):
            return {}
        return data if isinstance(data, dict) else {}

    def ids(items, key: str = "id") -> list[str]:
        return sorted({str(item[key]) for item in items or [] if isinstance(item, dict) and key in item})

    site = read("site.yaml")
    return {
        "services": ids(read("services.yaml").get("services")),
        "requirements": ids(read("requirements.yaml").get("requirements")),
        "periods": ids(read("periods.yaml").get("periods")),
        "sectors": ids(site.get("sectors")), "contacts": ids(site.get("contacts")),
        "roles": ids(site.get("roles")), "languages": ids(site.get("languages"), "code") or ["fi", "sv"],
    }


def schema_for(name: str, ids: dict[str, list[str]] | None = None) -> dict:
    ids = current_ids() if ids is None else ids
    model = DATA_FILES[name]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name.removesuffix('.yaml')}.schema.json"
    schema["title"] = f"data/{name}"
    definitions = [*schema.get("$defs", {}).items(), (model.__name__, schema)]
    for owner, definition in definitions:
        if owner in _LOCALIZED:
            # Both languages (every language of site.yaml) in every text, and no other key.
            definition["required"] = list(ids["languages"])
            definition["propertyNames"] = {"enum": list(ids["languages"])}
            text = definition.get("additionalProperties")
            if isinstance(text, dict) and text.get("type") == "string" and "pattern" not in text:
                text["pattern"] = r"\S"  # an empty `sv:` is a missing text, not a text
                text["errorMessage"] = "Kirjoita teksti tälle kielelle: tyhjä teksti ei kelpaa."
        for field, prop in definition.get("properties", {}).items():
            kind = _REFERENCES.get((owner, field))
            if kind and ids.get(kind):
                _enumerate(prop, ids[kind])
            _date_or_time(prop)
            prop["description"] = describe_fi(owner, field, prop.get("description", ""))
        if owner in FIELDS_FI:
            definition["description"] = FIELDS_FI[owner]
    if model is StringsFile:  # the typed texts (schema.STRING_TYPES): a Text, and of their type
        schema["properties"]["strings"]["properties"] = {
            key: {"allOf": [{"$ref": "#/$defs/Text"},
                            {"additionalProperties": {"type": "string", "pattern": STRING_PATTERNS[check]}}]}
            for key, check in STRING_TYPES.items()}
    _types_in_finnish(schema)
    return schema


def _types_in_finnish(node) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("description"), str) and node["description"] in TYPES_FI:
            node["description"] = TYPES_FI[node["description"]]
        for value in node.values():
            _types_in_finnish(value)
    elif isinstance(node, list):
        for value in node:
            _types_in_finnish(value)


def _enumerate(prop: dict, values: list[str]) -> None:
    """The string (or each item, or the non-null branch) may only be one of `values`."""
    if prop.get("type") == "array":
        prop["items"]["enum"] = values
    elif "anyOf" in prop:
        for branch in prop["anyOf"]:
            if branch.get("type") == "string":
                branch["enum"] = values
    else:
        prop["enum"] = values


def _date_or_time(prop: dict) -> None:
    """Dates and times: a pattern an IDE checks, and the form in words (Finnish)."""
    for target in [prop, prop.get("items", {}), *prop.get("anyOf", [])]:
        if target.get("format") == "date":
            target["pattern"] = _DATE_RE
            target["description"] = DATE_FI
            target["errorMessage"] = DATE_FI  # shown by VS Code's YAML extension instead of the regex
        elif target.get("pattern") == "^([0-9]{1,2}):([0-9]{2})$":
            target["description"] = TIME_FI
            target["errorMessage"] = TIME_FI


def render_schemas(data_dir: Path = DEFAULT_DATA) -> dict[str, str]:
    ids = current_ids(data_dir)
    return {f"{name.removesuffix('.yaml')}.schema.json":
            json.dumps(schema_for(name, ids), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
            for name in DATA_FILES}


def write_schemas(out_dir: Path, *, check_only: bool = False, data_dir: Path = DEFAULT_DATA) -> list[str]:
    """Write (or with check_only, compare) the schemas. Returns the names that differ."""
    stale = []
    for name, text in render_schemas(data_dir).items():
        path = Path(out_dir) / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale


def is_schema_file(path: Path) -> bool:
    """A `<kind>.schema.json` this command wrote: a regular file whose JSON title names its data
    file (`data/<kind>.yaml`). Anything else in the schemas' folder is not the command's to touch."""
    name = path.name
    if not name.endswith(".schema.json") or path.is_symlink() or not path.is_file() \
            or path.stat().st_size > 4_000_000:
        return False
    try:
        schema = json.loads(path.read_bytes())
    except ValueError:
        return False
    return isinstance(schema, dict) and schema.get("title") == f"data/{name.removesuffix('.schema.json')}.yaml"


def data_reference() -> str:
    """The data-format reference for editors (docs/tietomuoto.md), from the same models."""
    from pydantic import BaseModel

    lines = ["# Tietomuoto", "",
             "Generoitu malleista (`generator/model/schema.py`, kuvaukset `generator/check/json_schemas_fi.py`) "
             "komennolla `make schemas`; älä muokkaa käsin. Samat kuvaukset näkyvät editorissa "
             "(VS Code ja YAML-laajennus), kun osoitin on kentän päällä.", ""]
    seen: set[type] = set()

    def walk(model: type[BaseModel], title: str) -> None:
        if model in seen:
            return
        seen.add(model)
        doc = [FIELDS_FI[model.__name__]] if model.__name__ in FIELDS_FI else []
        lines.extend([f"## {title}", ""] + ([doc[0], ""] if doc else []) +
                     ["| avain | pakollinen | kuvaus |", "| --- | --- | --- |"])
        nested = []
        for name, info in model.model_fields.items():
            required = "kyllä" if info.is_required() else "ei"
            text = describe_fi(model.__name__, name, info.description or "").replace("|", "\\|")
            lines.append(f"| `{name}` | {required} | {text} |")
            for inner in _models_in(info.annotation):
                nested.append(inner)
        lines.append("")
        for inner in nested:
            walk(inner, inner.__name__)

    for name, model in DATA_FILES.items():
        walk(model, f"data/{name}")
    from generator.model.schema import PageMeta
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


# Where each kind of id is listed in the committed schemas (file, definition, field).
_ID_PLACES = {
    "services": ("periods.schema.json", "Period", "accepts"),
    "requirements": ("services.schema.json", "Service", "requires"),
    "sectors": ("services.schema.json", "Service", "sectors"),
    "contacts": ("services.schema.json", "Service", "contact"),
    "roles": ("requirements.schema.json", "Requirement", "who"),
    "periods": ("changes.schema.json", "Change", "periods"),
}


def stale_ids(ids: dict[str, list[str]], schemas_dir: Path) -> list[str]:
    """The kinds of id whose list in the committed schemas differs from the data's (a new service,
    period, …): cheap enough for every `check`, which then asks for `make schemas`."""
    stale = []
    cache: dict[str, dict] = {}
    for kind, (file, owner, field) in _ID_PLACES.items():
        path = Path(schemas_dir) / file
        if not path.is_file():
            return []  # no schemas next to this data (a test fixture): nothing to keep in step
        if file not in cache:
            cache[file] = json.loads(path.read_text(encoding="utf-8"))
        prop = cache[file].get("$defs", {}).get(owner, {}).get("properties", {}).get(field, {})
        listed = prop.get("enum") or prop.get("items", {}).get("enum") or \
            next((b.get("enum") for b in prop.get("anyOf", []) if b.get("enum")), None) or []
        if sorted(listed) != sorted(ids.get(kind, [])):
            stale.append(kind)
    return stale
