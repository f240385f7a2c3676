"""`run`: one spec (the parsed input JSON) evaluated, the result as JSON-ready data."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .._core import MCDAError
from ..ahp import AHP_METHODS, ahp_weights, inconsistent_judgements
from ..scoring import SAW_NORMALIZATIONS, TOPSIS_NORMALIZATIONS, saw, topsis
from ..selection import select
from ..sensitivity import DEFAULT_CONCENTRATION, DEFAULT_DRAWS, DEFAULT_SEED, sensitivity
from ..tables import read_matrix_file
from ..weighting import critic_weights, entropy_weights
from .spec import (
    alternative_indices,
    names_list,
    number_or_none,
    number_table,
    numbers_list,
    put_names,
    quota_of,
)

METHODS = ("saw", "topsis", "ahp", "entropy", "critic")
SPEC_KEYS = {
    "method", "normalization", "normalisation", "matrix", "weights", "types", "pairwise", "ahp_method",
    "select", "sensitivity", "alternatives", "criteria",
}  # fmt: skip
SELECT_KEYS = {
    "n", "groups", "min_per_group", "max_per_group", "costs", "budget", "min_score", "must_include", "must_exclude",
}  # fmt: skip
SENSITIVITY_KEYS = {"draws", "concentration", "seed", "n"}
WEIGHT_SOURCES = ("entropy", "critic", "ahp")


def run(spec: Mapping[str, Any], *, base_dir: str | Path | None = None) -> dict[str, Any]:
    """Evaluate one spec (the parsed input JSON) and return the result as JSON-ready data.

    A relative `matrix` file path is resolved against `base_dir` (default: the working directory).
    Raises `MCDAError` with a one-line message for any invalid input.
    """
    method, normalization = _method(spec)
    out: dict[str, Any] = {"method": method}
    if method == "ahp":
        criteria = names_list(spec.get("criteria"), "criteria")
        result = _ahp(spec, out)
        if criteria is not None and len(criteria) != result.weights.size:
            raise MCDAError(
                f"criteria has {len(criteria)} name(s) but the pairwise matrix compares {result.weights.size}."
            )
        put_names(out, None, criteria)
        return out

    matrix, alternatives, criteria = _matrix(spec, base_dir)
    m, k = matrix.shape
    if alternatives is not None and len(alternatives) != m:
        raise MCDAError(f"alternatives has {len(alternatives)} name(s) but the matrix has {m} row(s).")
    if criteria is not None and len(criteria) != k:
        raise MCDAError(f"criteria has {len(criteria)} name(s) but the matrix has {k} column(s).")
    types = _types(spec.get("types"), k)
    if method in ("entropy", "critic"):
        _objective_weights(method, matrix, types, out)
        put_names(out, alternatives, criteria)
        return out

    weights = _weights(spec, matrix, types, out)
    scores, normalization = _scores(method, normalization, matrix, weights, types, out)
    n = None
    select_spec = spec.get("select")
    if select_spec is not None:
        n = _selection(select_spec, scores, alternatives, out)
    sensitivity_spec = spec.get("sensitivity")
    if sensitivity_spec is not None:
        _sensitivity(sensitivity_spec, n, matrix, weights, types, method, normalization, out)
    put_names(out, alternatives, criteria)
    return out


def _method(spec: Any) -> tuple[str, str | None]:
    """The spec's method and normalisation, after the checks every spec passes."""
    if not isinstance(spec, Mapping):
        raise MCDAError("the input must be a JSON object (see docs/mcda.md).")
    unknown = sorted(set(spec) - SPEC_KEYS)
    if unknown:
        raise MCDAError(f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(SPEC_KEYS))}.")
    method = spec.get("method")
    if method not in METHODS:
        raise MCDAError(f"method must be one of {', '.join(METHODS)}; got {method!r}.")
    if "normalization" in spec and "normalisation" in spec:
        raise MCDAError("give normalization once (normalization and normalisation are the same key).")
    if method not in ("saw", "topsis") and (
        spec.get("select") is not None or spec.get("sensitivity") is not None
    ):
        raise MCDAError("select and sensitivity need scores: use them with method saw or topsis.")
    return method, spec.get("normalization", spec.get("normalisation"))


def _objective_weights(method: str, matrix: np.ndarray, types: np.ndarray, out: dict[str, Any]) -> None:
    if method == "entropy":
        entropy = entropy_weights(matrix)
        out.update(weights=entropy.weights, entropy=entropy.entropy, divergence=entropy.divergence)
    else:
        critic = critic_weights(matrix, types)
        out.update(weights=critic.weights, std=critic.std, information=critic.information)


def _scores(method, normalization, matrix, weights, types, out: dict[str, Any]) -> tuple[np.ndarray, str]:
    """SAW or TOPSIS scores (and the normalisation used, its default when not given)."""
    if method == "saw":
        normalization = "max" if normalization is None else normalization
        if normalization not in SAW_NORMALIZATIONS:
            raise MCDAError(
                f"normalization for saw must be one of {', '.join(SAW_NORMALIZATIONS)}; got {normalization!r}."
            )
        scored = saw(matrix, weights, types, normalization=normalization)
        out.update(normalization=normalization, weights=weights, scores=scored.scores, ranking=scored.ranking)
        return scored.scores, normalization
    normalization = "vector" if normalization is None else normalization
    if normalization not in TOPSIS_NORMALIZATIONS:
        raise MCDAError(
            f"normalization for topsis must be one of {', '.join(TOPSIS_NORMALIZATIONS)}; got {normalization!r}."
        )
    closeness = topsis(matrix, weights, types, normalization=normalization)
    out.update(
        normalization=normalization,
        weights=weights,
        scores=closeness.closeness,
        ranking=closeness.ranking,
        d_plus=closeness.d_plus,
        d_minus=closeness.d_minus,
    )
    return closeness.closeness, normalization


# -- pieces of run() ----------------------------------------------------------------------------


def _ahp(spec: Mapping[str, Any], out: dict[str, Any]):
    if "pairwise" not in spec:
        raise MCDAError("method ahp needs pairwise (one matrix, or a list of the experts' matrices).")
    ahp_method = spec.get("ahp_method", "eigenvector")
    if ahp_method not in AHP_METHODS:
        raise MCDAError(f"ahp_method must be one of {', '.join(AHP_METHODS)}; got {ahp_method!r}.")
    pairwise, experts = _pairwise(spec["pairwise"])
    result = ahp_weights(pairwise, method=ahp_method)
    out.update(
        ahp_method=ahp_method,
        weights=result.weights,
        lambda_max=result.lambda_max,
        ci=result.ci,
        ri=result.ri,
        cr=result.cr,
        inconsistent_judgements=[
            {"i": j.i, "j": j.j, "judgement": j.judgement, "implied": j.implied, "error": j.error}
            for j in inconsistent_judgements(pairwise, result.weights)
        ],
    )
    if experts is not None:
        out["experts"] = experts
    return result


def _pairwise(value: Any) -> tuple[Any, int | None]:
    """One matrix (experts None), or a list of the experts' matrices (nested three deep) and their count."""
    depth, item = 0, value
    while isinstance(item, list) and item:
        depth, item = depth + 1, item[0]
    if depth == 3:
        return [
            number_table(matrix, f"pairwise matrix of expert {k}") for k, matrix in enumerate(value)
        ], len(value)
    return number_table(value, "pairwise"), None


def _weights(
    spec: Mapping[str, Any], matrix: np.ndarray, types: np.ndarray, out: dict[str, Any]
) -> np.ndarray:
    value = spec.get("weights")
    if value is None:
        if "pairwise" not in spec:
            raise MCDAError(
                'weights are needed: a list of numbers, "entropy", "critic" or "ahp" (with pairwise).'
            )
        value = "ahp"
    if isinstance(value, str):
        if value not in WEIGHT_SOURCES:
            raise MCDAError(
                f"weights must be a list of numbers or one of {', '.join(WEIGHT_SOURCES)}; got {value!r}."
            )
        out["weights_from"] = value
        if value == "entropy":
            return entropy_weights(matrix).weights
        if value == "critic":
            return critic_weights(matrix, types).weights
        ahp: dict[str, Any] = {}
        result = _ahp(spec, ahp)
        if result.weights.size != matrix.shape[1]:
            raise MCDAError(
                f"the pairwise matrix compares {result.weights.size} criteria but the matrix has {matrix.shape[1]}."
            )
        out["ahp"] = {
            key: ahp[key] for key in ("ahp_method", "lambda_max", "ci", "ri", "cr", "inconsistent_judgements")
        }
        return result.weights
    return np.asarray(numbers_list(value, "weights"), dtype=np.float64)


def _matrix(spec: Mapping[str, Any], base_dir: str | Path | None):
    value = spec.get("matrix")
    alternatives = names_list(spec.get("alternatives"), "alternatives")
    criteria = names_list(spec.get("criteria"), "criteria")
    if value is None:
        raise MCDAError(
            "matrix is needed: rows = alternatives, columns = criteria (or a .csv/.xlsx file path)."
        )
    if isinstance(value, str):
        path = Path(value)
        if not path.is_absolute() and base_dir is not None:
            path = Path(base_dir) / path
        table = read_matrix_file(path)
        return table.matrix, alternatives or table.alternatives, criteria or table.criteria
    return np.asarray(number_table(value, "matrix"), dtype=np.float64), alternatives, criteria


def _types(value: Any, k: int) -> np.ndarray:
    if value is None:
        return np.ones(k, dtype=np.int64)
    if not isinstance(value, list):
        raise MCDAError("types must be a list with 1 (benefit) or -1 (cost) for each criterion.")
    words = {"benefit": 1, "cost": -1}
    converted = [words.get(v, v) if isinstance(v, str) else v for v in value]
    numbers = numbers_list(converted, "types")
    if len(numbers) != k:
        raise MCDAError(f"types has {len(numbers)} value(s) but the matrix has {k} criteria.")
    if any(v not in (1, -1) for v in numbers):
        raise MCDAError("types must be 1 (benefit) or -1 (cost) for every criterion.")
    return np.asarray(numbers, dtype=np.int64)


def _selection(value: Any, scores: np.ndarray, alternatives: list[str] | None, out: dict[str, Any]) -> int:
    if not isinstance(value, Mapping):
        raise MCDAError('select must be an object, e.g. {"n": 10}.')
    unknown = sorted(set(value) - SELECT_KEYS)
    if unknown:
        raise MCDAError(
            f"unknown key(s) in select: {', '.join(unknown)}; allowed: {', '.join(sorted(SELECT_KEYS))}."
        )
    n = value.get("n")
    if isinstance(n, bool) or not isinstance(n, int):
        raise MCDAError(f"select.n (how many to select) must be a whole number; got {n!r}.")
    groups = value.get("groups")
    if groups is not None:
        if not isinstance(groups, list):
            raise MCDAError("select.groups must be a list with one group label per alternative.")
        groups = [None if g is None else str(g) for g in groups]
    result = select(
        scores,
        n,
        groups=groups,
        min_per_group=quota_of(value.get("min_per_group"), "min_per_group"),
        max_per_group=quota_of(value.get("max_per_group"), "max_per_group"),
        costs=None if value.get("costs") is None else numbers_list(value["costs"], "select.costs"),
        budget=number_or_none(value.get("budget"), "select.budget"),
        min_score=number_or_none(value.get("min_score"), "select.min_score"),
        must_include=alternative_indices(value.get("must_include"), alternatives, "must_include"),
        must_exclude=alternative_indices(value.get("must_exclude"), alternatives, "must_exclude"),
    )
    out.update(selected=result.selected, objective=result.objective, binding=result.binding)
    if result.cost is not None:
        out["cost"] = result.cost
    if result.group_counts:
        out["group_counts"] = result.group_counts
    if alternatives is not None:
        out["selected_names"] = [alternatives[i] for i in result.selected]
    return n


def _sensitivity(value, n, matrix, weights, types, method, normalization, out) -> None:
    if not isinstance(value, Mapping):
        raise MCDAError('sensitivity must be an object, e.g. {"draws": 1000, "seed": 1}.')
    unknown = sorted(set(value) - SENSITIVITY_KEYS)
    if unknown:
        raise MCDAError(
            f"unknown key(s) in sensitivity: {', '.join(unknown)}; allowed: {', '.join(sorted(SENSITIVITY_KEYS))}."
        )
    if "n" in value:
        if n is not None and value["n"] != n:
            raise MCDAError(f"sensitivity.n ({value['n']!r}) differs from select.n ({n}); give it once.")
        n = value["n"]
    if n is None:
        raise MCDAError("sensitivity needs n (the size of the top group): give select.n or sensitivity.n.")
    draws = value.get("draws", DEFAULT_DRAWS)
    concentration = number_or_none(
        value.get("concentration", DEFAULT_CONCENTRATION), "sensitivity.concentration"
    )
    seed = value.get("seed", DEFAULT_SEED)
    result = sensitivity(
        matrix,
        weights,
        types,
        n=n,
        method=method,
        normalization=normalization,
        draws=draws,
        concentration=concentration,
        seed=seed,
    )
    out.update(
        selection_probability=result.selection_probability,
        rank_interval=result.rank_interval,
        sensitivity={
            "n": result.n,
            "draws": result.draws,
            "concentration": result.concentration,
            "seed": result.seed,
        },
    )
