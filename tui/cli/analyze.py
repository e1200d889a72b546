"""`byline analyze`: print the analysis of an article without the reader."""

from __future__ import annotations

import argparse
import json
import sys

WORD = "analyze"
USAGE = """byline analyze FILE [--format json|text]
                                  print the analysis without the reader"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="article to analyse, or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--model", help="spaCy pipeline to use")


def run(opts: argparse.Namespace) -> int:
    from ..core.analysis import analyze
    from ..core.report import text_report
    from ..core.sources import load_article

    result = analyze(load_article(opts.file), opts.model)
    if opts.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(text_report(result))
    return 0
