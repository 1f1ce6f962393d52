"""Exports for other systems: CPSV-AP 3.2 JSON-LD (one PublicService per matter) and
the resolved bundle as JSON."""

from __future__ import annotations

from typing import Any

from .model import ON_THE_SPOT_UNITS, TimeLimit
from .resolve import Bundle

CPSV_CONTEXT = {
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "catalogkit": "https://catalogkit.example.org/ns#",
}


def iso_duration(limit: TimeLimit | None) -> str | None:
    """ISO 8601 has no working days: calendar limits become P<n>D, on-the-spot PT0S;
    working-day limits stay in our own `catalogkit:workingDays`."""
    if limit is None or limit.unit == "工作日":
        return None
    if limit.unit in ON_THE_SPOT_UNITS or limit.value == 0:
        return "PT0S"
    return f"P{limit.value}{_ISO_UNIT.get(limit.unit, 'D')}"


_ISO_UNIT = {"月": "M", "年": "Y"}


def to_cpsv(bundle: Bundle) -> dict[str, Any]:
    services = []
    for code, entry in sorted(bundle.matters.items()):
        m = entry.matter
        dept = bundle.department_of(m)
        service: dict[str, Any] = {
            "@id": f"urn:catalogkit:service:{bundle.implementation_code(code)}",
            "@type": "cpsv:PublicService",
            "dct:identifier": bundle.implementation_code(code),
            "dct:title": {"@value": m.name, "@language": "zh"},
            "dct:description": {"@value": m.conditions, "@language": "zh"},
            "cv:hasCompetentAuthority": {
                "@id": f"urn:catalogkit:organisation:{dept.credit_code}",
                "@type": "cv:PublicOrganisation",
                "skos:prefLabel": {"@value": dept.name, "@language": "zh"},
                "dct:identifier": dept.credit_code,
            },
            "cpsv:hasInput": [
                {
                    "@type": "cv:Evidence",
                    "dct:title": {"@value": x.name, "@language": "zh"},
                    "catalogkit:originals": x.originals,
                    "catalogkit:copies": x.copies,
                    "catalogkit:necessity": x.necessity,
                }
                for x in m.materials
            ],
            "cpsv:produces": [
                {
                    "@type": "cv:Output",
                    "dct:title": {"@value": m.result.name or m.result.type, "@language": "zh"},
                }
            ]
            if m.result
            else [],
            "cv:hasCriterion": [
                {
                    "@type": "cv:CriterionRequirement",
                    "dct:title": {"@value": m.conditions, "@language": "zh"},
                }
            ],
            "catalogkit:handlingKind": m.handling_kind,
            "catalogkit:matterType": m.type,
        }
        duration = iso_duration(m.promised_limit)
        if duration:
            service["cv:processingTime"] = duration
        if m.promised_limit is not None and m.promised_limit.unit == "工作日":
            service["catalogkit:workingDays"] = m.promised_limit.value
        services.append(service)
    return {"@context": CPSV_CONTEXT, "@graph": services, "catalogkit:revision": bundle.revision}


def to_json(bundle: Bundle) -> dict[str, Any]:
    """The resolved bundle: every locality with its parent, venues, departments, matters
    and each locality's effective claims (limits after tightening)."""
    return {
        "revision": bundle.revision,
        "localities": {
            code: {
                "name": e.locality.name,
                "level": e.locality.level,
                "parent": e.parent,
                "servedBy": e.locality.served_by,
                "children": list(bundle.children[code]),
            }
            for code, e in sorted(bundle.localities.items())
        },
        "venues": {
            vid: {**o.item.model_dump(by_alias=True, mode="json"), "locality": o.locality}
            for vid, o in sorted(bundle.venues.items())
        },
        "departments": {
            did: {**o.item.model_dump(by_alias=True, mode="json"), "locality": o.locality}
            for did, o in sorted(bundle.departments.items())
        },
        "matters": {
            code: {
                **e.matter.model_dump(by_alias=True, mode="json", exclude_none=True),
                "definedBy": e.locality,
                "implementationCode": bundle.implementation_code(code),
            }
            for code, e in sorted(bundle.matters.items())
        },
        "claims": {
            code: {
                m: {
                    "role": c.claim.role,
                    "venue": c.claim.venue,
                    "promisedLimit": c.promised_limit.model_dump(mode="json")
                    if c.promised_limit
                    else None,
                    "visits": c.visits,
                    "profile": c.profile,
                }
                for m, c in sorted(claims.items())
            }
            for code, claims in sorted(bundle.claims.items())
            if claims
        },
    }
