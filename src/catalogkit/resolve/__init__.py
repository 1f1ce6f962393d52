"""From validated documents to one Bundle: tree, inheritance, cross-references."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import Diagnostic
from .bodycodes import check_body_codes
from .bundle import Bundle, make_bundle
from .calendars import check_calendars
from .claims import EffectiveClaim, resolve_claims
from .code_index import build_index
from .locality_tree import check_tree, patterns
from .matter_checks import check_matters
from .overrides import check_overrides
from .references import check_lexicons, check_references
from .rule_checks import check_rules

__all__ = ["Bundle", "EffectiveClaim", "declared_codes", "resolve"]


def resolve(
    documents: Sequence[tuple[object, str]],
    declared: set[str],
    root: str,
    revision: str,
    files: tuple[tuple[str, str], ...],
) -> tuple[Bundle | None, list[Diagnostic]]:
    """Check everything that spans documents; build the bundle when nothing is wrong."""
    index = build_index(documents)
    p = index.problems
    pats = patterns(index, p)
    check_tree(index, p, pats, declared)
    check_references(index, p, declared)
    check_body_codes(index, p, pats)
    check_lexicons(index, p, declared)
    check_matters(index, p, pats, declared)
    claims = resolve_claims(index, p, declared)
    check_calendars(index, p, declared)
    check_rules(index, p, declared)
    if not declared:  # a rule in an unreadable file could be the one replaced
        check_overrides(index, p, root)
    problems = list(p)
    if any(d.severity == "error" for d in problems) or declared:
        return None, problems
    warnings = tuple(d for d in problems if d.severity == "warning")
    return make_bundle(root, revision, files, index, claims, warnings), problems


def declared_codes(data: Any) -> set[str]:
    """Codes and ids an invalid document declares, read leniently from its raw data."""
    out: set[str] = set()
    if isinstance(data, dict):
        for key in ("code", "id"):
            value = data.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool):
                out.add(str(value))
        for value in data.values():
            if isinstance(value, dict | list):
                out |= declared_codes(value)
    elif isinstance(data, list):
        for item in data:
            out |= declared_codes(item)
    return out
