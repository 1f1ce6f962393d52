"""The published JSON Schema: up to date, and it accepts every demo catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from catalogkit.schema import (
    CASE_SCHEMA_FILE,
    SCHEMA_FILE,
    case_schema,
    case_schema_text,
    catalog_schema,
    catalog_schema_text,
)
from tests.conftest import DEMO, ROOT, yaml_files


def test_committed_schema_is_not_stale() -> None:
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == catalog_schema_text(), "run: catalogkit schema -o " + SCHEMA_FILE


def test_committed_case_schema_is_not_stale() -> None:
    committed = (ROOT / CASE_SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == case_schema_text(), "run: catalogkit schema --cases -o " + CASE_SCHEMA_FILE


@pytest.mark.parametrize("path", sorted((DEMO / "tests").glob("*.yaml")), ids=lambda p: p.name)
def test_demo_cases_are_valid_against_the_case_schema(path: Path) -> None:
    validator = Draft202012Validator(case_schema())
    data = json.loads(json.dumps(_load(path), default=str))
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, f"{path}: {errors[0].message}"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert (path.parent / first.split("=", 1)[1]).resolve() == (ROOT / CASE_SCHEMA_FILE).resolve()


def test_schema_is_a_valid_draft_2020_12_schema_with_bilingual_descriptions() -> None:
    schema = catalog_schema()
    Draft202012Validator.check_schema(schema)
    matter = schema["$defs"]["Matter"]["properties"]
    assert " / " in matter["promisedLimit"]["description"]
    assert schema["$id"].endswith("catalog-v1.schema.json")


def _load(path: Path) -> object:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", yaml_files(DEMO), ids=lambda p: p.relative_to(DEMO).as_posix())
def test_every_demo_file_is_valid_against_the_schema(path: Path) -> None:
    validator = Draft202012Validator(catalog_schema())
    errors = sorted(
        validator.iter_errors(json.loads(json.dumps(_load(path), default=str))), key=str
    )
    assert not errors, f"{path}: {errors[0].message}"


@pytest.mark.parametrize("path", yaml_files(DEMO), ids=lambda p: p.relative_to(DEMO).as_posix())
def test_every_demo_file_names_the_schema_for_editors(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("=", 1)[1]).resolve()
    assert target == (ROOT / SCHEMA_FILE).resolve()
