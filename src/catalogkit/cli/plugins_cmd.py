"""`catalogkit plugins`: the plugins found, where they came from, and where enabled."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..catalog import PluginChoice
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .plugin_options import plugin_options


@click.command("plugins")
@CATALOG_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@LANG_OPTION
@plugin_options
def plugins_command(
    catalog: Path,
    as_json: bool,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """List plugins: name, version, source, hooks, and the localities that enable them."""
    from .loading import open_door  # the door checks when run: `--help` stays quick

    door = open_door(catalog, plugins, pick_language(lang), quarantine=False, plugin_checks=False)
    report, loaded = door.report, door.plugins or ()
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
    zh = pick_language(lang) == "zh"
    if not rows:
        click.echo("没有找到插件" if zh else "no plugins found")
        return
    for row in rows:
        where = ", ".join(row["enabled_in"]) or ("未启用" if zh else "not enabled")
        enabled_in = "启用于" if zh else "enabled in"
        click.echo(f"{row['name']} {row['version']}  ({row['source']})  {enabled_in}: {where}")
        click.echo(f"    {'钩子' if zh else 'hooks'}: {', '.join(row['hooks'])}")
