"""The semantic diff of two bundles: the one entry point of this package's logic."""

from __future__ import annotations

from ..resolve import Bundle
from .matter_changes import compare_matters, matter_dumps
from .model import Diff, Side, fee_label
from .place_changes import compare_calendars, compare_localities, compare_owned, compare_settings


def diff_bundles(old: Bundle, new: Bundle, old_source: str = "", new_source: str = "") -> Diff:
    """What changed from `old` to `new`, as a county would announce it. The sources
    only name the sides (a folder, or REV:PATH) in the output."""
    matters, codes = compare_matters(matter_dumps(old), matter_dumps(new))
    venues, departments = compare_owned(old, new)
    return Diff(
        old=_side(old, old_source),
        new=_side(new, new_source),
        settings=compare_settings(old, new),
        matters=matters,
        localities=compare_localities(old, new, codes),
        venues=venues,
        departments=departments,
        calendars=compare_calendars(old, new),
        labels=_labels(old) | _labels(new),
    )


def _side(bundle: Bundle, source: str) -> Side:
    name = bundle.settings.name if bundle.settings else ""
    return Side(source or bundle.root, name, bundle.revision)


def _labels(bundle: Bundle) -> dict[str, str]:
    """Names of everything a change may mention by code: venues, departments,
    localities, matters and fee items (the new side wins where both name one code)."""
    out = {code: entry.locality.name for code, entry in bundle.localities.items()}
    out |= {vid: owned.item.name for vid, owned in bundle.venues.items()}
    out |= {did: owned.item.name for did, owned in bundle.departments.items()}
    out |= {code: entry.matter.name for code, entry in bundle.matters.items()}
    for code, entry in bundle.matters.items():  # fee items are known by id inside a matter
        for item in entry.matter.fees.items if entry.matter.fees else []:
            out[fee_label(code, item.id or item.name)] = item.name
    return out
