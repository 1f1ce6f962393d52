"""Local plugins: hook specifications, what plugins see of a case and the answers they
give, and the typed facade."""

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
from .case_view import CaseView
from .hooks import Hooks
from .hookspecs import hookimpl
from .manager import LoadedPlugin, Plugins

__all__ = [
    "CaseView",
    "Closure",
    "FeeCharge",
    "FeeWaiver",
    "GuideSection",
    "Hooks",
    "LimitChoice",
    "LoadedPlugin",
    "MaterialChanges",
    "PluginInfo",
    "Plugins",
    "Refusal",
    "VenueChoice",
    "hookimpl",
]
