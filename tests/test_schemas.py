"""The editors' IDE: schemas that underline what `check` refuses, mapped to every data file.

An IDE reads YAML 1.2 (VS Code's YAML extension): `true` is a boolean, `2026-01-12` and `10:30` are
text. The strict loader keeps every value a string, so the values are typed here the way YAML 1.2's
core schema types them before a standard validator (jsonschema, Draft 2020-12) judges them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from generator.check.json_schemas import current_ids, render_schemas
from generator.check.json_schemas_fi import FIELDS_FI
from generator.load.yaml_file import load_file
from generator.model import schema as models

from .bad_inputs import FIXTURES, Fixture
from .helpers import DATA

_INT = re.compile(r"^[-+]?[0-9]+$")


SCHEMAS = render_schemas(DATA)
"""The JSON Schemas for the full fixture's ids, as `make schemas` would write them."""


def yaml12(value):
    """A strict-loader value typed as YAML 1.2's core schema types plain scalars."""
    if isinstance(value, dict):
        return {k: yaml12(v) for k, v in value.items()}
    if isinstance(value, list):
        return [yaml12(v) for v in value]
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if value in ("null", "Null", "NULL", "~"):
        return None
    if _INT.match(value):
        return int(value)
    return value


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMAS[f"{Path(name).stem}.schema.json"])
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", list(models.DATA_FILES))
def test_the_fixture_passes_its_schema(name):
    data = yaml12(load_file(DATA / name, name).data)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]
    assert not errors, errors


SCHEMA_FIXTURES = [f for f in FIXTURES if f.schema]


@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=[f.name for f in SCHEMA_FIXTURES])
def test_the_schema_flags_every_mistake_it_can_express(fixture: Fixture, tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    fixture.apply(tmp_path / "data")
    data = yaml12(load_file(tmp_path / "data" / fixture.file, fixture.file).data)
    assert list(validator(fixture.file).iter_errors(data)), f"the schema accepts: {fixture.name}"


def test_enough_fixtures_are_checked_against_the_schemas():
    """Most mistakes editors make are the schema's to underline (the rest are YAML or cross-record)."""
    assert len(SCHEMA_FIXTURES) >= 20, len(SCHEMA_FIXTURES)


def test_an_unannounced_period_has_no_dates_in_the_schema_either():
    data = yaml12(load_file(DATA / "periods.yaml", "periods.yaml").data)
    unannounced = [p for p in data["periods"] if p["dates"] == "unannounced"]
    assert unannounced and not list(validator("periods.yaml").iter_errors(data))
    unannounced[0]["start"] = "2028-05-02"
    assert list(validator("periods.yaml").iter_errors(data))


def test_texts_require_every_language_and_ids_are_listed():
    periods = json.loads(SCHEMAS["periods.schema.json"])
    assert periods["$defs"]["Text"]["required"] == ["fi", "sv"]
    ids = current_ids(DATA)
    assert periods["$defs"]["Period"]["properties"]["accepts"]["items"]["enum"] == ids["services"]
    services = json.loads(SCHEMAS["services.schema.json"])
    extends = services["$defs"]["Service"]["properties"]["extends"]["anyOf"][0]
    assert extends["enum"] == ids["services"]
    assert services["$defs"]["Service"]["properties"]["requires"]["items"]["enum"] == ids["requirements"]
    date = services["$defs"]["Service"]["properties"]["last_reviewed"]
    assert date["pattern"] and "VVVV-KK-PP" in date["errorMessage"]


def test_every_field_has_a_finnish_description():
    from pydantic import BaseModel, RootModel

    missing, seen = [], set()

    def walk(model):
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            if f"{model.__name__}.{name}" not in FIELDS_FI:
                missing.append(f"{model.__name__}.{name}")
            stack = [info.annotation]
            while stack:
                a = stack.pop()
                if isinstance(a, type) and issubclass(a, BaseModel) and not issubclass(a, RootModel):
                    walk(a)
                stack += list(getattr(a, "__args__", ()))

    for model in [*models.DATA_FILES.values(), models.PageMeta]:
        walk(model)
    assert not missing, "add to generator/check/json_schemas_fi.py: " + ", ".join(missing)
