"""Constrained selection: choose exactly n alternatives maximising the sum of their scores.

Solved exactly as a 0/1 integer programme with `scipy.optimize.milp` (HiGHS, branch and bound with
both optimality gaps set to 0), never greedily: a greedy "take the best that still fits" can break
quotas or the budget, or miss the best combination (see the tests for such a case).

    maximise   Σ_i s_i x_i                         x_i ∈ {0, 1}
    subject to Σ_i x_i = n
               min_per_group[g] ≤ Σ_{i in g} x_i ≤ max_per_group[g]     for each named group g
               Σ_i c_i x_i ≤ budget                                      (costs + budget)
               x_i = 0  if s_i < min_score, or i in must_exclude
               x_i = 1  if i in must_include
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from .problem import (
    DEFAULT_TIME_LIMIT,
    MIP_GAP,
    OBJECTIVE_TOLERANCE,
    InfeasibleSelectionError,
    SelectionProblem,
)

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "MIP_GAP",
    "OBJECTIVE_TOLERANCE",
    "InfeasibleSelectionError",
    "SelectionResult",
    "select",
]


@dataclass(frozen=True)
class SelectionResult:
    """The optimal selection.

    ``selected``: indices of the chosen alternatives, ascending. ``objective``: Σ of their scores.
    ``binding``: the constraints that change the answer: a constraint *binds* if removing it alone
    (every other constraint kept) yields a strictly better objective (by more than
    `OBJECTIVE_TOLERANCE` × max|score|). Each is found by re-solving without it. A constraint that
    is tight but whose removal gains nothing is not binding; with integer choices a constraint can
    bind without being tight (a budget left partly unspent, for instance). Names: ``budget``,
    ``min_score``, ``must_include``, ``must_exclude``, ``min_per_group:<g>``, ``max_per_group:<g>``.
    ``cost``: total cost of the selection when costs were given. ``group_counts``: selected per group.
    """

    selected: list[int]
    objective: float
    binding: list[str]
    cost: float | None = None
    group_counts: dict[str, int] = field(default_factory=dict)


def select(
    scores: ArrayLike,
    n: int,
    *,
    groups: Sequence[Hashable | None] | None = None,
    min_per_group: Mapping[Hashable, int] | None = None,
    max_per_group: Mapping[Hashable, int] | None = None,
    costs: ArrayLike | None = None,
    budget: float | None = None,
    min_score: float | None = None,
    must_include: Sequence[int] = (),
    must_exclude: Sequence[int] = (),
    time_limit: float = DEFAULT_TIME_LIMIT,
    find_binding: bool = True,
) -> SelectionResult:
    """Choose exactly `n` alternatives with the largest total score under the constraints.

    `groups[i]` is alternative i's group label (None = no group; such alternatives count towards
    no quota). `min_per_group` / `max_per_group` map a group label to a count. `costs` with
    `budget` caps the total cost. `min_score` makes alternatives scoring below it ineligible.
    `must_include` / `must_exclude` are alternative indices.

    Infeasible constraints raise `InfeasibleSelectionError` naming the conflicting constraint(s):
    simple necessary conditions are checked first (n larger than the eligible alternatives, quotas
    adding up to more than n, a quota larger than its eligible group, caps that cannot hold n, the
    cheapest possible n over budget, must_include over n, over a group cap, over budget or below
    min_score); if the solver still finds no selection, each constraint is dropped in turn to name
    those whose removal would make the problem feasible.

    Finding the binding constraints re-solves once per constraint; `find_binding=False` skips that
    (``binding`` is then empty) for callers that only need the selected set, e.g. what-if searches.

    Tie-breaking is deterministic and prefers lower indices: after the solve, a selected alternative
    is swapped for a lower-indexed unselected one with the same score (within
    `OBJECTIVE_TOLERANCE` × max|score|) whenever the swap keeps every constraint, until no such swap
    is left. So among equally scored alternatives the lower index is chosen. Ties between different
    combinations (a + d = b + c) are left to HiGHS, which is deterministic for the same input.
    """
    problem = SelectionProblem.build(
        scores,
        n,
        groups=groups,
        min_per_group=min_per_group,
        max_per_group=max_per_group,
        costs=costs,
        budget=budget,
        min_score=min_score,
        must_include=must_include,
        must_exclude=must_exclude,
        time_limit=time_limit,
    )
    problem.check_necessary_conditions()
    x = problem.solve()
    if x is None:
        problem.diagnose_infeasible()
    x = problem.prefer_lower_indices(x)
    objective = problem.objective(x)
    binding = []
    for name in problem.constraint_names() if find_binding else ():
        relaxed = problem.solve(drop=name)
        if relaxed is not None and problem.objective(relaxed) > objective + problem.tolerance:
            binding.append(name)
    selected = np.flatnonzero(x)
    return SelectionResult(
        selected=[int(i) for i in selected],
        objective=float(problem.scores[selected].sum()),
        binding=binding,
        cost=None if problem.costs is None else float(problem.costs[selected].sum()),
        group_counts={str(g): int(np.count_nonzero(x & problem.member[g])) for g in problem.group_order},
    )
