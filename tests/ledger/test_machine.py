"""The state machine, pinned cell by cell by tests/data/ledger/transitions.tsv."""

from __future__ import annotations

from catalogkit.ledger import KINDS, STATES, allowed_after, next_state
from tests.conftest import DATA

TABLE = [
    line.split("\t")
    for line in (DATA / "ledger" / "transitions.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def test_the_table_names_every_state_and_event() -> None:
    header, *rows = TABLE
    assert header[1:] == list(KINDS)
    assert [row[0] for row in rows] == ["(new)", *STATES]


def test_every_transition_is_as_pinned() -> None:
    header, *rows = TABLE
    for row in rows:
        state = None if row[0] == "(new)" else row[0]
        for kind, want in zip(header[1:], row[1:], strict=True):
            got = next_state(state, kind) or "-"
            assert got == want, f"{row[0]} + {kind}: {got}, pinned {want}"


def test_every_state_can_be_reached_and_every_event_used() -> None:
    reached, frontier = {"applied"}, ["applied"]
    while frontier:
        state = frontier.pop()
        for kind in allowed_after(state):
            after = next_state(state, kind)
            if after is not None and after not in reached:
                reached.add(after)
                frontier.append(after)
    assert reached == set(STATES)
    assert all(any(next_state(s, k) for s in (None, *STATES)) for k in KINDS)


def test_unknown_events_are_refused() -> None:
    assert next_state("accepted", "approve") is None
    assert next_state(None, "accept") is None


def test_docs_list_every_event_and_state() -> None:
    page = (DATA.parent.parent / "docs" / "ledger.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"| `{kind}` | {KINDS[kind].zh} |" in page, kind
    for state, zh in STATES.items():
        assert f"`{state}` {zh}" in page, state
