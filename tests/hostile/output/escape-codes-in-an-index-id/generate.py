# An article kept, then its record edited by hand in its file: an id and a site that would retitle
# the terminal window and ring its bell, and a C1 CSI.
import json

from byline.tui.core.sources import from_text
from byline.tui.core.store import Store

store = Store()
key, _ = store.article_id(
    from_text("The council met on Monday. The mayor said the plan would go ahead.\n", "story.txt")
)
path = store.article_path(key)
data = json.loads(path.read_text(encoding="utf-8"))
meta = data["meta"]["1"]
meta["article"] = meta["record"]["id"] = "evil\x1b]0;pwned\x07\x9b31m"
meta["record"]["site"] = "\x1b[2J\x1b[31mred site"
path.write_text(json.dumps(data), encoding="utf-8")
