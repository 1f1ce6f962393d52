"""The options every command that evaluates a catalog shares to choose its plugins,
handed to the command as one `PluginChoice`, which the door (`Catalog.open`) loads
once it has found the tree's root, with the tree's `plugins/` folder."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..catalog import PluginChoice

F = TypeVar("F", bound=Callable[..., Any])


def plugin_options(command: F) -> F:
    """Adds the plugin options and passes them on as `plugins=PluginChoice(...)`."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        plugins_dirs: tuple[Path, ...],
        plugin_names: tuple[str, ...],
        blocked: tuple[str, ...],
        no_autoload: bool,
        **kwargs: Any,
    ) -> Any:
        autoload = False if no_autoload else None
        choice = PluginChoice(plugins_dirs, plugin_names, blocked, autoload)
        return command(*args, plugins=choice, **kwargs)

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
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]
