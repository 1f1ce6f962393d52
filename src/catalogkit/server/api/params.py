"""Request parameters shared by the API's resources, and the lookups that turn an
unknown code into a 404 problem."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Path, Query

from ...resolve import Bundle
from ..problems import PROBLEMS, ApiProblem
from ..schemas import Problem
from ..shared import CODE_PATTERN

MatterCode = Annotated[
    str, Path(pattern=CODE_PATTERN, description="matter code, e.g. MH-MZ-0001", max_length=64)
]
LocalityPath = Annotated[
    str, Path(alias="locality", pattern=CODE_PATTERN, description="division code", max_length=64)
]
VenueId = Annotated[
    str, Path(alias="venue", pattern=CODE_PATTERN, description="venue id", max_length=64)
]
LocalityQuery = Annotated[
    str,
    Query(pattern=CODE_PATTERN, max_length=64, description="division code of the resident's place"),
]
Lang = Annotated[Literal["zh", "en"], Query(description="language of explanations and labels")]


def problems(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems an operation can answer with."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in ("invalid-request", *codes):
        status = PROBLEMS[code][0]
        entry = out.setdefault(status, {"model": Problem, "description": ""})
        entry["description"] = ", ".join(filter(None, [entry["description"], code]))
    return out


def need_matter(bundle: Bundle, code: str) -> str:
    """The matter's code in the bundle: a basic code, an 实施编码 or a local code
    all find it; an unknown one is answered with the nearest codes and names."""
    found = bundle.matter_code(code)
    if found is None:
        near = bundle.nearest_matters(code)
        hint_en = "; nearest: " + ", ".join(f"{c} ({n})" for c, n in near) if near else ""
        hint_zh = "；最接近的：" + "、".join(f"{c}（{n}）" for c, n in near) if near else ""
        raise ApiProblem(
            "unknown-matter",
            f"there is no matter {code!r} in revision {bundle.revision}{hint_en}",
            f"目录中没有事项编码 {code}{hint_zh}",
        )
    return found


def need_locality(bundle: Bundle, code: str) -> None:
    if code not in bundle.localities:
        raise ApiProblem(
            "unknown-locality",
            f"there is no locality {code!r} in revision {bundle.revision}",
            f"目录中没有区划代码 {code}",
        )


def need_offered(bundle: Bundle, matter: str, locality: str) -> str:
    matter = need_matter(bundle, matter)
    need_locality(bundle, locality)
    if not bundle.offers(matter, locality):
        definer = bundle.matters[matter].locality
        m, place = bundle.matter(matter), bundle.locality(locality)
        owner = bundle.locality(definer).name
        raise ApiProblem(
            "not-served",
            f"{matter} is defined by {definer} ({owner}), which does not serve {locality}",
            f"{m.name}由{owner}办理，{place.name}不在其服务范围内",
        )
    return matter
