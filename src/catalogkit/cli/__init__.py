"""The catalogkit command line. The library never imports this package."""

from .main import cli, main

__all__ = ["cli", "main"]
