"""What the command-line tests share: the aircraft spec, specs written to files, running `inkubator mcda`
in-process (management command and `cli.main`) and as a real process."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inkubator.selection.methods import cli

from .examples import AIRCRAFT, AIRCRAFT_TYPES, AIRCRAFT_WEIGHTS

INKUBATOR = Path(sys.executable).parent / "inkubator"  # the console script of pyproject.toml
AIRCRAFT_NAMES = ["A1", "A2", "A3", "A4"]
AIRCRAFT_CRITERIA = ["speed", "range", "payload", "cost", "reliability", "manoeuvrability"]
AIRCRAFT_SPEC = {
    "method": "topsis",
    "matrix": AIRCRAFT,
    "weights": AIRCRAFT_WEIGHTS,
    "types": AIRCRAFT_TYPES,
    "alternatives": AIRCRAFT_NAMES,
}


def write_spec(tmp_path, spec, name="spec.json"):
    path = tmp_path / name
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec), encoding="utf-8")
    return path


def mcda(tmp_path, spec):
    """Given a spec, when `inkubator mcda SPEC.json` runs in-process, then its JSON output, parsed."""
    out = io.StringIO()
    call_command("mcda", str(write_spec(tmp_path, spec)), stdout=out)
    return json.loads(out.getvalue())


def mcda_error(tmp_path, spec, *, path=None):
    """The one-line error of a bad spec (or of `path`), checked through both entry points: the
    management command raises CommandError with exit status 2, cli.main prints `mcda: error: ...`."""
    source = str(path or write_spec(tmp_path, spec))
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("mcda", source, stdout=out)
    assert error.value.returncode == 2
    assert out.getvalue() == ""
    message = str(error.value)
    stdout, stderr = io.StringIO(), io.StringIO()
    assert cli.main([source], stdout=stdout, stderr=stderr) == 2
    assert stdout.getvalue() == ""
    assert stderr.getvalue() == f"mcda: error: {message}\n"  # one line, the same words
    return message


def run_process(args, *, stdin=None, cwd=None):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=120, cwd=cwd, env=env)


def aircraft_rows():
    return [["aircraft", *AIRCRAFT_CRITERIA]] + [[name, *row] for name, row in zip(AIRCRAFT_NAMES, AIRCRAFT)]


def file_spec(name):
    return {"method": "topsis", "matrix": name, "weights": AIRCRAFT_WEIGHTS, "types": AIRCRAFT_TYPES}


# SAW without normalisation and one criterion of weight 1: the scores are the column itself. The
# province-quota-and-budget case of test_selection.py, where greedy ranking goes wrong.
PROVINCES = {
    "method": "saw",
    "normalization": "none",
    "matrix": [[0.95], [0.90], [0.84], [0.80], [0.70], [0.60], [0.50], [0.40]],
    "weights": [1],
    "alternatives": ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"],
    "select": {
        "n": 4,
        "groups": ["32", "32", "32", "32", "35", "35", "53", "53"],
        "min_per_group": {"32": 1, "35": 1, "53": 1},
        "max_per_group": {"32": 2},
        "costs": [5, 3, 2, 2, 3, 1, 4, 1],
        "budget": 10,
    },
}

M = [[1, 2], [3, 4], [5, 7]]
SCORED = {"method": "saw", "matrix": M, "weights": [1, 1]}
