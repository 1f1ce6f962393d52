"""Matters added, removed, renamed, recoded and changed between two bundles.

A matter keeps its identity through its code (基本编码). Two exceptions make a diff
read the way a county announces changes: the same code under a new name is
*renamed*, and a code that disappears while a new code appears with every other key
equal is *recoded* (the same matter renumbered), not one matter cancelled and
another created.
"""

from __future__ import annotations

import json

from ..resolve import Bundle
from .fields import RULE_KEYS, Dump, by_key, dump, field_changes, keyed, pick
from .model import FieldChange, MatterChange, Matters, Recoded, Renamed

# keys compared item by item (fees, materials, rules) or reported apart (code, name)
_APART = ("code", "name", "fees", "materials", "rules")
# keys that carry the code itself, so they differ in a recoded matter by nature
_CODE_KEYS = ("code", "implementationCode")

summary = pick(
    "code", "name", "type", "department", "handlingKind", "promisedLimit", "venue", "locality"
)


def matter_dumps(bundle: Bundle) -> dict[str, Dump]:
    """Every matter as JSON data, with the code of the locality that defines it."""
    return {
        code: dump(entry.matter, locality=entry.locality)
        for code, entry in sorted(bundle.matters.items())
    }


def compare_matters(old: dict[str, Dump], new: dict[str, Dump]) -> tuple[Matters, dict[str, str]]:
    """The matters section, and the recoded codes (old code → new code)."""
    gone = [c for c in old if c not in new]
    came = [c for c in new if c not in old]
    codes = _recoded(old, new, gone, came)
    renamed, changed = [], []
    for code, data in new.items():
        before = old.get(code)
        if before is None:
            continue
        if before["name"] != data["name"]:
            renamed.append(Renamed(code, before["name"], data["name"]))
        change = _changes(code, before, data)
        if change.size():
            changed.append(change)
    moved = set(codes.values())
    return (
        Matters(
            added=tuple(summary(c, new[c]) for c in came if c not in moved),
            removed=tuple(summary(c, old[c]) for c in gone if c not in codes),
            renamed=tuple(renamed),
            recoded=tuple(Recoded(o, n, new[n]["name"]) for o, n in codes.items()),
            changed=tuple(changed),
        ),
        codes,
    )


def _recoded(
    old: dict[str, Dump], new: dict[str, Dump], gone: list[str], came: list[str]
) -> dict[str, str]:
    def signature(data: Dump) -> str:
        rest = {k: v for k, v in data.items() if k not in _CODE_KEYS}
        return json.dumps(rest, sort_keys=True, ensure_ascii=False)

    waiting: dict[str, list[str]] = {}
    for code in came:
        waiting.setdefault(signature(new[code]), []).append(code)
    out = {}
    for code in gone:
        candidates = waiting.get(signature(old[code]))
        if candidates:
            out[code] = candidates.pop(0)
    return out


def _changes(code: str, old: Dump, new: Dump) -> MatterChange:
    fields = field_changes(old, new, _APART)
    old_fees, new_fees = old.get("fees", {}), new.get("fees", {})  # a draft's may be unknown
    charged = field_changes(old_fees, new_fees, ("items",), prefix="fees.")
    return MatterChange(
        code=code,
        name=new["name"],
        fields=_ordered((*charged, *fields)),
        fees=keyed(
            _fee_items(old_fees),
            _fee_items(new_fees),
            pick("id", "name", "amount", "standard"),
        ),
        materials=keyed(
            by_key(old.get("materials", []), lambda m: m["name"]),
            by_key(new.get("materials", []), lambda m: m["name"]),
            pick("name", "necessity", "originals", "copies"),
        ),
        rules=keyed(
            by_key(old.get("rules", []), lambda r: r["id"]),
            by_key(new.get("rules", []), lambda r: r["id"]),
            pick(*RULE_KEYS),
        ),
    )


def _fee_items(fees: Dump) -> dict[str, Dump]:
    """Fee items by the id waivers name them by: `id`, else the item's name."""
    return by_key(fees.get("items", []), lambda item: item.get("id") or item["name"])


# the keys a notice leads with; the rest follow in the order of the format
_FIRST = (
    "status",
    "handlingKind",
    "statutoryLimit",
    "promisedLimit",
    "fees.charged",
    "venue",
    "window",
    "department",
    "locality",
    "visits",
    "online",
)


def _ordered(fields: tuple[FieldChange, ...]) -> tuple[FieldChange, ...]:
    rank = {name: i for i, name in enumerate(_FIRST)}
    return tuple(sorted(fields, key=lambda f: rank.get(f.field, len(rank))))
