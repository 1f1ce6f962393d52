"""The everyday-terms lexicon (`kind: Lexicon`): what residents say, mapped to the
official words of the catalog, and life events (一件事) as ordered lists of matters.

Real matter lists carry no aliases, so the words residents use are kept once, as
data: a national default ships with catalogkit and a county's own lexicon adds to
it, or replaces an entry by writing the same phrase again."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, Name, Slug, Text, doc

Party = Literal["个人", "法人"]


class LexiconEntry(Model):
    phrases: list[Name] = doc("群众说法", "what residents say (each phrase is a key)", min_length=1)
    terms: list[Name] = doc(
        "规范用语", "official terms and matter names these phrases mean", default_factory=list
    )
    matters: list[Name] = doc(
        "事项编码", "codes of this tree's matters these phrases mean", default_factory=list
    )
    note: Text | None = doc("说明", "note for editors", default=None)


class EventStep(Model):
    term: Name | None = doc(
        "事项名称或规范用语", "the matter's name or an official term", default=None
    )
    matter: Name | None = doc("事项编码", "the code of one of this tree's matters", default=None)
    note: Text | None = doc("说明", "what the resident does at this step", default=None)


class LifeEvent(Model):
    id: Slug = doc("标识", "id of the life event")
    name: Name = doc("一件事名称", "name of the life event (一件事)")
    party: Party = doc("对象", "for persons (个人) or businesses (法人)")
    phrases: list[Name] = doc("群众说法", "what residents say for it", default_factory=list)
    steps: list[EventStep] = doc(
        "事项（按顺序）", "matters in the order they are done", min_length=1
    )


class LexiconDocument(Model):
    api_version: Literal["catalogkit/v1"] = Field(alias="apiVersion")
    kind: Literal["Lexicon"]
    name: Name = doc("词库名称", "name of this lexicon")
    entries: list[LexiconEntry] = doc("词条", "entries", default_factory=list)
    events: list[LifeEvent] = doc("一件事", "life events", default_factory=list)
