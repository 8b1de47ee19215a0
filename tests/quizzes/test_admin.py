import pytest
from django.urls import reverse

from quizzes.models import Question
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(StaffFactory())
    return client


def test_the_bank_filters_by_type_and_status(admin_client, seed_briefing):
    url = reverse("admin:quizzes_question_changelist")
    html = admin_client.get(
        url, {"kind__exact": "matching", "status__exact": "draft"}
    ).content.decode()
    matching = seed_briefing.questions.filter(kind="matching").count()
    assert f"{matching} question" in html
    assert "Matching" in html


def test_bulk_approve_and_reject(admin_client, seed_briefing):
    ids = list(seed_briefing.questions.values_list("pk", flat=True)[:3])
    url = reverse("admin:quizzes_question_changelist")
    admin_client.post(url, {"action": "approve", "_selected_action": ids})
    assert Question.objects.filter(pk__in=ids, status="approved").count() == 3
    admin_client.post(url, {"action": "reject", "_selected_action": ids[:1]})
    assert Question.objects.get(pk=ids[0]).status == "rejected"


def test_the_preview_shows_the_question_and_highlights_its_source_sentence(
    admin_client, seed_briefing
):
    question = seed_briefing.questions.filter(kind="single_choice").first()
    html = admin_client.get(
        reverse("admin:quizzes_question_preview", args=[question.pk])
    ).content.decode()
    sentence = question.paragraph.text[question.start : question.end]
    from django.utils.html import escape

    assert f"<mark>{escape(sentence)}</mark>" in html
    assert escape(question.stem) in html
    for option in question.options:
        assert escape(option) in html


def test_editing_a_question_in_the_admin_bumps_its_version_and_protects_it(
    admin_client, seed_briefing
):
    question = seed_briefing.questions.filter(kind="single_choice").first()
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = {
        "briefing": seed_briefing.pk,
        "kind": question.kind,
        "status": "approved",
        "stem": "Which month did the Taleban take Kunduz?",
        "options": "\n".join(question.options),
        "prompts": "",
        "correct": "\n".join(question.correct),
        "explanation": question.explanation,
        "paragraph": question.paragraph_id,
        "start": question.start,
        "end": question.end,
        "difficulty": question.difficulty,
        "terms": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.stem == "Which month did the Taleban take Kunduz?"
    assert question.version == 2 and question.edited


def test_a_wrong_answer_key_is_shown_next_to_the_field(admin_client, seed_briefing):
    question = seed_briefing.questions.filter(kind="single_choice").first()
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    data = {
        "briefing": seed_briefing.pk,
        "kind": "single_choice",
        "status": "draft",
        "stem": question.stem,
        "options": "\n".join(question.options),
        "correct": "Not an option",
        "paragraph": question.paragraph_id,
        "start": question.start,
        "end": question.end,
        "difficulty": 0.5,
    }
    html = admin_client.post(url, data).content.decode()
    assert "written as one of the options" in html


def test_an_instructor_writes_a_question_by_hand(admin_client, seed_briefing):
    paragraph = seed_briefing.paragraphs.get(number=1)
    response = admin_client.post(
        reverse("admin:quizzes_question_add"),
        {
            "briefing": seed_briefing.pk,
            "kind": "true_false",
            "status": "approved",
            "stem": "Russian forces guard the border today.",
            "options": "True\nFalse",
            "correct": "False",
            "paragraph": paragraph.pk,
            "start": 0,
            "end": 0,
            "difficulty": 0.3,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(stem="Russian forces guard the border today.")
    assert question.origin == "instructor" and question.key.startswith("instructor:")


def test_the_regenerate_action_reports_what_it_kept(admin_client, seed_briefing):
    seed_briefing.questions.update(status="approved")
    response = admin_client.post(
        reverse("admin:briefings_briefing_changelist"),
        {"action": "regenerate_briefing_banks", "_selected_action": [seed_briefing.pk]},
        follow=True,
    )
    assert "kept as reviewed" in response.content.decode()


def test_the_bank_list_shows_whole_stems_with_type_status_source_difficulty_and_paragraph(
    admin_client, seed_briefing
):
    question = max(seed_briefing.questions.all(), key=lambda q: len(q.stem))
    html = admin_client.get(
        reverse("admin:quizzes_question_changelist"), {"q": question.stem[:30]}
    ).content.decode()
    from django.utils.html import escape

    assert escape(question.stem) in html  # whole, not cut at 90 characters
    for heading in ("Question", "Kind", "Status", "Source", "Difficulty", "Paragraph"):
        assert f">{heading}</a>" in html or f">{heading}</span>" in html, heading
    assert f"¶{question.paragraph.number}</a>" in html


def test_the_bank_list_searches_by_stem(admin_client, seed_briefing):
    wanted = seed_briefing.questions.filter(kind="true_false").first()
    other = seed_briefing.questions.exclude(stem__icontains=wanted.stem).first()
    html = admin_client.get(
        reverse("admin:quizzes_question_changelist"), {"q": wanted.stem}
    ).content.decode()
    change = reverse("admin:quizzes_question_change", args=[wanted.pk])
    assert change in html
    assert reverse("admin:quizzes_question_change", args=[other.pk]) not in html


def test_the_bank_list_is_paginated(admin_client, seed_briefing):
    model = seed_briefing.questions.first()
    extra = max(0, 60 - seed_briefing.questions.count())
    for n in range(extra):
        model.pk, model.key = None, f"instructor:copy-{n}"
        model.save()
    total = seed_briefing.questions.count()
    assert total > 50
    url = reverse("admin:quizzes_question_changelist")
    first = admin_client.get(url).content.decode()
    second = admin_client.get(url, {"p": 2}).content.decode()
    assert first.count('name="_selected_action"') == 50
    assert second.count('name="_selected_action"') == total - 50


def test_the_briefing_page_lists_its_bank_in_short_rows_linking_to_each_question(
    admin_client, seed_briefing
):
    html = admin_client.get(
        reverse("admin:briefings_briefing_change", args=[seed_briefing.pk])
    ).content.decode()
    for question in seed_briefing.questions.all()[:5]:
        assert reverse("admin:quizzes_question_change", args=[question.pk]) in html
    assert 'name="questions-0-stem"' not in html  # answers are edited on the question's page
    assert 'name="questions-0-status"' in html


def test_the_bank_filter_tells_a_shared_briefing_from_an_organisations_copy(client, seed_briefing):
    from briefings.services import copy_briefing
    from cohorts.demo import instructor_group
    from organisations.models import Membership
    from tests.factories import OrganisationFactory, UserFactory

    harbour = OrganisationFactory(name="Harbour Training")
    elsewhere = OrganisationFactory(name="Elsewhere Academy")
    copy = copy_briefing(briefing=seed_briefing, organisation=harbour, by=None)
    copy_briefing(briefing=seed_briefing, organisation=elsewhere, by=None)
    instructor = UserFactory(username="imogen", is_staff=True)
    instructor.groups.add(instructor_group())
    Membership.objects.create(
        organisation=harbour, user=instructor, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(instructor)
    url = reverse("admin:quizzes_question_changelist")

    html = client.get(url).content.decode()

    assert f"{seed_briefing.title} (shared)" in html
    assert f"{seed_briefing.title} (Harbour Training)" in html
    assert "Elsewhere Academy" not in html
    filtered = client.get(url, {"briefing__id__exact": copy.pk}).content.decode()
    assert f"{copy.questions.count()} questions" in filtered
