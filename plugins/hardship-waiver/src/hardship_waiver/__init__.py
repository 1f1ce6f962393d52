"""hardship-waiver：困难家庭免收费用。

Waives every fee of a case (FeeWaiver with share 1.0, each naming the configured
basis) when the applicant's household is one of the configured hardship households.
The household is read from the case fact `household_type` (a text, or a list of texts
when a household is several kinds at once).

Config::

    households: [低保户, 特困户]     # optional; these two are the default
    basis: 《某县困难群众办事收费减免办法》第三条   # required: the policy that grants it

Enable it on the county for a county-wide policy, or on a town for the town only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from catalogkit.plugins import FeeWaiver, PluginInfo, hookimpl

if TYPE_CHECKING:
    from catalogkit.plugins import CaseView

__version__ = "1.0.0"
NAME = "hardship-waiver"
FACT = "household_type"
DEFAULT_HOUSEHOLDS = ("低保户", "特困户")

CONFIG_SCHEMA: dict[str, Any] = {
    "households": {
        "type": "list",
        "minlength": 1,
        "schema": {"type": "string", "empty": False},
        "default": list(DEFAULT_HOUSEHOLDS),
    },
    "basis": {"type": "string", "required": True, "empty": False},
}


@hookimpl
def catalogkit_plugin_info() -> PluginInfo:
    return PluginInfo(
        NAME,
        __version__,
        "困难家庭（默认：低保户、特困户）免收本事项全部费用",
        CONFIG_SCHEMA,
    )


@hookimpl
def catalogkit_fee_waivers(
    case: CaseView, config: Mapping[str, Any], fees: tuple[str, ...]
) -> list[FeeWaiver]:
    household = _hardship_household(case.facts.get(FACT), config)
    if household is None:
        return []
    basis = str(config.get("basis") or "").strip()
    if not basis:  # `catalogkit validate` reports this too; never waive without a basis
        raise ValueError("config 'basis' is required / 配置缺少减免依据 basis")
    return [FeeWaiver(fee, 1.0, basis, f"{household}免收") for fee in fees]


def _hardship_household(value: object, config: Mapping[str, Any]) -> str | None:
    """The first of the applicant's household kinds that the config names, if any."""
    households = [str(h) for h in config.get("households") or DEFAULT_HOUSEHOLDS]
    kinds = value if isinstance(value, list | tuple) else [value]
    return next((str(k) for k in kinds if isinstance(k, str) and k in households), None)
