import json
import shutil

# The article under a file name that is itself an escape sequence (it sets the terminal's title).
shutil.copy(work / "story.txt", work / "\x1b]0;pwned\x07.txt")
evil = "\x1b]0;pwned\x07 \x9b2J \x1b[31mred\x1b[0m \x07"
(work / "export.json").write_text(json.dumps([{
    "type": "Annotation",
    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "\x1b[5mclaim" + evil},
             {"type": "TextualBody", "purpose": "commenting", "value": "note " + evil}],
    "target": {"selector": [{"type": "TextQuoteSelector", "exact": "harbour plan"}]}}, {
    "type": "Annotation", "body": "orphan " + evil,
    "target": {"selector": [{"type": "TextQuoteSelector", "exact": "gone \x1b]0;x\x07 passage"}]}}],
    ensure_ascii=False))
