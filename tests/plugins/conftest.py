"""Shared helpers for the example town plugins of `plugins/`: import a plugin from its
package's `src` folder, an Engine over the demo county with exactly that plugin, cases
with every material handed in, and copies of the demo with plugins enabled elsewhere."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from catalogkit import Bundle, load_catalog, testing
from catalogkit.engine import CaseView, Decision, Engine, route
from catalogkit.model.case import Case
from catalogkit.plugins import Plugins

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "catalogs"
PLUGINS = ROOT / "plugins"


def plugin_module(name: str) -> ModuleType:
    """The plugin package `plugins/<name>`, imported from its `src` folder."""
    src = str(PLUGINS / name / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    module = importlib.import_module(name.replace("-", "_"))
    assert Path(str(module.__file__)).is_relative_to(PLUGINS / name), module.__file__
    return module


def plugins_of(name: str, module: ModuleType) -> Plugins:
    return testing.plugins_of((name, module))


def engine(bundle: Bundle, name: str | None = None, module: ModuleType | None = None) -> Engine:
    """An Engine over `bundle` with exactly one plugin, or with none (the demo enables
    the other example plugins too: they are left out on purpose)."""
    if name is None or module is None:
        return Engine(bundle, Plugins(), missing_plugins="ignore")
    return Engine(bundle, plugins_of(name, module), missing_plugins="ignore")


def case(
    bundle: Bundle,
    matter: str,
    locality: str,
    submitted: dt.date | str,
    facts: Mapping[str, Any] | None = None,
    *,
    materials: Iterable[str] | None = None,
    channel: str = "window",
) -> Case:
    """A case with every material of the matter handed in unless `materials` is given."""
    if materials is None:
        materials = [m.name for m in bundle.matter(matter).materials]
    return testing.make_case(
        locality, matter, facts=facts, materials=materials, submitted=submitted, channel=channel
    )


def view(
    bundle: Bundle,
    matter: str,
    locality: str,
    submitted: dt.date | str,
    facts: Mapping[str, Any] | None = None,
) -> CaseView:
    """What a hook sees of a case, built as the engine builds it (for calling hooks
    directly)."""
    if isinstance(submitted, str):
        submitted = dt.date.fromisoformat(submitted)
    m = bundle.matter(matter)
    found = route(bundle, matter, locality)
    return CaseView(
        matter,
        m,
        locality,
        tuple(bundle.chain(locality)),
        "自然人",
        CaseView.frozen({"applicant": "自然人", **(facts or {})}),
        frozenset(),
        submitted,
        "window",
        found.accepted_at.promised_limit,
        m.statutory_limit,
        bundle,
        found,
    )


def enabled_on(bundle: Bundle, name: str) -> list[str]:
    """The localities whose YAML enables plugin `name`."""
    return [
        c for c, e in bundle.localities.items() if any(u.name == name for u in e.locality.plugins)
    ]


def plugin_sources(decision: Decision) -> set[str]:
    """The plugins named in a decision's trace."""
    return {t.source.split(" ")[1] for t in decision.trace if t.source.startswith("plugin ")}


def demo_copy(tmp_path: Path, uses: Mapping[str, list[dict[str, Any]]]) -> Path:
    """A copy of the demo county where `uses[code]` replaces the `plugins:` of locality
    `code` (an empty list removes it); other localities keep theirs."""
    from ruamel.yaml import YAML

    tree = tmp_path / "catalogs"
    shutil.copytree(DEMO, tree)
    yaml = YAML(typ="rt")
    yaml.width = 4096
    left = dict(uses)
    for path in sorted(tree.rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("kind") != "Locality":
            continue
        changed = False
        for place in _localities(data):
            code = str(place.get("code"))
            if code in left:
                new = left.pop(code)
                if new:
                    place["plugins"] = new
                else:
                    place.pop("plugins", None)
                changed = True
        if changed:
            with path.open("w", encoding="utf-8") as out:
                yaml.dump(data, out)
    assert not left, f"no such localities in the demo: {sorted(left)}"
    return tree


def _localities(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = [data]
    for child in data.get("children") or []:
        if isinstance(child, dict):
            out += _localities(child)
    return out


@pytest.fixture(scope="session")
def demo() -> Bundle:
    return load_catalog(DEMO, cache=False)


@pytest.fixture(scope="session")
def from_folder() -> dict[str, dict[str, Any]]:
    """What catalogkit's own loader finds in `plugins/` (as `--plugins-dir plugins`
    would), in a fresh interpreter: name -> version, description, source and hooks."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from catalogkit.plugins import Plugins\n"
        "found = Plugins.load(folders=[Path(sys.argv[1])], autoload=False)\n"
        "print(json.dumps({p.name: {'version': p.version, 'description': p.description,\n"
        "    'source': p.source, 'hooks': list(p.hooks)} for p in found}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", script, str(PLUGINS)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    loaded: dict[str, dict[str, Any]] = json.loads(done.stdout)
    return loaded
