"""The bundle being served and how the last reload went; health and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...errors import format_path
from ..live import LiveBundle, ReloadStatus
from ..respond import body_of
from ..schemas import (
    BundleAnswer,
    Health,
    PluginInfo,
    QuarantinedItem,
    ReloadProblem,
    ReloadReport,
)

router = APIRouter(tags=["status"])


@router.get("/bundle", response_model=BundleAnswer, summary="The bundle being served")
async def get_bundle(request: Request) -> Response:
    """Revision, load time, plugins and where each is enabled, and the status of the
    last reload (with every error when it failed: the last good bundle stays)."""
    live: LiveBundle = request.app.state.live
    snap, last = live.state
    bundle = snap.bundle
    enabled: dict[str, list[str]] = {}
    for code, entry in sorted(bundle.plugin_uses()):
        for use in entry.locality.plugins:
            enabled.setdefault(use.name, []).append(code)
    plugins = [
        PluginInfo(name=n, version=live.plugins.get_version(n), enabled_at=enabled.get(n, []))
        for n in live.plugins.names()
    ]
    body = BundleAnswer(
        revision=snap.revision,
        loaded_at=snap.loaded_at,
        load_seconds=round(snap.load_seconds, 4),
        from_cache=snap.from_cache,
        files=len(bundle.files),
        matters=len(bundle.matters),
        localities=len(bundle.localities),
        venues=len(bundle.venues),
        plugins=plugins,
        watching=bool(getattr(request.app.state, "watching", False)),
        last_reload=report(last),
        quarantined=[
            QuarantinedItem(
                kind=q.kind,
                key=q.key,
                name=q.name,
                file=q.file,
                rule=q.rule,
                message=q.en,
                message_zh=q.zh,
            )
            for q in bundle.quarantined
        ],
    )
    return Response(
        body_of(body),
        media_type="application/json",
        headers={"Catalog-Revision": snap.revision, "Cache-Control": "no-store"},
    )


def report(status: ReloadStatus) -> ReloadReport:
    return ReloadReport(
        status=status.status,
        at=status.at,
        trigger=status.trigger,
        revision=status.revision,
        seconds=round(status.seconds, 4),
        message=status.message,
        errors=[
            ReloadProblem(
                file=d.file,
                line=d.line,
                column=d.column,
                rule=d.rule,
                path=format_path(d.path),
                message=d.en,
                message_zh=d.zh,
            )
            for d in status.errors
        ],
    )


@router.get("/health", response_model=Health, summary="Liveness")
async def get_health(request: Request) -> Response:
    """The process answers (with the revision it serves)."""
    return _unstored(Health(status="ok"), request.app.state.live.current.revision)


@router.get("/ready", response_model=Health, summary="Readiness")
async def get_ready(request: Request) -> Response:
    """Ready when a good bundle is loaded (always, once the server has started)."""
    revision = request.app.state.live.current.revision
    return _unstored(Health(status="ready", revision=revision), revision)


def _unstored(body: Health, revision: str) -> Response:
    return Response(
        body_of(body.model_copy(update={"revision": revision})),
        media_type="application/json",
        headers={"Catalog-Revision": revision, "Cache-Control": "no-store"},
    )
