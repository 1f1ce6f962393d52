"""Where plugins come from: installed packages (entry-point group `catalogkit`), a
local plugins folder, and explicit module names; with switches to block plugins and
to turn auto-loading off (CATALOGKIT_DISABLE_PLUGIN_AUTOLOAD=1)."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

from ..errors import PluginError

ENTRY_POINT_GROUP = "catalogkit"
AUTOLOAD_OFF = "CATALOGKIT_DISABLE_PLUGIN_AUTOLOAD"


@dataclass(frozen=True)
class Found:
    """A plugin module and where it came from: entry point, folder or name."""

    name: str
    module: ModuleType
    source: str
    file: str


def from_entry_points(blocked: set[str]) -> list[Found]:
    out = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if ep.name in blocked:
            continue
        try:
            module = ep.load()
        except Exception as exc:  # a broken installed plugin must name itself
            raise PluginError(ep.name, "load", ep.value, None, repr(exc)) from exc
        dist = ep.dist.name if ep.dist else "?"
        out.append(Found(ep.name, module, f"package {dist}", _file(module)))
    return out


def from_folder(folder: Path, blocked: set[str]) -> list[Found]:
    """`folder/*.py` and `folder/<pkg>/src/<module>` of small plugin packages."""
    out: list[Found] = []
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.py")):
        if path.stem.startswith("_") or path.stem in blocked:
            continue
        out.append(Found(path.stem, _import_file(path), f"folder {folder}", str(path)))
    for package in sorted(p for p in folder.iterdir() if (p / "pyproject.toml").is_file()):
        for init in sorted((package / "src").glob("*/__init__.py")):
            name = init.parent.name.replace("_", "-")
            if name in blocked:
                continue
            sys.path.insert(0, str(init.parent.parent))
            out.append(Found(name, _import(init.parent.name, init), f"folder {folder}", str(init)))
    return out


def from_names(names: list[str], blocked: set[str]) -> list[Found]:
    out = []
    for name in names:
        if name in blocked:
            continue
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise PluginError(name, "load", name, None, f"cannot import: {exc}") from exc
        out.append(
            Found(name.rsplit(".", 1)[-1].replace("_", "-"), module, "explicit", _file(module))
        )
    return out


def autoload_enabled() -> bool:
    return not os.environ.get(AUTOLOAD_OFF)


def _import_file(path: Path) -> ModuleType:
    return _import(f"catalogkit_local_{path.stem}", path)


def _import(module_name: str, path: Path) -> ModuleType:
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginError(path.stem, "load", str(path), None, "not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[module_name]
        raise PluginError(path.stem, "load", str(path), None, repr(exc)) from exc
    return module


def _file(module: ModuleType) -> str:
    return str(getattr(module, "__file__", None) or module.__name__)
