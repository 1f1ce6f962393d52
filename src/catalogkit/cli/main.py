"""The `catalogkit` command group."""

from __future__ import annotations

import sys

import click

from ..version import __version__
from .calendar_cmd import calendar_command
from .cases_admin import cases_command
from .completeness_cmd import completeness_command
from .decide import decide_command
from .diff_cmd import diff_command
from .due_cmd import due_command
from .export_cmd import export_command
from .failures import GuardedGroup
from .fmt_cmd import fmt_command
from .guide_cmd import guide_command
from .import_cmd import import_command
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


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
cli.add_command(due_command)
cli.add_command(calendar_command)
cli.add_command(import_command)
cli.add_command(completeness_command)
cli.add_command(cases_command)


def main() -> None:
    try:
        cli.main(prog_name="catalogkit", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
