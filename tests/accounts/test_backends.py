from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth import aauthenticate, authenticate
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.backends import EmailOrUsernameBackend
from accounts.models import Session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_the_username_signs_in():
    user = UserFactory(username="amira", email="amira.haddad@example.org")
    assert authenticate(username="amira", password=PASSWORD) == user


def test_the_email_address_signs_in():
    user = UserFactory(username="amira", email="amira.haddad@example.org")
    assert authenticate(username="amira.haddad@example.org", password=PASSWORD) == user


def test_the_email_address_signs_in_whatever_its_case():
    user = UserFactory(username="amira", email="amira.haddad@example.org")
    assert authenticate(username="Amira.Haddad@EXAMPLE.org", password=PASSWORD) == user


def test_spaces_around_the_login_are_ignored():
    user = UserFactory(username="amira", email="amira.haddad@example.org")
    assert authenticate(username="  amira.haddad@example.org ", password=PASSWORD) == user


def test_a_wrong_password_does_not_sign_in_by_email_or_username():
    UserFactory(username="amira", email="amira.haddad@example.org")
    assert authenticate(username="amira", password="wrong") is None
    assert authenticate(username="amira.haddad@example.org", password="wrong") is None


def test_an_unknown_login_does_not_sign_in():
    UserFactory(username="amira", email="amira.haddad@example.org")
    assert authenticate(username="nobody@example.org", password=PASSWORD) is None
    assert authenticate(username="", password=PASSWORD) is None


def test_a_username_is_matched_exactly_not_by_case():
    UserFactory(username="amira", email="amira.haddad@example.org")
    assert authenticate(username="AMIRA", password=PASSWORD) is None


def test_part_of_an_address_is_not_enough():
    UserFactory(username="amira", email="amira.haddad@example.org")
    assert authenticate(username="%@example.org", password=PASSWORD) is None
    assert authenticate(username="amira.haddad", password=PASSWORD) is None


def test_an_inactive_account_does_not_sign_in_by_email():
    UserFactory(username="amira", email="amira.haddad@example.org", is_active=False)
    assert authenticate(username="amira.haddad@example.org", password=PASSWORD) is None


def test_a_shared_address_signs_in_the_account_whose_password_it_is():
    UserFactory(username="first", email="shared@example.org")
    second = UserFactory(username="second", email="Shared@example.org", password="another secret 9")
    assert authenticate(username="shared@example.org", password="another secret 9") == second


def test_a_username_that_is_another_accounts_address_signs_in_its_own_account_first():
    owner = UserFactory(username="ben@example.org", email="ben@work.example")
    UserFactory(username="benjamin", email="ben@example.org")
    assert authenticate(username="ben@example.org", password=PASSWORD) == owner


def test_the_async_path_accepts_the_email_address_too():
    user = UserFactory(username="amira", email="amira.haddad@example.org")
    signed_in = async_to_sync(aauthenticate)(username="AMIRA.HADDAD@example.org", password=PASSWORD)
    assert signed_in == user


def test_a_signed_in_session_finds_its_user_and_only_while_the_account_is_active():
    user = UserFactory()
    client = Client()
    client.force_login(user)
    assert client.get(reverse("quizzes:learning")).status_code == 200

    user.is_active = False
    user.save(update_fields=["is_active"])
    response = client.get(reverse("quizzes:learning"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_a_user_id_that_is_no_number_finds_nobody():
    assert EmailOrUsernameBackend().get_user("1 OR 1=1") is None
    assert EmailOrUsernameBackend().get_user(None) is None


def test_an_expired_session_signs_nobody_in():
    user = UserFactory()
    client = Client()
    client.force_login(user)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("quizzes:learning"))
    assert response.status_code == 302
