"""Import throughput: rows/s of the registry import beside `bulk_create` of the same rows."""

from __future__ import annotations

import re
import statistics
import sys
import time

from bench.registry.common import SEED, log


def _import_rows(n: int) -> tuple[list[str], list[list], list[dict]]:
    """A national-scale spreadsheet of `n` new centres across all provinces, as the ministry writes it.

    Half the rows name a host institution already registered; the other half a new one, with its kind.
    Codes follow the VIN pattern of the seeded data but from serial 900000 up, so they never collide.
    Returns (headers, spreadsheet rows, resolved rows for the bulk-insert floor).
    """
    import random
    from decimal import Decimal

    from inkubator.centres.choices import HostKind
    from inkubator.centres.importers import import_template
    from inkubator.centres.models import HostInstitution, Vocation
    from inkubator.programme.demo.registry import PESANTREN_NAMES, PROVINCE_POINTS, _pick_provinces
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


class QueryCounter:
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


def bench_import(args, admin) -> dict:
    from inkubator.centres.importers import import_run
    from inkubator.centres.models import Centre
    from inkubator.core.exports import write_xlsx

    headers, sheet, resolved = _import_rows(args.import_rows)
    xlsx = write_xlsx(headers, sheet, sheet="BLK Komunitas")
    n = len(sheet)
    before = Centre.objects.count()

    with QueryCounter() as dry_queries:
        start = time.perf_counter()
        report = import_run(actor=admin, kind="centres", data=xlsx, filename="bench.xlsx", dry_run=True)
        dry_seconds = time.perf_counter() - start
    if not report.ok or report.counts["created"] != n:
        raise SystemExit(f"dry run did not validate: {report.as_dict()['errors'][:5]} {report.file_error}")
    log(f"import dry run: {n} rows in {dry_seconds:.2f} s ({n / dry_seconds:,.0f} rows/s)")

    profile_top = None
    if args.profile_import:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile(time.process_time)  # CPU time: less distorted by a busy machine
    with QueryCounter() as commit_queries:
        start = time.perf_counter()
        if args.profile_import:
            profiler.enable()
        report = import_run(actor=admin, kind="centres", data=xlsx, filename="bench.xlsx", dry_run=False)
        if args.profile_import:
            profiler.disable()
        commit_seconds = time.perf_counter() - start
    if not report.committed or report.counts["created"] != n or Centre.objects.count() != before + n:
        raise SystemExit(f"import did not commit {n} rows: {report.as_dict()}")
    log(
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

    with QueryCounter() as floor_queries:
        floor_runs = [_bulk_floor(resolved, round_no) for round_no in range(3)]
    floor_seconds = statistics.median(floor_runs)
    log(
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
