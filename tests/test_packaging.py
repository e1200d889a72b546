"""What gets installed is one `byline` namespace with its styles and seeds, and it is what the
tests run against."""

from __future__ import annotations

import json
import shutil
import site
import subprocess
import sys
import zipfile
from importlib.metadata import Distribution
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _installed() -> Distribution:
    """The installed distribution (not an egg-info a build left in the checkout)."""
    return next(iter(Distribution.discover(name="byline", path=site.getsitepackages())))


def _editable() -> bool:
    direct = _installed().read_text("direct_url.json")
    return bool(direct and json.loads(direct).get("dir_info", {}).get("editable"))


def test_the_tests_import_the_installed_package_not_the_checkout():
    import byline.tui

    here = Path(byline.tui.__file__).resolve()
    if _editable():
        assert here.parent == ROOT / "tui"
    else:
        installed = Path(str(_installed().locate_file(""))).resolve()
        assert installed in here.parents and (ROOT / "tui") not in here.parents
    checkout_names = {"tui", "widgets", "styles", "seeds"}
    assert not checkout_names & set(sys.modules), "a test imported the checkout instead of byline.*"


def test_byline_tui_app_imports_from_any_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import byline.tui.app, byline.widgets.article_view"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_the_wheel_holds_only_byline_with_its_styles_and_seeds(tmp_path):
    # build from a copy of the sources (what git tracks or would), so the checkout gets no build/ folder
    tree = tmp_path / "tree"
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    for name in tracked.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(tree)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("byline-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"byline"}
    assert "byline/styles/app.tcss" in names
    for sheet in (tree / "styles").glob("*.tcss"):
        assert f"byline/styles/{sheet.name}" in names
    assert "byline/seeds/nato_riga.txt" in names
    # every package of the checkout is in the wheel (a new subpackage missing from pyproject fails here)
    for top in ("tui", "widgets", "styles", "seeds"):
        for init in (tree / top).rglob("__init__.py"):
            assert f"byline/{init.relative_to(tree).as_posix()}" in names, f"{init.parent} is not packaged"
