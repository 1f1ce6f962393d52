"""The scores of one query, and which reason gave points to which matters.

Reasons are recorded once per way in (a unit, a phrase, a correction) with the
matters it reached, not once per matter: a common word reaches thousands of matters,
and only the few hits shown are ever asked why."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from .hits import Why


class Tally:
    def __init__(self) -> None:
        self.scores: dict[int, float] = {}
        self.given: list[tuple[Why, Collection[int]]] = []
        self.label: Why | None = None  # when set, the reason recorded for everything

    def _record(self, reason: Why, docs: Collection[int]) -> None:
        self.given.append((self.label or reason, docs))

    def __call__(self, doc: int, points: float, reason: Why) -> None:
        """Points to one matter."""
        self.scores[doc] = self.scores.get(doc, 0.0) + points
        self._record(reason, (doc,))

    def each(self, docs: Iterable[int], points: float, reason: Why) -> None:
        """The same points to each of `docs`."""
        reached = frozenset(docs)
        scores = self.scores
        for doc in reached:
            scores[doc] = scores.get(doc, 0.0) + points
        if reached:
            self._record(reason, reached)

    def weighted(self, docs: Mapping[int, int], points: float, reason: Why) -> None:
        """`points` times each matter's field weight."""
        scores = self.scores
        get = scores.get
        for doc, weight in docs.items():
            scores[doc] = get(doc, 0.0) + points * weight
        self._record(reason, docs)

    def reasons(self, doc: int) -> list[Why]:
        out: list[Why] = []
        for reason, docs in self.given:
            if doc in docs and reason not in out:
                out.append(reason)
        return out
