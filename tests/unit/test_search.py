"""Search: the demo's phrasing cases (tests/data/search/demo.yaml), the lexicon, the
locality, zero results, the cache, and lazy imports of the text libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from ruamel.yaml import YAML

from catalogkit import load_catalog
from catalogkit.load.cache import cache_dir
from catalogkit.search import Finder, build_index, load_index
from catalogkit.search.effective_lexicon import national
from tests.conftest import DATA, DEMO

CASES: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(
    (DATA / "search" / "demo.yaml").read_text(encoding="utf-8")
)
VILLAGE_GROUP = "339901101202-5"  # 石门坎村高山组


@pytest.fixture(scope="module")
def finder() -> Finder:
    bundle = load_catalog(DEMO, cache=False)
    return Finder(bundle, build_index(bundle))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["q"])
def test_phrasing(finder: Finder, case: dict[str, Any]) -> None:
    results = finder.search(case["q"], limit=3)
    codes = [h.code for h in results.hits]
    shown = [(h.code, h.name, [w.text() for w in h.why]) for h in results.hits]
    if case.get("none"):
        assert codes == [], shown
        assert results.suggestions or results.events
        assert results.hotline == "12345"
        return
    expected = case.get("first") or case["top3"]
    if "first" in case:
        assert codes[:1] == [expected], shown
    else:
        assert expected in codes, shown
    if "why" in case:
        hit = results.hits[codes.index(expected)]
        assert case["why"] in {w.kind for w in hit.why}, shown
    if "event" in case:
        assert case["event"] in [e.id for e in results.events]


def test_the_national_lexicon_is_large_and_covers_life_events() -> None:
    doc = national()
    assert len(doc.entries) >= 300
    persons = {e.id for e in doc.events if e.party == "个人"}
    businesses = {e.id for e in doc.events if e.party == "法人"}
    assert {"birth", "school", "job", "marriage", "home", "retirement", "afterlife"} <= persons
    assert {"open-business", "licensing", "change-business", "close-business"} <= businesses


def test_a_county_entry_replaces_the_national_meaning(finder: Finder) -> None:
    meaning = finder.index.lexicon.meanings["过户"]
    assert meaning.origin == "明湖县群众用语"
    assert meaning.matters == ("MH-BDC-0002",)
    birth = next(e for e in finder.index.lexicon.events if e.id == "birth")
    assert [s.matter for s in birth.steps] == ["MH-GA-0004", "MH-RS-0006"]
    # national entries the county did not touch are still there
    assert "最低生活保障" in finder.index.lexicon.meanings["低保"].terms


def test_a_life_event_lists_its_matters_in_order(finder: Finder) -> None:
    results = finder.search("家里老人去世了要办什么")
    event = results.events[0]
    assert event.id == "afterlife"
    assert [s.name for s in event.steps][:2] == ["死亡医学证明", "死亡注销户口"]
    assert event.steps[1].code == "MH-GA-0005"
    assert event.steps[0].code is None  # no such matter in the demo: shown, not invented


def test_a_locality_keeps_its_own_matters_and_says_where(finder: Finder) -> None:
    results = finder.search("低保", locality=VILLAGE_GROUP)
    assert results.hits[0].where == "村里可代办（石门坎村高山组便民服务点）"
    everywhere = finder.search("渔业捕捞")
    assert everywhere.hits[0].code == "MH-NY-0006"
    offered = {h.code for h in finder.search("渔业捕捞", locality=VILLAGE_GROUP).hits}
    assert {h.code for h in everywhere.hits} >= offered


def test_zero_results_suggest_terms_and_the_hotline(finder: Finder) -> None:
    results = finder.search("养狗")
    assert results.hits == []
    assert "养狗登记" in results.suggestions
    assert results.hotline == "12345"


def test_the_index_is_kept_in_the_compiled_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogkit.search import store

    compiled = load_catalog(DEMO)  # compiles the bundle, and its index beside it
    assert len(list(cache_dir().glob("search-*.pickle"))) == 1
    first = load_index(compiled)  # the one this load built, carried by the bundle

    def no_build(bundle: object) -> None:
        raise AssertionError("the index was built again")

    monkeypatch.setattr(store, "build_index", no_build)
    bundle = load_catalog(DEMO)
    assert bundle.derived == {}  # from the cache: the index is read when asked for
    again = load_index(bundle)
    assert again is not first and again.codes == first.codes
    assert Finder(bundle, again).search("低保").hits[0].code == "MH-MZ-0001"


def test_importing_search_loads_no_text_library() -> None:
    code = "import json, sys, catalogkit.search; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    for module in ("jieba", "pypinyin", "rapidfuzz"):
        assert module not in loaded, module
