"""A database outage under load: PostgreSQL stops for a few seconds mid-run.

    .venv/bin/python bench/outage.py [--trainees 12] [--workers 3] [--before 5]
                                     [--outage 5] [--after 10] [--json FILE]

Starts a throwaway PostgreSQL cluster on a Unix socket in a temporary
directory (as the ``postgres`` user when run as root, like
``.ci/with-postgres``), migrates it, imports the seed briefing, enrols the
trainees with an attempt each and serves the site with gunicorn. Every
trainee then answers question after question as a browser would: half with
the htmx autosave, half with plain posts and "Next", each save sent again
until it is acknowledged (after the 503's Retry-After, else 1, 2, 4, 8 s),
with My learning opened now and then.

Once every trainee has had an answer saved, the run goes on for ``--before``
seconds; then PostgreSQL is stopped (fast shutdown, which ends every
connection) and started again ``--outage`` seconds later, or once a response
has come back 503 if none has yet (a loaded machine can be slow to send
one); the trainees go on for ``--after`` seconds more, and saves still
unacknowledged then have 30 seconds to get through.

Prints the responses by kind and status, then checks every answer that was
acknowledged as saved against the database. Exits 1 when any response was a
500 or an acknowledged answer is missing, or when no 503 was seen.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import http.client
import json
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_1ac0a032031a176d.txt"
BACKOFF = [1.0, 2.0, 4.0, 8.0]
GRACE_SECONDS = 30  # after the run, for saves still being retried
LONGEST_WAIT = 60  # for the first saves, and for a 503 while stopped
CHOICE_KINDS = ["single_choice", "true_false"]
REVISION = re.compile(r'name="revision" value="(\d+)"')
OPTION = re.compile(r'id="option-(\d+)"')


class Cluster:
    """A PostgreSQL cluster in a temporary directory, reached on a Unix socket."""

    def __init__(self) -> None:
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
        if not bins:
            sys.exit("PostgreSQL is not installed (apt-get install postgresql).")
        self.bin = Path(bins[-1])
        self.dir = Path(tempfile.mkdtemp(prefix="briefings-outage-"))
        self.dir.chmod(0o755)
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.url = f"postgres://postgres@{quote(str(self.dir), safe='')}/briefings"

    def run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def create(self) -> None:
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        self.start()
        self.run("createdb", "-h", str(self.dir), "-U", "postgres", "briefings")

    def start(self) -> None:
        options = (
            f"-k {self.dir} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self.run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.dir / "server.log"),
            "-w",
            "-o",
            options,
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


@dataclass
class Trainee:
    attempt_id: int
    positions: int
    session: str
    htmx: bool
    csrf: str = field(default_factory=lambda: secrets.token_hex(16))  # 32 characters


class Clock:
    """When the trainees stop starting new questions, and stop retrying saves."""

    def __init__(self) -> None:
        self.ending: float | None = None

    def running(self) -> bool:
        return self.ending is None

    def may_retry(self) -> bool:
        return self.ending is None or time.monotonic() < self.ending + GRACE_SECONDS

    def end(self) -> None:
        self.ending = time.monotonic()


@dataclass
class Tally:
    statuses: Counter[tuple[str, str]] = field(default_factory=Counter)
    acknowledged: int = 0
    # The choice each question must hold: the last acknowledged, or the last
    # one found stored after its reply was lost (answered 409 when sent again).
    expected: dict[tuple[int, int], int] = field(default_factory=dict)
    pending: set[tuple[int, int]] = field(default_factory=set)
    retried_saves: int = 0
    stale_after_lost_reply: int = 0
    first_save_after_restart: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, kind: str, status: str) -> None:
        with self.lock:
            self.statuses[(kind, status)] += 1

    def total(self, status: str) -> int:
        with self.lock:
            return sum(n for (_, seen), n in self.statuses.items() if seen == status)

    def trainees_saved(self) -> int:
        with self.lock:
            return len({attempt for attempt, _ in self.expected})


def prepare(trainees: int) -> tuple[list[Trainee], int]:
    """Data for the run: the seed's choice questions, a cohort, an attempt per trainee."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client

    from briefings.services import import_article
    from cohorts.models import Assignment, Cohort, Enrolment
    from organisations.models import Membership, Organisation
    from quizzes import attempts
    from quizzes.models import Question

    call_command("migrate", verbosity=0)
    briefing = import_article(data=SEED.read_bytes(), source_name=SEED.name).briefing
    briefing.questions.filter(kind__in=CHOICE_KINDS).update(status=Question.Status.APPROVED)
    available = briefing.questions.filter(status=Question.Status.APPROVED).count()
    quiz = briefing.quizzes.get(is_default=True)
    quiz.question_count = min(6, available)
    quiz.mode = "assessment"
    quiz.time_limit_minutes = None
    quiz.save()
    organisation = Organisation.objects.create(name="Outage", slug="outage")
    cohort = Cohort.objects.create(
        organisation=organisation, name="Outage", start_date="2025-01-01"
    )
    Assignment.objects.create(cohort=cohort, quiz=quiz)
    people = []
    for n in range(trainees):
        user = User.objects.create_user(f"outage{n}", f"outage{n}@example.org")
        Membership.objects.create(organisation=organisation, user=user)
        Enrolment.objects.create(cohort=cohort, user=user)
        attempt = attempts.start_attempt(user=user, quiz=quiz, organisation_id=organisation.pk)
        client = Client()
        client.force_login(user)
        people.append(
            Trainee(
                attempt_id=attempt.pk,
                positions=attempt.responses.count(),
                session=client.cookies["sessionid"].value,
                htmx=n % 2 == 0,
            )
        )
    return people, quiz.question_count


class Browser:
    """One trainee's requests, with the cookies a signed-in browser sends."""

    def __init__(self, port: int, trainee: Trainee, tally: Tally, clock: Clock) -> None:
        self.port = port
        self.trainee = trainee
        self.tally = tally
        self.clock = clock
        self.cookie = f"sessionid={trainee.session}; csrftoken={trainee.csrf}"

    def request(
        self,
        kind: str,
        method: str,
        path: str,
        body: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], str]:
        """(status, headers, text); status 0 when the connection failed."""
        all_headers = {"Cookie": self.cookie, **(headers or {})}
        data = None
        if body is not None:
            data = urlencode(body)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=data, headers=all_headers)
            reply = connection.getresponse()
            text = reply.read().decode("utf-8", "replace")
            status, reply_headers = reply.status, {k.lower(): v for k, v in reply.getheaders()}
        except (OSError, http.client.HTTPException):
            status, reply_headers, text = 0, {}, ""
        finally:
            connection.close()
        self.tally.count(kind, str(status) if status else "no connection")
        return status, reply_headers, text

    def question_path(self, position: int) -> str:
        return f"/quizzes/attempts/{self.trainee.attempt_id}/questions/{position}/"

    def open_question(self, position: int) -> tuple[int, int] | None:
        """(revision, options) from the question page, once it loads."""
        failures = 0
        while self.clock.running():
            status, headers, text = self.request(
                "question page", "GET", self.question_path(position)
            )
            if status == 200:
                revision = REVISION.search(text)
                options = OPTION.findall(text)
                if revision and options:
                    return int(revision.group(1)), len(options)
                return None
            time.sleep(wait(headers, failures))
            failures += 1
        return None

    def save(self, position: int, revision: int, choice: int) -> str:
        """Send one answer until it is acknowledged: "saved", "stale" or "gave up"."""
        key = (self.trainee.attempt_id, position)
        if self.trainee.htmx:
            kind, body = "answer (htmx)", {"answer": str(choice), "revision": str(revision)}
            headers = {"HX-Request": "true", "X-CSRFToken": self.trainee.csrf}
        else:
            kind = "answer (no JS)"
            body = {
                "answer": str(choice),
                "revision": str(revision),
                "action": "next",
                "csrfmiddlewaretoken": self.trainee.csrf,
            }
            headers = {}
        with self.tally.lock:
            self.tally.pending.add(key)
        failures = 0
        while self.clock.may_retry():
            status, reply_headers, text = self.request(
                kind, "POST", self.question_path(position), body, headers
            )
            saved = (status == 200 and "Answer saved." in text) or status == 302
            if saved or status == 409:
                with self.tally.lock:
                    self.tally.pending.discard(key)
                    self.tally.expected[key] = choice
                    if saved:
                        self.tally.acknowledged += 1
                        if failures and self.tally.first_save_after_restart is None:
                            self.tally.first_save_after_restart = time.monotonic()
                    else:
                        # An earlier send was stored but its reply was lost.
                        self.tally.stale_after_lost_reply += 1
                return "saved" if saved else "stale"
            with self.tally.lock:
                self.tally.retried_saves += 1
            time.sleep(wait(reply_headers, failures))
            failures += 1
        return "gave up"

    def run(self, rng: random.Random) -> None:
        position = 1
        rounds = 0
        while self.clock.running():
            opened = self.open_question(position)
            if opened is None:
                continue
            revision, options = opened
            self.save(position, revision, rng.randrange(options))
            rounds += 1
            if rounds % 4 == 0:
                self.request("My learning", "GET", "/quizzes/learning/")
            position = position % self.trainee.positions + 1


def wait(headers: dict[str, str], failures: int) -> float:
    """As the page's script waits: the backoff step, no less than Retry-After."""
    delay = BACKOFF[min(failures, len(BACKOFF) - 1)]
    retry_after = headers.get("retry-after", "")
    if retry_after.isdigit():
        delay = min(max(delay, float(retry_after)), BACKOFF[-1])
    return delay


def wait_for(condition: Callable[[], bool]) -> None:
    """Until ``condition`` holds, for at most LONGEST_WAIT seconds."""
    give_up = time.monotonic() + LONGEST_WAIT
    while not condition() and time.monotonic() < give_up:
        time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start; see " + str(log))


def verify(tally: Tally) -> tuple[int, int]:
    """(answers checked, of them missing from the database)."""
    from django.db import connection

    from quizzes.models import Response

    connection.close()  # the set-up connection died with the outage
    missing = 0
    checked = 0
    for (attempt_id, position), choice in tally.expected.items():
        if (attempt_id, position) in tally.pending:
            continue  # a later send was still unacknowledged at the end
        response = Response.objects.get(attempt_id=attempt_id, position=position)
        checked += 1
        if response.answer != [response.option_order[choice]]:
            missing += 1
    return checked, missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trainees", type=int, default=12)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--before", type=float, default=5.0, help="seconds before the stop")
    parser.add_argument("--outage", type=float, default=5.0, help="seconds stopped")
    parser.add_argument("--after", type=float, default=10.0, help="seconds after the restart")
    parser.add_argument("--json", type=Path, help="also write the counts to this file")
    args = parser.parse_args()

    cluster = Cluster()
    server = None
    try:
        started = time.monotonic()
        cluster.create()
        os.environ.update(
            {
                "DATABASE_URL": cluster.url,
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "DJANGO_SECURE_SSL_REDIRECT": "0",
                "DJANGO_SECURE_COOKIES": "0",
                "DJANGO_PLAIN_STATIC": "1",
            }
        )
        os.environ.pop("DJANGO_DEBUG", None)
        sys.path.insert(0, str(REPO))
        people, questions = prepare(args.trainees)
        port = free_port()
        server = serve(port, args.workers, cluster.dir / "gunicorn.log")
        print(
            f"set-up: {time.monotonic() - started:.1f} s; {len(people)} trainees, "
            f"{questions} questions each, {args.workers} gunicorn workers"
        )

        tally = Tally()
        clock = Clock()
        threads = [
            threading.Thread(
                target=Browser(port, p, tally, clock).run, args=(random.Random(n),), daemon=True
            )
            for n, p in enumerate(people)
        ]
        begin = time.monotonic()
        for thread in threads:
            thread.start()
        wait_for(lambda: tally.trainees_saved() == len(people))
        time.sleep(args.before)
        cluster.stop("fast")
        stopped = time.monotonic()
        time.sleep(args.outage)
        wait_for(lambda: tally.total("503") > 0)
        cluster.start()
        restarted = time.monotonic()
        print(
            f"PostgreSQL stopped at {stopped - begin:.1f} s, "
            f"running again at {restarted - begin:.1f} s"
        )
        time.sleep(args.after)
        clock.end()
        for thread in threads:
            thread.join(GRACE_SECONDS + 30)

        server.terminate()
        server.wait(10)
        log = (cluster.dir / "gunicorn.log").read_text(errors="replace")
        checked, missing = verify(tally)
        statuses = {f"{kind} {status}": n for (kind, status), n in sorted(tally.statuses.items())}
        server_errors = sum(n for (_, status), n in tally.statuses.items() if status == "500")
        unavailable = sum(n for (_, status), n in tally.statuses.items() if status == "503")
        recovery = (
            tally.first_save_after_restart - restarted
            if tally.first_save_after_restart is not None
            else None
        )
        result = {
            "responses": statuses,
            "500": server_errors,
            "503": unavailable,
            "no connection": sum(
                n for (_, status), n in tally.statuses.items() if status == "no connection"
            ),
            "saves sent again": tally.retried_saves,
            "answers acknowledged": tally.acknowledged,
            "questions checked against the database": checked,
            "acknowledged answers missing": missing,
            "saves never acknowledged": len(tally.pending),
            "stale after a lost reply": tally.stale_after_lost_reply,
            "first retried save after restart (s)": (
                round(recovery, 1) if recovery is not None else None
            ),
            "logged 'Database unavailable'": log.count("Database unavailable:"),
            "logged 'Internal Server Error'": log.count("Internal Server Error:"),
        }
        width = max(len(k) for k in statuses) + 2
        for name, n in statuses.items():
            print(f"  {name:<{width}} {n:6d}")
        for name, value in result.items():
            if name != "responses":
                print(f"{name}: {value}")
        if args.json:
            args.json.write_text(json.dumps(result, indent=2) + "\n")
        failed = server_errors or missing or not unavailable or tally.pending
        print(
            "outage: "
            + ("FAILED" if failed else "ok")
            + f" (500={server_errors} 503={unavailable} lost={missing} "
            f"unacknowledged={len(tally.pending)})"
        )
        return 1 if failed else 0
    finally:
        if server is not None and server.poll() is None:
            server.kill()
        cluster.remove()


if __name__ == "__main__":
    sys.exit(main())
