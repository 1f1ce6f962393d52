from __future__ import annotations

import pytest

from catalogkit.codes import (
    compile_pattern,
    credit_check_char,
    credit_code_problem,
    make_credit_code,
)


def test_a_published_credit_code_is_valid() -> None:
    # the sample code printed in GB 32100-2015 style guides
    assert credit_code_problem("91350100M000100Y43") is None


def test_made_codes_are_valid_and_a_changed_check_character_is_caught() -> None:
    code = make_credit_code("1", "1", "339901", "00250030")
    assert credit_code_problem(code) is None
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    problem = credit_code_problem(wrong)
    assert problem is not None and problem[0] == "credit-code-check"
    assert repr(code[-1]) in problem[1]


def test_letters_never_used_are_named() -> None:
    problem = credit_code_problem("9135010OM000100Y43")
    assert problem is not None
    assert problem[0] == "credit-code-format"
    assert "'O'" in problem[1]


def test_check_char_alphabet_excludes_ambiguous_letters() -> None:
    assert all(credit_check_char(f"{i:017d}") not in "IOZSV" for i in range(0, 10**6, 9973))


@pytest.mark.parametrize("pattern", ["(a+)+", "([0-9]{2})+", r"(\d*)*x"])
def test_patterns_that_could_backtrack_exponentially_are_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match="nested quantifiers"):
        compile_pattern(pattern)


@pytest.mark.parametrize("pattern", ["[0-9]{6}", "(ab|c)*", "[0-9]{12}-[0-9]{1,3}"])
def test_ordinary_patterns_compile(pattern: str) -> None:
    assert compile_pattern(pattern).pattern == pattern
