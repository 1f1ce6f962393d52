"""The cases the server tests send, built from the demo's own example case
(catalogs/tests/example-case.yaml) so that they follow it when it changes."""

from __future__ import annotations

import json
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import DEMO

CATALOG_TESTS = DEMO / "tests"


def as_json(data: Any) -> Any:
    """YAML's dates as the ISO text a client sends."""
    return json.loads(json.dumps(data, default=lambda d: d.isoformat()))


def example_case() -> dict[str, Any]:
    """石门坎村's application for 低保 as a client sends it: two materials short."""
    document = YAML(typ="safe").load((CATALOG_TESTS / "example-case.yaml").read_text("utf-8"))
    assert (document.pop("apiVersion"), document.pop("kind")) == ("catalogkit/v1", "Case")
    found: dict[str, Any] = as_json(document)
    return found


def complete_case() -> dict[str, Any]:
    """The same application with every fact and material: accepted, due in 2026."""
    case = example_case()
    case["facts"] = {**case["facts"], "has_disabled_member": False}
    case["materials"] = [
        "最低生活保障申请书",
        "家庭成员居民身份证",
        "家庭经济状况核对授权书",
        "家庭收入和财产状况申报表",
    ]
    return case
