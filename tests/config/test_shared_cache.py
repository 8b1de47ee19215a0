"""App servers keep no state of their own: a shared cache when CACHE_URL names one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_PRINT = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps([settings.CACHES['default']['BACKEND'], "
    "settings.CACHES['default'].get('LOCATION', ''), settings.SESSION_ENGINE]))"
)


def _settings(**env: str) -> list[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    if "CACHE_URL" not in env:
        environment.pop("CACHE_URL", None)
    output = subprocess.run(
        [sys.executable, "-c", _PRINT],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return list(json.loads(output.strip().splitlines()[-1]))


def test_with_cache_url_every_server_shares_one_redis_cache_and_cached_sessions():
    backend, location, sessions = _settings(CACHE_URL="redis://cache.internal:6379/1")
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert location == "redis://cache.internal:6379/1"
    assert sessions == "accounts.sessions.cached_db"


def test_without_cache_url_sessions_live_in_the_database():
    backend, _, sessions = _settings()
    assert backend == "django.core.cache.backends.locmem.LocMemCache"
    assert sessions == "accounts.sessions.db"
