"""The figures county administrators report about their catalog ("395 matters: hall
307, branch halls 24, towns 64"; share of 即办件; limits cut by 47.5% ...), computed
from a bundle so that the published figures can never drift from the catalog.

Every share is over the matters in force: a matter whose status is 取消 is still in
the files (so it can be published as cancelled) but is no longer offered, so it is
left out of every figure and only counted in `cancelled`. A draft's field that is not
known yet is left out of that figure's share, and the share says how many it left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import get_args

from ..model import HandlingKind, Matter, MatterType
from ..resolve import Bundle
from .labels import TIER
from .placement import Placement, VenueCount, VillageFigures, place, villages

FORMAT = "catalogkit-stats/1"


@dataclass(frozen=True)
class Count:
    """How many matters fall under one key (a tier, department, type or kind)."""

    key: str
    name: str
    matters: int


@dataclass(frozen=True)
class Share:
    """A share over the matters in force whose field is known: a draft's missing
    field is neither counted as yes nor as no, and `unknown` says how many there are."""

    matters: int
    share: float | None  # of the known matters in force; None when none is known
    known: int = 0
    unknown: int = 0


@dataclass(frozen=True)
class Compression:
    """How much shorter promised limits are than statutory ones.

    A matter counts only when both limits are given, in the same unit, and the
    statutory limit is more than 0: 10 工作日 against 14 自然日 cannot be compared
    without a calendar, and a statutory 即时 leaves nothing to compress."""

    counted: int
    not_counted: int
    average: float | None  # mean of (statutory - promised) / statutory: 0.475 is "−47.5%"


@dataclass(frozen=True)
class Stats:
    catalog: str
    revision: str
    total: int
    cancelled: int
    tiers: tuple[Count, ...]
    venues: tuple[VenueCount, ...]
    departments: tuple[Count, ...]
    types: tuple[Count, ...]
    handling_kinds: tuple[Count, ...]
    unknown_handling_kind: int
    immediate: Share
    online: Share
    compression: Compression
    at_most_one_visit: Share
    no_visit: Share
    villages: VillageFigures
    quarantined: tuple[str, ...] = ()  # items left out because of errors: "matter MH-MZ-0005"


def compute_stats(bundle: Bundle) -> Stats:
    entries = sorted(bundle.matters.items())
    active = [(code, e.matter) for code, e in entries if e.matter.status != "取消"]
    matters = [m for _code, m in active]
    placement = place(bundle, [code for code, _m in active])
    name = bundle.settings.name if bundle.settings else bundle.root
    return Stats(
        catalog=name,
        revision=bundle.revision,
        total=len(active),
        cancelled=len(entries) - len(active),
        tiers=_tiers(placement),
        venues=placement.venues,
        departments=_departments(bundle, matters),
        types=_vocabulary(get_args(MatterType), Counter(m.type for m in matters)),
        handling_kinds=_vocabulary(
            get_args(HandlingKind), Counter(m.handling_kind or "" for m in matters)
        ),
        unknown_handling_kind=sum(m.handling_kind is None for m in matters),
        immediate=_known_share(
            [None if m.handling_kind is None else m.handling_kind == "即办件" for m in matters]
        ),
        online=_known_share([None if m.online is None else m.online.available for m in matters]),
        compression=_compression(matters),
        at_most_one_visit=_known_share(
            [None if m.visits is None else m.visits.count <= 1 for m in matters]
        ),
        no_visit=_known_share([None if m.visits is None else m.visits.count == 0 for m in matters]),
        villages=villages(bundle, {code for code, _m in active}),
        quarantined=tuple(f"{q.kind} {q.key}" for q in bundle.quarantined),
    )


TIERS = ("county-hall", "branch-hall", "town-center", "village-station", "service-point")


def _tiers(placement: Placement) -> tuple[Count, ...]:
    counts = Counter(placement.tier.values())
    return tuple(Count(t, TIER["zh"][t], counts.get(t, 0)) for t in TIERS)


def _departments(bundle: Bundle, matters: list[Matter]) -> tuple[Count, ...]:
    counts = Counter(m.department for m in matters)
    rows = [
        Count(d, bundle.departments[d].item.name if d in bundle.departments else d, n)
        for d, n in counts.items()
    ]
    return tuple(sorted(rows, key=lambda c: (-c.matters, c.key)))


def _vocabulary(words: tuple[str, ...], counts: Counter[str]) -> tuple[Count, ...]:
    """Every word of a national list, in its published order, zeros included, so the
    JSON has the same keys whatever the catalog holds."""
    return tuple(Count(w, w, counts.get(w, 0)) for w in words)


def _known_share(answers: list[bool | None]) -> Share:
    known = [a for a in answers if a is not None]
    n = sum(known)
    return Share(
        n, round(n / len(known), 4) if known else None, len(known), len(answers) - len(known)
    )


def _compression(matters: list[Matter]) -> Compression:
    cuts = []
    for m in matters:
        s, p = m.statutory_limit, m.promised_limit
        if s is None or p is None or s.unit != p.unit or s.value <= 0:
            continue
        cuts.append((s.value - p.value) / s.value)
    average = round(sum(cuts) / len(cuts), 4) if cuts else None
    return Compression(len(cuts), len(matters) - len(cuts), average)
