"""A selection run as a pure function of its frozen inputs (no Django): `compute(inputs) -> outputs`.

Inputs and outputs are plain JSON (numbers written as strings with fixed decimals), so their SHA-256
(`content_hash`) is the same on every machine and database. The steps:

1. **Eligibility** — an alternative takes part when its readiness class is at least ``min_class``
   (ready > assisted > not_ready), it has received or is planned for entrepreneurship aid (when
   ``require_aid``), it is active (when ``require_active``) and it is not in ``must_exclude``.
2. **Scores** — SAW or TOPSIS (`methods.saw` / `methods.topsis`) over the eligible alternatives'
   dimension scores (0–100, benefit criteria) with the weight set's weights, used as given.
3. **Selection** — exactly ``n`` eligible alternatives maximising the sum of scores under the
   per-province minimum/maximum, the budget (cost per centre) and ``must_include`` (`methods.select`,
   an exact 0/1 programme; never greedy).
4. **Explanations** — for each selected centre, its *margin*: its score minus the best score left
   out (how far it could fall before a left-out centre would outscore it). For each eligible centre
   ranked within the top n by score but not selected, the constraint(s) that kept it out: the binding
   constraints whose removal alone brings it into the selection.
5. **Robustness** — Dirichlet weight perturbation (`methods.sensitivity`): each eligible centre's
   probability of ranking within the top n and its 5th–95th percentile rank; agreement between SAW
   and TOPSIS scores (Spearman ρ and Kendall τ-b, scipy).
6. **What would it take** — for the ``what_if`` best-scoring eligible centres left out (default 10),
   per dimension, the smallest increase of that dimension's score (in 0.5-point steps, up to 100)
   that would bring the centre into the selection with every other input unchanged; ``null`` when
   no increase on that dimension alone is enough.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

import numpy as np
from scipy import stats

from inkubator.selection.methods import (
    InfeasibleSelectionError,
    MCDAError,
    rank,
    saw,
    select,
    sensitivity,
    topsis,
)

CLASS_ORDER = {"not_ready": 0, "assisted": 1, "ready": 2, "": -1}
SCHEMA = 1
STEP = 0.5


class RunError(ValueError):
    """Inputs that cannot produce a selection (message says which constraint or datum)."""


def fixed(x: float, places: int = 6) -> str:
    """Numbers in outputs: fixed decimals as text, so the hash never depends on float printing."""
    value = 0.0 if abs(x) < 0.5 * 10**-places else x
    return f"{value:.{places}f}"


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def _scores(method: str, normalization: str, matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    types = np.ones(matrix.shape[1], dtype=int)
    if method == "saw":
        return saw(matrix, weights, types, normalization=normalization or "max").scores
    return topsis(matrix, weights, types, normalization=normalization or "vector").scores


def compute(inputs: dict) -> dict:
    """Run the selection described by `inputs` (see services.snapshot for the shape)."""
    alternatives = inputs["alternatives"]
    cons = inputs["constraints"]
    n = int(cons["n"])
    criteria = inputs["criteria"]
    weights = np.array([float(Decimal(w)) for w in inputs["weights"]])
    method, normalization = inputs["method"], inputs.get("normalization", "")
    excluded = {x["code"]: x.get("reason", "") for x in cons.get("must_exclude", [])}
    included = {x["code"]: x.get("reason", "") for x in cons.get("must_include", [])}
    _check_named_centres(alternatives, excluded, included)
    reasons = _ineligible(alternatives, cons, excluded, included)
    eligible = [i for i, a in enumerate(alternatives) if a["code"] not in reasons]
    if len(eligible) < n:
        raise RunError(f"only {len(eligible)} centres are eligible; cannot select {n}.")
    matrix = np.array([[float(Decimal(s)) for s in alternatives[i]["scores"]] for i in eligible], dtype=float)
    select_kwargs = _select_kwargs(alternatives, eligible, cons, included)
    try:
        scores = _scores(method, normalization, matrix, weights)
        result = select(scores, n, **select_kwargs)
    except InfeasibleSelectionError as exc:
        raise RunError(f"{exc} (constraints in conflict: {', '.join(exc.constraints)})")
    except MCDAError as exc:
        raise RunError(str(exc))
    selected = set(result.selected)
    ranks = rank(scores)
    left_out = [k for k in range(len(eligible)) if k not in selected]
    kept_out = _kept_out(scores, ranks, n, select_kwargs, result.binding, left_out)
    robust = sensitivity(
        matrix,
        weights,
        np.ones(len(criteria), dtype=int),
        n=n,
        method=method,
        normalization=normalization or None,
        draws=int(inputs["sensitivity"]["draws"]),
        concentration=float(Decimal(inputs["sensitivity"]["concentration"])),
        seed=int(inputs["sensitivity"]["seed"]),
    )
    what_if = {}
    candidates = sorted(left_out, key=lambda k: (-scores[k], k))[: int(cons.get("what_if", 10))]
    for k in candidates:
        what_if[alternatives[eligible[k]]["code"]] = {
            c: _smallest_increase(method, normalization, matrix, weights, n, select_kwargs, k, j)
            for j, c in enumerate(criteria)
        }
    best_left = max((scores[k] for k in left_out), default=None)
    rows = [
        _ranking_row(
            alternatives[i]["code"], k, scores, ranks, robust, selected, best_left, included, kept_out
        )
        for k, i in enumerate(eligible)
    ]
    rows.sort(key=lambda r: (r["rank"], r["code"]))
    return {
        "schema": SCHEMA,
        "eligible": len(eligible),
        "ineligible": [
            {"code": c, "reasons": reasons[c], "reason_text": excluded.get(c, "")} for c in sorted(reasons)
        ],
        "selected": sorted(alternatives[eligible[k]]["code"] for k in selected),
        "objective": fixed(result.objective),
        "cost": fixed(result.cost, 2) if result.cost is not None else None,
        "binding": result.binding,
        "province_counts": result.group_counts,
        "ranking": rows,
        "agreement": _agreement(matrix, weights),
        "what_it_would_take": what_if,
    }


# --- the steps of `compute` -------------------------------------------------------------------------------


def _check_named_centres(alternatives: list[dict], excluded: dict, included: dict) -> None:
    codes = {a["code"] for a in alternatives}
    for code in [*excluded, *included]:
        if code not in codes:
            raise RunError(f"{code} is not a centre of this round with a verified assessment.")
    both = sorted(set(excluded) & set(included))
    if both:
        raise RunError(f"{', '.join(both)} cannot be both included and excluded.")


def _reasons(a: dict, cons: dict, min_class: int, excluded: dict) -> list[str]:
    """Why one alternative cannot take part (step 1); empty when it can."""
    why = []
    if CLASS_ORDER.get(a["class"], -1) < min_class:
        why.append("readiness_class")
    if cons.get("require_aid") and not a.get("aid"):
        why.append("no_aid")
    if cons.get("require_active", True) and not a.get("active", True):
        why.append("inactive")
    if a["code"] in excluded:
        why.append("must_exclude")
    return why


def _ineligible(alternatives: list[dict], cons: dict, excluded: dict, included: dict) -> dict[str, list[str]]:
    """{code: reasons} of the alternatives that cannot take part; refuses a must-include one among them."""
    min_class = CLASS_ORDER[cons.get("min_class", "")] if cons.get("min_class") else -1
    reasons = {}
    for a in alternatives:
        why = _reasons(a, cons, min_class, excluded)
        if why:
            reasons[a["code"]] = why
    blocked = sorted(code for code in included if code in reasons)
    if blocked:
        raise RunError(
            f"must-include centre(s) {', '.join(blocked)} are not eligible ({', '.join(reasons[blocked[0]])})."
        )
    return reasons


def _select_kwargs(alternatives: list[dict], eligible: list[int], cons: dict, included: dict) -> dict:
    """The constraints of `methods.select` over the eligible alternatives (indices local to them)."""
    groups = [alternatives[i]["province"] for i in eligible]
    costs = None
    budget = None
    if cons.get("budget") not in (None, ""):
        budget = float(Decimal(cons["budget"]))
        costs = np.array(
            [float(Decimal(alternatives[i].get("cost") or cons.get("default_cost") or "0")) for i in eligible]
        )
    local = {alternatives[i]["code"]: k for k, i in enumerate(eligible)}
    return {
        "groups": groups,
        "min_per_group": {g: int(v) for g, v in (cons.get("min_per_province") or {}).items()} or None,
        # a maximum for a province without eligible centres cannot bind: it is dropped (a minimum there
        # stays, and is reported as infeasible)
        "max_per_group": {
            g: int(v) for g, v in (cons.get("max_per_province") or {}).items() if g in set(groups)
        }
        or None,
        "costs": costs,
        "budget": budget,
        "must_include": sorted(local[c] for c in included),
    }


def _kept_out(
    scores, ranks, n: int, select_kwargs: dict, binding: list[str], left_out: list[int]
) -> dict[int, list[str]]:
    """For each centre ranked within the top n but left out, the binding constraints that kept it out."""
    above_cut = [k for k in left_out if ranks[k] <= n]
    if not above_cut:
        return {}
    # one re-solve per binding constraint, shared by every centre it may have kept out
    relaxed_sets = {name: _solve_without(scores, n, select_kwargs, name) for name in binding}
    kept_out = {}
    for k in above_cut:
        names = [name for name in binding if relaxed_sets[name] is not None and k in relaxed_sets[name]]
        kept_out[k] = names or binding
    return kept_out


def _agreement(matrix, weights) -> dict:
    """Agreement of SAW and TOPSIS scores: Spearman ρ and Kendall τ-b."""
    saw_scores = _scores("saw", "max", matrix, weights)
    topsis_scores = _scores("topsis", "vector", matrix, weights)
    rho = stats.spearmanr(saw_scores, topsis_scores).statistic
    tau = stats.kendalltau(saw_scores, topsis_scores).statistic
    return {"spearman": fixed(rho, 4), "kendall": fixed(tau, 4)}


def _ranking_row(code, k, scores, ranks, robust, selected, best_left, included, kept_out) -> dict:
    row = {
        "code": code,
        "score": fixed(scores[k]),
        "rank": int(ranks[k]),
        "selected": k in selected,
        "probability": fixed(robust.selection_probability[k], 4),
        "rank_interval": [int(robust.rank_interval[k][0]), int(robust.rank_interval[k][1])],
    }
    if k in selected:
        row["margin"] = fixed(scores[k] - best_left) if best_left is not None else None
        if code in included:
            row["included_because"] = included[code]
    if k in kept_out:
        row["kept_out_by"] = kept_out[k]
    return row


def _solve_without(scores, n, kwargs, name) -> set[int] | None:
    """Re-solve with one named constraint removed; None when that is still infeasible."""
    relaxed = dict(kwargs)
    if name == "budget":
        relaxed["budget"] = None
    elif name == "must_include":
        relaxed["must_include"] = []
    elif name.startswith("min_per_group:"):
        relaxed["min_per_group"] = {
            g: v for g, v in (kwargs["min_per_group"] or {}).items() if f"min_per_group:{g}" != name
        }
    elif name.startswith("max_per_group:"):
        relaxed["max_per_group"] = {
            g: v for g, v in (kwargs["max_per_group"] or {}).items() if f"max_per_group:{g}" != name
        }
    try:
        return set(select(scores, n, find_binding=False, **relaxed).selected)
    except MCDAError:
        return None


def _selected_with(method, normalization, matrix, weights, n, kwargs, k) -> bool:
    try:
        return (
            k
            in select(
                _scores(method, normalization, matrix, weights), n, find_binding=False, **kwargs
            ).selected
        )
    except MCDAError:
        return False


def _smallest_increase(method, normalization, matrix, weights, n, kwargs, k, j) -> str | None:
    """Smallest raise of alternative k's score on criterion j (0.5-point steps) that gets it selected."""
    room = 100.0 - matrix[k, j]
    if room <= 0:
        return None
    trial = matrix.copy()
    trial[k, j] = 100.0
    if not _selected_with(method, normalization, trial, weights, n, kwargs, k):
        return None
    low, high = 0, int(np.ceil(room / STEP))  # in steps; `high` is known to work (capped at 100)
    while high - low > 1:
        mid = (low + high) // 2
        trial[k, j] = min(100.0, matrix[k, j] + mid * STEP)
        if _selected_with(method, normalization, trial, weights, n, kwargs, k):
            high = mid
        else:
            low = mid
    return fixed(min(room, high * STEP), 1)
