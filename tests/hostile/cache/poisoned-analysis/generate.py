# A cache file for story.txt that matches its key (text, pipeline, extraction code) but is
# poisoned: a string offset, a mention of one number, escape codes in a speaker and a credit.
import orjson

from byline.tui.core import cache
from byline.tui.core.nlp import default_model
from byline.tui.core.sources import load_article

work = globals()["work"]  # the case's work folder, given by the runner

article = load_article(work / "story.txt")
model = default_model()
evil = "\x1b]0;pwned\x07\x9b31mMart Kask"
analysis = {
    "schema": "byline.analysis/2",
    "source": article.source,
    "title": article.title,
    "sha256": article.sha256,
    "model": model,
    "entities": [{"start": "0", "end": 5, "text": "Tartu", "type": "GPE"}],
    "actors": [{"id": "a1", "name": evil, "type": "PERSON", "mentions": [[3]]}],
    "numbers": [],
    "quotes": [{"start": 86, "end": 112, "text": "x", "kind": "direct", "speaker": evil}],
    "credits": [{"name": evil, "kind": "author", "start": 0, "end": 5}],
}
path = cache._file(article.sha256, model)
path.parent.mkdir(parents=True, exist_ok=True)
path.write_bytes(orjson.dumps({**cache._key(article, model), "analysis": analysis}))
