"""The analysis cache: an article analysed once opens again with its highlights and panel at once,
without importing spaCy.

An analysis is kept under the hash of the text it was made from and served again only when all of
these are the same: the text (sha256), the pipeline's name and version (its package's meta.json and
spaCy's version, read without importing either), and Byline's extraction version: a hash of the
code that turns a parse into an analysis, so a change to the rules can never be served an old
result. A cache file is derived data and is trusted in nothing: what it holds is checked against one
schema, the dataclasses of model.py themselves (every field of the type they declare, offsets in
the text, strings without control characters, since an analysis is made from visible text); a
file that is damaged, foreign, or fails the check in any field is a miss, so the article is
analysed again and the file replaced. Cache files are as private as the store (0600, in 0700
folders): they hold the articles' words.

    analysis = cached(article, model)      # Analysis, or None: analyse, then
    store(article, model, analysis)
    analysis = analysis_of(article, model)  # the two together: cached, else analysed and kept
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import os
import re
import types
import typing
from functools import cache
from pathlib import Path

import orjson

from .model import Analysis, Credit, Entity, Number, Quote
from .paths import resolved
from .sources import Article
from .visible import visible

SCHEMA = "byline.cache/1"
#: The core modules an analysis depends on, beside the whole extract package.
EXTRACTION_MODULES = ("analysis.py", "model.py", "entity_types.py")


@cache
def extraction_version() -> str:
    """A hash of the extraction code itself (extract/ and the modules it rests on), read as files
    of the installed package: a changed rule is a new version, with nothing to remember."""
    from importlib.resources import files

    return code_digest(files("byline.tui.core"))


def code_digest(core) -> str:
    """The hash of the extraction code under `core` (the folder of byline.tui.core: a Path or an
    importlib.resources Traversable)."""
    digest = hashlib.sha256()

    def add(item, name: str) -> None:
        digest.update(name.encode() + b"\0" + item.read_bytes() + b"\0")

    for name in EXTRACTION_MODULES:
        add(core / name, name)
    pending = [(core / "extract", "extract")]
    while pending:
        folder, prefix = pending.pop()
        for item in sorted(folder.iterdir(), key=lambda i: i.name):
            if item.is_dir() and item.name != "__pycache__":
                pending.append((item, f"{prefix}/{item.name}"))
            elif item.name.endswith(".py"):
                add(item, f"{prefix}/{item.name}")
    return digest.hexdigest()[:20]


def _meta_version(folder: Path) -> str | None:
    try:
        meta = orjson.loads((folder / "meta.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(meta, dict) or not meta.get("version"):
        return None
    return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta['version']}"


def _package_version(name: str) -> str | None:
    """An installed distribution's version (importlib.metadata: imported only here, as it costs
    about 50 ms, before the analysis process can start, on every start)."""
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _spacy_version() -> str | None:
    """spaCy's version, read from its about.py without importing spaCy (or importlib.metadata);
    from the installed distribution where that file does not say."""
    try:
        spec = importlib.util.find_spec("spacy")
        if spec is not None and spec.origin:
            about = (Path(spec.origin).parent / "about.py").read_text(encoding="utf-8")
            if found := re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", about, re.M):
                return found.group(1)
    except (ImportError, ValueError, OSError, UnicodeDecodeError):
        pass
    return _package_version("spacy")


@cache
def model_version(model: str) -> str | None:
    """The pipeline's version and spaCy's, without importing them; None when it cannot be told
    (then nothing is cached, rather than serving a result of another pipeline)."""
    spacy = _spacy_version()
    if spacy is None:
        return None
    folder = Path(model).expanduser()
    if os.sep in model or folder.is_dir():  # spacy.load also takes a pipeline's folder
        version = _meta_version(folder)
        if version is None:
            return None
        try:
            stamp = (folder / "meta.json").stat().st_mtime_ns
        except OSError:
            return None
        return f"{version}@{resolved(folder)}:{stamp}+spacy-{spacy}"
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    version = _meta_version(Path(next(iter(spec.submodule_search_locations))))
    if version is None:
        version = _package_version(model)
        if version is None:
            return None
    return f"{model}:{version}+spacy-{spacy}"


def cache_folder() -> Path:
    from .paths import cache_dir

    return cache_dir() / "analyses"


def _file(sha256: str, model: str) -> Path:
    name = hashlib.sha256(model.encode("utf-8", "replace")).hexdigest()[:16]
    return cache_folder() / sha256[:2] / f"{sha256}.{name}.json"


def _key(article: Article, model: str) -> dict | None:
    version = model_version(model)
    if version is None:
        return None
    return {
        "schema": SCHEMA,
        "sha256": article.sha256,
        "model": model,
        "model_version": version,
        "extraction": extraction_version(),
    }


def valid_analysis(data: object) -> bool:
    """Whether `data` is an analysis as model.py declares it, in every field and every record:
    the one schema a cache file is read against."""
    return isinstance(data, dict) and _valid(data, Analysis, extra={"schema"})


@cache
def _fields(cls: type) -> tuple[dict[str, object], frozenset[str]]:
    """A dataclass's field types, and the fields it cannot do without."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    required = frozenset(
        f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )
    return {f.name: hints[f.name] for f in fields}, required


def _valid(value: object, hint: object, extra: set[str] | None = None) -> bool:
    """`value` (as JSON gives it) has the type `hint` declares (a dataclass, list, tuple, union,
    int, float, str, bool or None); strings hold no control character."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, dict):
            return False
        types_, required = _fields(hint)
        if not required <= value.keys() or not value.keys() <= types_.keys() | (extra or set()):
            return False
        return all(_valid(item, types_[key]) for key, item in value.items() if key in types_)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:  # one of the words the model allows (Quote.source)
        return any(value == arg and type(value) is type(arg) for arg in args)
    if origin in (typing.Union, types.UnionType):
        return any(_valid(value, arg) for arg in args)
    if origin is list:
        return isinstance(value, list) and all(_valid(item, args[0]) for item in value)
    if origin is tuple:
        return isinstance(value, (list, tuple)) and len(value) == len(args) and all(map(_valid, value, args))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str) and visible(value) == value
    return False


def _fits(analysis: Analysis, text: str) -> bool:
    size = len(text)
    spans: list[Entity | Number | Quote | Credit] = [
        *analysis.entities,
        *analysis.numbers,
        *analysis.quotes,
        *analysis.credits,
    ]
    return all(0 <= s.start <= s.end <= size for s in spans) and all(
        0 <= a <= b <= size for actor in analysis.actors for a, b in actor.mentions
    )


def cached(article: Article, model: str | None = None) -> Analysis | None:
    """The analysis of exactly this text by this pipeline and extraction version, or None.

    Fast (one small file, no spaCy). The analysis names this article's source and title."""
    try:
        if model is None:
            from .nlp import default_model

            model = default_model()
        key = _key(article, model)
        if key is None:
            return None
        data = orjson.loads(_file(article.sha256, model).read_bytes())
        if not isinstance(data, dict) or any(data.get(k) != v for k, v in key.items()):
            return None
        if not valid_analysis(data.get("analysis")):
            return None
        analysis = Analysis.from_dict(data["analysis"])
        if analysis.sha256 != article.sha256 or not _fits(analysis, article.text):
            return None
    except Exception:  # noqa: BLE001 - a missing, damaged or foreign file is a miss, never a crash
        return None
    analysis.source, analysis.title = article.source, article.title
    return analysis


def latest(sha256: str) -> Analysis | None:
    """The newest analysis kept of a text, by any pipeline or extraction version: what the
    library counts from when it rebuilds its catalogue (derived data; the reader and `analyze`
    use `cached`, which serves only an analysis of the current version)."""
    try:
        with os.scandir(cache_folder() / sha256[:2]) as entries:
            files = [e for e in entries if e.name.startswith(f"{sha256}.") and e.name.endswith(".json")]
        files.sort(key=lambda e: e.stat().st_mtime)
    except OSError:
        return None
    for file in reversed(files):
        try:
            data = orjson.loads(Path(file.path).read_bytes())
            analysis = Analysis.from_dict(data["analysis"])
        except Exception:  # noqa: BLE001 - a damaged or foreign file is a miss, never a crash
            continue
        if analysis.sha256 == sha256:
            return analysis
    return None


def _private_folders(folder: Path) -> None:
    """The cache folders down to `folder`, each readable by its owner only (0700): the analyses
    quote the articles, which are the user's reading."""
    from .paths import cache_dir

    top = cache_dir()
    top.parent.mkdir(parents=True, exist_ok=True)
    chain = [folder, *folder.parents]
    for part in reversed(chain[: chain.index(top) + 1] if top in chain else [folder]):
        part.mkdir(mode=0o700, exist_ok=True)
        if part.stat().st_mode & 0o077:
            os.chmod(part, 0o700)


#: The cache folders this process made private and swept already.
_READY: set[Path] = set()


def store(article: Article, model: str, analysis: Analysis) -> bool:
    """Keep an analysis of `article` by `model` for next time; False when it cannot be kept
    (an analysis of another text, an unknown pipeline version, a disk that refuses)."""
    key = _key(article, model)
    if key is None or analysis.sha256 != article.sha256:
        return False
    from .atomic import sweep, write_atomically

    path = _file(article.sha256, model)
    try:
        payload = orjson.dumps({**key, "analysis": orjson.Fragment(analysis.to_json())})
        for attempt in (1, 2):
            if path.parent not in _READY:  # once per folder and process, not once per analysis
                _private_folders(path.parent)
                sweep(path.parent)  # what a killed writer left
                _READY.add(path.parent)
            try:
                write_atomically(path, payload, durable=False)
                break
            except FileNotFoundError:  # its folder was removed meanwhile (the cache cleared): made again
                _READY.discard(path.parent)
                if attempt == 2:
                    raise
        os.chmod(path, 0o600)  # whatever the umask, or a file left by an older Byline
    except (OSError, TypeError, orjson.JSONEncodeError):
        return False
    return True


def analysis_of(article: Article, model: str | None = None) -> Analysis:
    """The article's analysis: the cached one when this text was analysed before by this
    pipeline and extraction code (no spaCy), else a new one, kept for next time."""
    from .analysis import analyze
    from .nlp import default_model

    model = model or default_model()
    found = cached(article, model)
    if found is None:
        found = analyze(article, model)
        store(article, model, found)
    return found
