"""Shared model settings: strict, closed, immutable, camelCase keys in YAML."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

API_VERSION = "catalogkit/v1"


class Model(BaseModel):
    """Base of every catalog model.

    Strict so that `code: 330999` (an integer) is an error rather than a silently
    converted value; `extra="forbid"` so a misspelled key never goes unnoticed.
    """

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        alias_generator=to_camel,
        populate_by_name=False,
        use_enum_values=True,
        regex_engine="python-re",
        # validators are built on first use: a load answered by the compiled cache
        # (a warm `validate`, a `route`) unpickles models and never validates one
        defer_build=True,
    )


def doc(zh: str, en: str, **kwargs: Any) -> Any:
    """A field with its description in both languages (shown by editors)."""
    return Field(description=f"{zh} / {en}", **kwargs)


Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", min_length=1, max_length=64)
]
Clock = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)]
Phone = Annotated[str, StringConstraints(pattern=r"^[0-9+][0-9 -]{2,30}$")]

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _iso_date(value: Any) -> Any:
    """YAML dates arrive as text on every parser path; only YYYY-MM-DD is a date."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "invalid_date", "no such day: {day}", {"day": value}
            ) from None
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
