"""Authoring at 1280 px: the question bank, a briefing's change page and item analysis.

The instructor works on their organisation's own copy of the seed briefing,
as the demo does. Widths and heights are measured from the rendered boxes.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from briefings.services import copy_briefing
from cohorts.demo import instructor_group
from cohorts.models import Assignment, Cohort, Enrolment
from organisations.models import Membership, Organisation
from quizzes import attempts
from quizzes.models import Question
from tests.e2e.conftest import SCREENSHOTS, axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cohort(db):
    organisation = Organisation.objects.create(name="Harbour Training", slug="harbour")
    return Cohort.objects.create(organisation=organisation, name="Autumn", start_date=date.today())


@pytest.fixture
def instructor(cohort):
    user = User.objects.create_user("imogen", "imogen@example.org", "pw", is_staff=True)
    user.groups.add(instructor_group())
    Membership.objects.create(
        organisation=cohort.organisation, user=user, role=Membership.Role.INSTRUCTOR
    )
    return user


@pytest.fixture
def own_briefing(seed_briefing, cohort, instructor):
    return copy_briefing(briefing=seed_briefing, organisation=cohort.organisation, by=instructor)


@pytest.fixture
def analysed(own_briefing, cohort):
    """Six finished first attempts at a five-question quiz of the organisation's copy."""
    return analyse(own_briefing, cohort)


def analyse(briefing, cohort):
    briefing.questions.update(status=Question.Status.APPROVED)
    quiz = briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions = 5, False
    quiz.save()
    assignment = Assignment.objects.create(cohort=cohort, quiz=quiz)
    for n, right in enumerate([5, 5, 4, 2, 1, 1]):
        user = User.objects.create_user(f"learner{n}", f"learner{n}@example.org", "pw")
        Membership.objects.create(organisation=cohort.organisation, user=user)
        Enrolment.objects.create(cohort=cohort, user=user)
        attempt = attempts.start_attempt(
            user=user, quiz=quiz, seed=1, organisation_id=cohort.organisation_id
        )
        responses = attempt.responses.select_related("question").order_by("position")
        for response in responses[:right]:
            key = [str(k) for k in response.answer_key]
            answer = key[:1] if response.question.kind == Question.Kind.CLOZE else key
            attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
        attempts.submit_attempt(attempt=attempt)
    return assignment


def first_screen(page, name: str) -> None:
    """What the user sees before scrolling (the full-page shot is too tall to read)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def box(page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return {key: float(value) for key, value in found.items()}


def no_sideways_scroll(page) -> bool:
    return bool(
        page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


def test_the_question_bank_gives_the_stem_most_of_the_table(
    context_factory, instructor, own_briefing
):
    page = context_factory(user=instructor).new_page()
    page.goto(
        reverse("admin:quizzes_question_changelist") + f"?briefing__id__exact={own_briefing.pk}"
    )

    table = box(page, "#result_list")
    stem = box(page, "#result_list th.column-stem_text")
    first_screen(page, "authoring-question-bank-1280")

    assert stem["width"] >= 0.4 * table["width"], (stem, table)
    results = page.locator("#changelist .results")
    assert results.evaluate("el => el.scrollWidth <= el.clientWidth")  # nothing cut off
    right = box(page, "#changelist .results")
    right_edge = right["x"] + right["width"]
    for column in ("kind", "status", "origin_short", "difficulty_shown", "source_link"):
        header = box(page, f"#result_list th.column-{column}")
        assert header["width"] > 40 and header["x"] + header["width"] <= right_edge, column
    assert no_sideways_scroll(page)
    assert page.locator("#searchbar").is_visible()
    assert axe_violations(page) == []


def test_the_briefing_change_page_is_a_few_screens_high(context_factory, instructor, own_briefing):
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("admin:briefings_briefing_change", args=[own_briefing.pk]))

    height = page.evaluate("document.documentElement.scrollHeight")
    screenshot(page, "authoring-briefing-change-1280")
    assert height < 6000, height
    assert axe_violations(page) == []

    page.locator("#paragraphs-group summary").click()
    opened = page.evaluate("document.documentElement.scrollHeight")
    screenshot(page, "authoring-briefing-paragraphs-open-1280")
    rows = own_briefing.paragraphs.count()
    # Open, the paragraphs are one short row each, not a stacked form each.
    assert opened - height < rows * 120, (opened, height, rows)
    assert no_sideways_scroll(page)


def test_a_shared_briefing_page_offers_the_copy(context_factory, instructor, seed_briefing):
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("admin:briefings_briefing_change", args=[seed_briefing.pk]))
    notice = page.get_by_role("region", name="Shared by the platform with every organisation")
    assert notice.is_visible()
    screenshot(page, "authoring-shared-briefing-1280")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Copy to Harbour Training").click()
    page.wait_for_load_state()
    assert page.locator("#id_title").is_editable()
    assert "own draft" in page.locator(".messagelist").inner_text()


def test_item_analysis_fits_1280_with_its_flags_and_passes_axe(
    context_factory, instructor, analysed
):
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("cohorts:analysis", args=[analysed.pk]))

    region = page.get_by_role("region", name="Items")
    flags = box(page, ".item-analysis thead th.flags-column")

    assert no_sideways_scroll(page)
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert flags["x"] + flags["width"] <= 1280
    screenshot(page, "authoring-item-analysis-1280")
    assert page.locator(".item-analysis strong").count() >= 1  # something is flagged
    assert box(page, ".item-analysis")["width"] > 900  # wider than the reading column
    assert axe_violations(page) == []


def test_item_analysis_on_a_phone_scrolls_only_its_table(context_factory, instructor, analysed):
    page = context_factory(user=instructor, mobile=True).new_page()
    page.goto(reverse("cohorts:analysis", args=[analysed.pk]))
    assert no_sideways_scroll(page)
    screenshot(page, "authoring-item-analysis-390")
    assert axe_violations(page) == []


def test_item_analysis_of_a_shared_briefing_offers_the_copy(
    context_factory, instructor, seed_briefing, cohort
):
    assignment = analyse(seed_briefing, cohort)
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("cohorts:analysis", args=[assignment.pk]))
    notice = page.get_by_role("region", name="A briefing shared by the platform")
    assert "Only platform admins change this briefing" in notice.inner_text()
    assert page.get_by_role("link", name="edit").count() == 0
    screenshot(page, "authoring-item-analysis-shared-1280")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Copy to my organisation").click()
    page.wait_for_load_state()
    assert page.locator("#id_title").is_editable()
    page.go_back()
    page.reload()
    assert page.get_by_role("link", name="edit").count() >= 1
    assert (
        "your copy"
        in page.get_by_role("region", name="A briefing shared by the platform").inner_text()
    )
