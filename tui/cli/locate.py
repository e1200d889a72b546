"""`byline locate`: print where config and data live."""

from __future__ import annotations

import argparse

WORD = "locate"
USAGE = "byline locate                     print where config and data live"


def configure(p: argparse.ArgumentParser) -> None:
    pass


def run(opts: argparse.Namespace) -> int:
    from ..core.paths import locations

    for name, path in locations().items():
        print(f"{name}: {path}")
    return 0
