import json

from byline.tui.core.store import Store

store = Store()
(key,) = [r["id"] for r in store.records()]
path = store.article_path(key)
data = json.loads(path.read_text())
data["annotations"]["99"] = {"id": "\x1b]0;pwned\x07\x9b31m", "anchor": "nowhere"}
path.write_text(json.dumps(data))
