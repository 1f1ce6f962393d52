"""ruamel.yaml's round-trip mode, set up once for catalogkit's canonical layout.

Round-trip mode is the only YAML library mode that keeps comments, key order and
the author's quotes; everything it does not keep by itself is handled here (how
nulls are spelled) or in `tidy` (where full-line comments sit, blank lines and
trailing whitespace). The reader is YAML 1.2, like every other catalogkit path;
no version is set on the instance because that would print a `%YAML` directive.
"""

from __future__ import annotations

import io
import sys
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter

NULL_TAG = "tag:yaml.org,2002:null"


class KeptNull:
    """A null written as `~`, `null`, `Null` or `NULL`: ruamel would print every null
    as nothing (or as `null` in flow), rewriting what the author chose to spell out."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Constructor(RoundTripConstructor):
    def construct_kept_null(self, node: Any) -> KeptNull | None:
        value = str(getattr(node, "value", ""))
        return KeptNull(value) if value else None


class _Representer(RoundTripRepresenter):
    def represent_kept_null(self, data: KeptNull) -> ScalarNode:
        return self.represent_scalar(NULL_TAG, data.text)

    def ignore_aliases(self, data: Any) -> bool:
        # each spelled-out null is its own object; never turn two into an alias
        return isinstance(data, KeptNull) or bool(super().ignore_aliases(data))


_Constructor.add_constructor(NULL_TAG, _Constructor.construct_kept_null)
_Representer.add_representer(KeptNull, _Representer.represent_kept_null)


def round_trip() -> YAML:
    """A fresh instance per use: ruamel instances keep state between documents."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = sys.maxsize  # long Chinese text stays on one line
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # `[{a: 1}]` stays so
    yaml.allow_unicode = True
    return yaml


def reemit(text: str) -> str:
    """`text` parsed and printed again in the canonical indentation."""
    yaml = round_trip()
    data = yaml.load(text)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
