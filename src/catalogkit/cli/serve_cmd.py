"""`catalogkit serve`: the HTTP API and web pages over the catalog, reloaded on change."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import click

from ..catalog import Catalog, PluginChoice
from ..errors import CatalogError, CatalogkitError
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .output import quarantine_lines
from .plugin_options import plugin_options
from .serve_extra import require_web_stack


@click.command("serve")
@CATALOG_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes (each loads and watches the tree; a reload reaches all).",
)
@click.option(
    "--cors-origin",
    "cors",
    multiple=True,
    help="Allow browser calls from this origin (repeatable; * for any).",
)
@click.option(
    "--admin-token-env",
    default="CATALOGKIT_ADMIN_TOKEN",
    show_default=True,
    help="Environment variable holding the token for POST /v1/admin/reload.",
)
@click.option(
    "--watch/--no-watch",
    default=True,
    show_default=True,
    help="Reload when a catalog file changes.",
)
@click.option(
    "--watch-polling", is_flag=True, help="Poll for changes (network and container file systems)."
)
@click.option(
    "--max-body",
    default=64 * 1024,
    show_default=True,
    type=click.IntRange(1024),
    help="Largest request body accepted, in bytes.",
)
@click.option(
    "--settle-ms",
    default=500,
    show_default=True,
    type=click.IntRange(0, 60_000),
    help="Reload only once no catalog file has changed for this long (ms).",
)
@click.option(
    "--reload-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0.1, 3600),
    help="Give a reload up after this many seconds; the last good revision stays.",
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["debug", "info", "warning", "error"]),
)
@click.option("--no-access-log", is_flag=True, help="Do not log each request.")
@click.option("--check", is_flag=True, help="Load the catalog and plugins, then exit.")
@click.option(
    "--bundle",
    "bundle_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Serve a bundle written by `catalogkit build` instead of the tree "
    "(no watching; POST /v1/admin/reload reads the file again).",
)
@LANG_OPTION
@plugin_options
def serve_command(
    catalog: Path,
    host: str,
    port: int,
    workers: int,
    cors: tuple[str, ...],
    admin_token_env: str,
    watch: bool,
    watch_polling: bool,
    max_body: int,
    settle_ms: int,
    reload_timeout: float,
    log_level: str,
    no_access_log: bool,
    check: bool,
    bundle_file: Path | None,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """Serve the catalog: JSON API under /v1 (OpenAPI at /v1/openapi.json) and pages
    for residents at /. A change to the tree is loaded in the background; an invalid
    one is reported and the last good revision stays in service."""
    language = pick_language(lang)
    require_web_stack("serve", language)
    from ..server import ServeConfig, create_app
    from ..server.run import serve

    config = ServeConfig(
        catalog=catalog,
        plugin_folders=plugins.folders,
        plugin_names=plugins.names,
        blocked_plugins=plugins.blocked,
        plugin_autoload=plugins.autoload,
        watch=watch and bundle_file is None,
        watch_polling=watch_polling,
        # taken out of the environment: worker processes must not inherit it
        admin_token=os.environ.pop(admin_token_env, None) or None,
        cors_origins=cors,
        max_body_bytes=max_body,
        settle_ms=settle_ms,
        reload_timeout=reload_timeout,
        bundle_file=bundle_file,
    )
    try:
        app = create_app(config)  # the door loads the plugins config chooses
    except CatalogError as exc:
        root = Catalog.root_of(catalog)  # the files of diagnostics are relative to it
        for d in exc.diagnostics:
            where = f"{root / d.file}" + (f":{d.line}:{d.column}" if d.line else "")
            click.echo(f"{where}: {d.severity} [{d.rule}] {d.message(language)}", err=True)
        click.echo(
            "not serving: the catalog is invalid"
            if language == "en"
            else "目录未通过校验，服务未启动",
            err=True,
        )
        sys.exit(1)
    except CatalogkitError as exc:
        raise click.ClickException(str(exc)) from None
    revision = app.state.live.current.revision
    quarantined = app.state.live.current.bundle.quarantined
    for line in quarantine_lines(quarantined, language):  # the rest is served
        click.echo(line, err=True)
    if check:
        click.echo(f"正常：目录版本 {revision}" if language == "zh" else f"ok: revision {revision}")
        if quarantined:
            sys.exit(1)
        return
    busy = port_in_use(host, port)
    if busy is not None:
        click.echo(
            f"cannot listen on {host}:{port}: {busy}; choose another --port"
            if language == "en"
            else f"无法在 {host}:{port} 上监听（{busy}），请用 --port 换一个端口",
            err=True,
        )
        sys.exit(2)
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"catalogkit 正在提供目录版本 {revision}：http://{shown}:{port}/ "
        f"（接口：/v1，OpenAPI：/v1/openapi.json）"
        if language == "zh"
        else f"catalogkit serving revision {revision} at http://{shown}:{port}/ "
        f"(API: /v1, OpenAPI: /v1/openapi.json)",
        err=True,
    )
    serve(
        config,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=not no_access_log,
        app=app if workers == 1 else None,
    )


def port_in_use(host: str, port: int) -> str | None:
    """Why the server could not listen there, found before saying it is serving."""
    if port == 0:
        return None
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None
