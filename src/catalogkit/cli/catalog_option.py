"""The `-c/--catalog` option of the commands that read one catalog tree."""

from __future__ import annotations

from pathlib import Path

import click

CATALOG_OPTION = click.option(
    "-c",
    "--catalog",
    type=click.Path(exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The catalog tree.",
)
