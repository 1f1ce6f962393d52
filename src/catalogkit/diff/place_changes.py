"""Localities (with their claims, rules and plugins), venues, departments, calendars
and settings compared between two bundles.

Claims are compared as they take effect: after profiles, with the limit and visit
count that apply in each locality. Changing a county profile therefore shows, in
every village that uses it, what that village now does differently; moving a claim
from a profile into the village's own list without changing it shows nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..resolve import Bundle
from .fields import RULE_KEYS, Dump, by_key, dump, field_changes, keyed, pick, recode
from .model import FieldChange, ItemChange, Localities, LocalityChange, Section

# compared on their own, or as parts of the tree (children are localities themselves)
_LOCALITY_APART = ("children", "venues", "departments", "claims", "rules", "plugins")
_DOCUMENT_KEYS = ("apiVersion", "kind")


def compare_localities(old: Bundle, new: Bundle, codes: Mapping[str, str]) -> Localities:
    summary = pick("code", "name", "level", "parent")
    before = {c: _locality(old, c, codes) for c in sorted(old.localities)}
    after = {c: _locality(new, c, {}) for c in sorted(new.localities)}
    changed = []
    for code, data in after.items():
        if code not in before:
            continue
        change = LocalityChange(
            code=code,
            name=data["name"],
            fields=field_changes(before[code], data, _LOCALITY_APART),
            claims=keyed(_claims(old, code, codes), _claims(new, code, {}), _claim_summary),
            rules=keyed(
                by_key(before[code].get("rules", []), lambda r: r["id"]),
                by_key(data.get("rules", []), lambda r: r["id"]),
                pick(*RULE_KEYS),
            ),
            plugins=keyed(
                by_key(before[code].get("plugins", []), lambda p: p["name"]),
                by_key(data.get("plugins", []), lambda p: p["name"]),
                pick("name"),
            ),
        )
        if change.size():
            changed.append(change)
    return Localities(
        added=tuple(summary(c, d) for c, d in after.items() if c not in before),
        removed=tuple(summary(c, d) for c, d in before.items() if c not in after),
        changed=tuple(changed),
    )


def _locality(bundle: Bundle, code: str, codes: Mapping[str, str]) -> Dump:
    """A locality's own keys, with its parent as the tree has it (children written
    inline have no `parent` key, yet they have a parent); matter codes recoded."""
    entry = bundle.localities[code]
    data = dump(entry.locality, parent=entry.parent)
    result: Dump = recode(data, codes)
    return result


def _claims(bundle: Bundle, code: str, codes: Mapping[str, str]) -> dict[str, Dump]:
    out: dict[str, Dump] = {}
    for matter, effective in sorted(bundle.claims.get(code, {}).items()):
        data = dump(effective.claim)  # its own limit and visits, replaced by the effective ones
        data.pop("promisedLimit", None)
        if effective.promised_limit is not None:
            data["promisedLimit"] = dump(effective.promised_limit)
        data["visits"] = effective.visits
        out[codes.get(matter, matter)] = recode(data, codes)
    return dict(sorted(out.items()))


def _claim_summary(key: str, data: Dump) -> Dump:
    return {"matter": key, **{k: data[k] for k in ("role", "venue", "proxyAgent") if k in data}}


def compare_owned(old: Bundle, new: Bundle) -> tuple[Section, Section]:
    """Venues and departments across the tree, by id, with the locality that owns them."""
    out = []
    for attr, keys in (("venues", ("id", "name", "tier")), ("departments", ("id", "name"))):
        sides = []
        for bundle in (old, new):
            owned = getattr(bundle, attr)
            sides.append(
                {i: dump(owned[i].item, locality=owned[i].locality) for i in sorted(owned)}
            )
        out.append(keyed(sides[0], sides[1], pick(*keys, "locality")))
    return out[0], out[1]


def compare_calendars(old: Bundle, new: Bundle) -> Section:
    def side(bundle: Bundle) -> dict[str, Dump]:
        out = {}
        for (year, scope), doc in sorted(bundle.calendars.items(), key=lambda kv: str(kv[0])):
            data = {k: v for k, v in dump(doc).items() if k not in _DOCUMENT_KEYS}
            out[f"{year}" if scope is None else f"{year}@{scope}"] = data
        return out

    section = keyed(side(old), side(new), pick("year", "scope"))
    return dataclasses.replace(section, changed=tuple(_days(c) for c in section.changed))


def _days(change: ItemChange) -> ItemChange:
    """A year's days are a set: name only the days that differ (a new holiday is one
    day added, not a new list of thirty)."""
    fields = []
    for f in change.fields:
        if f.field == "days":
            f = FieldChange(
                "days", [d for d in f.old if d not in f.new], [d for d in f.new if d not in f.old]
            )
        fields.append(f)
    return ItemChange(change.key, tuple(fields))


def compare_settings(old: Bundle, new: Bundle) -> tuple[FieldChange, ...]:
    def side(bundle: Bundle) -> Dump:
        if bundle.settings is None:
            return {}
        return {k: v for k, v in dump(bundle.settings).items() if k not in _DOCUMENT_KEYS}

    return field_changes(side(old), side(new))
