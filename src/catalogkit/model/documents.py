"""The document kinds a catalog tree is made of. Every file starts with
`apiVersion: catalogkit/v1` and a `kind`, so the format can evolve by migrations."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import IsoDate, Model, Name, Text, Url, doc
from .lexicon import LexiconDocument
from .locality import Locality
from .matter import Matter

ApiVersion = Literal["catalogkit/v1"]


class CodePatterns(Model):
    """Regular expressions that codes must match in full; provinces differ."""

    county: Name = doc("县级区划代码", "county division code", default=r"[0-9]{6}")
    town: Name = doc("乡镇级区划代码", "town division code", default=r"[0-9]{9}")
    village: Name = doc("村级区划代码", "village division code", default=r"[0-9]{12}")
    group: Name = doc("村民小组代码", "village-group code", default=r"[0-9]{12}-[0-9]{1,3}")
    matter: Name = doc("事项基本编码", "matter catalog code", default=r"[0-9A-Za-z-]{1,36}")
    implementation: Name = doc("实施编码", "implementation code", default=r"[0-9A-Za-z-]{1,64}")
    body: Name = doc(
        "实施主体编码",
        "body code: an 18-character credit code, or a 9-, 10- or 17-character organisation code",
        default=r"[0-9A-HJ-NP-RTUW-Y]{18}|[0-9A-Z]{17}|[0-9A-Z]{8}-?[0-9X]",
    )
    nested: bool = doc(
        "下级代码须以上级代码开头", "a child's code starts with its parent's", default=True
    )


class SettingsDocument(Model):
    api_version: ApiVersion = Field(alias="apiVersion")
    kind: Literal["Settings"]
    name: Name = doc("目录名称", "name of this catalog tree")
    province: Name | None = doc("省份", "province", default=None)
    codes: CodePatterns = doc("编码规则", "code patterns", default_factory=CodePatterns)
    profile: Name | None = doc(
        "省级规范（JSON Schema 文件）",
        "a JSON Schema file in the tree that published matters must also satisfy",
        default=None,
    )
    count_from_next_day: bool = doc(
        "办结时限自受理次日起算",
        "limits count from the day after acceptance (false: from the day itself)",
        default=True,
    )


class LocalityDocument(Locality):
    api_version: ApiVersion = Field(alias="apiVersion")
    kind: Literal["Locality"]


class MattersDocument(Model):
    api_version: ApiVersion = Field(alias="apiVersion")
    kind: Literal["Matters"]
    locality: Annotated[str, StringConstraints(min_length=1, max_length=20)] = doc(
        "定义事项的区划代码", "code of the locality that defines these matters"
    )
    matters: list[Matter] = doc("事项", "matters", min_length=1)


class Notice(Model):
    title: Name = doc("通知标题", "title of the State Council notice")
    number: Name | None = doc("文号", "document number, only if verified", default=None)
    published: IsoDate = doc("发布日期", "publication date")
    url: Url | None = doc("网址", "where it was published", default=None)


class CalendarDay(Model):
    name: Name = doc("节日名称", "holiday name")
    date: IsoDate = doc("日期", "date")
    is_off_day: bool = doc("是否休息", "true: a day off; false: a make-up working day")


class CalendarDocument(Model):
    """One year of official holidays and make-up days, modelled on holiday-cn."""

    api_version: ApiVersion = Field(alias="apiVersion")
    kind: Literal["Calendar"]
    year: int = doc("年份", "year", ge=1949, le=2200)
    notice: Notice | None = doc("依据通知", "the notice these days come from", default=None)
    scope: Name | None = doc(
        "适用范围区划代码", "division code for a local calendar (none: national)", default=None
    )
    note: Text | None = doc("说明", "note", default=None)
    days: list[CalendarDay] = doc("日期", "holidays and make-up days", min_length=1)


Document = Annotated[
    SettingsDocument | LocalityDocument | MattersDocument | CalendarDocument | LexiconDocument,
    Field(discriminator="kind"),
]

KINDS: dict[str, type[Model]] = {
    "Settings": SettingsDocument,
    "Locality": LocalityDocument,
    "Matters": MattersDocument,
    "Calendar": CalendarDocument,
    "Lexicon": LexiconDocument,
}
