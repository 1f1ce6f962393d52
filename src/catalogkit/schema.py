"""The published JSON Schema of catalog files, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from .model import Document

SCHEMA_ID = "https://catalogkit.example.org/schemas/catalog-v1.schema.json"
SCHEMA_FILE = "schemas/catalog-v1.schema.json"


def catalog_schema() -> dict[str, Any]:
    body = TypeAdapter(Document).json_schema(by_alias=True, ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "catalogkit catalog document v1 / catalogkit 目录文档 v1",
        "description": (
            "一个目录文件：设置、区划（含场所、部门、认领）、事项或工作日历 / "
            "One catalog file: settings, a locality (with venues, departments, claims), "
            "matters, or a working-day calendar."
        ),
        **body,
    }


def catalog_schema_text() -> str:
    return json.dumps(catalog_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
