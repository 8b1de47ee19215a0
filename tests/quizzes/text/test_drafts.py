"""Checks every generated question passes, whatever its type."""

from __future__ import annotations

import pytest

from quizzes.text.generation.drafts import BLANK, is_body
from quizzes.text.generation.kinds import problems
from quizzes.text.question import GeneratedQuestion


def _cloze(stem: str) -> GeneratedQuestion:
    return GeneratedQuestion(
        kind="cloze",
        stem=stem,
        options=(),
        correct=("2025",),
        explanation="“The source sentence.”",
        paragraph=1,
        start=0,
        end=20,
        difficulty=0.5,
        key="date:x",
    )


@pytest.mark.parametrize(
    "stem",
    [
        f"The plan covers fiscal years 2024 and {BLANK}.",
        f"The plan covers fiscal years {BLANK} and 2025.",
        f"Talks ran from March 3 to {BLANK}.",
        f"Output rose from {BLANK}–2,600 tonnes.",
    ],
)
def test_a_gap_at_one_end_of_a_pair_the_stem_prints_is_refused(stem):
    assert "the gap is one end of a pair the stem prints" in problems(_cloze(stem))


def test_a_gap_that_is_half_of_a_hyphenated_name_is_refused_but_a_number_before_a_unit_is_not():
    assert "the gap is half of a hyphenated word" in problems(
        _cloze(f"The Biden-{BLANK} announced new tariffs.")
    )
    assert problems(_cloze(f"Troops guard the {BLANK}-kilometre border.")) == []


@pytest.mark.parametrize(
    ("stem", "answer"),
    [
        (
            f"Exports were ${BLANK} billion and imports $212 billion, a deficit of $41 billion.",
            "171",
        ),
        (f"Of $33 billion awarded, 28%, or ${BLANK} billion, went to indirect costs.", "9.3"),
        (f"Fewer than six grants were ended in the {BLANK} years from 2012 to 2025.", "13"),
        (f"E15 is a blend of up to 15% ethanol and {BLANK}% gasoline.", "85"),
        (
            f"Staff would fall from 6,513 in 2026 to 5,861 in 2027 (a reduction of {BLANK}%).",
            "10",
        ),
        (f"Congress gave $511.2 million ({BLANK}%) above the request ($1.14 billion).", "45"),
        (f"Congress gave $511.2 million (45%) above the request (${BLANK} billion).", "1.14"),
        (f"The request was ${BLANK} million below (-20%) the enacted $1.65 billion.", "323.2"),
        (f"The Army asks for ${BLANK} billion, about double its $831 million request.", "1.6"),
    ],
)
def test_an_answer_the_stems_own_figures_give_is_refused(stem, answer):
    question = GeneratedQuestion(
        **{
            **{f: getattr(_cloze(stem), f) for f in _cloze(stem).__dataclass_fields__},
            "correct": (answer,),
        }
    )
    assert "the stem's own figures give the answer" in problems(question)


def test_an_answer_printed_inside_a_code_is_refused():
    question = GeneratedQuestion(
        **{
            **{f: getattr(_cloze("x"), f) for f in _cloze("x").__dataclass_fields__},
            "stem": f"Blends containing {BLANK}% ethanol (E10) have a looser limit.",
            "correct": ("10",),
        }
    )
    assert "the stem prints the answer inside a code" in problems(question)


def test_a_gap_beside_an_unrelated_figure_is_kept():
    stem = f"Some {BLANK} soldiers and 30 tanks crossed the border in March."
    assert problems(_cloze(stem)) == []


def test_a_stem_printing_the_answers_acronym_gives_it_away():
    question = _cloze(f"The {BLANK}'s (EDA) grants reached $3 billion.")
    named = GeneratedQuestion(
        **{
            **{f: getattr(question, f) for f in question.__dataclass_fields__},
            "correct": ("Economic Development Administration",),
            "key_forms": ("Economic Development Administration", "EDA"),
        }
    )
    assert "stem gives away 'EDA'" in problems(named)


@pytest.mark.parametrize(
    ("stem", "answer"),
    [
        (f"The Army asks for ${BLANK} billion, up from its $831 million request.", "1.6"),
        (f"Staff would fall to 5,861 in 2027 (a reduction of {BLANK}%).", "10"),
    ],
)
def test_an_answer_the_stems_figures_do_not_give_is_kept(stem, answer):
    question = GeneratedQuestion(
        **{
            **{f: getattr(_cloze(stem), f) for f in _cloze(stem).__dataclass_fields__},
            "correct": (answer,),
        }
    )
    assert "the stem's own figures give the answer" not in problems(question)


def test_a_gap_that_is_the_front_of_a_longer_name_is_refused_but_a_month_before_a_name_is_not():
    inside = GeneratedQuestion(
        **{
            **{f: getattr(_cloze("x"), f) for f in _cloze("x").__dataclass_fields__},
            "stem": f"Congress passed the FY2019 {BLANK} Appropriations Act in 2018.",
            "correct": ("Department of Defense",),
        }
    )
    assert "the gap is part of a longer name" in problems(inside)
    month = GeneratedQuestion(
        **{
            **{f: getattr(_cloze("x"), f) for f in _cloze("x").__dataclass_fields__},
            "stem": f"In {BLANK} President Lee signed the order.",
            "correct": ("March",),
        }
    )
    assert "the gap is part of a longer name" not in problems(month)


@pytest.mark.parametrize(
    "name", ["Project Management Professional", "Presidential Meritorious Service Award"]
)
def test_a_credential_or_an_honour_is_no_body_whatever_words_it_holds(name):
    assert not is_body(name)


@pytest.mark.parametrize(
    "name", ["Department of State", "Green Climate Fund", "Project on Government Oversight"]
)
def test_a_body_is_known_by_its_body_word(name):
    assert is_body(name)
