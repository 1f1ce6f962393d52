"""`when:` conditions and form schemas must be rule sets cerberus accepts."""

from __future__ import annotations

import json
from functools import lru_cache

from cerberus import Validator
from cerberus.schema import SchemaError

from ..model.condition import FactRule, to_cerberus


@lru_cache(maxsize=4096)
def _schema_problem(canonical: str) -> str | None:
    try:
        Validator(json.loads(canonical))
    except SchemaError as exc:
        return str(exc)
    return None


def cerberus_problem(rules: dict[str, FactRule]) -> str | None:
    """Why cerberus refuses a rule set, or None. Memoised: catalogs repeat conditions."""
    schema = to_cerberus(dict(rules))
    return _schema_problem(json.dumps(schema, sort_keys=True, ensure_ascii=False, default=str))
