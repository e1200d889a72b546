import json

from byline.tui.core.store import Store

# One good note, then a number where a second annotation record should be.
store = Store()
(key,) = [r["id"] for r in store.records()]
path = store.article_path(key)
data = json.loads(path.read_text())
data["annotations"]["99"] = 42
path.write_text(json.dumps(data))
