"""Report reads from a read replica, when ``DATABASE_REPLICA_URL`` names one.

The setting adds a ``replica`` database alias. The report views under /teach/
(the cohort's progress matrix and charts, item analysis, and the grades and
responses CSV files) run their report queries inside ``reading_reports``,
which sends reads to the replica; every write, and every other page and
query, uses ``default``. Without the setting nothing is routed and everything
reads from ``default``.

A replica runs a little behind its primary. So that an instructor never
reads a page older than their own change, any request that may write (any
method but GET, HEAD, OPTIONS and TRACE) pins that browser to the primary for
``DATABASE_REPLICA_PIN_SECONDS`` (a short-lived cookie): the page a form
redirects to, and any report opened soon after, reads from ``default``.
Changes made by others (a trainee finishing an attempt) may reach reports a
moment late, as a replica's lag allows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponseBase

REPLICA = "replica"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

_reading_reports: ContextVar[bool] = ContextVar("reading_reports", default=False)


def replica_configured() -> bool:
    return REPLICA in connections.settings


def pin_cookie_name() -> str:
    """Host-only and secure wherever the session cookie is."""
    return "__Host-reads-primary" if settings.SESSION_COOKIE_SECURE else "reads-primary"


def pinned_to_primary(request: HttpRequest) -> bool:
    """Whether this browser wrote recently, so must not read a lagging replica."""
    return pin_cookie_name() in request.COOKIES


@contextmanager
def reading_reports(request: HttpRequest) -> Iterator[None]:
    """Send the reads inside the block to the replica, unless there is none
    or the browser is pinned to the primary."""
    if not replica_configured() or pinned_to_primary(request):
        yield
        return
    token = _reading_reports.set(True)
    try:
        yield
    finally:
        _reading_reports.reset(token)


def read_reports[T](request: HttpRequest, rows: Iterable[T]) -> Iterator[T]:
    """``rows`` read as ``reading_reports`` reads, a row at a time: for a
    streamed response, whose rows are read after the view has returned."""
    iterator = iter(rows)
    while True:
        with reading_reports(request):
            try:
                row = next(iterator)
            except StopIteration:
                return
        yield row


class ReportReplicaRouter:
    """Reads inside ``reading_reports`` go to the replica; all else to ``default``."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        if not replica_configured():
            return None
        # An object read from the replica and used after the block reads its
        # relations from default too, rather than follow it to the replica.
        return REPLICA if _reading_reports.get() else DEFAULT_DB_ALIAS

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        # Without this, saving an object read from the replica would write there.
        return DEFAULT_DB_ALIAS if replica_configured() else None

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # Both aliases hold the same rows.
        aliases = {DEFAULT_DB_ALIAS, REPLICA}
        return True if {obj1._state.db, obj2._state.db} <= aliases else None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # The replica copies the primary's schema; it is never migrated itself.
        return False if db == REPLICA else None


class ReplicaPinningMiddleware:
    """After a request that may have written, the browser reads from the primary
    for a few seconds (see the module's docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.method not in SAFE_METHODS and replica_configured():
            response.set_cookie(
                pin_cookie_name(),
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                path="/",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
