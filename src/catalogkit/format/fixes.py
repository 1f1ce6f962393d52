"""Where ruamel.yaml's round-trip mode loses what the formatter promises to keep,
and the smallest subclass that keeps it. Each fix is covered by a test case under
tests/data/fmt/; should a ruamel release change the internals they hook into, the
guard refuses to write (comments lost, data changed) rather than break a file.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.composer import Composer as BaseComposer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.nodes import CollectionNode, ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter

NULL_TAG = "tag:yaml.org,2002:null"


class KeptNull:
    """A null written as `~`, `null`, `Null` or `NULL`: ruamel would print every null
    as nothing (or as `null` in flow), rewriting what the author chose to spell out."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Constructor(RoundTripConstructor):
    def construct_kept_null(self, node: Any) -> KeptNull | None:
        value = str(getattr(node, "value", ""))
        return KeptNull(value) if value else None

    def construct_rt_sequence(self, node: Any, seqtyp: Any, deep: bool = False) -> Any:
        """ruamel takes an item's comments over to the sequence before building the
        item, dropping the comment lines that follow a nested list or mapping ending
        in a flow collection (`- - [1]` then `# c`); give them back to the item."""
        after = {
            i: child.comment[2]
            for i, child in enumerate(node.value)
            if isinstance(child, CollectionNode) and child.comment and len(child.comment) > 2
        }
        items = super().construct_rt_sequence(node, seqtyp, deep)
        for i, comments in after.items():
            if not comments:
                continue
            if i + 1 < len(node.value):  # as the comment above the next item
                slot = seqtyp.ca.items.setdefault(i + 1, [None, None, None, None])
                slot[1] = comments + (slot[1] or [])
            else:
                seqtyp.yaml_end_comment_extend(comments)
        return items


class Representer(RoundTripRepresenter):
    def represent_kept_null(self, data: KeptNull) -> ScalarNode:
        return self.represent_scalar(NULL_TAG, data.text)

    def ignore_aliases(self, data: Any) -> bool:
        # each spelled-out null is its own object; never turn two into an alias
        return isinstance(data, KeptNull) or bool(super().ignore_aliases(data))


class Composer(BaseComposer):
    """ruamel replaces the comments above a flow collection (`- {a: 1}`) with the one
    after it when it has one, losing the comments above; these two keep both."""

    def compose_mapping_node(self, anchor: Any) -> Any:
        above = self.parser.peek_event().comment
        return _keep_above(super().compose_mapping_node(anchor), above)

    def compose_sequence_node(self, anchor: Any) -> Any:
        above = self.parser.peek_event().comment
        return _lift_last(_keep_above(super().compose_sequence_node(anchor), above))


class Emitter(RoundTripEmitter):
    """ruamel sets a flag after `- ` meaning "the item goes on this line"; after an
    item that ends its own line (an empty `{}`, a `{...}` with an end-of-line
    comment) the flag can stay set and then joins two items on one line
    (`- a   - {}`, `- x   -`), which is not YAML. After a line break the flag
    means nothing; clear it there."""

    def write_line_break(self, data: Any = None) -> None:
        super().write_line_break(data)
        self.no_newline = False


def _lift_last(node: Any) -> Any:
    """The comments after a list's last item when that item is itself a list or
    mapping: ruamel would drop them with the item's comments (see Constructor);
    they follow the list as a whole, so give them to the list."""
    last = node.value[-1] if node.value else None
    if not isinstance(last, CollectionNode) or not last.comment or len(last.comment) < 3:
        return node
    after = last.comment[2]
    if not after:
        return node
    last.comment = last.comment[:2]
    node.comment = list(node.comment or [None, None])
    node.comment += [None] * (3 - len(node.comment))
    node.comment[2] = after + (node.comment[2] or [])
    return node


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


Constructor.add_constructor(NULL_TAG, Constructor.construct_kept_null)
Representer.add_representer(KeptNull, Representer.represent_kept_null)
