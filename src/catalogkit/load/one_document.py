"""One file in, one validated document (or its diagnostics) out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..errors import Diagnostic
from ..model import API_VERSION, KINDS, Model
from .fastyaml import parse_mapping
from .located import read_checked, vet
from .recover import Recovered, recover
from .source import SourceText, decode
from .translate import diagnostics_from
from .value_names import show, with_suggestion


@dataclass
class LoadedFile:
    """A catalog file after reading: its document when valid, its problems otherwise.

    `data` is the plain reading even for an invalid document, so cross-file checks
    can still see the codes it declares and do not report them as missing; a load
    that asks for it (`keep_data=False`) drops it once the document is valid, since
    a province's parsed YAML would otherwise be kept next to its models."""

    file: str
    digest: str
    document: Model | None = None
    data: dict[str, Any] | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    checked_path: bool = False
    recovered: Recovered | None = None  # for later checks only, when the schema failed


def read_document(
    file: str,
    raw: bytes,
    digest: str,
    kinds: Mapping[str, type[Model]] = KINDS,
    *,
    keep_data: bool = True,
) -> LoadedFile:
    loaded = LoadedFile(file, digest)
    source = decode(file, raw)
    if isinstance(source, Diagnostic):
        loaded.diagnostics.append(source)
        return loaded
    data = parse_mapping(source.text)
    if data is None:
        loaded.checked_path = True
        checked = read_checked(file, source.text)
        if isinstance(checked, Diagnostic):
            loaded.diagnostics.append(checked)
            return loaded
        data = checked
    loaded.data = data
    _validate(loaded, data, source, kinds)
    if loaded.diagnostics and not loaded.checked_path:
        # deep nesting, odd keys or merge keys the fast parser let through: say that,
        # not what the schema made of it
        structural = vet(file, source.text)
        if isinstance(structural, Diagnostic):
            loaded.diagnostics = [structural]
            loaded.document = None
            loaded.recovered = None
    if not keep_data and loaded.document is not None:
        loaded.data = None
    return loaded


def _validate(
    loaded: LoadedFile, data: dict[str, Any], source: SourceText, kinds: Mapping[str, type[Model]]
) -> None:
    file = source.file
    version = data.get("apiVersion")
    if version != API_VERSION:
        if version is None:
            loaded.diagnostics.append(
                Diagnostic(
                    "missing-key",
                    f"the required key 'apiVersion' is missing; start the file with "
                    f"'apiVersion: {API_VERSION}'",
                    f"缺少必填字段 'apiVersion'；文件应以 'apiVersion: {API_VERSION}' 开头",
                    file,
                    (),
                    expected=API_VERSION,
                    found="nothing",
                )
            )
        else:
            loaded.diagnostics.append(
                Diagnostic(
                    "unsupported-version",
                    f"apiVersion {show(version)!r} is not supported; this version of catalogkit "
                    f"reads {API_VERSION!r}",
                    f"不支持的 apiVersion {show(version)!r}；本版本读取 {API_VERSION!r}",
                    file,
                    ("apiVersion",),
                    expected=API_VERSION,
                    found=show(version),
                )
            )
        return
    kind = data.get("kind")
    model = kinds.get(kind) if isinstance(kind, str) else None
    if kind is None:
        loaded.diagnostics.append(
            Diagnostic(
                "missing-key",
                f"the required key 'kind' is missing; expected one of: {', '.join(kinds)}",
                f"缺少必填字段 'kind'；允许的类型：{'、'.join(kinds)}",
                file,
                ("kind",),
                expected=", ".join(kinds),
                found="nothing",
            )
        )
        return
    if model is None:
        en, zh, guess = with_suggestion(
            f"unknown document kind {show(kind)!r}; expected one of: {', '.join(kinds)}",
            f"未知的文档类型 {show(kind)!r}；允许的类型：{'、'.join(kinds)}",
            str(kind),
            kinds,
        )
        loaded.diagnostics.append(
            Diagnostic(
                "unknown-kind",
                en,
                zh,
                file,
                ("kind",),
                expected=", ".join(kinds),
                found=show(kind),
                hint=guess,
            )
        )
        return
    try:
        loaded.document = model.model_validate(data)
    except ValidationError as exc:
        found = diagnostics_from(exc, model, data, file)
        loaded.diagnostics.extend(found)
        loaded.recovered = recover(model, data, found, file)
