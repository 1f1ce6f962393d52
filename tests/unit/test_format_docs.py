"""docs/catalog-format.md names every key of every catalog and case document."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from catalogkit.model import KINDS
from catalogkit.model.case import CASE_KINDS
from tests.conftest import ROOT


def _models(root: type[BaseModel], seen: set[type[BaseModel]]) -> None:
    if root in seen:
        return
    seen.add(root)
    for field in root.model_fields.values():
        stack = [field.annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                _models(tp, seen)
            stack.extend(typing.get_args(tp))


def test_every_key_is_documented() -> None:
    seen: set[type[BaseModel]] = set()
    for model in [*KINDS.values(), *CASE_KINDS.values()]:
        _models(model, seen)
    text = (ROOT / "docs" / "catalog-format.md").read_text(encoding="utf-8")
    missing = sorted(
        f"{model.__name__}.{field.alias or name}"
        for model in seen
        for name, field in model.model_fields.items()
        if f"`{field.alias or name}`" not in text
    )
    assert not missing, missing
