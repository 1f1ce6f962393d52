"""`catalogkit export --to cpsv-ap|json|xlsx`: the catalog for other systems."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .writing import OUTPUT_OPTION, emit


@click.command("export")
@click.option(
    "--to",
    "target",
    type=click.Choice(["cpsv-ap", "json", "xlsx"]),
    required=True,
    help="cpsv-ap: CPSV-AP 3.2 JSON-LD; json: the resolved bundle; xlsx: the implementation "
    "list with the national headings (needs -o).",
)
@CATALOG_OPTION
@OUTPUT_OPTION
@LANG_OPTION
def export_command(target: str, catalog: Path, output: Path | None, lang: str | None) -> None:
    """Export every matter of the tree as CPSV-AP JSON-LD, the resolved bundle, or the
    implementation list as XLSX (the headings `catalogkit import` reads)."""
    from ..export import to_cpsv, to_json  # imported when run: `--help` stays quick
    from .loading import load_bundle

    language = pick_language(lang)
    bundle = load_bundle(catalog, language)
    if target == "xlsx":
        if output is None:
            raise click.UsageError(
                "--to xlsx 写入文件：请用 -o 指定文件（如 清单.xlsx）"
                if language == "zh"
                else "--to xlsx writes a file: give -o FILE.xlsx"
            )
        from ..importing.xlsxout import write_xlsx

        write_xlsx(bundle, output)
        return
    body = to_cpsv(bundle) if target == "cpsv-ap" else to_json(bundle)
    text = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    emit(text, output)
