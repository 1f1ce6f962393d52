"""What looks like a slip in a case, said beside its decision rather than refusing it:
a fact the form does not list but spelt like one it does, and a material handed in that
the matter, with its rules at the case's locality, does not ask for (it counts for
nothing, so the resident should know)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from ..model.case import Case
from ..model.matter import Matter
from ..model.rules import MaterialRule
from .placed import Placed


@dataclass(frozen=True)
class Slip:
    code: Literal["unknown-fact", "unknown-material"]
    pointer: str  # where in the case, as a JSON pointer: /facts/<name>, /materials/<i>
    name: str
    suggestion: str | None  # the form field or material most likely meant


def slips(matter: Matter, rules: tuple[Placed, ...], case: Case) -> list[Slip]:
    out = []
    form = list(matter.form or {})
    for name in case.facts:
        if form and name not in form:
            near = difflib.get_close_matches(name, form, n=1, cutoff=0.75)
            if near:
                out.append(Slip("unknown-fact", f"/facts/{name}", name, near[0]))
    known = {m.name for m in matter.materials}
    for placed in rules:
        if isinstance(placed.rule, MaterialRule):
            known.add(placed.rule.material.name)
    for i, name in enumerate(case.materials):
        if name not in known:
            out.append(Slip("unknown-material", f"/materials/{i}", name, _nearest(name, known)))
    return out


def _nearest(name: str, known: set[str]) -> str | None:
    containing = sorted(k for k in known if name in k)
    if len(containing) == 1:
        return containing[0]
    near = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.4)
    return near[0] if near else None
