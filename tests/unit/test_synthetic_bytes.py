"""The generator's output is pinned: for a fixed seed, every generated file has the
digest recorded in tests/data/synthetic/digests.json (the demo's calendars, copied in,
are left out). A change that alters the bytes on purpose records new digests with
`python tests/unit/test_synthetic_bytes.py`."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from catalogkit.synthetic import generate_province, generate_tree

DIGESTS = Path(__file__).resolve().parents[1] / "data" / "synthetic" / "digests.json"

CASES = {
    # more departments than the table holds: the numbered branch offices too
    "county": lambda root: generate_tree(
        root, towns=2, villages_per_town=5, matters=60, departments=22, seed=3
    ),
    "province": lambda root: generate_province(
        root, counties=2, towns=1, villages_per_town=3, matters=15, seed=5
    ),
}


def digests(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*.yaml"))
        if "calendars" not in path.relative_to(root).parts
    }


@pytest.mark.parametrize("case", sorted(CASES))
def test_generated_bytes_are_as_recorded(case: str, tmp_path: Path) -> None:
    CASES[case](tmp_path)
    assert digests(tmp_path) == json.loads(DIGESTS.read_text(encoding="utf-8"))[case]


if __name__ == "__main__":  # record the digests again
    import tempfile

    recorded = {}
    for name, make in sorted(CASES.items()):
        with tempfile.TemporaryDirectory() as folder:
            make(Path(folder))
            recorded[name] = digests(Path(folder))
    DIGESTS.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    sys.exit(0)
