"""Command line for the decision methods: a JSON spec in, a JSON result out.

    inkubator mcda INPUT.json                 (Django management command; delegates here)
    python -m inkubator.selection.methods INPUT.json
    ... - < INPUT.json                        ("-" reads the spec from standard input)

Errors print one line on standard error and exit with status 2. The spec and result formats are
described in docs/mcda.md; `run` is the whole logic, usable from Python too.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np

from ._core import MCDAError
from .ahp import AHP_METHODS, ahp_weights, inconsistent_judgements
from .scoring import SAW_NORMALIZATIONS, TOPSIS_NORMALIZATIONS, saw, topsis
from .selection import select
from .sensitivity import DEFAULT_CONCENTRATION, DEFAULT_DRAWS, DEFAULT_SEED, sensitivity
from .tables import read_matrix_file
from .weighting import critic_weights, entropy_weights

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
    normalization = spec.get("normalization", spec.get("normalisation"))
    out: dict[str, Any] = {"method": method}
    if method not in ("saw", "topsis") and (spec.get("select") is not None or spec.get("sensitivity") is not None):
        raise MCDAError("select and sensitivity need scores: use them with method saw or topsis.")

    if method == "ahp":
        criteria = _names(spec.get("criteria"), "criteria")
        result = _ahp(spec, out)
        if criteria is not None and len(criteria) != result.weights.size:
            raise MCDAError(f"criteria has {len(criteria)} name(s) but the pairwise matrix compares {result.weights.size}.")
        _put_names(out, None, criteria)
        return out

    matrix, alternatives, criteria = _matrix(spec, base_dir)
    m, k = matrix.shape
    if alternatives is not None and len(alternatives) != m:
        raise MCDAError(f"alternatives has {len(alternatives)} name(s) but the matrix has {m} row(s).")
    if criteria is not None and len(criteria) != k:
        raise MCDAError(f"criteria has {len(criteria)} name(s) but the matrix has {k} column(s).")
    types = _types(spec.get("types"), k)

    if method == "entropy":
        entropy = entropy_weights(matrix)
        out.update(weights=entropy.weights, entropy=entropy.entropy, divergence=entropy.divergence)
        _put_names(out, alternatives, criteria)
        return out
    if method == "critic":
        critic = critic_weights(matrix, types)
        out.update(weights=critic.weights, std=critic.std, information=critic.information)
        _put_names(out, alternatives, criteria)
        return out

    weights = _weights(spec, matrix, types, out)
    if method == "saw":
        normalization = "max" if normalization is None else normalization
        if normalization not in SAW_NORMALIZATIONS:
            raise MCDAError(f"normalization for saw must be one of {', '.join(SAW_NORMALIZATIONS)}; got {normalization!r}.")
        scored = saw(matrix, weights, types, normalization=normalization)
        out.update(normalization=normalization, weights=weights, scores=scored.scores, ranking=scored.ranking)
        scores = scored.scores
    else:
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
        scores = closeness.closeness

    n = None
    select_spec = spec.get("select")
    if select_spec is not None:
        n = _selection(select_spec, scores, alternatives, out)
    sensitivity_spec = spec.get("sensitivity")
    if sensitivity_spec is not None:
        _sensitivity(sensitivity_spec, n, matrix, weights, types, method, normalization, out)
    _put_names(out, alternatives, criteria)
    return out


def load_spec(source: str, *, stdin: IO[str] | None = None) -> tuple[Any, Path | None]:
    """Parse the spec from a file path, or from standard input when `source` is "-".

    Returns the spec and the directory relative matrix paths are resolved against.
    """
    try:
        if source == "-":
            text = (stdin or sys.stdin).read()
            base = None
        else:
            path = Path(source)
            text = path.read_text(encoding="utf-8-sig")
            base = path.resolve().parent
    except FileNotFoundError:
        raise MCDAError(f"input file not found: {source}")
    except (OSError, UnicodeDecodeError) as exc:
        raise MCDAError(f"cannot read {source}: {exc}")
    try:
        return json.loads(text), base
    except json.JSONDecodeError as exc:
        where = "standard input" if source == "-" else source
        raise MCDAError(f"{where} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.")


def execute(source: str, *, stdin: IO[str] | None = None) -> dict[str, Any]:
    """Load the spec from `source` ("-" = stdin) and run it."""
    spec, base = load_spec(source, stdin=stdin)
    return run(spec, base_dir=base)


def dumps(result: Mapping[str, Any], *, indent: int | None = 2) -> str:
    """The result as JSON text (numpy arrays become lists; NaN/inf are refused)."""
    return json.dumps(_plain(result), indent=indent, ensure_ascii=False, allow_nan=False)


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Decision methods (SAW, TOPSIS, AHP, entropy, CRITIC), constrained selection and "
        "weight sensitivity: a JSON spec in, a JSON result out. See docs/mcda.md.",
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help='the JSON spec file, or "-" to read it from standard input')
    parser.add_argument("--indent", type=int, default=2, help="JSON indentation (0 = compact; default 2)")


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: IO[str] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    prog: str | None = None,
) -> int:
    """Run the command line; returns the exit status (0, or 2 after a one-line error on stderr)."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = build_parser(prog).parse_args(argv)
    try:
        result = execute(args.input, stdin=stdin)
        text = dumps(result, indent=args.indent or None)
    except (MCDAError, ValueError) as exc:
        message = " ".join(str(exc).split())
        print(f"mcda: error: {message}", file=stderr)
        return 2
    print(text, file=stdout)
    return 0


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
        return [_table(matrix, f"pairwise matrix of expert {k}") for k, matrix in enumerate(value)], len(value)
    return _table(value, "pairwise"), None


def _weights(spec: Mapping[str, Any], matrix: np.ndarray, types: np.ndarray, out: dict[str, Any]) -> np.ndarray:
    value = spec.get("weights")
    if value is None:
        if "pairwise" not in spec:
            raise MCDAError('weights are needed: a list of numbers, "entropy", "critic" or "ahp" (with pairwise).')
        value = "ahp"
    if isinstance(value, str):
        if value not in WEIGHT_SOURCES:
            raise MCDAError(f"weights must be a list of numbers or one of {', '.join(WEIGHT_SOURCES)}; got {value!r}.")
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
        out["ahp"] = {key: ahp[key] for key in ("ahp_method", "lambda_max", "ci", "ri", "cr", "inconsistent_judgements")}
        return result.weights
    return np.asarray(_numbers(value, "weights"), dtype=np.float64)


def _matrix(spec: Mapping[str, Any], base_dir: str | Path | None):
    value = spec.get("matrix")
    alternatives = _names(spec.get("alternatives"), "alternatives")
    criteria = _names(spec.get("criteria"), "criteria")
    if value is None:
        raise MCDAError("matrix is needed: rows = alternatives, columns = criteria (or a .csv/.xlsx file path).")
    if isinstance(value, str):
        path = Path(value)
        if not path.is_absolute() and base_dir is not None:
            path = Path(base_dir) / path
        table = read_matrix_file(path)
        return table.matrix, alternatives or table.alternatives, criteria or table.criteria
    return np.asarray(_table(value, "matrix"), dtype=np.float64), alternatives, criteria


def _types(value: Any, k: int) -> np.ndarray:
    if value is None:
        return np.ones(k, dtype=np.int64)
    if not isinstance(value, list):
        raise MCDAError("types must be a list with 1 (benefit) or -1 (cost) for each criterion.")
    words = {"benefit": 1, "cost": -1}
    converted = [words.get(v, v) if isinstance(v, str) else v for v in value]
    numbers = _numbers(converted, "types")
    if len(numbers) != k:
        raise MCDAError(f"types has {len(numbers)} value(s) but the matrix has {k} criteria.")
    if any(v not in (1, -1) for v in numbers):
        raise MCDAError("types must be 1 (benefit) or -1 (cost) for every criterion.")
    return np.asarray(numbers, dtype=np.int64)


def _selection(value: Any, scores: np.ndarray, alternatives: list[str] | None, out: dict[str, Any]) -> int:
    if not isinstance(value, Mapping):
        raise MCDAError("select must be an object, e.g. {\"n\": 10}.")
    unknown = sorted(set(value) - SELECT_KEYS)
    if unknown:
        raise MCDAError(f"unknown key(s) in select: {', '.join(unknown)}; allowed: {', '.join(sorted(SELECT_KEYS))}.")
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
        min_per_group=_quota(value.get("min_per_group"), "min_per_group"),
        max_per_group=_quota(value.get("max_per_group"), "max_per_group"),
        costs=None if value.get("costs") is None else _numbers(value["costs"], "select.costs"),
        budget=_scalar(value.get("budget"), "select.budget"),
        min_score=_scalar(value.get("min_score"), "select.min_score"),
        must_include=_indices(value.get("must_include"), alternatives, "must_include"),
        must_exclude=_indices(value.get("must_exclude"), alternatives, "must_exclude"),
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
    concentration = _scalar(value.get("concentration", DEFAULT_CONCENTRATION), "sensitivity.concentration")
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
        sensitivity={"n": result.n, "draws": result.draws, "concentration": result.concentration, "seed": result.seed},
    )


# -- small JSON checks ----------------------------------------------------------------------------


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _numbers(value: Any, name: str) -> list[float]:
    if not isinstance(value, list) or not all(_is_number(v) for v in value):
        raise MCDAError(f"{name} must be a list of numbers.")
    return value


def _table(value: Any, name: str) -> list[list[float]]:
    if not isinstance(value, list) or not value or not all(isinstance(row, list) for row in value):
        raise MCDAError(f"{name} must be a list of rows, each a list of numbers.")
    lengths = {len(row) for row in value}
    if len(lengths) != 1:
        raise MCDAError(f"{name} rows differ in length ({', '.join(map(str, sorted(lengths)))}).")
    for i, row in enumerate(value):
        if not all(_is_number(v) for v in row):
            raise MCDAError(f"{name} row {i} has a value that is not a number.")
    return value


def _scalar(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if not _is_number(value) or not math.isfinite(value):
        raise MCDAError(f"{name} must be a number; got {value!r}.")
    return float(value)


def _quota(value: Any, name: str) -> dict[str, int] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise MCDAError(f"select.{name} must be an object mapping group label to a count.")
    return {str(k): v for k, v in value.items()}


def _names(value: Any, name: str) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise MCDAError(f"{name} must be a list of names.")
    return [str(v) for v in value]


def _indices(value: Any, alternatives: list[str] | None, name: str) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise MCDAError(f"select.{name} must be a list of alternative indices or names.")
    lookup: dict[str, int] = {}
    if alternatives is not None:
        for i, label in enumerate(alternatives):
            lookup.setdefault(label, i)
    indices = []
    for item in value:
        if isinstance(item, str):
            if alternatives is None:
                raise MCDAError(f"select.{name} names {item!r}, but the alternatives have no names; use indices.")
            if alternatives.count(item) > 1:
                raise MCDAError(f"select.{name} names {item!r}, which more than one alternative is called.")
            if item not in lookup:
                raise MCDAError(f"select.{name} names {item!r}, which is not an alternative.")
            indices.append(lookup[item])
        else:
            indices.append(item)
    return indices


def _put_names(out: dict[str, Any], alternatives: list[str] | None, criteria: list[str] | None) -> None:
    if alternatives is not None:
        out["alternatives"] = alternatives
    if criteria is not None:
        out["criteria"] = criteria


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value
