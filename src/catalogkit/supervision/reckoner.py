"""What the lights count on, looked up once per locality and venue: each case's
working calendar (its locality's, as its due dates were counted) and the thresholds
of the venue that holds it."""

from __future__ import annotations

from ..engine import Engine
from ..model import WarningLights
from .thresholds import DEFAULT, thresholds_for
from .workdays import DayCounts


class Reckoner:
    def __init__(self, engine: Engine, from_year: int) -> None:
        self.engine = engine
        self.from_year = from_year
        self._days: dict[str, DayCounts | None] = {}
        self._thresholds: dict[str, WarningLights] = {}

    def days(self, locality: str) -> DayCounts | None:
        """The locality's working days (None: a locality the catalog no longer has)."""
        try:
            return self._days[locality]
        except KeyError:
            pass
        found = None
        if locality in self.engine.bundle.localities:
            found = DayCounts(self.engine.calendar(locality, self.from_year))
        self._days[locality] = found
        return found

    def thresholds(self, venue: str) -> WarningLights:
        try:
            return self._thresholds[venue]
        except KeyError:
            pass
        bundle = self.engine.bundle
        owned = bundle.venues.get(venue)
        found = DEFAULT if owned is None else thresholds_for(bundle, owned.locality)
        self._thresholds[venue] = found
        return found
