"""XLSX exports, read with openpyxl (the only module that imports it for reading).

Merged cells are common in exported lists (one 实施主体 over several rows): the value
of a merged range is given to every cell it covers."""

from __future__ import annotations

from .reading import workbook_bytes
from .sheets import Sheet, cell_text, find_heading_row


def read_xlsx(name: str, raw: bytes, known: set[str]) -> list[Sheet]:
    import openpyxl

    book = openpyxl.load_workbook(workbook_bytes(raw), data_only=True)
    out = []
    for ws in book.worksheets:
        grid = [[cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        for merged in ws.merged_cells.ranges:
            value = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                    grid[r][c] = value
        out.append(_sheet(name, ws.title, grid, known))
    book.close()
    return [s for s in out if s.headings]


def _sheet(file: str, name: str, grid: list[list[str | None]], known: set[str]) -> Sheet:
    if not grid:
        return Sheet(file, name, [])
    top = find_heading_row(grid, known)
    headings = [h or f"列{i + 1}" for i, h in enumerate(grid[top])]
    sheet = Sheet(file, name, headings)
    for n, row in enumerate(grid[top + 1 :], start=top + 2):
        if any(c is not None for c in row):
            sheet.rows.append((n, row))
    return sheet
