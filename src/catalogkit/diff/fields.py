"""Comparing dumped models key by key, and keyed lists item by item.

Comparison is on the data the models hold after loading, never on the text: moving a
matter to another file, reordering keys, requoting a value or rewriting a comment
is no change, while every key that means something is compared, so nothing that
changes an answer can pass unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import BaseModel

from .model import FieldChange, ItemChange, Json, Section

Dump = dict[str, Json]
Summary = Callable[[str, Dump], Dump]


def dump(model: BaseModel, **extra: Json) -> Dump:
    """The model as JSON data under its YAML keys; unset optional keys left out, so
    that `note:` left empty and no `note` at all are the same."""
    data: Dump = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    data.update({k: v for k, v in extra.items() if v is not None})
    return data


def field_changes(
    old: Dump, new: Dump, skip: Iterable[str] = (), prefix: str = ""
) -> tuple[FieldChange, ...]:
    skipped = set(skip)
    keys = [*old, *(k for k in new if k not in old)]
    return tuple(
        FieldChange(prefix + k, old.get(k), new.get(k))
        for k in keys
        if k not in skipped and old.get(k) != new.get(k)
    )


def keyed(
    old: Mapping[str, Dump],
    new: Mapping[str, Dump],
    summary: Summary,
    skip: Iterable[str] = (),
) -> Section:
    """Items matched by key: added and removed ones as summaries (in the order of
    their side), changed ones with the keys that changed (in the new side's order)."""
    skipped = tuple(skip)
    changed = []
    for key, item in new.items():
        if key in old:
            fields = field_changes(old[key], item, skipped)
            if fields:
                changed.append(ItemChange(key, fields))
    return Section(
        added=tuple(summary(k, v) for k, v in new.items() if k not in old),
        removed=tuple(summary(k, v) for k, v in old.items() if k not in new),
        changed=tuple(changed),
    )


def by_key(items: Iterable[Any], key: Callable[[Any], str]) -> dict[str, Any]:
    """Items by their key, in order; a key written twice gets `#2`, `#3` ... so that
    no item is lost (the tree's own checks report real duplicates)."""
    out: dict[str, Any] = {}
    for item in items:
        name = key(item)
        unique, n = name, 1
        while unique in out:
            n += 1
            unique = f"{name}#{n}"
        out[unique] = item
    return out


def pick(*keys: str) -> Summary:
    """A summary naming an item by a few of its keys."""

    def summary(key: str, data: Dump) -> Dump:
        return {k: data[k] for k in keys if k in data}

    return summary


RULE_KEYS = ("id", "type", "name", "material", "fee", "promisedLimit", "refuse", "venue", "note")
"""What a rule's summary keeps: its id and type, and the keys that say what it does
(a fee's name, the material, the limit, the refusal, the venue), so that a notice can
describe a rule in words rather than by its id."""


def recode(data: Json, codes: Mapping[str, str]) -> Json:
    """The old side's data with recoded matter codes replaced by the new ones (in
    `matter` and `matters` keys), so a recoded matter does not show up again as
    changed claims, rules and profiles everywhere it is named."""
    if not codes:
        return data
    if isinstance(data, dict):
        out: dict[str, Json] = {}
        for k, v in data.items():
            if k == "matter" and isinstance(v, str):
                out[k] = codes.get(v, v)
            elif k == "matters" and isinstance(v, list):
                out[k] = [codes.get(c, c) if isinstance(c, str) else c for c in v]
            else:
                out[k] = recode(v, codes)
        return out
    if isinstance(data, list):
        return [recode(v, codes) for v in data]
    return data
