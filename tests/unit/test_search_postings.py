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


def test_merged_groups_keep_each_document_s_best_weight_and_leave_out_its_names() -> None:
    from catalogkit.search.inverted import merged

    # 申请 in a material (2) of matters 0, 1, 4 and in the theme (4) of 1 and 3;
    # matter 4 has it in its name, so its other fields do not repeat it
    groups = [([0, 1, 4], 2), ([1, 3], 4)]
    assert unpack(merged(groups)) == {0: 2, 1: 4, 3: 4, 4: 2}
    assert unpack(merged(groups, [([4], 10)])) == {0: 2, 1: 4, 3: 4}
    assert list(unpack(merged([([7, 2], 8), ([5], 10)]))) == [2, 5, 7]  # ascending
    assert merged([([4], 1)], [([4], 10)]) == b""
