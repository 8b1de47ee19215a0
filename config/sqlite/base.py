"""Django's SQLite backend, with one writing transaction per process at a time.

SQLite lets one transaction write at once. When several threads of a server
process begin one together (``BEGIN IMMEDIATE``), all but one are refused and
SQLite's busy handler puts them to sleep and retries, for up to 100 ms a time,
so writes queue behind naps and the processor idles. Here the threads of one
process queue on a lock instead, and each starts the moment the one before
commits; processes still share the database through SQLite's own lock, as
before. Reads take no lock: in WAL mode they never wait for a writer.

Django's cursor rewrites each statement's ``%s`` placeholders into SQLite's
``?`` with a regular expression on every execution; the pages run the same few
statements again and again (see config.prepared), so the rewritten text is
kept, for the last 2,048 statements.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from django.db import OperationalError
from django.db.backends.sqlite3 import base

# One lock per database file, shared by every thread of the process.
_writers: dict[str, threading.Lock] = {}
_writers_guard = threading.Lock()


def _writer_lock(name: str) -> threading.Lock:
    with _writers_guard:
        return _writers.setdefault(name, threading.Lock())


# django-stubs do not declare the private methods a backend overrides.
_SQLiteWrapper: Any = base.DatabaseWrapper
_SQLiteCursor: Any = base.SQLiteCursorWrapper


@functools.lru_cache(maxsize=2048)
def _qmark(query: str) -> str:
    return str(_SQLiteCursor.convert_query(None, query))


class CursorWrapper(_SQLiteCursor):  # type: ignore[misc]
    def convert_query(self, query: str, *, param_names: list[str] | None = None) -> str:
        if param_names is None:
            return _qmark(query)
        return str(super().convert_query(query, param_names=param_names))


class DatabaseWrapper(_SQLiteWrapper):  # type: ignore[misc]
    _holds_writer_lock = False

    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=CursorWrapper)

    def _start_transaction_under_autocommit(self) -> None:
        if self.transaction_mode != "IMMEDIATE" or self.is_in_memory_db():
            super()._start_transaction_under_autocommit()
            return
        lock = _writer_lock(str(self.settings_dict["NAME"]))
        timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        if not lock.acquire(timeout=timeout):
            raise OperationalError("database is locked")
        self._holds_writer_lock = True
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_writer_lock()
            raise

    # A commit, a rollback or a closed connection ends the transaction: the
    # next thread may write.
    def _commit(self) -> Any:
        return self._then_release(super()._commit)

    def _rollback(self) -> Any:
        return self._then_release(super()._rollback)

    def _close(self) -> Any:
        return self._then_release(super()._close)

    def _then_release(self, finish: Callable[[], Any]) -> Any:
        try:
            return finish()
        finally:
            self._release_writer_lock()

    def _release_writer_lock(self) -> None:
        if self._holds_writer_lock:
            self._holds_writer_lock = False
            _writer_lock(str(self.settings_dict["NAME"])).release()
