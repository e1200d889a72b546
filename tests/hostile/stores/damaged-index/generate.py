index = home / "data" / "library" / "index.json"
index.parent.mkdir(parents=True)
index.write_bytes(b'{"meta": {"1": {"schema": 2}}, "articles": {"1": {"id": "ab')
