"""`make bench`: registry list/search latency and import throughput, each beside a floor from the same run.

    python -m bench.registry [--backend sqlite|postgres|all] [--repeat N] [--scale national|demo]

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
