"""The fast parser and the checked (ruamel) reader must give the same data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogkit.errors import Diagnostic
from catalogkit.load.fastyaml import parse_mapping
from catalogkit.load.located import read_checked
from tests.conftest import DEMO, yaml_files

# YAML 1.1 surprises: a YAML 1.2 reader keeps these as written.
SCALARS = [
    ("no", "no"),
    ("on", "on"),
    ("yes", "yes"),
    ("off", "off"),
    ("1:30", "1:30"),
    ("0o17", 15),
    ("017", 17),
    ("0x1F", 31),
    ("~", None),
    ("null", None),
    ("true", True),
    ("2026-01-31", "2026-01-31"),  # timestamps stay text; date fields parse them
    ("'2026-01-31'", "2026-01-31"),
    ("2026-02-30", "2026-02-30"),
    ("08:30", "08:30"),
    ('"0576"', "0576"),
    ("1e3", 1000.0),
    ("'339901'", "339901"),
    ("即办件", "即办件"),
]


def both(text: str) -> tuple[Any, Any]:
    fast = parse_mapping(text)
    located = read_checked("t.yaml", text)
    assert not isinstance(located, Diagnostic), located
    return fast, located


@pytest.mark.parametrize(("written", "value"), SCALARS, ids=[s for s, _ in SCALARS])
def test_scalars_read_as_yaml_1_2(written: str, value: Any) -> None:
    fast, located = both(f"key: {written}\n")
    assert fast == located == {"key": value}


def test_tags_are_left_to_the_located_path() -> None:
    assert parse_mapping("a: !custom x\n") is None
    located = read_checked("t.yaml", "a: !custom x\n")
    assert isinstance(located, Diagnostic)
    assert located.rule == "yaml-tag"
    assert (located.line, located.column) == (1, 4)


def test_top_level_list_is_not_a_document() -> None:
    assert parse_mapping("- a\n- b\n") is None
    located = read_checked("t.yaml", "- a\n- b\n")
    assert isinstance(located, Diagnostic)
    assert located.rule == "not-a-mapping"


keys = st.from_regex(r"[a-z][a-zA-Z0-9]{0,8}", fullmatch=True)
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
leaves = st.one_of(
    texts,
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.dates().map(str),
    st.sampled_from(
        ["no", "on", "1:30", "017", "0o17", "2026-01-01", "~", "即时", "a: b", "- x", "#c"]
    ),
)
documents = st.dictionaries(
    keys,
    st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
        max_leaves=20,
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_generated_documents_read_the_same_both_ways(doc: dict[str, Any]) -> None:
    from io import StringIO

    from ruamel.yaml import YAML

    out = StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False  # ruamel's flow emitter leaves `?x`, `:x` unquoted
    yaml.dump(doc, out)
    fast, located = both(out.getvalue())
    assert located == doc
    assert fast is None or fast == doc  # None: the fast path declined (e.g. a '!' in the text)


def _check_tree(root: Path) -> int:
    count = 0
    for path in yaml_files(root):
        text = path.read_text(encoding="utf-8")
        fast = parse_mapping(text)
        located = read_checked(str(path), text)
        assert not isinstance(located, Diagnostic), path
        if fast is not None:  # files the fast parser declines are read by the checked path only
            assert fast == located, path
            count += 1
    return count


def test_demo_catalogs_read_the_same_both_ways() -> None:
    assert _check_tree(DEMO) > 0


def test_generated_tree_reads_the_same_both_ways(synthetic_tree: Path) -> None:
    assert _check_tree(synthetic_tree) > 3
