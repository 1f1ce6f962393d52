"""The published OpenAPI: problems documented as application/problem+json."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ..schema import close_pattern_maps
from .problems import MEDIA_TYPE

PROBLEM_REF = "#/components/schemas/Problem"


def install(app: FastAPI) -> None:
    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
                description="Read-only. Every answer names the catalog revision it came "
                "from (`Catalog-Revision` header and `revision` field).",
            )
            for route, path in schema.get("paths", {}).items():
                for method, op in path.items():
                    _problems_as_problem_json(op)
                    _revision_and_etag(op, cached=method == "get" and route not in UNSTORED)
            comps = schema.get("components", {}).get("schemas", {})
            comps.pop("HTTPValidationError", None)
            comps.pop("ValidationError", None)
            # fact maps are keyed by a pattern and the models refuse any other key:
            # say so, as the published catalog schemas do, or clients send such keys
            close_pattern_maps(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]


UNSTORED = {"/v1/bundle", "/v1/health", "/v1/ready"}  # always fresh: no ETag
REVISION = {
    "description": "the catalog revision the answer was computed from",
    "required": True,
    "schema": {"type": "string"},
}
ETAG = {"description": "changes whenever the answer does", "schema": {"type": "string"}}


def _revision_and_etag(op: dict[str, Any], *, cached: bool) -> None:
    ok = op.get("responses", {}).get("200")
    if ok is None:
        return
    ok["headers"] = {"Catalog-Revision": REVISION, **({"ETag": ETAG} if cached else {})}
    if cached:
        op["responses"]["304"] = {
            "description": "not modified: the If-None-Match ETag still holds",
            "headers": {"Catalog-Revision": REVISION, "ETag": ETAG},
        }


def _problems_as_problem_json(op: dict[str, Any]) -> None:
    op.setdefault("responses", {}).setdefault(
        "500", {"description": "internal-error, plugin-error: see the server log"}
    )
    for status, response in op.get("responses", {}).items():
        if not status.isdigit() or int(status) < 400:
            continue
        response["content"] = {MEDIA_TYPE: {"schema": {"$ref": PROBLEM_REF}}}
        if status == "422" and response.get("description") == "Validation Error":
            response["description"] = "invalid-request"
