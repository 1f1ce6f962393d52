"""The `catalogkit` command group.

Commands are imported when they are run, so `catalogkit --help` loads no catalog
machinery; their one-line help comes from the bilingual table (help_text.py).
A command module may also be imported above and registered with `cli.add_command`.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from ..version import __version__
from . import help_text
from .bilingual import (
    current_language,
    first_sentence,
    localize_command,
    localize_group,
    scan_language,
    use_language,
)
from .failures import GuardedGroup

# command name -> (module of this package, attribute)
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", "validate_command"),
    "schema": ("schema_cmd", "schema_command"),
    "route": ("route_cmd", "route_command"),
    "rules": ("checks_cmd", "rules_command"),
    "decide": ("decide_cmd", "decide_command"),
    "test": ("test_cmd", "test_command"),
    "plugins": ("plugins_cmd", "plugins_command"),
    "new-plugin": ("new_plugin", "new_plugin_command"),
    "guide": ("guide_cmd", "guide_command"),
    "export": ("export_cmd", "export_command"),
    "stats": ("stats_cmd", "stats_command"),
    "diff": ("diff_cmd", "diff_command"),
    "fmt": ("fmt_cmd", "fmt_command"),
    "venue-list": ("lists_cmd", "venue_list_command"),
    "booklet": ("lists_cmd", "booklet_command"),
    "serve": ("serve_cmd", "serve_command"),
    "due": ("due_cmd", "due_command"),
    "calendar": ("calendar_cmd", "calendar_command"),
    "import": ("import_cmd", "import_command"),
    "completeness": ("completeness_cmd", "completeness_command"),
    "cases": ("cases_admin", "cases_command"),
    "report": ("report_cmd", "report_command"),
    "search": ("search_cmd", "search_command"),
    "build": ("build_cmd", "build_command"),
}


class CatalogkitGroup(GuardedGroup):
    """A group that speaks the language asked for, imports commands when used, and ends
    any failure in a clean one-line error (GuardedGroup)."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        self._speak(scan_language(argv))
        try:
            return super().main(argv, *rest, **extra)
        finally:  # commands run on their own (as tests do) speak English again
            self._speak("en")

    def _speak(self, lang: str) -> None:
        use_language(lang)
        localize_group(self, lang)
        for command in self.commands.values():
            localize_command(command, lang)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            module, attribute = LAZY_COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f".{module}", __package__), attribute)
            self.add_command(command, cmd_name)
            localize_command(command, current_language())
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list without importing the commands not loaded yet."""
        index = 1 if current_language() == "zh" else 0
        limit = formatter.width - 6 - max(len(n) for n in self.list_commands(ctx))
        rows = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                rows.append((name, self.commands[name].get_short_help_str(limit)))
            elif name in help_text.COMMANDS:
                rows.append((name, first_sentence(help_text.COMMANDS[name][index])))
            else:
                rows.append((name, ""))
        with formatter.section(click.core._("Commands")):  # type: ignore[attr-defined]
            formatter.write_dl(rows)


@click.group(cls=CatalogkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="catalogkit", message="%(prog)s %(version)s")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    expose_value=False,
    help=help_text.SHARED["--lang"][0],
)
def cli() -> None:
    """catalogkit: validated service catalogs for county, town and village service halls."""


def main() -> None:
    try:
        cli.main(prog_name="catalogkit", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
