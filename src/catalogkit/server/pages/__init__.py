"""Server-rendered pages for residents and window staff (Chinese, no external assets)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
async def home() -> str:
    return "<!doctype html><html lang=zh-CN><meta charset=utf-8><title>catalogkit</title>"


def mount_static(app: FastAPI) -> None:
    """Static files (CSS, the print script) served from the package."""
