"""What every reader gives: sheets of text cells with the place each came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """Where a value was read: file, sheet, 1-based row and the column's heading."""

    file: str
    sheet: str
    row: int
    column: str

    def __str__(self) -> str:
        sheet = f"[{self.sheet}]" if self.sheet else ""
        return f"{self.file}{sheet}:{self.row}:{self.column}"


@dataclass
class Sheet:
    """One table: its headings and its rows (text or None), each with its row number."""

    file: str
    name: str
    headings: list[str]
    rows: list[tuple[int, list[str | None]]] = field(default_factory=list)

    def records(self) -> list[tuple[int, dict[str, str | None]]]:
        return [(n, dict(zip(self.headings, cells, strict=False))) for n, cells in self.rows]


def cell_text(value: object) -> str | None:
    """A cell as text: numbers without a trailing .0 (codes are text, never floats),
    blanks as None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def find_heading_row(rows: list[list[str | None]], known: set[str]) -> int:
    """The first of the top rows whose cells name the most known headings (a title
    row above the headings is common in exported lists)."""
    best, best_n = 0, -1
    for i, row in enumerate(rows[:10]):
        n = sum(1 for c in row if c is not None and c in known)
        if n > best_n:
            best, best_n = i, n
    return best
