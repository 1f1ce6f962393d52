"""The check table, the code that reports checks and the validation-rules documentation agree."""

from __future__ import annotations

import re

from catalogkit.check_registry import CHECK_IDS, CHECKS
from tests.conftest import ROOT

_QUOTED_ID = re.compile(r'"([a-z]+(?:-[a-z0-9]+)+)"')
_REPORTING = ("load", "resolve", "codes.py")


def _ids_in_code() -> set[str]:
    found: set[str] = set()
    src = ROOT / "src" / "catalogkit"
    for part in _REPORTING:
        for path in [src / part] if part.endswith(".py") else sorted((src / part).rglob("*.py")):
            found |= set(_QUOTED_ID.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_check_the_code_reports_is_registered() -> None:
    not_checks = {"utf-8", "python-re", "catalogkit-v1"}
    reported = {i for i in _ids_in_code() if i not in not_checks and not i.startswith("tag-")}
    assert reported - CHECK_IDS == set()


def test_registered_checks_are_unique_and_bilingual() -> None:
    assert len(CHECK_IDS) == len(CHECKS)
    assert all(r.en and r.zh for r in CHECKS)


def test_every_check_is_documented() -> None:
    text = (ROOT / "docs" / "validation-rules.md").read_text(encoding="utf-8")
    missing = [r.id for r in CHECKS if f"`{r.id}`" not in text]
    assert not missing


def test_every_check_has_an_invalid_fixture() -> None:
    shown: set[str] = set()
    for expected in (ROOT / "tests" / "data" / "invalid").glob("*/expected.txt"):
        shown |= set(re.findall(r"\[([a-z0-9-]+)\]", expected.read_text(encoding="utf-8")))
    fallback = {"invalid-value"}  # pydantic error types the translator does not know yet
    assert CHECK_IDS - shown - fallback == set()
