"""Implementing bodies (实施主体) inside a department: which one a matter names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Department, Matter
from ..model.locality import Body
from .code_index import Index, MatterEntry
from .references import dangling
from .sources import Problems

if TYPE_CHECKING:
    from .bundle import Bundle


def body_of(department: Department, matter: Matter) -> Body | None:
    if matter.body is None:
        return None
    return next((b for b in department.bodies if b.id == matter.body), None)


def body_name(bundle: Bundle, matter: Matter) -> str | None:
    """The body's name a guide shows beside the department, when the matter names one."""
    body = body_of(bundle.department_of(matter), matter)
    return body.name if body is not None else None


def check_body(index: Index, p: Problems, entry: MatterEntry) -> None:
    m = entry.matter
    dept = index.departments.get(m.department)
    if m.body is None or dept is None:
        return
    if body_of(dept.item, m) is None:
        ids = [b.id for b in dept.item.bodies]
        dangling(p, "implementing body", "实施主体", m.body, ids, entry.source.at("body"))
