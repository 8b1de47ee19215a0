"""Every attempt draws questions that do not answer one another."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest
from django.urls import reverse

from quizzes import attempts
from quizzes.models import Question
from quizzes.text.selection import clash
from tests.factories import StaffFactory
from tests.quizzes.quiz_world import add_quiz, approve_bank

pytestmark = pytest.mark.django_db


def _drawn(attempt) -> list[Question]:
    return [r.question for r in attempt.responses.select_related("question").order_by("position")]


def _clashing_pairs(questions: list[Question]) -> list[tuple[int, int, str]]:
    return [
        (a.pk, b.pk, why)
        for i, a in enumerate(questions)
        for b in questions[i + 1 :]
        if (why := clash(a, b))
    ]


def test_the_seed_bank_records_every_cited_sentence_and_the_facts_of_each_question(
    seed_briefing,
):
    questions = list(seed_briefing.questions.select_related("paragraph"))
    assert questions
    for question in questions:
        assert question.facts, question.stem
        first = question.citations[0]
        assert (first["paragraph"], first["start"], first["end"]) == (
            question.paragraph.number,
            question.start,
            question.end,
        )
        for citation in question.citations:
            paragraph = seed_briefing.paragraphs.get(number=citation["paragraph"])
            assert paragraph.text[citation["start"] : citation["end"]] == citation["text"]
    several = [q for q in questions if q.kind in ("matching", "ordering", "multiple_response")]
    assert any(len(q.citations) > 1 for q in several)


def test_no_attempt_at_the_default_quiz_holds_two_questions_that_share_a_fact(
    seed_briefing, trainee
):
    approve_bank(seed_briefing)
    quiz = seed_briefing.quizzes.get(is_default=True)
    bank = list(seed_briefing.questions.all())
    assert _clashing_pairs(bank), "the bank itself holds questions that would clash"
    for _ in range(3):
        attempt = attempts.start_attempt(user=trainee, quiz=quiz)
        drawn = _drawn(attempt)
        assert 8 <= len(drawn) <= quiz.question_count
        assert _clashing_pairs(drawn) == []
        assert len(Counter(q.kind for q in drawn)) >= 4
        attempts.submit_attempt(attempt=attempt)


def test_a_quiz_of_so_many_per_type_also_keeps_clashing_questions_apart(seed_briefing, trainee):
    approve_bank(seed_briefing)
    quiz = add_quiz(seed_briefing, "Two of each", question_count=0, questions_per_type=2)
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    drawn = _drawn(attempt)
    kinds = Counter(q.kind for q in drawn)
    assert max(kinds.values()) == 2
    assert len(kinds) >= 4
    assert _clashing_pairs(drawn) == []


def test_an_instructors_question_cites_its_span_and_follows_it_when_re_pointed(seed_briefing):
    paragraph = seed_briefing.paragraphs.get(number=2)
    question = Question.objects.create(
        briefing=seed_briefing,
        kind=Question.Kind.TRUE_FALSE,
        stem="True or false? The text says so.",
        options=["True", "False"],
        correct=["True"],
        paragraph=paragraph,
        start=0,
        end=20,
    )
    assert question.citations == [
        {"paragraph": 2, "start": 0, "end": 20, "text": paragraph.text[:20]}
    ]
    question.paragraph = seed_briefing.paragraphs.get(number=3)
    question.end = 10
    question.save()
    question.refresh_from_db()
    assert question.citations[0]["paragraph"] == 3
    assert question.citations[0]["text"] == question.paragraph.text[:10]


def _page_text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_the_admin_shows_which_questions_share_a_fact_with_the_one_being_edited(
    client, seed_briefing
):
    client.force_login(StaffFactory(is_superuser=True))
    bank = list(seed_briefing.questions.all())
    question, other, why = next(
        (a, b, why) for a in bank for b in bank if a != b and (why := clash(a, b))
    )
    page = client.get(reverse("admin:quizzes_question_change", args=[question.pk]))
    text = _page_text(page)
    assert "Never drawn into one quiz with" in text
    assert reverse("admin:quizzes_question_change", args=[other.pk]) in page.content.decode()
    assert why in text


def test_the_results_of_a_question_built_on_several_sentences_quote_each_of_them(
    client, seed_briefing, trainee
):
    approve_bank(seed_briefing)
    several = next(q for q in seed_briefing.questions.all() if len(q.citations) > 1)
    quiz = add_quiz(seed_briefing, "Just one", question_count=0)
    seed_briefing.questions.exclude(pk=several.pk).update(status=Question.Status.DRAFT)
    attempt = attempts.start_attempt(user=trainee, quiz=quiz)
    attempts.submit_attempt(attempt=attempt)
    client.force_login(trainee)
    text = _page_text(client.get(reverse("quizzes:results", args=[attempt.pk])))
    for citation in several.citations:
        assert " ".join(citation["text"].split()) in text
        assert f"Paragraph {citation['paragraph']}" in text
