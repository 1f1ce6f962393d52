"""The options every command that evaluates a catalog shares to choose its plugins."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import PluginError
from ..plugins import Plugins

F = TypeVar("F", bound=Callable[..., Any])


def plugin_options(command: F) -> F:
    options = [
        click.option(
            "--plugins-dir",
            "plugins_dirs",
            multiple=True,
            type=click.Path(exists=True, file_okay=False, path_type=Path),
            help="Also load plugins from this folder (repeatable).",
        ),
        click.option(
            "-p",
            "--plugin",
            "plugin_names",
            multiple=True,
            help="Also load the plugin module of this import name (repeatable).",
        ),
        click.option(
            "--block",
            "blocked",
            multiple=True,
            help="Do not load the plugin of this name (repeatable).",
        ),
        click.option(
            "--no-plugin-autoload",
            "no_autoload",
            is_flag=True,
            help="Do not load installed plugins (entry points).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def load_plugins(
    tree: Path,
    plugins_dirs: tuple[Path, ...],
    plugin_names: tuple[str, ...],
    blocked: tuple[str, ...],
    no_autoload: bool,
) -> Plugins:
    try:
        return Plugins.load(
            tree=tree,
            folders=plugins_dirs,
            names=plugin_names,
            blocked=blocked,
            autoload=False if no_autoload else None,
        )
    except PluginError as exc:
        raise click.ClickException(str(exc)) from None
