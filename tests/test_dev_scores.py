"""The dev-set scorer runs end to end against the library (skipped without ../shared)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.corpus]

# Floors under today's dev-set scores, so that a regression fails loudly. Raise them as we improve.
FLOORS = {"title": 0.95, "published": 0.95, "dateline_place": 0.95, "contacts": 0.9, "dates": 0.9,
          "people": 0.8, "quotes": 0.9, "mean": 0.82}


def test_scorer_runs_and_scores_stay_above_floors(dev: Path) -> None:
    scorer = dev.parent / "score.py"
    out = subprocess.run([sys.executable, str(scorer), str(dev), "--json"], capture_output=True, text=True,
                         timeout=600, check=True)
    fields = json.loads(out.stdout)["fields"]
    low = {k: fields[k]["f1"] for k, floor in FLOORS.items() if fields[k]["f1"] < floor}
    assert not low, f"below the floor: {low}"
