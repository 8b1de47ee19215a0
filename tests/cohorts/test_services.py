"""Enrolment (by CSV and by e-mail address) and assignments."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from cohorts import services
from cohorts.models import Assignment, Cohort, Enrolment
from organisations.models import Membership
from tests.factories import CohortFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
HEADER = "email,first name,last name,cohort\n"
GOOD = (
    HEADER
    + "ada@example.org,Ada,Lovelace,Autumn\n"
    + "alan@example.org,Alan,Turing,Autumn\n"
    + "grace@example.org,Grace,Hopper,Winter\n"
)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation(db):
    organisation = OrganisationFactory(name="Harbour Training")
    CohortFactory(organisation=organisation, name="Autumn")
    CohortFactory(organisation=organisation, name="Winter")
    return organisation


def enrol_csv(organisation, text: str, capture) -> services.EnrolmentOutcome:
    """Upload ``text``, running the on-commit e-mails as a real request would."""
    with capture(execute=True):
        return services.enrol_csv(organisation=organisation, data=text.encode(), site_url=SITE)


def test_a_file_with_bad_rows_creates_nothing_and_lists_every_bad_row(
    organisation, mailoutbox, django_capture_on_commit_callbacks
):
    bad = GOOD + "not-an-address,Bad,Row,Autumn\n" + "eve@example.org,Eve,Smith,Spring\n"
    users = User.objects.count()

    outcome = enrol_csv(organisation, bad, django_capture_on_commit_callbacks)

    assert not outcome.ok
    assert [error.line for error in outcome.errors] == [5, 6]
    assert "e-mail" in outcome.errors[0].reason.lower()
    assert "Spring" in outcome.errors[1].reason
    assert User.objects.count() == users
    assert not Enrolment.objects.exists()
    assert not Membership.objects.exists()
    assert mailoutbox == []


def test_the_fixed_file_creates_accounts_enrols_them_and_sends_one_email_each(
    organisation, mailoutbox, django_capture_on_commit_callbacks
):
    outcome = enrol_csv(organisation, GOOD, django_capture_on_commit_callbacks)

    assert outcome.ok
    assert (outcome.rows, outcome.created_accounts, outcome.new_enrolments) == (3, 3, 3)
    ada = User.objects.get(email="ada@example.org")
    assert (ada.first_name, ada.last_name, ada.has_usable_password()) == ("Ada", "Lovelace", False)
    assert Enrolment.objects.get(user=ada).cohort.name == "Autumn"
    assert Membership.objects.get(user=ada).role == Membership.Role.TRAINEE
    assert sorted(m.to[0] for m in mailoutbox) == [
        "ada@example.org",
        "alan@example.org",
        "grace@example.org",
    ]


def test_the_email_link_leads_to_a_working_set_password_form(
    client, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    enrol_csv(organisation, GOOD, django_capture_on_commit_callbacks)
    message = next(m for m in mailoutbox if m.to == ["ada@example.org"])
    assert "Hello Ada" in message.body
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)

    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert 'name="new_password1"' in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "a long new passphrase", "new_password2": "a long new passphrase"},
    )
    assert response.status_code == 302
    assert client.login(username="ada@example.org", password="a long new passphrase")


def test_uploading_the_same_file_again_changes_nothing_and_sends_nothing(
    organisation, mailoutbox, django_capture_on_commit_callbacks
):
    enrol_csv(organisation, GOOD, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    counts = (User.objects.count(), Enrolment.objects.count(), Membership.objects.count())

    outcome = enrol_csv(organisation, GOOD, django_capture_on_commit_callbacks)

    assert (outcome.created_accounts, outcome.new_enrolments) == (0, 0)
    assert (User.objects.count(), Enrolment.objects.count(), Membership.objects.count()) == counts
    assert mailoutbox == []


def test_an_existing_account_is_reused_whatever_the_case_of_its_address(
    organisation, mailoutbox, django_capture_on_commit_callbacks
):
    ada = UserFactory(username="ada", email="Ada@Example.org", first_name="Ada")
    Membership.objects.create(organisation=organisation, user=ada)

    outcome = enrol_csv(organisation, GOOD, django_capture_on_commit_callbacks)

    assert outcome.created_accounts == 2
    assert User.objects.filter(email__iexact="ada@example.org").count() == 1
    assert Enrolment.objects.filter(user=ada, cohort__name="Autumn").exists()
    assert "ada@example.org" not in [m.to[0].lower() for m in mailoutbox]
    assert len(mailoutbox) == 2


def test_one_person_in_two_cohorts_with_two_spellings_gets_one_account(
    organisation, mailoutbox, django_capture_on_commit_callbacks
):
    text = (
        HEADER + "ada@example.org,Ada,Lovelace,Autumn\n" + "ADA@example.org,Ada,Lovelace,Winter\n"
    )

    outcome = enrol_csv(organisation, text, django_capture_on_commit_callbacks)

    assert outcome.ok
    assert (outcome.created_accounts, outcome.new_enrolments) == (1, 2)
    ada = User.objects.get(email__iexact="ada@example.org")
    assert sorted(ada.enrolments.values_list("cohort__name", flat=True)) == ["Autumn", "Winter"]
    assert len(mailoutbox) == 1


def test_an_instructor_listed_in_the_file_keeps_their_role(
    organisation, django_capture_on_commit_callbacks
):
    teacher = UserFactory(email="ada@example.org")
    Membership.objects.create(
        organisation=organisation, user=teacher, role=Membership.Role.INSTRUCTOR
    )
    enrol_csv(organisation, GOOD, django_capture_on_commit_callbacks)
    assert Membership.objects.get(user=teacher).role == Membership.Role.INSTRUCTOR


def test_enrolling_three_hundred_rows_takes_a_handful_of_queries(
    organisation, django_assert_max_num_queries, django_capture_on_commit_callbacks, mailoutbox
):
    rows = "".join(f"person{n}@example.org,Person,Number{n},Autumn\n" for n in range(300))
    # 12 to enrol; the test task backend then runs the two e-mail tasks (200
    # accounts each) at once, each in four queries.
    with django_assert_max_num_queries(20):
        outcome = enrol_csv(organisation, HEADER + rows, django_capture_on_commit_callbacks)
    assert (outcome.created_accounts, outcome.new_enrolments) == (300, 300)
    assert Enrolment.objects.filter(cohort__name="Autumn").count() == 300
    assert len(mailoutbox) == 300


# ---------------------------------------------------------------------------
# One trainee by e-mail address


def test_enrol_by_email_creates_the_account_and_sends_the_email(
    organisation, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = Cohort.objects.get(name="Winter")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.enrol_by_email(
            cohort=cohort, email="  Lin@Example.ORG ", first_name=" Lin ", site_url=SITE
        )
    assert (outcome.created_accounts, outcome.new_enrolments) == (1, 1)
    lin = User.objects.get(email="Lin@example.org")
    assert lin.first_name == "Lin"
    assert Enrolment.objects.filter(user=lin, cohort=cohort).exists()
    assert [m.to for m in mailoutbox] == [["Lin@example.org"]]


def test_enrol_by_email_twice_enrols_once(organisation, django_capture_on_commit_callbacks):
    cohort = Cohort.objects.get(name="Winter")
    for _ in range(2):
        outcome = services.enrol_by_email(cohort=cohort, email="lin@example.org", site_url=SITE)
    assert (outcome.created_accounts, outcome.new_enrolments) == (0, 0)
    assert Enrolment.objects.filter(cohort=cohort).count() == 1


def test_enrol_by_email_refuses_a_bad_address_on_the_email_field(organisation):
    with pytest.raises(ValidationError) as caught:
        services.enrol_by_email(
            cohort=Cohort.objects.get(name="Winter"), email="lin at example", site_url=SITE
        )
    assert "email" in caught.value.message_dict
    assert not User.objects.exists()


# ---------------------------------------------------------------------------
# Assignments


@pytest.fixture
def quiz(seed_briefing):
    return seed_briefing.quizzes.get(is_default=True)


def test_assign_quiz_refuses_another_organisations_briefing(organisation, quiz):
    quiz.briefing.organisation = OrganisationFactory()
    quiz.briefing.save()
    with pytest.raises(ValidationError) as caught:
        services.assign_quiz(cohort=Cohort.objects.get(name="Autumn"), quiz=quiz)
    assert "another organisation" in caught.value.message_dict["quiz"][0]
    assert not Assignment.objects.exists()


def test_assign_quiz_accepts_shared_and_own_briefings(organisation, quiz):
    cohort = Cohort.objects.get(name="Autumn")
    shared = services.assign_quiz(cohort=cohort, quiz=quiz, due_days_after_enrolment=14)
    assert shared.due_for(date(2025, 3, 1)) == date(2025, 3, 15)
    quiz.briefing.organisation = organisation
    quiz.briefing.save()
    again = services.assign_quiz(cohort=cohort, quiz=quiz, due_on=date(2025, 4, 1), pass_mark=80)
    assert again.pk == shared.pk
    assert (again.due_on, again.due_days_after_enrolment, again.required_pass_mark()) == (
        date(2025, 4, 1),
        None,
        80,
    )


def test_a_refused_assignment_leaves_nothing_behind(organisation, quiz):
    with pytest.raises(ValidationError):
        services.assign_quiz(
            cohort=Cohort.objects.get(name="Autumn"),
            quiz=quiz,
            due_on=date(2025, 4, 1),
            due_days_after_enrolment=10,
        )
    assert not Assignment.objects.exists()


def test_a_refused_change_leaves_the_assignment_as_it_was(organisation, quiz):
    cohort = Cohort.objects.get(name="Autumn")
    services.assign_quiz(cohort=cohort, quiz=quiz, pass_mark=60)
    with pytest.raises(ValidationError):
        services.assign_quiz(cohort=cohort, quiz=quiz, pass_mark=150)
    assert Assignment.objects.get().pass_mark == 60


def test_assign_quiz_refuses_a_draft_briefing(organisation, quiz):
    quiz.briefing.status = "draft"
    quiz.briefing.save()
    with pytest.raises(ValidationError) as caught:
        services.assign_quiz(cohort=Cohort.objects.get(name="Autumn"), quiz=quiz)
    assert "Publish" in caught.value.message_dict["quiz"][0]
    assert not Assignment.objects.exists()


def test_a_new_trainee_whose_address_is_another_accounts_username_gets_a_free_username(
    organisation, mailoutbox, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import User

    User.objects.create_user(username="sam@example.org", email="someone.else@example.org")
    text = HEADER + "sam@example.org,Sam,Jones,Autumn\n"
    outcome = enrol_csv(organisation, text, django_capture_on_commit_callbacks)
    assert outcome.ok and outcome.created_accounts == 1
    sam = User.objects.get(email="sam@example.org")
    assert sam.username == "sam@example.org-2"
