"""Which county a report is about when none is named: the tree's only county."""

from __future__ import annotations

from ..resolve import Bundle


def only_county(bundle: Bundle) -> str | None:
    counties = [c for c, e in bundle.localities.items() if e.locality.level == "county"]
    return counties[0] if len(counties) == 1 else None
