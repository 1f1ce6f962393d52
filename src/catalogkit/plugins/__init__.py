"""Local plugins: hook specifications, the answers plugins give, and the typed facade."""

from .answers import (
    Closure,
    FeeCharge,
    FeeWaiver,
    GuideSection,
    LimitChoice,
    MaterialChanges,
    PluginInfo,
    Refusal,
    VenueChoice,
)
from .hookspecs import hookimpl
from .manager import LoadedPlugin, Plugins

__all__ = [
    "Closure",
    "FeeCharge",
    "FeeWaiver",
    "GuideSection",
    "LimitChoice",
    "LoadedPlugin",
    "MaterialChanges",
    "PluginInfo",
    "Plugins",
    "Refusal",
    "VenueChoice",
    "hookimpl",
]
