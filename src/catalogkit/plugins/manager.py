"""The typed facade over pluggy. Core code calls hooks only through `Plugins`.

Each hook implementation is called by itself, so that only plugins enabled for the
locality concerned take part, each receives its own config, and an exception or a
wrong answer names the plugin, the hook, its file and the locality. Answers come back
paired with their plugin's name, sorted by name: combining them never depends on the
order plugins were registered in."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

from ..errors import PluginError
from . import hookspecs
from .answers import PluginInfo
from .discovery import Found, autoload_enabled, from_entry_points, from_folder, from_names
from .hooks import ANSWERS, INFO, Answer, Enabled, Hooks

TRACE_VARIABLE = "CATALOGKIT_TRACE_HOOKS"


@dataclass(frozen=True)
class LoadedPlugin:
    name: str
    version: str
    description: str
    source: str
    file: str
    hooks: tuple[str, ...]
    config_schema: Mapping[str, Any] = field(default_factory=dict)


class Plugins:
    """The plugins of a run, loaded once, and a typed method per hook."""

    def __init__(self, found: Iterable[Found] = ()) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._loaded: dict[str, LoadedPlugin] = {}
        self._trace = bool(os.environ.get(TRACE_VARIABLE))
        for one in found:
            self._register(one)
        try:
            self._pm.check_pending()
        except pluggy.PluginValidationError as exc:
            name = self._pm.get_name(exc.plugin) or "?"
            raise PluginError(
                name,
                "check_pending",
                self._file(name),
                None,
                f"implements a hook that does not exist: {exc}",
            ) from None

    @classmethod
    def load(
        cls,
        *,
        tree: Path | None = None,
        folders: Iterable[Path] = (),
        names: Iterable[str] = (),
        blocked: Iterable[str] = (),
        autoload: bool | None = None,
    ) -> Plugins:
        block = set(blocked)
        found: list[Found] = []
        if autoload_enabled() if autoload is None else autoload:
            found += from_entry_points(block)
        for folder in [*(([tree / "plugins"]) if tree else []), *folders]:
            found += from_folder(folder, block)
        found += from_names(list(names), block)
        return cls(found)

    def _register(self, one: Found) -> None:
        info = self._info(one)
        name = info.name or one.name  # the name the plugin gives itself is the one YAML uses
        if name in self._loaded:
            return  # the same plugin from a second channel: the first one wins
        try:
            self._pm.register(one.module, name=name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            raise PluginError(name, "register", one.file, None, str(exc)) from None
        hooks = tuple(sorted(h.name for h in self._pm.get_hookcallers(one.module) or ()))
        self._loaded[name] = LoadedPlugin(
            name,
            info.version,
            info.description,
            one.source,
            one.file,
            tuple(h for h in hooks if h != INFO),
            dict(info.config_schema),
        )

    def _info(self, one: Found) -> PluginInfo:
        impl = getattr(one.module, INFO, None)
        if impl is None:
            return PluginInfo(one.name, _version(one.module))
        info = self._guard(one.name, one.file, INFO, None, impl, {})
        if not isinstance(info, PluginInfo):
            raise PluginError(
                one.name,
                INFO,
                one.file,
                None,
                f"returned {type(info).__name__}, expected PluginInfo",
            )
        return info

    # -- what the rest of catalogkit asks -------------------------------------------

    def __iter__(self) -> Any:
        return iter(sorted(self._loaded.values(), key=lambda p: p.name))

    def __contains__(self, name: object) -> bool:
        return name in self._loaded

    def names(self) -> list[str]:
        return sorted(self._loaded)

    def get(self, name: str) -> LoadedPlugin:
        return self._loaded[name]

    def get_version(self, name: str) -> str:
        loaded = self._loaded.get(name)
        return loaded.version if loaded else "?"

    def versions(self, names: Iterable[str]) -> dict[str, str]:
        return {n: self._loaded[n].version for n in sorted(names) if n in self._loaded}

    def at(self, enabled: Enabled, locality: str | None) -> Hooks:
        """The hooks of the plugins `enabled` at `locality`, one typed method each."""
        return Hooks(self, enabled, locality)

    def answers(
        self, hook: str, enabled: Enabled, locality: str | None, kwargs: Mapping[str, Any]
    ) -> list[tuple[str, Any]]:
        """Call `hook` on each enabled plugin; answers (None dropped) with plugin names,
        each checked against what the hookspec says the hook answers."""
        caller = getattr(self._pm.hook, hook)
        expect = ANSWERS[hook]
        out: list[tuple[str, Any]] = []
        for impl in caller.get_hookimpls():
            name = self._pm.get_name(impl.plugin) or "?"
            if name not in enabled:
                continue
            args = {**kwargs, "config": enabled[name]}
            answer = self._guard(
                name,
                self._file(name),
                hook,
                locality,
                impl.function,
                {k: args[k] for k in impl.argnames if k in args},
            )
            for item in self._shape(name, hook, locality, answer, expect):
                out.append((name, item))
        out.sort(key=lambda pair: pair[0])
        return out

    # -- guarding --------------------------------------------------------------------

    def _guard(
        self,
        name: str,
        file: str,
        hook: str,
        locality: str | None,
        function: Callable[..., Any],
        kwargs: Mapping[str, Any],
    ) -> Any:
        try:
            answer = function(**kwargs)
        except Exception as exc:
            raise PluginError(name, hook, file, locality, f"raised {exc!r}") from exc
        if self._trace:
            print(f"catalogkit: {name}.{hook}({', '.join(kwargs)}) -> {answer!r}", file=sys.stderr)
        return answer

    def _shape(
        self, name: str, hook: str, locality: str | None, answer: Any, expect: Answer
    ) -> list[Any]:
        if answer is None:
            return []
        items = answer if expect.many else [answer]
        if not isinstance(items, list | tuple) or not all(
            isinstance(i, expect.type) for i in items
        ):
            raise PluginError(
                name,
                hook,
                self._file(name),
                locality,
                f"returned {answer!r}, expected {expect.describe()}",
            )
        return list(items)

    def _file(self, name: str) -> str:
        loaded = self._loaded.get(name)
        if loaded is not None:
            return loaded.file
        plugin = self._pm.get_plugin(name)
        return str(getattr(plugin, "__file__", name))


def _version(module: Any) -> str:
    return str(getattr(module, "__version__", "0"))
