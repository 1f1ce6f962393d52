"""Questions asked of a bundle: where a matter is handled, and decisions on cases."""

from ..plugins.case_view import CaseView  # the plugin contract, kept importable here
from .core import Engine
from .decision import OUTCOME_ZH, Decision, FactNeeded, FeeLine, MissingMaterial, RefusalLine
from .provenance import TraceEntry, with_lines
from .reckoning import DueAnswer
from .route import Hop, Route, route, within

__all__ = [
    "OUTCOME_ZH",
    "CaseView",
    "Decision",
    "DueAnswer",
    "Engine",
    "FactNeeded",
    "FeeLine",
    "Hop",
    "MissingMaterial",
    "RefusalLine",
    "Route",
    "TraceEntry",
    "route",
    "with_lines",
    "within",
]
