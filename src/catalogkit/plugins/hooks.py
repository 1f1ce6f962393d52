"""One typed method per hook, over the plugins enabled at one locality.

What a hook answers (the type of one answer, and whether it returns a list of them)
is read once from its hookspec's return annotation, so the spec is the one place that
says it: `VenueChoice | None` is one answer or none, `list[FeeCharge]` many. The
methods below only name the spec they call; `tests/unit/test_hooks.py` checks that
their annotations agree with the specs and that no hook name is written as a string
anywhere else."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import answers, hookspecs
from .answers import (
    Closure,
    FeeCharge,
    FeeWaiver,
    GuideSection,
    LimitChoice,
    MaterialChanges,
    Refusal,
    VenueChoice,
)
from .case_view import CaseView

if TYPE_CHECKING:
    from ..errors import Diagnostic
    from ..resolve import Bundle
    from .manager import Plugins

Enabled = Mapping[str, Mapping[str, Any]]  # plugin name -> its config


@dataclass(frozen=True)
class Answer:
    """What one hook answers: the type of one answer, and whether it returns a list."""

    type: type
    many: bool

    def describe(self) -> str:
        return f"a list of {self.type.__name__}" if self.many else f"{self.type.__name__} or None"


def _answer(spec: Callable[..., Any]) -> Answer:
    text = str(inspect.signature(spec).return_annotation)  # postponed: a string
    many = text.startswith("list[")
    name = text.removeprefix("list[").removesuffix("]").removesuffix(" | None")
    return Answer(getattr(answers, name), many)


SPECS: dict[str, Callable[..., Any]] = {
    name: spec
    for name, spec in vars(hookspecs).items()
    if name.startswith(hookspecs.PROJECT + "_") and callable(spec)
}
ANSWERS: dict[str, Answer] = {name: _answer(spec) for name, spec in SPECS.items()}
INFO = hookspecs.catalogkit_plugin_info.__name__  # answered once per plugin, at loading


class Hooks:
    """The plugins enabled at `locality` (each with its config), one method per hook.

    Each returns the answers paired with their plugin's name, sorted by name, None
    answers dropped; a wrong answer is an error naming plugin, hook, file, locality."""

    def __init__(self, plugins: Plugins, enabled: Enabled, locality: str | None) -> None:
        self.plugins, self.enabled, self.locality = plugins, enabled, locality

    def call(self, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """A hook by its name (the testing kit's `call_hook`); untyped, so core code
        uses the methods below."""
        return self.plugins.answers(hook, self.enabled, self.locality, kwargs)

    def _call(self, spec: Callable[..., Any], **kwargs: Any) -> list[tuple[str, Any]]:
        return self.call(spec.__name__, **kwargs)

    def route(self, case: CaseView) -> list[tuple[str, VenueChoice]]:
        return self._call(hookspecs.catalogkit_route, case=case)

    def materials(self, case: CaseView) -> list[tuple[str, MaterialChanges]]:
        return self._call(hookspecs.catalogkit_materials, case=case)

    def fees(self, case: CaseView) -> list[tuple[str, FeeCharge]]:
        return self._call(hookspecs.catalogkit_fees, case=case)

    def fee_waivers(self, case: CaseView, fees: tuple[str, ...]) -> list[tuple[str, FeeWaiver]]:
        return self._call(hookspecs.catalogkit_fee_waivers, case=case, fees=fees)

    def time_limit(self, case: CaseView) -> list[tuple[str, LimitChoice]]:
        return self._call(hookspecs.catalogkit_time_limit, case=case)

    def eligibility(self, case: CaseView) -> list[tuple[str, Refusal]]:
        return self._call(hookspecs.catalogkit_eligibility, case=case)

    def calendar(self, locality: str, year: int) -> list[tuple[str, Closure]]:
        return self._call(hookspecs.catalogkit_calendar, locality=locality, year=year)

    def guide_sections(
        self, matter: str, locality: str, bundle: Bundle
    ) -> list[tuple[str, GuideSection]]:
        return self._call(
            hookspecs.catalogkit_guide_sections, matter=matter, locality=locality, bundle=bundle
        )

    def validate_catalog(self, bundle: Bundle, locality: str) -> list[tuple[str, Diagnostic]]:
        return self._call(hookspecs.catalogkit_validate_catalog, bundle=bundle, locality=locality)
