import hashlib
import json

text = (work / "story.txt").read_text(encoding="utf-8")
text = text.strip("\n") + "\n"
sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
key = "0c67735948ad4eaeb2d0ad42fdb0f6b5"


def note(doc, ident, passage, **fields):
    start = text.index(passage)
    return doc, {"id": ident, "article": key, "anchor": {"exact": passage, "prefix": text[max(0, start - 32):start],
                 "suffix": text[start + len(passage):start + len(passage) + 32], "start": start,
                 "end": start + len(passage)}, "labels": [], "note": "", "kind": "annotation", "entity": None,
                 "created": "2025-01-02T03:04:05+00:00", "modified": "2025-01-02T03:04:05+00:00", "orphan": False,
                 **fields}


annotations = dict([note("725079540006649856", "a1" + "0" * 30, "a fair deal", labels=["claim"]),
                    note("725079540006649857", "a1" + "0" * 29 + "1", "full timetable", note="check it"),
                    note("729583139634020352", "a2" + "0" * 30, "Piet Holm", kind="correction", entity="PERSON")])
old = home / "data" / "annotations.json"
old.parent.mkdir(parents=True)
old.write_text(json.dumps({"meta": {"1": {"schema": 1, "created": "2025-01-01T00:00:00+00:00"}},
                           "articles": {"55863117397808362": {"id": key, "path": str(work / "story.txt"),
                                                              "sha256": sha, "title": "Ferry strike ends",
                                                              "seen": "2025-01-02T03:04:05+00:00"}},
                           "annotations": annotations}))
