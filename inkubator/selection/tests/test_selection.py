"""Constrained selection: exact against brute force, better than greedy, clear infeasibility errors."""

from itertools import combinations

import numpy as np
import pytest

from inkubator.selection.methods import InfeasibleSelectionError, MCDAError, select


def brute_force(scores, n, groups=None, min_per_group=None, max_per_group=None, costs=None, budget=None,
                min_score=None, must_include=(), must_exclude=()):  # fmt: skip
    """Best feasible subset by enumeration; None if there is none. Ties: the smallest index sum."""
    best, best_key = None, None
    for subset in combinations(range(len(scores)), n):
        chosen = set(subset)
        if not set(must_include) <= chosen or chosen & set(must_exclude):
            continue
        if min_score is not None and any(scores[i] < min_score for i in subset):
            continue
        if budget is not None and sum(costs[i] for i in subset) > budget + 1e-9:
            continue
        counts = {}
        for i in subset:
            if groups is not None and groups[i] is not None:
                counts[groups[i]] = counts.get(groups[i], 0) + 1
        if any(counts.get(g, 0) < q for g, q in (min_per_group or {}).items()):
            continue
        if any(counts.get(g, 0) > q for g, q in (max_per_group or {}).items()):
            continue
        key = (-round(sum(scores[i] for i in subset), 9), sum(subset))
        if best_key is None or key < best_key:
            best, best_key = list(subset), key
    return best


@pytest.mark.parametrize("seed", range(40))
def test_matches_brute_force_on_small_random_cases(seed):
    rng = np.random.default_rng(seed)
    m, n = 10, 4
    scores = rng.uniform(0, 1, m).round(6)
    groups = [str(g) for g in rng.choice(["A", "B", "C"], size=m)]
    costs = rng.integers(1, 10, m).astype(float)
    spec = {
        "groups": groups,
        "min_per_group": {"A": 1} if "A" in groups else {},
        "max_per_group": {"B": 1} if "B" in groups else {},
        "costs": costs,
        "budget": float(np.sort(costs)[: n + 1].sum()) + rng.integers(0, 6),
    }
    if seed % 3 == 0:
        spec["must_include"] = [int(rng.integers(m))]
    if seed % 4 == 0:
        spec["min_score"] = 0.2
    expected = brute_force(list(scores), n, **spec)
    if expected is None:
        with pytest.raises(InfeasibleSelectionError):
            select(scores, n, **spec)
        return
    result = select(scores, n, **spec)
    assert result.selected == expected
    assert result.objective == pytest.approx(scores[expected].sum())
    assert result.cost == pytest.approx(costs[expected].sum())
    assert result.cost <= spec["budget"]


def test_greedy_top_n_breaks_the_budget_and_greedy_repair_is_suboptimal():
    # Choose 2 with budget 4. Greedy top-2 {0, 1} costs 5 (over budget). Greedy "best that still
    # fits" takes 0 (cost 3), skips 1 and 2 (cost 5 each time), then takes 3: objective 11. The
    # optimum is {1, 2}: objective 13, cost 4.
    scores = [10, 7, 6, 1]
    costs = [3, 2, 2, 1]
    result = select(scores, 2, costs=costs, budget=4)
    assert result.selected == [1, 2]
    assert result.objective == 13
    assert result.binding == ["budget"]


def test_greedy_top_n_breaks_a_quota():
    # The best three are all in group A, capped at 2; one of B must come in.
    scores = [0.9, 0.8, 0.7, 0.3, 0.2]
    groups = ["A", "A", "A", "B", "B"]
    result = select(scores, 3, groups=groups, max_per_group={"A": 2}, min_per_group={"B": 1})
    assert result.selected == [0, 1, 3]
    assert result.group_counts == {"A": 2, "B": 1}
    # dropping either quota alone still leaves the other forcing the same answer: neither binds
    assert result.binding == []
    only_cap = select(scores, 3, groups=groups, max_per_group={"A": 2})
    assert only_cap.binding == ["max_per_group:A"]


def greedy_with_quotas(scores, n, groups, min_per_group, max_per_group, costs, budget):
    """The usual hand method: first the best affordable centre of each province with a quota, then
    the rest in rank order, skipping whatever breaks a cap or the budget. None if it gets stuck."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    chosen, spent, counts = [], 0, {}

    def fits(i):
        return (
            i not in chosen
            and counts.get(groups[i], 0) < max_per_group.get(groups[i], n)
            and spent + costs[i] <= budget
        )

    for group, quota in min_per_group.items():
        for i in order:
            if counts.get(group, 0) < quota and groups[i] == group and fits(i):
                chosen.append(i)
                spent += costs[i]
                counts[group] = counts.get(group, 0) + 1
    for i in order:
        if len(chosen) < n and fits(i):
            chosen.append(i)
            spent += costs[i]
            counts[groups[i]] = counts.get(groups[i], 0) + 1
    return sorted(chosen) if len(chosen) == n else None


def test_province_quotas_and_budget_optimal_where_greedy_ranking_is_wrong():
    # Eight centres in three provinces (Kemendagri codes: 32 Jawa Barat, 35 Jawa Timur, 53 NTT). Choose
    # 4, at least one per province, at most two from Jawa Barat, total cost (Rp100 million) at most 10.
    scores = [0.95, 0.90, 0.84, 0.80, 0.70, 0.60, 0.50, 0.40]
    groups = ["32", "32", "32", "32", "35", "35", "53", "53"]
    costs = [5, 3, 2, 2, 3, 1, 4, 1]
    quotas = {"min_per_group": {"32": 1, "35": 1, "53": 1}, "max_per_group": {"32": 2}}
    # The top four by rank are all in Jawa Barat: over its cap, no one from 35 or 53, cost 12.
    top_four = sorted(range(8), key=lambda i: -scores[i])[:4]
    assert [groups[i] for i in top_four] == ["32"] * 4 and sum(costs[i] for i in top_four) == 12
    # Quota-first greedy takes 0 (32), 4 (35), 7 (53; 6 no longer fits), then only 5 fits: 2.65.
    greedy = greedy_with_quotas(scores, 4, groups, **quotas, costs=costs, budget=10)
    assert greedy == [0, 4, 5, 7]
    assert sum(scores[i] for i in greedy) == pytest.approx(2.65)
    # The optimum keeps the two best of Jawa Barat and the cheap ones elsewhere: 2.85 at cost 10.
    expected = brute_force(scores, 4, groups=groups, **quotas, costs=costs, budget=10)
    assert expected == [0, 1, 5, 7]
    result = select(scores, 4, groups=groups, **quotas, costs=costs, budget=10)
    assert result.selected == expected
    assert result.objective == pytest.approx(2.85)
    assert result.cost == 10
    assert result.group_counts == {"32": 2, "35": 1, "53": 1}
    # Without the budget {0, 1, 4, 6} = 3.05; without NTT's quota {1, 2, 4, 5} = 3.04 at cost 9. The
    # cap on Jawa Barat and Jawa Timur's quota change nothing on their own: not binding.
    assert result.binding == ["budget", "min_per_group:53"]


def test_binding_constraints_are_those_whose_removal_improves_the_objective():
    scores = [9, 8, 7, 6, 5, 4]
    groups = ["A", "A", "B", "B", "C", "C"]
    costs = [5, 1, 1, 1, 1, 1]
    common = {"groups": groups, "costs": costs, "budget": 4, "max_per_group": {"B": 2}, "must_exclude": [2]}
    # Budget 4 rules out 0 (cost 5) and 2 is excluded, so the best is {1, 3, 4} = 19. It already holds
    # one of C, so "at least one of C" gains nothing when dropped: not binding. Without the budget
    # {0, 1, 3} = 23; without the exclusion {1, 2, 3} = 21: both bind. B's cap of 2 is never reached.
    result = select(scores, 3, min_per_group={"C": 1}, **common)
    assert result.selected == [1, 3, 4]
    assert result.objective == 19
    assert result.binding == ["budget", "must_exclude"]
    # Two of C: {1, 4, 5} = 17. Dropping the quota gives 19 and dropping the budget {0, 4, 5} = 18, so
    # both bind; the exclusion no longer matters (2 would only replace 1, a better one).
    result = select(scores, 3, min_per_group={"C": 2}, **common)
    assert result.selected == [1, 4, 5]
    assert result.binding == ["budget", "min_per_group:C"]


def test_must_include_and_min_score_can_bind():
    forced = select([5, 4, 3, 1], 2, must_include=[3])
    assert forced.selected == [0, 3] and forced.binding == ["must_include"]
    # Budget 5: {0, 1} and {0, 2} cost 6. Without min_score, {0, 3} (cost 5, score 11) is best; with
    # min_score 1.5 alternative 3 is out and only {1, 2} (score 5) fits. Both constraints bind.
    scores, costs = [10, 3, 2, 1], [4, 2, 2, 1]
    result = select(scores, 2, costs=costs, budget=5, min_score=1.5)
    assert result.selected == [1, 2]
    assert result.binding == ["budget", "min_score"]
    assert select(scores, 2, costs=costs, budget=5).selected == [0, 3]
    # a min_score that excludes nothing is not a constraint at all
    assert select(scores, 2, costs=costs, budget=5, min_score=0.5).binding == ["budget"]


def test_ties_prefer_lower_indices():
    assert select([5, 5, 5, 5], 2).selected == [0, 1]
    assert select([5, 5, 5, 5], 2, must_exclude=[0]).selected == [1, 2]
    assert select([1, 3, 3, 3, 2], 2).selected == [1, 2]
    # equal sums from different pairs: 4 + 1 = 3 + 2; the lower index sum wins
    assert select(
        [4, 3, 2, 1], 2, groups=["A", "A", "B", "B"], max_per_group={"A": 1}, min_per_group={"B": 1}
    ).selected == [0, 2]


def test_selection_is_deterministic():
    rng = np.random.default_rng(7)
    scores = rng.integers(0, 5, 60).astype(float)  # many ties
    groups = [f"g{i % 6}" for i in range(60)]
    first = select(scores, 12, groups=groups, max_per_group={f"g{i}": 3 for i in range(6)})
    again = select(scores, 12, groups=groups, max_per_group={f"g{i}": 3 for i in range(6)})
    assert first == again


# -- infeasible constraints --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs,constraints,message",
    [
        ({"n": 6}, ("n",), "n = 6 is more than the 5 alternatives"),
        ({"must_exclude": [0, 1, 2]}, ("must_exclude",), "only 2 of the 5 alternatives remain eligible after must_exclude"),
        ({"min_score": 0.75}, ("min_score",), "remain eligible after min_score"),
        ({"min_per_group": {"A": 2, "B": 2}}, ("min_per_group:A", "min_per_group:B"), "quotas add up to 4, more than n = 3"),
        ({"min_per_group": {"B": 3}}, ("min_per_group:B",), "asks for 3 from group B, which has only 2"),
        ({"max_per_group": {"A": 1, "B": 1}}, ("max_per_group:A", "max_per_group:B"), "caps allow at most 2"),
        ({"min_per_group": {"A": 2}, "max_per_group": {"A": 1}}, ("min_per_group:A", "max_per_group:A"), "min_per_group (2) is larger than max_per_group (1)"),
        ({"costs": [5, 5, 5, 5, 5], "budget": 14}, ("budget",), "cheapest possible selection of 3 costs 15, over the budget of 14"),
        ({"must_include": [0, 1, 2, 3]}, ("must_include",), "must_include names 4 alternatives but only n = 3"),
        ({"must_include": [0], "costs": [20, 1, 1, 1, 1], "budget": 10}, ("must_include", "budget"), "must_include alone costs 20"),
        ({"must_include": [0, 1], "max_per_group": {"A": 1}}, ("must_include", "max_per_group:A"), "puts 2 alternatives in group A"),
        ({"must_include": [1], "must_exclude": [1]}, ("must_include", "must_exclude"), "both name alternative(s) 1"),
        ({"must_include": [4], "min_score": 0.15}, ("must_include", "min_score"), "below min_score"),
    ],
)  # fmt: skip
def test_infeasible_constraints_raise_clear_errors(kwargs, constraints, message):
    scores = [0.9, 0.8, 0.7, 0.6, 0.1]
    base = {"n": 3, "groups": ["A", "A", "A", "B", "B"]}
    args = base | kwargs
    n = args.pop("n")
    with pytest.raises(InfeasibleSelectionError) as error:
        select(scores, n, **args)
    assert message in str(error.value)
    assert error.value.constraints == constraints


def test_jointly_infeasible_constraints_are_found_by_the_solver():
    # Every simple condition holds, but two of group A cost 6 together, over the budget of 5.
    scores = [0.9, 0.8, 0.7, 0.6]
    with pytest.raises(InfeasibleSelectionError) as error:
        select(scores, 2, groups=["A", "A", "B", "B"], min_per_group={"A": 2}, costs=[3, 3, 1, 1], budget=5)
    assert set(error.value.constraints) == {"budget", "min_per_group:A"}
    assert "dropping any one of budget, min_per_group:A" in str(error.value)


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"groups": ["A", "B"]}, "groups has 2 label(s) but there are 4"),
        ({"min_per_group": {"A": 1}}, "need groups"),
        (
            {"groups": ["A", "A", "B", "B"], "max_per_group": {"Z": 1}},
            "names group(s) that no alternative belongs to: Z",
        ),
        ({"groups": ["A", "A", "B", "B"], "min_per_group": {"A": -1}}, "whole number >= 0"),
        ({"costs": [1, -1, 1, 1], "budget": 3}, "costs must not be negative"),
        ({"budget": 3}, "a budget needs costs"),
        ({"costs": [1, 1, 1]}, "costs has 3 value(s) but 4 are needed"),
        ({"must_include": [9]}, "indices run from 0 to 3"),
        ({"must_exclude": [1.5]}, "whole numbers"),
    ],
)
def test_bad_selection_inputs(kwargs, message):
    with pytest.raises(MCDAError) as error:
        select([4, 3, 2, 1], 2, **kwargs)
    assert message in str(error.value)


@pytest.mark.parametrize("n", [0, -1, 2.5, True])
def test_n_must_be_a_positive_whole_number(n):
    with pytest.raises(MCDAError, match="n \\(how many to select\\)"):
        select([4, 3, 2, 1], n)


def test_larger_problem_is_solved_exactly():
    # 400 alternatives in 20 groups, quotas and a budget: the result satisfies every constraint and
    # no single swap (one out, one in) of the selection improves it within the constraints.
    rng = np.random.default_rng(3)
    m, n = 400, 40
    scores = rng.uniform(0, 1, m)
    groups = [f"p{i % 20}" for i in range(m)]
    costs = rng.uniform(1, 3, m)
    budget = 70.0
    result = select(scores, n, groups=groups, costs=costs, budget=budget,
                    min_per_group={f"p{g}": 1 for g in range(20)}, max_per_group={f"p{g}": 3 for g in range(20)})  # fmt: skip
    chosen = set(result.selected)
    assert len(chosen) == n and result.cost <= budget + 1e-9
    counts = {g: sum(1 for i in chosen if groups[i] == g) for g in set(groups)}
    assert all(1 <= c <= 3 for c in counts.values())
    for out in chosen:
        for into in set(range(m)) - chosen:
            if scores[into] <= scores[out]:
                continue
            counts_after = dict(counts)
            counts_after[groups[out]] -= 1
            counts_after[groups[into]] += 1
            feasible = (
                all(1 <= c <= 3 for c in counts_after.values())
                and result.cost - costs[out] + costs[into] <= budget
            )
            assert not feasible, f"swapping {out} for {into} would improve the selection"


def test_find_binding_off_gives_the_same_selection_without_binding_names():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    kwargs = {"groups": ["a", "a", "a", "b", "b", "b"], "min_per_group": {"b": 2}}
    full = select(scores, 3, **kwargs)
    quick = select(scores, 3, find_binding=False, **kwargs)
    assert (full.selected, full.binding) == ([0, 3, 4], ["min_per_group:b"])
    assert (quick.selected, quick.binding, quick.objective) == ([0, 3, 4], [], full.objective)
