"""What `validate` checks about plugins: every plugin a locality enables is loaded,
its config fits the schema the plugin declares, and the plugin's own catalog checks."""

from __future__ import annotations

from cerberus import Validator
from cerberus.schema import SchemaError

from ..errors import Diagnostic
from ..load.value_names import with_suggestion
from ..resolve import Bundle
from ..resolve.sources import Source
from .manager import Plugins


def check_plugins(bundle: Bundle, plugins: Plugins) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for code, entry in bundle.plugin_uses():
        for i, use in enumerate(entry.locality.plugins):
            where = entry.source.at("plugins", i)
            if use.name not in plugins:
                out.append(_unknown(use.name, plugins.names(), where))
                continue
            problems = _config_problems(plugins, use.name, dict(use.config))
            if problems:
                out.append(
                    Diagnostic(
                        "plugin-config",
                        f"the config of plugin {use.name!r} does not fit its schema: {problems}",
                        f"插件 {use.name!r} 的配置不符合其要求：{problems}",
                        where.file,
                        (*where.path, "config"),
                        expected="config per the plugin's schema",
                        found=problems,
                    )
                )
                continue
            for _, found in plugins.at({use.name: use.config}, code).validate_catalog(bundle, code):
                out.append(found)
    return out


def _unknown(name: str, names: list[str], where: Source) -> Diagnostic:
    en, zh, guess = with_suggestion(
        f"no plugin named {name!r} is installed"
        + (f"; installed: {', '.join(names)}" if names else ""),
        f"未安装名为 {name!r} 的插件" + (f"；已安装：{'、'.join(names)}" if names else ""),
        name,
        names,
    )
    return Diagnostic(
        "unknown-plugin",
        en,
        zh,
        where.file,
        (*where.path, "name"),
        expected="an installed plugin",
        found=name,
        hint=guess,
    )


def _config_problems(plugins: Plugins, name: str, config: dict[str, object]) -> str:
    schema = dict(plugins.get(name).config_schema)
    try:
        validator = Validator(schema, allow_unknown=False)
    except SchemaError as exc:
        return f"the plugin's own schema is invalid ({exc})"
    if validator.validate(config):
        return ""
    return "; ".join(f"{where}: {what}" for where, what in _flat(validator.errors, ""))


def _flat(errors: object, prefix: str) -> list[tuple[str, str]]:
    """cerberus's nested error tree as (path, message) pairs: `days[0]: max value is 7`."""
    out: list[tuple[str, str]] = []
    if isinstance(errors, dict):
        for key, value in sorted(errors.items(), key=lambda kv: str(kv[0])):
            step = (
                f"{prefix}[{key}]"
                if isinstance(key, int)
                else (f"{prefix}.{key}" if prefix else str(key))
            )
            out += _flat(value, step)
    elif isinstance(errors, list):
        for item in errors:
            out += _flat(item, prefix) if isinstance(item, dict | list) else [(prefix, str(item))]
    return out
