import os

from byline.tui.core.store import Store

store = Store()
(key,) = [r["id"] for r in store.records()]
synced = work / "synced"
synced.mkdir()
for path in (store.article_path(key), store.text_path(key)):
    os.replace(path, synced / path.name)
    path.symlink_to(synced / path.name)
