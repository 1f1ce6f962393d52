"""The published JSON Schema of catalog files, generated from the models."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from .model import CaseDocument, DecisionTestsDocument, Document

SCHEMA_ID = "https://catalogkit.example.org/schemas/catalog-v1.schema.json"
SCHEMA_FILE = "schemas/catalog-v1.schema.json"
CASE_SCHEMA_ID = "https://catalogkit.example.org/schemas/case-v1.schema.json"
CASE_SCHEMA_FILE = "schemas/case-v1.schema.json"


def close_pattern_maps(node: Any) -> None:
    """Maps keyed by a pattern (fact names in `when:` and `form:`) accept no other key,
    as the loader does."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            close_pattern_maps(value)
    elif isinstance(node, list):
        for value in node:
            close_pattern_maps(value)


def catalog_schema() -> dict[str, Any]:
    body = TypeAdapter(Document).json_schema(by_alias=True, ref_template="#/$defs/{model}")
    close_pattern_maps(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "catalogkit catalog document v1 / catalogkit 目录文档 v1",
        "description": (
            "一个目录文件：设置、区划（含场所、部门、认领）、事项、工作日历或群众用语词库 / "
            "One catalog file: settings, a locality (with venues, departments, claims), "
            "matters, a working-day calendar, or a lexicon of everyday terms."
        ),
        **body,
    }


def case_schema() -> dict[str, Any]:
    """Cases (`catalogkit decide`) and decision tests (`catalogkit test`)."""
    documents = Annotated[CaseDocument | DecisionTestsDocument, Field(discriminator="kind")]
    body = TypeAdapter(documents).json_schema(by_alias=True, ref_template="#/$defs/{model}")
    close_pattern_maps(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CASE_SCHEMA_ID,
        "title": "catalogkit case or decision tests v1 / catalogkit 申请与决策用例 v1",
        "description": "一份申请，或一组决策用例 / One case, or a set of decision tests.",
        **body,
    }


def catalog_schema_text() -> str:
    return json.dumps(catalog_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def case_schema_text() -> str:
    return json.dumps(case_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
