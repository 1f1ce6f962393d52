"""Exports: CPSV-AP JSON-LD has the shapes CPSV-AP requires; the JSON bundle is whole."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from catalogkit import Bundle, load_catalog
from catalogkit.export import iso_duration, to_cpsv, to_json
from catalogkit.model import TimeLimit
from tests.conftest import DATA, DEMO


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_catalog(DEMO, cache=False)


def test_cpsv_ap_export_has_the_required_shapes(bundle: Bundle) -> None:
    schema = json.loads((DATA / "export" / "cpsv-ap-shape.schema.json").read_text("utf-8"))
    body = json.loads(json.dumps(to_cpsv(bundle), ensure_ascii=False))
    errors = sorted(Draft202012Validator(schema).iter_errors(body), key=str)
    assert not errors, errors[0].message
    assert len(body["@graph"]) == len(bundle.matters)
    dibao = next(s for s in body["@graph"] if s["dct:title"]["@value"] == "最低生活保障对象认定")
    assert dibao["catalogkit:workingDays"] == 20 and "cv:processingTime" not in dibao
    assert [e["catalogkit:originals"] for e in dibao["cpsv:hasInput"]][:2] == [1, 1]


@pytest.mark.parametrize(
    ("limit", "duration"),
    [
        ({"value": 15, "unit": "自然日"}, "P15D"),
        ({"value": 0, "unit": "即时"}, "PT0S"),
        ({"value": 20, "unit": "工作日"}, None),
    ],
)
def test_iso_durations(limit: dict[str, object], duration: str | None) -> None:
    assert iso_duration(TimeLimit.model_validate(limit)) == duration


def test_json_export_is_the_resolved_bundle(bundle: Bundle) -> None:
    body = to_json(bundle)
    assert set(body["matters"]) == set(bundle.matters)
    assert body["localities"]["339901101202-5"]["parent"] == "339901101202"
    claim = body["claims"]["339901101"]["MH-MZ-0001"]
    assert claim["role"] == "accept" and claim["promisedLimit"]["value"] == 20
    json.dumps(body, ensure_ascii=False)  # serialisable as it is
