"""The MCDA benchmark in its quick mode: output structure and agreement (never timings)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import mcda as bench


def test_quick_bench_writes_results_that_agree(tmp_path, capsys):
    out = tmp_path / "results-mcda.json"
    assert bench.main(["--quick", "--repeat", "2", "--out", str(out)]) == 0
    results = json.loads(out.read_text())
    assert results["benchmark"] == "mcda"
    assert results["agree"] is True
    params = results["parameters"]
    assert (params["alternatives"], params["criteria"], params["draws"], params["n"]) == (300, 12, 1000, 10)
    assert params["repeat"] == 2 and params["quick"] is True
    has_pymcdm = results["pymcdm"] is None  # the field says why pymcdm is missing, when it is
    assert set(results["tasks"]) == {"saw", "topsis", "sensitivity"}
    for name, task in results["tasks"].items():
        implementations = ["ours", "floor"] + (["pymcdm"] if has_pymcdm else [])
        for who in implementations:
            assert len(task[who]["times"]) == (2 if name == "sensitivity" else 10), (name, who)
            assert task[who]["median"] > 0 and task[who]["peak_mb"] >= 0
        assert task["ratio_floor"] == pytest.approx(task["ours"]["median"] / task["floor"]["median"])
        assert task["agree"] == {who: True for who in implementations if who != "floor"}
    if has_pymcdm:
        extrapolated = results["tasks"]["sensitivity"]["pymcdm"]["extrapolated"]
        assert extrapolated == {"measured_draws": 50, "to_draws": 1000, "factor": 20.0}
    assert results["max_rss_mb"] > 0 and results["elapsed_s"] >= 0
    table = capsys.readouterr().out
    for label in ("SAW ranking", "TOPSIS ranking", "sensitivity 1,000 draws, n=10", "all results agree: yes"):
        assert label in table


def test_the_floor_and_ours_compute_the_same_on_a_tiny_problem():
    x, w, t = bench.make_problem(40, 5)
    assert (bench.ours_saw(x, w, t) == bench.floor_saw(x, w, t)).all()
    assert (bench.ours_topsis(x, w, t) == bench.floor_topsis(x, w, t)).all()
    options = {"n": 5, "draws": 300, "concentration": 50.0, "seed": 3}
    probability, interval = bench.ours_sensitivity(x, w, t, **options)
    floor_probability, floor_interval, ranks = bench.floor_sensitivity(x, w, t, **options, chunk=64)
    assert (probability == floor_probability).all() and (interval == floor_interval).all()
    assert ranks.shape == (300, 40)


def test_bench_and_methods_need_no_django():
    code = (
        "import sys, bench.mcda, inkubator.selection.methods.cli; "
        "sys.exit(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')) != [])"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, timeout=60).returncode == 0
