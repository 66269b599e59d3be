"""Benchmark of the GraphQL API and the consultation room, every figure measured in one run.

    make bench            (or: python bench/graphql_manifesto.py [--runs 25] [--postgres URL])
    make bench-smoke      (the smallest size, one run, one second of load per target: CI runs
                           it so the bench cannot rot)
    python bench/graphql_manifesto.py --only room   (the consultation room alone)

Seeds a throwaway SQLite database with the demo content (3, then 30 strategies of 20 sections
each) and measures the median time of the published Manifesto query (graphql/queries/):

uncached, in process (each also as SQL queries of one answer):
- ours:       the persisted query run as the view runs it (execution.run): JSON bytes out;
- hand-built: the same rows through the same lookups, turned into the same dict by plain Python
              and encoded (bench/hand_built.py; checked equal to ours): the physical floor;
- grapple:    wagtail-grapple over the same models (bench/bench_grapple.py), the same data as
              far as grapple's annotations reach, executed and encoded;
- REST v2:    Wagtail's REST API v2 listing the live English strategies (the Manifesto's 3 or
              30) with summary, vision and sections, through the test client (enabled in this
              process only);
the four one after another in each round, and ours as the median of its ratios to each, round
by round (so that a machine changing speed during the run weighs on all alike);
over HTTP, through Django's test client, as ratios to the floor (a plain Django view returning
the same JSON bytes from memory):
- view:       POST /graphql/, cache purged before each request;
- cached:     GET /graphql/?id=<sha256>, answered from the cache, plain and with gzip;
- 304:        the same GET with If-None-Match;
(these three interleaved with the floor, as ratios round by round);
then the consultation room at 0, 50 and 500 comments (bench/consultation_room.py), a load run
on gunicorn (2 workers, loopback; --load-seconds per target) against the persisted GET (plain
and gzip) and the floor, and, given --postgres, 50 stakeholders posting at once on PostgreSQL.
The results are printed and saved as JSON in bench/results/ (not in git).
"""

import argparse
import gzip
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
ROOM_SIZES = (0, 50, 500)
LOAD_ROUND_SECONDS = 5
SECTIONS = 20
MODULES = 50
QUERY_FILE = ROOT / "graphql" / "queries" / "manifesto.graphql"
# In-process timings: CPU time of this process by default, which other work on a shared
# machine barely disturbs (--clock wall for elapsed time). The load run is elapsed time.
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def setup_django(database_path, peers=True):
    """A fresh database and the test settings (DEBUG off, so Django keeps no query log); with
    `peers`, the bench settings that add the APIs ours is compared with (bench/requirements.txt)."""
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    os.environ["DATABASE_URL"] = f"sqlite:///{database_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings" if peers else "cms.settings.test"
    os.environ.setdefault("TASK_BACKEND", "immediate")
    import django

    django.setup()
    if not peers:
        return
    # grapple builds its schema first, from graphene-django's registry as grapple alone fills
    # it: built after ours, it would take in our types too (and clash on their names).
    import grapple.schema  # noqa: F401


def median_ms(action, runs, before=None):
    timings = []
    for _ in range(runs):
        if before:
            before()
        started = clock()
        action()
        timings.append((clock() - started) * 1000)
    return statistics.median(timings)


def interleaved_ms(actions, runs):
    """Each action once per round, round after round: a machine that speeds up or slows down
    during the run (a shared or virtual one does) weighs on every action alike. Returns the
    median ms of each, and the timings of each round for paired ratios."""
    rounds = []
    for _ in range(runs):
        timings = {}
        for name, action in actions.items():
            started = clock()
            action()
            timings[name] = (clock() - started) * 1000
        rounds.append(timings)
    medians = {name: statistics.median(r[name] for r in rounds) for name in actions}
    return medians, rounds


def paired_ratio(rounds, name, other):
    """The median over the rounds of name's time ÷ other's time in the same round."""
    return statistics.median(r[name] / r[other] for r in rounds)


def sql_count(action):
    """Queries sent to the database while `action` runs (counted as they go, so that the test
    client's reset of the query log at each request loses none)."""
    from django.db import connection

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        action()
    return count


def measure(size, runs, floor_file):
    import hand_built
    import orjson
    from bench_grapple import MANIFESTO_QUERY
    from django.test import Client
    from graphql import execute, parse
    from grapple.schema import schema as grapple_schema

    from cms.schema import schema
    from co_design.graphql_api import response_cache
    from co_design.graphql_api.execution import encode, run
    from co_design.graphql_api.persisted import find_published_query
    from co_design.models import ManifestoPage

    query = QUERY_FILE.read_text(encoding="utf-8")
    query_id = hashlib.sha256(query.encode()).hexdigest()
    document = find_published_query(query_id).document
    client = Client()

    def ours():
        answer = run(schema, None, document=document, trusted=True)
        assert answer.status == 200, answer.body[:500]
        return answer.body

    data = orjson.loads(ours())["data"]
    chapters = len(data["manifesto"]["chapters"])
    assert chapters == size, f"expected {size} chapters, found {chapters}"
    assert hand_built.manifesto_data() == data, "the hand-built dict differs from the answer"

    grapple_document = parse(MANIFESTO_QUERY)
    manifesto_id = ManifestoPage.objects.live().get(locale__language_code="en").pk

    def grapple():
        result = execute(
            grapple_schema.graphql_schema,
            grapple_document,
            variable_values={"id": manifesto_id},
        )
        assert not result.errors, result.errors[:3]
        return encode({"data": result.data})

    grapple_answer = orjson.loads(grapple())["data"]["page"]
    assert len(grapple_answer["chapters"]) == size
    assert sum(len(c["strategy"]["sections"]) for c in grapple_answer["chapters"]) == sum(
        len(c["strategy"]["sections"]) for c in data["manifesto"]["chapters"]
    )

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
    # The strategies of the Manifesto's locale only: the demo also has them in de, it and es.
    rest_query = {"type": "co_design.StrategyDraftPage", "fields": "summary,vision,sections",
                  "locale": "en", "limit": 100}  # fmt: skip

    def rest():
        response = client.get(rest_url, rest_query)
        assert response.status_code == 200, response.content[:500]
        return response

    rest_answer = rest()
    assert rest_answer.json()["meta"]["total_count"] == size, "REST v2 lists other strategies"
    sql = {
        "ours": sql_count(ours),
        "hand_built": sql_count(hand_built.manifesto_answer),
        "grapple": sql_count(grapple),
        "rest_v2": sql_count(rest),
    }
    uncached, uncached_rounds = interleaved_ms(
        {"ours": ours, "hand_built": hand_built.manifesto_answer, "grapple": grapple,
         "rest_v2": rest},
        runs,
    )  # fmt: skip
    http = {"view": median_ms(post, runs, before=response_cache.purge)}
    plain, zipped, squeezed = (
        get(HTTP_ACCEPT_ENCODING=coding) for coding in ("identity", "gzip", "br")
    )  # from here on, the answer is in the cache
    assert json.loads(gzip.decompress(zipped.content)) == plain.json()
    cached, http_rounds = interleaved_ms(
        {
            "cached": get,
            "cached_gzip": lambda: get(HTTP_ACCEPT_ENCODING="gzip"),
            "304": lambda: get(HTTP_IF_NONE_MATCH=plain["ETag"]),
            "floor": lambda: client.get("/bench/floor/"),
        },
        runs,
    )
    http.update(cached)
    return {
        "strategies": size,
        "sections_per_strategy": SECTIONS,
        "chapters": chapters,
        "sql_queries": sql,
        "answer_bytes": {
            "ours": len(plain.content),
            "ours_gzip": len(zipped.content),
            "ours_brotli": len(squeezed.content),
            "grapple": len(grapple()),
            "rest_v2": len(rest_answer.content),
        },
        "rest_v2_pages": rest_answer.json()["meta"]["total_count"],
        "uncached_median_ms": {name: round(value, 2) for name, value in uncached.items()},
        "ours_ratio_to": {
            name: round(paired_ratio(uncached_rounds, "ours", name), 2)
            for name in uncached
            if name != "ours"
        },
        "http_median_ms": {name: round(value, 3) for name, value in http.items()},
        "http_ratio_to_floor": {
            "view": round(http["view"] / http["floor"], 2),
            **{name: round(paired_ratio(http_rounds, name, "floor"), 2) for name in cached},
        },
    }


def table(results):
    uncached = ["ours", "hand_built", "grapple", "rest_v2"]
    lines = [
        "Manifesto, uncached, in process: median ms (SQL queries); ours as a ratio to each",
        f"{'strategies':>10}  " + "  ".join(f"{name:>16}" for name in uncached)
        + f"  {'÷ hand-built':>12} {'÷ grapple':>10} {'÷ REST v2':>10}",
    ]  # fmt: skip
    for result in results:
        cells = [
            f"{result['uncached_median_ms'][name]:9.2f} ({result['sql_queries'][name]:>4})"
            for name in uncached
        ]
        ratios = result["ours_ratio_to"]
        lines.append(
            f"{result['strategies']:>10}  " + "  ".join(f"{cell:>16}" for cell in cells)
            + f"  {ratios['hand_built']:>12.2f} {ratios['grapple']:>10.2f} "
            f"{ratios['rest_v2']:>10.2f}"
        )  # fmt: skip
    http = ["view", "cached", "cached_gzip", "304", "floor"]
    lines += [
        "",
        "Manifesto over HTTP (test client): median ms (× floor); bytes plain / gzip / brotli",
        f"{'strategies':>10} {'bytes':>22}  " + "  ".join(f"{name:>16}" for name in http),
    ]
    for result in results:
        size = result["answer_bytes"]
        sizes = f"{size['ours']}/{size['ours_gzip']}/{size['ours_brotli']}"
        cells = [
            f"{result['http_median_ms'][name]:8.2f} ({result['http_ratio_to_floor'][name]:>5.2f}×)"
            for name in http
        ]
        lines.append(
            f"{result['strategies']:>10} {sizes:>22}  " + "  ".join(f"{c:>16}" for c in cells)
        )
    return "\n".join(lines)


def merged_load(runs):
    """One figure of several slices of the same target's load."""
    timings = [timing for run in runs for timing in run["timings"]]
    elapsed = sum(run["elapsed"] for run in runs)
    return {
        "requests": len(timings),
        "failures": sum(run["failures"] for run in runs),
        "bytes_per_answer": statistics.median(run["bytes_per_answer"] for run in runs),
        "requests_per_s": round(len(timings) / elapsed, 1),
        "p95_ms": round(statistics.quantiles(timings, n=20)[-1], 2),
    }


def load_run(url, seconds, concurrency, headers=None):
    """Fixed concurrency for a fixed time: each thread sends requests one after another."""
    import requests

    deadline = time.monotonic() + seconds
    timings, failures, received = [], [], []

    def worker():
        http = requests.Session()
        while time.monotonic() < deadline:
            started = time.perf_counter()
            # stream=True: the bytes as sent, not decompressed by requests.
            response = http.get(url, headers=headers, timeout=30, stream=True)
            body = response.raw.read()
            timings.append((time.perf_counter() - started) * 1000)
            received.append(len(body))
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
        "timings": timings,
        "elapsed": elapsed,
        "failures": len(failures),
        "bytes_per_answer": statistics.median(received),
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def under_load(seconds, concurrency):
    """gunicorn (2 workers, loopback) on the database as last seeded: the persisted GET (served
    from each worker's cache after its first answer), plain and gzip, against the floor."""
    if seconds <= 0:
        return None
    import requests

    query_id = hashlib.sha256(QUERY_FILE.read_text(encoding="utf-8").encode()).hexdigest()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "bench")])}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "bench_settings"},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    persisted = f"{base}/graphql/?id={query_id}"
    targets = {
        "persisted_get": (persisted, {"Accept-Encoding": "identity"}),
        "persisted_get_gzip": (persisted, {"Accept-Encoding": "gzip"}),
        "floor": (f"{base}/bench/floor/", {"Accept-Encoding": "identity"}),
    }
    try:
        for _ in range(200):
            try:
                requests.get(f"{base}/bench/floor/", timeout=5)
                break
            except requests.RequestException:
                time.sleep(0.1)
        for url, headers in targets.values():  # warm both workers
            for _ in range(20):
                requests.get(url, headers=headers, timeout=30).raise_for_status()
        print(f"Load: {seconds} s per target, {concurrency} threads, gunicorn 2 workers…",
              flush=True)  # fmt: skip
        # In rounds of about LOAD_ROUND_SECONDS per target, the targets taking turns: a
        # machine that changes speed during the run weighs on all of them alike.
        rounds = max(1, round(seconds / LOAD_ROUND_SECONDS))
        slices = {name: [] for name in targets}
        for _ in range(rounds):
            for name, (url, headers) in targets.items():
                slices[name].append(load_run(url, seconds / rounds, concurrency, headers))
        measured = {name: merged_load(runs) for name, runs in slices.items()}
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
        f"{'target':>19} {'bytes':>8} {'req/s':>9} {'× floor':>8} {'p95 ms':>8} {'× floor':>8} "
        f"{'failed':>7}",
    ]
    for name, result in load["targets"].items():
        lines.append(
            f"{name:>19} {result['bytes_per_answer']:>8.0f} {result['requests_per_s']:>9.1f} "
            f"{result['requests_per_s_ratio']:>8.2f} {result['p95_ms']:>8.2f} "
            f"{result['p95_ratio']:>8.2f} {result['failures']:>7}"
        )
    return "\n".join(lines)


def machine():
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
    }


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
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", ""),
        help="a PostgreSQL server (postgres://user@host:port/any) for the 50 concurrent "
        "stakeholders; without it that part is not measured",
    )
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="in-process timings as CPU time of the bench process (default) or elapsed time",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="the smallest size, one run, one second of load per target with 2 threads, no "
        "PostgreSQL part: checks the bench runs",
    )
    parser.add_argument(
        "--only",
        choices=["room"],
        help="room: only the consultation room (seeds the largest size, measures nothing else; "
        "needs no bench requirements)",
    )
    arguments = parser.parse_args()
    global clock
    clock = CLOCKS[arguments.clock]
    sizes, room_sizes = SIZES, ROOM_SIZES
    if arguments.smoke:
        sizes, room_sizes = SIZES[:1], ROOM_SIZES[:2]
        arguments.runs, arguments.postgres = 1, ""
        # A second per target: not a measurement, but the load run's code (gunicorn, the rounds,
        # the merged figures) runs in CI too, so it cannot rot unseen.
        arguments.load_seconds, arguments.concurrency = 1, 2
    # The room is measured on the content of the last size seeded: only that one is needed.
    only_room = arguments.only == "room"
    if only_room:
        sizes, arguments.load_seconds = sizes[-1:], 0

    from consultation_room import concurrency_table, concurrent_posts, room_render, room_table

    with tempfile.TemporaryDirectory(prefix="eccipa-bench-") as folder:
        setup_django(Path(folder) / "bench.sqlite3", peers=not only_room)
        from django.conf import settings
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        floor_file = Path(folder) / "floor.json"
        os.environ["BENCH_FLOOR_FILE"] = str(floor_file)
        results = []
        for size in sizes:
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
            if not only_room:
                results.append(measure(size, arguments.runs, floor_file))
        load = under_load(arguments.load_seconds, arguments.concurrency)
        print("Consultation room…", flush=True)
        room = room_render(room_sizes, arguments.runs, median_ms, sql_count)
        concurrency = None
        if arguments.postgres:
            print("50 stakeholders posting at once on PostgreSQL…", flush=True)
            concurrency = concurrent_posts(arguments.postgres, folder)

        report = {
            "benchmark": "graphql_manifesto",
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "smoke": arguments.smoke,
            "runs": arguments.runs,
            "clock": arguments.clock,
            "machine": machine(),
            "database": settings.DATABASES["default"]["ENGINE"],
            "cache": settings.CACHES["default"]["BACKEND"],
            "results": results,
            "load": load,
            "room": room,
            "concurrent_posts": concurrency,
        }
    if results:
        print()
        print(table(results))
    if load:
        print()
        print(load_table(load))
    print()
    print(room_table(room))
    print()
    print(concurrency_table(concurrency) if concurrency else
          "Concurrent posts on PostgreSQL: not measured (give --postgres URL).")  # fmt: skip
    box = report["machine"]
    print(
        f"\nSQLite database, cache {report['cache']}, {arguments.runs} runs per median "
        f"({arguments.clock} time in process); "
        f"{box['cpus']} CPUs ({box['cpu_model']}), Python {box['python']}."
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    kind = "smoke" if arguments.smoke else "room" if only_room else "graphql_manifesto"
    out = RESULTS / f"{kind}-{report['at'].replace(':', '')}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"Saved {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
