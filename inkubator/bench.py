"""`make bench`: registry list/search latency and import throughput, each beside a floor from the same run.

    python -m inkubator.bench [--backend sqlite|postgres|all] [--repeat N] [--scale national|demo]

Speed is reported as ratios against a floor measured in the same process, on the same data, a moment
apart, so the figures mean the same on a slow laptop and a fast server:

* list/search latency: the median time to answer page 1 of the registry (the HTML page, its htmx table
  and the API) next to the median time of the hand-written SQL that fetches the same 25 rows and the
  same total count. Ratio = app median / SQL median ("× floor").
* import throughput: rows/s of `import_run` on a spreadsheet of new centres (dry run and commit) next to
  rows/s of `bulk_create` of the same rows. Ratio = floor rows/s / import rows/s ("× floor").

Each backend runs in its own subprocess against a throwaway database, never the demo database: SQLite
in a temporary file, PostgreSQL in a database `inkubator_bench` that is dropped and created (skipped,
with the reason, when the server cannot be reached). Results go to var/bench/results-<backend>.json.
See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/inkubator_bench"
SEED = 2024
PAGE_SIZE = 25


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _var_dir() -> Path:
    return Path(os.environ.get("INKUBATOR_VAR_DIR", str(BASE_DIR / "var")))


# --- parent: one subprocess per backend --------------------------------------------------------------


def _child_env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "inkubator.settings.base",
            # Production-like request handling: no query logging, no debug pages, tasks inline.
            "DEBUG": "false",
            "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
            "TASKS_BACKEND": "immediate",
            "LOG_LEVEL": "WARNING",
            "PYTHONHASHSEED": "0",
        }
    )
    return env


def _postgres_prepare(url: str) -> tuple[bool, str]:
    """Drop and create the benchmark database. (ok, reason when not ok)."""
    try:
        import psycopg
        from psycopg import sql
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        return False, f"psycopg is not installed ({exc})"
    name = urlparse(url).path.lstrip("/")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", name or ""):
        return False, f"unusable database name {name!r} in {url}"
    if name in ("postgres", "template0", "template1", "inkubator"):
        return False, f"refusing to drop database {name!r}: use a throwaway name such as inkubator_bench"
    try:
        with psycopg.connect(url, dbname="postgres", connect_timeout=3, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "skip"
        return (
            False,
            f"PostgreSQL not reachable at {url}: {str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}",
        )
    return True, ""


def _postgres_drop(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = urlparse(url).path.lstrip("/")
    try:
        with psycopg.connect(url, dbname="postgres", connect_timeout=3, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    except Exception as exc:  # noqa: BLE001
        _log(f"could not drop the benchmark database {name}: {exc}")


def _run_backend(backend: str, args) -> dict:
    """Run one backend in a subprocess; returns its results, or {"backend", "skipped": reason}."""
    out_dir = _var_dir() / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / f"results-{backend}.json"
    tmpdir = None
    if backend == "sqlite":
        tmpdir = tempfile.mkdtemp(prefix="inkubator-bench-")
        database_url = f"sqlite:///{Path(tmpdir) / 'bench.sqlite3'}"
    else:
        database_url = args.postgres_url
        ok, reason = _postgres_prepare(database_url)
        if not ok:
            return {"backend": backend, "skipped": reason}
    command = [
        sys.executable,
        "-m",
        "inkubator.bench",
        "--child",
        "--backend",
        backend,
        "--repeat",
        str(args.repeat),
        "--warmup",
        str(args.warmup),
        "--scale",
        args.scale,
        "--import-rows",
        str(args.import_rows),
        "--json-out",
        str(json_path),
    ]
    if args.profile_import:
        command.append("--profile-import")
    _log(f"{backend}: throwaway database {database_url}")
    try:
        if json_path.exists():
            json_path.unlink()
        proc = subprocess.run(command, env=_child_env(database_url), cwd=BASE_DIR, check=False)  # noqa: S603
        if proc.returncode != 0 or not json_path.exists():
            return {"backend": backend, "failed": f"benchmark process exited with status {proc.returncode}"}
        return json.loads(json_path.read_text())
    finally:
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        elif backend == "postgres" and not args.keep_db:
            _postgres_drop(database_url)


def _fmt(value, unit):
    if value is None:
        return "–"
    if unit == "ms":
        return f"{value:,.2f} ms"
    return f"{value:,.0f} rows/s"


def _table_rows(result: dict) -> list[list[str]]:
    rows = []
    backend = result["backend"]
    for m in result.get("latency", []):
        rows.append(
            [
                backend,
                f"{m['surface']}: {m['scenario']} (median)",
                _fmt(m["median_ms"], "ms"),
                _fmt(m["floor_median_ms"], "ms"),
                f"{m['ratio']:.1f}×",
            ]
        )
    imp = result.get("import")
    if imp:
        floor = imp["floor_rows_per_s"]
        rows.append(
            [
                backend,
                f"import {imp['rows']} centres, dry run",
                _fmt(imp["dry_run_rows_per_s"], "rows"),
                _fmt(floor, "rows"),
                f"{imp['dry_run_ratio']:.1f}×",
            ]
        )
        rows.append(
            [
                backend,
                f"import {imp['rows']} centres, commit",
                _fmt(imp["commit_rows_per_s"], "rows"),
                _fmt(floor, "rows"),
                f"{imp['commit_ratio']:.1f}×",
            ]
        )
    return rows


def print_table(results: list[dict]) -> None:
    header = ["backend", "measure", "value", "floor", "ratio"]
    rows = []
    for result in results:
        if "skipped" in result or "failed" in result:
            rows.append(
                [
                    result["backend"],
                    "SKIPPED" if "skipped" in result else "FAILED",
                    result.get("skipped") or result.get("failed"),
                    "",
                    "",
                ]
            )
        else:
            rows.extend(_table_rows(result))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    widths[1] = min(widths[1], 70)

    def line(cells):
        return "  ".join(
            str(c).rjust(widths[i])
            if i >= 2 and c and ("ms" in str(c) or "rows" in str(c) or "×" in str(c))
            else str(c).ljust(widths[i])
            for i, c in enumerate(cells)
        ).rstrip()

    print()
    print(line(header))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    print()
    for result in results:
        if "machine" in result:
            m, d = result["machine"], result["dataset"]
            print(
                f"{result['backend']}: {d['centres']:,} centres, {d['hosts']:,} hosts, {d['grants']:,} grants "
                f"(scale {result['scale']}, seeded in {d['seed_seconds']:.1f} s); "
                f"{result['repeat']} timed runs after {result['warmup']} warm-up; "
                f"{m['cpu_count']} CPUs, Python {m['python']}, SQLite {m['sqlite']}"
                + (f", PostgreSQL {m['postgres']}" if m.get("postgres") else "")
                + f"; JSON: {result.get('json_path', '')}"
            )
        if "load_average_before" in result:
            before, after = result["load_average_before"][0], result.get("load_average_after", [0])[0]
            cpus = result["machine"]["cpu_count"] or 1
            warning = (
                f" -- WARNING: busier than its {cpus} CPUs, so every figure is inflated; rerun on an idle machine"
                if max(before, after) > cpus
                else ""
            )
            print(
                f"{result['backend']}: load average {before} before, {after} after; CPU check "
                f"{result.get('cpu_check_ms_before')} ms before, {result.get('cpu_check_ms_after')} ms after{warning}"
            )
    print(
        "ratio = app ÷ floor time (latency) or floor ÷ app rows/s (import): how many times the floor's cost."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inkubator.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "all"], default="all")
    parser.add_argument(
        "--repeat", type=int, default=30, help="timed repetitions per latency measure (default 30)"
    )
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs before timing (default 3)")
    parser.add_argument("--scale", choices=["national", "demo"], default="national")
    parser.add_argument(
        "--import-rows",
        type=int,
        default=None,
        help="rows in the import spreadsheet (default 2000 at national scale, 200 at demo)",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL),
        help="throwaway PostgreSQL database, dropped and created (default %(default)s)",
    )
    parser.add_argument(
        "--keep-db", action="store_true", help="keep the PostgreSQL benchmark database afterwards"
    )
    parser.add_argument(
        "--profile-import",
        action="store_true",
        help="also profile the committed import with cProfile and print the hotspots",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json-out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.warmup < 0:
        parser.error("--repeat must be 1 or more and --warmup 0 or more")
    if args.import_rows is None:
        args.import_rows = 2000 if args.scale == "national" else 200
    if args.import_rows < 1:
        parser.error("--import-rows must be 1 or more")
    if args.child:
        return child_main(args)

    # A terminated run still removes its throwaway databases (and subprocess.run stops the child).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    backends = ["sqlite", "postgres"] if args.backend == "all" else [args.backend]
    results = []
    for backend in backends:
        result = _run_backend(backend, args)
        if "skipped" in result:
            _log(f"{backend}: skipped: {result['skipped']}")
        results.append(result)
    print_table(results)
    return 1 if any("failed" in r for r in results) else 0


# --- child: the measurements, inside Django ---------------------------------------------------------


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _quantile_ms(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000


def _cpu_check_ms() -> float:
    """A fixed pure-Python workload (best of 5): how fast this CPU is right now, to compare runs."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        sum(i * i for i in range(200_000))
        best = min(best, time.perf_counter() - start)
    return round(best * 1000, 2)


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
        floor_median = _median_ms(samples["floor"])
        for name in surfaces:
            median = _median_ms(samples[name])
            results.append(
                {
                    "scenario": label,
                    "surface": name,
                    "url": page_url if name.startswith("page") else api_url,
                    "median_ms": round(median, 3),
                    "p90_ms": round(_quantile_ms(samples[name], 0.9), 3),
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
            _log(
                f"{name:18} {label}: {median:8.2f} ms vs floor {floor_median:6.2f} ms "
                f"({median / floor_median:.1f}×, {info[name]['queries']} queries, {floor_total} rows match)"
            )
    return results


def _import_rows(n: int) -> tuple[list[str], list[list], list[dict]]:
    """A national-scale spreadsheet of `n` new centres across all provinces, as the ministry writes it.

    Half the rows name a host institution already registered; the other half a new one, with its kind.
    Codes follow the VIN pattern of the seeded data but from serial 900000 up, so they never collide.
    Returns (headers, spreadsheet rows, resolved rows for the bulk-insert floor).
    """
    import random
    from decimal import Decimal

    from inkubator.centres.choices import HostKind
    from inkubator.centres.demo import PESANTREN_NAMES, PROVINCE_POINTS, _pick_provinces
    from inkubator.centres.importers import import_template
    from inkubator.centres.models import HostInstitution, Vocation
    from inkubator.regions.models import Province, Regency

    rng = random.Random(SEED + 1)
    headers, _example = import_template("centres")
    provinces = {p.code: p for p in Province.objects.all()}
    regencies: dict[str, list[Regency]] = {}
    for r in Regency.objects.order_by("code"):
        regencies.setdefault(r.province_id, []).append(r)
    vocations = list(Vocation.objects.filter(is_active=True).order_by("code"))
    hosts = list(HostInstitution.objects.select_related("regency").order_by("pk"))
    taken = {(h.name.lower(), h.regency_id) for h in hosts}
    kind_labels = dict(HostKind.choices)

    def ministry_regency(name: str) -> str:
        name = re.sub(r"^Kabupaten ", "KAB. ", name)
        name = re.sub(r"^Kota (Administrasi )?", "KOTA ", name)
        return name.upper()

    sheet, resolved, serial = [], [], {}
    for i, province in enumerate(_pick_provinces(rng, sorted(provinces), n)):
        if i % 2 == 0 and hosts:
            host = rng.choice(hosts)
            regency, host_name, kind, host_id = host.regency, host.name, host.kind, host.pk
            province = regency.province_id
        else:
            regency = rng.choice(regencies[province])
            number = i
            while True:
                host_name = f"Pondok Pesantren {rng.choice(PESANTREN_NAMES)} {number}"
                if (host_name.lower(), regency.code) not in taken:
                    break
                number += n
            taken.add((host_name.lower(), regency.code))
            kind, host_id = HostKind.PESANTREN, None
        year = rng.choice(range(2017, 2025))
        serial[province] = serial.get(province, 899999) + 1
        code = f"{year % 100:02d}{province}{serial[province]:06d}"
        lat0, lon0 = PROVINCE_POINTS[province]
        lat = Decimal(str(round(lat0 + rng.uniform(-0.5, 0.5), 6)))
        lon = Decimal(str(round(lon0 + rng.uniform(-0.5, 0.5), 6)))
        vocation = rng.choice(vocations)
        instructors = rng.choice([1, 2, 2, 3])
        maturity = rng.choice(["", "Tumbuh", "Berkembang", "Berkembang", "Mandiri"])
        licence = f"503/{code[-4:]}/DPMPTSP/{year + 1}" if maturity else ""
        short = host_name.replace("Pondok Pesantren ", "")
        sheet.append(
            [
                code,
                f"BLK Komunitas {short}",
                host_name,
                kind_labels[kind],
                provinces[province].name.upper(),
                ministry_regency(regency.name),
                f"Jl. Pesantren No. {rng.randint(1, 120)}",
                float(lat),
                float(lon),
                year,
                vocation.name,
                instructors,
                "Gedung workshop 10 x 16 m",
                licence,
                "",
                maturity,
            ]
        )
        resolved.append(
            {
                "code": code,
                "name": f"BLK Komunitas {short}",
                "host_id": host_id,
                "host_name": host_name,
                "host_kind": kind,
                "regency_id": regency.code,
                "address": sheet[-1][6],
                "latitude": lat,
                "longitude": lon,
                "established_year": year,
                "vocation_id": vocation.pk,
                "instructors": instructors,
                "facilities": "Gedung workshop 10 x 16 m",
                "licence_number": licence,
                "maturity_class": maturity.lower(),
            }
        )
    return [h.upper() for h in headers], sheet, resolved


def _bulk_floor(resolved: list[dict], round_no: int) -> float:
    """Seconds to bulk-insert the same rows (new hosts first) with fresh codes and host names."""
    from django.db import transaction

    from inkubator.centres.models import Centre, HostInstitution

    def fresh(code: str) -> str:  # serial 9xxxxx -> (8 - round)xxxxx: still unique, same shape
        return code[:4] + str(8 - round_no) + code[5:]

    start = time.perf_counter()
    with transaction.atomic():
        new_hosts = {}
        for r in resolved:
            if r["host_id"] is None:
                new_hosts[(r["host_name"], r["regency_id"])] = HostInstitution(
                    name=f"{r['host_name']} F{round_no}", kind=r["host_kind"], regency_id=r["regency_id"]
                )
        HostInstitution.objects.bulk_create(list(new_hosts.values()))
        Centre.objects.bulk_create(
            [
                Centre(
                    code=fresh(r["code"]),
                    name=r["name"],
                    host_id=r["host_id"] or new_hosts[(r["host_name"], r["regency_id"])].pk,
                    regency_id=r["regency_id"],
                    address=r["address"],
                    latitude=r["latitude"],
                    longitude=r["longitude"],
                    established_year=r["established_year"],
                    vocation_id=r["vocation_id"],
                    instructors=r["instructors"],
                    facilities=r["facilities"],
                    licence_number=r["licence_number"],
                    maturity_class=r["maturity_class"],
                )
                for r in resolved
            ]
        )
    return time.perf_counter() - start


class _QueryCounter:
    """Counts the SQL statements sent on the default connection (cheap: no SQL text is kept)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        from django.db import connection

        self._cm = connection.execute_wrapper(self)
        self._cm.__enter__()
        return self

    def __exit__(self, *exc):
        return self._cm.__exit__(*exc)


def _bench_import(args, admin) -> dict:
    from inkubator.centres.importers import import_run
    from inkubator.centres.models import Centre
    from inkubator.core.exports import write_xlsx

    headers, sheet, resolved = _import_rows(args.import_rows)
    xlsx = write_xlsx(headers, sheet, sheet="BLK Komunitas")
    n = len(sheet)
    before = Centre.objects.count()

    with _QueryCounter() as dry_queries:
        start = time.perf_counter()
        report = import_run(actor=admin, kind="centres", data=xlsx, filename="bench.xlsx", dry_run=True)
        dry_seconds = time.perf_counter() - start
    if not report.ok or report.created != n:
        raise SystemExit(f"dry run did not validate: {report.as_dict()['errors'][:5]} {report.file_error}")
    _log(f"import dry run: {n} rows in {dry_seconds:.2f} s ({n / dry_seconds:,.0f} rows/s)")

    profile_top = None
    if args.profile_import:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile(time.process_time)  # CPU time: less distorted by a busy machine
    with _QueryCounter() as commit_queries:
        start = time.perf_counter()
        if args.profile_import:
            profiler.enable()
        report = import_run(actor=admin, kind="centres", data=xlsx, filename="bench.xlsx", dry_run=False)
        if args.profile_import:
            profiler.disable()
        commit_seconds = time.perf_counter() - start
    if not report.committed or report.created != n or Centre.objects.count() != before + n:
        raise SystemExit(f"import did not commit {n} rows: {report.as_dict()}")
    _log(
        f"import commit:  {n} rows in {commit_seconds:.2f} s ({n / commit_seconds:,.0f} rows/s)"
        + (" [under cProfile]" if args.profile_import else "")
    )
    if args.profile_import:
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer).sort_stats("cumulative")
        stats.print_stats(35)
        buffer.write("\n--- by own time ---\n")
        stats.sort_stats("tottime").print_stats(20)
        profile_top = buffer.getvalue()
        print(profile_top, file=sys.stderr)

    with _QueryCounter() as floor_queries:
        floor_runs = [_bulk_floor(resolved, round_no) for round_no in range(3)]
    floor_seconds = statistics.median(floor_runs)
    _log(
        f"bulk_create floor: {n} rows in {floor_seconds * 1000:.0f} ms ({n / floor_seconds:,.0f} rows/s; "
        f"median of {len(floor_runs)})"
    )
    result = {
        "rows": n,
        "spreadsheet_bytes": len(xlsx),
        "actor": admin.username,
        "dry_run_seconds": round(dry_seconds, 3),
        "commit_seconds": round(commit_seconds, 3),
        "floor_seconds": round(floor_seconds, 4),
        "floor_runs_seconds": [round(s, 4) for s in floor_runs],
        "dry_run_rows_per_s": round(n / dry_seconds, 1),
        "commit_rows_per_s": round(n / commit_seconds, 1),
        "floor_rows_per_s": round(n / floor_seconds, 1),
        "dry_run_ratio": round(dry_seconds / floor_seconds, 2),
        "commit_ratio": round(commit_seconds / floor_seconds, 2),
        "dry_run_queries": dry_queries.count,
        "commit_queries": commit_queries.count,
        "floor_queries": floor_queries.count // len(floor_runs),
        "commit_profiled": bool(args.profile_import),
    }
    if profile_top:
        result["profile"] = profile_top
    return result


def child_main(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkubator.settings.base")
    import datetime

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from inkubator.accounts.models import User
    from inkubator.centres.demo import seed_accounts, seed_registry

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

    _log(f"{backend}: migrate")
    call_command("migrate", verbosity=0, interactive=False)
    _log(f"{backend}: seed {args.scale} registry (seed {SEED})")
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
        "cpu_check_ms_before": _cpu_check_ms(),
    }
    _log(
        f"{backend}: {counts['centres']} centres seeded in {seed_seconds:.1f} s; measuring list/search latency"
    )
    result["latency"] = _bench_latency(args, users)
    _log(f"{backend}: measuring import throughput ({args.import_rows} rows)")
    result["import"] = _bench_import(args, users["admin"])
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["cpu_check_ms_after"] = _cpu_check_ms()
    result["json_path"] = args.json_out
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(result, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
