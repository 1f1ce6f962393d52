"""The county a generated tree belongs to, its limits, and the shapes of the invented
department table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

COUNTY_CODE = "339901"
COUNTY_NAME = "示例县"
AREA_CODE = "0570"
MARKER = "Synthetic catalog tree made by catalogkit.synthetic"
DEMO_CALENDARS = Path(__file__).resolve().parents[3] / "catalogs" / "calendars"
"""The demo's calendar files, copied into a generated tree when they are present."""


MAX_TOWNS = 899  # town codes 339901001 … 339901899
MAX_VILLAGES = 599  # village codes <town>201 … <town>799
TOWN_CLAIMS = 120  # a town center claims a fifth of the county's matters, at most this many

Doc = dict[str, Any]

# (id, name, theme, laws, matters as (name, type, index of its law), specific materials).
# The laws are real titles; which matter cites which is a plausible guess, not a
# checked legal basis: every generated matter is marked illustrative.
MatterSpec = tuple[str, str, int]
DeptSpec = tuple[str, str, str, tuple[str, ...], tuple[MatterSpec, ...], tuple[str, ...]]


@dataclass(frozen=True)
class County:
    """The county a generated catalog belongs to; `tag` makes its ids and matter codes
    unique in a province (empty for a tree of one county, which keeps its old bytes)."""

    code: str = COUNTY_CODE
    name: str = COUNTY_NAME
    tag: str = ""


ONE_COUNTY = County()
