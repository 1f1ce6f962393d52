"""A one-line progress count for commands that can take more than a second; shown
on a terminal only, so piped output and logs stay clean."""

from __future__ import annotations

import sys

SHOWN_FROM = 5  # files: fewer finish before anyone looks


class Progress:
    def __init__(self, total: int, lang: str, what: tuple[str, str] = ("files", "个文件")) -> None:
        self.total, self.lang, self.what = total, lang, what
        self.enabled = total >= SHOWN_FROM and sys.stderr.isatty()
        self.shown = False

    def show(self, done: int) -> None:
        if not self.enabled:
            return
        en, zh = self.what
        text = f"{done}/{self.total} {zh}" if self.lang == "zh" else f"{done}/{self.total} {en}"
        sys.stderr.write(f"\r\033[K{text} …")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.shown = False
