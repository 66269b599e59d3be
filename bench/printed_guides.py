"""Benchmark of the printed guides (PDF), against the HTML page they print.

    python bench/printed_guides.py [--runs 5] [--strategies 3] [--sections 4]

Seeds a throwaway SQLite database with the demo content and measures, in one run, the median
time of each printable page type: its HTML page (the floor), its PDF generated (cache entry
deleted before each request) and its PDF from the cache; the last two also as ratios to the
floor, with the size and page count of the PDF. The JSON goes to bench/results/ (not in git).
"""

import argparse
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def setup_django(database_path):
    """A fresh database and the test settings (DEBUG off, so Django keeps no query log)."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{database_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
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


def measure(runs):
    from django.core.cache import cache
    from django.test import Client
    from pypdf import PdfReader

    from co_design.models import (
        ManifestoPage,
        StrategyDraftPage,
        TrainingModulePage,
        TrainingProgrammePage,
    )
    from co_design.printing import cache as printed

    client = Client()
    pages = {
        "manifesto": ManifestoPage.objects.get(locale__language_code="en"),
        "toolkit": TrainingProgrammePage.objects.get(locale__language_code="en"),
        "module": TrainingModulePage.objects.live().filter(locale__language_code="en").first(),
        "strategy": StrategyDraftPage.objects.live().filter(locale__language_code="en").first(),
    }
    results = {}
    for name, page in pages.items():

        def get(url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        def forget(page=page):
            cache.delete(printed.entry_key("guide", page.pk, page.locale.language_code))

        pdf = get(f"{page.url}pdf/").content
        floor = median_ms(lambda page=page: get(page.url), runs)
        generated = median_ms(lambda page=page: get(f"{page.url}pdf/"), runs, before=forget)
        cached = median_ms(lambda page=page: get(f"{page.url}pdf/"), runs)
        results[name] = {
            "pdf_bytes": len(pdf),
            "pdf_pages": len(PdfReader(io.BytesIO(pdf)).pages),
            "median_ms": {
                "html": round(floor, 2),
                "pdf_generated": round(generated, 2),
                "pdf_cached": round(cached, 2),
            },
            "ratio_to_html": {
                "pdf_generated": round(generated / floor, 2),
                "pdf_cached": round(cached / floor, 2),
            },
        }
    return results


def table(results):
    lines = [
        f"{'page':>10} {'pages':>6} {'KiB':>7} {'html ms':>9} {'pdf ms':>9} {'ratio':>7} "
        f"{'cached ms':>10} {'ratio':>7}"
    ]
    for name, result in results.items():
        ms, ratio = result["median_ms"], result["ratio_to_html"]
        lines.append(
            f"{name:>10} {result['pdf_pages']:>6} {result['pdf_bytes'] / 1024:>7.1f} "
            f"{ms['html']:>9.1f} {ms['pdf_generated']:>9.1f} {ratio['pdf_generated']:>7.1f} "
            f"{ms['pdf_cached']:>10.1f} {ratio['pdf_cached']:>7.2f}"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--strategies", type=int, default=3)
    parser.add_argument("--sections", type=int, default=4)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eccipa-bench-") as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.conf import settings
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        print(f"Seeding {arguments.strategies} strategies × {arguments.sections} sections…")
        call_command(
            "seed_demo",
            "--force",
            "--strategies",
            str(arguments.strategies),
            "--sections",
            str(arguments.sections),
            verbosity=0,
        )
        results = measure(arguments.runs)
        report = {
            "benchmark": "printed_guides",
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "runs": arguments.runs,
            "strategies": arguments.strategies,
            "sections": arguments.sections,
            "python": platform.python_version(),
            "cache": settings.CACHES["default"]["BACKEND"],
            "results": results,
        }
    print()
    print(table(results))
    print(f"\nSQLite database, cache {report['cache']}, {arguments.runs} runs per median.")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"printed_guides-{report['at'].replace(':', '')}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"Saved {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
