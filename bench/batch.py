"""Batch analysis: articles per second at 1 and 2 jobs, beside raw spaCy on the same texts.

    python bench/batch.py [FILES...] [--runs N]

Default: the 13 evaluation articles (../shared/eval/articles). In one process, the pipeline
loaded first (not timed): the reference is raw `nlp.pipe` over the texts; then
`core.batch.analyze_many` (load, parse, extract) with --jobs 1 and --jobs 2 (forked workers,
their start included). Prints medians, the ratios to the reference and the speed-up of 2 jobs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "articles"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    opts = parser.parse_args(argv)
    files = opts.files or sorted(str(p) for p in EVAL.glob("*.txt"))
    if not files:
        print(f"no articles: give files, or put the evaluation set at {EVAL}", file=sys.stderr)
        return 2

    from byline.tui.core.batch import analyze_many, default_jobs
    from byline.tui.core.nlp import load_model

    nlp = load_model()
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    list(nlp.pipe(texts[:1]))  # warm up
    raw, one, two = [], [], []
    for _ in range(opts.runs):
        started = time.perf_counter()
        list(nlp.pipe(texts))
        raw.append(time.perf_counter() - started)
        for jobs, times in ((1, one), (2, two)):
            started = time.perf_counter()
            results = analyze_many(files, jobs=jobs)
            times.append(time.perf_counter() - started)
            failed = [r.error for r in results if r.error]
            if failed:
                print("\n".join(failed), file=sys.stderr)
                return 1
    n = len(files)
    r, a1, a2 = (statistics.median(t) for t in (raw, one, two))
    print(
        f"{n} articles, {sum(map(len, texts)):,} characters; {opts.runs} runs, medians; "
        f"{default_jobs()} cores here, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"  raw nlp.pipe (reference)  {n / r:6.2f} articles/s  ({r:.2f} s)")
    print(f"  analyze_many --jobs 1     {n / a1:6.2f} articles/s  ({a1:.2f} s)  {a1 / r:.2f}x the reference")
    print(f"  analyze_many --jobs 2     {n / a2:6.2f} articles/s  ({a2:.2f} s)  {a2 / r:.2f}x the reference")
    print(f"  speed-up of 2 jobs over 1: {a1 / a2:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
