"""Service guides (办事指南): the effective guide of a matter at a locality, rendered
as Markdown, print-ready HTML with schema.org JSON-LD, or JSON."""

from .build import Guide, build_guide
from .render import render

__all__ = ["Guide", "build_guide", "render"]
