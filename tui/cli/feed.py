"""`byline feed`: follow feeds (RSS, Atom, JSON Feed), list them, stop following one, and move
the list in and out as OPML."""

from __future__ import annotations

import argparse
import json
import sys

WORD = "feed"
USAGE = """byline feed add URL | list [--format text|json] | remove URL|ID
byline feed import FILE.opml | export [-o FILE.opml]
                                  follow feeds (a site's address is enough when its page
                                  names its feed); byline refresh fetches what is new"""


def configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Follow news feeds: RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed. `add` takes a feed's address, "
        "or a site's when its page names its feed; `byline refresh` adds their new stories to the library."
    )
    sub = p.add_subparsers(dest="action", required=True, metavar="add|list|remove|import|export")
    add = sub.add_parser("add", help="follow a feed (or the feed a site's page names)")
    add.add_argument("url", metavar="URL")
    listing = sub.add_parser("list", help="the feeds followed")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    remove = sub.add_parser("remove", help="stop following a feed (its articles stay)")
    remove.add_argument("name", metavar="URL|ID")
    imports = sub.add_parser("import", help="follow every feed of an OPML file")
    imports.add_argument("file", metavar="FILE.opml")
    export = sub.add_parser("export", help="the feeds followed as OPML")
    export.add_argument("-o", "--output", metavar="FILE.opml", help="write here (default: standard output)")
    export.add_argument("--force", action="store_true", help="replace FILE.opml when it exists")


def run(opts: argparse.Namespace) -> int:
    from ..core.feeds_store import Subscriptions
    from .library import open_library

    library = open_library()
    subscriptions = Subscriptions(library.store)
    return {"add": _add, "list": _list, "remove": _remove, "import": _import, "export": _export}[opts.action](
        opts, library, subscriptions
    )


def _add(opts, library, subscriptions) -> int:
    from ..core.feeds_refresh import follow
    from ..core.visible import one_line

    sub, feed = follow(library, opts.url)
    print(
        f"following feed {sub.id}: {sub.name} ({one_line(sub.url)}, {len(feed.items)} "
        f"stor{'ies' if len(feed.items) != 1 else 'y'} now); byline refresh adds them"
    )
    return 0


def _list(opts, library, subscriptions) -> int:
    from ..core.visible import one_line

    subs = subscriptions.all()
    if opts.format == "json":
        keep = ("id", "url", "title", "site", "added", "checked", "error")
        print(json.dumps([{k: getattr(s, k) for k in keep} for s in subs], ensure_ascii=False, indent=1))
        return 0
    if not subs:
        print("No feed is followed: byline feed add URL follows one", file=sys.stderr)
        return 0
    for s in subs:
        state = f"failed: {one_line(s.error)}" if s.error else (f"checked {s.checked[:16]}" if s.checked else "new")
        print(f"{s.id:>3}  {s.name[:40]:<40}  {one_line(s.url)}  ({state})")
    return 0


def _remove(opts, library, subscriptions) -> int:
    from ..core.visible import one_line

    sub = subscriptions.remove(opts.name)
    print(f"no longer following {sub.name} ({one_line(sub.url)}); its articles stay in the library")
    return 0


def _import(opts, library, subscriptions) -> int:
    from pathlib import Path

    from ..core.errors import FeedError
    from ..core.feeds_opml import from_opml
    from ..core.sources.text import read_file

    found = from_opml(read_file(Path(opts.file).expanduser()), opts.file)
    if not found:
        raise FeedError(f"{opts.file} lists no feed (no <outline xmlUrl=...>)")
    known = {s.url for s in subscriptions.all()}
    added = 0
    for url, title in found:
        if url in known:
            continue
        try:
            subscriptions.add(url, title, None)
            added += 1
        except FeedError as exc:
            print(f"byline: {exc}", file=sys.stderr)
    print(f"following {added} new feed{'s' if added != 1 else ''} ({len(found) - added} already followed)")
    return 0


def _export(opts, library, subscriptions) -> int:
    from pathlib import Path

    from ..core.errors import FeedError
    from ..core.feeds_opml import to_opml
    from ..core.tablefile import write_atomic

    data = to_opml(subscriptions.all())
    if not opts.output or opts.output == "-":
        sys.stdout.buffer.write(data)
        return 0
    path = Path(opts.output).expanduser()
    if path.exists() and not opts.force:
        raise FeedError(f"{opts.output} exists: add --force to replace it")
    if path.is_dir():
        raise FeedError(f"{opts.output} is a folder: name a file")
    write_atomic(path, data)
    print(f"wrote {len(subscriptions.all())} feeds to {opts.output}", file=sys.stderr)
    return 0
