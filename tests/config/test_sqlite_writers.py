"""Threads of one process take turns to write to a SQLite file (config/sqlite/base.py)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection

from config.sqlite.base import DatabaseWrapper

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite backend's own behaviour"
)


def open_database(path: Path, *, timeout: float = 5) -> DatabaseWrapper:
    settings = {
        **connection.settings_dict,
        "ENGINE": "config.sqlite",
        "NAME": str(path),
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": timeout},
    }
    database = DatabaseWrapper(settings, alias=f"writers-{threading.get_ident()}")
    database.ensure_connection()
    return database


def begin(database: DatabaseWrapper) -> None:
    # What transaction.atomic() does first on SQLite.
    database.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)


def finish(database: DatabaseWrapper, *, commit: bool = True) -> None:
    database.commit() if commit else database.rollback()
    database.set_autocommit(True)


@pytest.fixture(autouse=True)
def own_files(django_db_blocker):
    # These connections open their own files, not the test database.
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def path(tmp_path: Path) -> Path:
    database = open_database(tmp_path / "db.sqlite3")
    with database.cursor() as cursor:
        cursor.execute("CREATE TABLE answers (text TEXT)")
    database.close()
    return tmp_path / "db.sqlite3"


def test_a_second_writer_starts_as_soon_as_the_first_commits(path):
    order: list[str] = []
    first_began = threading.Event()

    def first() -> None:
        database = open_database(path)
        begin(database)
        first_began.set()
        database.cursor().execute("INSERT INTO answers VALUES ('first')")
        time.sleep(0.3)
        order.append("first commits")
        finish(database)
        database.close()

    def second() -> None:
        database = open_database(path)
        first_began.wait()
        begin(database)
        order.append("second begins")
        database.cursor().execute("INSERT INTO answers VALUES ('second')")
        finish(database)
        database.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert order == ["first commits", "second begins"]
    reader = open_database(path)
    with reader.cursor() as cursor:
        cursor.execute("SELECT text FROM answers ORDER BY rowid")
        assert [row[0] for row in cursor.fetchall()] == ["first", "second"]
    reader.close()


def test_a_rolled_back_or_dropped_transaction_lets_the_next_writer_in(path):
    database = open_database(path, timeout=1)
    begin(database)
    finish(database, commit=False)

    begin(database)
    database.close()  # a connection lost mid-transaction

    other = open_database(path, timeout=1)
    begin(other)
    other.cursor().execute("INSERT INTO answers VALUES ('after')")
    finish(other)
    other.close()


def test_a_writer_that_waits_longer_than_the_timeout_is_told_the_database_is_locked(path):
    holder = open_database(path)
    begin(holder)
    failure: list[Exception] = []

    def waiter() -> None:
        database = open_database(path, timeout=0.2)
        try:
            begin(database)
        except OperationalError as error:
            failure.append(error)
        finally:
            database.close()

    thread = threading.Thread(target=waiter)
    thread.start()
    thread.join(10)
    finish(holder)
    holder.close()

    assert len(failure) == 1
    assert "locked" in str(failure[0])


def test_a_statement_run_again_keeps_its_literal_percent_signs_and_new_values(tmp_path):
    database = open_database(tmp_path / "db.sqlite3")
    try:
        with database.cursor() as cursor:
            for value in (1, 2):
                cursor.execute("SELECT %s, '100%%', %s", [value, "%s"])
                assert cursor.fetchone() == (value, "100%", "%s")
            cursor.execute("SELECT :a || '%%'", {"a": "named"})
            assert cursor.fetchone() == ("named%",)
    finally:
        database.close()
