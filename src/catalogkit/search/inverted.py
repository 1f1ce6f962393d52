"""The postings of a province, made from what its matters share.

90 counties carry the same few hundred names, themes and conditions and a few
hundred materials, in different combinations. So matters are first grouped by each
text they hold (a name and its aliases, a theme, a material …); each distinct text
is cut and weighed once, and a unit's documents are the union of the groups of the
texts holding it, merged with the interpreter's own set, dict and sort operations
rather than one Python step per (matter, unit). The packed result is the one
adding matters one by one would give: each document with the weight of its best
field, and a unit of a matter's names never repeated among its other fields."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable

from ..model import Matter
from .postings import DOCS

Groups = list[tuple[list[int], int]]  # (documents, the weight of the field) per text
Weigh = Callable[[tuple[str, ...]], dict[str, int]]  # names → unit → weight

# the fields other than names: how each is cut (units.py) and weighed (index.py)
MODES = {
    "theme": "short",
    "result": "short",
    "department": "short",
    "material": "words",
    "objects": "words",
    "condition": "words",
}


def grouped(
    matters: list[Matter], departments: dict[str, str]
) -> tuple[dict[tuple[str, ...], list[int]], dict[tuple[str, str], list[int]]]:
    """(names and aliases → their matters, (field, text) → the matters holding it)."""
    named: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    by_field: dict[str, defaultdict[str | None, list[int]]] = {
        where: defaultdict(list) for where in MODES
    }
    theme, result, department = by_field["theme"], by_field["result"], by_field["department"]
    material, objects, condition = by_field["material"], by_field["objects"], by_field["condition"]
    for doc, m in enumerate(matters):
        named[(m.name, *m.aliases)].append(doc)
        theme[m.theme].append(doc)
        result[m.result.name if m.result else None].append(doc)  # a draft may not give it
        department[departments.get(m.department)].append(doc)
        for item in m.materials:
            docs = material[item.name]
            if not docs or docs[-1] != doc:  # a material listed twice counts once
                docs.append(doc)
        objects[" ".join(m.service_objects or ())].append(doc)
        condition[m.conditions].append(doc)
    holding = {
        (where, text): docs
        for where, groups in by_field.items()
        for text, docs in groups.items()
        if text
    }
    return dict(named), holding


def name_postings(named: dict[tuple[str, ...], list[int]], weigh: Weigh) -> dict[str, Groups]:
    """unit → the groups of matters whose names hold it, with its weight there."""
    found: dict[str, Groups] = {}
    for texts, docs in named.items():
        for unit, weight in weigh(texts).items():
            found.setdefault(unit, []).append((docs, weight))
    return found


def merged(groups: Groups, without: Groups | None = None) -> bytes:
    """The packed documents of these groups, each with its best weight, leaving out
    the documents of `without`."""
    if len(groups) == 1 and without is None:
        docs, weight = groups[0]
        return array(DOCS, docs).tobytes() + bytes((weight,)) * len(docs)
    weights: dict[int, int] = {}
    for docs, weight in sorted(groups, key=lambda g: g[1]):  # the best weight comes last
        weights.update(dict.fromkeys(docs, weight))
    if without is None:
        order = sorted(weights)
    else:
        order = sorted(weights.keys() - set().union(*(docs for docs, _ in without)))
    return array(DOCS, order).tobytes() + bytes(map(weights.__getitem__, order))
