"""Reading files in worker processes gives what the serial path gives: the same
documents, the same diagnostics in the same order, the same bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogkit.catalog import check_catalog, read_inputs
from catalogkit.load import parallel
from catalogkit.synthetic import generate_tree

BREAKS = {
    "schema and cross-file errors": {
        "county/matters.yaml": ("\n    theme:", "\n    themee:"),
        "towns/002.yaml": ('parent: "339901"', 'parent: "339902"'),
    },
    "a file that is not YAML": {
        "county/matters.yaml": ("\n    theme:", "\n    theme: [unclosed"),
        "towns/001.yaml": ('parent: "339901"', 'parent: "339902"'),
    },
    "no error": {},
}


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Makes every load use two worker processes; records the runs they read."""
    calls: list[int] = []
    real = parallel._in_processes

    def spy(inputs: list[parallel.Input], progress: object, workers: int) -> object:
        calls.append(workers)
        return real(inputs, progress, workers)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_in_processes", spy)
    monkeypatch.setattr(parallel, "workers_for", lambda inputs: 2)
    return calls


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_worker_processes_report_exactly_what_the_serial_path_reports(
    tmp_path: Path, case: str, forced: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    generate_tree(tmp_path, towns=3, villages_per_town=2, matters=12, seed=5)
    for name, (old, new) in BREAKS[case].items():
        path = tmp_path / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    seen: list[tuple[int, int, int]] = []
    in_parallel = check_catalog(tmp_path, cache=False, progress=lambda *a: seen.append(a))
    assert forced == [2]
    monkeypatch.setattr(parallel, "workers_for", lambda inputs: 1)
    serial = check_catalog(tmp_path, cache=False)
    assert forced == [2]
    assert in_parallel.diagnostics == serial.diagnostics
    assert seen[-1] == (len(serial.files), len(serial.files), seen[-1][2])
    if case == "no error":
        assert serial.bundle is not None and in_parallel.bundle is not None
        assert in_parallel.bundle.revision == serial.bundle.revision
        assert in_parallel.bundle.matters.keys() == serial.bundle.matters.keys()
        assert in_parallel.bundle.claims == serial.bundle.claims
    else:
        assert serial.errors and in_parallel.bundle is None


def test_small_trees_and_threaded_processes_are_read_here(
    synthetic_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = read_inputs(synthetic_tree)
    monkeypatch.delenv("CATALOGKIT_LOAD_WORKERS", raising=False)
    assert parallel.workers_for(inputs) == 1
    assert parallel.workers_for(inputs, threshold=0) >= 1
    monkeypatch.setenv("CATALOGKIT_LOAD_WORKERS", "1")
    assert parallel.workers_for(inputs, threshold=0) == 1
    monkeypatch.setenv("CATALOGKIT_LOAD_WORKERS", "3")
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    assert parallel.workers_for(inputs) == 1


def test_runs_are_consecutive_and_cover_every_file() -> None:
    inputs = [(f"f{i}", b"x" * size, "") for i, size in enumerate([5, 1, 1, 9, 1, 1, 1, 2])]
    runs = parallel._runs(inputs, 4)
    assert [i for run in runs for i in run] == list(range(len(inputs)))
