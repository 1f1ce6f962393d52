"""Progress counts appear on a terminal only, in the chosen language."""

from __future__ import annotations

import sys

import pytest

from catalogkit.cli.progress import Progress


def test_shown_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    progress = Progress(10, "zh")
    progress.show(3)
    progress.clear()
    assert "3/10 个文件" in capsys.readouterr().err
    english = Progress(10, "en")
    english.show(4)
    assert "4/10 files" in capsys.readouterr().err


def test_quiet_when_piped_or_short(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    Progress(100, "zh").show(50)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    Progress(3, "zh").show(1)  # a few files finish before anyone looks
    assert capsys.readouterr().err == ""
