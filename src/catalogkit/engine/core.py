"""The Engine: a bundle and its plugins, answering route and decide.

An Engine is immutable in what it answers; it only caches what it has computed
(rules per matter and locality, working calendars per locality)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ..calendar import DueNote, VenueHours, WorkingCalendar, accepted_on, due_date
from ..calendar.due import provisional_notes
from ..errors import CaseError, ConflictError, UsageError
from ..model import Case, RoutingRule, TimeLimit, decisive_unknowns
from ..plugins import Closure, Plugins, VenueChoice
from ..resolve import Bundle
from . import parts
from .conditions import form_problems, holds, missing_facts
from .decision import Decision
from .placed import Placed, enabled_plugins, rules_for
from .placing import placed as placed_on
from .provenance import TraceEntry
from .questions import facts_needed
from .reckoning import DueAnswer, reckon
from .route import Route, route
from .timeline import Step, proxy_legs, timeline
from .view import CaseView

_ROUTES_KEPT = 65_536


class Engine:
    def __init__(
        self,
        bundle: Bundle,
        plugins: Plugins | None = None,
        *,
        missing_plugins: Literal["error", "ignore"] = "error",
    ) -> None:
        self.bundle = bundle
        self.plugins = plugins if plugins is not None else Plugins()
        wanted = {u.name for _, e in bundle.plugin_uses() for u in e.locality.plugins}
        missing = sorted(wanted - set(self.plugins.names()))
        if missing and missing_plugins == "error":  # answers would be wrong for those towns
            raise UsageError(
                "the catalog enables plugins that are not loaded: "
                + ", ".join(missing)
                + " / 目录启用了未加载的插件："
                + "、".join(missing)
            )
        self._rules: dict[tuple[str, str], tuple[Placed, ...]] = {}
        self._calendars: dict[tuple[tuple[str, ...], int], WorkingCalendar] = {}
        self._routes: dict[tuple[str, str, dt.date | None], Route] = {}
        self._placed: dict[tuple[str, str, dt.date, str | None], Route] = {}
        self._hours: dict[str, VenueHours | None] = {}

    def route(self, matter: str, locality: str, on: dt.date | None = None) -> Route:
        """Where a resident takes `matter` on the day `on` (default today): the catalog's
        route, its accepting hop moved where routing rules and plugins send a case of
        that day (rules over facts do not apply: no facts are given), and every hop
        whose venue is closed that day marked so. `decide` places its route the same
        way, so both name the same venues."""
        day = on if on is not None else dt.date.today()
        key = (matter, locality, day)
        known = self._routes.get(key)
        if known is None:
            code = self.bundle.matter_code(matter) or matter  # 实施编码 and basic code alike
            known = self._remember(key, self._place(code, locality, day))
        return known

    def _route(self, matter: str, locality: str) -> Route:
        """The catalog's route (no day, no plugins), computed once per pair."""
        key = (matter, locality, None)
        known = self._routes.get(key)
        if known is None:
            known = self._remember(key, route(self.bundle, matter, locality))
        return known

    def _remember(self, key: tuple[str, str, dt.date | None], found: Route) -> Route:
        if len(self._routes) >= _ROUTES_KEPT:  # bounded: a service runs for months
            self._routes.clear()
        self._routes[key] = found
        return found

    def _place(self, matter: str, locality: str, day: dt.date) -> Route:
        bundle = self.bundle
        found = self._route(matter, locality)
        chain = tuple(bundle.chain(locality))
        enabled = enabled_plugins(bundle, chain)
        rules = self._rules_for(matter, chain)
        venue = None
        if enabled or any(isinstance(p.rule, RoutingRule) for p in rules):
            m = bundle.matter(matter)
            view = CaseView(
                matter,
                m,
                locality,
                chain,
                "自然人",
                CaseView.frozen({}),
                frozenset(),
                day,
                "window",
                found.accepted_at.promised_limit,
                m.statutory_limit,
                bundle,
                found,
            )

            def ask(
                hook: str, kwargs: Mapping[str, Any], expect: Any, many: bool
            ) -> list[tuple[str, Any]]:
                return self.plugins.call(hook, enabled, locality, kwargs, expect, many=many)

            choice = self._choose(view, rules, ask)
            venue = choice[0] if choice is not None else None
        return placed_on(bundle, found, venue, day, self._calendar(chain, day.year, enabled))

    def due(
        self,
        submitted: dt.date,
        value: int,
        unit: str = "工作日",
        *,
        locality: str | None = None,
        venue: str | None = None,
        time: str | None = None,
    ) -> DueAnswer:
        """A due date with its reasons, as a decision would count it (see engine.due)."""
        return reckon(self, submitted, value, unit, locality=locality, venue=venue, time=time)

    def decide(self, case: Case) -> Decision:
        bundle = self.bundle
        matter = bundle.matter(case.matter)  # a basic code or an 实施编码
        if case.matter not in bundle.matters:
            case = case.model_copy(update={"matter": bundle.matter_code(case.matter)})
        chain = tuple(bundle.chain(case.locality))
        self._check_form(case)
        enabled = enabled_plugins(bundle, chain)
        base = Decision(
            "accept",
            case.matter,
            matter.name,
            case.locality,
            matter.handling_kind,
            None,
            None,
            revision=bundle.revision,
            plugins=self.plugins.versions(enabled),
        )
        unknown = decisive_unknowns(matter)
        if unknown:  # a draft: say what is not known rather than guess
            return _replace(base, outcome="undetermined", unknown_fields=unknown)
        definer = bundle.matters[case.matter].locality
        if definer not in chain and matter.venue is not None:
            venue = bundle.venues[matter.venue].item
            return _replace(
                base,
                outcome="forward",
                forward_to=matter.venue,
                forward_reason=f"{matter.name}由{bundle.locality(definer).name}"
                f"办理，请到{venue.name}",
            )
        found = self._route(case.matter, case.locality)
        rules = self._rules_for(case.matter, chain)

        def ask(
            hook: str, kwargs: Mapping[str, Any], expect: Any, many: bool
        ) -> list[tuple[str, Any]]:
            return self.plugins.call(hook, enabled, case.locality, kwargs, expect, many=many)

        version = self.plugins.get_version
        facts = {"applicant": case.applicant, **case.facts}  # rules may ask who applies
        view = CaseView(
            case.matter,
            matter,
            case.locality,
            chain,
            case.applicant,
            CaseView.frozen(facts),
            frozenset(case.materials),
            case.submitted,
            case.channel,
            found.accepted_at.promised_limit,
            matter.statutory_limit,
            bundle,
            found,
        )
        trace: list[TraceEntry] = []
        handled_at, forward = self._where(view, found, rules, ask, trace)
        key = (case.matter, case.locality, case.submitted, handled_at)
        placed = self._placed.get(key)
        if placed is None:
            calendar = self._calendar(chain, case.submitted.year, enabled)
            placed = placed_on(bundle, found, handled_at, case.submitted, calendar)
            if len(self._placed) >= _ROUTES_KEPT:
                self._placed.clear()
            self._placed[key] = placed
        found = placed
        if forward is not None:
            return _replace(
                base,
                outcome="forward",
                route=found,
                handled_at=handled_at,
                forward_to=forward[0],
                forward_reason=forward[1],
                trace=tuple(trace),
            )
        missing = sorted(self._missing_facts(view, rules))
        refusals, t1 = parts.eligibility(view, rules, ask, version)
        materials, t2 = parts.materials(view, rules, ask, version)
        fees, t3 = parts.fees(view, rules, ask, version)
        promised, t4 = parts.promised_limit(view, rules, ask, version)
        trace += t1 + t2 + t3 + t4
        outcome = (
            "refuse"  # a certain refusal wins over facts still missing
            if refusals
            else "undetermined"
            if missing
            else "accept-pending-materials"
            if materials
            else "accept"
        )
        if refusals:  # refused: nothing more to state or hand in
            missing, materials = [], []
        due_s = due_p = accepted = None
        notes: tuple[DueNote, ...] = ()
        steps: tuple[Step, ...] = ()
        # only a case accepted now has an acceptance day: a refusal (不予受理) has none,
        # and an incomplete one is accepted when the missing materials arrive
        if outcome == "accept" or (outcome == "accept-pending-materials" and not materials):
            calendar = self._calendar(chain, case.submitted.year, enabled)
            settings = bundle.settings
            next_day = settings.count_from_next_day if settings is not None else True
            legs, arrival = proxy_legs(
                found,
                case.channel,
                case.submitted,
                lambda day, limit: _due(calendar, day, limit, [], next_day)[0],
            )
            # the hour of handing in says nothing about when a carried file arrives
            time = case.time if arrival == case.submitted else None
            hours = self._venue_hours(handled_at)
            accepted, notes = accepted_on(calendar, arrival, time, hours)
            if arrival != case.submitted:  # say why the clock starts days later
                name = hours.name if hours is not None else "受理场所"
                carried = (name, name, case.submitted, len(legs), arrival)
                notes = (DueNote("carried", carried), *notes)
            if accepted.year != case.submitted.year or not calendar.has_data(accepted.year):
                notes += tuple(provisional_notes(calendar, case.submitted, accepted))
            pauses = [(p.start, p.end) for p in case.pauses]
            due_s, more_s = _due(calendar, accepted, matter.statutory_limit, pauses, next_day)
            due_p, more_p = _due(calendar, accepted, promised, pauses, next_day)
            # the promised date first, as guides show it; provisional notes last, once
            for note in sorted(more_p + more_s, key=lambda n: n.code == "provisional"):
                if note not in notes:
                    notes += (note,)
            steps = timeline(found, legs, accepted, promised, due_p)
        provisional = any(n.code == "provisional" for n in notes)
        return _replace(
            base,
            outcome=outcome,
            route=found,
            handled_at=handled_at,
            missing_materials=tuple(materials),
            missing_facts=tuple(missing),
            facts_needed=facts_needed(matter, missing),
            refusals=tuple(refusals),
            fees=tuple(fees),
            submitted_on=case.submitted,
            accepted_on=accepted,
            provisional=provisional,
            due_notes=notes,
            statutory_limit=matter.statutory_limit,
            promised_limit=promised,
            statutory_due=due_s,
            promised_due=due_p,
            timeline=steps,
            trace=tuple(trace),
        )

    def due_dates(
        self,
        locality: str,
        start: dt.date,
        limits: Sequence[TimeLimit | None],
        pauses: Sequence[tuple[dt.date, dt.date]] = (),
    ) -> list[dt.date | None]:
        """The due date of each limit counted from `start` at `locality`'s calendar (with
        its plugins' closures), skipping `pauses`: what the ledger needs when a 补正 or a
        special procedure moves a case's clock after acceptance."""
        chain = tuple(self.bundle.chain(locality))
        calendar = self._calendar(chain, start.year, enabled_plugins(self.bundle, chain))
        settings = self.bundle.settings
        next_day = settings.count_from_next_day if settings is not None else True
        return [_due(calendar, start, limit, list(pauses), next_day)[0] for limit in limits]

    # -- steps -------------------------------------------------------------------------

    def _check_form(self, case: Case) -> None:
        form = self.bundle.matter(case.matter).form
        if form:
            problems = form_problems(form, case.facts)
            if problems:
                raise CaseError(problems)

    def _rules_for(self, matter: str, chain: tuple[str, ...]) -> tuple[Placed, ...]:
        key = (matter, chain[0])
        found = self._rules.get(key)
        if found is None:
            found = self._rules[key] = rules_for(self.bundle, matter, chain)
        return found

    def _missing_facts(self, view: CaseView, rules: tuple[Placed, ...]) -> set[str]:
        out = {n for n, f in (view.matter.form or {}).items() if f.required and n not in view.facts}
        for material in view.matter.materials:
            out |= missing_facts(material.when, view.facts)
        for placed in rules:
            out |= missing_facts(placed.rule.when, view.facts)
        return out

    def _where(
        self,
        view: CaseView,
        found: Route,
        rules: tuple[Placed, ...],
        ask: Any,
        trace: list[TraceEntry],
    ) -> tuple[str | None, tuple[str, str] | None]:
        """Where the case is handled (UNIQUE over routing rules and plugins), and a
        forward when the resident asked for proxy service that is not offered."""
        handled = found.accepted_at.venue
        choice = self._choose(view, rules, ask)
        if choice is not None:
            handled = choice[0]
            trace.append(choice[2])
        if view.channel == "proxy" and not any(h.locality == view.locality for h in found.proxy):
            return handled, (handled or "", "本村（社区）未提供该事项的代办服务，请到受理场所办理")
        return handled, None

    def _choose(
        self, view: CaseView, rules: tuple[Placed, ...], ask: Any
    ) -> tuple[str, str, TraceEntry] | None:
        """The venue routing rules and plugins send the case to (UNIQUE), if any."""
        answers: list[tuple[str, str, TraceEntry]] = []
        for placed in rules:
            rule = placed.rule
            if isinstance(rule, RoutingRule) and holds(rule.when, view.facts):
                answers.append(
                    (
                        rule.venue,
                        rule.reason,
                        TraceEntry.of_rule("route", rule.venue, placed.source),
                    )
                )
        for name, choice in ask("catalogkit_route", {"case": view}, VenueChoice, False):
            answers.append(
                (
                    choice.venue,
                    choice.reason,
                    TraceEntry.of_plugin(
                        "route", choice.venue, name, self.plugins.get_version(name)
                    ),
                )
            )
        venues = {venue for venue, _, _ in answers}
        if len(venues) > 1:
            first, second = sorted(answers, key=lambda a: a[0])[:: len(answers) - 1][:2]
            raise ConflictError(
                f"the venue of {view.matter_code} for {view.locality}",
                f"{first[0]} ({first[2].source})",
                f"{second[0]} ({second[2].source})",
            )
        return answers[0] if answers else None

    def _calendar(
        self, chain: tuple[str, ...], year: int, enabled: Mapping[str, Mapping[str, Any]]
    ) -> WorkingCalendar:
        key = (chain, year)
        found = self._calendars.get(key)
        if found is None:
            extra: list[tuple[dt.date, str]] = []
            for y in (year, year + 1):
                for _, closure in self.plugins.call(
                    "catalogkit_calendar",
                    enabled,
                    chain[0],
                    {"locality": chain[0], "year": y},
                    Closure,
                    many=True,
                ):
                    extra.append((closure.date, closure.name))
            found = self._calendars[key] = WorkingCalendar.for_locality(
                self.bundle.calendars, chain, extra, from_year=year
            )
        return found

    def _venue_hours(self, venue: str | None) -> VenueHours | None:
        """The accepting venue's hours (None: accepts on working days only)."""
        if venue is None:
            return None
        found = self._hours.get(venue, False)
        if found is False:
            item = self.bundle.venues.get(venue)
            found = self._hours[venue] = (
                None if item is None else VenueHours.of(item.item.name, item.item.hours)
            )
        return found  # type: ignore[return-value]


def _due(
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


def _replace(decision: Decision, **changes: Any) -> Decision:
    return dataclasses.replace(decision, **changes)
