"""Score `byline analyze` on the shared development sets: our gold labels, the Gender Gap
Tracker's and PolNeAR's. Writes predictions, runs each set's own scorer and prints the tables.

    python bench/eval.py [EVAL_DIR] [--json] [--keep DIR] [--only ours|ggt|polnear]

EVAL_DIR defaults to ../shared/eval beside the project; the GGT set is EVAL_DIR/ggt, PolNeAR's
EVAL_DIR/polnear. The model is loaded once for all articles. `--keep DIR` keeps the predictions
(DIR/ours, DIR/ggt, DIR/polnear) to read the misses; `--json` prints each scorer's totals as JSON.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from byline.tui.core.analysis import analyze  # noqa: E402
from byline.tui.core.sources import load_article  # noqa: E402


def predict(articles: Path, out: Path) -> int:
    """Analyse every article in `articles` into `out`/<name>.json; returns how many failed."""
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in sorted(articles.glob("*.txt")):
        try:
            result = analyze(load_article(path))
        except Exception as exc:  # noqa: BLE001 - a failure is a finding: report it, score the rest
            print(f"analysis failed on {path.name}: {exc!r}", file=sys.stderr)
            failed += 1
            continue
        (out / f"{path.stem}.json").write_text(json.dumps(result.to_dict(), ensure_ascii=False))
    return failed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--json", action="store_true", help="totals as JSON")
    parser.add_argument("--keep", help="keep predictions in this directory")
    parser.add_argument("--only", choices=("ours", "ggt", "polnear"), help="score one set")
    opts = parser.parse_args(argv)
    eval_dir = Path(opts.eval_dir)
    known = {
        "ours": (eval_dir, eval_dir / "score.py", [str(eval_dir / "gold")]),
        "ggt": (eval_dir / "ggt", eval_dir / "ggt" / "score_ggt.py", [str(eval_dir / "ggt")]),
        "polnear": (eval_dir / "polnear", eval_dir / "polnear" / "score_polnear.py", [str(eval_dir / "polnear")]),
    }
    sets = []
    for name, (folder, script, args) in known.items():
        if opts.only and opts.only != name:
            continue
        if not script.exists():
            print(f"no {script.name} in {folder}", file=sys.stderr)
            return 2
        sets.append((name, folder, [str(script), *args]))
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        keep = Path(opts.keep) if opts.keep else Path(tmp)
        for name, folder, scorer in sets:
            pred = keep / name
            failed = predict(folder / "articles", pred)
            print(f"== {name}: {folder}" + (f" ({failed} articles failed)" if failed else ""), flush=True)
            cmd = [sys.executable, *scorer, str(pred)] + (["--json"] if opts.json else [])
            status = subprocess.call(cmd) or status or (1 if failed else 0)
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
