"""The bilingual help table is complete: every registered command and every option of
it has English and Chinese help (src/catalogkit/cli/help_text.py), and every command
takes --lang. A failure names the entries to add, ready to paste."""

from __future__ import annotations

import re

import click

from catalogkit.cli import cli, help_text
from catalogkit.cli.bilingual import option_entry, option_key

CHINESE = re.compile(r"[\u4e00-\u9fff]")
TABLE = "src/catalogkit/cli/help_text.py"


def registered() -> dict[str, click.Command]:
    """Every command by its full name, the subcommands of groups included."""
    ctx = click.Context(cli)
    found: dict[str, click.Command] = {}
    todo = [(name, cli.get_command(ctx, name)) for name in cli.list_commands(ctx)]
    while todo:
        name, command = todo.pop()
        if command is None:
            continue
        found[name] = command
        if isinstance(command, click.Group):
            todo += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
    return found


def options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option)]


def test_every_command_and_option_has_an_entry() -> None:
    missing: list[str] = []
    for name, command in registered().items():
        if name not in help_text.COMMANDS:
            missing.append(f'COMMANDS["{name}"]')
        missing += [
            f'COMMANDS["{option_key(name, o)}"]'
            for o in options(command)
            if option_entry(name, o) is None
        ]
    missing += [f'SHARED["{option_key("", o)}"]' for o in options(cli) if not option_entry("", o)]
    assert not missing, (
        f"help entries missing in {TABLE}; add for each an (English, Chinese) pair:\n"
        + "\n".join(f'    {key}: ("<English help>", "<中文帮助>"),' for key in missing)
    )


def test_no_entry_without_a_command_or_option() -> None:
    known: set[str] = set()
    for name, command in registered().items():
        known.add(name)
        known |= {option_key(name, o) for o in options(command)}
    stale = sorted(set(help_text.COMMANDS) - known)
    assert not stale, f"entries in {TABLE} COMMANDS name no command or option: {stale}"


def test_every_entry_has_both_languages() -> None:
    entries = {**help_text.COMMANDS, **help_text.SHARED, "(group)": help_text.GROUP}
    bad = [key for key, (en, zh) in entries.items() if not en.strip() or not CHINESE.search(zh)]
    assert not bad, f"entries in {TABLE} without English or without Chinese text: {bad}"


def test_every_command_takes_lang() -> None:
    lacking = [
        name
        for name, command in registered().items()
        if " " not in name  # a group's --lang serves its subcommands
        and not any("--lang" in o.opts for o in options(command))
    ]
    assert not lacking, f"commands without --lang (add LANG_OPTION from cli/language.py): {lacking}"


def test_help_loads_no_catalog_machinery() -> None:
    """`--help` of the group and of every command and subcommand imports no models, no
    engine and no pydantic: it answers at once. (A command keeps it so by importing the
    catalog machinery when it runs; the door, catalogkit.catalog, is light to import.)"""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from catalogkit.cli import cli\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        cli.main([*name.split(), '--help'], standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('catalogkit.model', 'catalogkit.engine', 'catalogkit.ledger', 'pydantic')\n"
        "heavy = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "print(heavy, file=sys.stderr)\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    names = ["", *sorted(registered())]
    done = subprocess.run([sys.executable, "-c", script, *names], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_choices_written_out_for_a_quick_help_are_the_library_ones() -> None:
    import typing

    from catalogkit.calendar import UNITS
    from catalogkit.cli import cases_admin, cases_feedback, due_cmd
    from catalogkit.ledger.followups import STATUSES
    from catalogkit.ledger.inputs import EventChannel, Grade
    from catalogkit.ledger.tokens import ROLES

    assert due_cmd.UNITS == UNITS
    assert cases_admin.ROLES == ROLES
    assert list(typing.get_args(Grade)) == cases_feedback.GRADES
    assert list(typing.get_args(EventChannel)) == cases_feedback.CHANNELS
    assert list(STATUSES) == cases_feedback.FOLLOW_UP_STATUSES
