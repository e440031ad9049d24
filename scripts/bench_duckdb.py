#!/usr/bin/env python3
"""DuckDB's side of the measurement benchmark (crates/kesher/benches/measurement.rs).

Loads the same places and values CSV files the benchmark imports into Kesher, and computes
the same roll-ups the dashboard needs: every indicator for every school year at the national,
district and authority level. A school's total is the sum of its gender × sector cells when
none is missing; counts are summed, scores are weighted by enrolment, and each share is
recomputed from its summed parts over the schools that report both. Prints JSON with
the seconds each step took and the national share of subject 1, to check both agree.

    python3 scripts/bench_duckdb.py places.csv values.csv
"""

import json
import sys
import time

import duckdb

SUBJECTS = 10


def main(places_path: str, values_path: str) -> None:
    db = duckdb.connect()
    started = time.perf_counter()
    db.execute(
        "CREATE TABLE places AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
        [places_path],
    )
    db.execute(
        "CREATE TABLE vals AS SELECT * FROM read_csv(?, header = true,"
        " types = {'semel': 'VARCHAR', 'year': 'VARCHAR'})",
        [values_path],
    )
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    # A school's total of a year is known only when none of its cells is missing (Kesher
    # does not add up an incomplete breakdown); a score's total is weighted by enrolment.
    school = []
    for s in range(1, SUBJECTS + 1):
        e, p, c = f"enrolled_{s:02}", f"passed_{s:02}", f"score_{s:02}"
        for column in (e, p):
            school.append(
                f"CASE WHEN COUNT(*) FILTER ({column} IS NULL) = 0 THEN SUM({column}) END AS {column}"
            )
        school.append(
            f"CASE WHEN COUNT(*) FILTER ({c} IS NULL OR {e} IS NULL) = 0"
            f" THEN SUM({c} * {e}) / SUM({e}) END AS {c}"
        )
    db.execute(
        f"CREATE TEMP TABLE school_totals AS SELECT semel, year, {', '.join(school)}"
        " FROM vals GROUP BY semel, year"
    )
    measures = []
    for s in range(1, SUBJECTS + 1):
        e, p, c = f"enrolled_{s:02}", f"passed_{s:02}", f"score_{s:02}"
        measures += [
            f"SUM({e}) AS {e}",
            f"SUM({p}) AS {p}",
            f"SUM({c} * {e}) / SUM(CASE WHEN {c} IS NOT NULL THEN {e} END) AS {c}",
            # A share over the schools that report both of its parts.
            f"SUM(CASE WHEN {p} IS NOT NULL AND {e} IS NOT NULL THEN {p} END) * 100.0"
            f" / SUM(CASE WHEN {p} IS NOT NULL AND {e} IS NOT NULL THEN {e} END) AS share_{s:02}",
        ]
    select = ", ".join(measures)
    levels = {}
    for level, key in [
        ("national", "'all'"),
        ("district", "p.district"),
        ("authority", "p.authority_code"),
    ]:
        levels[level] = db.execute(
            f"SELECT {key} AS place, t.year, {select} FROM school_totals t"
            f" JOIN places p ON p.semel = t.semel GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    rollup_seconds = time.perf_counter() - started

    share_column = 1 + 1 + 3  # place, year, then share_01 is the fourth measure
    national = {row[1]: round(row[share_column], 3) for row in levels["national"]}
    print(
        json.dumps(
            {
                "duckdb": duckdb.__version__,
                "load_seconds": load_seconds,
                "rollup_seconds": rollup_seconds,
                "rows": {level: len(rows) for level, rows in levels.items()},
                "national_share_01": national,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
