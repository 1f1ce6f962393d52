"""Names that point at other things: departments, venues, windows, localities."""

from __future__ import annotations

from ..errors import Diagnostic
from ..load.value_names import with_suggestion
from ..model import LEVEL_TIERS
from .code_index import Index
from .locality_tree import ancestors
from .sources import Problems, Source


def dangling(
    p: Problems,
    what: str,
    what_zh: str,
    key: str,
    choices: list[str],
    source: Source,
    *,
    at_key: bool = False,
) -> None:
    en, zh, guess = with_suggestion(
        f"there is no {what} {key!r}", f"不存在{what_zh} {key!r}", key, choices
    )
    p.append(
        Diagnostic(
            "unknown-reference",
            en,
            zh,
            source.file,
            source.path,
            expected=f"a known {what}",
            found=key,
            hint=guess,
            at_key=at_key,
        )
    )


def check_references(index: Index, p: Problems, declared: set[str]) -> None:
    """`declared` holds codes from documents that failed validation: never dangling."""
    venues = list(index.venues)
    depts = list(index.departments)
    for owned in index.departments.values():
        target = owned.item.entrusted_by
        if owned.item.nature == "受委托组织" and target is None:
            p.add(
                "missing-entrusting-body",
                f"{owned.item.name} is 受委托组织: name the entrusting department in 'entrustedBy'",
                f"{owned.item.name} 为受委托组织，须在 entrustedBy 中填写委托部门",
                owned.source,
                expected="entrustedBy",
                found="nothing",
            )
        if target is not None and target not in index.departments and target not in declared:
            dangling(p, "department", "部门", target, depts, owned.source.at("entrustedBy"))
    for entry in index.localities.values():
        loc = entry.locality
        for i, venue in enumerate(loc.venues):
            src = entry.source.at("venues", i)
            if venue.tier not in LEVEL_TIERS[loc.level]:
                p.add(
                    "venue-tier",
                    f"a {loc.level} cannot have a {venue.tier}; allowed: "
                    + ", ".join(sorted(LEVEL_TIERS[loc.level])),
                    f"该层级不能设置 {venue.tier} 类场所；允许："
                    + "、".join(sorted(LEVEL_TIERS[loc.level])),
                    src.at("tier"),
                    expected=", ".join(sorted(LEVEL_TIERS[loc.level])),
                    found=venue.tier,
                )
            seen: set[str] = set()
            for j, window in enumerate(venue.windows):
                wsrc = src.at("windows", j)
                if window.id in seen:
                    p.duplicate("window", "窗口", window.id, src, wsrc.at("id"))
                seen.add(window.id)
                for k, d in enumerate(window.departments):
                    if d not in index.departments and d not in declared:
                        dangling(p, "department", "部门", d, depts, wsrc.at("departments", k))
            for j, hours in enumerate(venue.hours):
                if hours.opens >= hours.closes:
                    p.add(
                        "bad-hours",
                        f"opens at {hours.opens} but closes at {hours.closes}",
                        f"开始时间 {hours.opens} 不早于结束时间 {hours.closes}",
                        src.at("hours", j),
                        expected="opens < closes",
                        found=f"{hours.opens}-{hours.closes}",
                    )
        if loc.served_by is not None:
            _check_served_by(index, p, entry.source, loc.code, loc.served_by, venues, declared)


def _check_served_by(
    index: Index,
    p: Problems,
    source: Source,
    code: str,
    venue_id: str,
    venues: list[str],
    declared: set[str],
) -> None:
    owned = index.venues.get(venue_id)
    if owned is None:
        if venue_id not in declared:
            dangling(p, "venue", "场所", venue_id, venues, source.at("servedBy"))
        return
    parent = index.localities[code].parent
    owner = index.localities.get(owned.locality)
    neighbour = parent is not None and owner is not None and owner.parent == parent
    if not neighbour and owned.locality != code and owned.locality not in ancestors(index, code):
        p.add(
            "served-by-far",
            f"the venue {venue_id!r} belongs to {owned.locality}, which is neither this "
            "locality, an ancestor nor a neighbour under the same parent",
            f"场所 {venue_id!r} 属于 {owned.locality}，既非本级、上级，也非同一上级下的相邻村社",
            source.at("servedBy"),
            expected="a venue nearby",
            found=venue_id,
        )


def check_lexicons(index: Index, p: Problems, declared: set[str]) -> None:
    """A county lexicon may name its own matters by code: each must exist."""
    codes = list(index.matters)
    for lexicon, root in index.lexicons:
        for i, entry in enumerate(lexicon.entries):
            for j, code in enumerate(entry.matters):
                if code not in index.matters and code not in declared:
                    dangling(p, "matter", "事项", code, codes, root.at("entries", i, "matters", j))
        for i, event in enumerate(lexicon.events):
            for j, step in enumerate(event.steps):
                step_code = step.matter
                if step_code is None or step_code in index.matters or step_code in declared:
                    continue
                where = root.at("events", i, "steps", j, "matter")
                dangling(p, "matter", "事项", step_code, codes, where)
