"""What goes on the wall and into households: a venue's matter list (服务事项清单)
and a town's booklet (百事通) of everything its residents can do, and where."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..engine import route
from ..resolve import Bundle
from ..resolve.matter_checks import show_limit
from ..unknown import UNKNOWN_ZH
from .life_events import ordered
from .rows import fee_text


@dataclass(frozen=True)
class ListedMatter:
    code: str
    name: str
    theme: str
    department: str
    window: str
    kind: str
    promised: str
    fee: str
    role: str = ""
    where: str = ""
    proxy_in_villages: bool = False


def _fee(bundle: Bundle, code: str) -> str:
    fees = bundle.matter(code).fees
    if fees is None:
        return UNKNOWN_ZH
    if not fees.charged:
        return "不收费"
    return fee_text(fees.items)  # sentences: never 「…元。；…」


def venue_list(bundle: Bundle, venue: str) -> list[ListedMatter]:
    """Every matter handled at `venue`: defined there, or claimed by a locality it serves."""
    owner = bundle.venues[venue]
    served = {owner.locality} | {
        c for c, e in bundle.localities.items() if e.locality.served_by == venue
    }
    windows = {w.id: w.name for w in owner.item.windows}
    out: dict[str, ListedMatter] = {}
    for code, entry in bundle.matters.items():
        m = entry.matter
        if m.venue == venue:
            out[code] = _listed(
                bundle,
                code,
                windows.get(m.window or "", "综合窗口"),
                show_limit(m.promised_limit) if m.promised_limit else "—",
                "decide",
            )
    for locality in sorted(served):
        own = bundle.locality(locality)
        default = own.served_by or (own.venues[0].id if own.venues else None)
        for code, claim in bundle.claims.get(locality, {}).items():
            if (claim.claim.venue or default) != venue or code in out:
                continue
            limit = show_limit(claim.promised_limit) if claim.promised_limit else "—"
            window = windows.get(claim.claim.window or "", "综合窗口")
            out[code] = _listed(
                bundle, code, window, limit, claim.claim.role, claim.claim.department
            )
    return sorted(out.values(), key=lambda x: (x.window, x.department, x.code))


def _listed(
    bundle: Bundle, code: str, window: str, promised: str, role: str, body: str | None = None
) -> ListedMatter:
    m = bundle.matter(code)
    return ListedMatter(
        code,
        m.name,
        m.theme or "其他",
        bundle.departments[body or m.department].item.name,
        window,
        m.handling_kind or UNKNOWN_ZH,
        promised,
        _fee(bundle, code),
        role,
    )


def booklet(bundle: Bundle, town: str) -> dict[str, list[ListedMatter]]:
    """A town's matters by theme, each with where a resident goes first and whether
    village stations carry it for them (代办)."""
    chain = bundle.chain(town)
    villages = [c for c, e in bundle.localities.items() if e.parent == town]
    themes: dict[str, list[ListedMatter]] = defaultdict(list)
    for code, entry in sorted(bundle.matters.items()):
        if entry.locality not in chain:
            continue
        found = route(bundle, code, town)
        first = found.hops[0]
        m = entry.matter
        proxy = any(
            (c := bundle.claim(v, code)) is not None
            and c.claim.role in ("proxy", "accept", "decide")
            for v in villages
        )
        themes[m.theme or "其他"].append(
            ListedMatter(
                code,
                m.name,
                m.theme or "其他",
                bundle.departments[found.decided_at.department or m.department].item.name,
                "",
                m.handling_kind or UNKNOWN_ZH,
                show_limit(first.promised_limit) if first.promised_limit else "—",
                _fee(bundle, code),
                first.role,
                first.venue_name or first.locality_name,
                proxy,
            )
        )
    return {theme: themes[theme] for theme in ordered(themes)}  # a resident's life order
