"""The last line of defence of every command: a failure no command handled itself
(a file that vanished or cannot be read, a plugin raising in a hook, text that cannot
be printed) becomes the one-line `Error: …` that commands print elsewhere, exit 1,
never a traceback. `CATALOGKIT_DEBUG=1` lets the traceback through for developers."""

from __future__ import annotations

import os
from typing import Any

import click

from .language import pick_language


class GuardedGroup(click.Group):
    """A command group whose commands end in a clean error, whatever they raise."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise
        except Exception as exc:
            if os.environ.get("CATALOGKIT_DEBUG"):
                raise
            raise click.ClickException(failure_line(exc, pick_language(None))) from None


def failure_line(exc: Exception, lang: str) -> str:
    # imported here, not at the top: `catalogkit --version` and `--help` load neither
    from ..errors import CatalogError, CatalogkitError
    from ..load.opening import os_reason

    zh = lang == "zh"
    if isinstance(exc, CatalogError):
        first = exc.diagnostics[0] if exc.diagnostics else None
        if first is not None:
            return f"{first.where}: [{first.rule}] {first.message(lang)}"
    if isinstance(exc, CatalogkitError):
        return str(exc)
    if isinstance(exc, OSError):
        en, reason_zh = os_reason(exc)
        where = os.fsdecode(exc.filename) if exc.filename is not None else "-"
        if zh:
            return f"{where}: 无法读取或写入文件：{reason_zh}"
        return f"{where}: cannot read or write the file: {en}"
    if isinstance(exc, UnicodeError):
        return (
            "文本中含有无法编码的字符（例如孤立的代理码位 \\udfff），请修改该文本"
            if zh
            else "the text holds characters that cannot be encoded (such as a lone surrogate "
            "\\udfff); correct that text"
        )
    name = type(exc).__name__
    if zh:
        return f"内部错误（{name}）：{exc}；设置 CATALOGKIT_DEBUG=1 可查看详细信息"
    return f"internal error ({name}): {exc}; set CATALOGKIT_DEBUG=1 to see the details"
