"""Compiled condition checks agree with cerberus, the reference, on generated rules."""

from __future__ import annotations

from typing import Any

from cerberus import Validator
from cerberus.schema import SchemaError
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogkit.engine.predicates import compile_rule
from catalogkit.model.condition import FactRule, to_cerberus

scalars = st.one_of(
    st.integers(-5, 5),
    st.floats(-5, 5, allow_nan=False),
    st.booleans(),
    st.sampled_from(["", "a", "ab", "已婚", "未婚", "abc"]),
)
values = st.one_of(scalars, st.none(), st.lists(scalars, max_size=3))
rules = st.builds(
    FactRule.model_validate,
    st.fixed_dictionaries(
        {},
        optional={
            "type": st.sampled_from(["string", "integer", "number", "boolean", "list"]),
            "allowed": st.lists(scalars, max_size=3),
            "forbidden": st.lists(scalars, max_size=3),
            "min": st.integers(-3, 3),
            "max": st.integers(-3, 3),
            "minlength": st.integers(0, 3),
            "maxlength": st.integers(0, 3),
            "contains": st.one_of(scalars, st.lists(scalars, max_size=2)),
            "nullable": st.booleans(),
            "empty": st.booleans(),
        },
    ),
)


@settings(max_examples=1500, deadline=None)
@given(rules, values)
def test_compiled_rules_agree_with_cerberus(rule: FactRule, value: Any) -> None:
    try:
        reference = Validator(to_cerberus({"x": rule}))
    except SchemaError:  # refused when the catalog loads (bad-condition)
        return
    try:
        expected = reference.validate({"x": value}, normalize=False)
    except TypeError:  # cerberus itself cannot compare these; not a case we must match
        return
    assert (compile_rule(rule)(value) is None) == expected, reference.errors
