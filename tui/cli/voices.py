"""`byline voices`: who gets to speak in an article, and how much."""

from __future__ import annotations

import argparse
import json
import sys

WORD = "voices"
USAGE = """byline voices FILE|URL [--format text|json|csv]
                                  who is quoted, how much, and who without a name"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="the article: a file, a URL, or - for standard input")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--model", help="spaCy pipeline to use")


def text_table(found) -> str:
    from ..core.visible import one_line

    lines = [found.summary(), ""]
    width = max((len(one_line(v.speaker)) for v in found.voices), default=10)
    width = min(width, 40)
    for v in found.voices:
        bar = "█" * max(1, round(v.share * 30)) if v.words else ""
        kind = "anonymous" if v.anonymous else (v.actor_type or "")
        counts = f"{v.count('direct')}d {v.count('partial')}p {v.count('reported')}r"
        lines.append(f"{one_line(v.speaker)[:width]:<{width}}  {bar:<30} {v.share:4.0%}  {v.words:5,} words  "
                     f"{len(v.quotes):3} quote{'s' if len(v.quotes) != 1 else ' '} ({counts})  {kind}")
    return "\n".join(lines) + "\n"


def run(opts: argparse.Namespace) -> int:
    from ..core.analysis import analyze
    from ..core.sources import load_article
    from ..core.voices import to_csv, voices

    article = load_article(opts.file)
    found = voices(analyze(article, opts.model), article.text)
    if opts.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False, indent=1))
    elif opts.format == "csv":
        sys.stdout.write(to_csv(found))
    else:
        sys.stdout.write(text_table(found))
    return 0
