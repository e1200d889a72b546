"""A corpus run: articles per second on local processes and a Dask LocalCluster beside raw
`nlp.pipe`, the CPU each costs, peak memory at two corpus sizes, and `byline add --analyses`.

    python bench/corpus.py [--articles N] [--memory-articles S M] [--library L]

The speed corpus is the evaluation articles (../shared/eval/articles) repeated to N, each copy's
text varied (its headline and a sentence carry the copy's number) so no two are the same text.
The machine is shared, so each figure is the sum of two halves run in mirrored order (reference,
local 1, local 2, Dask 1, Dask 2 on the first half, then back on the second), and each comes with
the load average seen while it ran and the CPU seconds it cost in every process it used (this
one, the forked workers, the Dask workers: psutil), which other load does not change:

- reference: `nlp.pipe` over the texts in this process (the pipeline loaded first, not timed);
- Byline in this process (`--jobs 1`) and on 2 forked processes (`--jobs 2`), results written
  as Parquet shards: the core's `run_corpus`, timed from the first article to the last shard;
- Byline on a Dask LocalCluster (127.0.0.1) with 1 and 2 single-threaded worker processes,
  timed once the workers have loaded the pipeline.

Peak memory (max RSS) of `byline analyze CORPUS --format parquet -o DIR`, at S and at M articles:
with `--jobs 1` (one process), and with `--scheduler` on a fresh one-worker LocalCluster (the
command, which reads and writes, and the worker, which analyses). This corpus is of short
articles (a paragraph of an evaluation article and a sentence quoting an invented person in an
invented town, new names in every article, as in a year of news) so that 10,000 take minutes.

`byline add --analyses` of the N results into a library that already holds L articles (articles
per second, the library opened included), and reading the results alone; `--library 0` skips it.
With `--skip speed` the results are of `--analysed` articles analysed here; `--copies C` reads
them as C articles (copies, each with a line of its own: every one new to the library), so the
rate is of batches of 1,000 and more; `--library-cache DIR` builds each library of L once in DIR
and links it in for the next runs (a library of 100,000 is built in minutes, linked in seconds).

    python bench/corpus.py --skip speed --skip memory --library 100000 --copies 5000 --library-cache ~/.cache/byline-bench

Targets (issue 19): 1 process <= 1.15 x the reference's time; 2 workers >= 1.8 x 1 worker;
peak memory flat (within 10 %) from 1,000 to 10,000 articles; add --analyses >= 1,000
articles/s at 100,000.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "articles"


def _originals() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EVAL.glob("*.txt"))]


def make_corpus(path: Path, count: int, start: int = 0) -> list[str]:
    """N varied copies of the evaluation articles as JSON Lines; their texts."""
    originals = _originals()
    texts = []
    with open(path, "w", encoding="utf-8") as stream:
        for n in range(start, start + count):
            head, _, body = originals[n % len(originals)].partition("\n")
            text = f"{head} ({n})\n{body.rstrip()}\n\nThis is copy {n} of the story.\n"
            texts.append(text)
            stream.write(json.dumps({"id": f"c{n:06d}", "text": text, "site": f"Outlet {n % 3}"}) + "\n")
    return texts


def make_short_corpus(path: Path, count: int) -> None:
    """N short articles: a paragraph of an evaluation article and a quote of a new person."""
    paragraphs = [p.strip() for text in _originals() for p in text.split("\n\n")[1:] if len(p.split()) > 25]
    rng = random.Random(19)

    def name() -> str:
        return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize()

    with open(path, "w", encoding="utf-8") as stream:
        for n in range(count):
            person, town = f"{name()} {name()}", name()
            text = (
                f"{town} council meets ({n})\n\n{paragraphs[n % len(paragraphs)]}\n\n"
                f"\u201cWe will vote on it in {town},\u201d said councillor {person}, who has sat for "
                f"{n % 40 + 2} years.\n"
            )
            stream.write(json.dumps({"id": f"s{n:06d}", "text": text, "site": f"Outlet {n % 3}"}) + "\n")


# -- CPU and load ----------------------------------------------------------------------------


def _cpu() -> dict[int, float]:
    """CPU seconds so far of this process and of each of its children (workers, pools)."""
    me = psutil.Process()
    out = {me.pid: sum(me.cpu_times()[:2])}
    for child in me.children(recursive=True):
        try:
            out[child.pid] = sum(child.cpu_times()[:2])
        except psutil.Error:
            pass
    return out


@dataclass
class Figure:
    """One configuration's halves added up."""

    wall: float = 0.0
    cpu: float = 0.0
    articles: int = 0
    loads: list[float] = field(default_factory=list)


class Meter:
    """Wall and CPU seconds of a stretch of work, and the load average while it ran."""

    def __init__(self, figure: Figure, articles: int) -> None:
        self.figure, self.articles = figure, articles

    def __enter__(self) -> Meter:
        self.cpu, self.loads = _cpu(), [os.getloadavg()[0]]
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        wall = time.perf_counter() - self.started
        end = _cpu()  # before the pools are shut down: their processes are still there
        self.figure.wall += wall
        self.figure.cpu += sum(seconds - self.cpu.get(pid, 0.0) for pid, seconds in end.items())
        self.figure.articles += self.articles
        self.figure.loads += [*self.loads, os.getloadavg()[0]]


def timed_run(corpus: Path, out: Path, runner, figure: Figure, articles: int) -> None:
    from byline.tui.core.corpus.inputs import read_items
    from byline.tui.core.corpus.output import ParquetFolder, versions
    from byline.tui.core.corpus.run import run_corpus

    output = ParquetFolder(out, versions(runner.model))
    try:
        with Meter(figure, articles):
            summary = run_corpus(read_items([str(corpus)]), runner, output)
            output.close()
    finally:
        output.close()
        runner.close()
    if summary.failed:
        raise SystemExit(f"{summary.failed} articles failed: {summary.first_errors}")


# -- memory ----------------------------------------------------------------------------------


def peak_memory(args: list[str]) -> tuple[int, float]:
    """Max RSS (KiB) of a whole `byline analyze ARGS` in its own process, and its seconds."""
    code = (
        "import resource, subprocess, sys; "
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(r.returncode); print(r.stderr)"
    )
    command = [sys.executable, "-m", "byline.tui", "analyze", *args]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    rss, status, *err = result.stdout.splitlines()
    if status != "0":
        raise SystemExit("\n".join(err))
    return int(rss), seconds


def _worker_peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_at(corpus: Path, out: Path, count: int) -> dict[str, tuple[int, float]]:
    """Peak RSS (KiB) and seconds: one local process; the command and a Dask worker."""
    from distributed import Client, LocalCluster

    found = {"local": peak_memory([str(corpus), "--format", "parquet", "-o", str(out / "local"), "--jobs", "1"])}
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        args = [str(corpus), "--format", "parquet", "-o", str(out / "dask"), "--scheduler", cluster.scheduler_address]
        found["dask client"] = peak_memory(args)
        with Client(cluster.scheduler_address, set_as_default=False) as client:
            (worker,) = client.run(_worker_peak).values()
        found["dask worker"] = (worker, found["dask client"][1])
    return found


def analysed_here(work: Path, count: int) -> Path:
    """Results of COUNT articles analysed in this process (when the speed run is skipped)."""
    from byline.tui.core.corpus.engine import InProcess
    from byline.tui.core.nlp import default_model

    make_corpus(work / "adding.jsonl", count)
    out = work / "analysed"
    timed_run(work / "adding.jsonl", out, InProcess(default_model()), Figure(), count)
    return out


def copied(results: Path, count: int, out: Path) -> Path:
    """The results as COUNT articles, in shards of 1,000: each copy's text ends with a line of its
    own ("(copy N)"), its hash and its analysis's hash changed to match (every offset stays true:
    the line is after them), so every article is new to the library."""
    import hashlib

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = pq.read_table(results / "articles").to_pylist()
    (out / "articles").mkdir(parents=True)
    for start in range(0, count, 1000):
        shard = []
        for n in range(start, min(count, start + 1000)):
            row = dict(rows[n % len(rows)])
            text = f"{row['text']}(copy {n})\n"
            sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
            row.update(
                article_id=f"{row['article_id']}-{n}",
                text=text,
                sha256=sha,
                analysis=row["analysis"].replace(row["sha256"], sha),
            )
            shard.append(row)
        pq.write_table(pa.Table.from_pylist(shard), out / "articles" / f"part-{start // 1000:05d}.parquet")
    return out


def library_of(size: int, home: Path, cache: Path | None) -> None:
    """A library of SIZE short filler articles at HOME: built by `Library.add_many`, or, with a
    cache folder, built once there and linked in (hard links: the store only ever replaces its
    files, so the built one stays as it was; its catalogue, written in place, is copied)."""
    import shutil

    from byline.tui.core.library import Library
    from byline.tui.core.sources import from_text

    def build(at: Path) -> None:
        os.environ["BYLINE_HOME"] = str(at)
        library = Library()
        for start in range(0, size, 1000):
            batch = [
                (from_text(f"Filler {n}\n\nA short filler article, number {n}.", f"<filler {n}>"), None)
                for n in range(start, min(size, start + 1000))
            ]
            library.add_many(batch)
        library.store.catalogue.close()

    if cache is None:
        build(home)
        return
    built = cache / f"library-{size}"
    if not built.exists():
        started = time.perf_counter()
        build(built.with_name(built.name + ".tmp"))
        built.with_name(built.name + ".tmp").rename(built)
        print(
            f"    (a library of {size:,} built in {time.perf_counter() - started:.0f} s, kept in {built})", flush=True
        )
    shutil.copytree(built, home, copy_function=os.link)
    for found in home.rglob("catalogue.sqlite3*"):
        found.unlink()
        shutil.copyfile(built / found.relative_to(home), found)
    os.environ["BYLINE_HOME"] = str(home)
    Library().count()  # its catalogue finds its files unchanged (a stat of each: the folder is new)


def add_analyses(results: Path, library_size: int, home: Path, cache: Path | None = None) -> tuple[float, float]:
    """Articles per second of `add --analyses` into a library of `library_size`, and of
    reading the same results alone."""
    from byline.tui.core.corpus.results import read_results

    library_of(library_size, home, cache)
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


# -- the run ---------------------------------------------------------------------------------


def speed(work: Path, n: int) -> dict[str, Figure]:
    from distributed import LocalCluster

    from byline.tui.core.corpus.engine import Cluster, InProcess, Processes
    from byline.tui.core.nlp import default_model, load_model

    model = default_model()
    nlp = load_model(model)
    halves = [(work / "first.jsonl", make_corpus(work / "first.jsonl", n // 2))]
    halves.append((work / "second.jsonl", make_corpus(work / "second.jsonl", n - n // 2, start=n // 2)))
    list(nlp.pipe(halves[0][1][:2]))  # warm up
    print(
        f"{n} articles ({sum(len(t.split()) for _, texts in halves for t in texts):,} words); "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start",
        flush=True,
    )
    names = ["reference", "local 1", "local 2", "dask 1", "dask 2"]
    figures = {name: Figure() for name in names}
    for half, order in ((0, names), (1, names[::-1])):
        corpus, texts = halves[half]
        for name in order:
            out = work / f"{name.replace(' ', '')}-{half}"
            if name == "reference":
                with Meter(figures[name], len(texts)):
                    for _ in nlp.pipe(texts):
                        pass
            elif name.startswith("local"):
                jobs = int(name[-1])
                runner = InProcess(model) if jobs == 1 else Processes(jobs, model)
                timed_run(corpus, out, runner, figures[name], len(texts))
            else:
                with LocalCluster(
                    n_workers=int(name[-1]),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                ) as cluster:
                    runner = Cluster(cluster.scheduler_address, model)  # the workers load the pipeline here
                    timed_run(corpus, out, runner, figures[name], len(texts))
            figure = figures[name]
            print(
                f"    ({name}, half {half + 1}: {figure.wall:.1f} s so far, load {os.getloadavg()[0]:.1f})", flush=True
            )
    return figures


def report_speed(figures: dict[str, Figure]) -> None:
    ref = figures["reference"]
    local = figures["local 1"]
    for name, f in figures.items():
        what = "nlp.pipe, one process (reference)" if name == "reference" else f"byline {name:<8}"
        print(
            f"  {what:<34} {f.articles / f.wall:6.2f} articles/s ({f.wall:6.1f} s, {f.wall / ref.wall:.2f}x the "
            f"reference's time); CPU {f.cpu / f.articles:.3f} s/article ({f.cpu / local.cpu:.2f}x local 1's), "
            f"{f.cpu / f.wall:.2f} cores busy; load average {min(f.loads):.1f}-{max(f.loads):.1f}",
            flush=True,
        )
    for kind, one, two in (("processes", "local 1", "local 2"), ("Dask workers", "dask 1", "dask 2")):
        a, b = figures[one], figures[two]
        print(
            f"  speed-up of 2 {kind} over 1: {a.wall / b.wall:.2f}x wall; CPU per article {b.cpu / a.cpu:.2f}x "
            f"(2 cores would give {2 * a.cpu / b.cpu:.2f}x were both free)",
            flush=True,
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--memory-articles", type=int, nargs=2, default=[1000, 10000], metavar=("S", "M"))
    parser.add_argument("--library", type=int, default=100000)
    parser.add_argument("--skip", choices=["speed", "memory"], action="append", default=[])
    parser.add_argument(
        "--copies", type=int, default=0, help="add --analyses reads the results as this many articles (copies)"
    )
    parser.add_argument(
        "--analysed", type=int, default=20, help="with --skip speed: articles analysed for add --analyses"
    )
    parser.add_argument("--library-cache", type=Path, help="a folder where libraries are built once and kept")
    opts = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"no articles: put the evaluation set at {EVAL}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="byline-bench-corpus-"))
    if "speed" not in opts.skip:
        report_speed(speed(work, opts.articles))
    if "memory" not in opts.skip:
        small, big = opts.memory_articles
        found = {}
        for count in (small, big):
            corpus = work / f"short-{count}.jsonl"
            make_short_corpus(corpus, count)
            found[count] = memory_at(corpus, work / f"mem-{count}", count)
            print(f"    (memory at {count}: done, load {os.getloadavg()[0]:.1f})", flush=True)
        for what in found[small]:
            (a, _), (b, seconds) = found[small][what], found[big][what]
            print(
                f"  peak memory, {what:<11} {a / 1024:5.0f} MiB at {small:,} short articles, {b / 1024:5.0f} MiB at "
                f"{big:,} ({(b / a - 1) * 100:+.1f} %; {big / seconds:.1f} articles/s)",
                flush=True,
            )
    if opts.library:
        results = work / "local1-0" if "speed" not in opts.skip else analysed_here(work, opts.analysed)
        if opts.copies:
            results = copied(results, opts.copies, work / "copies")
        rate, reading = add_analyses(results, opts.library, work / "home", opts.library_cache)
        print(
            f"  add --analyses: {rate:.0f} articles/s into a library of {opts.library:,} "
            f"(reading the results alone: {reading:.0f} articles/s; load average {os.getloadavg()[0]:.1f})"
        )
    print(f"  (work files in {work})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
