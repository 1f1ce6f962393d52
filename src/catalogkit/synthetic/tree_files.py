"""The files of a generated tree: where it may be written, the sizes it accepts, the
comment every file opens with, and the demo's calendars copied in."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from .county_spec import DEMO_CALENDARS, MARKER, MAX_TOWNS, MAX_VILLAGES


def prepare_folder(root: Path, folders: Sequence[str]) -> None:
    """Refuse to write into a folder that holds anything but an earlier synthetic tree."""
    settings = root / "catalogkit.yaml"
    if root.exists() and any(root.iterdir()):
        made_here = settings.is_file() and settings.read_text(encoding="utf-8").startswith(
            f"# {MARKER}"
        )
        if not made_here:
            raise FileExistsError(
                f"{root} is not empty and was not made by catalogkit.synthetic; "
                "choose an empty or new folder"
            )
        for sub in ("county", "towns", "calendars"):
            folder = root / sub
            if folder.is_dir():
                for old in folder.glob("*.yaml"):
                    old.unlink()
        if (root / "counties").is_dir():
            for old in (root / "counties").glob("*/**/*.yaml"):
                old.unlink()
    for sub in folders:
        (root / sub).mkdir(parents=True, exist_ok=True)


def check_sizes(towns: int, villages_per_town: int, matters: int, departments: int) -> None:
    if not 1 <= towns <= MAX_TOWNS:
        raise ValueError(f"towns must be between 1 and {MAX_TOWNS}")
    if not 0 <= villages_per_town <= MAX_VILLAGES:
        raise ValueError(f"villages_per_town must be between 0 and {MAX_VILLAGES}")
    if matters < 1 or departments < 1:
        raise ValueError("matters and departments must be at least 1")


def header_note(seed: int) -> str:
    return (
        f"{MARKER} (seed {seed}).\n"
        "Invented content for tests and benchmarks, not real service standards."
    )


def copy_calendars(root: Path) -> None:
    if DEMO_CALENDARS.is_dir():
        calendars = sorted(DEMO_CALENDARS.glob("*.yaml"))
        if calendars:
            (root / "calendars").mkdir(exist_ok=True)
            for path in calendars:
                shutil.copyfile(path, root / "calendars" / path.name)


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")
