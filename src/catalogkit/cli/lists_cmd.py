"""`catalogkit venue-list VENUE` and `catalogkit booklet TOWN`: printable HTML pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..guide import booklet, render_page, venue_list
from .catalog_option import CATALOG_OPTION
from .language import pick_language
from .loading import load_bundle
from .writing import OUTPUT_OPTION, emit


@click.command("venue-list")
@click.argument("venue")
@CATALOG_OPTION
@OUTPUT_OPTION
def venue_list_command(venue: str, catalog: Path, output: Path | None) -> None:
    """The 服务事项清单 of VENUE, by window and department, as printable HTML."""
    bundle = load_bundle(catalog, pick_language(None))
    if venue not in bundle.venues:
        raise click.UsageError(f"unknown venue {venue!r}")
    emit(
        render_page(
            "venue.html.j2",
            venue=bundle.venues[venue].item,
            matters=venue_list(bundle, venue),
            revision=bundle.revision,
            generated=dt.date.today().isoformat(),
        ),
        output,
    )


@click.command("booklet")
@click.argument("town")
@CATALOG_OPTION
@OUTPUT_OPTION
def booklet_command(town: str, catalog: Path, output: Path | None) -> None:
    """The 百事通 of TOWN: every matter its residents can do, by theme, and where."""
    bundle = load_bundle(catalog, pick_language(None))
    if town not in bundle.localities or bundle.locality(town).level != "town":
        raise click.UsageError(f"{town!r} is not a town or street of this catalog")
    themes = booklet(bundle, town)
    emit(
        render_page(
            "booklet.html.j2",
            town=bundle.locality(town).name,
            themes=themes,
            total=sum(len(v) for v in themes.values()),
            revision=bundle.revision,
            generated=dt.date.today().isoformat(),
        ),
        output,
    )
