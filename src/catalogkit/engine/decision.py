"""A decision: the answer to one case, with where each part of it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..calendar.notes import DueNote
from ..model import TimeLimit
from .provenance import TraceEntry
from .route import Route
from .timeline import Step

Outcome = Literal["accept", "accept-pending-materials", "forward", "refuse", "undetermined"]

OUTCOME_ZH = {
    "accept": "予以受理",
    "accept-pending-materials": "材料补齐后受理（一次性告知）",
    "forward": "告知它处办理",
    "refuse": "不予受理",
    "undetermined": "尚需补充信息",
}


@dataclass(frozen=True)
class MissingMaterial:
    name: str
    originals: int
    copies: int
    reason: str


@dataclass(frozen=True)
class FactNeeded:
    """A fact the decision still needs, as the applicant is asked for it."""

    fact: str  # the key in the case's facts
    label: str  # the form's label (the key itself when the form has none)
    question: str


@dataclass(frozen=True)
class RefusalLine:
    reason: str
    basis: str
    source: str


@dataclass(frozen=True)
class FeeLine:
    id: str
    name: str
    amount: float
    waived: float
    net: float
    basis: str
    waived_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    matter: str
    matter_name: str
    locality: str
    handling_kind: str | None
    route: Route | None
    handled_at: str | None
    forward_to: str | None = None
    forward_reason: str | None = None  # in Chinese, as the resident is told
    forward_reason_en: str | None = None  # the same in English, for administrators
    missing_materials: tuple[MissingMaterial, ...] = ()
    missing_facts: tuple[str, ...] = ()
    facts_needed: tuple[FactNeeded, ...] = ()  # the missing facts with labels and questions
    unknown_fields: tuple[str, ...] = ()
    refusals: tuple[RefusalLine, ...] = ()
    fees: tuple[FeeLine, ...] = ()
    accepted_on: dt.date | None = None
    statutory_limit: TimeLimit | None = None
    promised_limit: TimeLimit | None = None
    statutory_due: dt.date | None = None
    promised_due: dt.date | None = None
    timeline: tuple[Step, ...] = ()  # proxy legs, acceptance, decision: each with its due day
    trace: tuple[TraceEntry, ...] = ()
    revision: str = ""
    plugins: dict[str, str] = field(default_factory=dict)
    submitted_on: dt.date | None = None
    provisional: bool = False
    """True when a due date (or the acceptance day) reaches into a year without calendar
    data: counted with weekends and fixed-date holidays only, to be confirmed once that
    year's file is loaded."""
    due_notes: tuple[DueNote, ...] = ()
    """Why the acceptance day and the due dates are what they are (see calendar.notes)."""

    @property
    def total_fee(self) -> float:
        return round(sum(f.net for f in self.fees), 2)
