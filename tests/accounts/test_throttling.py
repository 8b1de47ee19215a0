import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.db.models import F
from django.test import RequestFactory
from django.urls import reverse

from accounts.throttling import client_address
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
ATTACKER = "203.0.113.66"
LOCKOUT = "Too many failed attempts to sign in"
WRONG = "Enter a correct e-mail address or username and password"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    # Sign-in failures are what is counted here, not the hasher's cost.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def amira():
    return UserFactory(username="amira", email="amira.haddad@example.org")


def sign_in(client, login, password, address=ATTACKER, url=None):
    return client.post(
        url or reverse("login"), {"username": login, "password": password}, REMOTE_ADDR=address
    )


def signed_in_as(client):
    return client.get(reverse("login")).wsgi_request.user


def fail_until_locked(client, login, address=ATTACKER):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, login, "not the password", address)
    return response


def request_reset(client, email, address=ATTACKER):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def same_page(html):
    # The CSP nonce and the masked CSRF token differ on every response.
    html = re.sub(r'nonce="[^"]*"', "", html)
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "<csrf token>", html)


def test_wrong_passwords_up_to_the_limit_lock_the_account_with_a_message_saying_when(client, amira):
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "amira", "not the password")
        assert response.status_code == 200
        assert WRONG in response.content.decode()

    response = sign_in(client, "amira", "not the password")

    page = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert LOCKOUT in page
    assert "Try again in 15 minutes" in page
    assert re.search(r"after \d\d:\d\d UTC", page)
    assert "<h1>Sign in</h1>" in page
    assert f'<a href="{reverse("password_reset")}">Reset it by e-mail</a>' in page


def test_the_right_password_is_refused_with_the_lockout_message_once_the_account_is_locked(
    client, amira
):
    fail_until_locked(client, "amira")

    response = sign_in(client, "amira", PASSWORD)

    assert response.status_code == 429
    assert LOCKOUT in response.content.decode()
    assert signed_in_as(client).is_anonymous


def test_the_lockout_holds_from_another_address_and_under_any_name_for_the_account(client, amira):
    fail_until_locked(client, "amira")

    for login in ("amira", "amira.haddad@example.org", "AMIRA.Haddad@Example.org"):
        response = sign_in(client, login, PASSWORD, address="198.51.100.20")
        assert response.status_code == 429, login
        assert LOCKOUT in response.content.decode()
    assert signed_in_as(client).is_anonymous


def test_switching_between_username_and_address_earns_no_extra_guesses(client, amira):
    logins = ["amira", "amira.haddad@example.org", "Amira.Haddad@example.org"]
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, logins[attempt % len(logins)], "not the password")

    assert response.status_code == 429
    assert sign_in(client, "amira", PASSWORD).status_code == 429


def test_a_locked_account_does_not_lock_out_other_accounts_at_the_same_address(client, amira):
    UserFactory(username="ben", email="ben@example.org")
    fail_until_locked(client, "amira")

    response = sign_in(client, "ben", PASSWORD)

    assert response.status_code == 302
    assert signed_in_as(client).username == "ben"


def test_the_lockout_ends_once_the_wait_has_passed(client, amira):
    fail_until_locked(client, "amira")
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))

    response = sign_in(client, "amira", PASSWORD)

    assert response.status_code == 302
    assert signed_in_as(client) == amira


def test_signing_in_clears_the_accounts_earlier_failures(client, amira):
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "amira", "not the password")
    assert sign_in(client, "amira", PASSWORD).status_code == 302
    client.post(reverse("logout"))

    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "amira", "not the password")

    assert response.status_code == 200
    assert sign_in(client, "amira", PASSWORD).status_code == 302


def test_unknown_accounts_lock_exactly_like_known_ones(client, amira):
    known = fail_until_locked(client, "amira").content.decode()
    unknown = fail_until_locked(client, "nobody@example.org").content.decode()

    def message(page):
        # The clock time moves on between the two; the rest must not differ.
        return re.sub(r"\d\d:\d\d", "", re.search(rf"{LOCKOUT}[^<]*", page).group(0))

    assert message(known) == message(unknown)


def test_failures_spread_over_many_accounts_from_one_address_are_throttled(client, amira):
    limit = django_settings.LOGIN_FAILURES_PER_ADDRESS
    for n in range(limit - 1):
        response = sign_in(client, f"guess{n}@example.org", "password1")
        assert response.status_code == 200, n

    response = sign_in(client, f"guess{limit}@example.org", "password1")

    assert response.status_code == 429
    assert LOCKOUT in response.content.decode()
    assert sign_in(client, "amira", PASSWORD).status_code == 429
    assert signed_in_as(client).is_anonymous
    assert sign_in(client, "amira", PASSWORD, address="198.51.100.20").status_code == 302


def test_the_admin_sign_in_is_locked_out_with_the_same_message(client):
    UserFactory(username="imogen", email="imogen@example.org", is_staff=True)
    url = reverse("admin:login")
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, "imogen", "not the password", url=url)

    response = sign_in(client, "imogen", PASSWORD, url=url)

    assert response.status_code == 429
    assert LOCKOUT in response.content.decode()


def test_a_locked_out_user_can_reset_their_password_and_sign_in_with_it_at_once(
    client, amira, mailoutbox
):
    fail_until_locked(client, "amira")

    response = request_reset(client, "amira.haddad@example.org")
    assert response["Location"] == reverse("password_reset_done")
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mailoutbox[0].body).group(1)
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {
            "new_password1": "a fresh long passphrase 42",
            "new_password2": "a fresh long passphrase 42",
        },
    )

    response = sign_in(client, "amira", "a fresh long passphrase 42")
    assert response.status_code == 302
    assert signed_in_as(client) == amira


def test_the_reset_form_answers_alike_for_known_and_unknown_addresses(client, amira, mailoutbox):
    known = request_reset(client, "amira.haddad@example.org")
    unknown = request_reset(client, "nobody@example.org")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    known_page = client.get(known["Location"]).content.decode()
    unknown_page = client.get(unknown["Location"]).content.decode()
    assert same_page(known_page) == same_page(unknown_page)
    assert [message.to for message in mailoutbox] == [["amira.haddad@example.org"]]


@pytest.mark.parametrize("email", ["amira.haddad@example.org", "nobody@example.org"])
def test_reset_e_mails_to_one_address_are_throttled_whether_or_not_it_has_an_account(
    client, amira, mailoutbox, email
):
    limit = django_settings.PASSWORD_RESETS_PER_EMAIL
    for n in range(limit):
        # From several addresses, as an attacker flooding a mailbox would.
        response = request_reset(client, email.upper() if n else email, address=f"198.51.100.{n}")
        assert response.status_code == 302

    response = request_reset(client, email, address="192.0.2.1")

    page = response.content.decode()
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 59 * 60
    assert "Too many requests for a reset link. Try again in 60 minutes." in page
    assert "<h1>Reset your password</h1>" in page
    assert len(mailoutbox) == (limit if email.startswith("amira") else 0)


def test_the_reset_throttle_answers_the_same_page_for_known_and_unknown_addresses(client, amira):
    def throttled_page(email):
        for _ in range(django_settings.PASSWORD_RESETS_PER_EMAIL + 1):
            response = request_reset(client, email)
        return response

    known = throttled_page("amira.haddad@example.org")
    unknown = throttled_page("nobody@example.org")

    assert known.status_code == unknown.status_code == 429
    assert same_page(known.content.decode().replace("amira.haddad", "nobody")) == same_page(
        unknown.content.decode()
    )


def test_reset_requests_from_one_client_address_are_throttled(client, mailoutbox):
    limit = django_settings.PASSWORD_RESETS_PER_CLIENT
    for n in range(limit):
        assert request_reset(client, f"someone{n}@example.org").status_code == 302

    assert request_reset(client, "one.more@example.org").status_code == 429
    assert request_reset(client, "one.more@example.org", address="192.0.2.1").status_code == 302


def test_a_forged_forwarded_for_header_does_not_change_the_address_counted(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.66"
    )
    assert client_address(request) == "203.0.113.66"


def test_the_forwarded_for_header_is_ignored_without_a_trusted_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    request = RequestFactory().post(
        "/", REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert client_address(request) == "203.0.113.66"


def test_addresses_in_one_ipv6_subscriber_block_count_as_one():
    first = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2::1")
    second = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert client_address(first) == client_address(second) == "2001:db8:1:2::"
