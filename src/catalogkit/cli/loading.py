"""Opening the catalog for a command, through the one door (`Catalog.open`): on
errors, print them as `validate` does (file:line:col, rule, message) and exit 1.

Imports nothing heavy: the door loads the checking machinery when it opens a tree,
so a command that imports this module keeps its `--help` quick."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..catalog import Catalog, PluginChoice
from ..errors import PluginError
from .output import quarantine_lines, text_block
from .validate import ProgressLine

if TYPE_CHECKING:
    from ..engine import Engine
    from ..resolve import Bundle


def open_door(
    path: Path,
    plugins: PluginChoice | None,
    lang: str,
    *,
    cache: bool = True,
    quarantine: bool = True,
    plugin_checks: bool = True,
    progress: ProgressLine | None = None,
) -> Catalog:
    """The catalog `path` belongs to, checked with these plugins; a plugin that cannot
    be loaded is a one-line error."""
    try:
        return Catalog.open(
            path,
            plugins=plugins,
            cache=cache,
            quarantine=quarantine,
            plugin_checks=plugin_checks,
            progress=progress,
        )
    except PluginError as exc:
        raise click.ClickException(str(exc)) from None


def open_catalog(path: Path, lang: str, plugins: PluginChoice | None = None) -> Catalog:
    """A catalog a command answers from: items with errors are set aside (and said so);
    a tree with nothing to answer from prints its errors and exits 1."""
    progress = ProgressLine(True, lang)  # big trees, on a terminal only
    catalog = open_door(path, plugins, lang, progress=progress)
    progress.clear()
    report = catalog.report
    if report.bundle is None or report.quarantined:
        for d in report.errors:
            click.echo(text_block(report, d, lang), err=True)
    if report.bundle is None:
        sys.exit(1)
    for line in quarantine_lines(report.quarantined, lang):  # the rest is answered
        click.echo(line, err=True)
    return catalog


def load_bundle(path: Path, lang: str, plugins: PluginChoice | None = None) -> Bundle:
    """The bundle of `open_catalog`."""
    bundle = open_catalog(path, lang, plugins).bundle
    assert bundle is not None  # open_catalog exits when there is none
    return bundle


def load_engine(path: Path, plugins: PluginChoice | None, lang: str) -> Engine:
    """The engine of `open_catalog` (built when the command needs it, not before)."""
    return open_catalog(path, lang, plugins).engine
