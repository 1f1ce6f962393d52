"""Packed postings answer as the dicts they were made from, before and after pickling."""

from __future__ import annotations

import pickle

from catalogkit.search.postings import Postings, pack, unpack


def test_packed_postings_answer_as_the_dicts_they_were_made_from() -> None:
    plain = {"身份": {3: 10, 0: 8, 70_000: 1}, "证": {5: 2}, "empty": {}}
    packed = Postings.of(plain)
    again = pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    for postings in (packed, again):
        assert dict(postings) == plain
        assert len(postings) == 3 and "证" in postings and "无" not in postings
        assert postings.get("无", {}) == {}
        assert list(postings["身份"]) == [0, 3, 70_000]  # documents ascending
    assert unpack(pack({})) == {}
