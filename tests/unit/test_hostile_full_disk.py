"""A disk that fills up during `byline add`: what was kept stays kept, the store's refusal is one
line, the summary says how many were added and failed, and the exit status is 1 (partial)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import OUTSIDE


@pytest.mark.slow
def test_a_disk_that_fills_during_add_is_a_partial_success(tmp_path):
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"]).returncode != 0:
        pytest.skip("no user namespaces here to mount a small disk")
    source, home = tmp_path / "stories", tmp_path / "home"
    source.mkdir()
    home.mkdir()
    for i in range(30):
        text = f"Story {i}. The mayor of town {i} said on Tuesday the plan would cost {i} million euros. " * 40
        (source / f"s{i:02}.txt").write_text(text + "\n", encoding="utf-8")
    script = f'mount -t tmpfs -o size=1m tmpfs "{home}" && exec "$@"'
    run = ["unshare", "-rm", "sh", "-c", script, "-", sys.executable, "-m", "byline.tui"]
    result = subprocess.run(
        [*run, "add", str(source), "--jobs", "1"], capture_output=True, cwd=OUTSIDE, env={"BYLINE_HOME": str(home)}
    )
    err = result.stderr.decode()
    assert "Traceback" not in err and "No space left" in err
    assert err.count("No space left") == 1, err
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("added ") and "failed" in summary, err
    added = int(summary.split()[1])
    assert added > 0 and result.returncode == 1, err
