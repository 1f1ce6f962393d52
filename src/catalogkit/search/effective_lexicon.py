"""The effective lexicon of a tree: the national default shipped with catalogkit,
then the tree's own `kind: Lexicon` files in file order. An entry whose phrase is
written again later replaces the earlier meaning of that phrase (a county overrides
the national default); a life event written again with the same id replaces it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import CatalogError
from ..model import LexiconDocument, LifeEvent
from ..resolve import Bundle
from .units import normalise

NATIONAL_FILE = "national-lexicon.yaml"


@dataclass(frozen=True)
class Meaning:
    phrase: str
    terms: tuple[str, ...]
    matters: tuple[str, ...]
    origin: str  # the lexicon's name


@dataclass(frozen=True)
class Lexicon:
    meanings: dict[str, Meaning]
    events: tuple[LifeEvent, ...]
    spoken: dict[str, tuple[str, ...]]  # a phrase → the ids of the life events it names


def national_text() -> bytes:
    return resources.files(__package__).joinpath(NATIONAL_FILE).read_bytes()


@lru_cache(maxsize=1)
def national() -> LexiconDocument:
    """The shipped default, validated like any catalog file (an error is a bug)."""
    from ..load.one_document import read_document

    raw = national_text()
    loaded = read_document(NATIONAL_FILE, raw, hashlib.blake2b(raw, digest_size=16).hexdigest())
    if not isinstance(loaded.document, LexiconDocument):
        raise CatalogError(loaded.diagnostics)
    return loaded.document


def national_digest() -> str:
    return hashlib.blake2b(national_text(), digest_size=8).hexdigest()


def effective(bundle: Bundle) -> Lexicon:
    meanings: dict[str, Meaning] = {}
    events: dict[str, LifeEvent] = {}
    for doc in (national(), *bundle.lexicons):
        written: set[str] = set()
        for entry in doc.entries:
            for raw in entry.phrases:
                phrase = normalise(raw)
                seen = meanings.get(phrase)
                if seen is not None and phrase in written:  # twice in one file: both count
                    terms, matters = (
                        seen.terms + tuple(entry.terms),
                        seen.matters + tuple(entry.matters),
                    )
                else:
                    terms, matters = tuple(entry.terms), tuple(entry.matters)
                meanings[phrase] = Meaning(phrase, terms, matters, doc.name)
                written.add(phrase)
        for event in doc.events:
            events[event.id] = event
    spoken: dict[str, tuple[str, ...]] = {}
    for event in events.values():
        for raw in (*event.phrases, event.name):
            phrase = normalise(raw)
            if event.id not in spoken.get(phrase, ()):
                spoken[phrase] = (*spoken.get(phrase, ()), event.id)
    return Lexicon(meanings, tuple(events.values()), spoken)
