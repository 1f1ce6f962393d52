"""`when:` conditions over a case's facts, and a case's facts against the matter's
form, evaluated with the compiled checks of `predicates` (cerberus is their reference)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import FactRule, FormField
from .predicates import compile_rule


def holds(condition: Mapping[str, FactRule] | None, facts: Mapping[str, Any]) -> bool | None:
    """True or False; None when a fact the condition needs was not given (a fact whose
    rule says `required: false` may be absent)."""
    if not condition:
        return True
    if missing_facts(condition, facts):
        return None
    return all(compile_rule(rule)(facts[n]) is None for n, rule in condition.items() if n in facts)


def missing_facts(condition: Mapping[str, FactRule] | None, facts: Mapping[str, Any]) -> set[str]:
    if not condition:
        return set()
    return {n for n, rule in condition.items() if n not in facts and rule.required is not False}


@dataclass(frozen=True)
class FormProblem:
    """A given fact whose value the matter's form refuses: the engine's one check of a
    case's form, which the CLI, the HTTP API and the ledger all present."""

    fact: str
    field: FormField
    value: Any
    problem: str  # what the field's rule says of the value, in English

    def __str__(self) -> str:
        return f"{self.fact}: {self.problem}"


def form_problems(form: Mapping[str, FormField], facts: Mapping[str, Any]) -> list[FormProblem]:
    """Why given facts do not fit the form: values that break a field's rule. Facts the
    form does not list are allowed (local rules and plugins read their own, such as a
    household's hardship status); facts the form requires but that were not given make
    the decision undetermined instead."""
    out = []
    for name, field in form.items():
        value = facts.get(name)
        if value is not None:
            problem = compile_rule(field)(value)
            if problem is not None:
                out.append(FormProblem(name, field, value, problem))
    return out
