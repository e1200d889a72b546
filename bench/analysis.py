"""Analysis cost on a long article, against spaCy's own nlp.pipe on the same text.

    python bench/analysis.py [--words N] [--eval DIR]

Joins the development-set articles (repeated) into one article of at least N words (100,000 by
default), then times in the same process: spaCy's nlp.pipe over its paragraphs (the reference),
and Byline's full analysis (the same parse, joined into one Doc, plus actors, numbers and quotes).
The two take turns, twice by default (--runs), and each keeps its fastest run: on a shared machine
whose load changes from one minute to the next, both then meet the same load. Prints both and the
ratio, in wall-clock time and in the process's CPU time (which other processes' load disturbs
less: the figure to trust when the machine is busy).
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from byline.tui.core.analysis import analyze_doc, paragraphs, parse  # noqa: E402
from byline.tui.core.nlp import default_model, load_model  # noqa: E402
from byline.tui.core.sources import from_text  # noqa: E402


def long_text(eval_dir: Path, words: int) -> str:
    bodies = [p.read_text(encoding="utf-8") for p in sorted((eval_dir / "articles").glob("*.txt"))]
    if not bodies:
        bodies = [(ROOT / "seeds" / "nato_riga.txt").read_text(encoding="utf-8")]
    parts, count = ["A long article"], 0
    while count < words:
        for body in bodies:
            parts.append(body)
            count += len(body.split())
    return "\n\n".join(parts)


class Timing:
    """The fastest of several runs of one job, in wall-clock and CPU seconds."""

    def __init__(self) -> None:
        self.wall = float("inf")
        self.cpu = float("inf")
        self.result = None

    def run(self, fn) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.result = fn()
        self.wall = min(self.wall, time.perf_counter() - wall)
        self.cpu = min(self.cpu, time.process_time() - cpu)


def ratio(job: Timing, ref: Timing) -> str:
    return (
        f"wall {job.wall:7.2f} s ({job.wall / ref.wall:.3f}x reference)   "
        f"CPU {job.cpu:7.2f} s ({job.cpu / ref.cpu:.3f}x reference)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--runs", type=int, default=2, help="turns of each job; the fastest is kept")
    opts = parser.parse_args(argv)
    article = from_text(long_text(Path(opts.eval), opts.words), "<long>")
    name = default_model()
    nlp = load_model(name)
    nlp("warm up the pipeline.")
    chunks = paragraphs(article.text)
    print(f"article: {len(article.text.split()):,} words, {len(chunks):,} paragraphs, model {name}")

    def full():
        doc = parse(article.text, nlp)
        return doc, analyze_doc(doc, article, name)

    ref, total, rules = Timing(), Timing(), Timing()
    for _ in range(max(1, opts.runs)):  # in turns, so that both meet the machine's load alike
        ref.run(lambda: list(nlp.pipe(chunks, batch_size=64)))
        total.run(full)
        rules.run(partial(analyze_doc, total.result[0], article, name))
    result = total.result[1]
    print(f"spaCy nlp.pipe (reference):   wall {ref.wall:7.2f} s   CPU {ref.cpu:7.2f} s")
    print(f"byline full analysis:         {ratio(total, ref)}")
    print(f"  of which rules on the parse: {ratio(rules, ref)}")
    print(f"  found {len(result.actors):,} actors, {len(result.numbers):,} numbers, {len(result.quotes):,} quotes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
