"""The evidence a query gives for each matter: the known units inside a part of the
query, the everyday terms inside it and what they stand for, and how much of the
query a matter answers."""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping

from .hits import Why
from .index import FIELD_WEIGHTS, SearchIndex
from .tally import Tally
from .units import bigrams, normalise

COMMON = 0.05  # a unit in more than this share of matters only ranks what others found
MAX_PHRASE = 12
COVERED = 300  # candidates whose share of a query's parts is counted


def coverage(tally: Tally, segments: list[str]) -> None:
    """With several parts in a query, a matter that answers all of them comes first:
    among the best candidates, a score is kept in proportion to the square of the
    share of parts the matter touches."""
    scores = tally.scores
    for doc in heapq.nlargest(COVERED, scores, key=scores.__getitem__):
        said = {ch for w in tally.reasons(doc) for ch in w.matched}
        touched = sum(1 for seg in segments if said & set(seg))
        scores[doc] *= (touched / len(segments)) ** 2


def homophones_first(typed: str, fixes: list[str]) -> list[str]:
    """Corrections whose changed character sounds like the typed one come first: a
    pinyin keyboard's typos are homophones (节婚 for 结婚)."""
    from .pinyin import syllable

    def sounds_alike(fixed: str) -> bool:
        if len(fixed) != len(typed):
            return False
        return all(a == b or syllable(a) == syllable(b) for a, b in zip(typed, fixed, strict=True))

    return sorted(fixes, key=lambda f: not sounds_alike(f))


def units(
    index: SearchIndex,
    text: str,
    credit: Tally,
    reason: Why | None,
    factor: float,
    within: set[int] | None = None,
) -> None:
    """Every known unit inside `text`, rarest first; a very common unit only adds to
    matters that rarer units already found, and with `within`, every unit only to
    those matters."""
    n = max(len(index), 1)
    pieces = {
        text[i:j]
        for i in range(len(text))
        for j in range(i + (1 if len(text) == 1 else 2), min(len(text), i + MAX_PHRASE) + 1)
    }
    touched: set[int] = set(within or ())
    named = [u for u in pieces if u in index.postings]
    for unit in sorted(named, key=lambda u: len(index.postings[u])):
        docs = index.postings[unit]
        if within is not None or (touched and len(docs) > COMMON * n):
            docs = {d: docs[d] for d in touched if d in docs}
        else:
            touched.update(docs)
        give(credit, unit, docs, n, len(index.postings[unit]), reason, factor)
    for unit in [u for u in pieces if u in index.body]:  # other fields: they only rank
        docs = index.body[unit]
        if touched:
            docs = {d: docs[d] for d in touched if d in docs}
        give(credit, unit, docs, n, len(index.body[unit]), reason, factor)


def give(
    credit: Tally,
    unit: str,
    docs: Mapping[int, int],
    n: int,
    df: int,
    reason: Why | None,
    factor: float,
) -> None:
    if docs:
        idf = math.log(1 + n / df)
        credit.weighted(docs, idf * len(unit) * factor, reason or Why("term", unit))


def phrases(index: SearchIndex, q: str) -> list[str]:
    """Lexicon phrases inside the query, longest first, none inside a longer one found."""
    meanings, events = index.lexicon.meanings, index.lexicon.spoken
    spans = [
        (i, j)
        for i in range(len(q))
        for j in range(i + 1, min(len(q), i + MAX_PHRASE) + 1)
        if q[i:j] in meanings or q[i:j] in events
    ]
    spans.sort(key=lambda s: s[0] - s[1])
    taken: list[tuple[int, int]] = []
    for i, j in spans:
        if not any(a <= i and j <= b for a, b in taken):
            taken.append((i, j))
    return [q[i:j] for i, j in taken]


def synonym(index: SearchIndex, phrase: str, credit: Tally, typo: str | None = None) -> None:
    meaning = index.lexicon.meanings[phrase]
    said = typo or phrase
    for code in meaning.matters:
        if code in index.matter_codes:
            credit(index.position(code), 900.0, Why("synonym", said, code))
    for rank, term in enumerate(meaning.terms):
        docs = index.containing(normalise(term))
        points = 600.0 - 20 * rank
        reason = Why("synonym", said, term)
        credit.each(docs, points + 5 * len(term), reason)
        if not docs:
            for doc, share in mostly(index, normalise(term)):
                credit(doc, points * share / 2, reason)
        credit.each(index.in_theme(normalise(term)), points / 3, reason)


def mostly(index: SearchIndex, term: str) -> list[tuple[int, float]]:
    """Matters whose name or an alias has most of the term's bigrams (居民身份证补领 in
    居民身份证换领、补领), with the share they have."""
    pairs = set(bigrams(term))
    if len(pairs) < 2:
        return []
    counts: dict[int, int] = {}
    for pair in pairs:
        for doc, weight in index.postings.get(pair, {}).items():
            if weight >= FIELD_WEIGHTS["alias"]:
                counts[doc] = counts.get(doc, 0) + 1
    return [(d, c / len(pairs)) for d, c in counts.items() if c / len(pairs) >= 0.6]
