import json

(work / "export.json").write_text(json.dumps({
    "type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
    "target": {"source": (work / "shadow").as_uri(),
               "selector": {"type": "TextPositionSelector", "start": 0, "end": 30}}}))
