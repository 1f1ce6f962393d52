"""What a search answers: ranked matters that say why they matched, life events
above them, and, when nothing matched, where to turn instead."""

from __future__ import annotations

from dataclasses import dataclass, field

WHY_ZH = {
    "term": "词语",
    "synonym": "群众说法",
    "pinyin": "拼音",
    "typo": "纠错",
    "code": "编码",
    "event": "一件事",
}


@dataclass(frozen=True)
class Why:
    kind: str  # term, synonym, pinyin, typo or code
    matched: str  # what in the query matched
    to: str | None = None  # what it stands for (the official term, the corrected word)

    def text(self) -> str:
        label = WHY_ZH.get(self.kind, self.kind)
        if self.to and self.to != self.matched:
            return f"{label}：{self.matched} → {self.to}"
        return f"{label}：{self.matched}"


@dataclass
class Hit:
    code: str
    name: str
    score: float
    why: list[Why] = field(default_factory=list)
    where: str | None = None  # for a given locality: 「村里可办」, a venue's name …


@dataclass(frozen=True)
class EventStep:
    name: str
    code: str | None  # the tree's matter, when one answers this step
    note: str | None = None


@dataclass(frozen=True)
class EventHit:
    id: str
    name: str
    party: str
    matched: str
    steps: tuple[EventStep, ...]


@dataclass
class Results:
    query: str
    hits: list[Hit]
    events: list[EventHit]
    total: int
    suggestions: list[str] = field(default_factory=list)  # nearest terms, when nothing matched
    hotline: str | None = None
