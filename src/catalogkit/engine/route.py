"""Where a resident of a locality takes a matter: the venue chain up to the tier
that decides it, with proxy service where a village or town offers it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import UsageError
from ..model import TimeLimit
from ..resolve import Bundle


@dataclass(frozen=True)
class Hop:
    locality: str
    locality_name: str
    role: str  # proxy, accept or decide
    venue: str | None
    venue_name: str | None
    promised_limit: TimeLimit | None
    proxy_agent: str | None = None
    department: str | None = None  # the body acting here, when the catalog names one
    closed: str | None = None  # why the venue does not open on the route's date (周一, 国庆节)
    leg_limit: TimeLimit | None = None  # proxy hops: time to carry the file to the next hop


@dataclass(frozen=True)
class Route:
    matter: str
    matter_name: str
    locality: str
    handling_kind: str | None
    hops: tuple[Hop, ...]
    date: dt.date | None = None  # the day the route was placed on (see placing.py)

    @property
    def accepted_at(self) -> Hop:
        return next(h for h in self.hops if h.role in ("accept", "decide"))

    @property
    def decided_at(self) -> Hop:
        return next(h for h in self.hops if h.role == "decide")

    @property
    def proxy(self) -> tuple[Hop, ...]:
        return tuple(h for h in self.hops if h.role == "proxy")

    def explanation(self, lang: str = "zh") -> str:
        """The route in one sentence, as window staff would say it."""
        steps = []
        for hop in self.hops:
            where = hop.venue_name or hop.locality_name
            if lang == "zh":
                agent = f"（{hop.proxy_agent}）" if hop.proxy_agent else ""
                verb = {"proxy": "代办", "accept": "受理", "decide": "办理并作出决定"}[hop.role]
                closed = f"（{self.date} {hop.closed}不开放）" if hop.closed else ""
                steps.append(f"{where}{agent}{verb}{closed}")
            else:
                agent = f" by {hop.proxy_agent}" if hop.proxy_agent else ""
                verb = {"proxy": "carries it up", "accept": "accepts it", "decide": "decides it"}[
                    hop.role
                ]
                closed = f" (closed on {self.date}: {hop.closed})" if hop.closed else ""
                steps.append(f"{where}{agent} {verb}{closed}")
        if lang == "zh":
            return f"{self.matter_name}：" + "，".join(steps) + "。"
        return f"{self.matter_name}: " + "; ".join(steps) + "."


def home_venue(bundle: Bundle, code: str) -> str | None:
    """The venue that serves a locality at its own tier."""
    loc = bundle.locality(code)
    if loc.served_by is not None:
        return loc.served_by
    return loc.venues[0].id if loc.venues else None


def route(bundle: Bundle, matter: str, locality: str) -> Route:
    m = bundle.matter(matter)  # a basic code or an 实施编码
    matter = bundle.matter_code(matter) or matter
    chain = bundle.chain(locality)
    definer = bundle.matters[matter].locality
    if definer not in chain:
        raise UsageError(
            f"{m.name} ({matter}) is defined by {definer}, which does not serve {locality}"
        )
    hops: list[Hop] = []
    for code in chain[: chain.index(definer)]:
        claim = bundle.claim(code, matter)
        if claim is None:
            continue
        venue = claim.claim.venue or home_venue(bundle, code)
        hops.append(
            _hop(
                bundle,
                code,
                claim.claim.role,
                venue,
                claim.promised_limit,
                claim.claim.proxy_agent,
                claim.claim.department,
                claim.claim.proxy_limit,
            )
        )
        if claim.claim.role == "decide":
            break
    if not any(h.role == "decide" for h in hops):
        hops.append(_hop(bundle, definer, "decide", m.venue, m.promised_limit, None, m.department))
    return Route(matter, m.name, locality, m.handling_kind, tuple(hops))


def _hop(
    bundle: Bundle,
    code: str,
    role: str,
    venue: str | None,
    limit: TimeLimit | None,
    agent: str | None,
    department: str | None,
    leg: TimeLimit | None = None,
) -> Hop:
    name = bundle.venues[venue].item.name if venue is not None and venue in bundle.venues else None
    return Hop(
        code, bundle.locality(code).name, role, venue, name, limit, agent, department, None, leg
    )


_SCOPES = {"village": {"village", "group"}, "town": {"town", "village", "group"}}


def within(bundle: Bundle, locality: str, scope: str) -> list[Route]:
    """The matters a resident of `locality` can do without leaving the village (or the
    town): the first step of the route, proxy service included, is taken by the village
    (or the town) itself, at the station that serves it; for villages that share a
    center ("several villages, one center"; an island's town-and-village centers) that
    is the shared center."""
    levels = _SCOPES[scope]
    chain = bundle.chain(locality)
    out = []
    for code, entry in sorted(bundle.matters.items()):
        if entry.locality not in chain:
            continue
        found = route(bundle, code, locality)
        if bundle.locality(found.hops[0].locality).level in levels:
            out.append(found)
    return out
