import os
import subprocess
import sys

from django.conf import settings

from tests.conftest import REPO

PRODUCTION = {
    "DJANGO_SECRET_KEY": "test-only-key-5f1c9a2e7b3d8046ae91c2f7d0b4e6a8193c5d7f2e0a4b6c",
    "DJANGO_ALLOWED_HOSTS": "briefings.example.org",
    "DJANGO_EMAIL_HOST": "smtp.example.org",
}


def manage(*args: str, extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in {"DATABASE_URL"}
    }
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True
    )


def test_check_deploy_is_clean_under_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_development_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", extra_env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stdout + result.stderr


def test_debug_is_off_unless_asked():
    assert settings.DEBUG is False


def test_the_default_sqlite_database_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    # A real file database, as `make run` gets: the test database lives in memory.
    script = (
        "from django.conf import settings; from django.db import connection;"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode');"
        "print(c.fetchone()[0], settings.DATABASES['default']['OPTIONS']['transaction_mode'],"
        " settings.DATABASES['default']['OPTIONS']['timeout'])"
    )
    result = manage(
        "shell", "-c", script, extra_env={"DJANGO_SQLITE_PATH": str(tmp_path / "db.sqlite3")}
    )
    assert result.returncode == 0, result.stderr
    mode, transaction_mode, timeout = result.stdout.split()[-3:]
    assert (mode, transaction_mode) == ("wal", "IMMEDIATE")
    assert float(timeout) >= 5


def test_postgresql_connections_give_up_after_five_seconds_unless_told_otherwise():
    script = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    url = {"DATABASE_URL": "postgres://briefings:secret@127.0.0.1:5432/briefings"}
    default = manage("shell", "-c", script, extra_env=url)
    chosen = manage("shell", "-c", script, extra_env=url | {"DJANGO_DB_CONNECT_TIMEOUT": "2"})
    assert default.returncode == chosen.returncode == 0, default.stderr + chosen.stderr
    assert "'connect_timeout': 5" in default.stdout
    assert "'connect_timeout': 2" in chosen.stdout


def test_a_postgresql_server_that_never_answers_is_given_up_on():
    # A port that accepts the connection and then says nothing, as a server
    # hanging in an outage does: without connect_timeout the client waits on.
    import socket

    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        script = "from django.db import connection; connection.ensure_connection()"
        env = {
            "DATABASE_URL": f"postgres://briefings:secret@127.0.0.1:{port}/briefings",
            "DJANGO_DB_CONNECT_TIMEOUT": "1",
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=REPO,
            env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env,
            capture_output=True,
            text=True,
            timeout=60,  # only stops a hung test
        )
    assert result.returncode != 0
    assert "OperationalError" in result.stderr
    assert "timeout" in result.stderr.lower()
