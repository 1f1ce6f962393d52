"""Building a bundle's search index from its matters.

A province repeats itself: 90 counties carry the same few hundred matter names,
themes and conditions, each under its own county's department. So every distinct
text is cut, weighed and read aloud once, and matters are grouped by the texts they
share (inverted.py); a province's 36,000 matters are indexed in well under a second
of the eight it took to weigh each matter's fields one by one."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate

from ..load.collector import collector_paused
from ..resolve import Bundle
from .effective_lexicon import effective
from .index import FIELD_WEIGHTS, NameSounds, SearchIndex, hotline_of
from .inverted import MODES, Groups, grouped, merged, name_postings
from .postings import Postings
from .sounds import name_sounds, spoken_words
from .units import Units, normalise, runs

Fields = Iterable[tuple[str | None, str, str]]  # (text, field, mode)


def build_index(bundle: Bundle) -> SearchIndex:
    with collector_paused():  # everything made here lives on: no collection can free it
        return _build(bundle)


def _build(bundle: Bundle) -> SearchIndex:
    from .pinyin import romaniser
    from .segment import segmenter

    lexicon = effective(bundle)
    codes = sorted(bundle.matters)
    matters = [bundle.matters[c].matter for c in codes]
    departments = {k: v.item.name for k, v in bundle.departments.items()}
    named, holding = grouped(matters, departments)
    known: set[str] = set(lexicon.meanings) | set(lexicon.spoken)
    for meaning in lexicon.meanings.values():
        known.update(meaning.terms)
    known.update(t for texts in named for t in texts)
    known.update(text for (where, text) in holding if where in ("theme", "material"))
    units = Units(segmenter(normalise(w) for w in known))

    def weigh_names(texts: tuple[str, ...]) -> dict[str, int]:
        fields = [(texts[0], "name", "full"), *((a, "alias", "full") for a in texts[1:])]
        return weigh(units, fields)

    in_names = name_postings(named, weigh_names)
    others: dict[str, Groups] = {}
    for (where, text), docs in holding.items():
        for unit in units.of(text, MODES[where]):
            others.setdefault(unit, []).append((docs, FIELD_WEIGHTS[where]))
    postings = Postings({unit: merged(groups) for unit, groups in in_names.items()})
    body: dict[str, bytes] = {}
    for unit, groups in others.items():  # a unit of a matter's names is not repeated here
        packed = merged(groups, in_names.get(unit))
        if packed:
            body[unit] = packed
    romanise = romaniser()
    pinyin, sounds = spoken_words(units, lexicon, named, romanise, postings.count)
    keys = {texts: "\n".join(normalise(t) for t in texts) for texts in named}
    themes = {theme: normalise(theme) for theme in {m.theme or "" for m in matters}}
    code_keys = []
    for doc, code in enumerate(codes):
        code_keys.append((normalise(code), doc))
        code_keys.append((normalise(bundle.implementation_code(code)), doc))
    vocabulary = sorted(  # runs, not whole names: 工伤认定（新办） adds nothing to 工伤认定
        {run for w in known for run in runs(w) if len(run) >= 3}
        | {w for w in units.words if len(w) >= 3}
    )
    sound_keys, sound_docs = name_sounds(named, romanise)
    return SearchIndex(
        revision=bundle.revision,
        codes=codes,
        names=[m.name for m in matters],
        keys=[keys[(m.name, *m.aliases)] for m in matters],
        places=[bundle.matters[c].locality for c in codes],
        themes=[themes[m.theme or ""] for m in matters],
        postings=postings,
        body=Postings(body),
        pinyin=pinyin,
        sounds=sounds,
        name_sounds=NameSounds(
            "\n".join(sound_keys),
            list(accumulate((len(k) + 1 for k in sound_keys[:-1]), initial=0)),
            sound_docs,
        ),
        code_keys=sorted(code_keys),
        vocabulary=vocabulary,
        lexicon=lexicon,
        hotline=hotline_of(bundle),
    )


def weigh(units: Units, fields: Fields) -> dict[str, int]:
    """Each unit of these fields with the weight of the best field holding it."""
    out: dict[str, int] = {}
    for text, where, mode in fields:
        if text:
            weight = FIELD_WEIGHTS[where]
            for unit in units.of(text, mode):
                if out.get(unit, 0) < weight:
                    out[unit] = weight
    return out
