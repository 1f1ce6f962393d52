"""`when:` conditions over a case's facts, evaluated with cerberus validators that are
compiled once per distinct condition."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from cerberus import Validator

from ..model.condition import FactRule, to_cerberus


@lru_cache(maxsize=8192)
def _validator(canonical: str) -> Validator:
    return Validator(json.loads(canonical), allow_unknown=True)


_BY_ID: dict[int, tuple[Mapping[str, FactRule], Validator, frozenset[str]]] = {}


def compiled(condition: Mapping[str, FactRule]) -> tuple[Validator, frozenset[str]]:
    """The validator of a condition; conditions live in immutable bundles, so one is
    looked up by identity (kept alive by the entry) before it is compiled by content."""
    known = _BY_ID.get(id(condition))
    if known is not None and known[0] is condition:
        return known[1], known[2]
    schema = to_cerberus(dict(condition))
    canonical = json.dumps(schema, sort_keys=True, ensure_ascii=False, default=str)
    entry = (condition, _validator(canonical), frozenset(condition))
    if len(_BY_ID) > 65536:
        _BY_ID.clear()
    _BY_ID[id(condition)] = entry
    return entry[1], entry[2]


def holds(condition: Mapping[str, FactRule] | None, facts: Mapping[str, Any]) -> bool | None:
    """True or False; None when a fact the condition reads was not given."""
    if not condition:
        return True
    validator, names = compiled(condition)
    if not names <= facts.keys():
        return None
    return bool(validator.validate({n: facts[n] for n in names}, normalize=False))


def missing_facts(condition: Mapping[str, FactRule] | None, facts: Mapping[str, Any]) -> set[str]:
    return set(condition or ()) - set(facts)
