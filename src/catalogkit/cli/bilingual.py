"""Help and click's own messages in the administrator's language.

The language is known before click parses anything (`--lang` anywhere on the
command line, else CATALOGKIT_LANG, else the locale), so `--help` and usage errors
speak it too. Help comes from the table in help_text.py; click's own words
("Usage:", "Missing argument", "No such option" …) from CLICK_ZH below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

from . import help_text
from .language import pick_language

CLICK_ZH = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Invalid value: {message}": "取值无效：{message}",
    "Aborted!": "已中止！",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受取值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个取值。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "Value must be an iterable.": "取值必须是列表。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    # singular and plural forms of ngettext
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个取值。",
    "Did you mean {possibility}?": "是否应为 {possibility}？",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是以下取值之一：{choices}。",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个取值。",
    "(Did you mean one of: {possibilities}?)": "（是否应为以下之一：{possibilities}？）",
}

_CLICK_MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.types,
)
_ORIGINAL_WRAP = click.formatting.wrap_text
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")
_state = {"lang": "en"}


def scan_language(args: Sequence[str]) -> str:
    """The language a command line asks for, before click has parsed it."""
    chosen: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    return pick_language(chosen if chosen in ("zh", "en") else None)


def current_language() -> str:
    """The language of the command line being run (for commands without --lang)."""
    return _state["lang"]


def _gettext(message: str) -> str:
    return CLICK_ZH.get(message, message) if _state["lang"] == "zh" else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def use_language(lang: str) -> None:
    """From now on click speaks `lang`: its own words, and wrapping that counts a
    Chinese character as two columns."""
    _state["lang"] = lang
    for module in _CLICK_MODULES:
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
    click.formatting.wrap_text = wrap_text
    click.formatting.term_len = term_len  # type: ignore[attr-defined]


def localize_group(group: click.Group, lang: str) -> None:
    """The group's own help and options in `lang` (its commands: localize_command)."""
    index = 1 if lang == "zh" else 0
    group.help = help_text.GROUP[index]
    _localize_params(group, "", lang)


def localize_command(command: click.Command, lang: str, name: str | None = None) -> None:
    """A command's help and its options' help from the table, in `lang`; entries the
    table lacks keep the command's own (English) help. The subcommands of a group are
    keyed by their full name (`calendar add`, `cases tokens add`)."""
    name = name or command.name or ""
    index = 1 if lang == "zh" else 0
    entry = help_text.COMMANDS.get(name)
    if entry is not None:
        command.help = entry[index]
        command.short_help = first_sentence(entry[index])
    _localize_params(command, name, lang)
    if isinstance(command, click.Group):
        for sub_name, sub in command.commands.items():
            localize_command(sub, lang, f"{name} {sub_name}")


def _localize_params(command: click.Command, name: str, lang: str) -> None:
    index = 1 if lang == "zh" else 0
    params: list[Any] = list(command.params)
    cached_help = getattr(command, "_help_option", None)
    if cached_help is not None:
        params.append(cached_help)
    for param in params:
        if not isinstance(param, click.Option):
            continue
        entry = option_entry(name, param)
        if entry is not None:
            param.help = entry[index]


def option_key(command: str, option: click.Option) -> str:
    longest = max(option.opts, key=len)
    return f"{command} {longest}" if command else longest


def option_entry(command: str, option: click.Option) -> help_text.Text | None:
    """The table's entry for one option: its own, else the shared one."""
    longest = max(option.opts, key=len)
    return help_text.COMMANDS.get(f"{command} {longest}") or help_text.SHARED.get(longest)


def first_sentence(text: str) -> str:
    for mark in ("。", ". "):
        if mark in text:
            head = text.split(mark, 1)[0]
            return head + ("。" if mark == "。" else ".")
    return text


def term_len(x: str) -> int:
    """Columns a text takes on a terminal (colour codes take none)."""
    return columns(_ANSI.sub("", x))


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """click's wrap_text, except that text with Chinese in it is wrapped by display
    width (a Chinese character takes two columns, and a line may break between two)."""
    if columns(text) == len(text):
        return _ORIGINAL_WRAP(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    paragraphs = (
        [" ".join(p.split()) for p in text.split("\n\n")]
        if preserve_paragraphs
        else [" ".join(text.split())]
    )
    out: list[str] = []
    for paragraph in paragraphs:
        out.append(_wrap_one(paragraph, width, initial_indent, subsequent_indent))
        initial_indent = subsequent_indent
    return "\n\n".join(out)


def _tokens(text: str) -> list[str]:
    """Words of Latin text, single Chinese characters, and single spaces."""
    out: list[str] = []
    word = ""
    for c in text:
        if c == " " or columns(c) == 2:
            if word:
                out.append(word)
                word = ""
            out.append(c)
        else:
            word += c
    if word:
        out.append(word)
    return out


def _wrap_one(text: str, width: int, first: str, rest: str) -> str:
    lines: list[str] = []
    line = first
    used = columns(first)
    for token in _tokens(text):
        if token == " " and used == columns(rest if lines else first):
            continue
        if used + columns(token) > width and used > columns(rest if lines else first):
            lines.append(line.rstrip())
            line, used = rest, columns(rest)
            if token == " ":
                continue
        if columns(token) == 2 and token in "，。；：、）》」" and lines and used == columns(rest):
            lines[-1] += token  # no line starts with closing punctuation
            continue
        line += token
        used += columns(token)
    lines.append(line.rstrip())
    return "\n".join(lines)
