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
from ruamel.yaml.composer import Composer
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


class _Composer(Composer):
    """ruamel replaces the comments above a flow collection (`- {a: 1}`) with the one
    after it when it has one, losing the comments above; these two keep both."""

    def compose_mapping_node(self, anchor: Any) -> Any:
        above = self.parser.peek_event().comment
        return _keep_above(super().compose_mapping_node(anchor), above)

    def compose_sequence_node(self, anchor: Any) -> Any:
        above = self.parser.peek_event().comment
        return _keep_above(super().compose_sequence_node(anchor), above)


def _keep_above(node: Any, above: Any) -> Any:
    if not above or above[1] is None or node.comment is above:
        return node
    if node.comment is None:
        node.comment = [None, None]
    if node.comment[1] is None:
        node.comment[1] = above[1]
    elif node.comment[1] is not above[1]:
        node.comment[1] = above[1] + node.comment[1]
    return node


_Constructor.add_constructor(NULL_TAG, _Constructor.construct_kept_null)
_Representer.add_representer(KeptNull, _Representer.represent_kept_null)


def round_trip() -> YAML:
    """A fresh instance per use: ruamel instances keep state between documents."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _Composer
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
