"""Canonical formatting of catalog files (`catalogkit fmt`)."""

from .core import format_text

__all__ = ["format_text"]
