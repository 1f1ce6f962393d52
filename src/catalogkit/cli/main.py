"""The `catalogkit` command group."""

from __future__ import annotations

import sys

import click

from ..version import __version__
from .build_cmd import build_command
from .decide import decide_command
from .diff_cmd import diff_command
from .export_cmd import export_command
from .fmt_cmd import fmt_command
from .guide_cmd import guide_command
from .lists_cmd import booklet_command, venue_list_command
from .new_plugin import new_plugin_command
from .plugins_cmd import plugins_command
from .route import route_command
from .rules import rules_command
from .schema import schema_command
from .serve_cmd import serve_command
from .stats_cmd import stats_command
from .test_cmd import test_command
from .validate import validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="catalogkit")
def cli() -> None:
    """catalogkit: validated service catalogs for county, town and village service halls."""


cli.add_command(validate_command)
cli.add_command(schema_command)
cli.add_command(route_command)
cli.add_command(rules_command)
cli.add_command(decide_command)
cli.add_command(test_command)
cli.add_command(plugins_command)
cli.add_command(new_plugin_command)
cli.add_command(guide_command)
cli.add_command(export_command)
cli.add_command(stats_command)
cli.add_command(diff_command)
cli.add_command(fmt_command)
cli.add_command(venue_list_command)
cli.add_command(booklet_command)
cli.add_command(serve_command)
cli.add_command(build_command)


def main() -> None:
    try:
        cli.main(prog_name="catalogkit", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
