"""The options every command that evaluates a catalog shares to choose its plugins,
handed to the command as one `PluginSelection`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import PluginError

if TYPE_CHECKING:
    from ..plugins import Plugins

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class PluginSelection:
    folders: tuple[Path, ...]
    names: tuple[str, ...]
    blocked: tuple[str, ...]
    no_autoload: bool

    def load(self, tree: Path | None) -> Plugins:
        """The plugins of this run: installed ones (unless turned off), the tree's
        `plugins/` folder, extra folders and names, less the blocked ones."""
        from ..plugins import Plugins  # here, so that `--help` loads no plugin machinery

        try:
            return Plugins.load(
                tree=tree,
                folders=self.folders,
                names=self.names,
                blocked=self.blocked,
                autoload=False if self.no_autoload else None,
            )
        except PluginError as exc:
            raise click.ClickException(str(exc)) from None


def plugin_options(command: F) -> F:
    """Adds the plugin options and passes them on as `plugins=PluginSelection(...)`."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        plugins_dirs: tuple[Path, ...],
        plugin_names: tuple[str, ...],
        blocked: tuple[str, ...],
        no_autoload: bool,
        **kwargs: Any,
    ) -> Any:
        selection = PluginSelection(plugins_dirs, plugin_names, blocked, no_autoload)
        return command(*args, plugins=selection, **kwargs)

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
