"""`catalogkit export --to cpsv-ap|json`: the catalog for other systems."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..export import to_cpsv, to_json
from .catalog_option import CATALOG_OPTION
from .language import pick_language
from .loading import load_bundle
from .writing import write_atomically


@click.command("export")
@click.option(
    "--to",
    "target",
    type=click.Choice(["cpsv-ap", "json"]),
    required=True,
    help="cpsv-ap: CPSV-AP 3.2 JSON-LD; json: the resolved bundle.",
)
@CATALOG_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of standard output.",
)
def export_command(target: str, catalog: Path, output: Path | None) -> None:
    """Export every matter of the tree as CPSV-AP JSON-LD, or the resolved bundle."""
    bundle = load_bundle(catalog, pick_language(None))
    body = to_cpsv(bundle) if target == "cpsv-ap" else to_json(bundle)
    text = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)
