"""The fast recognition of canonical text (format/canonical.py) never says "canonical"
for a text the formatter would change: it is held to `format_text(text) == text` on
every catalog file of the demo, every fmt fixture, and near-misses made from them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from catalogkit.format.canonical import is_canonical
from catalogkit.format.reformat import format_text
from tests.conftest import DATA, DEMO

FILES = sorted(DEMO.rglob("*.yaml")) + sorted((DATA / "fmt").rglob("*.yaml"))
NEAR_MISSES_PER_FILE = 6


def accepted(text: str) -> bool:
    return is_canonical(text)


def formatted(text: str) -> str | None:
    try:
        return format_text(text)
    except Exception:  # the formatter refuses it: it is not canonical either
        return None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(DATA.parent.parent).as_posix())
def test_accepted_only_when_canonical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if accepted(text):
        assert formatted(text) == text


def near_misses(text: str, rng: random.Random) -> list[str]:
    """Small edits of the kind hands make: an indentation off by one or two, a
    trailing space, flow spacing, a doubled blank line, a comment moved."""
    lines = text.split("\n")
    out = []
    for _ in range(NEAR_MISSES_PER_FILE):
        edited = list(lines)
        i = rng.randrange(len(edited) - 1)
        line = edited[i]
        match rng.randrange(6):
            case 0:
                edited[i] = " " * rng.choice([1, 2]) + line
            case 1:
                edited[i] = line[1:] if line.startswith(" ") else " " + line
            case 2:
                edited[i] = line + " "
            case 3:
                edited[i] = line.replace(", ", ",", 1).replace(": ", ":  ", 1)
            case 4:
                edited[i : i + 1] = [line, "", ""]
            case _:
                edited[i] = "  # 说明\n" + line
        out.append("\n".join(edited))
    return out


@pytest.mark.parametrize("path", sorted(DEMO.rglob("*.yaml"))[:8], ids=lambda p: p.name)
def test_near_misses_are_not_taken_for_canonical(path: Path) -> None:
    rng = random.Random(path.name)
    for text in near_misses(path.read_text(encoding="utf-8"), rng):
        if accepted(text):
            assert formatted(text) == text, text


def test_the_demo_is_recognised() -> None:
    """The demo's matter and town files are canonical and recognised as such."""
    files = sorted((DEMO / "county" / "matters").glob("*.yaml")) + sorted(
        (DEMO / "towns").glob("*.yaml")
    )
    assert files and all(accepted(p.read_text(encoding="utf-8")) for p in files)
