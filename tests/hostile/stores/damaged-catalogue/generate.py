people = home / "data" / "library" / "catalogue.sqlite3"
people.parent.mkdir(parents=True)
people.write_bytes(b"\x00\xff not a database" * 400)
