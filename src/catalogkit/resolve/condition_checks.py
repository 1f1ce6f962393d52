"""`when:` conditions and form schemas must be rule sets cerberus accepts."""

from __future__ import annotations

import json
from functools import lru_cache

from cerberus import Validator
from cerberus.schema import SchemaError

from ..model import FactRule, to_cerberus
from .sources import Problems, Source


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


def check_condition(
    p: Problems, rules: dict[str, FactRule], where: Source, *, form: bool = False
) -> None:
    """Report a condition (or form) that cerberus would not accept, at `where`."""
    bad = cerberus_problem(rules)
    if bad is None:
        return
    what_en, what_zh = ("form schema", "申请表字段规则") if form else ("condition", "适用条件规则")
    p.add(
        "bad-condition",
        f"the {what_en} is not accepted by cerberus: {bad}",
        f"{what_zh}无效：{bad}",
        where,
    )
