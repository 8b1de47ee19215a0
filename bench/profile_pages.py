"""Where a page's time goes: `python bench/profile_pages.py [--top N] [PAGE ...]`.

Loads the same data as ``bench/load.py`` (production settings, a throwaway
SQLite database, the demo cohort), signs one trainee in and serves each page
in-process through the whole middleware stack, without a network or a server:

1. the median time per request and the queries each page runs;
2. a profile of many requests of each page, summed by where the time is
   spent: the ORM building SQL, the database, templates, sessions and
   authentication, middleware, the view's own code; then the share of a few
   steps with everything they call (rendering templates, building SQL,
   running it, reading the session and user).

Never part of the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from urllib.parse import urlencode  # noqa: E402

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench import load  # noqa: E402  (sets the environment and calls django.setup())

# Where a function's own time is counted, by the path of its file.
AREAS = [
    ("database", ("sqlite3/base.py", "sqlite3/", "psycopg")),
    ("ORM: building SQL", ("django/db/models/sql/", "django/db/models/expressions")),
    ("ORM: models and rows", ("django/db/models/",)),
    ("templates", ("django/template/", "django/templatetags/", "templatetags/")),
    (
        "sessions and auth",
        ("django/contrib/sessions/", "django/contrib/auth/", "django/core/signing"),
    ),
    (
        "middleware and handler",
        ("django/core/handlers/", "django/middleware/", "django/utils/deprecation"),
    ),
    ("translation", ("django/utils/translation/",)),
    ("urls", ("django/urls/",)),
    ("test client", ("django/test/",)),
    (
        "project code",
        ("/briefings/", "/quizzes/", "/cohorts/", "/organisations/", "/accounts/", "/config/"),
    ),
]


# Entry points whose time, with all they call, says what a page spends on each step.
STEPS = [
    ("rendering templates", "django/template/backends/django.py", "render"),
    ("building SQL (ORM)", "django/db/models/sql/compiler.py", "as_sql"),
    ("running SQL and reading rows (ORM)", "django/db/models/sql/compiler.py", "execute_sql"),
    ("running prepared queries, rows built", "config/prepared.py", "all"),
    ("reading the session and the user", "accounts/sessions/__init__.py", "get_user"),
]


def area(filename: str) -> str:
    for name, needles in AREAS:
        if any(needle in filename for needle in needles):
            return name
    return "other (Python, libraries)"


def count(queries: list[str], execute: Any, sql: str, *args: Any) -> Any:
    """An execute wrapper that notes each statement."""
    queries.append(sql)
    return execute(sql, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help="bare floor briefing question learning answer")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--sql", action="store_true", help="also print each page's queries")
    parser.add_argument("--top", type=int, default=0, help="also list the N costliest functions")
    # PROFILE_SORT=cumulative lists them by time with all they call.
    args = parser.parse_args()

    briefing_path, people = load.prepare(load.CLIENTS)
    person = people[0]
    client = Client(HTTP_HOST=load.HOST)
    client.cookies["sessionid"] = person.session
    pages = {
        "bare": "/healthz/",
        "floor": "/bench/signed-in/",
        "briefing": briefing_path,
        "question": person.question_path,
        "learning": "/quizzes/learning/",
    }
    html = client.get(person.question_path).content.decode()
    turns = iter(range(1, 10**9))
    revision = {"now": dict(load.answer_fields(html, 0)).get("revision", "")}

    def save_answer() -> Any:
        """The htmx POST a changed answer sends, a different choice each time."""
        fields = [
            (k, revision["now"] if k == "revision" else v)
            for k, v in load.answer_fields(html, next(turns))
        ]
        response = client.post(
            person.question_path,
            urlencode(fields),
            content_type="application/x-www-form-urlencoded",
            headers={"HX-Request": "true", "HX-Target": "answer-status"},
        )
        revision["now"] = dict(load.new_revision(response.content.decode(), fields)).get(
            "revision", ""
        )
        return response

    def fetch(name: str) -> Any:
        return save_answer() if name == "answer" else client.get(pages[name])

    chosen = args.pages or [*pages, "answer"]
    print(f"{'page':<10} {'median ms':>10} {'queries':>8}")
    for name in chosen:
        for _ in range(20):
            assert fetch(name).status_code == 200, name
        queries: list[str] = []

        with connection.execute_wrapper(partial(count, queries)):
            fetch(name)
        times = []
        for _ in range(args.requests):
            started = time.perf_counter()
            fetch(name)
            times.append(time.perf_counter() - started)
        print(f"{name:<10} {statistics.median(times) * 1000:>10.2f} {len(queries):>8}")
        if args.sql:
            for sql in queries:
                print(f"    {sql[:300]}")

    for name in chosen:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            fetch(name)
        profiler.disable()
        stats = pstats.Stats(profiler)
        by_area: dict[str, float] = {}
        total = 0.0
        for (filename, _, _), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
            by_area[area(filename)] = by_area.get(area(filename), 0.0) + own
            total += own
        print(f"\n{name}: {total / args.requests * 1000:.2f} ms per request under the profiler")
        for label, seconds in sorted(by_area.items(), key=lambda item: -item[1]):
            print(f"  {label:<28} {seconds / total * 100:5.1f} %")
        for label, path, function in STEPS:
            inclusive = sum(
                cumulative
                for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items()  # type: ignore[attr-defined]
                if filename.endswith(path) and name == function
            )
            print(f"  {'with all it calls, ' + label:<58} {inclusive / total * 100:5.1f} %")
        if args.top:
            stats.sort_stats(os.environ.get("PROFILE_SORT", "tottime")).print_stats(args.top)


if __name__ == "__main__":
    main()
