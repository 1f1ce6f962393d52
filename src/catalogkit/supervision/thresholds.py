"""When a light turns yellow: catalog data per locality (`warningLights`), inherited
from the nearest locality above that sets it, else the national-style default."""

from __future__ import annotations

from ..model import WarningLights
from ..resolve import Bundle

DEFAULT = WarningLights()
"""Yellow with one working day or less left, or 80% of the limit used; five working
days to decide on acceptance (行政许可法 art. 32)."""


def thresholds_for(bundle: Bundle, locality: str) -> WarningLights:
    """The thresholds that hold at `locality`: its own, its nearest ancestor's, or DEFAULT."""
    if locality not in bundle.localities:
        return DEFAULT
    for code in bundle.chain(locality):
        found = bundle.localities[code].locality.warning_lights
        if found is not None:
            return found
    return DEFAULT
