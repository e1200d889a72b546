# A megabyte of unclosed "<script " in an HTML block, the story after a blank line; and an HTML
# block of 30,000 unclosed "<a " (a `<` no tag closes is text, as in a browser).
work = globals()["work"]  # the case's work folder, given by the runner

(work / "scripts.md").write_text(
    "# Harbour\n\n<div>\n" + "<script " * 120_000 + "\n\nThe harbour reopened on Monday.\n"
)
(work / "brackets.md").write_text("# Brackets\n\n<div>\n" + "<a " * 30_000 + "\n\nThe pier closed on Friday.\n")
