"""`catalogkit import SOURCE... --out DIR`: a county's existing implementation list
(XLSX, CSV, JSON records) into a canonical catalog tree, merged by 实施编码."""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..catalog import check_catalog
from .language import LANG_OPTION, pick_language

if TYPE_CHECKING:  # imported when the command runs: its `--help` stays quick
    from ..importing import ImportResult


@click.command("import")
@click.argument(
    "sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
    help="The catalog tree to create or merge into.",
)  # fmt: skip
@click.option(
    "--map", "mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A YAML file mapping other column headings to fields (columns: {原表头: 字段}).",
)  # fmt: skip
@click.option("--county", help="Division code of the county (only for a new tree).")
@click.option("--county-name", help="Name of the county (only for a new tree).")
@LANG_OPTION
def import_command(
    sources: tuple[Path, ...],
    out: Path,
    mapping: Path | None,
    county: str | None,
    county_name: str | None,
    lang: str | None,
) -> None:
    """Import implementation lists into a catalog tree: unknown fields stay empty
    (draft matters); a re-import updates the source fields and keeps what was
    written by hand; an unchanged export writes nothing."""
    from ..importing import SourceError, run_import

    language = pick_language(lang)
    before = _snapshot(out)
    with click.progressbar(
        length=len(sources), label="读取" if language == "zh" else "reading",
        file=sys.stderr if sys.stderr.isatty() else io.StringIO(),
    ) as bar:  # fmt: skip
        try:
            result = run_import(
                sources, out, mapping=mapping, county=county, county_name=county_name,
                progress=lambda _p: bar.update(1),
            )  # fmt: skip
        except (SourceError, ValueError) as exc:
            _cleanup(before)
            raise click.ClickException(str(exc)) from None
    _report(result, language)
    if before is not None and result.written.files:
        _diff(before, out, language)
    _cleanup(before)


def _snapshot(out: Path) -> Path | None:
    """A copy of an existing tree, so the run can end with the semantic diff."""
    if not (out / "catalogkit.yaml").is_file():
        return None
    copy = Path(tempfile.mkdtemp(prefix="catalogkit-import-")) / "before"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns(".*"))
    return copy


def _cleanup(before: Path | None) -> None:
    if before is not None:
        shutil.rmtree(before.parent, ignore_errors=True)


def _report(result: ImportResult, lang: str) -> None:
    from ..importing.headings import NATIONAL
    from ..report.labels import pad

    data, written = result.data, result.written
    zh = lang == "zh"
    for p in data.problems:
        said = "无法读取，已留空：应为 " if zh else "unreadable, left empty: expected "
        found = "，实际为 " if zh else ", found "
        click.echo(f"{p.place}: {said}{p.expected}{found}{p.found!r}")
    for file, sheet, heading in data.unmapped:
        where = f"{file}[{sheet}]" if sheet else file
        click.echo(
            f"{where}: " + (f"未导入的列 {heading!r}（可在 --map 文件中指定对应字段）" if zh
            else f"column {heading!r} not imported (map it to a field with --map)")
        )  # fmt: skip
    keys = sorted(
        set(data.filled) | set(data.empty) | set(data.unreadable), key=list(NATIONAL).index
    )
    click.echo("")
    heads = ("字段", "已填", "空", "无法读取") if zh else ("field", "filled", "empty", "unreadable")
    click.echo((pad(heads[0], 20) + "".join(pad(h, 12) for h in heads[1:])).rstrip())
    for k in keys:
        counts = (data.filled[k], data.empty[k], data.unreadable[k])
        click.echo((pad(NATIONAL[k], 20) + "".join(pad(str(c), 12) for c in counts)).rstrip())
    depts = len({d for d in data.department_of.values()})
    if zh:
        click.echo(
            f"事项 {len(data.matters)} 项（新增 {written.added}，更新 {written.updated}，"
            f"目录中另有 {written.kept} 项未出现在来源中）；部门 {depts} 个；"
            f"写入 {len(written.files)} 个文件，未变 {len(written.unchanged)} 个"
        )
    else:
        click.echo(
            f"{len(data.matters)} matters ({written.added} new, {written.updated} updated, "
            f"{written.kept} in the tree but not in the sources); {depts} departments; "
            f"{len(written.files)} file(s) written, {len(written.unchanged)} unchanged"
        )


def _diff(before: Path, after: Path, lang: str) -> None:
    from ..diff import diff_bundles
    from ..diff.text import as_text

    old, new = check_catalog(before), check_catalog(after)
    if old.bundle is None or new.bundle is None:
        return
    click.echo("")
    click.echo(as_text(diff_bundles(old.bundle, new.bundle, str(after), str(after)), lang))
