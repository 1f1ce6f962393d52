"""The JSON of the case ledger's answers (/v1/cases): its part of the public contract."""

from __future__ import annotations

from typing import Any

from ..schemas import ApiModel


class NextStep(ApiModel):
    text: str
    by: str | None = None


class Applicant(ApiModel):
    name: str
    kind: str
    id_masked: str | None = None
    phone_masked: str


class Due(ApiModel):
    promised: str | None = None
    statutory: str | None = None
    note: str | None = None


class TimelineEntry(ApiModel):
    seq: int
    kind: str
    kind_zh: str
    on: str
    recorded_at: str
    venue: str
    staff: str | None = None
    channel: str
    actor: str | None = None
    details: dict[str, Any]


class CaseAnswer(ApiModel):
    """One case: its state, due dates, what happens next, and (when read by itself) its
    timeline and the engine's decision stored at acceptance."""

    case_no: str
    version: int
    state: str
    state_zh: str
    county: str
    venue: str
    holder: str
    in_transit_to: str | None = None
    matter: str
    matter_name: str | None = None
    locality: str
    channel: str
    channel_zh: str
    applicant: Applicant
    applied_on: str
    accepted_on: str | None = None
    revision: str | None = None
    limits: dict[str, Any] | None = None
    clock: dict[str, Any]
    due: Due
    overdue: bool
    missing: list[str]
    reasons: list[str]
    result: str | None = None
    document: str | None = None
    finished_on: str | None = None
    delivered_on: str | None = None
    rating: dict[str, Any] | None = None
    case_kind: str = "application"
    about: dict[str, Any] | None = None
    ratings: dict[str, Any] | None = None
    reply: str | None = None
    follow_up: dict[str, Any] | None = None
    materials: list[str] | None = None
    allowed_next: list[str]
    next: NextStep
    timeline: list[TimelineEntry] | None = None
    decision: dict[str, Any] | None = None


class CaseList(ApiModel):
    cases: list[CaseAnswer]
    next: str | None = None
