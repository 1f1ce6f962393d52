"""No two modules share a file name unless they do one job in parallel rooms, so that a
name found in a traceback, a review or a doc says which module it is."""

from __future__ import annotations

from collections import defaultdict

from tests.conftest import ROOT

# file name -> the modules allowed to share it, and why each pair is one job
PARALLEL_ROOMS = {
    "params.py": (
        {"server/api/params.py", "server/pages/params.py"},
        "checking the codes in request URLs, once for the JSON API and once for the pages",
    ),
    "labels.py": (
        {"guide/labels.py", "report/labels.py"},
        "the bilingual words of one room's output: guides, statistics",
    ),
    "supervision.py": (
        {"server/api/supervision.py", "server/pages/supervision.py"},
        "supervision from the ledger, once as the JSON API and once as the supervisor's pages",
    ),
    "__main__.py": (
        {"__main__.py", "synthetic/__main__.py"},
        "the name Python gives `python -m`: the command line, and the tree generator",
    ),
    "text.py": (
        {"diff/text.py", "report/text.py"},
        "one room's answer as terminal text and JSON: diffs, statistics",
    ),
}


def _modules_by_name() -> dict[str, set[str]]:
    package = ROOT / "src" / "catalogkit"
    found: dict[str, set[str]] = defaultdict(set)
    for path in package.rglob("*.py"):
        if path.name != "__init__.py":
            found[path.name].add(path.relative_to(package).as_posix())
    return found


def test_no_two_modules_share_a_name_outside_parallel_rooms() -> None:
    shared = {name: paths for name, paths in _modules_by_name().items() if len(paths) > 1}
    unexplained = {
        name: sorted(paths)
        for name, paths in shared.items()
        if name not in PARALLEL_ROOMS or paths != PARALLEL_ROOMS[name][0]
    }
    assert unexplained == {}


def test_every_allowed_pair_still_exists_and_says_why() -> None:
    found = _modules_by_name()
    for name, (paths, reason) in PARALLEL_ROOMS.items():
        assert found[name] == paths, name
        assert reason
