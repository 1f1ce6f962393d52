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
from .locality import Claim, Department, Locality, Profile, Venue, Window
from .matter import (
    NATIONAL_FIELDS,
    TYPED_FIELDS,
    FeeItem,
    LegalBasis,
    Material,
    Matter,
    Online,
    TimeLimit,
    decisive_unknowns,
    unknown_fields,
)

__all__ = [
    "API_VERSION",
    "KINDS",
    "NATIONAL_FIELDS",
    "TYPED_FIELDS",
    "CalendarDocument",
    "Claim",
    "Department",
    "Document",
    "FeeItem",
    "LegalBasis",
    "LexiconDocument",
    "LifeEvent",
    "Locality",
    "LocalityDocument",
    "Material",
    "Matter",
    "MattersDocument",
    "Model",
    "Online",
    "Profile",
    "SettingsDocument",
    "TimeLimit",
    "Venue",
    "Window",
    "decisive_unknowns",
    "unknown_fields",
]
