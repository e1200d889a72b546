old = home / "data" / "annotations.json"
old.parent.mkdir(parents=True)
old.write_bytes(b'{"meta": {"1": {"schema": 1}}, "annotations": {"1": {"id": "half')
