"""Claims (认领): which locality takes up which matter, through its own list and the
profiles it uses; local limits may only tighten what the tier above promised."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import LEVEL_ORDER, Claim, TimeLimit
from .code_index import Index
from .locality_tree import ancestors, rooted
from .matter_checks import limit_exceeds, show_limit
from .references import dangling
from .sources import Problems, Source


@dataclass(frozen=True, slots=True)
class EffectiveClaim:
    """A claim after profiles and inheritance: the limit and visits that apply here."""

    claim: Claim
    source: Source
    promised_limit: TimeLimit | None
    visits: int | None  # None: not known yet (a draft matter)
    profile: str | None = None


Claims = dict[str, dict[str, EffectiveClaim]]


def resolve_claims(index: Index, p: Problems, declared: set[str]) -> Claims:
    out: Claims = {}
    order = sorted(index.localities, key=lambda c: LEVEL_ORDER[index.localities[c].locality.level])
    profiled: ProfileClaims = {}
    for code in order:
        if not rooted(index, code):
            continue
        ups = ancestors(index, code)
        gathered = _gather(index, p, code, ups, profiled)
        effective: dict[str, EffectiveClaim] = {}
        for matter_code, (claim, source, profile) in gathered.items():
            entry = index.matters.get(matter_code)
            if entry is None:
                if matter_code not in declared:
                    dangling(
                        p, "matter", "事项", matter_code, list(index.matters), source.at("matter")
                    )
                continue
            if entry.locality not in index.localities:
                continue  # the defining locality is unknown: reported on the Matters file
            if entry.locality not in ups:
                here = entry.locality == code
                p.add(
                    "claim-not-inherited",
                    f"{matter_code} is defined "
                    + (
                        "by this locality itself: it needs no claim"
                        if here
                        else f"by {entry.locality}, which is not above this locality"
                    ),
                    f"事项 {matter_code} "
                    + (
                        "由本级定义，无需认领"
                        if here
                        else f"由 {entry.locality} 定义，不是本级的上级"
                    ),
                    source.at("matter"),
                    expected="a matter of a higher tier",
                    found=entry.locality,
                )
                continue
            parent = _parent_effective(out, ups, matter_code)
            base_limit = parent.promised_limit if parent else entry.matter.promised_limit
            base_visits = (
                parent.visits
                if parent
                else (entry.matter.visits.count if entry.matter.visits else None)
            )
            limit = _tightened_limit(p, claim, source, base_limit, entry.matter.statutory_limit)
            visits = base_visits
            if claim.visits is not None:
                if base_visits is not None and claim.visits > base_visits:
                    p.add(
                        "not-tightened",
                        f"a local claim may only lower the visits: {claim.visits} is more "
                        f"than the {base_visits} above",
                        f"本级到现场次数只能减少：{claim.visits} 次多于上级的 {base_visits} 次",
                        source.at("visits"),
                        expected=f"at most {base_visits}",
                        found=str(claim.visits),
                    )
                else:
                    visits = claim.visits
            _check_places(index, p, code, claim, source, declared)
            if claim.proxy_limit is not None and claim.role != "proxy":
                p.add(
                    "proxy-limit-role",
                    f"'proxyLimit' is the time of a proxy leg, but this claim's role is "
                    f"{claim.role}: remove it, or make the claim role: proxy",
                    f"proxyLimit 是代办环节的时限，而本认领的职责为 {claim.role}："
                    "请删除，或将职责改为 proxy",
                    source.at("proxyLimit"),
                    expected="role: proxy",
                    found=f"role: {claim.role}",
                )
            effective[matter_code] = EffectiveClaim(claim, source, limit, visits, profile)
        out[code] = effective
    return out


ProfileClaims = dict[tuple[str, str], list[tuple[Claim, Source]]]


def _profile_claims(
    index: Index, key: tuple[str, str], done: ProfileClaims
) -> list[tuple[Claim, Source]]:
    """A profile's claims with their sources, built once for all the villages using it."""
    found = done.get(key)
    if found is None:
        prof = index.profiles[key]
        found = [(c, prof.source.at("claims", j)) for j, c in enumerate(prof.item.claims)]
        done[key] = found
    return found


def _gather(
    index: Index, p: Problems, code: str, ups: list[str], profiled: ProfileClaims
) -> dict[str, tuple[Claim, Source, str | None]]:
    entry = index.localities[code]
    loc = entry.locality
    from_profiles: dict[str, tuple[Claim, Source, str | None]] = {}
    for i, name in enumerate(loc.use_profiles):
        owner = next((a for a in ups if (a, name) in index.profiles), None)
        if owner is None:
            choices = [pid for (a, pid) in index.profiles if a in ups]
            dangling(p, "profile", "模板", name, choices, entry.source.at("useProfiles", i))
            continue
        for claim, src in _profile_claims(index, (owner, name), profiled):
            seen = from_profiles.get(claim.matter)
            if seen is not None and seen[0] != claim and not _own_claims(loc, claim.matter):
                p.add(
                    "conflicting-claims",
                    f"the profiles {seen[2]!r} and {name!r} both claim {claim.matter} "
                    "differently; claim it in this locality to decide",
                    f"模板 {seen[2]!r} 与 {name!r} 对事项 {claim.matter} 的认领不一致；"
                    "请在本级认领中明确",
                    entry.source.at("useProfiles", i),
                    related=(seen[1].file,),
                )
                continue
            from_profiles.setdefault(claim.matter, (claim, src, name))
    own: dict[str, tuple[Claim, Source, str | None]] = {}
    for i, claim in enumerate(loc.claims):
        src = entry.source.at("claims", i)
        if claim.matter in own:
            p.duplicate(
                "claim of", "认领事项", claim.matter, own[claim.matter][1], src.at("matter")
            )
            continue
        own[claim.matter] = (claim, src, None)
    return {**from_profiles, **own}


def _own_claims(loc: object, matter: str) -> bool:
    return any(c.matter == matter for c in getattr(loc, "claims", ()))


def _parent_effective(out: Claims, ups: list[str], matter: str) -> EffectiveClaim | None:
    for code in ups:
        found = out.get(code, {}).get(matter)
        if found is not None:
            return found
    return None


def _tightened_limit(
    p: Problems, claim: Claim, source: Source, base: TimeLimit | None, statutory: TimeLimit | None
) -> TimeLimit | None:
    local = claim.promised_limit
    if local is None:
        return base
    for bound, what, zh in (
        (base, "promised limit above", "上级承诺时限"),
        (statutory, "statutory limit", "法定时限"),
    ):
        if bound is None:
            continue
        longer = limit_exceeds(local, bound)
        if longer is None:
            p.add(
                "not-tightened",
                f"the local limit is in {local.unit} but the {what} is in {bound.unit}; "
                "use the same unit so they can be compared",
                f"本级时限单位为{local.unit}，{zh}单位为{bound.unit}；请使用相同单位",
                source.at("promisedLimit", "unit"),
                expected=bound.unit,
                found=local.unit,
            )
            return base
        if longer:
            p.add(
                "not-tightened",
                f"a local promised limit may only be shorter: {show_limit(local)} exceeds "
                f"the {what} of {show_limit(bound)}",
                f"本级承诺时限只能缩短：{show_limit(local)} 超过了{zh} {show_limit(bound)}",
                source.at("promisedLimit"),
                expected=f"at most {show_limit(bound)}",
                found=show_limit(local),
            )
            return base
    return local


def _check_places(
    index: Index, p: Problems, code: str, claim: Claim, source: Source, declared: set[str]
) -> None:
    department = claim.department
    if department and department not in index.departments and department not in declared:
        dangling(
            p,
            "department",
            "部门",
            department,
            list(index.departments),
            source.at("department"),
        )
    venue_id = claim.venue or _home_venue(index, code)
    if venue_id is None:
        return
    venue = index.venues.get(venue_id)
    if venue is None:
        if claim.venue is not None and claim.venue not in declared:
            dangling(p, "venue", "场所", claim.venue, list(index.venues), source.at("venue"))
        return
    if claim.window and all(w.id != claim.window for w in venue.item.windows):
        dangling(
            p,
            "window",
            "窗口",
            claim.window,
            [w.id for w in venue.item.windows],
            source.at("window"),
        )


def _home_venue(index: Index, code: str) -> str | None:
    """The venue a claim without one is handled at: the serving one, else its own."""
    loc = index.localities[code].locality
    return loc.served_by or (loc.venues[0].id if loc.venues else None)
