"""`catalogkit plugins`: the plugins found, where they came from, and where enabled."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..catalog import check_catalog
from .catalog_option import CATALOG_OPTION
from .plugin_options import PluginSelection, plugin_options


@click.command("plugins")
@CATALOG_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@plugin_options
def plugins_command(
    catalog: Path,
    as_json: bool,
    plugins: PluginSelection,
) -> None:
    """List plugins: name, version, source, hooks, and the localities that enable them."""
    loaded = plugins.load(catalog)
    report = check_catalog(catalog, cache=True)
    enabled: dict[str, list[str]] = {}
    if report.bundle is not None:
        for code, entry in report.bundle.plugin_uses():
            for use in entry.locality.plugins:
                enabled.setdefault(use.name, []).append(code)
    rows = [
        {
            "name": p.name,
            "version": p.version,
            "source": p.source,
            "file": p.file,
            "hooks": list(p.hooks),
            "enabled_in": sorted(enabled.get(p.name, [])),
            "description": p.description,
        }
        for p in loaded
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no plugins found")
        return
    for row in rows:
        where = ", ".join(row["enabled_in"]) or "not enabled"
        click.echo(f"{row['name']} {row['version']}  ({row['source']})  enabled in: {where}")
        click.echo(f"    hooks: {', '.join(row['hooks'])}")
