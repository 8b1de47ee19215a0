"""What `make` would run, read from its dry run (`make -n`) in an empty checkout."""

import shutil
import subprocess

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(target: str, tmp_path) -> str:
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    result = subprocess.run(
        ["make", "-n", "-f", str(REPO / "Makefile"), target, "PORT=8765"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_make_run_installs_the_project_without_the_development_tools(tmp_path):
    commands = dry_run("run", tmp_path)
    assert "pip install --quiet -e .\n" in commands
    assert ".[dev]" not in commands


def test_make_run_migrates_loads_the_seeds_and_the_demo_then_serves_on_port_beside_the_worker(
    tmp_path,
):
    steps = [
        line.split("manage.py ", 1)[1].split(";")[0].split(" &")[0]
        for line in dry_run("run", tmp_path).splitlines()
        if "manage.py " in line
    ]
    assert steps == [
        "migrate --no-input",
        "load_seeds",
        "load_demo",
        "db_worker",
        "runserver 127.0.0.1:8765",
    ]


def test_make_run_stops_the_task_worker_when_the_server_stops(tmp_path):
    commands = dry_run("run", tmp_path)
    assert "db_worker &" in commands
    assert "trap 'kill $worker" in commands


@pytest.mark.parametrize("target", ["test", "lint", "bench"])
def test_tests_lint_and_bench_install_the_development_tools(tmp_path, target):
    assert "pip install --quiet -e '.[dev]'" in dry_run(target, tmp_path)


def test_make_serve_leaves_threads_for_pages_beside_those_sign_ins_may_hold(tmp_path):
    from django.conf import settings

    commands = " ".join(dry_run("serve", tmp_path).replace("\\\n", " ").split())
    assert "manage.py db_worker &" in commands
    assert "trap 'kill $worker" in commands
    server = commands.split("gunicorn config.wsgi", 1)[1]
    assert "--worker-class gthread" in server
    threads = int(server.split("--threads ", 1)[1].split()[0])
    # Each process hashes on some threads and lets a few more sign-ins wait.
    held_by_sign_ins = settings.PASSWORD_HASHING_THREADS + settings.PASSWORD_HASHING_QUEUE
    assert threads >= held_by_sign_ins + 2


def test_make_messages_builds_the_page_and_script_catalogues_of_a_language_and_compiles_them(
    tmp_path,
):
    steps = [
        line.split("manage.py ", 1)[1]
        for line in dry_run("messages", tmp_path).splitlines()
        if "manage.py " in line
    ]
    assert [step.split(" --ignore")[0] for step in steps] == [
        "makemessages --all",
        "makemessages --all --domain djangojs",
        "compilemessages",
    ]
