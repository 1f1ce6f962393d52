"""Routes on the demo county, pinned by tests/data/route/demo.yaml."""

from __future__ import annotations

from typing import Any

import pytest
from ruamel.yaml import YAML

from catalogkit import Bundle, UsageError, load_catalog
from catalogkit.engine import route
from tests.conftest import DATA, DEMO

CASES: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(
    (DATA / "route" / "demo.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_catalog(DEMO, cache=False)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['matter']}@{c['locality']}")
def test_route(bundle: Bundle, case: dict[str, Any]) -> None:
    found = route(bundle, case["matter"], str(case["locality"]))
    assert found.handling_kind == case["kind"]
    assert [[h.role, h.venue, h.locality] for h in found.hops] == case["hops"]
    assert found.decided_at.role == "decide"
    assert (
        found.accepted_at
        is found.hops[next(i for i, h in enumerate(found.hops) if h.role != "proxy")]
    )


def test_unknown_codes_are_usage_errors(bundle: Bundle) -> None:
    with pytest.raises(UsageError, match="unknown matter"):
        route(bundle, "NO-SUCH", "339901101202")
    with pytest.raises(UsageError, match="unknown locality"):
        route(bundle, "MH-MZ-0001", "999999")
