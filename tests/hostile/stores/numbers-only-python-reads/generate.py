from byline.tui.core.store import Store

store = Store()
(key,) = [r["id"] for r in store.records()]
path = store.article_path(key)
raw = path.read_text().replace('"orphan":false', '"orphan":false,"weight":123456789012345678901234567890,"x":NaN', 1)
assert "NaN" in raw
path.write_text(raw)
