index = home / "data" / "library" / "index.json"
index.parent.mkdir(parents=True)
index.write_bytes(b"[" * 100_000 + b"]" * 100_000)
