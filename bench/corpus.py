"""A corpus run: articles per second on local processes and a Dask LocalCluster beside raw
`nlp.pipe`, peak memory at two corpus sizes, and `byline add --analyses` into a library.

    python bench/corpus.py [--articles N] [--memory-articles M] [--library L]

The corpus is the evaluation articles (../shared/eval/articles) repeated to N, each copy's text
varied (its headline and a sentence carry the copy's number) so no two are the same text. One
run of each, this machine:

- reference: `nlp.pipe` over the N texts in this process (the pipeline loaded first, not timed);
- Byline in this process (`--jobs 1`) and on 2 forked processes (`--jobs 2`), results written
  as Parquet shards: the core's `run_corpus`, timed from the first article to the last shard;
- Byline on a Dask LocalCluster (127.0.0.1) with 1 and 2 single-threaded worker processes,
  timed once the workers have loaded the pipeline;
- peak memory (max RSS) of `byline analyze CORPUS --format parquet -o DIR --jobs 1` at N and at M
  articles (targets: within 10 %);
- `byline add --analyses` of the N results into a library that already holds L articles
  (articles per second, in this process, the library opened included), and reading the results
  alone (no library) for comparison.

Targets (issue 19): 1 process <= 1.15 x the reference's time; 2 workers >= 1.8 x 1 worker;
peak memory flat from 1,000 to 10,000 articles; add --analyses >= 1,000 articles/s at 100,000.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "articles"


def make_corpus(path: Path, count: int) -> list[str]:
    """N varied copies of the evaluation articles as JSON Lines; their texts."""
    originals = [p.read_text(encoding="utf-8") for p in sorted(EVAL.glob("*.txt"))]
    texts = []
    with open(path, "w", encoding="utf-8") as stream:
        for n in range(count):
            head, _, body = originals[n % len(originals)].partition("\n")
            text = f"{head} ({n})\n{body.rstrip()}\n\nThis is copy {n} of the story.\n"
            texts.append(text)
            stream.write(json.dumps({"id": f"c{n:06d}", "text": text, "site": f"Outlet {n % 3}"}) + "\n")
    return texts


def timed_run(corpus: Path, out: Path, runner) -> float:
    from byline.tui.core.corpus.inputs import read_items
    from byline.tui.core.corpus.output import ParquetFolder, versions
    from byline.tui.core.corpus.run import run_corpus

    output = ParquetFolder(out, versions(runner.model))
    started = time.perf_counter()
    try:
        summary = run_corpus(read_items([str(corpus)]), runner, output)
    finally:
        output.close()
        runner.close()
    elapsed = time.perf_counter() - started
    if summary.failed:
        raise SystemExit(f"{summary.failed} articles failed: {summary.first_errors}")
    return elapsed


def peak_memory(corpus: Path, out: Path) -> tuple[int, float]:
    """Max RSS (KiB) of a whole `byline analyze` run in its own process, and its seconds."""
    code = (
        "import resource, subprocess, sys; "
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(r.returncode); print(r.stderr)"
    )
    args = [sys.executable, "-m", "byline.tui", "analyze", str(corpus), "--format", "parquet", "-o", str(out)]
    result = subprocess.run([sys.executable, "-c", code, *args, "--jobs", "1"], capture_output=True, text=True)
    rss, status, *err = result.stdout.splitlines()
    if status != "0":
        raise SystemExit("\n".join(err))
    seconds = re.search(r"in (\d+) s", "\n".join(err))
    return int(rss), float(seconds.group(1)) if seconds else 0.0


def add_analyses(results: Path, library_size: int, home: Path) -> tuple[float, float]:
    """Articles per second of `add --analyses` into a library of `library_size`, and of
    reading the same results alone."""
    from byline.tui.core.corpus.results import read_results
    from byline.tui.core.library import Library
    from byline.tui.core.sources import from_text

    os.environ["BYLINE_HOME"] = str(home)
    library = Library()
    for start in range(0, library_size, 1000):
        batch = [
            (from_text(f"Filler {n}\n\nA short filler article, number {n}.", f"<filler {n}>"), None)
            for n in range(start, min(library_size, start + 1000))
        ]
        library.add_many(batch)
    started = time.perf_counter()
    count = sum(1 for r in read_results(str(results)) if r.error is None)
    reading = count / (time.perf_counter() - started)
    from byline.tui.cli.analyses import add_analyses as add

    class Quiet:  # the progress display, silent
        def __init__(self, total: int) -> None:
            pass

        def step(self, line, error=None) -> None:
            pass

        def close(self) -> None:
            pass

    started = time.perf_counter()
    if add(str(results), Quiet) != 0:
        raise SystemExit("add --analyses failed")
    return count / (time.perf_counter() - started), reading


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--memory-articles", type=int, default=10000)
    parser.add_argument("--library", type=int, default=100000)
    opts = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"no articles: put the evaluation set at {EVAL}", file=sys.stderr)
        return 2

    from distributed import LocalCluster

    from byline.tui.core.corpus.engine import Cluster, InProcess, Processes
    from byline.tui.core.nlp import default_model, load_model

    n = opts.articles
    work = Path(tempfile.mkdtemp(prefix="byline-bench-corpus-"))
    corpus = work / "corpus.jsonl"
    texts = make_corpus(corpus, n)
    model = default_model()
    nlp = load_model(model)
    list(nlp.pipe(texts[:2]))  # warm up
    print(
        f"{n} articles ({sum(len(t.split()) for t in texts):,} words); {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the start",
        flush=True,
    )
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    reference = time.perf_counter() - started
    print(f"  nlp.pipe, one process (reference) {n / reference:6.2f} articles/s  ({reference:.1f} s)", flush=True)
    times = {}
    times["local 1"] = timed_run(corpus, work / "local1", InProcess(model))
    times["local 2"] = timed_run(corpus, work / "local2", Processes(2, model))
    for workers in (1, 2):
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster:
            runner = Cluster(cluster.scheduler_address, model)  # the workers load the pipeline here
            times[f"dask {workers}"] = timed_run(corpus, work / f"dask{workers}", runner)
    for name, seconds in times.items():
        print(
            f"  byline {name:<8} {'process' if name.startswith('local') else 'worker':<8}"
            f"{n / seconds:6.2f} articles/s  ({seconds:.1f} s)  {seconds / reference:.2f}x the reference's time",
            flush=True,
        )
    print(f"  speed-up of 2 processes over 1: {times['local 1'] / times['local 2']:.2f}x", flush=True)
    print(f"  speed-up of 2 Dask workers over 1: {times['dask 1'] / times['dask 2']:.2f}x", flush=True)

    small_rss, _ = peak_memory(corpus, work / "mem-small")
    big = work / "big.jsonl"
    make_corpus(big, opts.memory_articles)
    big_rss, big_seconds = peak_memory(big, work / "mem-big")
    print(
        f"  peak memory, byline analyze --jobs 1: {small_rss / 1024:.0f} MiB at {n} articles, "
        f"{big_rss / 1024:.0f} MiB at {opts.memory_articles} ({(big_rss / small_rss - 1) * 100:+.1f} %; "
        f"{opts.memory_articles / big_seconds if big_seconds else 0:.2f} articles/s)",
        flush=True,
    )
    rate, reading = add_analyses(work / "local1", opts.library, work / "home")
    print(
        f"  add --analyses: {rate:.0f} articles/s into a library of {opts.library:,} "
        f"(reading the results alone: {reading:.0f} articles/s)"
    )
    print(
        f"  (work files in {work}; max RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
