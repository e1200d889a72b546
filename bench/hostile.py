"""Large articles: a text with no line breaks against the same text in paragraphs.

    python bench/hostile.py [--mb 2] [--runs 1]

Builds an article of about MB megabytes from the evaluation articles (repeated), once in
paragraphs and once as a single line, and runs `byline analyze --format json` on each in a
fresh process. Prints wall time and peak memory (the child's maximum resident set) for both,
and the one-line text's cost as a ratio of the paragraphs' (the goal: at most 1.5x, and peak
memory under 1.5 GB at 2 MB).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "articles"


def build(megabytes: float) -> tuple[str, str]:
    """The same text in paragraphs and on one line, each about `megabytes` long."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EVAL.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no evaluation articles at {EVAL}")
    base = "\n\n".join(texts)
    size = int(megabytes * 1_000_000)
    paragraphs = ("\n\n".join([base] * (size // len(base) + 1)))[:size]
    paragraphs = re.sub(r"\n{3,}", "\n\n", paragraphs).rstrip() + "\n"
    one_line = re.sub(r"\s*\n\s*", " ", paragraphs).strip() + "\n"
    return paragraphs, one_line


def measure(path: Path) -> tuple[float, float]:
    """Seconds and peak megabytes of one `byline analyze` in a new process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "byline.tui", "analyze", str(path), "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"byline analyze failed on {path}: {child.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024  # kilobytes on Linux


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=1)
    opts = parser.parse_args(argv)
    paragraphs, one_line = build(opts.mb)
    figures: dict[str, list[tuple[float, float]]] = {"paragraphs": [], "one line": []}
    with tempfile.TemporaryDirectory() as tmp:
        files = {"paragraphs": Path(tmp) / "paragraphs.txt", "one line": Path(tmp) / "one_line.txt"}
        files["paragraphs"].write_text(paragraphs, encoding="utf-8")
        files["one line"].write_text(one_line, encoding="utf-8")
        for _ in range(opts.runs):
            for name, path in files.items():
                figures[name].append(measure(path))
    print(
        f"{len(one_line):,} characters ({opts.mb:g} MB), {opts.runs} run(s), medians; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    medians = {}
    for name, runs in figures.items():
        seconds = statistics.median(t for t, _ in runs)
        peak = statistics.median(m for _, m in runs)
        medians[name] = (seconds, peak)
        print(f"  {name:<11} {seconds:7.1f} s   peak {peak:7.0f} MB")
    (t_para, m_para), (t_line, m_line) = medians["paragraphs"], medians["one line"]
    print(f"  one line / paragraphs: time {t_line / t_para:.2f}x, peak memory {m_line / m_para:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
