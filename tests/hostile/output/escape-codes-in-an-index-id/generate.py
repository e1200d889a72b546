# An article kept, then its index record edited by hand: an id and a site that would retitle the
# terminal window and ring its bell, and a C1 CSI.
import json

from byline.tui.core.sources import from_text
from byline.tui.core.store import Store

store = Store()
store.article_id(from_text("The council met on Monday. The mayor said the plan would go ahead.\n", "story.txt"))
index = store.path / "index.json"
data = json.loads(index.read_text(encoding="utf-8"))
for record in data["articles"].values():
    record["id"] = "evil\x1b]0;pwned\x07\x9b31m"
    record["site"] = "\x1b[2J\x1b[31mred site"
index.write_text(json.dumps(data), encoding="utf-8")
