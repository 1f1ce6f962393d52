"""Finding the catalog files of a tree, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path

SKIP_DIRS = {"__pycache__", "node_modules", "plugins", "tests"}
SUFFIXES = (".yaml", ".yml")
SETTINGS_FILE = "catalogkit.yaml"


def catalog_files(root: Path) -> list[Path]:
    """Every YAML file below `root`, skipping hidden folders, plugin code and tests."""
    if root.is_file():
        return [root]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        found.extend(
            Path(dirpath, name)
            for name in sorted(filenames)
            if name.endswith(SUFFIXES) and not name.startswith(".")
        )
    return found


def tree_root(path: Path) -> Path:
    """The folder whose catalogs a path belongs to: the nearest one with catalogkit.yaml."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    return start
