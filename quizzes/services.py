"""Writes to the question bank and quizzes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from briefings.models import Briefing, Paragraph
from briefings.selectors import parsed_article
from quizzes.models import Question, Quiz
from quizzes.text.generation import GENERATOR_VERSION, generate_questions
from quizzes.text.question import GeneratedQuestion
from quizzes.text.ranking import worth_a_quiz

#: A default quiz draws this many questions from the approved bank per attempt.
DEFAULT_QUESTION_COUNT = 12


@dataclass(frozen=True, slots=True)
class BankOutcome:
    created: int
    refreshed: int
    kept: int
    retired: int


def _citations(
    generated: GeneratedQuestion, paragraphs: dict[int, Paragraph]
) -> list[dict[str, Any]]:
    return [
        {
            "paragraph": number,
            "start": start,
            "end": end,
            "text": paragraphs[number].text[start:end],
        }
        for number, start, end in generated.cited()
        if number in paragraphs
    ]


def _question_fields(
    generated: GeneratedQuestion, paragraphs: dict[int, Paragraph]
) -> dict[str, Any]:
    paragraph = paragraphs[generated.paragraph]
    return {
        "kind": generated.kind,
        "stem": generated.stem,
        "options": list(generated.options),
        "prompts": list(generated.prompts),
        "correct": list(generated.correct),
        "explanation": generated.explanation,
        "paragraph": paragraph,
        "start": generated.start,
        "end": generated.end,
        "difficulty": min(1.0, max(0.0, generated.difficulty)),
        "terms": list(generated.terms),
        "citations": _citations(generated, paragraphs),
        "facts": list(generated.facts),
        "key_forms": list(generated.key_forms),
        "importance": min(1.0, max(0.0, generated.importance)),
        "generator_version": GENERATOR_VERSION,
    }


def generate_question_bank(*, briefing: Briefing, approve: bool = False) -> BankOutcome:
    """(Re)generate a briefing's questions from its current text.

    Questions an instructor approved, rejected or edited are kept as they are;
    untouched drafts are refreshed; drafts the generator no longer produces are
    removed unless someone has answered them. Keys make it idempotent.
    """
    article = parsed_article(briefing)
    generated = generate_questions(article)
    paragraphs = {p.number: p for p in briefing.paragraphs.all()}
    existing = {q.key: q for q in briefing.questions.all()}
    created = refreshed = kept = 0
    with transaction.atomic():
        produced: set[str] = set()
        for item in generated:
            paragraph = paragraphs.get(item.paragraph)
            if paragraph is None or item.key in produced:
                continue
            produced.add(item.key)
            # Approving approves what carries the story; side details stay drafts for review.
            approved = approve and worth_a_quiz(item)
            status = Question.Status.APPROVED if approved else Question.Status.DRAFT
            question = existing.get(item.key)
            if question is None:
                question = Question(
                    briefing=briefing,
                    key=item.key[:200],
                    origin=Question.Origin.GENERATED,
                    status=status,
                    **_question_fields(item, paragraphs),
                )
                question.full_clean()
                question.save()
                created += 1
            elif question.edited or question.status != Question.Status.DRAFT:
                kept += 1
            else:
                for name, value in _question_fields(item, paragraphs).items():
                    setattr(question, name, value)
                if approved:
                    question.status = Question.Status.APPROVED
                question.save()
                refreshed += 1
        stale = (
            briefing.questions.filter(
                origin=Question.Origin.GENERATED, status=Question.Status.DRAFT, edited=False
            )
            .exclude(key__in=produced)
            .filter(responses__isnull=True)
        )
        retired, _ = stale.delete()
    return BankOutcome(created=created, refreshed=refreshed, kept=kept, retired=retired)


def ensure_default_quiz(*, briefing: Briefing) -> Quiz:
    quiz = briefing.quizzes.filter(is_default=True).first()
    if quiz is None:
        quiz = Quiz.objects.create(
            briefing=briefing,
            title=f"Quiz: {briefing.title}"[:300],
            is_default=True,
            question_count=DEFAULT_QUESTION_COUNT,
        )
    return quiz


def set_question_status(*, questions: Any, status: str) -> int:
    """Bulk approve or reject (admin action)."""
    if status not in Question.Status.values:
        raise ValidationError({"status": f"Unknown status “{status}”."})
    return int(questions.update(status=status))


def save_question_edit(*, question: Question) -> Question:
    """Save an instructor's change: validate, bump the version, never regenerate over it."""
    question.record_instructor_edit()
    question.full_clean()
    question.save()
    return question


def drop_disposable_questions(*, paragraphs: list[Paragraph]) -> int:
    """Generated drafts nobody reviewed or answered can be regenerated; delete them."""
    deleted, _ = Question.objects.filter(
        paragraph__in=paragraphs,
        origin=Question.Origin.GENERATED,
        status=Question.Status.DRAFT,
        edited=False,
        responses__isnull=True,
    ).delete()
    return int(deleted)


def on_paragraphs_retiring(sender: Any, *, paragraphs: list[Paragraph], **_: Any) -> None:
    drop_disposable_questions(paragraphs=paragraphs)


def on_briefing_imported(
    sender: Any, *, briefing: Briefing, approve: bool = False, **_: Any
) -> None:
    generate_question_bank(briefing=briefing, approve=approve)
    ensure_default_quiz(briefing=briefing)


def on_briefing_copied(
    sender: Any, *, briefing: Briefing, copy: Briefing, paragraphs: dict[int, Paragraph], **_: Any
) -> None:
    """Give a briefing's copy the question bank (statuses and instructor edits
    kept) and the default quiz's settings, in the copy's transaction."""
    Question.objects.bulk_create(
        Question(
            briefing=copy,
            kind=q.kind,
            status=q.status,
            origin=q.origin,
            stem=q.stem,
            options=q.options,
            prompts=q.prompts,
            correct=q.correct,
            explanation=q.explanation,
            paragraph=paragraphs[q.paragraph_id],
            start=q.start,
            end=q.end,
            difficulty=q.difficulty,
            terms=q.terms,
            # Paragraph numbers carry over, so the citations hold as they are.
            citations=q.citations,
            facts=q.facts,
            key_forms=q.key_forms,
            importance=q.importance,
            key=q.key,
            generator_version=q.generator_version,
            version=q.version,
            edited=q.edited,
        )
        for q in Question.objects.filter(briefing=briefing).order_by("pk")
    )
    source_quiz = Quiz.objects.filter(briefing=briefing, is_default=True).first()
    if source_quiz is not None:
        source_quiz.pk = None
        source_quiz._state.adding = True
        source_quiz.briefing = copy
        source_quiz.save()
    else:
        ensure_default_quiz(briefing=copy)
