import json

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.config.test_settings import PRODUCTION, manage
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
COOKIE_SETTINGS = [
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_DOMAIN",
    "SESSION_COOKIE_PATH",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_DOMAIN",
    "CSRF_COOKIE_PATH",
]


def cookie_settings(extra_env):
    script = (
        "import json; from django.conf import settings;"
        f"print(json.dumps({{name: getattr(settings, name) for name in {COOKIE_SETTINGS!r}}}))"
    )
    result = manage("shell", "-c", script, extra_env=extra_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def production_cookies():
    return cookie_settings(PRODUCTION)


def test_production_settings_give_the_session_and_csrf_cookies_host_prefixed_names(
    production_cookies,
):
    assert production_cookies["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert production_cookies["CSRF_COOKIE_NAME"] == "__Host-csrftoken"


def test_development_over_plain_http_keeps_the_plain_cookie_names():
    development = cookie_settings({"DJANGO_DEBUG": "1"})
    assert development["SESSION_COOKIE_NAME"] == "sessionid"
    assert development["CSRF_COOKIE_NAME"] == "csrftoken"
    assert development["SESSION_COOKIE_SECURE"] is False


@pytest.mark.django_db
def test_signing_in_under_production_settings_sets_cookies_a_browser_accepts_as_host_only(
    client, production_cookies, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    UserFactory(username="amira")
    with override_settings(**production_cookies):
        client.get(reverse("login"), secure=True)
        response = client.post(
            reverse("login"),
            {"username": "amira", "password": PASSWORD},
            secure=True,
        )
        assert response.status_code == 302
        signed_in = client.get(reverse("login"), secure=True).wsgi_request.user

    assert signed_in.username == "amira"
    for name in ("__Host-sessionid", "__Host-csrftoken"):
        cookie = client.cookies[name]
        # What a browser requires before it stores a __Host- cookie.
        assert cookie["secure"] is True, name
        assert cookie["path"] == "/", name
        assert cookie["domain"] == "", name
    assert "sessionid" not in client.cookies
    assert "csrftoken" not in client.cookies
