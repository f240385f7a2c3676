"""The national selection-run benchmark in its quick mode: output structure and the same selection."""

import json

from bench import selection_run


def test_national_run_benchmark_quick_mode(tmp_path):
    out = tmp_path / "run.json"
    assert selection_run.main(["--quick", "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert (result["centres"], result["selected"], result["same_selection"]) == (400, 50, True)
    assert set(result) == {
        "centres",
        "eligible",
        "selected",
        "binding",
        "run_seconds",
        "floor_seconds",
        "ratio",
        "repeat",
        "same_selection",
        "output_hash",
    }
