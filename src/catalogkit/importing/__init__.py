"""Importing a county's existing implementation list: readers (one module per
format) → normalise → records → a canonical tree merged by 实施编码."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import CatalogkitError
from .headings import KNOWN_HEADINGS, load_mapping
from .merge import Written, county_code, write_tree
from .reading import list_bytes
from .records import Imported, read_sheets
from .sheets import Sheet

__all__ = ["ImportResult", "SourceError", "read_sources", "run_import"]


class SourceError(CatalogkitError, ValueError):
    """A source that cannot be read at all (not the format its name says)."""


@dataclass
class ImportResult:
    data: Imported
    written: Written


def read_source(path: Path) -> list[Sheet]:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".json"):
        raise SourceError(
            f"{path}: unknown format {suffix!r}; expected .xlsx, .csv or .json / 不支持的格式"
        )
    try:
        raw = list_bytes(path)
        if suffix == ".csv":
            from .csvfile import read_csv

            return read_csv(path.name, raw, KNOWN_HEADINGS)
        if suffix == ".json":
            from .jsonrecords import read_json

            return read_json(path.name, raw, KNOWN_HEADINGS)
        from .xlsx import read_xlsx

        return read_xlsx(path.name, raw, KNOWN_HEADINGS)
    except (OSError, ValueError, KeyError) as exc:
        raise SourceError(f"{path}: cannot be read ({exc}) / 无法读取") from None
    except Exception as exc:  # whatever a reader raises on a broken file is a refusal
        raise SourceError(
            f"{path}: cannot be read ({type(exc).__name__}: {exc}) / 无法读取"
        ) from None


def read_sources(
    sources: Sequence[Path],
    mapping: Path | None,
    county: str,
    progress: Callable[[Path], None] | None = None,
) -> Imported:
    columns = load_mapping(mapping) if mapping is not None else {}
    sheets: list[Sheet] = []
    for path in sources:
        sheets += read_source(path)
        if progress is not None:
            progress(path)
    return read_sheets(sheets, columns, county)


def run_import(
    sources: Sequence[Path],
    out: Path,
    *,
    mapping: Path | None = None,
    county: str | None = None,
    county_name: str | None = None,
    progress: Callable[[Path], None] | None = None,
) -> ImportResult:
    known = county_code(out)
    if known is not None:
        county, county_name = known
    if county is None or county_name is None:
        raise SourceError(
            f"{out} is not a tree yet: give --county CODE and --county-name NAME / "
            "新建目录时须给出 --county 和 --county-name"
        )
    data = read_sources(sources, mapping, county, progress)
    if not data.matters and known is None:  # nothing found: no empty tree is made
        problems = "; ".join(f"{p.place}: {p.expected}" for p in data.problems[:3])
        raise SourceError(f"no matter found in the sources / 来源中没有找到事项 ({problems})")
    return ImportResult(data, write_tree(out, county, county_name, data))
