"""Figures about a catalog that county administrators report (`catalogkit stats`):
matters per tier, venue, department and type, the shares of immediate, online and
one-visit matters, limit compression and what villagers can do at home; as a table,
stable JSON or an SVG chart."""

from .placement import Placement, VenueCount, VillageCount, VillageFigures
from .stats import FORMAT, Compression, Count, Share, Stats, compute_stats
from .svg import as_svg
from .text import as_dict, as_json, as_table

__all__ = [
    "FORMAT",
    "Compression",
    "Count",
    "Placement",
    "Share",
    "Stats",
    "VenueCount",
    "VillageCount",
    "VillageFigures",
    "as_dict",
    "as_json",
    "as_svg",
    "as_table",
    "compute_stats",
]
