"""Question files as an instructor uses them in the browser: the downloads offered
on their briefing's page, a download that arrives as a named file, and an import
refused line by line, then accepted."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from briefings.services import copy_briefing
from cohorts.demo import instructor_group
from organisations.models import Membership, Organisation
from quizzes.models import Question
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

BAD_FILE = (
    "Is Dushanbe the capital of Tajikistan? {T}\n"
    "\n"
    "Name two neighbours. {~%50%Uzbekistan ~%50%Kyrgyzstan}\n"
    "\n"
    "Discuss the border. {}\n"
)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def instructor(db):
    organisation = Organisation.objects.create(name="Harbour Training", slug="harbour")
    user = User.objects.create_user("imogen", "imogen@example.org", "pw", is_staff=True)
    user.groups.add(instructor_group())
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.INSTRUCTOR)
    return user


@pytest.fixture
def own_briefing(seed_briefing, instructor):
    organisation = instructor.memberships.get().organisation
    briefing = copy_briefing(briefing=seed_briefing, organisation=organisation, by=instructor)
    briefing.questions.update(status=Question.Status.APPROVED)
    return briefing


def test_the_briefing_page_offers_the_downloads_and_a_deck_arrives_as_a_named_file(
    context_factory, instructor, own_briefing
):
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("admin:briefings_briefing_change", args=[own_briefing.pk]))
    tools = page.locator(".object-tools")
    for label in (
        "Approved questions (GIFT)",
        "Approved questions (Moodle XML)",
        "Glossary and facts (Anki deck)",
        "Import questions",
    ):
        assert tools.get_by_role("link", name=label).is_visible()
    screenshot(page, "question-files-briefing-tools")
    assert axe_violations(page) == []
    with page.expect_download() as caught:
        tools.get_by_role("link", name="Glossary and facts (Anki deck)").click()
    assert caught.value.suggested_filename == f"{own_briefing.slug}.apkg"


def test_a_bad_file_is_listed_line_by_line_and_a_good_one_lands_in_the_bank(
    context_factory, instructor, own_briefing, tmp_path
):
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("admin:briefings_briefing_change", args=[own_briefing.pk]))
    page.get_by_role("link", name="Import questions").click()
    bad = tmp_path / "mine.gift"
    bad.write_text(BAD_FILE, encoding="utf-8")
    page.get_by_label("Question file").set_input_files(str(bad))
    page.get_by_role("button", name="Import the questions").click()
    alert = page.get_by_role("alert")
    assert "Nothing was imported" in alert.inner_text()
    assert "line 3: Give at least three options." in alert.inner_text()
    assert "line 5: an empty { } is an essay" in alert.inner_text()
    screenshot(page, "question-files-import-errors")
    assert axe_violations(page) == []

    good = tmp_path / "fixed.gift"
    good.write_text(
        BAD_FILE.replace("{}", "{=the Panj}").replace(
            "~%50%Kyrgyzstan", "~%50%Kyrgyzstan ~%-100%Chile"
        ),
        encoding="utf-8",
    )
    page.get_by_label("Question file").set_input_files(str(good))
    page.get_by_role("button", name="Import the questions").click()
    page.wait_for_url("**/quizzes/question/**")
    assert (
        "Imported 3 hand-written questions from GIFT" in page.locator(".messagelist").inner_text()
    )
    screenshot(page, "question-files-imported")
    assert own_briefing.questions.filter(origin=Question.Origin.INSTRUCTOR).count() == 3
