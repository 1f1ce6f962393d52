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
    """True or False; None when a fact the condition needs was not given (a fact whose
    rule says `required: false` may be absent)."""
    if not condition:
        return True
    validator, names = compiled(condition)
    if missing_facts(condition, facts):
        return None
    given = {n: facts[n] for n in names if n in facts}
    return bool(validator.validate(given, normalize=False))


def missing_facts(condition: Mapping[str, FactRule] | None, facts: Mapping[str, Any]) -> set[str]:
    if not condition:
        return set()
    return {n for n, rule in condition.items() if n not in facts and rule.required is not False}
