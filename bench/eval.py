"""Score `byline analyze` on the shared development set: writes predictions, runs its score.py.

    python bench/eval.py [EVAL_DIR] [--json]

EVAL_DIR defaults to ../shared/eval beside the project. One model load for all articles.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from byline.tui.core.analysis import analyze  # noqa: E402
from byline.tui.core.article import load_article  # noqa: E402


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else ROOT.parent / "shared" / "eval"
    if not (eval_dir / "score.py").exists():
        print(f"no score.py in {eval_dir}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((eval_dir / "articles").glob("*.txt")):
            result = analyze(load_article(path))
            (Path(tmp) / f"{path.stem}.json").write_text(json.dumps(result.to_dict(), ensure_ascii=False))
        cmd = [sys.executable, str(eval_dir / "score.py"), str(eval_dir / "gold"), tmp]
        if "--json" in argv:
            cmd.append("--json")
        return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
