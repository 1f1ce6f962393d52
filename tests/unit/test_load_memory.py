"""Memory and collector management during a load: the collector is paused and given
back as it was, and compacting documents shares texts without changing them."""

from __future__ import annotations

import gc
from pathlib import Path

from catalogkit.catalog import check_catalog, read_inputs
from catalogkit.load.collector import collector_paused
from catalogkit.load.compact import Compactor
from catalogkit.load.one_document import read_document


def test_the_collector_is_paused_during_nested_loads_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_load_gives_the_collector_back(synthetic_tree: Path) -> None:
    assert check_catalog(synthetic_tree, cache=False).bundle is not None
    assert gc.isenabled()


def test_compacting_shares_texts_and_field_sets_and_changes_no_value(
    synthetic_tree: Path,
) -> None:
    docs = [
        read_document(name, raw, digest).document
        for name, raw, digest in read_inputs(synthetic_tree)
    ]
    before = [d.model_dump(by_alias=True, exclude_unset=True) for d in docs if d is not None]
    compactor = Compactor()
    for d in docs:
        assert d is not None
        compactor.model(d)
    after = [d.model_dump(by_alias=True, exclude_unset=True) for d in docs if d is not None]
    assert after == before
    matters = next(d for d in docs if d is not None and type(d).__name__ == "MattersDocument")
    texts = [m.source for matter in matters.matters for m in matter.materials]
    assert len({id(t) for t in texts}) == len(set(texts))


def test_a_valid_document_drops_its_parsed_data_when_asked(synthetic_tree: Path) -> None:
    name, raw, digest = read_inputs(synthetic_tree)[0]
    assert read_document(name, raw, digest).data is not None
    dropped = read_document(name, raw, digest, keep_data=False)
    assert dropped.document is not None and dropped.data is None
