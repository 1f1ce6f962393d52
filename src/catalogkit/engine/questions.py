"""Missing facts as the applicant is asked for them: the form's label and question,
never the key a rule uses (`by_agent`)."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Matter
from .decision import FactNeeded


def facts_needed(matter: Matter, facts: Iterable[str]) -> tuple[FactNeeded, ...]:
    """Each missing fact with its label and question: the form's own question, else
    one made from the label (「是否由家属代办？」 for a yes/no field, 「请说明：老年人年龄」
    otherwise). A fact the form does not list (a local rule's) keeps its key as label."""
    form = matter.form or {}
    out = []
    for fact in facts:
        field = form.get(fact)
        label = field.label if field is not None and field.label else fact
        if field is not None and field.question:
            question = field.question
        elif field is not None and field.type == "boolean":
            question = f"{label}？"
        else:
            question = f"请说明：{label}"
        out.append(FactNeeded(fact, label, question))
    return tuple(out)
