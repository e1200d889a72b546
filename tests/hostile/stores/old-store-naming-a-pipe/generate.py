import json

records = {str(i): {"id": f"{i:032x}", "path": path, "sha256": "0" * 64, "title": "t", "seen": "x"}
           for i, path in enumerate([str(work / "pipe"), "http://127.0.0.1:9/story"], start=1)}
old = home / "data" / "annotations.json"
old.parent.mkdir(parents=True)
old.write_text(json.dumps({"meta": {"1": {"schema": 1}}, "articles": records, "annotations": {}}))
