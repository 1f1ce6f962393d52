"""Canonical formatting of catalog files (`catalogkit fmt`)."""

from .reformat import format_text

__all__ = ["format_text"]
