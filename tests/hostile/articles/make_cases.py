"""Writes the hostile article files of this folder (run it to regenerate them; they are kept in git
so that what CI reads never changes by accident). Every text here is invented.

    python tests/hostile/articles/make_cases.py

`cases.json` says what each file must give: `exit` 0 with words the text must contain, or
`exit` 2 with words of the one line on standard error.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

STORY = ("Grüße aus Pellworth\n\nBürgermeisterin Ilse Dorrensen sagte am Dienstag, der neue Kai koste "
         "14 Millionen Euro. \u201cWir wurden gehört,\u201d sagte Dorrensen.\n")
ENGLISH = ("Quay opens in Pellworth\n\nMayor Ilse Dorrensen said on Tuesday that the new quay cost 14 million "
           "euros. \u201cWe were heard,\u201d Dorrensen said.\n")
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31m\u009b31m\x9c\x00\x08"


def page(body: str, title: str = "Quay opens in Pellworth") -> str:
    return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>"
            f"<nav><a href=\"/\">Home</a></nav><article><h1>Quay opens in Pellworth</h1>{body}</article>"
            "<footer>All rights reserved</footer></body></html>")


PARAGRAPH = ("<p>Mayor Ilse Dorrensen said on Tuesday that the new quay cost 14 million euros, and that the "
             "ferries would come back to the island for the first time since 1987.</p>")

CASES: list[tuple[str, bytes, dict]] = [
    # encodings
    ("utf8-stray-byte.txt", STORY.encode().replace(b"Euro", b"Eu\xffro"),
     {"exit": 0, "contains": ["Grüße aus Pellworth", "Eu\ufffdro"], "stderr": "invalid UTF-8"}),
    ("utf8-cut-off-character.txt", STORY.encode() + "Kai".encode() + "ü".encode()[:1],
     {"exit": 0, "contains": ["Bürgermeisterin"], "stderr": "invalid UTF-8"}),
    ("utf16le-no-bom.txt", STORY.encode("utf-16-le"), {"exit": 0, "contains": ["Grüße aus Pellworth"]}),
    ("utf16be-bom.txt", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), {"exit": 0, "contains": ["Bürgermeisterin"]}),
    ("utf32le-bom.txt", codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"), {"exit": 0, "contains": ["Grüße"]}),
    ("utf32be-no-bom.txt", STORY.encode("utf-32-be"), {"exit": 0, "contains": ["Grüße"]}),
    ("latin1.txt", STORY.replace("\u201c", '"').replace("\u201d", '"').encode("latin-1"),
     {"exit": 0, "contains": ["Bürgermeisterin Ilse Dorrensen"]}),
    ("utf16-bom-odd-length.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le") + b"\x41",
     {"exit": 2, "stderr": "but is not"}),
    ("bom-only.txt", codecs.BOM_UTF8, {"exit": 2, "stderr": "is empty"}),
    ("blank-utf16.txt", codecs.BOM_UTF16_LE + "  \n\n \t".encode("utf-16-le"), {"exit": 2, "stderr": "is empty"}),
    ("nul-in-text.txt", ENGLISH.encode().replace(b"Tuesday", b"Tues\x00day"), {"exit": 0, "contains": ["Tues␀day"]}),
    ("many-nuls.txt", ENGLISH.encode().replace(b" ", b"\x00"), {"exit": 2, "stderr": "binary"}),
    ("png-named-txt.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, {"exit": 2, "stderr": "binary"}),
    ("random-bytes.txt", bytes((i * 151 + 7) % 256 for i in range(5000)), {"exit": 2, "stderr": "binary"}),
    # escape codes and markup, in every kind of input
    ("escape-codes.txt", (ENGLISH + ESCAPES + " end.\n").encode(), {"exit": 0, "contains": ["␛]0;owned␇"]}),
    ("escape-codes.md", ("# Quay opens\n\nMayor Ilse Dorrensen spoke " + ESCAPES + " *here*.\n").encode(),
     {"exit": 0, "contains": ["␛]0;owned␇", "spoke"]}),
    ("escape-codes-as-entities.md", b"# Quay &#27;]0;owned&#7; opens\n\nMayor Ilse Dorrensen spoke &#x9b;31m here.\n",
     {"exit": 0, "contains": ["]0;owned", "Dorrensen spoke"]}),
    ("escape-codes.html", page(PARAGRAPH + "<p>Then &#27;]0;owned&#7; and &#x1B;[2J and &#155;31m and "
                               + ESCAPES + " happened on the quay in front of everyone there.</p>",
                               title="Quay &#27;]0;title&#7; opens").encode(),
     {"exit": 0, "contains": ["␛]0;owned␇", "Mayor Ilse Dorrensen"]}),
    ("rich-markup.txt", b"Quay opens\n\n[bold red]Mayor[/] Ilse Dorrensen said [link=http://x]this[/link].\n",
     {"exit": 0, "contains": ["[bold red]Mayor[/] Ilse Dorrensen"]}),
    ("script-in-markdown.md", b"# Quay opens\n\n<script>alert('owned')</script>\n\nMayor Ilse Dorrensen spoke.\n",
     {"exit": 0, "contains": ["Mayor Ilse Dorrensen spoke."], "absent": ["alert"]}),
    ("line-separators.txt", "Quay opens\u2028Mayor Ilse Dorrensen spoke.\u2029The end.\n".encode(),
     {"exit": 0, "contains": ["Quay opens\nMayor Ilse Dorrensen spoke.\nThe end."]}),
    ("crlf-and-cr.txt", b"Quay opens\r\n\r\nMayor Ilse Dorrensen spoke.\rThe end.\r\n",
     {"exit": 0, "contains": ["Quay opens\n\nMayor Ilse Dorrensen spoke.\nThe end."]}),
    # web pages that are no article
    ("no-story.html", b"<!doctype html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
     {"exit": 2, "stderr": "no article text"}),
    ("comment-only.html", b"<!doctype html><html><!-- nothing here --></html>", {"exit": 2, "stderr": "no article text"}),
    ("deep-nesting.html", page("<div>" * 200 + PARAGRAPH + "</div>" * 200).encode(),
     {"exit": 0, "contains": ["Mayor Ilse Dorrensen"]}),
    # past libxml2's 256 levels the parser drops what is inside: no story is left to show
    ("too-deep-nesting.html", page("<div>" * 3000 + PARAGRAPH + "</div>" * 3000).encode(),
     {"exit": 2, "stderr": "no article text"}),
    ("unclosed-tags.html", b"<html><body><article><h1>Quay opens<p>Mayor Ilse Dorrensen said on Tuesday that the "
                           b"new quay cost 14 million euros, and that the ferries would come back<p>to the island "
                           b"for the first time since 1987, she told the council<b><i><u>",
     {"exit": 0, "contains": ["Mayor Ilse Dorrensen"]}),
    ("wrong-meta-charset.html", page(PARAGRAPH.replace("Dorrensen", "Dörrensen")).replace(
        'charset="utf-8"', 'charset="x-no-such-charset"').encode(),
     {"exit": 0, "contains": ["Ilse Dörrensen"]}),
    ("whitespace-only.md", b"\n\n   \n\t\n", {"exit": 2, "stderr": "is empty"}),
    ("markup-only.md", b"---\ntitle: x\n---\n\n![](a.png)\n\n<!-- -->\n\n---\n", {"exit": 0, "contains": ["x"]}),
]


def main() -> None:
    manifest = {}
    for name, data, expect in CASES:
        (HERE / name).write_bytes(data)
        manifest[name] = expect
    (HERE / "cases.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
