"""The selection problem of `select`: its inputs checked, its constraints named, its necessary conditions
tested and its 0/1 programme solved (`scipy.optimize.milp`, HiGHS)."""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from .._core import FloatArray, MCDAError, as_vector

#: Objective values within this fraction of max|score| count as equal (ties and binding checks).
OBJECTIVE_TOLERANCE = 1e-9

#: HiGHS optimality gap (relative and absolute, on scores scaled to max|score| = 1). Not 0: with an
#: exact-zero gap rounding noise can keep branch and bound from ever declaring optimality.
MIP_GAP = 1e-11

#: Seconds HiGHS may spend on one solve before the selection is refused as unproven.
DEFAULT_TIME_LIMIT = 120.0


class InfeasibleSelectionError(MCDAError):
    """No selection meets every constraint. ``constraints`` names the constraints in conflict."""

    def __init__(self, message: str, constraints: Sequence[str]):
        super().__init__(message)
        self.constraints = tuple(constraints)


@dataclass
class SelectionProblem:
    """A selection problem, checked, with its constraints as masks; solved exactly by `solve`."""

    scores: FloatArray
    n: int
    member: dict[Hashable, np.ndarray]  # group label -> boolean mask
    group_order: list[Hashable]
    min_per_group: dict[Hashable, int]
    max_per_group: dict[Hashable, int]
    costs: FloatArray | None
    budget: float | None
    low_score: np.ndarray  # below min_score
    include: np.ndarray
    exclude: np.ndarray
    time_limit: float
    tolerance: float

    @classmethod
    def build(cls, scores, n, *, groups, min_per_group, max_per_group, costs, budget, min_score,
              must_include, must_exclude, time_limit) -> SelectionProblem:  # fmt: skip
        s = as_vector(scores, name="scores")
        m = s.size
        n = _count(n, m)
        min_per_group = dict(min_per_group or {})
        max_per_group = dict(max_per_group or {})
        member, order = _group_masks(groups, m, quotas=bool(min_per_group or max_per_group))
        for name, quota in (("min_per_group", min_per_group), ("max_per_group", max_per_group)):
            _check_quota(name, quota, member)
        c, budget = _costs_and_budget(costs, budget, m)
        scale = float(np.max(np.abs(s))) or 1.0
        return cls(
            scores=s, n=n, member=member, group_order=order,
            min_per_group={g: int(v) for g, v in min_per_group.items()},
            max_per_group={g: int(v) for g, v in max_per_group.items()},
            costs=c, budget=budget, low_score=_low_scores(s, min_score),
            include=_index_mask(must_include, m, "must_include"), exclude=_index_mask(must_exclude, m, "must_exclude"),
            time_limit=float(time_limit), tolerance=OBJECTIVE_TOLERANCE * scale,
        )  # fmt: skip

    # -- constraints -------------------------------------------------------------------------------

    def constraint_names(self) -> list[str]:
        """Every constraint that could bind (vacuous ones left out), in a fixed order."""
        names = []
        if self.budget is not None:
            names.append("budget")
        if self.low_score.any():
            names.append("min_score")
        if self.include.any():
            names.append("must_include")
        if self.exclude.any():
            names.append("must_exclude")
        for g in self.group_order:
            if self.min_per_group.get(g, 0) > 0:
                names.append(f"min_per_group:{g}")
            if g in self.max_per_group and self.max_per_group[g] < int(self.member[g].sum()):
                names.append(f"max_per_group:{g}")
        return names

    def check_necessary_conditions(self) -> None:
        n, m = self.n, self.scores.size
        both = np.flatnonzero(self.include & self.exclude)
        if both.size:
            raise InfeasibleSelectionError(
                f"must_include and must_exclude both name alternative(s) {_ids(both)}.",
                ["must_include", "must_exclude"],
            )
        k = int(self.include.sum())
        if k > n:
            raise InfeasibleSelectionError(
                f"must_include names {k} alternatives but only n = {n} are to be selected.", ["must_include"]
            )
        low_included = np.flatnonzero(self.include & self.low_score)
        if low_included.size:
            raise InfeasibleSelectionError(
                f"must_include names alternative(s) {_ids(low_included)} whose score is below min_score.",
                ["must_include", "min_score"],
            )
        eligible = ~(self.exclude | self.low_score)
        count = int(eligible.sum())
        if count < n:
            culprits = [
                name
                for name, mask in (("must_exclude", self.exclude), ("min_score", self.low_score))
                if mask.any()
            ]
            raise InfeasibleSelectionError(
                f"only {count} of the {m} alternatives remain eligible after {' and '.join(culprits)}, "
                f"fewer than n = {n}.",
                culprits,
            )
        for g in self.group_order:
            low, high = self.min_per_group.get(g, 0), self.max_per_group.get(g)
            if high is not None and low > high:
                raise InfeasibleSelectionError(
                    f"group {g}: min_per_group ({low}) is larger than max_per_group ({high}).",
                    [f"min_per_group:{g}", f"max_per_group:{g}"],
                )
            available = int((eligible & self.member[g]).sum())
            if low > available:
                raise InfeasibleSelectionError(
                    f"min_per_group asks for {low} from group {g}, which has only {available} eligible alternative(s).",
                    [f"min_per_group:{g}"],
                )
            forced = int((self.include & self.member[g]).sum())
            if high is not None and forced > high:
                raise InfeasibleSelectionError(
                    f"must_include puts {forced} alternatives in group {g}, over its max_per_group of {high}.",
                    ["must_include", f"max_per_group:{g}"],
                )
        total_min = sum(self.min_per_group.values())
        if total_min > n:
            raise InfeasibleSelectionError(
                f"min_per_group quotas add up to {total_min}, more than n = {n}.",
                [f"min_per_group:{g}" for g in self.group_order if self.min_per_group.get(g, 0) > 0],
            )
        if self.max_per_group:
            capacity = int((eligible & ~self._capped()).sum()) + sum(
                min(high, int((eligible & self.member[g]).sum())) for g, high in self.max_per_group.items()
            )
            if capacity < n:
                raise InfeasibleSelectionError(
                    f"max_per_group caps allow at most {capacity} alternatives to be selected, fewer than n = {n}.",
                    [f"max_per_group:{g}" for g in self.group_order if g in self.max_per_group],
                )
        if self.budget is not None and self.costs is not None:
            forced_cost = float(self.costs[self.include].sum())
            if forced_cost > self.budget:
                raise InfeasibleSelectionError(
                    f"must_include alone costs {forced_cost:g}, over the budget of {self.budget:g}.",
                    ["must_include", "budget"],
                )
            others = np.sort(self.costs[eligible & ~self.include])[: n - k]
            cheapest = forced_cost + float(others.sum())
            if cheapest > self.budget:
                raise InfeasibleSelectionError(
                    f"even the cheapest possible selection of {n} costs {cheapest:g}, over the budget of {self.budget:g}.",
                    ["budget"],
                )

    def diagnose_infeasible(self) -> None:
        names = self.constraint_names()
        culprits = [name for name in names if self.solve(drop=name) is not None]
        if culprits:
            raise InfeasibleSelectionError(
                "the constraints cannot all be met together; dropping any one of "
                f"{', '.join(culprits)} would make the selection feasible.",
                culprits,
            )
        raise InfeasibleSelectionError(
            f"the constraints cannot all be met together, and no single one of {', '.join(names) or 'them'} "
            "can be dropped to fix it; they conflict jointly.",
            names,
        )

    def _capped(self) -> np.ndarray:
        mask = np.zeros(self.scores.size, dtype=bool)
        for g in self.max_per_group:
            mask |= self.member[g]
        return mask

    # -- solving -----------------------------------------------------------------------------------

    def objective(self, x: np.ndarray) -> float:
        return float(self.scores[x].sum())

    def prefer_lower_indices(self, x: np.ndarray) -> np.ndarray:
        """Swap selected alternatives for lower-indexed equally scored ones while every constraint holds."""
        x = x.copy()
        eligible = ~(self.exclude | self.low_score)
        group_of = np.full(self.scores.size, -1)
        for k, g in enumerate(self.group_order):
            group_of[self.member[g]] = k
        counts = {k: int(np.count_nonzero(x & self.member[g])) for k, g in enumerate(self.group_order)}
        low = {k: self.min_per_group.get(g, 0) for k, g in enumerate(self.group_order)}
        high = {k: self.max_per_group.get(g, self.scores.size) for k, g in enumerate(self.group_order)}
        cost = float(self.costs[x].sum()) if self.costs is not None else 0.0
        changed = True
        while changed:
            changed = False
            for i in np.flatnonzero(x)[::-1]:
                if self.include[i]:
                    continue
                candidates = np.flatnonzero(
                    ~x[:i] & eligible[:i] & (np.abs(self.scores[:i] - self.scores[i]) <= self.tolerance)
                )
                for j in candidates:
                    gi, gj = group_of[i], group_of[j]
                    if gi != gj and (
                        (gi >= 0 and counts[gi] - 1 < low[gi]) or (gj >= 0 and counts[gj] + 1 > high[gj])
                    ):
                        continue
                    if self.budget is not None and self.costs is not None:
                        if cost - self.costs[i] + self.costs[j] > self.budget:
                            continue
                        cost += self.costs[j] - self.costs[i]
                    if gi != gj:
                        if gi >= 0:
                            counts[gi] -= 1
                        if gj >= 0:
                            counts[gj] += 1
                    x[i], x[j] = False, True
                    changed = True
                    break
        return x

    def solve(self, *, drop: str | None = None) -> np.ndarray | None:
        """Optimal 0/1 selection as a boolean mask, or None if infeasible. `drop` removes one constraint."""
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import csr_array, vstack

        m = self.scores.size
        scale = float(np.max(np.abs(self.scores))) or 1.0
        s = self.scores / scale
        lower = np.zeros(m)
        upper = np.ones(m)
        if drop != "must_include":
            lower[self.include] = 1.0
        if drop != "must_exclude":
            upper[self.exclude] = 0.0
        if drop != "min_score":
            upper[self.low_score] = 0.0
        if np.any(lower > upper):
            return None

        rows = [csr_array(np.ones((1, m)))]
        lo, hi = [float(self.n)], [float(self.n)]
        for g in self.group_order:
            low = self.min_per_group.get(g, 0) if drop != f"min_per_group:{g}" else 0
            high = self.max_per_group.get(g) if drop != f"max_per_group:{g}" else None
            if low > 0 or high is not None:
                rows.append(csr_array(self.member[g].astype(np.float64)[None, :]))
                lo.append(float(low))
                hi.append(np.inf if high is None else float(high))
        if self.budget is not None and self.costs is not None and drop != "budget":
            rows.append(csr_array(self.costs[None, :]))
            lo.append(-np.inf)
            hi.append(self.budget)
        objective = -s

        with warnings.catch_warnings():
            # mip_abs_gap is passed to HiGHS verbatim; scipy warns that it does not list it.
            warnings.simplefilter("ignore", RuntimeWarning)
            result = milp(
                objective,
                integrality=np.ones(m),
                bounds=Bounds(lower, upper),
                constraints=LinearConstraint(vstack(rows).tocsr(), np.array(lo), np.array(hi)),
                options={
                    "mip_rel_gap": MIP_GAP,
                    "mip_abs_gap": MIP_GAP,
                    "time_limit": self.time_limit,
                    "presolve": False,
                },
            )
        if result.status == 2:
            return None
        if result.status != 0 or result.x is None:
            raise MCDAError(f"the selection solver did not finish with a proven optimum: {result.message}")
        x = result.x > 0.5
        if self._violates(x, drop):
            raise MCDAError(
                "the selection solver returned a selection that breaks a constraint (numerical trouble)."
            )
        return x

    def _violates(self, x: np.ndarray, drop: str | None) -> bool:
        if int(x.sum()) != self.n:
            return True
        if self.budget is not None and self.costs is not None and drop != "budget":
            if float(self.costs[x].sum()) > self.budget * (1 + 1e-9) + 1e-9:
                return True
        return False


# -- checks of the inputs (`SelectionProblem.build`) ------------------------------------------------------


def _count(n, m: int) -> int:
    """`n` checked against the `m` alternatives."""
    if m == 0:
        raise MCDAError("there are no alternatives to select from.")
    if isinstance(n, bool) or not isinstance(n, int | np.integer):
        raise MCDAError(f"n (how many to select) must be a whole number; got {n!r}.")
    n = int(n)
    if n < 1:
        raise MCDAError(f"n (how many to select) must be at least 1; got {n}.")
    if n > m:
        raise InfeasibleSelectionError(f"n = {n} is more than the {m} alternatives available.", ["n"])
    return n


def _group_masks(groups, m: int, *, quotas: bool) -> tuple[dict[Hashable, np.ndarray], list[Hashable]]:
    """Group label -> boolean mask of its members, and the labels in order of first appearance."""
    member: dict[Hashable, np.ndarray] = {}
    order: list[Hashable] = []
    if groups is None:
        if quotas:
            raise MCDAError("min_per_group / max_per_group need groups (one group label per alternative).")
        return member, order
    labels = list(groups)
    if len(labels) != m:
        raise MCDAError(f"groups has {len(labels)} label(s) but there are {m} alternatives.")
    for i, label in enumerate(labels):
        if label is None:
            continue
        if label not in member:
            member[label] = np.zeros(m, dtype=bool)
            order.append(label)
        member[label][i] = True
    return member, order


def _check_quota(name: str, quota: dict, member: dict) -> None:
    unknown = [g for g in quota if g not in member]
    if unknown:
        raise MCDAError(
            f"{name} names group(s) that no alternative belongs to: {', '.join(map(str, unknown))}."
        )
    for g, count in quota.items():
        if isinstance(count, bool) or not isinstance(count, int | np.integer) or count < 0:
            raise MCDAError(f"{name} for group {g} must be a whole number >= 0; got {count!r}.")


def _costs_and_budget(costs, budget, m: int) -> tuple[FloatArray | None, float | None]:
    c = None
    if costs is not None:
        c = as_vector(costs, name="costs", length=m)
        if np.any(c < 0):
            raise MCDAError("costs must not be negative.")
    if budget is not None:
        if c is None:
            raise MCDAError("a budget needs costs (one cost per alternative).")
        if isinstance(budget, bool) or not np.isfinite(budget) or budget < 0:
            raise MCDAError(f"budget must be a finite number >= 0; got {budget!r}.")
        budget = float(budget)
    return c, budget


def _low_scores(s: FloatArray, min_score) -> np.ndarray:
    """The alternatives scoring below `min_score` (none without one)."""
    if min_score is None:
        return np.zeros(s.size, dtype=bool)
    if isinstance(min_score, bool) or not np.isfinite(min_score):
        raise MCDAError(f"min_score must be a finite number; got {min_score!r}.")
    return s < min_score


def _index_mask(indices: Sequence[int], m: int, name: str) -> np.ndarray:
    mask = np.zeros(m, dtype=bool)
    for i in indices:
        if isinstance(i, bool) or not isinstance(i, int | np.integer):
            raise MCDAError(f"{name} must list alternative indices (whole numbers); got {i!r}.")
        if not 0 <= int(i) < m:
            raise MCDAError(f"{name} names alternative {i}, but indices run from 0 to {m - 1}.")
        mask[int(i)] = True
    return mask


def _ids(indices: np.ndarray) -> str:
    return ", ".join(str(int(i)) for i in indices[:10]) + (" …" if indices.size > 10 else "")
