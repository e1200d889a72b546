"""The cycle collector paused over bulk work (collector.py): off in the block, then as it was,
even when the block fails; a caller that had paused it keeps it paused."""

from __future__ import annotations

import gc

import pytest

from byline.tui.core.collector import cycle_collector_paused


def test_the_collector_is_off_in_the_block_and_on_again_after_it_even_after_an_error():
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyboardInterrupt), cycle_collector_paused():
        raise KeyboardInterrupt  # ctrl+c in the middle of a batch
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused():
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
