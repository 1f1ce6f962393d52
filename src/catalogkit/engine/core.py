"""The Engine: a bundle and its plugins, answering route and decide.

An Engine is immutable in what it answers; it only caches what it has computed
(rules per matter and locality, working calendars per locality)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal, NamedTuple

from ..calendar import VenueHours, WorkingCalendar
from ..errors import CaseError, ConflictError, UsageError
from ..model import Case, Matter, RoutingRule, TimeLimit, decisive_unknowns
from ..plugins import Plugins
from ..plugins.case_view import CaseView
from ..plugins.hooks import Hooks
from ..resolve import Bundle
from .conditions import FormProblem, form_problems, holds
from .decision import Decision
from .placed import Placed, enabled_plugins, rules_for
from .placing import placed as placed_on
from .provenance import TraceEntry
from .reckoning import DueAnswer, reckon
from .route import Route, route
from .slips import Slip, slips
from .steps import Dates, case_view, dates_of, due_on, parts_of

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
            view = CaseView(  # a case of that day, with no facts: rules over facts do not apply
                matter_code=matter,
                matter=m,
                locality=locality,
                chain=chain,
                applicant="自然人",
                facts=CaseView.frozen({}),
                materials=frozenset(),
                submitted=day,
                channel="window",
                promised_limit=found.accepted_at.promised_limit,
                statutory_limit=m.statutory_limit,
                bundle=bundle,
                route=found,
            )
            choice = self._choose(view, rules, self.plugins.at(enabled, locality))
            venue = choice.venue if choice is not None else None
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
        """The answer to one case, worked out as a window clerk would, each step able
        to stop with an answer of its own:

        1. the form: a value it refuses is a `CaseError` listing every such fact (the
           one check of a case's facts; the CLI, the HTTP API and the ledger present
           it), not a decision;
        2. a matter still a draft, or one another locality handles, is answered at once;
        3. where the case is handled (routing rules and plugins, UNIQUE), and a forward
           when proxy service is asked for where none is offered;
        4. refusals, missing facts and materials, fees and the promised limit, each
           combined from the catalog's rules and the plugins' answers (`steps.Parts`);
        5. the acceptance day, due dates and timeline, for a case accepted today only."""
        bundle = self.bundle
        matter = bundle.matter(case.matter)  # a basic code or an 实施编码
        if case.matter not in bundle.matters:
            case = case.model_copy(update={"matter": bundle.matter_code(case.matter)})
        chain = tuple(bundle.chain(case.locality))
        problems = self.form_problems(case)
        if problems:
            raise CaseError(problems)
        enabled = enabled_plugins(bundle, chain)
        base = Decision(
            outcome="accept",
            matter=case.matter,
            matter_name=matter.name,
            locality=case.locality,
            handling_kind=matter.handling_kind,
            route=None,
            handled_at=None,
            revision=bundle.revision,
            plugins=self.plugins.versions(enabled),
        )
        said = self._answered_at_once(base, matter, chain)
        if said is not None:
            return said
        return self._decide_placed(base, case, matter, chain, enabled)

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
        next_day = self._count_from_next_day()
        return [due_on(calendar, start, limit, list(pauses), next_day)[0] for limit in limits]

    def calendar(self, locality: str, year: int) -> WorkingCalendar:
        """The working calendar of `locality` from `year` on, with its plugins' closures:
        the one `due_dates` counts on (supervision counts days used on it too)."""
        chain = tuple(self.bundle.chain(locality))
        return self._calendar(chain, year, enabled_plugins(self.bundle, chain))

    # -- steps -------------------------------------------------------------------------

    def form_problems(self, case: Case) -> list[FormProblem]:
        """Every given fact whose value the matter's form refuses: the one check of a
        case's facts, which `decide` raises as a `CaseError` (see its `findings`)."""
        form = self.bundle.matter(case.matter).form
        return form_problems(form, case.facts) if form else []

    def rules_for(self, matter: str, locality: str) -> tuple[Placed, ...]:
        """The declarative rules that apply to `matter` at `locality`, as `decide` uses
        them (computed once per pair)."""
        return self._rules_for(matter, tuple(self.bundle.chain(locality)))

    def slips(self, case: Case) -> list[Slip]:
        """What looks like a slip in `case` (a misspelt fact, a material the matter does
        not ask for): said beside the decision, never changing it."""
        code = self.bundle.matter_code(case.matter) or case.matter  # 实施编码 too
        return slips(self.bundle.matter(code), self.rules_for(code, case.locality), case)

    def _rules_for(self, matter: str, chain: tuple[str, ...]) -> tuple[Placed, ...]:
        key = (matter, chain[0])
        found = self._rules.get(key)
        if found is None:
            found = self._rules[key] = rules_for(self.bundle, matter, chain)
        return found

    def _decide_placed(
        self,
        base: Decision,
        case: Case,
        matter: Matter,
        chain: tuple[str, ...],
        enabled: Mapping[str, Mapping[str, Any]],
    ) -> Decision:
        """Steps 3 to 5 of `decide`: place the case, then its parts, then its dates."""
        hooks = self.plugins.at(enabled, case.locality)
        catalog_route = self._route(case.matter, case.locality)
        rules = self._rules_for(case.matter, chain)
        view = case_view(case, matter, chain, catalog_route, self.bundle)
        trace: list[TraceEntry] = []
        handled_at, forward = self._where(view, catalog_route, rules, hooks, trace)
        found = self._placed_on(case, chain, enabled, catalog_route, handled_at)
        if forward is not None:
            return replace(
                base,
                outcome="forward",
                route=found,
                handled_at=handled_at,
                forward_to=forward.to,
                forward_reason=forward.reason,
                forward_reason_en=forward.reason_en,
                trace=tuple(trace),
            )
        found_parts = parts_of(view, rules, hooks, self.plugins.get_version)
        dates = Dates()
        if found_parts.outcome == "accept":
            calendar = self._calendar(chain, case.submitted.year, enabled)
            limits = (matter.statutory_limit, found_parts.promised)
            hours = self._venue_hours(handled_at)
            dates = dates_of(case, found, calendar, hours, limits, self._count_from_next_day())
        return replace(
            base,
            route=found,
            handled_at=handled_at,
            submitted_on=case.submitted,
            statutory_limit=matter.statutory_limit,
            trace=(*trace, *found_parts.trace),
            **found_parts.decided(matter),
            **dates.decided(),
        )

    def _answered_at_once(
        self, base: Decision, matter: Matter, chain: tuple[str, ...]
    ) -> Decision | None:
        """A draft matter is undetermined (say what is not known rather than guess); a
        matter defined outside the applicant's chain, with its own venue, is forwarded
        there."""
        unknown = decisive_unknowns(matter)
        if unknown:
            return replace(base, outcome="undetermined", unknown_fields=unknown)
        definer = self.bundle.matters[base.matter].locality
        if definer in chain or matter.venue is None:
            return None
        venue = self.bundle.venues[matter.venue].item
        where = self.bundle.locality(definer).name
        return replace(
            base,
            outcome="forward",
            forward_to=matter.venue,
            forward_reason=f"{matter.name}由{where}办理，请到{venue.name}",
            forward_reason_en=f"{matter.name} is handled by {where}: go to {venue.name}",
        )

    def _placed_on(
        self,
        case: Case,
        chain: tuple[str, ...],
        enabled: Mapping[str, Mapping[str, Any]],
        found: Route,
        handled_at: str | None,
    ) -> Route:
        """The catalog's route `found` with its accepting hop at `handled_at`, and each
        hop closed on the day marked (kept: many cases share a day and a venue)."""
        key = (case.matter, case.locality, case.submitted, handled_at)
        placed = self._placed.get(key)
        if placed is None:
            calendar = self._calendar(chain, case.submitted.year, enabled)
            placed = placed_on(self.bundle, found, handled_at, case.submitted, calendar)
            if len(self._placed) >= _ROUTES_KEPT:
                self._placed.clear()
            self._placed[key] = placed
        return placed

    def _count_from_next_day(self) -> bool:
        settings = self.bundle.settings
        return settings.count_from_next_day if settings is not None else True

    def _where(
        self,
        view: CaseView,
        found: Route,
        rules: tuple[Placed, ...],
        hooks: Hooks,
        trace: list[TraceEntry],
    ) -> tuple[str | None, Forward | None]:
        """Where the case is handled (UNIQUE over routing rules and plugins), and a
        forward when the resident asked for proxy service that is not offered."""
        handled = found.accepted_at.venue
        choice = self._choose(view, rules, hooks)
        if choice is not None:
            handled = choice.venue
            trace.append(choice.source)
        if view.channel == "proxy" and not any(h.locality == view.locality for h in found.proxy):
            return handled, Forward(handled or "", *NO_PROXY)
        return handled, None

    def _choose(self, view: CaseView, rules: tuple[Placed, ...], hooks: Hooks) -> Choice | None:
        """The venue routing rules and plugins send the case to (UNIQUE), if any."""
        answers: list[Choice] = []
        for placed in rules:
            rule = placed.rule
            if isinstance(rule, RoutingRule) and holds(rule.when, view.facts):
                source = TraceEntry.of_rule("route", rule.venue, placed.source)
                answers.append(Choice(rule.venue, rule.reason, source))
        for name, choice in hooks.route(view):
            version = self.plugins.get_version(name)
            source = TraceEntry.of_plugin("route", choice.venue, name, version)
            answers.append(Choice(choice.venue, choice.reason, source))
        if len({a.venue for a in answers}) > 1:
            # name two that differ: the first and the last venue in code order
            ordered = sorted(answers, key=lambda a: a.venue)
            first, last = ordered[0], ordered[-1]
            raise ConflictError(
                f"the venue of {view.matter_code} for {view.locality}",
                f"{first.venue} ({first.source.source})",
                f"{last.venue} ({last.source.source})",
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
                for _, closure in self.plugins.at(enabled, chain[0]).calendar(chain[0], y):
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


class Choice(NamedTuple):
    """A venue a routing rule or a plugin sends a case to, and why."""

    venue: str
    reason: str
    source: TraceEntry


class Forward(NamedTuple):
    """Where to go instead (告知它处办), in Chinese for the resident, and in English."""

    to: str
    reason: str
    reason_en: str


NO_PROXY = (
    "本村（社区）未提供该事项的代办服务，请到受理场所办理",
    "this village (community) offers no proxy service for the matter: go to the venue "
    "that accepts it",
)
