"""Unknown query parameters are refused, as unknown keys are in catalog files: a
misspelt `localty=` would otherwise be ignored silently, and every made-up parameter
would be one more answer to compute and keep."""

from __future__ import annotations

import difflib

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from ..problems import ApiProblem
from ..schemas import ProblemField

_ALLOWED: dict[int, frozenset[str]] = {}


def allowed(route: APIRoute) -> frozenset[str]:
    found = _ALLOWED.get(id(route))
    if found is None:
        found = _ALLOWED[id(route)] = frozenset(_names(route.dependant))
    return found


def _names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _names(sub)
    return names


async def known_query(request: Request) -> None:
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.scope["query_string"]:
        return
    names = allowed(route)
    unknown = [k for k in dict.fromkeys(request.query_params.keys()) if k not in names]
    if not unknown:
        return
    fields = []
    for name in unknown[:10]:
        near = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        fields.append(
            ProblemField(
                location=f"query.{name[:64]}",
                message=f"unknown query parameter{hint}",
                expected="one of " + ", ".join(sorted(names)) if names else "no parameters",
            )
        )
    shown = ", ".join(repr(n[:64]) for n in unknown[:5])
    raise ApiProblem(
        "invalid-request",
        f"unknown query parameter(s) {shown}; this operation takes: "
        + (", ".join(sorted(names)) or "none"),
        f"不认识的查询参数 {shown}；本接口可用的参数：" + ("、".join(sorted(names)) or "无"),
        errors=fields,
    )
