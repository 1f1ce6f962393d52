"""The effective service guide (办事指南) of a matter as seen from a locality: the
county's definition after the claims, rules and plugins that apply there."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from ..engine import Engine, route
from ..engine.placed import enabled_plugins
from ..model import (
    EligibilityRule,
    FeeRule,
    LegalBasis,
    LimitRule,
    TimeLimit,
    Venue,
    WaiverRule,
    unknown_fields,
)
from ..resolve.bodies import body_name
from ..resolve.matter_checks import show_limit
from ..unknown import unknown_text
from .condition_words import describe
from .labels import LABELS
from .rows import fact_rows, fee_line, fee_text, online_text
from .time_limits import counting_text, provisional_text, today_or_pinned


def _basis(items: list[LegalBasis]) -> list[str]:
    return [b.title + (f" {b.article}" if b.article else "") for b in items]


def _limit(limit: TimeLimit | None) -> str | None:
    if limit is None:
        return None
    text = show_limit(limit)
    return f"{text}（{limit.note}）" if limit.note else text


DUE_LABELS = {"zh": ("承诺办结日期", "法定办结日期"), "en": ("promised due", "statutory due")}


@dataclass(frozen=True)
class VenueStop:
    role: str
    locality: str
    venue: str
    address: str
    hours: list[str]
    phones: list[str]
    windows: list[str]
    proxy_agent: str | None = None
    leg_limit: str | None = None  # proxy stops: the time to carry the file on (代办时限)


@dataclass(frozen=True)
class Guide:
    matter: dict[str, Any]
    locality: dict[str, str]
    route: list[VenueStop]
    explanation: str
    materials: list[dict[str, Any]]
    fees: dict[str, Any] | None  # None: not known yet
    limits: dict[str, Any]
    rules: list[dict[str, str]]
    contacts: dict[str, list[str]]
    sections: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, str]] = field(default_factory=list)  # rows.fact_rows: one table
    revision: str = ""
    generated: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def build_guide(
    engine: Engine, matter: str, locality: str, lang: str = "zh", today: dt.date | None = None
) -> Guide:
    """The guide, with its basic facts as rows (`facts`) that every rendering shows."""
    g = _build(engine, matter, locality, lang, today_or_pinned(today))
    return replace(g, facts=fact_rows(asdict(g), LABELS[lang], lang))


def _build(engine: Engine, matter: str, locality: str, lang: str, today: dt.date) -> Guide:
    bundle = engine.bundle
    m = bundle.matter(matter)  # a basic code or an 实施编码
    matter = bundle.matter_code(matter) or matter
    chain = tuple(bundle.chain(locality))
    found = route(bundle, matter, locality)
    decider = found.decided_at
    body = decider.department or m.department
    dept = bundle.departments[body].item  # the implementing body: a claim may name its own
    own_body = body != m.department
    accepting = bundle.claim(found.accepted_at.locality, matter)
    visits = accepting.visits if accepting else (m.visits.count if m.visits else None)
    phones = list(m.consultation or dept.consultation) or _venue_phones(engine, found)
    rules = engine.rules_for(matter, locality)
    enabled = enabled_plugins(bundle, chain)
    sections = engine.plugins.at(enabled, locality).guide_sections(matter, locality, bundle)
    promised = found.accepted_at.promised_limit or m.promised_limit
    venue = found.accepted_at.venue if found.accepted_at.venue in bundle.venues else None
    settings = bundle.settings
    return Guide(
        matter={
            "code": m.code,
            "implementation_code": bundle.implementation_code(matter, body, decider.locality),
            "name": m.name,
            "aliases": m.aliases,
            "type": m.type,
            "status": m.status,
            "levels": m.levels,
            "basis": _basis(m.basis) if m.basis is not None else None,
            "power_source": m.power_source,
            "service_objects": m.service_objects,
            "conditions": m.conditions,
            "handling_kind": m.handling_kind,
            "department": dept.name,
            "body": body_name(bundle, m),
            "credit_code": dept.credit_code,
            "nature": dept.nature,
            "process": None
            if m.process is None
            else [
                {
                    "name": s.name,
                    "actor": s.actor,
                    "limit": _limit(s.limit),
                    "standard": s.standard,
                    "result": s.result,
                }
                for s in m.process
            ],
            "visits": visits,
            "visit_reason": m.visits.reason if m.visits else None,
            "online": m.online.model_dump() if m.online else None,
            "online_text": online_text(m.online, lang) if m.online else None,
            "delivery": m.delivery.model_dump() if m.delivery else None,
            "across_area": m.across_area,
            "result": m.result.model_dump() if m.result else None,
            "remedies": m.remedies.model_dump() if m.remedies else None,
            "faq": [f.model_dump() for f in m.faq],
            "illustrative": m.illustrative,
            "publication": m.publication,
            "source_url": m.source_url,
            "unknown": unknown_fields(m),
            "unknown_text": unknown_text(lang, phones),
            "special_procedures": [
                {"name": s.name, "limit": _limit(s.limit), "counted": s.counted}
                for s in m.special_procedures
            ],
        },
        locality={"code": locality, "name": bundle.locality(locality).name},
        route=[_stop(engine, hop) for hop in found.hops],
        explanation=found.explanation(lang),
        materials=[
            {
                "name": x.name,
                "necessity": x.necessity,
                "originals": x.originals,
                "copies": x.copies,
                "form": x.form,
                "source": x.source,
                "notes": x.notes,
                "when": describe(x.when, m.form, lang),
            }
            for x in m.materials
        ],
        fees=None
        if m.fees is None
        else {
            "charged": m.fees.charged,
            "text": fee_text(m.fees.items) if m.fees.charged else LABELS[lang]["free"],
            "items": [
                {
                    "name": i.name,
                    "standard": i.standard,
                    "line": fee_line(i.name, i.standard),
                    "basis": _basis(i.basis),
                    "reducible": i.reducible,
                    "reduction_basis": _basis(i.reduction_basis),
                }
                for i in m.fees.items
            ],
        },
        limits={
            "statutory": _limit(m.statutory_limit),
            "promised": _limit(promised),
            "counting": counting_text(
                (m.statutory_limit, promised),
                bundle.venues[venue].item if venue is not None else None,
                settings.count_from_next_day if settings is not None else True,
                lang,
            ),
            "provisional": provisional_text(
                engine,
                ((DUE_LABELS[lang][0], promised), (DUE_LABELS[lang][1], m.statutory_limit)),
                locality,
                venue,
                today,
                lang,
            ),
        },
        rules=[
            _rule_line(p.rule, m.form, lang)
            for p in rules
            if isinstance(p.rule, EligibilityRule | FeeRule | WaiverRule | LimitRule)
        ],
        contacts={  # the matter's own phones are the county body's, not a town's
            "consultation": list(
                dept.consultation if own_body else m.consultation or dept.consultation
            ),
            "supervision": list(
                dept.supervision if own_body else m.supervision or dept.supervision
            ),
        },
        sections=[
            {"title": s.title, "body": s.body, "plugin": name}
            for name, s in sorted(sections, key=lambda p: (p[1].order, p[1].title))
        ],
        revision=bundle.revision,
        generated=today.isoformat(),
    )


def opening_hours(venue: Venue) -> list[str]:
    """「工作日 08:30—11:30（note）」, one line per opening."""
    return [
        f"{'、'.join(h.days)} {h.opens}—{h.closes}" + (f"（{h.note}）" if h.note else "")
        for h in venue.hours
    ]


def _stop(engine: Engine, hop: Any) -> VenueStop:
    venue = engine.bundle.venues[hop.venue].item if hop.venue in engine.bundle.venues else None
    hours = opening_hours(venue) if venue else []
    return VenueStop(
        hop.role,
        hop.locality_name,
        venue.name if venue else hop.locality_name,
        venue.address if venue else "",
        hours,
        [f"{p.label} {p.number}" for p in (venue.phones if venue else [])],
        [w.name for w in (venue.windows if venue else [])],
        hop.proxy_agent,
        _limit(hop.leg_limit),
    )


def _venue_phones(engine: Engine, found: Any) -> list[str]:
    """The accepting venue's phones: whom a resident asks about what is not known yet."""
    venue = engine.bundle.venues.get(found.accepted_at.venue or "")
    return [p.number for p in venue.item.phones] if venue else []


def _rule_line(rule: Any, form: Any, lang: str) -> dict[str, str]:
    when = describe(rule.when, form, lang)
    if isinstance(rule, EligibilityRule):
        what = f"不予受理：{rule.refuse}" if lang == "zh" else f"refused: {rule.refuse}"
    elif isinstance(rule, FeeRule):
        what = f"收费：{rule.name}，{rule.standard}"
    elif isinstance(rule, WaiverRule):
        share = "全免" if rule.share >= 1 else f"减免{int(rule.share * 100)}%"
        what = f"{rule.fee}：{share}"
    else:
        what = f"承诺时限：{show_limit(rule.promised_limit)}"
    return {"when": when, "what": what, "basis": "；".join(_basis(rule.basis))}
