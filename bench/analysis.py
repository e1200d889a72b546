"""Analysis cost on a long article, against spaCy's own nlp.pipe on the same text.

    python bench/analysis.py [--words N] [--eval DIR]

Joins the development-set articles (repeated) into one article of at least N words (100,000 by
default), then times in the same process: spaCy's nlp.pipe over its paragraphs (the reference),
and Byline's full analysis (the same parse, joined into one Doc, plus actors, numbers and quotes).
Each is run twice and the faster run kept. Prints both and the ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
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


def best_of(n: int, fn):
    times, result = [], None
    for _ in range(n):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    opts = parser.parse_args(argv)
    article = from_text(long_text(Path(opts.eval), opts.words), "<long>")
    name = default_model()
    nlp = load_model(name)
    nlp("warm up the pipeline.")
    chunks = paragraphs(article.text)
    print(f"article: {len(article.text.split()):,} words, {len(chunks):,} paragraphs, model {name}")

    ref, _ = best_of(2, lambda: list(nlp.pipe(chunks, batch_size=64)))
    print(f"spaCy nlp.pipe (reference):   {ref:7.2f} s")

    def full():
        doc = parse(article.text, nlp)
        return doc, analyze_doc(doc, article, name)

    total, (doc, result) = best_of(2, full)
    rules, _ = best_of(2, lambda: analyze_doc(doc, article, name))
    print(
        f"byline full analysis:         {total:7.2f} s  ({total / ref:.3f}x reference, +{(total / ref - 1) * 100:.1f} %)"
    )
    print(f"  of which rules on the parse: {rules:6.2f} s  ({rules / ref * 100:.1f} % of reference)")
    print(f"  found {len(result.actors):,} actors, {len(result.numbers):,} numbers, {len(result.quotes):,} quotes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
