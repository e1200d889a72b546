# Every file of the store that was just seeded becomes unreadable.
for path in (home / "data").rglob("*.json"):
    path.write_text("{ this is not json", encoding="utf-8")
