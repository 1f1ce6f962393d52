"""Province profiles: a JSON Schema file kept in the tree that every published matter
must also satisfy (stricter code patterns, fields a province requires, its own
enumerations). Checked with jsonschema on every load, like plugin checks, and
reported at file:line:col; drafts are not held to it until they are published."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import Diagnostic
from .resolve import Bundle


def check_profile(root: Path, bundle: Bundle) -> list[Diagnostic]:
    settings = bundle.settings
    if settings is None or settings.profile is None:
        return []
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    path = (root / settings.profile).resolve()
    where = _settings_file(bundle)
    try:
        if not path.is_relative_to(root.resolve()):
            raise ValueError("the profile must be a file inside the tree")
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as exc:
        if isinstance(exc, OSError):  # never an absolute path of this machine
            reason = exc.strerror or type(exc).__name__
        else:
            reason = str(exc).splitlines()[0][:300]
        return [
            Diagnostic(
                "profile-unusable",
                f"the province profile {settings.profile!r} cannot be used: {reason}",
                f"省级规范文件 {settings.profile!r} 无法使用：{reason}",
                where,
                ("profile",),
                expected="a JSON Schema file inside the tree",
                found=settings.profile,
            )
        ]
    validator = Draft202012Validator(schema)
    out: list[Diagnostic] = []
    for entry in bundle.matters.values():
        m = entry.matter
        if m.publication != "published":
            continue
        data: Any = m.model_dump(mode="json", by_alias=True, exclude_none=True)
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
            out.append(
                _diagnostic(entry.source.file, (*entry.source.path, *error.absolute_path), error)
            )
    return out


def _diagnostic(file: str, path: tuple[Any, ...], error: Any) -> Diagnostic:
    found = json.dumps(error.instance, ensure_ascii=False)[:80]
    return Diagnostic(
        "profile",
        f"the province profile requires: {error.message}",
        f"不符合省级规范：{error.message}",
        file,
        tuple(p if isinstance(p, int) else str(p) for p in path),
        expected=str(error.validator),
        found=found,
    )


def _settings_file(bundle: Bundle) -> str:
    from .load.tree import SETTINGS_FILE

    return SETTINGS_FILE
