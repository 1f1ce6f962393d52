"""CSV exports: UTF-8, UTF-8 with a byte-order mark and GB18030 all occur."""

from __future__ import annotations

import csv
import io

from .sheets import Sheet, cell_text, find_heading_row


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: a BOM says UTF-8; otherwise UTF-8 when it
    decodes, else GB18030 (a superset of GBK and GB2312, which Excel on Chinese
    Windows writes)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace"), "gb18030"


def read_csv(name: str, raw: bytes, known: set[str]) -> list[Sheet]:
    text, _encoding = decode(raw)
    grid = [[cell_text(c) for c in row] for row in csv.reader(io.StringIO(text))]
    if not grid:
        return []
    top = find_heading_row(grid, known)
    sheet = Sheet(name, "", [h or f"列{i + 1}" for i, h in enumerate(grid[top])])
    for n, row in enumerate(grid[top + 1 :], start=top + 2):
        if any(c is not None for c in row):
            sheet.rows.append((n, row))
    return [sheet]
