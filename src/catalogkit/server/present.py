"""The engine's answers in the API's shapes (schemas.py)."""

from __future__ import annotations

from typing import Any

from pydantic.alias_generators import to_camel

from .. import engine as eng
from ..engine import OUTCOME_ZH, Decision
from ..guide.build import opening_hours
from ..model import TimeLimit
from ..resolve import Bundle
from . import schemas as api


def camel_keys(value: Any) -> Any:
    """A JSON value with its snake_case keys in camelCase, as the rest of the API."""
    if isinstance(value, dict):
        return {to_camel(k) if isinstance(k, str) else k: camel_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [camel_keys(v) for v in value]
    return value


def limit(value: TimeLimit | None) -> api.Limit | None:
    return None if value is None else api.Limit(value=value.value, unit=value.unit, note=value.note)


def hop(bundle: Bundle, h: eng.Hop) -> api.Hop:
    return api.Hop(
        locality=h.locality,
        locality_name=h.locality_name,
        level=bundle.locality(h.locality).level,
        role=h.role,
        venue=h.venue,
        venue_name=h.venue_name,
        promised_limit=limit(h.promised_limit),
        proxy_agent=h.proxy_agent,
        closed=h.closed,
        leg_limit=limit(h.leg_limit),
    )


def route_fields(bundle: Bundle, r: eng.Route, lang: str) -> dict[str, Any]:
    hops = [hop(bundle, h) for h in r.hops]
    by_id = {id(h): out for h, out in zip(r.hops, hops, strict=True)}
    return {
        "matter": r.matter,
        "matter_name": r.matter_name,
        "locality": r.locality,
        "locality_name": bundle.locality(r.locality).name,
        "handling_kind": r.handling_kind,
        "hops": hops,
        "accepted_at": by_id[id(r.accepted_at)],
        "decided_at": by_id[id(r.decided_at)],
        "proxy": [by_id[id(h)] for h in r.proxy],
        "explanation": r.explanation(lang),
        "date": r.date,
    }


def venue(bundle: Bundle, venue_id: str) -> dict[str, Any]:
    owned = bundle.venues[venue_id]
    v = owned.item
    return {
        "id": v.id,
        "name": v.name,
        "tier": v.tier,
        "locality": owned.locality,
        "address": v.address,
        "hours": opening_hours(v),
        "phones": [api.PhoneLine(label=p.label, number=p.number) for p in v.phones],
        "note": v.note,
    }


def place(bundle: Bundle, code: str) -> api.Place:
    loc = bundle.locality(code)
    return api.Place(code=code, name=loc.name, level=loc.level)


def decision(
    bundle: Bundle, d: Decision, lang: str, decision_id: str, notices: list[api.Notice]
) -> api.DecisionAnswer:
    return api.DecisionAnswer(
        decision_id=decision_id,
        revision=d.revision,
        outcome=d.outcome,
        outcome_zh=OUTCOME_ZH[d.outcome],
        matter=d.matter,
        matter_name=d.matter_name,
        locality=d.locality,
        handling_kind=d.handling_kind,
        route=None if d.route is None else api.RouteBody(**route_fields(bundle, d.route, lang)),
        handled_at=d.handled_at,
        forward_to=d.forward_to,
        forward_reason=d.forward_reason,
        missing_materials=[
            api.MissingMaterial(
                name=m.name, originals=m.originals, copies=m.copies, reason=m.reason
            )
            for m in d.missing_materials
        ],
        missing_facts=list(d.missing_facts),
        facts_needed=[
            api.FactNeeded(fact=f.fact, label=f.label, question=f.question) for f in d.facts_needed
        ],
        unknown_fields=list(d.unknown_fields),
        refusals=[api.Refusal(reason=r.reason, basis=r.basis, source=r.source) for r in d.refusals],
        fees=[
            api.Fee(
                id=f.id,
                name=f.name,
                amount=f.amount,
                waived=f.waived,
                net=f.net,
                basis=f.basis,
                waived_by=list(f.waived_by),
            )
            for f in d.fees
        ],
        total_fee=d.total_fee,
        submitted_on=d.submitted_on,
        accepted_on=d.accepted_on,
        statutory_limit=limit(d.statutory_limit),
        promised_limit=limit(d.promised_limit),
        statutory_due=d.statutory_due,
        promised_due=d.promised_due,
        timeline=[
            api.TimelineStep(
                role=s.role,
                locality=s.locality,
                venue=s.venue,
                venue_name=s.venue_name,
                limit=limit(s.limit),
                due=s.due,
            )
            for s in d.timeline
        ],
        provisional=d.provisional,
        due_notes=[api.DueNoteLine(**n.as_dict()) for n in d.due_notes],
        trace=[api.TraceLine(part=t.part, detail=t.detail, source=t.source) for t in d.trace],
        plugins=dict(d.plugins),
        notices=notices,
    )
