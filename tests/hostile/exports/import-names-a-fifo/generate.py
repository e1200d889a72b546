import json

(work / "export.json").write_text(json.dumps({
    "type": "Annotation", "body": "a note",
    "target": {"source": (work / "pipe").as_uri(),
               "selector": {"type": "TextQuoteSelector", "exact": "harbour"}}}))
