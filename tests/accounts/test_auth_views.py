import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_signing_in_leads_to_the_page_asked_for(client, trainee):
    url = reverse("quizzes:learning")
    response = client.post(
        reverse("login") + f"?next={url}",
        {"username": trainee.username, "password": PASSWORD, "next": url},
    )
    assert response["Location"] == url


def test_a_wrong_password_is_explained_on_the_form(client, trainee):
    response = client.post(reverse("login"), {"username": trainee.username, "password": "nope"})
    assert response.status_code == 200
    assert "Enter a correct e-mail address or username and password" in response.content.decode()


def test_the_sign_in_field_is_labelled_for_email_or_username(client):
    page = client.get(reverse("login")).content.decode()
    assert re.search(r'<label for="id_username">E-mail or username</label>', page)
    assert ">Username<" not in page


@pytest.mark.parametrize(
    "login",
    ["amira", "amira.haddad@example.org", "Amira.Haddad@Example.ORG"],
    ids=["username", "email", "email-in-other-case"],
)
def test_signing_in_works_with_the_username_or_the_email_address(client, login):
    user = UserFactory(username="amira", email="amira.haddad@example.org")
    response = client.post(reverse("login"), {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("quizzes:learning")).wsgi_request.user == user


def test_the_admin_sign_in_is_labelled_for_and_accepts_an_email_address(client):
    staff = UserFactory(username="imogen", email="imogen@example.org", is_staff=True)
    page = client.get(reverse("admin:login")).content.decode()
    assert "E-mail or username" in page
    response = client.post(
        reverse("admin:login"),
        {"username": "IMOGEN@example.org", "password": PASSWORD, "next": reverse("admin:index")},
    )
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).wsgi_request.user == staff


def test_signing_out_is_a_post_and_ends_the_session(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("quizzes:learning")).status_code == 302


def test_a_password_reset_mails_a_link_that_sets_a_new_password(client, mailoutbox):
    user = UserFactory(email="reset.me@example.org")
    client.post(reverse("password_reset"), {"email": "reset.me@example.org"})
    assert len(mailoutbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mailoutbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    client.post(
        form.redirect_chain[-1][0],
        {
            "new_password1": "a fresh long passphrase 42",
            "new_password2": "a fresh long passphrase 42",
        },
    )
    user.refresh_from_db()
    assert user.check_password("a fresh long passphrase 42")


def test_a_trainee_changes_their_password_from_my_learning(client, trainee):
    client.force_login(trainee)
    assert reverse("password_change") in client.get(reverse("quizzes:learning")).content.decode()
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another long passphrase 7",
            "new_password2": "another long passphrase 7",
        },
    )
    assert response["Location"] == reverse("password_change_done")
