"""`byline voices`: who gets to speak in an article, and how much."""

from __future__ import annotations

import argparse
import json
import sys

from . import article_argument

WORD = "voices"
USAGE = """byline voices [ARTICLE] [--format text|json|csv] [--raw]
                                  who is quoted, how much, who without a name: in
                                  one article, or (no argument) across the library"""


def configure(p: argparse.ArgumentParser) -> None:
    article_argument(p, "the whole library")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--model", help="spaCy pipeline to use")
    p.add_argument(
        "--raw",
        action="store_true",
        help="the model's own analysis, without the corrections made in the reader (one article only)",
    )


def text_table(found, articles: bool = False) -> str:
    from ..core.visible import one_line

    lines = [found.summary(), ""]
    width = max((len(one_line(v.speaker)) for v in found.voices), default=10)
    width = min(width, 40)
    most = max((v.words for v in found.voices), default=0)
    for v in found.voices:
        bar = "█" * max(1, round(v.words / most * 30)) if v.words else ""
        kind = v.source if v.anonymous else (v.actor_type or "")
        counts = f"{v.count('direct')}d {v.count('partial')}p {v.count('reported')}r"
        where = f"{v.articles:3} article{'s' if v.articles != 1 else ' '}  " if articles else ""
        lines.append(
            f"{one_line(v.speaker)[:width]:<{width}}  {bar:<30} {v.share:4.0%}  {v.words:5,} words  "
            f"{len(v.quotes):3} quote{'s' if len(v.quotes) != 1 else ' '} ({counts})  {where}{kind}"
        )
    return "\n".join(lines) + "\n"


def sites_table(sites) -> str:
    from ..core.visible import one_line

    lines = [
        "",
        "Sourcing per site (of the attributed quotes: from sources granted anonymity, from unnamed ones)",
    ]
    for site in sites:
        lines.append(
            f"  {one_line(site.site)[:40]:<40} {site.share:4.0%} anonymous {site.unnamed_share:4.0%} unnamed"
            f"  ({site.anonymous} and {site.unnamed} of {site.quotes} quotes)"
            f"  {site.articles} article{'s' if site.articles != 1 else ''}"
        )
    return "\n".join(lines) + "\n"


def run(opts: argparse.Namespace) -> int:
    if opts.file is None:
        return _library(opts)
    from ..core.cache import analysis_of
    from ..core.export.voices_csv import to_csv
    from ..core.opening import open_location
    from ..core.voices import voices

    article = open_location(opts.file)
    for warning in article.warnings:
        print(f"byline: warning: {warning}", file=sys.stderr)
    analysis = analysis_of(article, opts.model)
    if not opts.raw:  # as the user corrected it, like every other view
        from ..core.session import Session
        from ..core.store import Store

        session = Session.open(article, Store())
        session.set_analysis(analysis)
        analysis = session.analysis or analysis
    found = voices(analysis, article.text)
    if opts.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False, indent=1))
    elif opts.format == "csv":
        sys.stdout.write(to_csv(found))
    else:
        sys.stdout.write(text_table(found))
    return 0


def _library(opts: argparse.Namespace) -> int:
    from ..core.errors import BylineError
    from ..core.export.voices_csv import to_csv
    from ..core.library import Library
    from ..core.voices import library_voices
    from .library import warn

    library = Library()
    if library.problem:
        raise BylineError(library.problem)
    found = library_voices(library)
    warn(library)
    if not found.articles:
        raise BylineError(
            "the library holds no analysed article: byline add PATH|URL adds some, "
            "or give an article: byline voices FILE"
        )
    if opts.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False, indent=1))
    elif opts.format == "csv":
        sys.stdout.write(to_csv(found.voices))
    else:
        sys.stdout.write(
            f"{found.articles} article{'s' if found.articles != 1 else ''} · "
            + text_table(found.voices, articles=True)
            + sites_table(found.sites)
        )
    return 0
