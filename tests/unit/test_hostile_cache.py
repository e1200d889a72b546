"""A poisoned analysis cache (a string offset, a malformed mention, a name full of escape codes,
a field of the wrong type anywhere) is a miss: the article is analysed again and the file
replaced, and export, voices and the reader never see what it held."""

from __future__ import annotations

import copy
import json
import os

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.tui.core import cache
from byline.tui.core.analysis import analyze_doc, parse
from byline.tui.core.nlp import default_model
from byline.tui.core.sources import load_article

from .test_cli import byline

#: each test reads and writes cache files of its own
pytestmark = pytest.mark.private_cache
EXAMPLES = int(os.environ.get("BYLINE_PROPERTY_EXAMPLES", "150"))
TEXT = (
    "Riga, Latvia - The harbour board approved the new pier on Monday.\n\n"
    '"We have waited ten years for this," said Anna Berzina, the board\'s chair. Critics said the '
    "12 million euro plan was rushed.\n"
)
#: JSON values of every type a field could wrongly hold.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def stored(nlp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("poison")
    path = folder / "pier.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    return article, analyze_doc(parse(article.text, nlp), article, default_model())


def poison(path, change) -> None:
    data = orjson.loads(path.read_bytes())
    change(data["analysis"])
    path.write_bytes(orjson.dumps(data))


@pytest.mark.parametrize(
    "change",
    [
        lambda a: a["entities"][0].update(start=str(a["entities"][0]["start"])),
        lambda a: a["actors"][0].update(mentions=[[1]]),
        lambda a: a["actors"][0].update(mentions="0-4"),
        lambda a: a["quotes"][0].update(kind=7),
        lambda a: a["quotes"][0].update(speaker="\x1b]0;pwned\x07Anna"),
        lambda a: a["credits"].append({"name": "\x9b31mAP", "kind": "agency", "start": 0, "end": 1}),
        lambda a: a["numbers"].append({"start": True, "end": 2}),
        lambda a: a.update(entities={"0": 1}),
    ],
    ids=["string-offset", "short-mention", "mention-string", "int-kind", "escape-speaker", "c1-credit", "bool", "dict"],
)
def test_a_poisoned_field_is_a_miss(stored, change):
    article, analysis = stored
    model = default_model()
    assert cache.store(article, model, analysis)
    (path,) = cache.cache_folder().rglob("*.json")
    poison(path, change)
    assert cache.cached(article, model) is None


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), value=JSON)
def test_any_field_replaced_by_any_value_is_served_whole_or_not_at_all(stored, data, value):
    article, analysis = stored
    model = default_model()
    record = analysis.to_dict()
    target: object = record
    path: list = []
    while isinstance(target, (dict, list)) and target and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(target) if isinstance(target, dict) else range(len(target))))
        path.append(key)
        target = target[key]
    if not path:
        return
    poisoned = copy.deepcopy(record)
    holder = poisoned
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    assert cache.store(article, model, analysis)
    (file,) = cache.cache_folder().rglob("*.json")
    raw = orjson.loads(file.read_bytes())
    raw["analysis"] = poisoned
    file.write_text(json.dumps(raw), encoding="utf-8")
    served = cache.cached(article, model)
    if served is not None:  # only when the value is one the schema allows: then every part of it works
        assert cache.valid_analysis(served.to_dict())
        assert all(0 <= e.start <= e.end <= len(article.text) for e in served.entities)


def test_export_and_voices_analyse_again_over_a_poisoned_cache(tmp_path):
    path = tmp_path / "pier.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert byline("add", str(path), "--jobs", "1").returncode == 0
    (file,) = cache.cache_folder().rglob("*.json")
    poison(file, lambda a: [q.update(start=str(q["start"]), speaker="\x1b[31mX") for q in a["quotes"]])
    for args in (("export", str(path), "-f", "md"), ("voices", str(path)), ("export", str(path), "-f", "json")):
        result = byline(*args)
        assert result.returncode == 0, result.stderr.decode()
        assert b"\x1b" not in result.stdout and b"Anna Berzina" in result.stdout
    assert cache.valid_analysis(orjson.loads(file.read_bytes())["analysis"])  # replaced
