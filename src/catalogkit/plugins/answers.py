"""What plugins hand back to the engine: small frozen records, checked on return so a
wrong shape is an error naming the plugin rather than a silently wrong answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import Diagnostic
from ..model import Material, TimeLimit


@dataclass(frozen=True)
class VenueChoice:
    """Route the case to `venue` (UNIQUE: two plugins naming different venues conflict)."""

    venue: str
    reason: str
    role: str = "accept"


@dataclass(frozen=True)
class MaterialChanges:
    """Materials a plugin adds (collected) or waives by name (collected)."""

    extra: tuple[Material, ...] = ()
    waived: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class FeeCharge:
    """An extra fee item a plugin charges."""

    id: str
    name: str
    amount: float
    basis: str


@dataclass(frozen=True)
class FeeWaiver:
    """A reduction of a named fee: `share` 1.0 waives it whole. The basis is required."""

    fee: str
    share: float
    basis: str
    reason: str = ""


@dataclass(frozen=True)
class LimitChoice:
    """A promised limit that applies to this case; the shortest one wins, never above
    the statutory limit."""

    limit: TimeLimit
    reason: str


@dataclass(frozen=True)
class Refusal:
    """A reason the application cannot be granted, with its legal basis."""

    reason: str
    basis: str


@dataclass(frozen=True)
class Closure:
    """A day the venues of a locality are closed (a local festival, a hall closure)."""

    date: dt.date
    name: str


@dataclass(frozen=True)
class GuideSection:
    """An extra section of a matter's service guide."""

    title: str
    body: str
    order: int = 100


@dataclass(frozen=True)
class PluginInfo:
    """How a plugin describes itself to `catalogkit plugins`."""

    name: str
    version: str
    description: str = ""
    config_schema: dict[str, Any] = field(default_factory=dict)


CatalogDiagnostics = list[Diagnostic]
