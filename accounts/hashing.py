"""Password checks bounded per process, so a crowd signing in leaves the CPU to pages.

A sign-in checks its password with PBKDF2 at Django's full strength, about a
second of CPU. Left alone, every server thread that takes a sign-in hashes at
once, and the pages other trainees asked for wait behind them. Instead each
process checks passwords on its own few threads (``PASSWORD_HASHING_THREADS``),
which on Linux run at a lower CPU priority than the threads serving pages
(``PASSWORD_HASHING_NICENESS``), so pages get most of a busy CPU and hashing
the rest. (PBKDF2 runs in OpenSSL without holding the GIL, so the page threads
of the same process run meanwhile.)

At most ``PASSWORD_HASHING_QUEUE`` more sign-ins wait for a hashing thread, for
at most ``PASSWORD_HASHING_PATIENCE``; any beyond that are refused at once with
``HashingBusy``, which the sign-in page answers with 503 and "try again in a few
seconds". A waiting sign-in holds a server thread, so the bound keeps threads
free for pages (the servers run more threads than hash and wait together; see
README, "Production").
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver


class HashingBusy(Exception):
    """Too many passwords are being checked in this process just now; try again soon."""


def _lower_priority() -> None:
    # On Linux the nice value belongs to the thread (PRIO_PROCESS with 0 is the
    # calling thread); elsewhere it would slow the whole process, pages too.
    if sys.platform == "linux":
        niceness = settings.PASSWORD_HASHING_NICENESS
        os.setpriority(os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0) + niceness)


class HashingPool:
    """A few low-priority threads that check passwords, and a bounded wait for them."""

    def __init__(self, *, threads: int, queue: int, patience: float) -> None:
        self.threads = threads
        self.queue = queue
        self.patience = patience
        self._executor = ThreadPoolExecutor(
            max_workers=threads,
            thread_name_prefix="password-hashing",
            initializer=_lower_priority,
        )
        self._admitted = 0
        self._lock = threading.Lock()

    def run[T](self, work: Callable[[], T]) -> T:
        """``work()`` on a hashing thread; HashingBusy when the wait would be too long."""
        with self._lock:
            if self._admitted >= self.threads + self.queue:
                raise HashingBusy
            self._admitted += 1
        try:
            future = self._executor.submit(work)
            try:
                return future.result(timeout=self.patience)
            except FutureTimeout:
                if future.cancel():
                    raise HashingBusy from None
                return future.result()  # already hashing: it ends within a second or so
        finally:
            with self._lock:
                self._admitted -= 1

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


_pool: HashingPool | None = None
_pool_pid = 0
_pool_lock = threading.Lock()


def hashing_pool() -> HashingPool:
    """This process's pool, made on first use (after a server forks its workers)."""
    global _pool, _pool_pid
    with _pool_lock:
        if _pool is None or _pool_pid != os.getpid():
            _pool = HashingPool(
                threads=settings.PASSWORD_HASHING_THREADS,
                queue=settings.PASSWORD_HASHING_QUEUE,
                patience=settings.PASSWORD_HASHING_PATIENCE.total_seconds(),
            )
            _pool_pid = os.getpid()
        return _pool


@receiver(setting_changed, dispatch_uid="accounts.hashing.forget_pool")
def forget_pool(*, setting: str, **kwargs: Any) -> None:
    """Tests that change the limits get a pool made with the new ones."""
    global _pool
    if setting.startswith("PASSWORD_HASH"):
        with _pool_lock:
            if _pool is not None:
                _pool.shutdown()
            _pool = None
