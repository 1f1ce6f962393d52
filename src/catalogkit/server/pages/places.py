"""What residents of a place can do, grouped by where they go first: the village
station, the town center, or the county hall (the first stop of each route)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...engine import Route, route
from ...engine.route import home_venue
from ...model import Locality
from ...resolve import Bundle

ROLE = {"proxy": "代办", "accept": "受理", "decide": "办理决定"}
FIRST = {"proxy": "代办", "accept": "受理", "decide": "办理"}  # what the first stop does
SECTIONS = (
    ("village", "在村（社区）办", "在村（社区）便民服务站或共用的便民服务中心办，或请代办员代办。"),
    ("town", "在镇（街道）办", "到镇（街道）便民服务中心办理。"),
    ("county", "到县里办", "到县行政审批服务中心或分厅办理。"),
)
_SECTION_OF = {"group": "village", "village": "village", "town": "town", "county": "county"}
_SUFFIXES = ("街道", "社区", "镇", "乡", "村", "组", "县", "区", "市")
_FALLBACK = {"county": "县", "town": "镇", "village": "村", "group": "组"}


def short_level(loc: Locality) -> str:
    """镇, 乡, 街道, 村, 社区 …: the word residents use for that tier of this place."""
    return next((s for s in _SUFFIXES if loc.name.endswith(s)), _FALLBACK[loc.level])


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    first: str  # e.g. 代办 · 石门坎村便民服务站
    decided: str  # where it is decided, when that is elsewhere


@dataclass
class Section:
    key: str
    title: str
    hint: str
    themes: dict[str, list[Item]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.themes.values())


def item(r: Route) -> Item:
    first, decided = r.hops[0], r.decided_at
    where = first.venue_name or first.locality_name
    other = "" if decided is first else (decided.venue_name or decided.locality_name)
    return Item(r.matter, r.matter_name, f"{FIRST[first.role]} · {where}", other)


def sections(bundle: Bundle, code: str) -> list[Section]:
    """Every matter offered to residents of `code`, by the level of its first stop."""
    out = {key: Section(key, title, hint) for key, title, hint in SECTIONS}
    chain = bundle.chain(code)
    for matter, entry in sorted(bundle.matters.items()):
        if entry.locality not in chain:
            continue
        r = route(bundle, matter, code)
        level = bundle.locality(r.hops[0].locality).level
        theme = bundle.matter(matter).theme or "其他"
        out[_SECTION_OF[level]].themes.setdefault(theme, []).append(item(r))
    for s in out.values():
        s.themes = dict(sorted(s.themes.items()))
    return [s for s in out.values() if s.count]


@dataclass(frozen=True)
class Nearby:
    level: str
    place: str
    venues: list[tuple[str, str]]  # (id, name)


def nearby(bundle: Bundle, code: str) -> list[Nearby]:
    """The stations, centers and halls that serve this place, nearest first."""
    out = []
    for c in bundle.chain(code):
        loc = bundle.locality(c)
        ids = [v.id for v in loc.venues] if loc.level == "county" else [home_venue(bundle, c)]
        found = [(v, bundle.venues[v].item.name) for v in ids if v and v in bundle.venues]
        if found:
            out.append(Nearby(short_level(loc), loc.name, found))
    return out


def towns(bundle: Bundle) -> list[tuple[str, str]]:
    """Towns and streets, for the first step of the picker."""
    return [
        (c, e.locality.name)
        for c, e in sorted(bundle.localities.items())
        if e.locality.level == "town"
    ]
