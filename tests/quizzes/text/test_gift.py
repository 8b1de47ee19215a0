import re

import pytest

from quizzes.text.generation import BLANK, generate_questions
from quizzes.text.gift import to_gift
from quizzes.text.question import GeneratedQuestion
from tests.quizzes.text.builders import seed_article


def question(kind, stem, *, options=(), correct=(), prompts=(), explanation="\u201cSource.\u201d"):
    return GeneratedQuestion(
        kind=kind,
        stem=stem,
        options=tuple(options),
        correct=tuple(correct),
        explanation=explanation,
        paragraph=3,
        start=0,
        end=7,
        difficulty=0.5,
        key=f"{kind}:0123456789abcdef",
        prompts=tuple(prompts),
    )


def items(gift):
    """The question blocks of a GIFT file, without comment and category lines."""
    blocks = [b for b in gift.split("\n\n") if b.strip()]
    return [
        "\n".join(line for line in b.splitlines() if not line.startswith(("//", "$CATEGORY")))
        for b in blocks
        if not b.startswith("$CATEGORY")
    ]


# Reading GIFT the way Moodle does: escaped characters first become placeholders.
ESCAPED = {
    "\\\\": "\x00",
    "\\:": "\x01",
    "\\#": "\x02",
    "\\=": "\x03",
    "\\{": "\x04",
    "\\}": "\x05",
    "\\~": "\x06",
}


def moodle_reading(item):
    """(name, question text, answer text, general feedback) as Moodle's importer splits them."""
    for escaped, placeholder in ESCAPED.items():
        item = item.replace(escaped, placeholder)
    assert item.startswith("::")
    name, text = item[2:].split("::", 1)
    start, finish = text.index("{"), text.index("}")
    answers = text[start + 1 : finish]
    feedback = ""
    if "####" in answers:
        answers, feedback = answers.rsplit("####", 1)
    return name, text[:start] + "_____" + text[finish + 1 :], answers.strip(), feedback


def moodle_type(answers):
    if "~" in answers:
        return "multichoice"
    if "=" in answers and "->" in answers:
        return "match"
    if answers in ("T", "TRUE", "F", "FALSE"):
        return "truefalse"
    return "shortanswer"


def test_the_file_starts_with_the_category():
    gift = to_gift([], category="Kunduz / week 1")
    assert gift.splitlines()[0] == "$CATEGORY: Kunduz // week 1"


def test_single_choice_marks_the_right_option_with_equals():
    gift = to_gift(
        [question("single_choice", "Where?", options=("Oslo", "Rome", "Bern"), correct=("Rome",))],
        category="c",
    )
    (item,) = items(gift)
    name, text, answers, feedback = moodle_reading(item)
    assert answers == "~Oslo =Rome ~Bern"
    assert moodle_type(answers) == "multichoice"
    assert feedback == "\u201cSource.\u201d"
    assert name == "single_choice p3 single_choice\x01" + "0123456789abcdef"


def test_multiple_response_weights_right_and_wrong_options():
    gift = to_gift(
        [question("multiple_response", "Which?", options=("a", "b", "c", "d"), correct=("a", "c"))],
        category="c",
    )
    _, _, answers, _ = moodle_reading(items(gift)[0])
    assert answers == "~%50%a ~%-50%b ~%50%c ~%-50%d"
    assert "=" not in answers  # Moodle then allows several answers.


def test_thirds_are_written_as_moodle_writes_them():
    gift = to_gift(
        [
            question(
                "multiple_response", "Which?", options=("a", "b", "c", "d"), correct=("a", "b", "c")
            )
        ],
        category="c",
    )
    assert "~%33.33333%a" in gift and "~%-33.33333%d" in gift


def test_true_false_writes_true_or_false():
    gift = to_gift(
        [
            question("true_false", "Sky is blue.", options=("True", "False"), correct=("True",)),
            question("true_false", "Sky is red.", options=("True", "False"), correct=("False",)),
        ],
        category="c",
    )
    answers = [moodle_reading(item)[2] for item in items(gift)]
    assert answers == ["TRUE", "FALSE"]


def test_cloze_puts_the_accepted_answers_where_the_blank_was():
    stem = f"Type the missing number: \u201cThe road is {BLANK} kilometres long.\u201d"
    gift = to_gift([question("cloze", stem, correct=("1,200", "1200", "12*"))], category="c")
    _, text, answers, _ = moodle_reading(items(gift)[0])
    assert answers == "=1,200 =1200"
    assert moodle_type(answers) == "shortanswer"
    assert text.replace("\x01", ":") == stem.replace(BLANK, "_____")


def test_matching_pairs_each_prompt_with_its_answer():
    gift = to_gift(
        [
            question(
                "matching",
                "Match.",
                prompts=("CSTO", "CIS", "A->B"),
                options=("x", "y", "z"),
                correct=("y", "x", "z"),
            )
        ],
        category="c",
    )
    _, _, answers, _ = moodle_reading(items(gift)[0])
    assert answers == "=CSTO -> y =CIS -> x =A\u2192B -> z"
    assert moodle_type(answers) == "match"


def test_ordering_is_exported_as_matching_items_to_positions():
    events = ("First event", "Second event", "Third event")
    gift = to_gift(
        [question("ordering", "Put in order.", options=events, correct=events)], category="c"
    )
    _, text, answers, _ = moodle_reading(items(gift)[0])
    assert answers == "=First event -> 1st =Second event -> 2nd =Third event -> 3rd"
    assert moodle_type(answers) == "match"
    assert "earliest" in text


@pytest.mark.parametrize("special", ["~", "=", "#", "{", "}", ":", "\\"])
def test_special_characters_are_escaped_everywhere(special):
    text = f"a {special} b"
    gift = to_gift(
        [
            question(
                "single_choice",
                text,
                options=(text, "other"),
                correct=(text,),
                explanation=text,
            )
        ],
        category="c",
    )
    _, stem, answers, feedback = moodle_reading(items(gift)[0])
    placeholder = {
        "\\": "\x00",
        ":": "\x01",
        "#": "\x02",
        "=": "\x03",
        "{": "\x04",
        "}": "\x05",
        "~": "\x06",
    }
    assert stem.startswith(f"a {placeholder[special]} b")
    assert answers == f"=a {placeholder[special]} b ~other"
    assert feedback == f"a {placeholder[special]} b"


def test_line_breaks_are_written_as_backslash_n():
    gift = to_gift(
        [question("true_false", "One\nTwo", options=("True", "False"), correct=("True",))],
        category="c",
    )
    assert "One\\nTwo" in gift


def test_every_seed_question_is_read_by_moodle_as_its_own_type():
    questions = generate_questions(seed_article())
    gift = to_gift(questions, category="Seed")
    expected = {
        "single_choice": "multichoice",
        "multiple_response": "multichoice",
        "true_false": "truefalse",
        "cloze": "shortanswer",
        "matching": "match",
        "ordering": "match",
    }
    blocks = items(gift)
    assert len(blocks) == len(questions)
    for generated, item in zip(questions, blocks, strict=True):
        name, text, answers, feedback = moodle_reading(item)
        assert moodle_type(answers) == expected[generated.kind], item
        assert feedback.strip()
        assert generated.key.split(":")[1] in name
        assert text.count("{") == text.count("}") == 0


def test_each_question_has_its_own_name_and_a_blank_line_between():
    questions = generate_questions(seed_article())
    gift = to_gift(questions, category="Seed")
    names = re.findall(r"^::(.*?)::", gift, flags=re.MULTILINE)
    assert len(names) == len(set(names)) == len(questions)
