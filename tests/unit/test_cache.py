"""The analysis cache: an analysed article opens again without spaCy, and never with an analysis
of another text, pipeline or extraction version."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from importlib.resources import files
from pathlib import Path

import orjson
import pytest

from byline.tui.core import cache
from byline.tui.core.analysis import analyze_doc, parse
from byline.tui.core.nlp import default_model
from byline.tui.core.sources import from_text, load_article
from tests.conftest import OUTSIDE

#: These tests look at the cache itself: each starts with an empty one.
pytestmark = pytest.mark.private_cache

TEXT = (
    "Bridge reopens in Carrowmore\n\nThe county engineer, Tomas Lindqvist, said the bridge was safe again. "
    '"We checked every bolt," Lindqvist told reporters on Friday. About 4,000 cars cross it each day.\n'
)


@pytest.fixture
def model() -> str:
    return default_model()


@pytest.fixture
def analysed(tmp_path, nlp, model):
    """An article file and its analysis by the real pipeline."""
    path = tmp_path / "bridge.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    return article, analyze_doc(parse(article.text, nlp), article, model)


def test_an_analysis_stored_is_served_again_whole(analysed, model):
    article, analysis = analysed
    assert cache.cached(article, model) is None
    assert cache.store(article, model, analysis)
    again = cache.cached(article, model)
    assert again is not None and again.to_dict() == analysis.to_dict()
    assert any(a.name == "Tomas Lindqvist" for a in again.actors) and again.quotes


def test_the_same_text_from_elsewhere_gets_it_with_its_own_source_and_title(analysed, model):
    article, analysis = analysed
    cache.store(article, model, analysis)
    piped = from_text(TEXT, "<stdin>", title="Bridge (piped)")
    served = cache.cached(piped, model)
    assert served is not None and served.source == "<stdin>" and served.title == "Bridge (piped)"
    assert [e.text for e in served.entities] == [e.text for e in analysis.entities]


def test_never_an_analysis_of_another_text_or_pipeline(analysed, model):
    article, analysis = analysed
    cache.store(article, model, analysis)
    edited = from_text(TEXT.replace("Friday", "Thursday"), str(article.path), article.path)
    assert cache.cached(edited, model) is None
    assert cache.cached(article, "en_core_web_lg") is None
    assert not cache.store(edited, model, analysis)  # an analysis of another text is not kept for it


def test_never_an_analysis_of_another_extraction_version(analysed, model, monkeypatch):
    article, analysis = analysed
    cache.store(article, model, analysis)
    monkeypatch.setattr(cache, "extraction_version", lambda: "changed-rules")
    assert cache.cached(article, model) is None


def test_the_extraction_version_is_the_code_itself(tmp_path):
    """Copy the installed extraction code, change one rule file: a different version."""
    core = Path(str(files("byline.tui.core")))
    copy = tmp_path / "core"
    shutil.copytree(core, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert cache.code_digest(copy) == cache.code_digest(core) == cache.extraction_version()
    quotes = copy / "extract" / "quotes.py"
    quotes.write_text(quotes.read_text() + "\n# one more rule\n")
    assert cache.code_digest(copy) != cache.code_digest(core)
    (copy / "analysis.py").write_text((core / "analysis.py").read_text() + "\n")
    quotes.write_text((core / "extract" / "quotes.py").read_text())
    assert cache.code_digest(copy) != cache.code_digest(core)


@pytest.mark.parametrize(
    "damage", [b"", b"\x00\xffnot json", b"[1, 2]", b'{"schema": "byline.cache/1"}', "analysis", "offsets"]
)
def test_a_damaged_cache_file_is_a_miss_and_is_replaced(analysed, model, damage):
    article, analysis = analysed
    cache.store(article, model, analysis)
    (path,) = cache.cache_folder().rglob("*.json")
    if damage == "analysis":
        data = orjson.loads(path.read_bytes())
        del data["analysis"]["entities"][0]["start"]
        damage = orjson.dumps(data)
    elif damage == "offsets":  # an analysis that does not fit the text it claims
        data = orjson.loads(path.read_bytes())
        data["analysis"]["quotes"][0]["end"] = len(TEXT) + 50
        damage = orjson.dumps(data)
    path.write_bytes(damage)
    assert cache.cached(article, model) is None
    assert cache.store(article, model, analysis)
    assert cache.cached(article, model).to_dict() == analysis.to_dict()


def test_an_unknown_pipeline_is_never_cached(analysed):
    article, analysis = analysed
    assert cache.model_version("no_such_pipeline_xyz") is None
    assert not cache.store(article, "no_such_pipeline_xyz", analysis)
    assert cache.cached(article, "no_such_pipeline_xyz") is None


def test_the_version_of_a_pipeline_is_read_without_importing_spacy(model):
    """Nor importlib.metadata (50 ms before the analysis process can start); spaCy's version as
    its installed distribution says, so an analysis cached before is still found."""
    import importlib.metadata

    code = textwrap.dedent(f"""
        import sys
        from byline.tui.core.cache import model_version
        version = model_version({model!r})
        print(version, 'spacy' in sys.modules, 'en_core_web_sm' in ' '.join(sys.modules),
              'importlib.metadata' in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=OUTSIDE).stdout.split()
    assert out[1:] == ["False", "False", "False"]
    assert out[0].endswith(f"+spacy-{importlib.metadata.version('spacy')}")


def test_a_cached_open_does_not_import_spacy(analysed, model):
    article, analysis = analysed
    cache.store(article, model, analysis)
    code = textwrap.dedent(f"""
        import sys
        from byline.tui.core.cache import cached
        from byline.tui.core.sources import load_article
        found = cached(load_article({str(article.path)!r}), {model!r})
        print(len(found.actors), len(found.quotes), 'spacy' in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=OUTSIDE)
    assert out.stdout.split() == [str(len(analysis.actors)), str(len(analysis.quotes)), "False"], out.stderr


def test_a_cache_folder_that_cannot_be_written_is_no_error(analysed, model, tmp_path, monkeypatch):
    article, analysis = analysed
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setattr(cache, "cache_folder", lambda: blocked / "analyses")
    assert not cache.store(article, model, analysis)
    assert cache.cached(article, model) is None


def test_the_reader_s_prefetch_keeps_each_analysis_and_serves_it_next_time(analysed, model):
    from byline.tui.core.library import Library
    from byline.tui.core.prefetch import Prefetch

    article, analysis = analysed
    first = Prefetch.start(article, model)
    assert first is not None and first.cached is None
    assert first.result().to_dict() == analysis.to_dict()
    assert first.finished(timeout=60)
    again = Prefetch.start(article, model)
    assert again.cached is not None and again.result().to_dict() == analysis.to_dict()
    (entry,) = Library().entries()
    assert (entry.title, entry.actors, entry.quotes) == (article.title, len(analysis.actors), len(analysis.quotes))
    assert Library().find("Tomas Lindqvist")
