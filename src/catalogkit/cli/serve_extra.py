"""The web stack (FastAPI, uvicorn, watchfiles) is the `serve` extra, not a dependency of
the library: a command that needs it asks here first, so that without it the
administrator reads how to install it instead of a traceback."""

from __future__ import annotations

import importlib
import sys

import click

WEB_STACK = ("fastapi", "starlette", "uvicorn", "watchfiles")
INSTALL = "pip install 'catalogkit[serve]'"


def missing_web_package() -> str | None:
    """The first package of the web stack that cannot be imported, or None."""
    for name in WEB_STACK:
        try:
            importlib.import_module(name)
        except ImportError:
            return name
    return None


def require_web_stack(command: str, language: str) -> None:
    """Exit 1 with a bilingual how-to-install line when the `serve` extra is missing."""
    missing = missing_web_package()
    if missing is None:
        return
    click.echo(
        f"`catalogkit {command}` 需要网页服务组件（未安装 {missing}）；请安装：{INSTALL}"
        if language == "zh"
        else f"`catalogkit {command}` needs the web server, which is not installed "
        f"({missing} is missing); install it with: {INSTALL}",
        err=True,
    )
    sys.exit(1)
