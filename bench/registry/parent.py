"""The parent process: one throwaway database and one child process per backend, then the table."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from bench.registry.common import BASE_DIR, DEFAULT_POSTGRES_URL, log, var_dir

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
        log(f"could not drop the benchmark database {name}: {exc}")


def _run_backend(backend: str, args) -> dict:
    """Run one backend in a subprocess; returns its results, or {"backend", "skipped": reason}."""
    out_dir = var_dir() / "bench"
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
        "bench.registry",
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
    log(f"{backend}: throwaway database {database_url}")
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
    parser = argparse.ArgumentParser(
        prog="python -m bench.registry",
        description="Registry list/search latency and import throughput, each beside a floor from the same run.",
    )
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
        from bench.registry.child import child_main

        return child_main(args)

    # A terminated run still removes its throwaway databases (and subprocess.run stops the child).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    backends = ["sqlite", "postgres"] if args.backend == "all" else [args.backend]
    results = []
    for backend in backends:
        result = _run_backend(backend, args)
        if "skipped" in result:
            log(f"{backend}: skipped: {result['skipped']}")
        results.append(result)
    print_table(results)
    return 1 if any("failed" in r for r in results) else 0
