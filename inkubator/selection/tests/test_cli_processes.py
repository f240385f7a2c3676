"""`inkubator mcda` as real processes (the `inkubator` console script and `python -m
inkubator.selection.methods`) and reading standard input: exit status, stdout and stderr."""

import io
import json
import sys

import pytest
from django.core.management import call_command

from inkubator.selection.methods import topsis

from .cli_helpers import AIRCRAFT_SPEC, INKUBATOR, PROVINCES, SCORED, run_process, write_spec
from .examples import AIRCRAFT, AIRCRAFT_RANKING, AIRCRAFT_TYPES, AIRCRAFT_WEIGHTS, DRINKS, DRINKS_PRIORITIES

# -- standard input and real processes ---------------------------------------------------------------


def test_management_command_reads_standard_input():
    out = io.StringIO()
    call_command("mcda", "-", stdin=io.StringIO(json.dumps(AIRCRAFT_SPEC)), stdout=out)
    assert json.loads(out.getvalue())["ranking"] == AIRCRAFT_RANKING


def test_compact_output_with_indent_0(tmp_path):
    out = io.StringIO()
    call_command("mcda", str(write_spec(tmp_path, AIRCRAFT_SPEC)), "--indent", "0", stdout=out)
    assert out.getvalue().count("\n") <= 1
    assert json.loads(out.getvalue())["ranking"] == AIRCRAFT_RANKING


ENTRY_POINTS = {
    "console script": [str(INKUBATOR), "mcda"],
    "python -m": [sys.executable, "-m", "inkubator.selection.methods"],
}


def test_the_console_script_is_installed():
    assert INKUBATOR.exists(), "the `inkubator` console script is missing: pip install -e ."


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_process_reads_a_spec_file(tmp_path, entry):
    spec = write_spec(tmp_path, AIRCRAFT_SPEC)
    done = run_process([*ENTRY_POINTS[entry], str(spec)])
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["ranking"] == AIRCRAFT_RANKING
    assert out["scores"] == topsis(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES).closeness.tolist()


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_process_reads_standard_input(tmp_path, entry):
    spec = {"method": "ahp", "pairwise": DRINKS}
    done = run_process([*ENTRY_POINTS[entry], "-"], stdin=json.dumps(spec), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [round(w, 3) for w in json.loads(done.stdout)["weights"]] == DRINKS_PRIORITIES


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_process_reads_select_and_a_csv_matrix(tmp_path, entry):
    (tmp_path / "provinces.csv").write_text("name,score\n" + "\n".join(
        f"{name},{row[0]}" for name, row in zip(PROVINCES["alternatives"], PROVINCES["matrix"])))  # fmt: skip
    spec = {**PROVINCES, "matrix": "provinces.csv"}
    del spec["alternatives"]
    done = run_process([*ENTRY_POINTS[entry], str(write_spec(tmp_path, spec))])
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["selected_names"] == ["c0", "c1", "c5", "c7"]
    assert out["binding"] == ["budget", "min_per_group:53"]


@pytest.mark.parametrize(
    "entry,prefix", [("console script", "CommandError: "), ("python -m", "mcda: error: ")]
)
@pytest.mark.parametrize(
    "stdin,message",
    [
        (json.dumps({"method": "ahp", "pairwise": [[1, 3], [3, 1]]}),
         "pairwise matrix is not reciprocal: entry (0, 1) is 3 but entry (1, 0) is 3, not 1/3."),
        (json.dumps({**SCORED, "weights": [0, 0]}), "weights are all zero; at least one criterion needs a positive weight."),
        ("{not json", "standard input is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2."),
    ],
)  # fmt: skip
def test_process_refuses_bad_input_with_status_2(entry, prefix, stdin, message):
    done = run_process([*ENTRY_POINTS[entry], "-"], stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"{prefix}{message}\n"


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_process_refuses_a_missing_file(tmp_path, entry):
    done = run_process([*ENTRY_POINTS[entry], str(tmp_path / "nowhere.json")])
    assert done.returncode == 2
    assert done.stderr.strip().endswith(f"input file not found: {tmp_path / 'nowhere.json'}")
    assert done.stderr.count("\n") == 1
