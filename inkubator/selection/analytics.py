"""Grand Design analytics: centres per province beside unemployment, a typology of centres, roadmap scenarios.

- `province_table` — per province: registry, assessed, ready and selected centres, and the open
  unemployment rate (TPT). It reads the database; the numbers are aggregates over the whole registry
  and the whole round (as a selection run uses the whole round).
- `typology` — k-means types of the centres' dimension profiles, k chosen by the mean silhouette.
- `roadmap` — incubators, tenants, surviving tenants and jobs per year under a scenario's assumptions.

`silhouette`, `typology` and `roadmap` are pure (numpy/scipy and Decimal, no database).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from scipy.cluster.vq import ClusterError, kmeans2
from scipy.spatial.distance import cdist

K_RANGE = (2, 6)
RESTARTS = 10
ITERATIONS = 100
SILHOUETTE_BLOCK = 512
MEASURES = ("centres", "assessed", "ready", "selected", "tpt")


# --- centres per province beside the open unemployment rate -----------------------------------------


def province_table(
    round=None, run=None, *, tpt_year: int | None = None, rows: list[dict] | None = None
) -> list[dict]:
    """One row per province (all 38, by Kemendagri code).

    - ``centres``: active centres in the registry;
    - ``assessed``: centres of `round` with at least one verified assessment (its consolidated rows);
    - ``ready``: of those, centres whose consolidated readiness class is *ready*;
    - ``selected``: centres in `run`'s ``outputs["selected"]``, placed by the province frozen in its inputs;
    - ``tpt`` and ``tpt_year``: the province's rate in `tpt_year`, or its latest year when `tpt_year` is None.

    `run` without `round` uses the run's round; `rows` may pass the round's consolidated rows already read.
    """
    from inkubator.centres.models import Centre
    from inkubator.regions.models import Province
    from inkubator.selection.models import UnemploymentRate
    from inkubator.selection.selectors import consolidated_rows

    if run is not None:
        if round is None:
            round = run.round
        elif run.round_id != round.pk:
            raise ValueError("The run belongs to another round.")
    registry = Counter(
        Centre.objects.unscoped(reason="programme-wide analytics: active centres per province")
        .filter(status="active")
        .values_list("regency__province_id", flat=True)
    )
    assessed: Counter = Counter()
    ready: Counter = Counter()
    if round is not None:
        for r in rows if rows is not None else consolidated_rows(round):
            assessed[r["province"]] += 1
            if r["class"] == "ready":
                ready[r["province"]] += 1
    selected: Counter = Counter()
    if run is not None:
        province_of = {a["code"]: a["province"] for a in run.inputs.get("alternatives", [])}
        for code in run.outputs.get("selected", []):
            selected[province_of.get(code, "")] += 1
    rates = UnemploymentRate.objects.all()
    if tpt_year is not None:
        rates = rates.filter(year=tpt_year)
    tpt: dict[str, UnemploymentRate] = {}
    for rate in rates.order_by("province_id", "-year"):
        tpt.setdefault(rate.province_id, rate)
    table = []
    for province in Province.objects.order_by("code"):
        rate = tpt.get(province.code)
        table.append(
            {
                "code": province.code,
                "name": province.name,
                "centres": registry[province.code],
                "assessed": assessed[province.code],
                "ready": ready[province.code],
                "selected": selected[province.code],
                "tpt": rate.rate if rate else None,
                "tpt_year": rate.year if rate else None,
                "tpt_source": rate.source if rate else "",
            }
        )
    return table


def province_totals(table: Sequence[dict]) -> dict:
    """Column sums (the TPT has no national value here: it is not the mean of provincial rates)."""
    return {key: sum(row[key] for row in table) for key in ("centres", "assessed", "ready", "selected")}


def sort_table(table: list[dict], key: str) -> list[dict]:
    """Sorted by `key` (a column name, "-" for descending); rows without a rate go last either way."""
    descending = key.startswith("-")
    name = key.lstrip("-")
    if name not in ("code", "name", *MEASURES):
        name, descending = "code", False
    present = [r for r in table if r[name] is not None]
    missing = [r for r in table if r[name] is None]
    present.sort(key=lambda r: r["code"])
    present.sort(key=lambda r: r[name], reverse=descending)  # stable: ties stay in code order
    return present + missing


# --- typology of centres by dimension profile ------------------------------------------------------


def silhouette(points, labels) -> tuple[float, list[float]]:
    """Mean silhouette coefficient and each point's value (Rousseeuw 1987), Euclidean distance.

    s(i) = (b(i) − a(i)) / max(a(i), b(i)), where a(i) is the mean distance from i to the other members
    of its cluster and b(i) the smallest mean distance from i to the members of another cluster;
    s(i) = 0 for a point alone in its cluster. Needs 2 ≤ number of clusters ≤ n − 1.
    """
    x = np.asarray(points, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    clusters, index = np.unique(np.asarray(labels), return_inverse=True)
    n, k = len(x), len(clusters)
    if not 2 <= k <= n - 1:
        raise ValueError("The silhouette needs at least 2 clusters and fewer clusters than points.")
    members = np.zeros((n, k))
    members[np.arange(n), index] = 1.0
    sizes = members.sum(axis=0)
    values = np.zeros(n)
    for start in range(0, n, SILHOUETTE_BLOCK):  # blocks of rows: memory O(block × n), not O(n²)
        stop = min(start + SILHOUETTE_BLOCK, n)
        distances = cdist(x[start:stop], x)
        sums = distances @ members  # each point's summed distance to every cluster
        for row, i in enumerate(range(start, stop)):
            own = index[i]
            if sizes[own] == 1:
                continue  # alone in its cluster: s = 0
            a = sums[row, own] / (sizes[own] - 1)
            b = min(sums[row, c] / sizes[c] for c in range(k) if c != own)
            top = max(a, b)
            values[i] = (b - a) / top if top > 0 else 0.0
    return float(values.mean()), [float(v) for v in values]


def _kmeans(x: np.ndarray, k: int, seed: int, restarts: int):
    """Best of `restarts` k-means runs (k-means++ starts, fixed seeds): (labels, centroids, inertia) or None."""
    best = None
    for restart in range(restarts):
        rng = np.random.default_rng([seed, k, restart])
        try:
            _centroids, labels = kmeans2(x, k, iter=ITERATIONS, minit="++", missing="raise", rng=rng)
        except ClusterError:
            continue  # an empty cluster: this start is no use
        if len(np.unique(labels)) < k:
            continue
        centroids = np.array([x[labels == c].mean(axis=0) for c in range(k)])
        inertia = float(((x - centroids[labels]) ** 2).sum())
        if best is None or inertia < best[2] - 1e-9:
            best = (labels, centroids, inertia)
    return best


def _canonical(labels: np.ndarray, centroids: np.ndarray, codes: list[str]):
    """Number the types 1…k by size (largest first), then by mean centroid (highest first), then first code."""
    order = sorted(
        range(len(centroids)),
        key=lambda c: (
            -(labels == c).sum(),
            -float(centroids[c].mean()),
            min(codes[i] for i in np.flatnonzero(labels == c)),
        ),
    )
    new = {old: number for number, old in enumerate(order, start=1)}
    return np.array([new[c] for c in labels]), {new[c]: centroids[c] for c in range(len(centroids))}


def type_label(centroid: dict[str, float], overall: dict[str, float], names: dict[str, str]) -> str:
    """A descriptive name from a type's centroid: where it stands furthest above and below the average
    centre (`overall`, the mean profile of every centre typed)."""
    gaps = sorted(((centroid[c] - overall[c], c) for c in centroid), key=lambda g: (-g[0], g[1]))
    if not gaps:
        return ""
    (top, best), (bottom, worst) = gaps[0], gaps[-1]
    best, worst = names.get(best, best), names.get(worst, worst)
    if abs(top) < 0.005 and abs(bottom) < 0.005:
        return _("Average on every dimension")
    if bottom >= 0:
        return _("Above average on every dimension, most on %(best)s") % {"best": best}
    if top <= 0:
        return _("Below average on every dimension, most on %(worst)s") % {"worst": worst}
    return _("Strong on %(best)s, weak on %(worst)s") % {"best": best, "worst": worst}


CRITERION = gettext_noop(
    "k is the number of types with the highest mean silhouette coefficient (Rousseeuw 1987) among "
    "k = %(low)s…%(high)s (at most n − 1 for n centres); a tie goes to the smaller k."
)


def criterion_text(k_range: tuple[int, int] = K_RANGE) -> str:
    return _(CRITERION) % {"low": k_range[0], "high": k_range[1]}


def typology(
    rows: Sequence[dict],
    k_range: tuple[int, int] = K_RANGE,
    seed: int = 2024,
    *,
    dimensions: Sequence[str] | None = None,
    names: dict[str, str] | None = None,
    restarts: int = RESTARTS,
) -> dict:
    """Types of centres by their dimension profiles (k-means), with the number of types chosen by a criterion.

    Profiles are the consolidated dimension scores (0–100, the same scale on every dimension, so they are
    clustered as they are, without standardising; a missing score counts as 0). For each k in `k_range`
    (and k ≤ n − 1), k-means runs `restarts` times from k-means++ starts with seeds fixed by (`seed`, k,
    restart) and keeps the lowest inertia (sum of squared distances to the type centroids). **Criterion:
    k is the one with the highest mean silhouette coefficient; a tie goes to the smaller k.** Types are
    numbered by size, largest first, and labelled by the dimensions on which their centroid lies furthest
    above and below the mean profile of all the centres. The same rows and seed always give the same result.

    Returns ``{"ok", "message", "n", "k", "criterion", "dimensions", "scores": [{k, silhouette, inertia}],
    "types": [{number, size, centroid, label, members}], "assignments": {code: number}}``; when the rows
    cannot be typed (`ok` False) `message` says why.
    """
    low, high = k_range
    codes_dim = list(dimensions) if dimensions is not None else (list(rows[0]["dimensions"]) if rows else [])
    names = names or {}
    result = {
        "ok": False,
        "message": "",
        "n": len(rows),
        "k": None,
        "criterion": criterion_text(k_range),
        "dimensions": codes_dim,
        "scores": [],
        "types": [],
        "assignments": {},
        "seed": seed,
    }
    minimum = max(3, low + 1)
    if len(rows) < minimum:
        result["message"] = _(
            "A typology needs at least %(minimum)s centres with verified assessments (k from %(low)s and at "
            "most n − 1 types); there are %(n)s."
        ) % {"minimum": minimum, "low": low, "n": len(rows)}
        return result
    if not codes_dim:
        result["message"] = _("The round's instrument has no dimensions to build profiles from.")
        return result
    ordered = sorted(rows, key=lambda r: r["code"])
    codes = [r["code"] for r in ordered]
    x = np.array([[float(r["dimensions"].get(c) or 0) for c in codes_dim] for r in ordered], dtype=float)
    distinct = len({tuple(p) for p in x.tolist()})
    candidates = [k for k in range(low, min(high, len(rows) - 1) + 1) if k <= distinct]
    fits = {}
    for k in candidates:
        fit = _kmeans(x, k, seed, restarts)
        if fit is None:
            continue
        mean, _values = silhouette(x, fit[0])
        fits[k] = fit
        result["scores"].append(
            {"k": k, "silhouette": round(mean, 4), "inertia": round(fit[2], 2), "exact": mean}
        )
    if not fits:
        result["message"] = _(
            "The centres' profiles are too alike to form %(low)s or more types (%(distinct)s different profiles)."
        ) % {"low": low, "distinct": distinct}
        for s in result["scores"]:
            s.pop("exact")
        return result
    best_k = max(result["scores"], key=lambda s: (s["exact"], -s["k"]))["k"]
    for s in result["scores"]:
        s.pop("exact")
    labels, centroids = _canonical(fits[best_k][0], fits[best_k][1], codes)
    result.update(ok=True, k=best_k)
    if high > len(rows) - 1 or distinct < high:
        result["message"] = _(
            "With %(n)s centres (%(distinct)s different profiles) k was tried up to %(top)s."
        ) % {"n": len(rows), "distinct": distinct, "top": max(candidates)}
    overall = {c: float(v) for c, v in zip(codes_dim, x.mean(axis=0), strict=True)}
    for number in range(1, best_k + 1):
        members = [ordered[i] for i in np.flatnonzero(labels == number)]
        centroid = {c: round(float(v), 2) for c, v in zip(codes_dim, centroids[number], strict=True)}
        result["types"].append(
            {
                "number": number,
                "size": len(members),
                "centroid": centroid,
                "label": type_label(centroid, overall, names),
                "mean": round(float(np.mean(list(centroid.values()))), 2),
                "members": [
                    {
                        "code": m["code"],
                        "name": m["name"],
                        "province": m.get("province", ""),
                        "province_name": m.get("province_name", ""),
                        "composite": m.get("composite"),
                        "class": m.get("class", ""),
                    }
                    for m in members
                ],
            }
        )
    result["assignments"] = {code: int(label) for code, label in zip(codes, labels, strict=True)}
    return result


# --- roadmap scenarios -----------------------------------------------------------------------------


def roadmap(scenario) -> dict:
    """Projection of a roadmap scenario, year by year, in exact decimal arithmetic.

    For year t = 1 … `years` (calendar year `start_year` + t − 1):

    - incubators(t) = incubators_first_year + growth_per_year × (t − 1)
    - tenants coached(t) = incubators(t) × tenants_per_incubator_per_year
    - tenants surviving(t) = tenants coached(t) × survival_rate / 100 (each year's cohort, once graduated)
    - jobs(t) = tenants surviving(t) × jobs_per_tenant
    - the cumulative columns add the years up to t.

    Values are expected numbers, not head counts, so they keep their decimals (rounding is left to display).
    """
    first = int(scenario.incubators_first_year)
    growth = int(scenario.growth_per_year)
    per_incubator = Decimal(str(scenario.tenants_per_incubator_per_year))
    survival = Decimal(str(scenario.survival_rate)) / Decimal(100)
    jobs_each = Decimal(str(scenario.jobs_per_tenant))
    years = []
    total = {"tenants": Decimal(0), "surviving": Decimal(0), "jobs": Decimal(0)}
    for t in range(1, int(scenario.years) + 1):
        incubators = first + growth * (t - 1)
        tenants = incubators * per_incubator
        surviving = tenants * survival
        jobs = surviving * jobs_each
        total["tenants"] += tenants
        total["surviving"] += surviving
        total["jobs"] += jobs
        years.append(
            {
                "year": int(scenario.start_year) + t - 1,
                "incubators": incubators,
                "tenants": tenants,
                "surviving": surviving,
                "jobs": jobs,
                "cumulative_tenants": total["tenants"],
                "cumulative_surviving": total["surviving"],
                "cumulative_jobs": total["jobs"],
            }
        )
    return {"years": years, "totals": dict(total), "last_incubators": years[-1]["incubators"] if years else 0}
