"""One-character typos with rapidfuzz, behind this one module."""

from __future__ import annotations

from collections.abc import Sequence


def near(word: str, choices: Sequence[str], limit: int = 5) -> list[str]:
    """The choices at edit distance 1 from `word` (a wrong, missing or extra character)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    found = process.extract(word, choices, scorer=Levenshtein.distance, score_cutoff=1, limit=limit)
    return [choice for choice, distance, _ in found if distance == 1]


def similar(word: str, choices: Sequence[str], limit: int = 5) -> list[str]:
    """The choices most like `word`, for a query that found nothing."""
    from rapidfuzz import fuzz, process

    found = process.extract(word, choices, scorer=fuzz.WRatio, score_cutoff=60, limit=limit * 3)
    out: list[str] = []
    for choice, _score, _ in found:
        if choice not in out:
            out.append(choice)
    return out[:limit]
