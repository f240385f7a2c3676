"""`inkubator mcda`: the published examples, selection, sensitivity and CSV/XLSX matrices, through the
management command (`call_command`). Bad input: test_cli_input_errors.py; the plain command line and real
subprocesses (the `inkubator` console script, `python -m inkubator.selection.methods`): test_cli_processes.py.
Shared helpers: cli_helpers.py."""

import numpy as np
import pytest

from inkubator.selection.methods import (
    ahp_weights,
    critic_weights,
    entropy_weights,
    saw,
    sensitivity,
    topsis,
)

from .cli_helpers import (
    AIRCRAFT_CRITERIA,
    AIRCRAFT_NAMES,
    AIRCRAFT_SPEC,
    PROVINCES,
    aircraft_rows,
    file_spec,
    mcda,
    mcda_error,
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
    assert out["weights"][1] == pytest.approx(0.0, abs=1e-15) and out["entropy"][1] == pytest.approx(
        1.0, abs=1e-15
    )
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
    reference = sensitivity(
        AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_TYPES, n=1, method="topsis", draws=200, seed=1
    )
    assert out["selection_probability"] == reference.selection_probability.tolist()
    assert out["rank_interval"] == reference.rank_interval.tolist()
    assert out["sensitivity"]["concentration"] == 100.0  # the default
    assert "selected" not in out


# -- matrices from CSV and XLSX files ------------------------------------------------------------------


def test_matrix_from_a_csv_file_next_to_the_spec(tmp_path):
    (tmp_path / "aircraft.csv").write_text(
        "\n".join(",".join(map(str, row)) for row in aircraft_rows()) + "\n"
    )
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


def test_published_entropy_and_critic_examples_through_the_command(tmp_path):
    from inkubator.selection.tests import examples as published

    xu = mcda(tmp_path, {"method": "entropy", "matrix": published.XU_2004})
    assert [round(w, 4) for w in xu["weights"]] == published.XU_2004_ENTROPY_WEIGHTS
    zp = mcda(tmp_path, {"method": "entropy", "matrix": published.ZP_2016})
    assert [round(w, 4) for w in zp["weights"]] == published.ZP_2016_ENTROPY_WEIGHTS
    tus = mcda(tmp_path, {"method": "critic", "matrix": published.TUS_2019})
    assert [round(w, 3) for w in tus["weights"]] == published.TUS_2019_CRITIC_WEIGHTS
