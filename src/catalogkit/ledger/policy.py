"""What a locality sets for rectifications, complaints and follow-up: catalog data
(`feedback:` on a locality, inherited by the localities below it), else catalogkit's
defaults. Read when an event is recorded and written into it, so the projection never
needs the catalog again."""

from __future__ import annotations

from typing import Any

from ..resolve import Bundle

DEFAULTS: dict[str, Any] = {
    "rectificationLimit": {"value": 15, "unit": "工作日"},
    "complaintLimit": {"value": 15, "unit": "工作日"},
    "followUpRate": 0.1,
    "followUpAttempts": 3,
}
_FIELDS = {
    "rectificationLimit": "rectification_limit",
    "complaintLimit": "complaint_limit",
    "followUpRate": "follow_up_rate",
    "followUpAttempts": "follow_up_attempts",
}


def policy(bundle: Bundle | None, locality: str) -> dict[str, Any]:
    """The nearest setting of each key from the locality up to its county, else the default."""
    found: dict[str, Any] = {}
    chain = bundle.chain(locality) if bundle is not None and locality in bundle.localities else []
    for code in chain:
        feedback = getattr(bundle.localities[code].locality, "feedback", None)  # type: ignore[union-attr]
        if feedback is None:
            continue
        for key, name in _FIELDS.items():
            value = getattr(feedback, name)
            if value is not None and key not in found:
                found[key] = (
                    {"value": value.value, "unit": value.unit} if key.endswith("Limit") else value
                )
    return {**DEFAULTS, **found}


def limits(limit: dict[str, Any]) -> dict[str, Any]:
    """A rectification's or complaint's one limit as both a case's limits (no statute
    sets them apart: the promised and the statutory limit are the same)."""
    return {"promised": dict(limit), "statutory": dict(limit)}
