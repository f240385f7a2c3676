"""`inkubator mcda`: the published examples, selection, sensitivity, CSV/XLSX matrices and every kind of
bad input, through the management command (`call_command`), the plain command line (`cli.main`) and
real subprocesses (the `inkubator` console script and `python -m inkubator.selection.methods`)."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inkubator.selection.methods import (
    ahp_weights,
    cli,
    critic_weights,
    entropy_weights,
    saw,
    sensitivity,
    topsis,
)

from .examples import (
    AIRCRAFT,
    AIRCRAFT_CLOSENESS,
    AIRCRAFT_RANKING,
    AIRCRAFT_S_MINUS,
    AIRCRAFT_S_PLUS,
    AIRCRAFT_TYPES,
    AIRCRAFT_WEIGHTS,
    CRITIC_EXAMPLE,
    CRITIC_TYPES,
    CRITIC_WEIGHTS,
    DRINKS,
    DRINKS_CR,
    DRINKS_NAMES,
    DRINKS_PRIORITIES,
    ENTROPY_EXAMPLE,
    ENTROPY_WEIGHTS,
)

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


# -- published worked examples -------------------------------------------------------------------------


def test_topsis_aircraft_example_of_hwang_and_yoon(tmp_path):
    out = mcda(tmp_path, AIRCRAFT_SPEC)
    assert out["method"] == "topsis" and out["normalization"] == "vector"
    assert out["alternatives"] == AIRCRAFT_NAMES
    assert out["weights"] == AIRCRAFT_WEIGHTS  # used as given
    assert out["ranking"] == AIRCRAFT_RANKING == [1, 4, 2, 3]
    # the book's figures (it rounds every step to 4 decimals) ...
    assert out["scores"] == pytest.approx(AIRCRAFT_CLOSENESS, abs=1e-3)
    assert out["d_plus"] == pytest.approx(AIRCRAFT_S_PLUS, abs=2e-4)
    assert out["d_minus"] == pytest.approx(AIRCRAFT_S_MINUS, abs=2e-4)
    # ... and, in exact arithmetic, these to 4 decimals, digit for digit the module's own numbers
    assert [round(v, 4) for v in out["scores"]] == [0.6433, 0.2684, 0.6135, 0.3123]
    assert [round(v, 4) for v in out["d_plus"]] == [0.0546, 0.1197, 0.058, 0.1009]
    assert [round(v, 4) for v in out["d_minus"]] == [0.0984, 0.0439, 0.092, 0.0458]
    reference = topsis(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES)
    assert out["scores"] == reference.closeness.tolist()
    assert out["d_plus"] == reference.d_plus.tolist()
    assert out["d_minus"] == reference.d_minus.tolist()


def test_saaty_drinks_example(tmp_path):
    out = mcda(tmp_path, {"method": "ahp", "pairwise": DRINKS, "criteria": DRINKS_NAMES})
    assert out["ahp_method"] == "eigenvector"
    assert out["criteria"] == DRINKS_NAMES
    assert "experts" not in out  # one matrix, not seven experts
    assert [round(w, 3) for w in out["weights"]] == DRINKS_PRIORITIES
    assert round(out["cr"], 3) == DRINKS_CR
    assert out["ri"] == 1.32
    # λmax is not printed in the paper; its CR implies 7 + 6 × 1.32 × 0.022 ≈ 7.17
    assert round(out["lambda_max"], 3) == 7.177
    assert out["ci"] == pytest.approx((out["lambda_max"] - 7) / 6, rel=1e-12)
    assert out["cr"] == pytest.approx(out["ci"] / 1.32, rel=1e-12)
    reference = ahp_weights(DRINKS)
    assert out["weights"] == reference.weights.tolist()
    assert out["lambda_max"] == reference.lambda_max
    worst = out["inconsistent_judgements"]
    assert len(worst) == 3 and worst[0]["error"] >= worst[1]["error"] >= worst[2]["error"]
    assert set(worst[0]) == {"i", "j", "judgement", "implied", "error"}


@pytest.mark.parametrize("ahp_method", ["geometric_mean", "approximate"])
def test_saaty_drinks_example_with_the_other_weighting_methods(tmp_path, ahp_method):
    out = mcda(tmp_path, {"method": "ahp", "pairwise": DRINKS, "ahp_method": ahp_method})
    reference = ahp_weights(DRINKS, method=ahp_method)
    assert out["ahp_method"] == ahp_method
    assert out["weights"] == reference.weights.tolist()
    assert round(out["cr"], 3) == DRINKS_CR  # λmax, CI and CR describe the judgements, not the method
    assert out["weights"] == pytest.approx(DRINKS_PRIORITIES, abs=0.01)  # close to the eigenvector


def test_ahp_experts_are_aggregated_by_geometric_mean(tmp_path):
    first = [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]
    second = [[1, 8, 1], [1 / 8, 1, 1 / 2], [1, 2, 1]]
    out = mcda(tmp_path, {"method": "ahp", "pairwise": [first, second]})
    assert out["experts"] == 2
    assert out["weights"] == ahp_weights([first, second]).weights.tolist()


def test_entropy_example(tmp_path):
    out = mcda(tmp_path, {"method": "entropy", "matrix": ENTROPY_EXAMPLE})
    assert out["weights"] == pytest.approx(ENTROPY_WEIGHTS, abs=1e-6)
    assert out["weights"][1] == pytest.approx(0.0, abs=1e-15) and out["entropy"][1] == pytest.approx(1.0, abs=1e-15)
    assert out["entropy"][0] == pytest.approx(0.946395, abs=1e-6)
    assert out["entropy"][2] == pytest.approx(0.511860, abs=1e-6)
    assert out["weights"] == entropy_weights(ENTROPY_EXAMPLE).weights.tolist()
    assert set(out) == {"method", "weights", "entropy", "divergence"}


def test_critic_example(tmp_path):
    out = mcda(tmp_path, {"method": "critic", "matrix": CRITIC_EXAMPLE, "types": CRITIC_TYPES})
    assert out["weights"] == pytest.approx(CRITIC_WEIGHTS, rel=1e-12)
    assert out["std"] == pytest.approx([0.5, 0.5, 0.5], rel=1e-12)
    assert out["information"] == pytest.approx([1.0, 1.25, 1.75], rel=1e-12)
    assert out["weights"] == critic_weights(CRITIC_EXAMPLE, CRITIC_TYPES).weights.tolist()


def test_topsis_with_weights_from_entropy_and_from_ahp(tmp_path):
    out = mcda(tmp_path, {**AIRCRAFT_SPEC, "weights": "entropy"})
    assert out["weights_from"] == "entropy"
    weights = entropy_weights(AIRCRAFT).weights
    assert out["weights"] == weights.tolist()
    assert out["scores"] == topsis(AIRCRAFT, weights, AIRCRAFT_TYPES).closeness.tolist()

    pairwise = (np.array([1, 1, 1, 1, 2, 3.0])[:, None] / np.array([1, 1, 1, 1, 2, 3.0])[None, :]).tolist()
    out = mcda(tmp_path, {**AIRCRAFT_SPEC, "weights": "ahp", "pairwise": pairwise})
    assert out["weights_from"] == "ahp"
    assert out["weights"] == pytest.approx([1 / 9, 1 / 9, 1 / 9, 1 / 9, 2 / 9, 3 / 9])
    assert out["ahp"]["cr"] == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("normalization", ["none", "max", "sum", "minmax", "vector"])
def test_saw_with_every_normalization(tmp_path, normalization):
    out = mcda(tmp_path, {**AIRCRAFT_SPEC, "method": "saw", "normalization": normalization})
    reference = saw(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, normalization=normalization)
    assert out["normalization"] == normalization
    assert out["scores"] == reference.scores.tolist()
    assert out["ranking"] == reference.ranking.tolist()
    assert "d_plus" not in out


def test_saw_defaults_to_max_normalization_and_ties_share_the_smaller_rank(tmp_path):
    out = mcda(tmp_path, {"method": "saw", "matrix": [[2, 4], [4, 2], [1, 1], [4, 4]], "weights": [1, 1]})
    assert out["normalization"] == "max"
    assert out["scores"] == [1.5, 1.5, 0.5, 2.0]
    assert out["ranking"] == [2, 2, 4, 1]


# -- selection and sensitivity -------------------------------------------------------------------------

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


def test_select_under_province_quotas_and_a_budget(tmp_path):
    out = mcda(tmp_path, PROVINCES)
    assert out["selected"] == [0, 1, 5, 7]  # greedy by rank with quotas first gives [0, 4, 5, 7] = 2.65
    assert out["selected_names"] == ["c0", "c1", "c5", "c7"]
    assert out["objective"] == pytest.approx(2.85, abs=1e-12)
    assert out["cost"] == 10
    assert out["group_counts"] == {"32": 2, "35": 1, "53": 1}
    assert out["binding"] == ["budget", "min_per_group:53"]


def test_select_names_must_include_and_exclude_by_alternative_name(tmp_path):
    spec = {**PROVINCES, "select": {"n": 2, "must_include": ["c7"], "must_exclude": [0]}}
    out = mcda(tmp_path, spec)
    assert out["selected"] == [1, 7]
    assert out["binding"] == ["must_include", "must_exclude"]
    assert "cost" not in out and "group_counts" not in out


def test_sensitivity_is_reproducible_with_a_seed(tmp_path):
    # Alternative 0 dominates every other (best on both criteria) and 4 is dominated by every other:
    # 0 is in the top 2 of every draw, 4 in none, whatever the weights.
    matrix = [[9, 9], [8, 3], [3, 8], [6, 6], [1, 1]]
    spec = {"method": "saw", "matrix": matrix, "weights": [0.5, 0.5], "select": {"n": 2},
            "sensitivity": {"draws": 500, "concentration": 20, "seed": 7}}  # fmt: skip
    out = mcda(tmp_path, spec)
    again = mcda(tmp_path, spec)
    assert out == again
    assert out["sensitivity"] == {"n": 2, "draws": 500, "concentration": 20.0, "seed": 7}
    assert out["selected"] == [0, 3]
    assert out["selection_probability"][0] == 1.0 and out["rank_interval"][0] == [1, 1]
    assert out["selection_probability"][4] == 0.0 and out["rank_interval"][4] == [5, 5]
    assert sum(out["selection_probability"]) == pytest.approx(2.0)
    reference = sensitivity(matrix, [0.5, 0.5], n=2, method="saw", draws=500, concentration=20, seed=7)
    assert out["selection_probability"] == reference.selection_probability.tolist()
    assert out["rank_interval"] == reference.rank_interval.tolist()
    changed = mcda(tmp_path, {**spec, "sensitivity": {"draws": 500, "concentration": 20, "seed": 8}})
    assert changed["selection_probability"] != out["selection_probability"]


def test_topsis_sensitivity_with_n_given_in_sensitivity(tmp_path):
    out = mcda(tmp_path, {**AIRCRAFT_SPEC, "sensitivity": {"n": 1, "draws": 200, "seed": 1}})
    reference = sensitivity(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, n=1, method="topsis", draws=200, seed=1)
    assert out["selection_probability"] == reference.selection_probability.tolist()
    assert out["rank_interval"] == reference.rank_interval.tolist()
    assert out["sensitivity"]["concentration"] == 100.0  # the default
    assert "selected" not in out


# -- matrices from CSV and XLSX files ------------------------------------------------------------------


def aircraft_rows():
    return [["aircraft", *AIRCRAFT_CRITERIA]] + [[name, *row] for name, row in zip(AIRCRAFT_NAMES, AIRCRAFT)]


def file_spec(name):
    return {"method": "topsis", "matrix": name, "weights": AIRCRAFT_WEIGHTS, "types": AIRCRAFT_TYPES}


def test_matrix_from_a_csv_file_next_to_the_spec(tmp_path):
    (tmp_path / "aircraft.csv").write_text("\n".join(",".join(map(str, row)) for row in aircraft_rows()) + "\n")
    out = mcda(tmp_path, file_spec("aircraft.csv"))  # relative to the spec's folder, not the working one
    inline = mcda(tmp_path, AIRCRAFT_SPEC)
    assert out["scores"] == inline["scores"] and out["ranking"] == AIRCRAFT_RANKING
    assert out["alternatives"] == AIRCRAFT_NAMES
    assert out["criteria"] == AIRCRAFT_CRITERIA


def test_matrix_from_a_semicolon_csv_with_decimal_commas(tmp_path):
    lines = [";".join(str(v).replace(".", ",") for v in row) for row in aircraft_rows()]
    (tmp_path / "aircraft.csv").write_text("\n".join(lines), encoding="cp1252")
    out = mcda(tmp_path, file_spec("aircraft.csv"))
    assert out["scores"] == mcda(tmp_path, AIRCRAFT_SPEC)["scores"]


def test_matrix_from_an_xlsx_file(tmp_path):
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(tmp_path / "aircraft.xlsx"))
    sheet = workbook.add_worksheet("Matrix")
    for i, row in enumerate(aircraft_rows()):
        sheet.write_row(i, 0, row)
    workbook.close()
    out = mcda(tmp_path, {**file_spec(str(tmp_path / "aircraft.xlsx")), "method": "saw"})
    assert out["scores"] == saw(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES).scores.tolist()
    assert out["alternatives"] == AIRCRAFT_NAMES
    assert out["criteria"] == AIRCRAFT_CRITERIA


def test_a_bad_cell_in_a_csv_is_named_by_row_and_column(tmp_path):
    rows = aircraft_rows()
    rows[3][2] = "n/a"
    (tmp_path / "aircraft.csv").write_text("\n".join(",".join(map(str, row)) for row in rows))
    message = mcda_error(tmp_path, file_spec("aircraft.csv"))
    assert message == "aircraft.csv, row 4, column 3 (range): 'n/a' is not a number."


# -- bad input: exit status 2 and one clear line on stderr -----------------------------------------------

M = [[1, 2], [3, 4], [5, 7]]
SCORED = {"method": "saw", "matrix": M, "weights": [1, 1]}
BAD_SPECS = [
    # wrong shapes
    ({**SCORED, "matrix": [[1, 2], [3]]}, "matrix rows differ in length (1, 2)."),
    ({**SCORED, "matrix": [1, 2, 3]}, "matrix must be a list of rows, each a list of numbers."),
    ({**SCORED, "matrix": [[1, "a"], [2, 3]]}, "matrix row 0 has a value that is not a number."),
    ({**SCORED, "weights": [1, 1, 1]}, "weights has 3 value(s) but 2 are needed."),
    ({**SCORED, "types": [1]}, "types has 1 value(s) but the matrix has 2 criteria."),
    ({**SCORED, "types": [1, 0]}, "types must be 1 (benefit) or -1 (cost) for every criterion."),
    ({**SCORED, "alternatives": ["a", "b"]}, "alternatives has 2 name(s) but the matrix has 3 row(s)."),
    ({"method": "ahp", "pairwise": [[1, 2, 3], [1 / 2, 1, 2]]}, "pairwise matrix must be square (n × n); got shape (2, 3)."),
    ({**SCORED, "weights": "ahp", "pairwise": [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]},
     "the pairwise matrix compares 3 criteria but the matrix has 2."),
    # pairwise matrices that are not positive and reciprocal
    ({"method": "ahp", "pairwise": [[1, 3], [3, 1]]},
     "pairwise matrix is not reciprocal: entry (0, 1) is 3 but entry (1, 0) is 3, not 1/3."),
    ({"method": "ahp", "pairwise": [[[1, 2], [1 / 2, 1]], [[1, 2], [2, 1]]]},
     "pairwise matrix of expert 1 is not reciprocal: entry (0, 1) is 2 but entry (1, 0) is 2, not 1/2."),
    ({"method": "ahp", "pairwise": [[2, 1], [1, 1]]}, "pairwise matrix must have 1 on the diagonal; entry (0, 0) is 2."),
    ({"method": "ahp", "pairwise": [[1, 0], [0, 1]]}, "pairwise matrix must be positive; entry (0, 1) is 0."),
    ({"method": "ahp", "pairwise": [[1, -2], [-1 / 2, 1]]}, "pairwise matrix must be positive; entry (0, 1) is -2."),
    ({"method": "ahp"}, "method ahp needs pairwise (one matrix, or a list of the experts' matrices)."),
    # weights
    ({**SCORED, "method": "topsis", "weights": [0, 0]}, "weights are all zero; at least one criterion needs a positive weight."),
    ({**SCORED, "weights": [1, -1]}, "weights must not be negative (column(s) 1)."),
    ({"method": "saw", "matrix": M}, 'weights are needed: a list of numbers, "entropy", "critic" or "ahp" (with pairwise).'),
    # infeasible constraints, naming which
    ({**SCORED, "select": {"n": 5}}, "n = 5 is more than the 3 alternatives available."),
    ({**SCORED, "select": {"n": 1, "groups": ["A", "A", "B"], "min_per_group": {"A": 1, "B": 1}}},
     "min_per_group quotas add up to 2, more than n = 1."),
    ({**SCORED, "select": {"n": 2, "groups": ["A", "A", "B"], "min_per_group": {"B": 2}}},
     "min_per_group asks for 2 from group B, which has only 1 eligible alternative(s)."),
    ({**SCORED, "select": {"n": 2, "costs": [5, 5, 5], "budget": 9}},
     "even the cheapest possible selection of 2 costs 10, over the budget of 9."),
    ({"method": "saw", "matrix": [[9], [8], [7], [6]], "weights": [1],
      "select": {"n": 2, "groups": ["A", "A", "B", "B"], "min_per_group": {"A": 2}, "costs": [3, 3, 1, 1], "budget": 5}},
     "the constraints cannot all be met together; dropping any one of budget, min_per_group:A would make the selection feasible."),
    ({**SCORED, "select": {"n": 2, "must_include": [0], "must_exclude": [0]}},
     "must_include and must_exclude both name alternative(s) 0."),
    # unknown keys and values
    ({**SCORED, "foo": 1}, "unknown key(s) foo; allowed: ahp_method, alternatives, criteria, matrix, method, "
                           "normalisation, normalization, pairwise, select, sensitivity, types, weights."),
    ({**SCORED, "select": {"n": 1, "k": 2}}, "unknown key(s) in select: k; allowed: budget, costs, groups, "
     "max_per_group, min_per_group, min_score, must_exclude, must_include, n."),
    ({**SCORED, "select": {"n": 1}, "sensitivity": {"draws": 10, "x": 1}},
     "unknown key(s) in sensitivity: x; allowed: concentration, draws, n, seed."),
    ({**SCORED, "method": "electre"}, "method must be one of saw, topsis, ahp, entropy, critic; got 'electre'."),
    ({**SCORED, "method": "topsis", "normalization": "sum"}, "normalization for topsis must be one of vector, minmax; got 'sum'."),
    ({**SCORED, "sensitivity": {"draws": 10}}, "sensitivity needs n (the size of the top group): give select.n or sensitivity.n."),
    ({"method": "ahp", "pairwise": [[1, 2], [1 / 2, 1]], "select": {"n": 1}},
     "select and sensitivity need scores: use them with method saw or topsis."),
    ([1, 2], "the input must be a JSON object (see docs/mcda.md)."),
    ({"method": "saw", "weights": [1]}, "matrix is needed: rows = alternatives, columns = criteria (or a .csv/.xlsx file path)."),
    # broken JSON (Python's json reads Infinity and NaN; the matrix check refuses them)
    ('{"method": "saw",\n "matrix": [[1, 2]', "spec.json is not valid JSON: Expecting ',' delimiter at line 2, column 19."),
    ('{"method": "saw", "matrix": [[1, Infinity], [2, 3]], "weights": [1, 1]}',
     "matrix contains an infinite value (at index 0, 1); all values must be finite numbers."),
]  # fmt: skip


@pytest.mark.parametrize("spec,message", BAD_SPECS)
def test_bad_input_exits_2_with_one_clear_line(tmp_path, spec, message):
    assert mcda_error(tmp_path, spec).endswith(message)


def test_missing_input_file(tmp_path):
    missing = tmp_path / "nowhere.json"
    assert mcda_error(tmp_path, None, path=missing) == f"input file not found: {missing}"


def test_missing_matrix_file(tmp_path):
    message = mcda_error(tmp_path, file_spec("missing.csv"))
    assert message == f"matrix file not found: {tmp_path.resolve() / 'missing.csv'}"


def test_unsupported_matrix_file(tmp_path):
    (tmp_path / "matrix.txt").write_text("1,2\n")
    assert mcda_error(tmp_path, file_spec("matrix.txt")) == "matrix file must be .csv or .xlsx; got matrix.txt"


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


def test_published_entropy_and_critic_examples_through_the_command(tmp_path):
    from inkubator.selection.tests import examples as published

    xu = mcda(tmp_path, {"method": "entropy", "matrix": published.XU_2004})
    assert [round(w, 4) for w in xu["weights"]] == published.XU_2004_ENTROPY_WEIGHTS
    zp = mcda(tmp_path, {"method": "entropy", "matrix": published.ZP_2016})
    assert [round(w, 4) for w in zp["weights"]] == published.ZP_2016_ENTROPY_WEIGHTS
    tus = mcda(tmp_path, {"method": "critic", "matrix": published.TUS_2019})
    assert [round(w, 3) for w in tus["weights"]] == published.TUS_2019_CRITIC_WEIGHTS
