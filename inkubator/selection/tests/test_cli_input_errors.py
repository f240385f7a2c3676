"""`inkubator mcda` refuses bad input: exit status 2 and one clear line, the same through the management
command and `cli.main`."""

import pytest

from .cli_helpers import SCORED, M, file_spec, mcda_error

# -- bad input: exit status 2 and one clear line on stderr -----------------------------------------------

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
    assert (
        mcda_error(tmp_path, file_spec("matrix.txt")) == "matrix file must be .csv or .xlsx; got matrix.txt"
    )
