"""The typed domain model of a catalog tree."""

from .base import API_VERSION, Model
from .documents import (
    KINDS,
    CalendarDocument,
    Document,
    LocalityDocument,
    MattersDocument,
    SettingsDocument,
)
from .lexicon import LexiconDocument, LifeEvent
from .locality import Claim, Department, Locality, Profile, Venue, WarningLights, Window
from .matter import Material, Matter, TimeLimit

__all__ = [
    "API_VERSION",
    "KINDS",
    "CalendarDocument",
    "Claim",
    "Department",
    "Document",
    "LexiconDocument",
    "LifeEvent",
    "Locality",
    "LocalityDocument",
    "Material",
    "Matter",
    "MattersDocument",
    "Model",
    "Profile",
    "SettingsDocument",
    "TimeLimit",
    "Venue",
    "WarningLights",
    "Window",
]
