"""Python's cycle collector paused over work that makes many objects and no reference cycles.

The collector runs every few hundred allocations and, now and then, walks every live object: work
that holds hundreds of thousands of objects alive at once (the tokens of a long article, a batch
of a thousand analyses and the catalogue rows made of them) pays for walking them again and again.
Reference counting still frees everything meanwhile; only a reference cycle waits for the
collector, which resumes as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """The cycle collector off for the block, then as it was (on, unless a caller had paused it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
