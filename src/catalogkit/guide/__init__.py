"""Service guides (办事指南): the effective guide of a matter at a locality, rendered
as Markdown, print-ready HTML with schema.org JSON-LD, or JSON."""

from .build import Guide, build_guide
from .lists import booklet, venue_list
from .render import render, render_page

__all__ = ["Guide", "booklet", "build_guide", "render", "render_page", "venue_list"]
