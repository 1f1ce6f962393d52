"""Questions asked of a bundle: where a matter is handled, and (later) decisions."""

from .route import Hop, Route, route

__all__ = ["Hop", "Route", "route"]
