"""The steps of a decision once the case is placed, one function each, so that
`Engine.decide` reads in the order a window clerk works: what the case lacks or is
refused for, then, only for a case accepted today, its dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..calendar import DueNote, VenueHours, WorkingCalendar, accepted_on, due_date
from ..calendar.due import provisional_notes
from ..model.case import Case
from ..model.matter import Matter, TimeLimit
from ..plugins.case_view import CaseView
from ..plugins.hooks import Hooks
from ..resolve import Bundle
from . import parts
from .conditions import missing_facts
from .decision import FeeLine, MissingMaterial, Outcome, RefusalLine
from .placed import Placed
from .provenance import TraceEntry
from .questions import facts_needed
from .route import Route
from .timeline import Step, proxy_legs, timeline

ACCEPTING_VENUE = ("受理场所", "the venue")  # a venue without hours, as notes name it


def case_view(
    case: Case, matter: Matter, chain: tuple[str, ...], found: Route, bundle: Bundle
) -> CaseView:
    """What plugins see of `case` on the catalog's route `found`."""
    return CaseView(
        matter_code=case.matter,
        matter=matter,
        locality=case.locality,
        chain=chain,
        applicant=case.applicant,
        facts=CaseView.frozen({"applicant": case.applicant, **case.facts}),  # rules may ask
        materials=frozenset(case.materials),
        submitted=case.submitted,
        channel=case.channel,
        promised_limit=found.accepted_at.promised_limit,
        statutory_limit=matter.statutory_limit,
        bundle=bundle,
        route=found,
    )


@dataclass(frozen=True)
class Parts:
    """What a placed case lacks or is refused for, with fees and the promised limit."""

    refusals: tuple[RefusalLine, ...]
    materials: tuple[MissingMaterial, ...]
    missing_facts: tuple[str, ...]
    fees: tuple[FeeLine, ...]
    promised: TimeLimit | None
    trace: tuple[TraceEntry, ...]

    @property
    def outcome(self) -> Outcome:
        """A certain refusal wins over facts still missing, and facts still missing
        over materials: a case is accepted once nothing is missing."""
        if self.refusals:
            return "refuse"
        if self.missing_facts:
            return "undetermined"
        if self.materials:
            return "accept-pending-materials"
        return "accept"

    def decided(self, matter: Matter) -> dict[str, Any]:
        """The fields of the decision these parts answer."""
        return {
            "outcome": self.outcome,
            "missing_materials": self.materials,
            "missing_facts": self.missing_facts,
            "facts_needed": facts_needed(matter, self.missing_facts),
            "refusals": self.refusals,
            "fees": self.fees,
            "promised_limit": self.promised,
        }


def parts_of(
    view: CaseView, rules: tuple[Placed, ...], hooks: Hooks, version: Callable[[str], str]
) -> Parts:
    """Each part combined from the catalog's rules and the plugins' answers."""
    missing = sorted(facts_missing(view, rules))
    refusals, t1 = parts.eligibility(view, rules, hooks, version)
    materials, t2 = parts.materials(view, rules, hooks, version)
    fees, t3 = parts.fees(view, rules, hooks, version)
    promised, t4 = parts.promised_limit(view, rules, hooks, version)
    if refusals:  # refused: nothing more to state or hand in
        missing, materials = [], []
    return Parts(
        refusals=tuple(refusals),
        materials=tuple(materials),
        missing_facts=tuple(missing),
        fees=tuple(fees),
        promised=promised,
        trace=(*t1, *t2, *t3, *t4),
    )


def facts_missing(view: CaseView, rules: tuple[Placed, ...]) -> set[str]:
    """Facts the form requires, or a condition that applies asks for, not given."""
    out = {n for n, f in (view.matter.form or {}).items() if f.required and n not in view.facts}
    for material in view.matter.materials:
        out |= missing_facts(material.when, view.facts)
    for placed in rules:
        out |= missing_facts(placed.rule.when, view.facts)
    return out


@dataclass(frozen=True)
class Dates:
    """The acceptance day, the due dates and the timeline of a case accepted today
    (a refusal, 不予受理, has none; an incomplete case is accepted when the missing
    materials arrive), with the notes that say why."""

    accepted: dt.date | None = None
    notes: tuple[DueNote, ...] = ()
    statutory_due: dt.date | None = None
    promised_due: dt.date | None = None
    timeline: tuple[Step, ...] = ()

    def decided(self) -> dict[str, Any]:
        """The fields of the decision these dates answer."""
        return {
            "accepted_on": self.accepted,
            "provisional": any(n.code == "provisional" for n in self.notes),
            "due_notes": self.notes,
            "statutory_due": self.statutory_due,
            "promised_due": self.promised_due,
            "timeline": self.timeline,
        }


def dates_of(
    case: Case,
    found: Route,
    calendar: WorkingCalendar,
    hours: VenueHours | None,
    limits: tuple[TimeLimit | None, TimeLimit | None],  # statutory, promised
    next_day: bool,
) -> Dates:
    statutory, promised = limits
    legs, arrival = proxy_legs(
        found,
        case.channel,
        case.submitted,
        lambda day, limit: due_on(calendar, day, limit, [], next_day)[0],
    )
    # the hour of handing in says nothing about when a carried file arrives
    time = case.time if arrival == case.submitted else None
    accepted, notes = accepted_on(calendar, arrival, time, hours)
    if arrival != case.submitted:  # say why the clock starts days later
        names = (hours.name, hours.name) if hours is not None else ACCEPTING_VENUE
        notes = (DueNote("carried", (*names, case.submitted, len(legs), arrival)), *notes)
    if accepted.year != case.submitted.year or not calendar.has_data(accepted.year):
        notes += tuple(provisional_notes(calendar, case.submitted, accepted))
    pauses = [(p.start, p.end) for p in case.pauses]
    due_s, more_s = due_on(calendar, accepted, statutory, pauses, next_day)
    due_p, more_p = due_on(calendar, accepted, promised, pauses, next_day)
    # the promised date first, as guides show it; provisional notes last, once
    for note in sorted(more_p + more_s, key=lambda n: n.code == "provisional"):
        if note not in notes:
            notes += (note,)
    return Dates(accepted, notes, due_s, due_p, timeline(found, legs, accepted, promised, due_p))


def due_on(
    calendar: WorkingCalendar,
    accepted: dt.date,
    limit: TimeLimit | None,
    pauses: list[tuple[dt.date, dt.date]],
    next_day: bool,
) -> tuple[dt.date | None, tuple[DueNote, ...]]:
    if limit is None:
        return None, ()
    found = due_date(
        calendar, accepted, limit.value, limit.unit, pauses=pauses, count_from_next_day=next_day
    )
    return found.due, found.notes
