"""Trainee load on a real WSGI server: `make bench`. Never part of the test suite.

On a throwaway SQLite database under production settings (DEBUG off, a fresh
SECRET_KEY, ALLOWED_HOSTS=127.0.0.1; plain http, so no SSL redirect, HSTS or
secure cookies), with the seeds, the demo organisation and N trainees loaded:

1. each endpoint alone, at a fixed concurrency (8 clients, keep-alive), for a
   few seconds in all, after half a second of unmeasured warm-up each,
   taken in five rounds that go through every endpoint in
   turn (so a machine whose speed drifts mid-run slows them all alike): the
   bare view (/healthz/), the signed-in floor (a page that only reads the
   session and the user: the most any signed-in page can reach),
   the briefing page, a question page, the answer save (the htmx POST a
   changed answer sends) and My learning.
   Each throughput is divided by the bare view's, measured in the same run by
   the same server, so the ratios say what the page costs beyond Django itself;
2. gunicorn (2 workers of 4 threads) and, when it is installed, granian (2
   workers of 4 blocking threads) both measured so; the faster of the two serves the rest;
3. a mixed flow: trainees sign in, open the briefing, start the quiz, answer
   12 questions as the page does (a change, then "Next"), review, submit, read
   their results and My learning, until the time is up.

Prints a table per phase, writes bench/results/latest.json and ends with one
line: ``ratios: briefing=… question=… answer=… learning=…``.

``--sign-in-burst N`` measures N simultaneous sign-ins instead, and the pages
other trainees are served meanwhile.

The client is a pool of threads with http.client, so it shares the machine's
CPUs with the server: absolute figures are lower than a wrk run's, ratios less so.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
WORKDIR = Path(tempfile.mkdtemp(prefix="briefing-load-"))
(WORKDIR / "static").mkdir()
RESULTS = REPO / "bench" / "results" / "latest.json"
HOST = "127.0.0.1"
PASSWORD = "load-pass-" + secrets.token_urlsafe(8)
os.environ.pop("DATABASE_URL", None)
os.environ.pop("DJANGO_DEBUG", None)
os.environ.update(
    {
        # config.settings, plus a signed-in page that does nothing else.
        "DJANGO_SETTINGS_MODULE": "bench.floor_settings",
        "DJANGO_SQLITE_PATH": str(WORKDIR / "load.sqlite3"),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        # Plain http on the loopback: no redirect to https, no HSTS, no Secure cookies.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_PLAIN_STATIC": "1",
        "DJANGO_STATIC_ROOT": str(WORKDIR / "static"),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

# --- the data -----------------------------------------------------------------


@dataclass
class Trainee:
    username: str
    session: str = ""  # a signed-in session, for the phases that skip signing in
    question_path: str = ""


def prepare(trainees: int) -> tuple[str, list[Trainee]]:
    """Migrate, load the seeds and the demo, add trainees to the demo cohort.

    Returns the demo briefing's path and the trainees, the first ones signed in
    with an open attempt.
    """
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.test import Client

    from briefings.models import Briefing
    from cohorts.demo import DEMO_SLUG, create_demo
    from cohorts.models import Cohort, Enrolment
    from organisations.models import Membership
    from quizzes import attempts

    call_command("migrate", verbosity=0)
    call_command("load_seeds", verbosity=0)
    seed = Briefing.objects.filter(organisation__isnull=True).order_by("pk").first()
    assert seed is not None
    create_demo(briefing=seed)
    cohort = Cohort.objects.get(organisation__slug=DEMO_SLUG)
    briefing = Briefing.objects.get(organisation=cohort.organisation)
    quiz = briefing.quizzes.get(is_default=True)
    # One hash for all: the server checks it at full strength on every sign-in.
    password = make_password(PASSWORD)
    users = User.objects.bulk_create(
        User(username=f"load{n}@bench.example", email=f"load{n}@bench.example", password=password)
        for n in range(trainees)
    )
    Membership.objects.bulk_create(
        Membership(organisation=cohort.organisation, user=user) for user in users
    )
    Enrolment.objects.bulk_create(Enrolment(cohort=cohort, user=user) for user in users)
    people = [Trainee(user.username) for user in users]
    for person, user in zip(people[:CLIENTS], users[:CLIENTS], strict=True):
        client = Client()
        client.force_login(user)
        person.session = client.cookies["sessionid"].value
        attempt = attempts.start_attempt(
            user=user, quiz=quiz, organisation_id=cohort.organisation_id
        )
        person.question_path = f"/quizzes/attempts/{attempt.pk}/questions/1/"
    return briefing.get_absolute_url(), people


# --- the client ---------------------------------------------------------------


class Failed(Exception):
    pass


@dataclass
class Browser:
    """One trainee's keep-alive connection and cookies."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    connection: http.client.HTTPConnection | None = None

    def request(
        self,
        method: str,
        path: str,
        data: dict[str, str] | list[tuple[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, http.client.HTTPResponse, str]:
        all_headers = {"Host": f"{HOST}:{self.port}", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers["Origin"] = f"http://{HOST}:{self.port}"
            all_headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        for again in (True, False):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=all_headers)
                response = self.connection.getresponse()
                text = response.read().decode()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed meanwhile: open another.
                self.connection.close()
                self.connection = None
                if not again:
                    raise
            except (OSError, http.client.HTTPException):
                # A timeout or a broken reply leaves the connection unusable.
                self.connection.close()
                self.connection = None
                raise
        if response.will_close and self.connection is not None:
            self.connection.close()
            self.connection = None
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return response.status, response, text

    def htmx(self, path: str, data: list[tuple[str, str]], *, target: str) -> tuple[int, str]:
        status, _, text = self.request(
            "POST",
            path,
            data,
            {
                "HX-Request": "true",
                "HX-Current-URL": f"http://{HOST}:{self.port}{path}",
                "HX-Target": target,
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            },
        )
        return status, text


def csrf_field(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not match:
        raise Failed("no CSRF token in the page")
    return match.group(1)


def answer_fields(html: str, turn: int) -> list[tuple[str, str]]:
    """The fields a change on the question's fieldset posts (htmx includes the whole form).

    ``turn`` picks a different choice each time, so every save changes the answer.
    """
    fieldset = re.search(r'<fieldset class="question".*?</fieldset>', html, re.S)
    if not fieldset:
        raise Failed("no question fieldset in the page")
    inner = fieldset.group(0)
    fields: list[tuple[str, str]] = [("csrfmiddlewaretoken", csrf_field(html))]
    revision = re.search(r'name="revision" value="(\d+)"', html)
    if revision:
        fields.append(("revision", revision.group(1)))
    choices = re.findall(r'type="(radio|checkbox)" id="[^"]+" name="answer" value="(\d+)"', inner)
    if choices:
        fields.append(("answer", choices[turn % len(choices)][1]))
        if choices[0][0] == "checkbox":
            fields.append(("answer", ""))
    elif 'id="answer-text"' in inner:
        fields.append(("answer", f"answer {turn % 2}"))
    # Matching and ordering: each list takes a different choice, as a person ordering
    # items gives each its own position (the same position twice is refused).
    for row, (name, options) in enumerate(
        re.findall(r'<select id="[^"]+" name="([^"]+)"[^>]*>(.*?)</select>', inner, re.S)
    ):
        values = [v for v in re.findall(r'<option value="([^"]*)"', options) if v]
        fields.append((name, values[(turn + row) % len(values)] if values else ""))
    return fields


def new_revision(html: str, fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The same fields with the revision the save answered (its out-of-band input)."""
    revision = re.search(r'name="revision" value="(\d+)"', html)
    if not revision:
        return fields
    return [(k, revision.group(1) if k == "revision" else v) for k, v in fields]


# --- measuring ----------------------------------------------------------------


def server_cpu_seconds(pid: int | None) -> float:
    """Processor time the server and its workers have used so far (Linux; 0 elsewhere).

    Unlike requests a second it does not move when other work on the machine
    takes the processors, so CPU per request compares two runs more steadily.
    """
    if pid is None:
        return 0.0
    ticks = 0
    for process in [pid, *_children(pid)]:
        try:
            # After the command name: state, ppid, … utime and stime are the 12th and 13th.
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid:
            child = int(stat.parent.name)
            found += [child, *_children(child)]
    return found


def _connection_owners(port: int, workers: list[int]) -> dict[int, int]:
    """Which worker process holds each client connection to ``port``, by the
    client's port (Linux: /proc/net/tcp and the workers' open sockets)."""
    inodes: dict[str, int] = {}
    for worker in workers:
        try:
            for fd in Path(f"/proc/{worker}/fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes[target[8:-1]] = worker
        except OSError:
            continue
    owners: dict[int, int] = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = fields[1], fields[2], fields[9]
        if int(local.split(":")[1], 16) == port and inode in inodes:
            owners[int(remote.split(":")[1], 16)] = inodes[inode]
    return owners


def spread_over_workers(browsers: list[Browser], port: int, server_pid: int | None) -> None:
    """Reconnect clients until each server worker holds its share of the connections.

    Keep-alive connections stay with the worker that accepted them, and eight
    opened at once sometimes all land on one of two workers: that run then
    measures one process, and its CPU-bound pages fall to about two thirds
    of their usual ratio while the bare view, bound by the client, hardly
    moves. Many browsers spread over the workers; so do these.
    """
    workers = _children(server_pid) if server_pid else []
    if len(workers) < 2 or not Path("/proc/net/tcp").exists():
        return
    fair = -(-len(browsers) // len(workers))
    for _ in range(20 * len(browsers)):
        owners = _connection_owners(port, workers)
        held: list[tuple[Browser, int]] = []
        for browser in browsers:
            sock = browser.connection.sock if browser.connection else None
            if sock is not None and sock.getsockname()[1] in owners:
                held.append((browser, owners[sock.getsockname()[1]]))
        load = Counter(worker for _, worker in held)
        crowded = [b for b, worker in held if load[worker] > fair]
        if not crowded:
            return
        moved = crowded[0]
        assert moved.connection is not None
        moved.connection.close()
        moved.connection = None
        moved.request("GET", "/healthz/")
    print("the connections could not be spread evenly over the workers")


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, elapsed: float, ok: bool) -> None:
        with self.lock:
            self.latencies.append(elapsed)
            if not ok:
                self.errors += 1

    def summary(self) -> dict[str, float]:
        ordered = sorted(self.latencies)

        def pct(p: float) -> float:
            if not ordered:
                return 0.0
            return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000

        return {
            "requests": len(ordered),
            "rps": len(ordered) / self.seconds if self.seconds else 0.0,
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "errors": self.errors,
            "server_cpu_ms": self.cpu_seconds / len(ordered) * 1000 if ordered else 0.0,
        }


def timed(stats: Stats, call: Callable[[], bool]) -> bool:
    started = time.perf_counter()
    try:
        ok = call()
    except (Failed, OSError, http.client.HTTPException):
        ok = False
    stats.add(time.perf_counter() - started, ok)
    return ok


def run_for(seconds: float, workers: list[Callable[[float], None]]) -> float:
    """Run each worker in its own thread until ``seconds`` have passed; the time taken."""
    started = time.perf_counter()
    deadline = started + seconds
    threads = [threading.Thread(target=worker, args=(deadline,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def endpoint_alone(
    port: int,
    people: list[Trainee],
    briefing_path: str,
    seconds: float,
    server_pid: int | None = None,
) -> dict[str, dict[str, float]]:
    """Each endpoint alone at CLIENTS concurrent keep-alive clients."""
    browsers = []
    for person in people[:CLIENTS]:
        browser = Browser(port, cookies={"sessionid": person.session})
        status, _, html = browser.request("GET", person.question_path)
        if status != 200:
            raise SystemExit(f"question page answered {status} before the run")
        browsers.append((browser, person, html))
    spread_over_workers([b for b, _, _ in browsers], port, server_pid)

    Plan = Callable[[Browser, Trainee, str], Callable[[], bool]]

    def get(path_of: Callable[[Trainee], str]) -> Plan:
        def make(browser: Browser, person: Trainee, html: str) -> Callable[[], bool]:
            path = path_of(person)

            def call() -> bool:
                return browser.request("GET", path)[0] == 200

            return call

        return make

    def answer(browser: Browser, person: Trainee, html: str) -> Callable[[], bool]:
        turns = iter(range(1, 1_000_000))
        revision = {"now": dict(answer_fields(html, 0)).get("revision", "")}

        def save() -> bool:
            fields = [
                (k, revision["now"] if k == "revision" else v)
                for k, v in answer_fields(html, next(turns))
            ]
            status, text = browser.htmx(person.question_path, fields, target="answer-status")
            revision["now"] = dict(new_revision(text, fields)).get("revision", "")
            return status == 200 and "Answer saved." in text

        return save

    plans: list[tuple[str, Plan]] = [
        ("bare", get(lambda p: "/healthz/")),
        ("signed-in floor", get(lambda p: "/bench/signed-in/")),
        ("briefing", get(lambda p: briefing_path)),
        ("question", get(lambda p: p.question_path)),
        ("answer", answer),
        ("learning", get(lambda p: "/quizzes/learning/")),
    ]
    # The endpoints take turns in ROUNDS short rounds rather than one long run
    # each, so a machine that slows down or speeds up mid-run (other work on
    # shared CPUs) weighs on every endpoint alike and the ratios stay fair.
    stats = {label: Stats() for label, _ in plans}
    calls = {label: [make(b, p, h) for b, p, h in browsers] for label, make in plans}

    def worker(call: Callable[[], bool], into: Stats) -> Callable[[float], None]:
        def run(deadline: float) -> None:
            while time.perf_counter() < deadline:
                timed(into, call)

        return run

    # One unmeasured pass first: each server thread compiles its templates and
    # prepared queries on first use, which is start-up, not a page's cost.
    for label, _ in plans:
        run_for(WARM_UP_SECONDS, [worker(call, Stats()) for call in calls[label]])
    for _ in range(ROUNDS):
        for label, _ in plans:
            workers = [worker(call, stats[label]) for call in calls[label]]
            cpu = server_cpu_seconds(server_pid)
            stats[label].seconds += run_for(seconds / ROUNDS, workers)
            stats[label].cpu_seconds += server_cpu_seconds(server_pid) - cpu
    results = {label: stats[label].summary() for label, _ in plans}
    for browser, _, _ in browsers:
        if browser.connection:
            browser.connection.close()
    return results


def mixed_flow(
    port: int, people: list[Trainee], briefing_path: str, seconds: float, clients: int
) -> dict[str, dict[str, float]]:
    """Trainees taking the quiz from sign-in to My learning, CLIENTS at a time."""
    labels = ["sign-in", "briefing", "start", "question", "answer", "next", "summary"]
    labels += ["submit", "results", "learning"]
    stats = {label: Stats() for label in labels}
    queue = list(reversed(people[CLIENTS:]))
    queue_lock = threading.Lock()

    def step(label: str, call: Callable[[], bool]) -> None:
        if not timed(stats[label], call):
            raise Failed(label)

    def take_quiz(browser: Browser, person: Trainee, deadline: float) -> None:
        page: dict[str, str] = {}

        def fetch(path: str, into: str = "html") -> bool:
            status, _, page[into] = browser.request("GET", path)
            return status == 200

        def sign_in() -> bool:
            if not fetch("/accounts/login/"):
                return False
            fields = {
                "csrfmiddlewaretoken": csrf_field(page["html"]),
                "username": person.username,
                "password": PASSWORD,
                "next": "",
            }
            # "Busy, try again" (503) is sent again after its Retry-After, as a
            # person would, for up to a minute; the time to sign in counts the waits.
            started = time.perf_counter()
            while True:
                status, response, _ = browser.request("POST", "/accounts/login/", fields)
                waited = time.perf_counter() - started
                if status != 503 or waited > MIXED_SIGN_IN_PATIENCE:
                    break
                time.sleep(float(response.headers.get("Retry-After", "5")))
            return status == 302 and "sessionid" in browser.cookies

        def start() -> bool:
            action = re.search(r'action="(/quizzes/\d+/start/)"', page["html"])
            if not action:
                raise Failed("no start form on the briefing page")
            fields = {"csrfmiddlewaretoken": csrf_field(page["html"])}
            status, response, _ = browser.request("POST", action.group(1), fields)
            page["question"] = response.headers.get("Location", "")
            return status == 302 and "/questions/" in page["question"]

        step("sign-in", sign_in)
        step("briefing", lambda: fetch(briefing_path))
        step("start", start)
        path = page["question"]
        step("question", lambda: fetch(path))
        html = page["html"]
        for n in range(1, 13):
            if time.perf_counter() > deadline:
                return
            fields = answer_fields(html, n)
            reply: dict[str, str] = {}

            def save(
                fields: list[tuple[str, str]] = fields,
                path: str = path,
                reply: dict[str, str] = reply,
            ) -> bool:
                status, reply["html"] = browser.htmx(path, fields, target="answer-status")
                return status == 200 and "Answer saved." in reply["html"]

            step("answer", save)
            fields = [*new_revision(reply["html"], fields)]
            last = 'value="next"' not in html or n == 12
            fields.append(("action", "summary" if last else "next"))

            def move(
                fields: list[tuple[str, str]] = fields,
                last: bool = last,
                path: str = path,
                reply: dict[str, str] = reply,
            ) -> bool:
                status, reply["html"] = browser.htmx(path, fields, target="question-panel")
                return status == 200 and (last or "question-panel" in reply["html"])

            step("next", move)
            if last:
                break
            html = reply["html"]
            path = re.sub(r"/questions/\d+/", f"/questions/{n + 1}/", path)
        summary = path.rsplit("/questions/", 1)[0] + "/summary/"
        step("summary", lambda: fetch(summary))

        def submit() -> bool:
            fields = {"csrfmiddlewaretoken": csrf_field(page["html"]), "confirm": "yes"}
            status, response, _ = browser.request(
                "POST", summary.replace("/summary/", "/submit/"), fields
            )
            page["results"] = response.headers.get("Location", "")
            return status == 302 and page["results"].endswith("/results/")

        step("submit", submit)
        step("results", lambda: fetch(page["results"]))
        step("learning", lambda: fetch("/quizzes/learning/"))

    def worker(deadline: float) -> None:
        while time.perf_counter() < deadline:
            with queue_lock:
                if not queue:
                    return
                person = queue.pop()
            browser = Browser(port)
            try:
                take_quiz(browser, person, deadline)
            except Failed:
                pass
            finally:
                if browser.connection:
                    browser.connection.close()

    elapsed = run_for(seconds, [worker] * clients)
    for item in stats.values():
        item.seconds = elapsed
    return {label: item.summary() for label, item in stats.items()}


def sign_in_burst(
    port: int, people: list[Trainee], briefing_path: str, burst: int
) -> dict[str, dict[str, float]]:
    """``burst`` sign-ins at once while 4 signed-in trainees read pages.

    A sign-in the server asks to try again (503, "busy") is sent again after
    its Retry-After, for up to SIGN_IN_PATIENCE seconds; its time to sign in
    runs from the first try to the last answer, and it is an error if it never
    signed in. The 503 answers are counted apart, with how long each took. The
    readers' req/s is what they were served while the sign-ins went on.
    """
    pages = {"learning": Stats(), "question": Stats()}
    sign_ins = Stats()
    refused = Stats()
    reading = threading.Event()
    reading.set()

    def reader(person: Trainee) -> None:
        browser = Browser(port, cookies={"sessionid": person.session})
        while reading.is_set():
            for label, path in (
                ("learning", "/quizzes/learning/"),
                ("question", person.question_path),
            ):
                timed(pages[label], partial(lambda p: browser.request("GET", p)[0] == 200, path))

    def signer(person: Trainee, go: threading.Event) -> None:
        """Sign in as a person would: on "busy, try again" (503), again after Retry-After."""
        browser = Browser(port)
        status, _, html = browser.request("GET", "/accounts/login/")
        fields = {"csrfmiddlewaretoken": csrf_field(html), "username": person.username}
        fields["password"] = PASSWORD
        go.wait()
        started = time.perf_counter()
        while True:
            sent = time.perf_counter()
            try:
                status, response, _ = browser.request("POST", "/accounts/login/", fields)
            except (OSError, http.client.HTTPException):
                status = 0
            if status != 503:
                break
            refused.add(time.perf_counter() - sent, True)
            if time.perf_counter() - started > SIGN_IN_PATIENCE:
                break
            time.sleep(float(response.headers.get("Retry-After", "5")))
        sign_ins.add(time.perf_counter() - started, status == 302)

    def measure(seconds: float) -> dict[str, dict[str, float]]:
        for stats in pages.values():
            stats.latencies.clear()
        time.sleep(seconds)
        return {f"{k} (4 readers)": v.summary() | {"rps": 0.0} for k, v in pages.items()}

    readers = [threading.Thread(target=reader, args=(p,)) for p in people[:4]]
    for thread in readers:
        thread.start()
    time.sleep(3)  # each worker's first request loads the code
    results = {f"{k}, before": v for k, v in measure(5).items()}
    go = threading.Event()
    signers = [threading.Thread(target=signer, args=(p, go)) for p in people[CLIENTS:][:burst]]
    for thread in signers:
        thread.start()
    time.sleep(0.5)
    for stats in pages.values():
        stats.latencies.clear()
    started = time.perf_counter()
    go.set()
    for thread in signers:
        thread.join()
    sign_ins.seconds = refused.seconds = time.perf_counter() - started
    for stats in pages.values():
        stats.seconds = sign_ins.seconds
    results |= {f"{k}, during the sign-ins": v.summary() for k, v in pages.items()}
    results[f"{burst} at once: time to sign in"] = sign_ins.summary()
    results["each 503 busy answer"] = refused.summary()
    reading.clear()
    for thread in readers:
        thread.join()
    return results


# --- servers ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def server_commands(port: int) -> dict[str, list[str]]:
    # Threaded workers, as README's "Production" serves: a sign-in waiting for
    # its password check holds a thread, and pages take the others.
    bind = f"{HOST}:{port}"
    threads = str(_threads)
    commands = {
        "gunicorn": [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", bind,
                     "--workers", "2", "--worker-class", "gthread", "--threads", threads,
                     "--log-level", "warning"],
    }  # fmt: skip
    if shutil.which("granian", path=str(Path(sys.executable).parent)) or _has_granian():
        commands["granian"] = [sys.executable, "-m", "granian", "--interface", "wsgi",
                               "--host", HOST, "--port", str(port), "--workers", "2",
                               "--blocking-threads", threads, "--log-level", "warning",
                               "config.wsgi:application"]  # fmt: skip
    return commands


def _has_granian() -> bool:
    try:
        import granian  # noqa: F401
    except ImportError:
        return False
    return True


class Server:
    def __init__(self, name: str) -> None:
        self.name = name
        self.port = free_port()
        self.process = subprocess.Popen(
            server_commands(self.port)[name],
            cwd=REPO,
            env=os.environ.copy(),
            start_new_session=True,
        )
        for _ in range(100):
            try:
                http.client.HTTPConnection(HOST, self.port, timeout=1).request("GET", "/healthz/")
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise SystemExit(f"{name} did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- report -------------------------------------------------------------------


def table(title: str, rows: dict[str, dict[str, float]], *, bare: float | None = None) -> None:
    print(f"\n{title}")
    head = f"{'endpoint':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}"
    print(head + ("  of bare  cpu ms  cpu of bare" if bare else ""))
    bare_cpu = next(iter(rows.values())).get("server_cpu_ms", 0.0)
    for label, row in rows.items():
        line = (
            f"{label:<34} {row['rps']:8.1f} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
            f"{row['p99_ms']:8.1f} {int(row['errors']):7d}"
        )
        if bare:
            cpu = row.get("server_cpu_ms", 0.0)
            line += f"  {row['rps'] / bare:7.3f}  {cpu:6.2f}"
            line += f"  {bare_cpu / cpu:11.3f}" if cpu else ""
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per endpoint alone")
    parser.add_argument("--mixed-seconds", type=float, default=15.0)
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--mixed-clients", type=int, default=8)
    parser.add_argument("--server", choices=["gunicorn", "granian"], help="measure only this one")
    parser.add_argument("--sign-in-burst", type=int, metavar="N", help="N sign-ins at once")
    parser.add_argument(
        "--threads",
        type=int,
        default=SERVER_THREADS,
        help=f"threads per server process (default {SERVER_THREADS}, as `make serve`)",
    )
    args = parser.parse_args()
    global _threads
    _threads = args.threads

    print(f"Load on a real server, database {WORKDIR / 'load.sqlite3'}")
    briefing_path, people = prepare(args.trainees)
    names = [args.server] if args.server else list(server_commands(0))
    # Two servers to compare share the time one would have had.
    seconds = args.seconds if len(names) == 1 else min(args.seconds, 3.0)
    report: dict[str, object] = {"clients": CLIENTS, "seconds_per_endpoint": seconds}

    if args.sign_in_burst:
        with Server(names[0]) as server:
            burst = sign_in_burst(server.port, people, briefing_path, args.sign_in_burst)
        table(f"{args.sign_in_burst} simultaneous sign-ins ({names[0]})", burst)
        return

    alone: dict[str, dict[str, dict[str, float]]] = {}
    for name in names:
        with Server(name) as server:
            alone[name] = endpoint_alone(
                server.port, people, briefing_path, seconds, server.process.pid
            )
        bare = alone[name]["bare"]["rps"]
        table(
            f"{name}, 2 workers: each endpoint alone, {CLIENTS} clients, {seconds:g} s",
            alone[name],
            bare=bare,
        )

    chosen = max(names, key=lambda n: alone[n]["question"]["rps"] + alone[n]["briefing"]["rps"])
    if len(names) > 1:
        print(f"\nfaster server: {chosen} (briefing + question req/s); it serves the mixed flow")
    with Server(chosen) as server:
        mixed = mixed_flow(
            server.port, people, briefing_path, args.mixed_seconds, args.mixed_clients
        )
    table(
        f"{chosen}: mixed trainee flow, {args.mixed_clients} clients, {args.mixed_seconds:g} s",
        mixed,
    )

    rows = alone[chosen]
    bare = rows["bare"]["rps"]
    ratios = {
        k: round(rows[k]["rps"] / bare, 3) if bare else 0.0
        for k in ("briefing", "question", "answer", "learning")
    }
    report |= {"server": chosen, "alone": alone, "mixed": mixed, "ratios": ratios}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    errors = sum(int(r["errors"]) for r in rows.values()) + sum(
        int(r["errors"]) for r in mixed.values()
    )
    print(f"\nwritten {RESULTS.relative_to(REPO)}; {errors} errors")
    floor = rows["signed-in floor"]["rps"]
    if floor and bare:
        print(
            f"signed-in floor: {floor / bare:.2f} of bare; of the floor: "
            + " ".join(f"{k}={rows[k]['rps'] / floor:.2f}" for k in ratios)
        )
    bare_cpu = rows["bare"].get("server_cpu_ms", 0.0)
    if bare_cpu and all(rows[k].get("server_cpu_ms") for k in ratios):
        print(
            "server CPU per request, bare's over each page's: "
            + " ".join(f"{k}={bare_cpu / rows[k]['server_cpu_ms']:.2f}" for k in ratios)
        )
    print("ratios: " + " ".join(f"{k}={v:.2f}" for k, v in ratios.items()))


CLIENTS = 8
ROUNDS = 5
#: Unmeasured load per endpoint before the rounds, in seconds.
WARM_UP_SECONDS = 0.5
#: How long a person in the sign-in burst keeps trying again when told to.
SIGN_IN_PATIENCE = 600.0
#: How long a trainee in the mixed flow keeps trying again when told to.
MIXED_SIGN_IN_PATIENCE = 60.0
#: Threads per server worker, as README's "Production" runs them.
SERVER_THREADS = 4
_threads = SERVER_THREADS  # what --threads chose

if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)
