"""A query → ranked hits. Every way in adds to one score per matter and records why:
units found in the index (term), lexicon phrases (synonym), pinyin, a corrected
one-character typo, and codes (exact, or a prefix)."""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Collection

from .evidence import coverage, homophones_first, phrases, synonym, units
from .hits import EventHit, EventStep, Hit, Results, Why
from .index import SearchIndex
from .spoken import pinyin, pinyin_slip
from .tally import Tally
from .units import CJK, normalise

# words of a question that say nothing about the matter itself (longest first)
_FILLER_TEXT = (
    "请问 你好 我想 我要 想要 打算 准备 怎么办理 怎么办 怎么弄 怎么 如何 怎样 咋办 咋 "
    "在哪里 在哪儿 在哪 去哪里 去哪儿 去哪 哪里 哪儿 哪个部门 需要 什么 哪些 带什么 "
    "材料 手续 流程 办理 可以 能不能 能否 有没有 是不是 帮我 一下 应该 找谁 "
    "吗 呢 啊 吧 了 的 我 呀"
)
FILLERS = sorted(_FILLER_TEXT.split(), key=len, reverse=True)
CODE = re.compile(r"^[0-9a-z][0-9a-z-]{2,}$")
MAX_WHY = 4  # the strongest reasons come first; more would bury them
WEAK = 0.02  # hits below this share of the best score are noise, not answers


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
        pinyin(index, q, credit, _chinese)
        if not scores:
            pinyin_slip(index, compact, credit)
        for token in q.split():  # a Latin word in a name (CT, ICP …)
            if token in index.postings or token in index.body:
                units(index, token, credit, None, 1.0)
    if len(segments) > 1:
        coverage(credit, segments)
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


def _chinese(index: SearchIndex, q: str, credit: Tally) -> tuple[list[EventHit], list[str]]:
    compact = re.sub(r"\s+", "", q)
    found = phrases(index, compact)
    stripped = q
    for filler in FILLERS:
        stripped = stripped.replace(filler, " ")
    segments = [s for s in stripped.split() if s]
    for phrase in found:
        if phrase in index.lexicon.meanings:
            synonym(index, phrase, credit)
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
            typos += [(seg, fixed) for fixed in homophones_first(seg, near(seg, index.vocabulary))]
    for rank, (seg, fixed) in enumerate(typos):
        if fixed in index.lexicon.meanings or fixed in index.lexicon.spoken:
            found.append(fixed)
        if fixed in index.lexicon.meanings:
            synonym(index, fixed, credit, typo=seg)
        credit.each(
            index.containing(fixed), 120.0 * len(fixed) / (1 + rank), Why("typo", seg, fixed)
        )
        units(index, fixed, credit, Why("typo", seg, fixed), 1.0 / (1 + rank))
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
        units(index, seg, credit, None, 1.0, within=set(docs) if docs else None)
    return events, segments


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
