"""`catalogkit export --to cpsv-ap|json`: the catalog for other systems."""

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
    type=click.Choice(["cpsv-ap", "json"]),
    required=True,
    help="cpsv-ap: CPSV-AP 3.2 JSON-LD; json: the resolved bundle.",
)
@CATALOG_OPTION
@OUTPUT_OPTION
@LANG_OPTION
def export_command(target: str, catalog: Path, output: Path | None, lang: str | None) -> None:
    """Export every matter of the tree as CPSV-AP JSON-LD, or the resolved bundle."""
    from ..export import to_cpsv, to_json  # imported when run: `--help` stays quick
    from .loading import load_bundle

    bundle = load_bundle(catalog, pick_language(lang))
    body = to_cpsv(bundle) if target == "cpsv-ap" else to_json(bundle)
    text = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    emit(text, output)
