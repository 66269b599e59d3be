"""Benchmark of the Manifesto through the GraphQL API, at two sizes of demo content.

    make bench            (or: python bench/graphql_manifesto.py [--runs 25])

Seeds a throwaway SQLite database with the demo content (3, then 30 strategies of 20 sections
each) and measures, in one run, the median time of the published manifesto query:

- direct:   schema.execute(), no HTTP, no cache;
- view:     POST /graphql/ through Django's test client, cache purged before each request;
- cached:   GET /graphql/?id=<sha256> (persisted query), answered from the cache;
- 304:      the same GET with If-None-Match;
- rest_v2:  Wagtail's built-in REST API v2 (enabled in this process only, bench/bench_settings.py)
            listing the live strategies with their summary, vision and sections, uncached;
- floor:    a plain Django view returning the same JSON bytes, ready-made (the least any
            Django answer costs here);

each also as a ratio to the floor, with the number of SQL queries of one uncached answer. Then,
on the largest content, a load run: gunicorn (2 workers, loopback) and a load generator (threads,
fixed concurrency, --load-seconds each) against the persisted GET and the floor: requests/s
and p95 as ratios to the floor.
The results are printed and saved as JSON in bench/results/ (not in git).
"""

import argparse
import hashlib
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SIZES = (3, 30)
SECTIONS = 20
MODULES = 50


def setup_django(database_path):
    """A fresh database and the test settings (DEBUG off, so Django keeps no query log)."""
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    os.environ["DATABASE_URL"] = f"sqlite:///{database_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    os.environ.setdefault("TASK_BACKEND", "immediate")
    import django

    django.setup()


def median_ms(action, runs, before=None):
    timings = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def measure(size, runs, floor_file):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cms.schema import schema
    from co_design.graphql_api import response_cache

    query = (ROOT / "graphql" / "queries" / "manifesto.graphql").read_text(encoding="utf-8")
    query_id = hashlib.sha256(query.encode()).hexdigest()
    client = Client()

    def direct():
        result = schema.execute(query)
        assert result.errors is None, result.errors
        return result

    chapters = len(direct().data["manifesto"]["chapters"])
    assert chapters == size, f"expected {size} chapters, found {chapters}"
    with CaptureQueriesContext(connection) as captured:
        direct()
    sql_queries = len(captured)  # now: each request through the client resets the query log

    def post():
        response = client.post("/graphql/", json.dumps({"query": query}), "application/json")
        assert response.status_code == 200
        return response

    def get(**headers):
        response = client.get("/graphql/", {"id": query_id}, **headers)
        assert response.status_code in (200, 304)
        return response

    floor_file.write_bytes(post().content)
    from bench_urls import floor_bytes

    floor_bytes.cache_clear()
    rest_url = "/bench/api/v2/pages/"
    rest_query = {"type": "co_design.StrategyDraftPage", "fields": "summary,vision,sections",
                  "limit": 100}  # fmt: skip

    def rest():
        response = client.get(rest_url, rest_query)
        assert response.status_code == 200, response.content[:500]
        return response

    rest_answer = rest()
    rest_pages = rest_answer.json()["meta"]["total_count"]
    with CaptureQueriesContext(connection) as captured:
        rest()
    rest_queries = len(captured)
    timings = {
        "direct": median_ms(direct, runs),
        "view": median_ms(post, runs, before=response_cache.purge),
    }
    etag = get()["ETag"]  # from here on, the answer is in the cache
    timings["rest_v2"] = median_ms(rest, runs)
    timings["cached"] = median_ms(get, runs)
    timings["304"] = median_ms(lambda: get(HTTP_IF_NONE_MATCH=etag), runs)
    timings["floor"] = median_ms(lambda: client.get("/bench/floor/"), runs)
    return {
        "strategies": size,
        "sections_per_strategy": SECTIONS,
        "chapters": chapters,
        "sql_queries": sql_queries,
        "answer_bytes": len(floor_bytes()),
        "rest_v2": {
            "pages": rest_pages,
            "sql_queries": rest_queries,
            "answer_bytes": len(rest_answer.content),
        },  # fmt: skip
        "median_ms": {name: round(value, 3) for name, value in timings.items()},
        "ratio_to_floor": {
            name: round(value / timings["floor"], 1) for name, value in timings.items()
        },
    }


def table(results):
    columns = ["direct", "view", "rest_v2", "cached", "304", "floor"]
    lines = [
        "Manifesto query: median ms (× floor)",
        f"{'strategies':>10} {'SQL':>4} {'REST SQL':>8} {'bytes':>8}  "
        + "  ".join(f"{name:>16}" for name in columns),
    ]
    for result in results:
        cells = [
            f"{result['median_ms'][name]:8.2f} ({result['ratio_to_floor'][name]:>5.1f}×)"
            for name in columns
        ]
        lines.append(
            f"{result['strategies']:>10} {result['sql_queries']:>4} "
            f"{result['rest_v2']['sql_queries']:>8} {result['answer_bytes']:>8}  "
            + "  ".join(f"{cell:>16}" for cell in cells)
        )
    return "\n".join(lines)


def load_run(url, seconds, concurrency, headers=None):
    """Fixed concurrency for a fixed time: each thread sends requests one after another."""
    import requests

    deadline = time.monotonic() + seconds
    timings, failures = [], []

    def worker():
        http = requests.Session()
        while time.monotonic() < deadline:
            started = time.perf_counter()
            response = http.get(url, headers=headers, timeout=30)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                failures.append(response.status_code)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "requests": len(timings),
        "failures": len(failures),
        "requests_per_s": round(len(timings) / elapsed, 1),
        "p95_ms": round(statistics.quantiles(timings, n=20)[-1], 2),
    }


def under_load(folder, seconds, concurrency):
    """gunicorn (2 workers, loopback) on the database as last seeded: the persisted GET (served
    from each worker's cache after its first answer) against the floor."""
    if seconds <= 0:
        return None
    import requests

    query = (ROOT / "graphql" / "queries" / "manifesto.graphql").read_text(encoding="utf-8")
    query_id = hashlib.sha256(query.encode()).hexdigest()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "bench")])}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "bench_settings"},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    targets = {"persisted_get": f"{base}/graphql/?id={query_id}", "floor": f"{base}/bench/floor/"}
    try:
        for _ in range(200):
            try:
                requests.get(targets["floor"], timeout=5)
                break
            except requests.RequestException:
                time.sleep(0.1)
        for url in targets.values():  # warm both workers
            for _ in range(20):
                requests.get(url, timeout=30).raise_for_status()
        print(f"Load: {seconds} s per target, {concurrency} threads, gunicorn 2 workers…",
              flush=True)  # fmt: skip
        measured = {name: load_run(url, seconds, concurrency) for name, url in targets.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor = measured["floor"]
    for result in measured.values():
        result["requests_per_s_ratio"] = round(
            result["requests_per_s"] / floor["requests_per_s"], 2
        )
        result["p95_ratio"] = round(result["p95_ms"] / floor["p95_ms"], 2)
    return {"seconds": seconds, "concurrency": concurrency, "workers": 2, "targets": measured}


def load_table(load):
    lines = [
        f"Under load (gunicorn, 2 workers, {load['concurrency']} threads, {load['seconds']} s "
        "each, largest content): × floor",
        f"{'target':>14} {'req/s':>9} {'× floor':>8} {'p95 ms':>8} {'× floor':>8} {'failed':>7}",
    ]
    for name, result in load["targets"].items():
        lines.append(
            f"{name:>14} {result['requests_per_s']:>9.1f} {result['requests_per_s_ratio']:>8.2f} "
            f"{result['p95_ms']:>8.2f} {result['p95_ratio']:>8.2f} {result['failures']:>7}"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=25, help="timed runs per measurement")
    parser.add_argument(
        "--load-seconds",
        type=int,
        default=20,
        help="seconds of load per target on gunicorn (0: no load run)",
    )
    parser.add_argument("--concurrency", type=int, default=8, help="load generator threads")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eccipa-bench-") as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.conf import settings
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        floor_file = Path(folder) / "floor.json"
        os.environ["BENCH_FLOOR_FILE"] = str(floor_file)
        results = []
        for size in SIZES:
            print(f"Seeding {size} strategies × {SECTIONS} sections…", flush=True)
            call_command(  # fmt: skip
                "seed_demo",
                "--force",
                "--strategies",
                str(size),
                "--sections",
                str(SECTIONS),
                "--modules",
                str(MODULES),
                verbosity=0,
            )
            results.append(measure(size, arguments.runs, floor_file))
        load = under_load(Path(folder), arguments.load_seconds, arguments.concurrency)

        report = {
            "benchmark": "graphql_manifesto",
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "runs": arguments.runs,
            "python": platform.python_version(),
            "database": settings.DATABASES["default"]["ENGINE"],
            "cache": settings.CACHES["default"]["BACKEND"],
            "results": results,
            "load": load,
        }
    print()
    print(table(results))
    if load:
        print()
        print(load_table(load))
    print(f"\nSQLite database, cache {report['cache']}, {arguments.runs} runs per median.")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"graphql_manifesto-{report['at'].replace(':', '')}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"Saved {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
