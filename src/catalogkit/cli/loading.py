"""Loading the catalog for a command: on errors, print them as `validate` does
(file:line:col, rule, message) and exit 1."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..catalog import check_catalog
from ..engine import Engine
from ..plugins import Plugins
from ..resolve import Bundle
from .output import quarantine_lines, text_block
from .validate import ProgressLine


def load_bundle(catalog: Path, lang: str, plugins: Plugins | None = None) -> Bundle:
    progress = ProgressLine(True, lang)  # big trees, on a terminal only
    report = check_catalog(
        catalog, cache=True, plugins=plugins, progress=progress, quarantine=True
    )
    progress.clear()
    if report.bundle is None or report.quarantined:
        for d in report.errors:
            click.echo(text_block(report, d, lang), err=True)
    if report.bundle is None:
        sys.exit(1)
    for line in quarantine_lines(report.quarantined, lang):  # the rest is answered
        click.echo(line, err=True)
    return report.bundle


def load_engine(catalog: Path, plugins: Plugins, lang: str) -> Engine:
    return Engine(load_bundle(catalog, lang, plugins), plugins)
