"""Which matters a county gets: the department table's matters interleaved, then the
same names again as sub-items; and the shape of a time limit."""

from __future__ import annotations

from .county_departments import DEPARTMENTS
from .county_spec import DeptSpec, Doc, MatterSpec
from .invented_words import VARIANTS


def matter_plan(depts: list[tuple[Doc, DeptSpec]], count: int) -> list[tuple[MatterSpec, int]]:
    """(name, type key, law index) and department index of `count` matters: departments
    interleaved, then the same names again as sub-items (（新办）, （变更）, …)."""
    base: list[tuple[MatterSpec, int]] = []
    longest = max(len(spec[4]) for _, spec in depts)
    for j in range(longest):
        for d, (_, spec) in enumerate(depts):
            if j < len(spec[4]):
                base.append((spec[4][j], d))
    out: list[tuple[MatterSpec, int]] = []
    for i in range(count):
        (name, kind, law), d = base[i % len(base)]
        round_ = i // len(base)
        suffix = VARIANTS[round_] if round_ < len(VARIANTS) else f"（第{round_}类）"
        copy = d // len(DEPARTMENTS)  # departments beyond the table reuse its matters
        if copy:
            suffix += f"（第{copy + 1}分局）"
        out.append(((name + suffix, kind, law), d))
    return out


def time_limit(value: int, unit: str, note: str | None = None) -> Doc:
    out: Doc = {"value": value, "unit": unit}
    if note:
        out["note"] = note
    return out
