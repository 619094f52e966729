"""Progress of a long command on a terminal: "[5/12] 生成图片 12/36", the current line rewritten in place.

Used by ``load_demo`` (a step per part of the demo) and ``import_policies`` (checking, then writing).
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Progress:
    """Step-by-step progress: "[5/12] 生成图片 12/36".

    ``write`` prints a finished line; ``update`` (given on a terminal) rewrites
    the current line in place while a step counts its items.
    """

    def __init__(
        self,
        write: Callable[[str], None],
        total_steps: int,
        update: Callable[[str], None] | None = None,
        timings: bool = False,
    ) -> None:
        self.write = write
        self.update = update
        self.total_steps = total_steps
        self.timings = timings
        self.started, self.cpu_started = time.monotonic(), time.process_time()
        self.number = 0
        self.label = ""
        self.done = 0
        self.total = 0

    def step(self, label: str, total: int = 1) -> None:
        """Start the next step, which will count ``total`` items."""
        self.finish()
        self.number += 1
        self.label, self.done, self.total = label, 0, total
        self.started, self.cpu_started = time.monotonic(), time.process_time()
        if self.update is not None:
            self.update("\r" + self._line())

    def tick(self, count: int = 1) -> None:
        """``count`` more items of the current step are done."""
        self.done += count
        if self.update is not None:
            self.update("\r" + self._line())

    def finish(self) -> None:
        """End the current step: print its line with the final count."""
        if self.label:
            if self.update is not None:
                self.update("\r")
            self.write(self._line())
            self.label = ""

    def _line(self) -> str:
        timing = ""
        if self.timings:
            timing = f"  ({time.monotonic() - self.started:.1f}s, cpu {time.process_time() - self.cpu_started:.1f}s)"
        return f"[{self.number}/{self.total_steps}] {self.label} {self.done}/{self.total}{timing}"
