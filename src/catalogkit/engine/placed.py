"""The declarative rules that apply to a matter for a resident of a locality, each with
the place it was written: the matter's own, then every locality's from the county down,
a rule that `replaces` one above taking its place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Rule
from ..resolve import Bundle
from ..resolve.sources import Source


@dataclass(frozen=True)
class Placed:
    rule: Rule
    source: Source


def rules_for(bundle: Bundle, matter: str, chain: tuple[str, ...]) -> tuple[Placed, ...]:
    entry = bundle.matters[matter]
    out = [Placed(r, entry.source.at("rules", i)) for i, r in enumerate(entry.matter.rules)]
    for code in reversed(chain):
        where = bundle.localities[code]
        for i, rule in enumerate(where.locality.rules):
            if not rule.matters or matter in rule.matters:
                if rule.replaces is not None:  # a labelled override (resolve/overrides.py)
                    _drop_nearest(out, rule.replaces)
                out.append(Placed(rule, where.source.at("rules", i)))
    return tuple(out)


def _drop_nearest(out: list[Placed], rule_id: str) -> None:
    """Remove the nearest rule of that id written so far (the one a replacement names)."""
    for i in range(len(out) - 1, -1, -1):
        if out[i].rule.id == rule_id:
            del out[i]
            return


def enabled_plugins(bundle: Bundle, chain: tuple[str, ...]) -> dict[str, Mapping[str, Any]]:
    """Plugins enabled on the locality or above it; the nearest config wins."""
    out: dict[str, Mapping[str, Any]] = {}
    for code in reversed(chain):
        for use in bundle.localities[code].locality.plugins:
            out[use.name] = use.config
    return out
