"""OPML, the list of feeds every feed reader imports and exports: `<outline type="rss"
xmlUrl=... title=... htmlUrl=...>`, nested in folders or not."""

from __future__ import annotations

from email.utils import formatdate
from xml.etree import ElementTree as ET

from .errors import FeedError
from .feeds_store import Subscription
from .visible import one_line


def to_opml(subscriptions: list[Subscription]) -> bytes:
    """The feeds followed as an OPML 2.0 document."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "Byline feeds"
    ET.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = ET.SubElement(root, "body")
    for sub in subscriptions:
        attrs = {"type": "rss", "text": sub.title or sub.url, "title": sub.title or sub.url, "xmlUrl": sub.url}
        if sub.site:
            attrs["htmlUrl"] = sub.site
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def from_opml(data: bytes, name: str) -> list[tuple[str, str]]:
    """(feed address, title) of every feed an OPML document lists, folders flattened."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"{one_line(name)} is not OPML (not well-formed XML: {one_line(str(exc))[:80]})") from None
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise FeedError(f"{one_line(name)} is not OPML (no <opml> document)")
    found: list[tuple[str, str]] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in (u for u, _ in found):
            found.append((url, one_line(outline.get("title") or outline.get("text") or "").strip()))
    return found
