"""Semantic diffs between two catalog trees or two git revisions of one tree
(`catalogkit diff`): matters added, removed, renamed, recoded and changed; claims,
rules and plugins per locality; venues, departments, calendars and settings. As
terminal text, a Chinese publication notice in Markdown (事项变更公告), or JSON."""

from .compare import diff_bundles
from .model import (
    FORMAT,
    Diff,
    FieldChange,
    ItemChange,
    Localities,
    LocalityChange,
    MatterChange,
    Matters,
    Recoded,
    Renamed,
    Section,
    Side,
    as_dict,
)

__all__ = [
    "FORMAT",
    "Diff",
    "FieldChange",
    "ItemChange",
    "Localities",
    "LocalityChange",
    "MatterChange",
    "Matters",
    "Recoded",
    "Renamed",
    "Section",
    "Side",
    "as_dict",
    "diff_bundles",
]
