"""Reading GIFT: what to_gift writes comes back the same, hand-written GIFT is
understood, and every bad question is named by its line."""

import contextlib
import time

import pytest

from quizzes.text.generation import generate_questions
from quizzes.text.gift import to_gift
from quizzes.text.gift_import import read_gift
from quizzes.text.question_files import MAX_QUESTIONS, QuestionFileError
from tests.quizzes.text.builders import seed_article


def read_one(text):
    [question] = read_gift(text)
    return question


def problems(text):
    with pytest.raises(QuestionFileError) as caught:
        read_gift(text)
    return [str(problem) for problem in caught.value.problems]


def test_every_generated_question_comes_back_as_it_was_written():
    generated = generate_questions(seed_article())
    assert {q.kind for q in generated} >= {"single_choice", "cloze", "true_false", "ordering"}
    read = read_gift(to_gift(generated, category="Kunduz / Tajikistan"))
    assert len(read) == len(generated)
    for before, after in zip(generated, read, strict=True):
        assert (after.kind, after.stem) == (before.kind, before.stem)
        if before.kind == "multiple_response":  # the right options, in the options' order
            assert set(after.correct) == set(before.correct)
        else:
            assert after.correct == tuple(a for a in before.correct if "*" not in a)
        assert after.prompts == before.prompts
        assert after.explanation == before.explanation
        if before.kind not in ("cloze", "matching"):
            assert after.options == before.options
        if before.kind == "matching":
            assert set(after.options) == set(before.options)


def test_hand_written_gift_of_each_type_is_understood():
    text = (
        "// a comment\n$CATEGORY: Capitals\n\n"
        "::Capital:: Which city is the capital of Tajikistan? {=Dushanbe ~Kabul ~Tashkent}\n\n"
        "Which are in Central Asia? {~%50%Tajikistan ~%50%Uzbekistan ~%-100%Chile}\n\n"
        "Dushanbe is in Tajikistan. {TRUE}\n\n"
        "The border is {=1,200 =1200} kilometres long.\n\n"
        "Match each capital. {=Dushanbe -> Tajikistan =Kabul -> Afghanistan = -> Chile}\n\n"
        "How many kilometres? {#1200}\n"
    )
    kinds = [(q.kind, q.correct) for q in read_gift(text)]
    assert kinds == [
        ("single_choice", ("Dushanbe",)),
        ("multiple_response", ("Tajikistan", "Uzbekistan")),
        ("true_false", ("True",)),
        ("cloze", ("1,200", "1200")),
        ("matching", ("Tajikistan", "Afghanistan")),
        ("cloze", ("1200",)),
    ]


def test_a_missing_word_keeps_its_blank_and_escapes_are_undone():
    question = read_one(r"Costs \{about\} {=5\:30 ~6 ####It is \#1.} dollars \= cheap.")
    assert question.stem == "Costs {about} _____ dollars = cheap."
    assert question.options == ("5:30", "6")
    assert question.explanation == "It is #1."


def test_html_question_text_is_read_as_plain_text():
    question = read_one("[html]<p>Is <b>Dushanbe</b> &amp; Kabul far?</p>{F}")
    assert question.stem == "Is Dushanbe & Kabul far?"
    assert question.correct == ("False",)


def test_every_bad_question_is_reported_with_its_line_and_nothing_is_returned():
    text = (
        "Good question? {T}\n\n"  # line 1
        "An essay. {}\n\n"  # line 3
        "A description without answers.\n\n"  # line 5
        "Close to {#1200:50}\n\n"  # line 7
        "::Name:: Text\n{=a ~b\n"  # answers open on line 10, never closed
    )
    assert problems(text) == [
        "line 3: an empty { } is an essay, which cannot be imported",
        "line 5: no answers in { }: a description cannot be imported as a question",
        "line 7: only an exact number can be imported, such as {#1200}: "
        "tolerances and ranges have no counterpart here",
        "line 10: the answers opened with { are never closed with }",
    ]


def test_an_empty_file_says_it_holds_no_questions():
    assert problems("// only a comment\n") == ["line 1: the file holds no questions"]


def test_a_file_of_too_many_questions_is_refused():
    text = "\n\n".join(f"Question {n}? {{T}}" for n in range(MAX_QUESTIONS + 1))
    assert problems(text)[-1].endswith(f"a file holds at most {MAX_QUESTIONS} questions")


@pytest.mark.parametrize(
    "shape",
    [
        "{" * 50_000,
        "::" * 50_000,
        "Q {" + "=a " * 30_000 + "}",
        "Q {" + "~%50%" * 30_000 + "}",
        "\\" * 100_000,
        "Q {=a -> " + "-> " * 30_000 + "}",
    ],
)
def test_pathological_input_takes_time_in_proportion_to_its_length(shape):
    def seconds(text):
        # The fastest of three: a busy machine or a garbage collection slows one
        # run down, and only a parser that is really slower slows all three.
        timings = []
        for _ in range(3):
            start = time.process_time()
            with contextlib.suppress(QuestionFileError):
                read_gift(text)
            timings.append(time.process_time() - start)
        return min(timings)

    small, large = seconds(shape), seconds(shape * 4)
    assert large < 2.0
    assert large < 10 * small + 0.05


def test_gift_as_moodle_exports_it_with_html_answers_over_several_lines():
    text = (
        "// question: 12  name: Capital\n"
        '::Capital::[html]<p dir\\="ltr">Which city is the <b>capital</b>?</p>{\n'
        "\t~%-50%<p>Kabul</p>#Not this one.\n"
        "\t~%100%<p>Dushanbe</p>\n"
        "\t~%-50%<p>Tashkent</p>\n"
        "\t####<p>Dushanbe is the capital.</p>\n"
        "}\n"
    )
    question = read_one(text)
    assert question.kind == "single_choice"
    assert question.stem == "Which city is the capital?"
    assert question.options == ("Kabul", "Dushanbe", "Tashkent")
    assert question.correct == ("Dushanbe",)
    assert question.explanation == "Dushanbe is the capital."
