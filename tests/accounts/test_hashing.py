"""Sign-ins share a few hashing threads per process; a crowd waits its turn or is told to retry."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, ClassVar

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import connection
from django.urls import reverse

from accounts.hashing import HashingBusy, hashing_pool
from accounts.views import BUSY_RETRY_AFTER_SECONDS
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
GATED = "tests.accounts.test_hashing.GatedHasher"


class GatedHasher(MD5PasswordHasher):
    """MD5 that holds each hash until the test opens the gate, counting those hashing at once."""

    gate = threading.Event()
    lock = threading.Lock()
    running = 0
    most = 0
    calls: ClassVar[list[str]] = []

    def encode(self, password: str, salt: str) -> str:
        cls = type(self)
        with cls.lock:
            cls.running += 1
            cls.most = max(cls.most, cls.running)
        try:
            cls.gate.wait(timeout=60)
            return super().encode(password, salt)
        finally:
            with cls.lock:
                cls.running -= 1


def wait_until(condition: Callable[[], bool]) -> None:
    """Wait for other threads to get somewhere; a generous bound only stops a hung test."""
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, "the other threads never got there"
        time.sleep(0.005)


@pytest.fixture
def gated(settings):
    settings.PASSWORD_HASHERS = [GATED]
    GatedHasher.running = GatedHasher.most = 0
    GatedHasher.gate.set()  # open while accounts are made
    yield GatedHasher
    GatedHasher.gate.set()  # never leave a hashing thread waiting


def occupy_hashing_threads(count: int) -> list[threading.Thread]:
    """Start ``count`` password hashes that wait at the gate (no database involved)."""
    GatedHasher.gate.clear()
    pool = hashing_pool()
    hashes = [
        threading.Thread(target=pool.run, args=(lambda: GatedHasher().encode("x", "salt"),))
        for _ in range(count)
    ]
    for thread in hashes:
        thread.start()
    wait_until(lambda: GatedHasher.running == count)
    return hashes


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("hashing_threads", [1, 2])
def test_concurrent_sign_ins_hash_no_more_at_once_than_the_hashing_threads(
    settings, gated, hashing_threads
):
    settings.PASSWORD_HASHING_THREADS = hashing_threads
    settings.PASSWORD_HASHING_QUEUE = 2
    settings.PASSWORD_HASHING_PATIENCE = timedelta(seconds=60)
    people = [UserFactory(username=f"crowd{n}", password=PASSWORD) for n in range(6)]
    gated.gate.clear()
    outcomes: dict[str, Any] = {}

    def sign_in(username: str) -> None:
        try:
            outcomes[username] = authenticate(None, username=username, password=PASSWORD)
        except HashingBusy:
            outcomes[username] = "busy"
        finally:
            connection.close()

    crowd = [threading.Thread(target=sign_in, args=(p.username,)) for p in people]
    for thread in crowd:
        thread.start()
    admitted = hashing_threads + 2
    # Those beyond the hashing threads and the queue are refused without waiting.
    wait_until(lambda: list(outcomes.values()).count("busy") == len(people) - admitted)
    wait_until(lambda: gated.running == hashing_threads)
    gated.gate.set()
    for thread in crowd:
        thread.join()

    assert gated.most == hashing_threads
    signed_in = [user for user in outcomes.values() if user != "busy"]
    assert len(signed_in) == admitted
    assert all(outcomes[user.username] == user for user in signed_in)


@pytest.mark.django_db
def test_a_sign_in_while_every_hashing_thread_and_queue_place_is_taken_is_told_to_retry(
    client, settings, gated
):
    settings.PASSWORD_HASHING_THREADS = 1
    settings.PASSWORD_HASHING_QUEUE = 0
    UserFactory(username="amira", password=PASSWORD)
    hashes = occupy_hashing_threads(1)

    busy = client.post(reverse("login"), {"username": "amira", "password": PASSWORD})

    assert busy.status_code == 503
    assert busy["Retry-After"] == str(BUSY_RETRY_AFTER_SECONDS)
    page = busy.content.decode()
    assert "Wait a few seconds and sign in again." in page
    assert 'value="amira"' in page and PASSWORD not in page
    # The password was never checked, so it is no failed attempt.
    assert not AccessAttempt.objects.exists()
    gated.gate.set()
    for thread in hashes:
        thread.join()
    again = client.post(reverse("login"), {"username": "amira", "password": PASSWORD})
    assert again.status_code == 302


def test_a_password_that_waits_past_the_patience_is_refused_and_never_hashed(settings, gated):
    settings.PASSWORD_HASHING_THREADS = 1
    settings.PASSWORD_HASHING_QUEUE = 5
    settings.PASSWORD_HASHING_PATIENCE = timedelta(milliseconds=50)
    hashes = occupy_hashing_threads(1)
    ran: list[str] = []

    with pytest.raises(HashingBusy):
        hashing_pool().run(lambda: ran.append("hashed"))

    gated.gate.set()
    for thread in hashes:
        thread.join()
    assert hashing_pool().run(lambda: "hashed") == "hashed"
    assert ran == []


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread priority is Linux's")
def test_passwords_are_hashed_at_a_lower_cpu_priority_than_pages():
    page_priority = os.getpriority(os.PRIO_PROCESS, 0)
    hashing_priority = hashing_pool().run(lambda: os.getpriority(os.PRIO_PROCESS, 0))
    assert hashing_priority > page_priority
    assert os.getpriority(os.PRIO_PROCESS, 0) == page_priority
