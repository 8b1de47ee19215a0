"""Benchmarks: `make bench`. Never part of the test suite.

Runs against a throwaway SQLite database in a temporary directory:
1. parsing and question generation for the seed, the longest shared article
   and a synthetic 5,000-word report;
2. importing the seed (parse, store, render, generate);
3. enrolling 10,000 trainees from one CSV file;
4. serving the briefing and question pages with gunicorn on 127.0.0.1
   (a bounded number of sequential requests from one client).
"""

from __future__ import annotations

import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
WORKDIR = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SQLITE_PATH": str(WORKDIR / "bench.sqlite3"),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_PLAIN_STATIC": "1",
    }
)
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

SHARED = REPO.parent / "shared" / "articles"
REQUESTS = 300


def report(label: str, milliseconds: float, note: str = "") -> None:
    print(f"{label:<58} {milliseconds:8.1f} ms  {note}".rstrip())


def timed(label: str, func, *, repeat: int = 5) -> object:  # type: ignore[no-untyped-def]
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    print(f"{label:<58} median {statistics.median(times) * 1000:8.1f} ms  (n={repeat})")
    return result


def synthetic_report(words: int = 5000) -> str:
    sentence = (
        "On March {d}, officials of the Regional Security Council (RSC) said 1,{n:03d} troops "
        "had moved 40 kilometres north, according to analyst Maria Lopez."
    )
    paragraphs, count, n = [], 0, 0
    while count < words:
        text = " ".join(sentence.format(d=(n % 27) + 1, n=n % 1000) for _ in range(4))
        paragraphs.append(text)
        count += len(text.split())
        n += 1
    return "Bench Wire\n\nA Long Synthetic Report\n\nBy Bench Desk\n\n" + "\n\n".join(paragraphs)


def bench_text() -> None:
    from briefings.text import parse_article
    from quizzes.text import generate_questions

    seed = (REPO / "seeds" / "000_1ac0a032031a176d.txt").read_text(encoding="utf-8")
    inputs = [("seed", seed), ("synthetic 5,000-word report", synthetic_report())]
    longest = SHARED / "08_crs_mongolia_in_brief.txt"
    if longest.exists():
        inputs.insert(1, ("shared 08 (3,500 words)", longest.read_text(encoding="utf-8")))
    for label, text in inputs:
        article = timed(f"parse: {label}", lambda text=text: parse_article(text))
        questions = timed(f"generate questions: {label}", lambda a=article: generate_questions(a))
        print(f"{'':<58} {len(questions)} questions")  # type: ignore[arg-type]


def bench_import() -> None:
    from briefings.services import import_article

    data = (REPO / "seeds" / "000_1ac0a032031a176d.txt").read_bytes()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    import_article(data=data, source_name="seed.txt", approve_questions=True)
    elapsed = (time.perf_counter() - started) * 1000
    report("import the seed (parse, store, render, generate)", elapsed)


def synthetic_page(words: int = 5000) -> str:
    """A 5,000-word news page: the article inside a banner, navigation and footer."""
    paragraphs = synthetic_report(words).split("\n\n")[4:]
    sections = "".join(
        (f"<h2>Section {n // 6 + 1}</h2>" if n % 6 == 0 else "") + f"<p>{text}</p>"
        for n, text in enumerate(paragraphs)
    )
    chrome = "".join(f"<li><a href='/s{n}'>Section link {n}</a></li>" for n in range(30))
    return (
        "<!DOCTYPE html><html><head><title>A Long Synthetic Report | Bench Wire</title></head>"
        f"<body><header><div>Bench Wire banner</div><nav><ul>{chrome}</ul></nav></header>"
        f"<main><article><h1>A Long Synthetic Report</h1><p>By Bench Desk</p>{sections}"
        f"</article></main><footer><ul>{chrome}</ul><p>Bench Wire, 1 Main Street</p></footer>"
        "</body></html>"
    )


def bench_html_import() -> None:
    from briefings.services import import_article
    from briefings.text.readers import read_article
    from briefings.text.readers.dispatch import read_draft

    data = synthetic_page().encode()
    timed("read a 5,000-word HTML page (extract only)", lambda: read_draft(data, filename="p.html"))
    timed(
        "read a 5,000-word HTML page (extract and parse)",
        lambda: read_article(data, filename="p.html"),
    )
    started = time.perf_counter()
    outcome = import_article(data=data, source_name="bench-page.html")
    elapsed = (time.perf_counter() - started) * 1000
    report(
        "import a 5,000-word HTML page (all steps)",
        elapsed,
        f"({outcome.briefing.word_count:,} words, {outcome.report.questions} questions)",
    )


def bench_enrolment() -> None:
    from datetime import date

    from cohorts.models import Cohort
    from cohorts.services import enrol_csv
    from organisations.models import Organisation

    organisation = Organisation.objects.create(name="Bench", slug="bench")
    Cohort.objects.create(organisation=organisation, name="Large intake", start_date=date.today())
    rows = ["email,first name,last name,cohort"] + [
        f"trainee{n}@bench.example,Trainee,Number {n},Large intake" for n in range(10_000)
    ]
    data = ("\n".join(rows) + "\n").encode()
    from django.test.utils import override_settings

    with override_settings(
        MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
    ):
        started = time.perf_counter()
        outcome = enrol_csv(organisation=organisation, data=data, site_url="http://127.0.0.1")
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = enrol_csv(organisation=organisation, data=data, site_url="http://127.0.0.1")
        second = time.perf_counter() - started
    report("CSV enrolment, 10,000 new rows", first * 1000, f"({outcome.created_accounts} accounts)")
    report("CSV enrolment, same file again", second * 1000, f"({again.created_accounts} accounts)")


def bench_queries() -> None:
    """SQL queries per page, as a signed-in user sees them (the tests enforce budgets)."""
    from datetime import date

    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from briefings.models import Briefing
    from cohorts.demo import instructor_group
    from cohorts.models import Cohort, Enrolment
    from organisations.models import Membership, Organisation
    from quizzes import attempts
    from quizzes.models import Question
    from tests.factories import enrol_in_briefing

    briefing = Briefing.objects.order_by("pk").first()
    assert briefing is not None
    quiz = briefing.quizzes.get(is_default=True)
    trainee = User.objects.create_user("query-trainee", password="bench-pass-123456")
    enrol_in_briefing(trainee, briefing)
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    response = attempt.responses.filter(question__kind=Question.Kind.SINGLE_CHOICE).first()
    client = Client()
    client.force_login(trainee)

    def count(label: str, method: str, path: str, **kwargs: object) -> None:
        with CaptureQueriesContext(connection) as queries:
            result = getattr(client, method)(path, **kwargs)
        assert result.status_code < 400, (path, result.status_code)
        print(f"{label:<58} {len(queries.captured_queries):3d} queries")

    count("briefing page", "get", briefing.get_absolute_url())
    count("question page", "get", f"/quizzes/attempts/{attempt.pk}/questions/2/")
    if response is not None:
        count(
            "answer save (htmx)",
            "post",
            f"/quizzes/attempts/{attempt.pk}/questions/{response.position}/",
            data={"answer": "0", "revision": str(response.revision)},
            headers={"HX-Request": "true"},
        )
    count("summary page", "get", f"/quizzes/attempts/{attempt.pk}/summary/")
    attempts.submit_attempt(attempt=attempt)
    count("results page", "get", f"/quizzes/attempts/{attempt.pk}/results/")
    count("my learning", "get", "/quizzes/learning/")

    organisation = Organisation.objects.create(name="Query Org", slug="query-org")
    cohort = Cohort.objects.create(
        organisation=organisation, name="Matrix", start_date=date.today()
    )
    instructor = User.objects.create_user("query-instructor", is_staff=True)
    instructor.groups.add(instructor_group())
    Membership.objects.create(organisation=organisation, user=instructor, role="instructor")
    from cohorts.models import Assignment

    Assignment.objects.create(cohort=cohort, quiz=quiz)
    client.force_login(instructor)
    for size in (5, 50):
        while cohort.enrolments.count() < size:
            n = cohort.enrolments.count()
            user = User.objects.create_user(f"matrix-{n}")
            Enrolment.objects.create(cohort=cohort, user=user)
            attempts.submit_attempt(attempt=attempts.start_attempt(user=user, quiz=quiz))
        count(f"cohort progress matrix, {size} trainees", "get", f"/teach/cohorts/{cohort.pk}/")


def bench_http() -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    from briefings.models import Briefing
    from quizzes import attempts
    from tests.factories import enrol_in_briefing

    briefing = Briefing.objects.order_by("pk").first()
    assert briefing is not None
    user = User.objects.create_user("bench-trainee", password="bench-pass-123456")
    enrol_in_briefing(user, briefing)
    attempt = attempts.start_attempt(user=user, quiz=briefing.quizzes.get(is_default=True))
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    port = "8765"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=REPO,
        env=os.environ.copy(),
    )  # fmt: skip
    try:
        for _ in range(50):
            try:
                http.client.HTTPConnection("127.0.0.1", int(port), timeout=1).request("GET", "/")
                break
            except OSError:
                time.sleep(0.1)
        for label, path in [
            ("GET briefing page (gunicorn, 2 workers)", briefing.get_absolute_url()),
            (
                "GET question page (gunicorn, 2 workers)",
                f"/quizzes/attempts/{attempt.pk}/questions/1/",
            ),
        ]:
            latencies = []
            connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
            started = time.perf_counter()
            for _ in range(REQUESTS):
                t0 = time.perf_counter()
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                assert response.status == 200, response.status
                latencies.append(time.perf_counter() - t0)
            total = time.perf_counter() - started
            latencies.sort()
            p50 = latencies[len(latencies) // 2] * 1000
            p95 = latencies[int(len(latencies) * 0.95)] * 1000
            print(f"{label:<58} {REQUESTS / total:8.1f} req/s  p50 {p50:.1f} ms  p95 {p95:.1f} ms")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    print(f"Python {sys.version.split()[0]}, database {WORKDIR / 'bench.sqlite3'}")
    bench_text()
    bench_import()
    bench_html_import()
    bench_enrolment()
    bench_queries()
    bench_http()
