"""A page reads its session and the signed-in user in one query (accounts.sessions)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/quizzes/learning/"


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_signed_in_page_reads_the_session_and_its_user_in_one_query():
    user = UserFactory(username="amina")
    client = signed_in(user)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(PAGE)

    assert response.status_code == 200
    assert "amina" in response.text
    # The user's whole row, password hash included, is what signing in reads.
    reading_users = [q["sql"] for q in queries if '"auth_user"."password"' in q["sql"]]
    assert len(reading_users) == 1
    assert '"accounts_session"' in reading_users[0]


def test_the_session_row_names_the_account_signed_in_to_it():
    user = UserFactory()
    client = signed_in(user)
    assert Session.objects.get().user == user

    client.post(reverse("logout"))
    assert not Session.objects.filter(user=user).exists()


def test_deleting_an_account_ends_its_sessions_everywhere():
    user, other = UserFactory(), UserFactory()
    phone, laptop, colleague = signed_in(user), signed_in(user), signed_in(other)

    user.delete()

    assert Session.objects.filter(user_id=user.pk).count() == 0
    for client in (phone, laptop):
        assert client.get(PAGE).status_code == 302
    assert colleague.get(PAGE).status_code == 200


def test_a_row_naming_another_account_never_signs_that_account_in():
    rosa, mallory = UserFactory(username="rosa"), UserFactory(username="mallory")
    client = signed_in(rosa)
    Session.objects.update(user=mallory)

    response = client.get(PAGE)

    assert response.status_code == 200
    assert "rosa" in response.text
    assert "mallory" not in response.text


def test_a_password_changed_elsewhere_still_ends_the_session():
    user = UserFactory()
    client = signed_in(user)
    assert client.get(PAGE).status_code == 200

    user.set_password("a new and different passphrase")
    user.save()

    assert client.get(PAGE).status_code == 302


def test_a_deactivated_account_is_signed_out_on_its_next_page():
    user = UserFactory()
    client = signed_in(user)

    User.objects.filter(pk=user.pk).update(is_active=False)

    assert client.get(PAGE).status_code == 302


def test_an_expired_session_signs_nobody_in_even_with_its_account_beside_it():
    user = UserFactory()
    client = signed_in(user)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    assert client.get(PAGE).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_people_signed_in_before_the_upgrade_stay_signed_in(executor: MigrationExecutor):
    executor.migrate([("accounts", "0001_initial")])
    user = UserFactory(username="signed-in-before")
    live = DjangoSessionStore()
    live.update({"_auth_user_id": str(user.pk), "_auth_user_backend": "x", "other": 1})
    live.create()
    expired = DjangoSessionStore()
    expired["_auth_user_id"] = str(user.pk)
    expired.set_expiry(-10)
    expired.create()

    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())

    moved = Session.objects.get()
    assert moved.session_key == live.session_key
    assert moved.user_id == user.pk
    assert moved.get_decoded()["other"] == 1
