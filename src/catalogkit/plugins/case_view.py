"""What plugins see of a case: read-only, and the same for every plugin. It is part of
the plugin contract, so it lives with the hookspecs; the engine builds it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # names for the fields only: the contract imports nothing above it
    from ..engine.route import Route
    from ..model import Matter, TimeLimit
    from ..resolve import Bundle


@dataclass(frozen=True)
class CaseView:
    matter_code: str
    matter: Matter
    locality: str
    chain: tuple[str, ...]
    applicant: str
    facts: Mapping[str, Any]
    materials: frozenset[str]
    submitted: dt.date
    channel: str
    promised_limit: TimeLimit | None
    statutory_limit: TimeLimit | None
    bundle: Bundle
    route: Route

    @staticmethod
    def frozen(facts: Mapping[str, Any]) -> Mapping[str, Any]:
        return MappingProxyType(dict(facts))
