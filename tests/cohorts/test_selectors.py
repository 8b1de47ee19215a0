"""The cohort roster, read from the database a page at a time."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohorts import selectors
from cohorts.models import Cohort, Invitation
from tests.factories import CohortFactory, EnrolmentFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cohort():
    return CohortFactory(name="Spring")


def signed_in(cohort: Cohort, email: str, first: str = "", last: str = "") -> User:
    """A trainee who has taken up their place."""
    user = User.objects.create_user(
        email.split("@")[0], email, "pw", first_name=first, last_name=last
    )
    user.last_login = timezone.now()
    user.save()
    EnrolmentFactory(cohort=cohort, user=user)
    return user


def new_account(cohort: Cohort, email: str, *, sent: bool) -> User:
    """An account made by enrolment that has never signed in."""
    user = User.objects.create_user(email.split("@")[0], email, first_name="", last_name="")
    MembershipFactory(
        organisation=cohort.organisation,
        user=user,
        invitation_sent_at=timezone.now() if sent else None,
    )
    EnrolmentFactory(cohort=cohort, user=user)
    return user


def invite(cohort: Cohort, email: str, *, sent: bool = True, **answered: object) -> Invitation:
    user = User.objects.create_user(f"guest-{email}", email, "pw")
    return Invitation.objects.create(
        cohort=cohort,
        user=user,
        email=email,
        first_name="Guest",
        last_name=email[0].upper(),
        token=f"token-{email}",
        sent_at=timezone.now() if sent else None,
        **answered,
    )


def test_the_roster_lists_trainees_and_invitations_together_by_address_ignoring_case(cohort):
    signed_in(cohort, "Mia@example.org", "Mia", "Moss")
    signed_in(cohort, "bob@example.org", "Bob", "Birch")
    invite(cohort, "Carl@example.org")
    new_account(cohort, "alma@example.org", sent=True)
    invite(cohort, "zoe@example.org")

    emails = [entry.email for entry in selectors.cohort_roster(cohort)]

    assert emails == sorted(emails, key=str.casefold)
    assert len(emails) == 5


def test_pages_follow_on_from_each_other_without_gaps_or_repeats(cohort):
    for n in range(7):
        signed_in(cohort, f"t{n}@example.org")
    for n in range(6):
        invite(cohort, f"i{n}@example.org")

    roster = selectors.cohort_roster(cohort)
    pages = Paginator(roster, 4)
    read = [entry.email for number in pages.page_range for entry in pages.page(number)]

    assert pages.count == 13 and pages.num_pages == 4
    assert read == [entry.email for entry in roster]
    assert len(set(read)) == 13


def test_each_entry_shows_what_the_instructor_may_see_of_its_status(cohort):
    mia = signed_in(cohort, "mia@example.org", "Mia", "Moss")
    new_account(cohort, "new@example.org", sent=False)
    invite(cohort, "guest@example.org", sent=True)
    invite(cohort, "later@example.org", sent=False)

    entries = {entry.email: entry for entry in selectors.cohort_roster(cohort)}

    assert (entries["mia@example.org"].name, entries["mia@example.org"].user_id) == (
        "Mia Moss",
        mia.pk,
    )
    assert not entries["mia@example.org"].invited
    new = entries["new@example.org"]
    assert (new.invited, new.user_id, new.email_sent, new.name) == (
        True,
        None,
        False,
        "new@example.org",
    )
    guest = entries["guest@example.org"]
    assert (guest.invited, guest.email_sent, guest.name) == (True, True, "Guest G")
    assert guest.since == timezone.localdate()
    assert not entries["later@example.org"].email_sent


def test_answered_invitations_and_other_cohorts_are_not_on_the_roster(cohort):
    signed_in(cohort, "mia@example.org")
    invite(cohort, "yes@example.org", accepted_at=timezone.now())
    invite(cohort, "no@example.org", declined_at=timezone.now())
    signed_in(CohortFactory(organisation=cohort.organisation), "elsewhere@example.org")

    roster = selectors.cohort_roster(cohort)

    assert [entry.email for entry in roster] == ["mia@example.org"]
    assert len(roster) == 1


def test_a_search_matches_names_or_addresses_of_trainees_and_invitations(cohort):
    signed_in(cohort, "mia@example.org", "Mia", "Moss")
    signed_in(cohort, "bob@example.org", "Bob", "Mossop")
    signed_in(cohort, "ann@example.org", "Ann", "Lee")
    invite(cohort, "moss.guest@example.org")

    found = selectors.cohort_roster(cohort, query="  MOSS ")

    assert [entry.email for entry in found] == [
        "bob@example.org",
        "mia@example.org",
        "moss.guest@example.org",
    ]
    assert len(found) == 3


def test_a_page_is_counted_in_one_query_and_read_in_three_at_any_roster_size(cohort):
    def page_queries() -> tuple[int, int]:
        roster = Paginator(selectors.cohort_roster(cohort), 5)
        with CaptureQueriesContext(connection) as counting:
            assert roster.count
        with CaptureQueriesContext(connection) as reading:
            assert len(roster.page(2)) == 5
        return len(counting), len(reading)

    for n in range(6):
        signed_in(cohort, f"t{n}@example.org")
    for n in range(6):
        invite(cohort, f"i{n}@example.org")
    small = page_queries()
    for n in range(6, 60):
        signed_in(cohort, f"t{n}@example.org")
        invite(cohort, f"i{n}@example.org")

    large = page_queries()

    # Three when the page holds trainees and invitations, two when only one kind.
    assert small == (1, 3) and large[0] == 1 and large[1] <= 3


def test_one_person_is_found_by_address_ignoring_case_and_nobody_else(cohort):
    signed_in(cohort, "mia@example.org", "Mia", "Moss")
    signed_in(cohort, "mia.moss@example.org", "Mia", "Moss")
    invite(cohort, "Guest@Example.org")

    mia = selectors.roster_entry(cohort, " MIA@example.org ")
    guest = selectors.roster_entry(cohort, "guest@example.org")

    assert mia is not None and mia.email == "mia@example.org"
    assert guest is not None and guest.invited
    assert selectors.roster_entry(cohort, "mia@example") is None
    assert selectors.roster_entry(cohort, "") is None


def test_a_single_entry_can_be_read_by_position(cohort):
    signed_in(cohort, "b@example.org")
    signed_in(cohort, "a@example.org")

    roster = selectors.cohort_roster(cohort)

    assert (roster[0].email, roster[1].email, roster[-1].email) == (
        "a@example.org",
        "b@example.org",
        "b@example.org",
    )
    with pytest.raises(IndexError):
        roster[2]
