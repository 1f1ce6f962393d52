"""A query → ranked hits. Every way in adds to one score per matter and records why:
units found in the index (term), lexicon phrases (synonym), pinyin, a corrected
one-character typo, and codes (exact, or a prefix)."""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left
from collections.abc import Collection

from .hits import EventHit, EventStep, Hit, Results, Why
from .index import FIELD_WEIGHTS, SearchIndex
from .tally import Tally
from .units import CJK, bigrams, normalise

# words of a question that say nothing about the matter itself (longest first)
_FILLER_TEXT = (
    "请问 你好 我想 我要 想要 打算 准备 怎么办理 怎么办 怎么弄 怎么 如何 怎样 咋办 咋 "
    "在哪里 在哪儿 在哪 去哪里 去哪儿 去哪 哪里 哪儿 哪个部门 需要 什么 哪些 带什么 "
    "材料 手续 流程 办理 可以 能不能 能否 有没有 是不是 帮我 一下 应该 找谁 "
    "吗 呢 啊 吧 了 的 我 呀"
)
FILLERS = sorted(_FILLER_TEXT.split(), key=len, reverse=True)
CODE = re.compile(r"^[0-9a-z][0-9a-z-]{2,}$")
COMMON = 0.05  # a unit in more than this share of matters only ranks what others found
MAX_PHRASE = 12
BEAM = 12  # readings of a pinyin string kept at each letter
MAX_WHY = 4  # the strongest reasons come first; more would bury them
WEAK = 0.02  # hits below this share of the best score are noise, not answers
COVERED = 300  # candidates whose share of a query's parts is counted


def run_query(
    index: SearchIndex, text: str, *, allowed: Collection[str] | None = None, limit: int = 20
) -> Results:
    """`allowed`: the localities whose matters may be answered (a resident's chain)."""
    q = normalise(text)
    credit = Tally()
    scores = credit.scores
    compact = re.sub(r"\s+", "", q)
    _codes(index, compact, credit)
    events: list[EventHit] = []
    segments: list[str] = []
    if CJK.search(q):
        events, segments = _chinese(index, q, credit)
    elif re.fullmatch(r"[a-z ]+", q):
        _pinyin(index, q, credit)
        if not scores:
            _pinyin_slip(index, compact, credit)
        for token in q.split():  # a Latin word in a name (CT, ICP …)
            if token in index.postings or token in index.body:
                _units(index, token, credit, None, 1.0)
    if len(segments) > 1:
        _coverage(credit, segments)
    top = max(scores.values(), default=0.0)
    kept = [
        d
        for d, score in scores.items()
        if score >= WEAK * top and (allowed is None or index.places[d] in allowed)
    ]

    def order(d: int) -> tuple[float, str]:
        return (-scores[d], index.codes[d])

    if limit < len(kept):  # the few best first, then in order (equal scores by code)
        floor = heapq.nlargest(limit, (scores[d] for d in kept))[-1]
        kept_best = [d for d in kept if scores[d] >= floor]
    else:
        kept_best = kept
    best = sorted(kept_best, key=order)
    hits = [
        Hit(index.codes[d], index.names[d], round(scores[d], 2), credit.reasons(d)[:MAX_WHY])
        for d in best[:limit]
    ]
    results = Results(text, hits, events, len(kept), hotline=index.hotline)
    if not kept and not events and compact:
        results.suggestions = _nearest(index, compact)
    return results


def _codes(index: SearchIndex, q: str, credit: Tally) -> None:
    if not CODE.match(q) or not any(ch.isdigit() or ch == "-" for ch in q):
        return
    start = bisect_left(index.code_keys, (q, -1))
    for key, doc in index.code_keys[start : start + 200]:
        if not key.startswith(q):
            break
        exact = key == q
        credit(doc, 2000.0 if exact else 1000.0 - len(key), Why("code", q, None if exact else key))


def _coverage(tally: Tally, segments: list[str]) -> None:
    """With several parts in a query, a matter that answers all of them comes first:
    among the best candidates, a score is kept in proportion to the square of the
    share of parts the matter touches."""
    scores = tally.scores
    for doc in heapq.nlargest(COVERED, scores, key=scores.__getitem__):
        said = {ch for w in tally.reasons(doc) for ch in w.matched}
        touched = sum(1 for seg in segments if said & set(seg))
        scores[doc] *= (touched / len(segments)) ** 2


def _chinese(index: SearchIndex, q: str, credit: Tally) -> tuple[list[EventHit], list[str]]:
    compact = re.sub(r"\s+", "", q)
    found = _phrases(index, compact)
    stripped = q
    for filler in FILLERS:
        stripped = stripped.replace(filler, " ")
    segments = [s for s in stripped.split() if s]
    for phrase in found:
        if phrase in index.lexicon.meanings:
            _synonym(index, phrase, credit)
    typos: list[tuple[str, str]] = []
    whole = [
        s
        for s in segments
        if len(s) >= 3
        and not index.containing(s)
        and not any(p in s and len(p) >= len(s) - 1 for p in found)
    ]
    if whole:
        from .fuzzy import near

        for seg in whole:
            typos += [(seg, fixed) for fixed in _homophones_first(seg, near(seg, index.vocabulary))]
    for rank, (seg, fixed) in enumerate(typos):
        if fixed in index.lexicon.meanings or fixed in index.lexicon.spoken:
            found.append(fixed)
        if fixed in index.lexicon.meanings:
            _synonym(index, fixed, credit, typo=seg)
        credit.each(
            index.containing(fixed), 120.0 * len(fixed) / (1 + rank), Why("typo", seg, fixed)
        )
        _units(index, fixed, credit, Why("typo", seg, fixed), 1.0 / (1 + rank))
    events = _events(index, found)
    for event in events:
        for rank, step in enumerate(event.steps):
            if step.code is not None:
                credit(
                    index.position(step.code), 200.0 - rank, Why("event", event.matched, event.name)
                )
    for seg in segments:
        docs = index.containing(seg)
        credit.each(docs, 40.0 * len(seg), Why("term", seg))
        exact = [d for d in docs if index.keys[d].split("\n")[0] == seg]
        credit.each(exact, 40.0, Why("term", seg))
        # names that hold the whole part are the answer: its pieces only rank them
        _units(index, seg, credit, None, 1.0, within=set(docs) if docs else None)
    return events, segments


def _homophones_first(typed: str, fixes: list[str]) -> list[str]:
    """Corrections whose changed character sounds like the typed one come first: a
    pinyin keyboard's typos are homophones (节婚 for 结婚)."""
    from .pinyin import syllable

    def sounds_alike(fixed: str) -> bool:
        if len(fixed) != len(typed):
            return False
        return all(a == b or syllable(a) == syllable(b) for a, b in zip(typed, fixed, strict=True))

    return sorted(fixes, key=lambda f: not sounds_alike(f))


def _units(
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
        _give(credit, unit, docs, n, len(index.postings[unit]), reason, factor)
    for unit in [u for u in pieces if u in index.body]:  # other fields: they only rank
        docs = index.body[unit]
        if touched:
            docs = {d: docs[d] for d in touched if d in docs}
        _give(credit, unit, docs, n, len(index.body[unit]), reason, factor)


def _give(
    credit: Tally,
    unit: str,
    docs: dict[int, int],
    n: int,
    df: int,
    reason: Why | None,
    factor: float,
) -> None:
    if docs:
        idf = math.log(1 + n / df)
        credit.weighted(docs, idf * len(unit) * factor, reason or Why("term", unit))


def _phrases(index: SearchIndex, q: str) -> list[str]:
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


def _synonym(index: SearchIndex, phrase: str, credit: Tally, typo: str | None = None) -> None:
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
            for doc, share in _mostly(index, normalise(term)):
                credit(doc, points * share / 2, reason)
        credit.each(index.in_theme(normalise(term)), points / 3, reason)


def _mostly(index: SearchIndex, term: str) -> list[tuple[int, float]]:
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


def _as_chinese(index: SearchIndex, typed: str) -> str | None:
    """The Chinese a pinyin string most likely stands for, in the catalog's words:
    readings with the fewest pieces, each a known word (full pinyin or initials) or a
    syllable, the words most used first (身份证申领 for shenfenzhengshenling or
    sfzsl); of those, the first that a name bears out. Initials fit too many words to
    be trusted without a name to bear them out."""
    n = len(typed)
    beams: list[list[tuple[int, int, str, bool]]] = [[] for _ in range(n + 1)]
    beams[0] = [(0, 0, "", False)]
    for i in range(n):
        if not beams[i]:
            continue
        steps = []  # the words that can start here, looked up once for every reading
        for j in range(i + 1, min(n, i + 30) + 1):
            piece = typed[i:j]
            words = index.pinyin.get(piece)
            if words:
                ranked = sorted(words, key=lambda w: (-len(index.postings.get(w, ())), w))
                for w in ranked[:3]:
                    short = len(piece) < len(romanise_word(index, w))
                    steps.append((j, w, len(index.postings.get(w, ())), short))
            elif piece in index.sounds:
                steps.append((j, index.sounds[piece], 0, False))
        for here in beams[i]:
            for j, word, used, initials in steps:
                beams[j].append((here[0] + 1, here[1] - used, here[2] + word, here[3] or initials))
        if i + 1 <= n:
            beams[i + 1] = sorted(set(beams[i + 1]))[:BEAM]
    readings = beams[n]
    for _pieces, _used, text, _initials in readings:
        if index.containing(text):
            return text
    supported = [(max((s for _, s in _mostly(index, r[2])), default=0.0), r) for r in readings]
    share, best = max(supported, key=lambda x: x[0], default=(0.0, None))
    if best is not None and share >= 0.6:
        return best[2]
    plain = [r for r in readings if not r[3]]
    return plain[0][2] if plain else None


def romanise_word(index: SearchIndex, word: str) -> str:
    from .pinyin import syllable

    return "".join(syllable(ch) or ch for ch in word)


def _pinyin(index: SearchIndex, q: str, credit: Tally) -> None:
    tokens = q.split()
    joined = "".join(tokens)
    text = _as_chinese(index, joined)
    if text:
        credit.label = Why("pinyin", joined, text)
        _chinese(index, text, credit)
        credit.label = None
    for token in {*tokens, joined}:
        if len(token) < 2:
            continue
        for word in () if text else index.pinyin.get(token, ()):
            if word in index.lexicon.meanings:
                _synonym(index, word, credit)
            _units(index, word, credit, Why("pinyin", token, word), 1.0)
        for key, docs in index.name_sounds.find(token):
            points = 300.0 * len(token) / len(key) + (100.0 if key.startswith(token) else 0.0)
            credit.each(docs, 200.0 + points, Why("pinyin", token, index.names[docs[0]]))


def _pinyin_slip(index: SearchIndex, typed: str, credit: Tally) -> None:
    """Pinyin or initials one letter away from a name's (nyjyxkz for 农药经营许可)."""
    if len(typed) < 4:
        return
    from .fuzzy import near

    lines = index.name_sounds.text.split("\n")
    for key in near(typed, lines, limit=5):
        for _line, docs in index.name_sounds.find(key):
            if _line == key:
                for doc in docs:
                    credit(doc, 250.0, Why("pinyin", typed, index.names[doc]))


def _events(index: SearchIndex, phrases: list[str]) -> list[EventHit]:
    out = []
    for event in index.lexicon.events:
        matched = next((p for p in phrases if event.id in index.lexicon.spoken.get(p, ())), None)
        if matched is None:
            continue
        steps = []
        for step in event.steps:
            code = step.matter
            name = step.term or code or ""
            if code is None and step.term:
                docs = index.containing(normalise(step.term))
                code = index.codes[docs[0]] if docs else None
            if code is not None and code in index.matter_codes:
                name = index.names[index.position(code)]
            steps.append(EventStep(name, code, step.note))
        out.append(EventHit(event.id, event.name, event.party, matched, tuple(steps)))
    return out


def _nearest(index: SearchIndex, q: str) -> list[str]:
    from .fuzzy import similar

    near = [w for w in similar(q, [*index.lexicon.meanings, *index.names]) if w != q]
    return near or [event.name for event in index.lexicon.events][:8]
