"""Where matters are decided and taken in, and what a villager can do at home.

These figures come from the engine's routes (`engine.route`, `engine.within`), never
from reading claims again here, so the statistics say what `catalogkit route` would
tell a resident of each locality.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..engine import Hop, route, within
from ..resolve import Bundle

_ORDER = ("county-hall", "branch-hall", "town-center", "village-station", "service-point")
_LEVEL_TIER = {
    "county": "county-hall",
    "town": "town-center",
    "village": "village-station",
    "group": "service-point",
}


@dataclass(frozen=True)
class VenueCount:
    """A venue and the matters it handles for at least one locality: `decides`
    (办结), `accepts` (受理, including matters it also decides)."""

    id: str
    name: str
    tier: str
    locality: str
    decides: int
    accepts: int


@dataclass(frozen=True)
class Placement:
    tier: dict[str, str]  # matter code → the most local tier that decides it somewhere
    venues: tuple[VenueCount, ...]


def place(bundle: Bundle, codes: Iterable[str]) -> Placement:
    """Route every matter from every locality it serves.

    A matter is put in the most local tier that decides it for at least one
    locality: that is what "delegated to the towns" (下放) means in a county's
    report, and it puts every matter in exactly one tier, so the tiers add up to the
    number of matters. Venues count every matter they decide or accept for someone.
    """
    chains = {code: set(bundle.chain(code)) for code in sorted(bundle.localities)}
    decides: dict[str, set[str]] = {}
    accepts: dict[str, set[str]] = {}
    tier: dict[str, str] = {}
    for matter in codes:
        definer = bundle.matters[matter].locality
        deepest = 0
        for locality, chain in chains.items():
            if definer not in chain:
                continue
            found = route(bundle, matter, locality)
            decided, accepted = found.decided_at, found.accepted_at
            deepest = max(deepest, _ORDER.index(_tier(bundle, decided)))
            if decided.venue is not None:
                decides.setdefault(decided.venue, set()).add(matter)
            if accepted.venue is not None:
                accepts.setdefault(accepted.venue, set()).add(matter)
        tier[matter] = _ORDER[deepest]
    return Placement(tier, _venues(bundle, decides, accepts))


def _tier(bundle: Bundle, hop: Hop) -> str:
    """The venue's tier; a locality without any venue stands for its own tier."""
    if hop.venue is not None and hop.venue in bundle.venues:
        return bundle.venues[hop.venue].item.tier
    return _LEVEL_TIER[bundle.locality(hop.locality).level]


def _venues(
    bundle: Bundle, decides: dict[str, set[str]], accepts: dict[str, set[str]]
) -> tuple[VenueCount, ...]:
    rows = []
    for vid in sorted(set(decides) | set(accepts)):
        if vid not in bundle.venues:
            continue
        owned = bundle.venues[vid]
        rows.append(
            VenueCount(
                vid,
                owned.item.name,
                owned.item.tier,
                owned.locality,
                len(decides.get(vid, ())),
                len(accepts.get(vid, ())),
            )
        )
    return tuple(sorted(rows, key=lambda r: (_ORDER.index(r.tier), -r.decides, -r.accepts, r.id)))


@dataclass(frozen=True)
class VillageCount:
    code: str
    name: str
    town: str | None
    town_name: str | None
    matters: int


@dataclass(frozen=True)
class VillageFigures:
    """Matters a villager can finish without leaving the village (不出村), per village
    (`engine.within`: the first step, proxy service included, is taken in the village),
    and for the county: how many matters some village offers so (`anywhere`), how many
    every village does (`everywhere`), and the average, least and most per village."""

    per_village: tuple[VillageCount, ...]
    anywhere: int
    everywhere: int
    average: float | None
    least: int | None
    most: int | None


def villages(bundle: Bundle, active: set[str]) -> VillageFigures:
    rows: list[VillageCount] = []
    sets: list[set[str]] = []
    for code in sorted(bundle.localities):
        entry = bundle.localities[code]
        if entry.locality.level != "village":
            continue
        found = {r.matter for r in within(bundle, code, "village")} & active
        town = entry.parent
        above = bundle.localities.get(town) if town is not None else None
        town_name = above.locality.name if above is not None else None
        rows.append(VillageCount(code, entry.locality.name, town, town_name, len(found)))
        sets.append(found)
    counts = [r.matters for r in rows]
    return VillageFigures(
        per_village=tuple(rows),
        anywhere=len(set().union(*sets)) if sets else 0,
        everywhere=len(set.intersection(*sets)) if sets else 0,
        average=round(sum(counts) / len(counts), 4) if counts else None,
        least=min(counts) if counts else None,
        most=max(counts) if counts else None,
    )
