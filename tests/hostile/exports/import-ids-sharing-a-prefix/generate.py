import json

items = [{"id": f"urn:uuid:00000000-0000-4000-8000-{i:012x}", "type": "Annotation",
          "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
          "target": {"selector": [{"type": "TextPositionSelector", "start": i % 50, "end": i % 50 + 7}]}}
         for i in range(33_000)]
(work / "export.json").write_text(json.dumps({"type": "AnnotationCollection", "first": {"items": items}}))
