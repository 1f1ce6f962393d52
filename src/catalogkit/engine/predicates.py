"""The allowed subset of cerberus rules, compiled to plain Python checks.

cerberus stays the reference: a property test compares these checks with cerberus
on generated rules and values. Compiling them makes a condition cost a microsecond
instead of a cerberus run, which is what keeps `decide` within its time budget."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sized
from typing import Any

from ..model import FactRule

Check = Callable[[Any], str | None]

_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int),  # as cerberus: true and false are integers
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "date": lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
    "list": lambda v: isinstance(v, list),
}


_COMPILED: dict[int, tuple[FactRule, Check]] = {}


def compile_rule(rule: FactRule) -> Check:
    """A function that returns why a value breaks the rule, or None when it fits.
    Rules live in immutable bundles: each is compiled once, found again by identity."""
    known = _COMPILED.get(id(rule))
    if known is not None and known[0] is rule:
        return known[1]
    if len(_COMPILED) > 65536:
        _COMPILED.clear()
    check = _compile(rule)
    _COMPILED[id(rule)] = (rule, check)
    return check


def _compile(rule: FactRule) -> Check:
    kept: list[Check] = []  # checked on every value
    skipped_if_empty: list[Check] = []  # not applied to an empty value when `empty` is set
    if rule.type is not None:
        is_type = _TYPES[rule.type]
        kept.append(lambda v: None if is_type(v) else f"must be of {rule.type} type")
    if rule.contains is not None:
        wanted = rule.contains if isinstance(rule.contains, list) else [rule.contains]
        kept.append(lambda v: _contains(v, wanted))
    for bound, name in ((rule.min, "min"), (rule.max, "max")):
        if bound is not None:
            kept.append(_compare(bound, name))
    if rule.allowed is not None:
        allowed = list(rule.allowed)
        skipped_if_empty.append(lambda v: _allowed(v, allowed))
    if rule.forbidden is not None:
        forbidden = list(rule.forbidden)
        skipped_if_empty.append(lambda v: _forbidden(v, forbidden))
    for size, name in ((rule.minlength, "minlength"), (rule.maxlength, "maxlength")):
        if size is not None:
            skipped_if_empty.append(_length(size, name))
    nullable, empty = bool(rule.nullable), rule.empty

    def check(value: Any) -> str | None:
        if value is None:
            return None if nullable else "null value not allowed"
        if empty is not None and isinstance(value, Sized) and len(value) == 0:
            return _first(kept, value) if empty else "empty values not allowed"
        return _first(kept, value) or _first(skipped_if_empty, value)

    return check


def _first(checks: list[Check], value: Any) -> str | None:
    for one in checks:
        problem = one(value)
        if problem is not None:
            return problem
    return None


def _allowed(value: Any, allowed: list[Any]) -> str | None:
    if isinstance(value, list):
        bad = [v for v in value if not _member(v, allowed)]
        return f"unallowed values {bad}" if bad else None
    return None if _member(value, allowed) else f"unallowed value {value}"


def _forbidden(value: Any, forbidden: list[Any]) -> str | None:
    if isinstance(value, list):
        bad = [v for v in value if _member(v, forbidden)]
        return f"forbidden values {bad}" if bad else None
    return f"unallowed value {value}" if _member(value, forbidden) else None


def _member(value: Any, options: list[Any]) -> bool:
    try:
        return value in options
    except TypeError:
        return False


def _contains(value: Any, wanted: list[Any]) -> str | None:
    """As cerberus: every wanted value is a member (a text's members are its characters)."""
    if not isinstance(value, list | str):
        return None
    try:
        missing = set(wanted) - set(value)
    except TypeError:
        return None
    return f"missing members {sorted(map(str, missing))}" if missing else None


def _compare(bound: float, name: str) -> Check:
    def check(value: Any) -> str | None:
        try:
            bad = value < bound if name == "min" else value > bound
        except TypeError:
            return None
        return f"{name} value is {bound}" if bad else None

    return check


def _length(size: int, name: str) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, Sized):
            return None
        bad = len(value) < size if name == "minlength" else len(value) > size
        return f"{'min' if name == 'minlength' else 'max'} length is {size}" if bad else None

    return check
