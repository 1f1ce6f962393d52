"""The curated public API resolves, stays cheap to import, and every exception the
package defines is in the one tree under CatalogkitError."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import subprocess
import sys

import catalogkit
from catalogkit.errors import CatalogkitError

# exceptions outside the tree on purpose, each with its reason
OUTSIDE_THE_TREE = {
    "catalogkit.server.jsonbody._Duplicate": "control flow inside the JSON reader, never escapes",
    "catalogkit.format.canonical._NotCanonical": "control flow inside fmt's checker, never escapes",
    "catalogkit.server.problems.ApiProblem": "an HTTP answer the server renders, not a failure",
    "catalogkit.server.pages.site.PageError": "an HTML error page the server renders",
    "catalogkit.cli.names.UnresolvedName": "a click exception: click prints it and exits 1",
}
_NOT_IMPORTED = ("catalogkit.__main__", "catalogkit.ledger.migrations")


def test_every_public_name_resolves() -> None:
    assert len(set(catalogkit.__all__)) == len(catalogkit.__all__)
    for name in catalogkit.__all__:
        assert getattr(catalogkit, name) is not None, name


def test_the_engine_and_its_answers_are_public() -> None:
    assert {"Engine", "Case", "Decision", "Route", "Bundle", "CatalogkitError"} <= set(
        catalogkit.__all__
    )


def test_importing_catalogkit_loads_no_models() -> None:
    code = "import json, sys, catalogkit; print(json.dumps(sorted(sys.modules)))"
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], text=True)))
    assert not {"pydantic", "catalogkit.engine", "catalogkit.model", "catalogkit.resolve"} & loaded


def _exceptions() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(catalogkit.__path__, "catalogkit."):
        if info.name.startswith(_NOT_IMPORTED):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == info.name:
                found[f"{info.name}.{cls.__qualname__}"] = cls
    return found


def test_every_exception_is_in_the_one_tree() -> None:
    found = _exceptions()
    outside = {n for n, cls in found.items() if not issubclass(cls, CatalogkitError)}
    assert outside == set(OUTSIDE_THE_TREE)
    assert all(OUTSIDE_THE_TREE.values())
