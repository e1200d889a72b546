people = home / "data" / "library" / "people.json"
people.parent.mkdir(parents=True)
people.write_bytes(b"\x00\xff not the people")
