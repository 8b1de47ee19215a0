import pytest

from quizzes.models import Question, Quiz
from quizzes.services import ensure_default_quiz, generate_question_bank, save_question_edit
from quizzes.text.question import QUESTION_KINDS
from quizzes.text.ranking import QUIZ_FLOOR

pytestmark = pytest.mark.django_db


def test_importing_a_briefing_builds_a_draft_bank_and_a_default_quiz(seed_briefing):
    kinds = set(seed_briefing.questions.values_list("kind", flat=True))
    assert kinds == set(QUESTION_KINDS)
    assert seed_briefing.questions.count() >= 25
    assert not seed_briefing.questions.exclude(status=Question.Status.DRAFT).exists()
    assert Quiz.objects.filter(briefing=seed_briefing, is_default=True).count() == 1


def test_every_question_cites_a_sentence_of_its_paragraph(seed_briefing):
    for question in seed_briefing.questions.select_related("paragraph"):
        sentence = question.paragraph.text[question.start : question.end]
        assert sentence.strip(), question.stem
        assert 0 <= question.start < question.end <= len(question.paragraph.text)
        assert question.explanation


def test_the_seed_bank_covers_every_glossary_term_and_named_speaker(seed_briefing):
    terms = {t for q in seed_briefing.questions.all() for t in q.terms}
    assert {"CSTO", "CIS", "IMU"} <= terms
    text = " ".join(
        " ".join([q.stem, *q.options, *q.correct, *q.prompts])
        for q in seed_briefing.questions.all()
    )
    for speaker in ("Putin", "Borisov", "Rasulov", "Iskandarov"):
        assert speaker in text


def test_regenerating_keeps_reviewed_questions_and_never_duplicates(seed_briefing):
    approved = seed_briefing.questions.order_by("pk").first()
    approved.status = Question.Status.APPROVED
    approved.save()
    edited = seed_briefing.questions.exclude(pk=approved.pk).order_by("pk").first()
    edited.stem = "An instructor's better wording?"
    save_question_edit(question=edited)
    count = seed_briefing.questions.count()

    outcome = generate_question_bank(briefing=seed_briefing)

    assert seed_briefing.questions.count() == count
    assert outcome.created == 0
    edited.refresh_from_db()
    assert edited.stem == "An instructor's better wording?"
    assert edited.version == 2
    approved.refresh_from_db()
    assert approved.status == Question.Status.APPROVED


def test_the_default_quiz_is_created_once(seed_briefing):
    assert ensure_default_quiz(briefing=seed_briefing) == ensure_default_quiz(
        briefing=seed_briefing
    )


def test_a_hand_written_question_is_validated(seed_briefing):
    paragraph = seed_briefing.paragraphs.get(number=1)
    question = Question(
        briefing=seed_briefing,
        kind="single_choice",
        stem="Which city did the Taleban capture?",
        options=["Kunduz", "Kabul"],
        correct=["Herat"],
        paragraph=paragraph,
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        save_question_edit(question=question)
    assert "correct" in excinfo.value.message_dict
    question.correct = ["Kunduz"]
    save_question_edit(question=question)
    assert question.key.startswith("instructor:")


def test_generating_with_approval_leaves_side_details_as_drafts_for_review(seed_briefing):
    generate_question_bank(briefing=seed_briefing, approve=True)

    approved = seed_briefing.questions.filter(status=Question.Status.APPROVED)
    drafts = seed_briefing.questions.filter(status=Question.Status.DRAFT)
    assert approved.count() >= 12 and drafts.exists()
    assert min(approved.values_list("importance", flat=True)) >= QUIZ_FLOOR
    assert max(drafts.values_list("importance", flat=True)) < QUIZ_FLOOR
