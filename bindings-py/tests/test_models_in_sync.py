"""models.py is generated from schemas/ (core's JSON Schemas): fail when it is stale."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_models_match_the_schemas() -> None:
    script = ROOT / "bindings-py" / "scripts" / "gen_models.py"
    r = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
