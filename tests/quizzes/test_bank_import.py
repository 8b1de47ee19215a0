"""The import service: where imported questions are placed, what is skipped, and its bounds."""

import time

import pytest
from django.core.exceptions import ValidationError

from quizzes.bank_import import MAX_FILE_BYTES, import_questions
from quizzes.models import Question
from quizzes.text.question_files import MAX_QUESTIONS

pytestmark = pytest.mark.django_db


def imported(briefing):
    return briefing.questions.filter(origin=Question.Origin.INSTRUCTOR).select_related("paragraph")


def test_a_question_is_placed_on_the_sentence_its_explanation_quotes(seed_briefing):
    paragraph = seed_briefing.paragraphs.get(number=11)
    sentence = paragraph.text.split(". ")[0] + "."
    gift = f"When did the guards leave? {{=2005 ~1995 ~2015 ####“{sentence}”}}\n"
    outcome = import_questions(briefing=seed_briefing, data=gift.encode(), name="q.gift")
    question = imported(seed_briefing).get()
    assert outcome.unplaced == 0
    assert question.paragraph == paragraph
    assert question.source_sentence == sentence
    assert question.citations[0]["text"] == sentence


def test_without_an_explanation_the_answer_finds_the_paragraph(seed_briefing):
    gift = "Which group relocated to Pakistan? {=Islamic Movement of Uzbekistan ~Hamas ~ETA}\n"
    import_questions(briefing=seed_briefing, data=gift.encode(), name="q.gift")
    question = imported(seed_briefing).get()
    assert "Islamic Movement of Uzbekistan" in question.paragraph.text


def test_a_question_found_nowhere_cites_the_first_paragraph_and_is_counted(seed_briefing):
    outcome = import_questions(
        briefing=seed_briefing, data=b"Is the sky green? {F}\n", name="q.gift"
    )
    assert outcome.unplaced == 1
    assert imported(seed_briefing).get().paragraph.number == 1


def test_imported_questions_are_hand_written_and_kept_by_regeneration(seed_briefing):
    from quizzes.services import generate_question_bank

    import_questions(briefing=seed_briefing, data=b"Is the sky green? {F}\n", name="q.gift")
    generate_question_bank(briefing=seed_briefing)
    question = imported(seed_briefing).get()
    assert question.edited and question.key.startswith("instructor:")


def test_a_file_over_1_mb_is_refused_before_it_is_read(seed_briefing):
    with pytest.raises(ValidationError, match="over 1 MB"):
        import_questions(briefing=seed_briefing, data=b"x" * (MAX_FILE_BYTES + 1), name="q.gift")


def test_text_that_is_not_utf8_is_named_by_its_line(seed_briefing):
    with pytest.raises(ValidationError, match="line 3: the file is not UTF-8 text"):
        import_questions(briefing=seed_briefing, data=b"Q? {T}\n\nR? {\xff}\n", name="q.gift")


def test_the_largest_file_accepted_imports_in_bounded_time(seed_briefing):
    filler = "x" * 900
    gift = "\n\n".join(
        f"Statement {n} {filler}? {{=Dushanbe {n} ~Kabul ~Tashkent ####Source {n}.}}"
        for n in range(MAX_QUESTIONS)
    ).encode()
    assert MAX_FILE_BYTES * 0.9 < len(gift) <= MAX_FILE_BYTES
    start = time.process_time()
    outcome = import_questions(briefing=seed_briefing, data=gift, name="big.gift")
    assert outcome.created == MAX_QUESTIONS
    assert time.process_time() - start < 10
