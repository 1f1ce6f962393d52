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


def compiled(condition: Mapping[str, FactRule]) -> tuple[Validator, frozenset[str]]:
    schema = to_cerberus(dict(condition))
    canonical = json.dumps(schema, sort_keys=True, ensure_ascii=False, default=str)
    return _validator(canonical), frozenset(condition)


def holds(condition: Mapping[str, FactRule] | None, facts: Mapping[str, Any]) -> bool | None:
    """True or False; None when a fact the condition reads was not given."""
    if not condition:
        return True
    validator, names = compiled(condition)
    if not names <= facts.keys():
        return None
    return bool(validator.validate({n: facts[n] for n in names}))


def missing_facts(condition: Mapping[str, FactRule] | None, facts: Mapping[str, Any]) -> set[str]:
    return set(condition or ()) - set(facts)
