"""What on the page is not the story: link lines ("READ MORE: ..."), advertising breaks, bylines,
photo and agency credits. Found from the text alone, before any rule reads the parse: the rules
then skip these passages, and the credits become the article's metadata, never its actors."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Credit
from .lexicon import AGENCY_WORDS, ORG_WORDS

#: Lines a web page puts between paragraphs: links to other stories, players, ad breaks.
_FURNITURE = re.compile(
    r"^[ \t.]*(?:(?:READ MORE|READ ALSO|MORE|WATCH(?: BELOW)?|LISTEN|RELATED|CLICK HERE|SIGN UP|SUBSCRIBE)\b"
    r"(?=\s*[:|\-–—]|\s*$)"
    r"|Story continues below(?: advertisement)?|Article Continued Below|Advertisement\s*$|ADVERTISEMENT\s*$)"
    r".*$",
    re.M,
)
#: A video's blurb as a page embeds it: a paragraph whose last sentence is followed by the clip's
#: running time ("... reports on the storm's damage. 2:17"). The reporter it names is no actor,
#: what it says no quote (the story itself tells it).
_VIDEO_BLURB = re.compile(r"^[^\n]*[.!?\"”’)][ \t]+\d{1,2}:[0-5]\d\.?[ \t]*$", re.M)
#: A caption's prefix in some sites' text: the caption itself is kept.
_GALLERY = re.compile(r"Open this photo in gallery:?\s*")
#: One word of a name as a byline or credit writes it: "Jane", "J.", "McNeil", "O'Brien", "MOCZULSKI".
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|le|la)"
_NAME = rf"[A-Z][\w'’.-]*(?: {_NAME_WORD}){{1,3}}"
_NAMES = rf"{_NAME}(?:(?:, | and | & ){_NAME})*"
_ORG = r"(?:[Tt]he |THE |For [Tt]he )?[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|and|&|the|for)){0,6}"
#: "By Jane Doe, Reuters", also set in Markdown emphasis ("*By Jane Doe, Staff Reporter*").
_BYLINE = re.compile(
    rf"^[ \t]*[*_]{{0,2}}(?:By|BY) (?P<names>{_NAMES})(?:\s*(?:,|\||—|–|-)\s*(?P<org>{_ORG}))?\.?[*_]{{0,2}}[ \t]*$",
    re.M,
)
#: "The Associated Press contributed to this report.", "Jane Doe contributed reporting.": a credit
#: in the page's body, a line of its own.
_CONTRIBUTED = re.compile(
    rf"^[ \t]*[*_]{{0,2}}(?P<org>{_ORG}) contributed (?:to this (?:report|story|article)|reporting)\b[^\n]*$",
    re.M,
)
#: Last words of a byline that give the author's job, not an organisation: "Staff Reporter".
_JOB_WORDS = frozenset("reporter writer correspondent editor columnist contributor journalist".split())
_SIGNATURE = re.compile(rf"^[ \t.]*(?P<names>{_NAMES}),\s*(?P<org>{_ORG})\.?[ \t]*$", re.M)
_AGENCY_LINE = re.compile(
    rf"(?:^|(?<=\s))(?:With files from|Source:|Sources:|Photo:|Photos:|Distributed by|\(c\)\s*\d{{4}}|©\s*\d{{4}})\s*(?P<org>{_ORG})",
    re.M,
)
#: A tweet as a page embeds it: its text, maybe a link, then "— Name (@handle) Month D, YYYY".
_TWEET = re.compile(
    r"^[ \t]*(?P<body>[^\n]*?[^\s—–-])(?:\s+(?:https?://|pic\.twitter\.com/)\S+)*\s*[—–-]+\s*"
    r"(?P<name>[^()\n—–]{2,60}?) \(@\w+\) [A-Z][a-z]+\.? \d{1,2}, \d{4}[ \t]*$",
    re.M,
)
_CAPITALISED = re.compile(r"[A-Z][\w&'’.-]*")
#: "Jane Smith is a Toronto-based reporter covering ...": the author's note at the end.
_AUTHOR_NOTE = re.compile(
    rf"(?:^|(?<=[.!?”\"] ))(?P<names>{_NAME}) is an? [^.\n]{{0,80}}?\b(?:reporter|editor|writer|columnist|"
    rf"correspondent|contributor|journalist|critic|producer)\b[^.\n]*\.",
    re.M,
)
#: "Follow Pam Key on Twitter @pamkeyNEN": the author's handle at the end, a line of its own (some
#: pages set it in an open quote mark, as the transcript it closes).
_FOLLOW = re.compile(
    rf"^[ \t\"“]*Follow (?P<names>{_NAME}) on (?:Twitter|X|Instagram|Facebook|Threads|Bluesky)\b[^\n]*$", re.M
)
#: "Jane Smith has the latest.": a video's reporter, under its caption.
_VIDEO_REPORTER = re.compile(
    rf"(?:^|(?<=[.!?”\"] ))(?P<names>{_NAME}) (?:has|reports|explains) (?:the latest|more|the story|details)\b[^\n]*?(?:\.|$)",
    re.M,
)


@dataclass
class Page:
    """The passages of an article that are page furniture or credits, by character offset, and
    the asides that are no part of the story's telling (a video's blurb): the people an aside
    names are the story's, but what it says is nobody's quote and it is never whom a later
    "he" or "she" stands for."""

    spans: list[tuple[int, int]]
    credits: list[Credit]
    asides: list[tuple[int, int]] = field(default_factory=list)
    #: embedded tweets: (text start, text end, author's name start, end); each is its author's quote
    tweets: list[tuple[int, int, int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spans = _merged(self.spans)  # a credit inside a link line is one passage
        self._starts = [s for s, _ in self.spans]
        self.asides = sorted(self.asides)
        self._aside_starts = [s for s, _ in self.asides]
        self._tweet_spans = [(start, name_end) for start, _, _, name_end in self.tweets]

    def covers(self, char: int) -> bool:
        """Whether `char` falls in furniture, a credit or an aside: nothing there is a quote."""
        return self.hides_names(char) or _within(self.asides, self._aside_starts, char)

    def in_tweet(self, char: int) -> bool:
        """Whether `char` falls in an embedded tweet (its text or its signature line)."""
        return any(start <= char < end for start, end in self._tweet_spans)

    def hides_names(self, char: int) -> bool:
        """Whether `char` falls in furniture or a credit: no name there is an actor."""
        return _within(self.spans, self._starts, char)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _within(spans: list[tuple[int, int]], starts: list[int], char: int) -> bool:
    i = bisect_right(starts, char) - 1
    return i >= 0 and char < spans[i][1]


def read_page(text: str) -> Page:
    """Find the furniture and credits of an article's text."""
    spans: list[tuple[int, int]] = []
    credits: list[Credit] = []
    for m in _FURNITURE.finditer(text):
        spans.append((m.start(), m.end()))
    for m in _GALLERY.finditer(text):
        spans.append((m.start(), m.end()))
    for pattern in (_BYLINE, _SIGNATURE):
        for m in pattern.finditer(text):
            if pattern is _SIGNATURE and not _is_org(m.group("org")):
                continue  # "Jane Smith, Toronto": a name and a place, not a signature
            spans.append((m.start(), m.end()))
            for name, start in _split_names(m.group("names"), m.start("names")):
                credits.append(Credit(name, "author", start, start + len(name)))
            if m.group("org") and m.group("org").split()[-1].lower().strip(".*_") not in _JOB_WORDS:
                credits.append(_agency(m, "org"))
    for m in _CONTRIBUTED.finditer(text):
        spans.append((m.start(), m.end()))
        if _is_org(m.group("org")):
            credits.append(_agency(m, "org"))
        else:
            for name, start in _split_names(m.group("org"), m.start("org")):
                credits.append(Credit(name, "author", start, start + len(name)))
    for m in _VIDEO_REPORTER.finditer(text):
        spans.append((m.start(), m.end()))
        credits.append(Credit(m.group("names"), "author", m.start("names"), m.end("names")))
    for m in _FOLLOW.finditer(text):
        spans.append((m.start(), m.end()))
        credits.append(Credit(m.group("names"), "author", m.start("names"), m.end("names")))
    for m in _AUTHOR_NOTE.finditer(text):
        if m.start() > len(text) - 800 or re.match(r"\s*Follow (?:him|her|them)", text[m.end() : m.end() + 30]):
            spans.append((m.start(), m.end()))
            credits.append(Credit(m.group("names"), "author", m.start("names"), m.end("names")))
    for m in _AGENCY_LINE.finditer(text):
        spans.append((m.start(), m.end()))
        credits.append(_agency(m, "org"))
    for credit, span in _slash_credits(text):
        spans.append(span)
        credits.append(credit)
    credits.sort(key=lambda c: c.start)
    unique: dict[tuple[str, str], Credit] = {}
    for c in credits:
        unique.setdefault((c.name, c.kind), c)
    asides = [(m.start(), m.end()) for m in _VIDEO_BLURB.finditer(text)]
    tweets = []
    for m in _TWEET.finditer(text) if "(@" in text else ():  # a tweet signs with its handle
        # the tweet is its author's words, not the story's telling: its author is not whom a later
        # "he" or "she" stands for (what it reports stays a quote of its own)
        tweets.append((m.start("body"), m.end("body"), m.start("name"), m.end("name")))
    return Page(spans, list(unique.values()), asides, tweets)


def _agency(m: re.Match, group: str) -> Credit:
    org = _strip_org(m.group(group))
    start = m.start(group) + m.group(group).find(org)
    return Credit(org, "agency", start, start + len(org))


def _strip_org(org: str) -> str:
    org = re.sub(r"^(?:For |for )", "", org.strip()).rstrip(".,")
    org = re.sub(r"(?:\s+(?:and|of|the|for|&))+$", "", org)
    return re.sub(r"\s+(?:File Photo|Photo|Handout)$", "", org)


def _is_org(org: str) -> bool:
    words = org.lower().replace("’", "'").split()
    return any(w.strip(".,") in AGENCY_WORDS or w.strip(".,") in ORG_WORDS for w in words)


def _split_names(names: str, offset: int) -> list[tuple[str, int]]:
    out = []
    for m in re.finditer(_NAME, names):
        name = m.group(0).rstrip("_*")  # "_By Jane Doe_": Markdown's emphasis is no part of it
        if name.split()[-1].lower() not in _JOB_WORDS:  # "Jane Doe, Staff Reporter": her job
            out.append((name, offset + m.start()))
    return out


def _slash_credits(text: str) -> list[tuple[Credit, tuple[int, int]]]:
    """ "Mark Duffy/The Associated Press", "( Richard Lautens / Toronto Star )", "REUTERS/Jane Roe":
    a photographer and an agency joined by a slash, after a sentence or in brackets."""
    found = []
    for slash in re.finditer(r"\s?/\s?", text):
        left = _name_before(text, slash.start())
        if left is None:
            continue
        name = text[left[0] : left[1]]
        right = _org_after(text, slash.end())
        if right is None:
            continue
        org = _strip_org(text[right[0] : right[1]])
        org_start = right[0] + text[right[0] : right[1]].find(org)
        agency_first = _is_org(name) or (name.isupper() and " " not in name)  # "REUTERS", "AFP"
        if agency_first and not _is_org(org):
            # "REUTERS/Moe Doiron Ice and snow ...": the agency first, then the photographer,
            # whose name stops where the caption's first sentence starts
            words = list(_CAPITALISED.finditer(text, right[0], right[1]))
            if len(words) >= 3 and re.match(r" [a-z]", text[words[2].end() : words[2].end() + 2]):
                words = words[:2]
            found.append((Credit(name, "agency", left[0], left[1]), left))
            found.append(
                (
                    Credit(text[words[0].start() : words[-1].end()], "photo", words[0].start(), words[-1].end()),
                    (words[0].start(), words[-1].end()),
                )
            )
            continue
        kind = "agency" if _is_org(name) or len(name.split()) < 2 else "photo"
        found.append((Credit(name, kind, left[0], left[1]), left))
        found.append((Credit(org, "agency", org_start, org_start + len(org)), right))
    return found


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """Up to four capitalised words ending at `end` that start a line, a bracket or a sentence
    ("... on Tuesday. Mark Duffy"); None when they run on from the reporter's sentence."""
    line_start = text.rfind("\n", 0, end) + 1
    window = max(line_start, end - 80)  # a name is short: look no further back
    words = [(m.start() + window, m.group()) for m in re.finditer(r"\S+", text[window:end])]
    first, count, bounded = None, 0, window == line_start
    for pos, word in reversed(words):
        bare = word.lstrip("(")
        initial = re.fullmatch(r"(?:[A-Z]\.)+", bare) is not None
        if count and (word in ("(", "by", "By") or (word[-1] in ".:;!?)" and not initial)):
            bounded = True  # the sentence or phrase before the name
            break
        if not (initial or (re.fullmatch(_NAME_WORD, bare) and not bare.endswith("."))):
            return None
        first, count = pos + len(word) - len(bare), count + 1
        if count > 4:
            return None
        if bare is not word:
            bounded = True  # "(Steve Lawrence"
            break
    return (first, end) if first is not None and bounded else None


def _org_after(text: str, start: int) -> tuple[int, int] | None:
    """Capitalised words starting at `start`, up to an agency's head word ("Press", "Reuters")."""
    m = re.match(_ORG, text[start : start + 120])
    if not m:
        return None
    words = list(_CAPITALISED.finditer(m.group(0)))
    end = None
    for k, w in enumerate(words):
        if w.group(0).lower().strip(".") in AGENCY_WORDS:
            while k + 1 < len(words) and words[k + 1].group(0).lower().strip(".") in AGENCY_WORDS:
                k += 1
            end = words[k].end()
            break
    if end is None:
        if len(words) > 3:
            return None
        end = m.end()
    return start, start + end
