"""The child process: inside Django, on a throwaway database, the measurements of one backend."""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path

from bench.registry.common import PAGE_SIZE, SEED, cpu_check_ms, log, median_ms, quantile_ms
from bench.registry.imports import bench_import


def _machine_info(connection) -> dict:
    import sqlite3

    import django

    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1048576, 1)
    except OSError:
        pass
    info = {
        "cpu_count": os.cpu_count(),
        "cpu_available": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gb": memory_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgres": None,
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            info["postgres"] = cursor.fetchone()[0]
    return info


def _floor_sql(vendor: str, *, q: str = "", province: str = "") -> tuple[str, str, list]:
    """Hand-written SQL for page 1 of the registry list and its total: (rows SQL, count SQL, params)."""
    like = "ILIKE" if vendor == "postgresql" else "LIKE"  # SQLite's LIKE ignores ASCII case already
    where, params = [], []
    if q:
        where.append(f"(c.name {like} %s OR c.code {like} %s OR h.name {like} %s)")
        params += [f"%{q}%"] * 3
    if province:
        where.append("r.province_id = %s")
        params.append(province)
    where_sql = f" WHERE {' AND '.join(where)}" if where else ""
    rows_sql = (
        "SELECT c.*, h.*, r.*, p.*, v.* FROM centres_centre c"  # noqa: S608 - fixed fragments, values are parameters
        " JOIN centres_hostinstitution h ON h.id = c.host_id"
        " JOIN regions_regency r ON r.code = c.regency_id"
        " JOIN regions_province p ON p.code = r.province_id"
        " JOIN centres_vocation v ON v.id = c.vocation_id"
        f"{where_sql} ORDER BY c.name, c.id LIMIT {PAGE_SIZE}"
    )
    if where:
        count_sql = (
            "SELECT COUNT(*) FROM centres_centre c JOIN centres_hostinstitution h ON h.id = c.host_id"  # noqa: S608
            f" JOIN regions_regency r ON r.code = c.regency_id{where_sql}"
        )
    else:
        count_sql = "SELECT COUNT(*) FROM centres_centre"
    return rows_sql, count_sql, params


def _bench_latency(args, users) -> list[dict]:
    from urllib.parse import urlencode

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {}
    for key, user in users.items():
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        clients[key] = client

    scenarios = [
        ("national admin, no filter", "admin", {}, {}),
        (
            "national admin, q=Hikmah + province=32",
            "admin",
            {"q": "Hikmah", "province": "32"},
            {"q": "Hikmah", "province": "32"},
        ),
        (
            "regional officer (Jawa Timur scope), q=Hikmah",
            "dinas",
            {"q": "Hikmah"},
            {"q": "Hikmah", "province": "35"},
        ),
    ]
    results = []
    for label, who, params, floor_filter in scenarios:
        client = clients[who]
        rows_sql, count_sql, floor_params = _floor_sql(connection.vendor, **floor_filter)
        page_url = "/blk/" + (f"?{urlencode(params)}" if params else "")
        api_url = f"/api/v1/centres?{urlencode({**params, 'limit': PAGE_SIZE, 'offset': 0})}"

        def floor(rows_sql=rows_sql, count_sql=count_sql, floor_params=floor_params):
            with connection.cursor() as cursor:
                cursor.execute(rows_sql, floor_params)
                rows = cursor.fetchall()
                cursor.execute(count_sql, floor_params[: count_sql.count("%s")])
                total = cursor.fetchone()[0]
            return rows, total

        surfaces = {
            "page": lambda client=client, url=page_url: client.get(url),
            "page (htmx table)": lambda client=client, url=page_url: client.get(
                url, headers={"HX-Request": "true"}
            ),
            "api": lambda client=client, url=api_url: client.get(url),
        }
        # Correctness first: every surface answers 200 and finds what the raw SQL finds.
        floor_rows, floor_total = floor()
        api = surfaces["api"]()
        if api.status_code != 200:
            raise SystemExit(f"{api_url} answered {api.status_code}: {api.content[:300]!r}")
        payload = api.json()
        if payload["count"] != floor_total or [i["code"] for i in payload["items"]] != [
            r[3] for r in floor_rows
        ]:
            raise SystemExit(f"{label}: API and raw SQL disagree ({payload['count']} vs {floor_total} rows)")
        info = {}
        for name, fn in surfaces.items():
            with CaptureQueriesContext(connection) as ctx:
                response = fn()
            if response.status_code != 200:
                raise SystemExit(f"{name} {label} answered {response.status_code}")
            info[name] = {"queries": len(ctx.captured_queries), "bytes": len(response.content)}

        for _ in range(args.warmup):
            floor()
            for fn in surfaces.values():
                fn()
        samples = {name: [] for name in [*surfaces, "floor"]}
        for _ in range(args.repeat):  # interleaved, so drift hits every measure alike
            for name, fn in [*surfaces.items(), ("floor", floor)]:
                start = time.perf_counter()
                fn()
                samples[name].append(time.perf_counter() - start)
        floor_median = median_ms(samples["floor"])
        for name in surfaces:
            median = median_ms(samples[name])
            results.append(
                {
                    "scenario": label,
                    "surface": name,
                    "url": page_url if name.startswith("page") else api_url,
                    "median_ms": round(median, 3),
                    "p90_ms": round(quantile_ms(samples[name], 0.9), 3),
                    "min_ms": round(min(samples[name]) * 1000, 3),
                    "floor_median_ms": round(floor_median, 3),
                    "floor_min_ms": round(min(samples["floor"]) * 1000, 3),
                    "ratio": round(median / floor_median, 2),
                    "ratio_of_minimums": round(min(samples[name]) / min(samples["floor"]), 2),
                    "rows_matched": floor_total,
                    "queries": info[name]["queries"],
                    "response_bytes": info[name]["bytes"],
                }
            )
            log(
                f"{name:18} {label}: {median:8.2f} ms vs floor {floor_median:6.2f} ms "
                f"({median / floor_median:.1f}×, {info[name]['queries']} queries, {floor_total} rows match)"
            )
    return results


def child_main(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkubator.settings.base")
    import datetime

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from inkubator.accounts.models import User
    from inkubator.programme.demo import seed_accounts, seed_registry

    backend = args.backend
    expected = {"sqlite": "sqlite", "postgres": "postgresql"}[backend]
    if connection.vendor != expected:
        raise SystemExit(f"DATABASE_URL points at {connection.vendor}, expected {expected}")
    name = str(settings.DATABASES["default"]["NAME"])
    if (
        backend == "sqlite"
        and Path(name).resolve() == (Path(settings.VAR_DIR) / "inkubator.sqlite3").resolve()
    ):
        raise SystemExit("refusing to benchmark the demo database")

    log(f"{backend}: migrate")
    call_command("migrate", verbosity=0, interactive=False)
    log(f"{backend}: seed {args.scale} registry (seed {SEED})")
    start = time.perf_counter()
    counts = seed_registry(scale=args.scale, seed=SEED)
    seed_seconds = time.perf_counter() - start
    seed_accounts()
    if backend == "postgres":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    users = {u.username: u for u in User.objects.filter(username__in=["admin", "dinas"])}

    result = {
        "backend": backend,
        "scale": args.scale,
        "repeat": args.repeat,
        "warmup": args.warmup,
        "seed": SEED,
        "date": datetime.datetime.now(datetime.UTC).astimezone().isoformat(timespec="seconds"),
        "machine": _machine_info(connection),
        "dataset": {**counts, "seed_seconds": round(seed_seconds, 2)},
        "page_size": PAGE_SIZE,
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "cpu_check_ms_before": cpu_check_ms(),
    }
    log(
        f"{backend}: {counts['centres']} centres seeded in {seed_seconds:.1f} s; measuring list/search latency"
    )
    result["latency"] = _bench_latency(args, users)
    log(f"{backend}: measuring import throughput ({args.import_rows} rows)")
    result["import"] = bench_import(args, users["admin"])
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["cpu_check_ms_after"] = cpu_check_ms()
    result["json_path"] = args.json_out
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(result, indent=2, default=str) + "\n")
    return 0
