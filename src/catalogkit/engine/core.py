"""The Engine: a bundle and its plugins, answering route and decide.

An Engine is immutable in what it answers; it only caches what it has computed
(rules per matter and locality, working calendars per locality)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from ..calendar import WorkingCalendar
from ..errors import CaseError, ConflictError, UsageError
from ..model.case import Case
from ..model.matter import TimeLimit
from ..model.rules import RoutingRule
from ..plugins import Closure, Plugins, VenueChoice
from ..resolve import Bundle
from . import parts
from .conditions import form_problems, holds, missing_facts
from .decision import Decision
from .placed import Placed, enabled_plugins, rules_for
from .route import Route, route
from .sources import TraceEntry
from .view import CaseView


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

    def route(self, matter: str, locality: str) -> Route:
        return route(self.bundle, matter, locality)

    def decide(self, case: Case) -> Decision:
        bundle = self.bundle
        matter = bundle.matter(case.matter)
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
        definer = bundle.matters[case.matter].locality
        if definer not in chain:
            venue = bundle.venues[matter.venue].item
            return _replace(
                base,
                outcome="forward",
                forward_to=matter.venue,
                forward_reason=f"{matter.name}由{bundle.locality(definer).name}"
                f"办理，请到{venue.name}",
            )
        found = route(bundle, case.matter, case.locality)
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
            "undetermined"
            if missing
            else "refuse"
            if refusals
            else "accept-pending-materials"
            if materials
            else "accept"
        )
        due_s = due_p = None
        if outcome in ("accept", "accept-pending-materials") and not materials:
            calendar = self._calendar(chain, case.submitted.year, enabled)
            pauses = [(p.start, p.end) for p in case.pauses]
            settings = bundle.settings
            next_day = settings.count_from_next_day if settings is not None else True
            due_s = _due(calendar, case.submitted, matter.statutory_limit, pauses, next_day)
            due_p = _due(calendar, case.submitted, promised, pauses, next_day)
        return _replace(
            base,
            outcome=outcome,
            route=found,
            handled_at=handled_at,
            missing_materials=tuple(materials),
            missing_facts=tuple(missing),
            refusals=tuple(refusals),
            fees=tuple(fees),
            accepted_on=case.submitted if outcome != "undetermined" else None,
            statutory_limit=matter.statutory_limit,
            promised_limit=promised,
            statutory_due=due_s,
            promised_due=due_p,
            trace=tuple(trace),
        )

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
        if answers:
            handled = answers[0][0]
            trace.append(answers[0][2])
        if view.channel == "proxy" and not any(h.locality == view.locality for h in found.proxy):
            return handled, (handled or "", "本村（社区）未提供该事项的代办服务，请到受理场所办理")
        return handled, None

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
                self.bundle.calendars, chain, extra
            )
        return found


def _due(
    calendar: WorkingCalendar,
    start: dt.date,
    limit: TimeLimit | None,
    pauses: list[tuple[dt.date, dt.date]],
    next_day: bool,
) -> dt.date | None:
    if limit is None:
        return None
    if limit.unit == "即时" or limit.value == 0:
        return start
    if limit.unit == "工作日":
        return calendar.add_working_days(
            start, limit.value, pauses=pauses, count_from_next_day=next_day
        )
    return calendar.add_calendar_days(
        start, limit.value, pauses=pauses, count_from_next_day=next_day
    )


def _replace(decision: Decision, **changes: Any) -> Decision:
    return dataclasses.replace(decision, **changes)
