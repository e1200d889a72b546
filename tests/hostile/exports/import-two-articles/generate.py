import json


def item(name, exact):
    return {"type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
            "target": {"source": (work / name).as_uri(), "selector": {"type": "TextQuoteSelector", "exact": exact}}}


(work / "export.json").write_text(json.dumps([item("story.txt", "harbour plan"), item("other.txt", "ferry strike")]))
