"""The one exception hierarchy of catalogkit, and the diagnostic every error carries.

CatalogkitError
├── CatalogError        the catalog tree has errors (carries every Diagnostic)
├── CalendarError       a date needs calendar data that is not there
└── UsageError          the caller asked for something that cannot be done
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Severity = Literal["error", "warning"]
YamlPath = tuple[str | int, ...]


def format_path(path: YamlPath) -> str:
    """`matters[3].materials[0].name`: the path people read in messages."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a catalog, located in a file and in its YAML tree.

    `line` and `column` are 1-based; they are filled in by the locator only when
    a run has errors, so the happy path never pays for them.
    """

    rule: str
    en: str
    zh: str
    file: str
    path: YamlPath = ()
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"
    expected: str | None = None
    found: str | None = None
    hint: str | None = None
    related: tuple[str, ...] = field(default=())
    at_key: bool = False

    def located(self, line: int, column: int) -> Diagnostic:
        return replace(self, line=line, column=column)

    @property
    def where(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def message(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else self.en

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "rule": self.rule,
            "path": format_path(self.path),
            "message": self.en,
            "message_zh": self.zh,
            "expected": self.expected,
            "found": self.found,
            "hint": self.hint,
            "related": list(self.related),
        }


class CatalogkitError(Exception):
    """Base of every error catalogkit raises on purpose."""


class CatalogError(CatalogkitError):
    """The catalog tree could not be loaded: every problem is in `diagnostics`."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.severity == "error"]
        first = errors[0] if errors else (diagnostics[0] if diagnostics else None)
        summary = f"{len(errors)} error(s) in the catalog"
        if first is not None:
            summary += f"; first: {first.where}: [{first.rule}] {first.en}"
        super().__init__(summary)


class CalendarError(CatalogkitError):
    """A working-day computation needs a year the calendar data does not cover."""


class UsageError(CatalogkitError):
    """A request that cannot be carried out as asked (unknown code, bad option)."""


class PluginError(CatalogkitError):
    """A plugin failed: the message names the plugin, the hook, its file and the locality."""

    def __init__(self, plugin: str, hook: str, file: str, locality: str | None, problem: str):
        self.plugin, self.hook, self.file, self.locality = plugin, hook, file, locality
        where = f" for locality {locality}" if locality else ""
        super().__init__(f"plugin {plugin!r} ({file}) failed in {hook}{where}: {problem}")


class ConflictError(CatalogkitError):
    """Two contributors answered one UNIQUE question differently; both are named."""

    def __init__(self, question: str, first: str, second: str) -> None:
        self.question, self.first, self.second = question, first, second
        super().__init__(f"conflicting answers for {question}: {first} and {second}")


class CaseError(UsageError):
    """A case does not fit its matter: each problem names the fact and what was expected."""

    def __init__(self, problems: Sequence[object]) -> None:
        self.findings: tuple[Any, ...] = tuple(problems)  # as found (engine FormProblems)
        self.problems = [str(p) for p in problems]
        super().__init__("the case does not fit the matter: " + "; ".join(self.problems))
