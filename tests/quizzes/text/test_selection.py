"""Drawing a quiz so that no question answers another."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from briefings.text import parse_article
from quizzes.text import generate_questions
from quizzes.text.selection import clash, draw_quiz
from tests.conftest import SHARED_ARTICLES
from tests.quizzes.text.builders import build_article


@dataclass(frozen=True)
class Item:
    kind: str
    stem: str
    correct: tuple[str, ...]
    paragraph: int
    start: int
    end: int
    importance: float = 0.5
    options: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    explanation: str = ""
    facts: tuple[str, ...] = ()

    def cited(self) -> tuple[tuple[int, int, int], ...]:
        return ((self.paragraph, self.start, self.end),)


def cloze(answer: str, paragraph: int, *, importance: float = 0.5, stem: str = "") -> Item:
    return Item(
        "cloze",
        stem or f"Question about paragraph {paragraph}: _____.",
        (answer,),
        paragraph,
        0,
        50,
        importance,
        facts=(f"fact-{answer}",),
    )


def test_two_questions_on_one_sentence_clash():
    first = cloze("Kunduz", 3)
    second = Item("true_false", "True or false? It happened.", ("True",), 3, 10, 40)
    assert clash(first, second) == "cites the same sentence"


def test_questions_on_different_sentences_of_one_paragraph_do_not_clash():
    first = Item("true_false", "True or false? One.", ("True",), 3, 0, 20)
    second = Item("true_false", "True or false? Two.", ("False",), 3, 21, 60)
    assert clash(first, second) is None


def test_a_question_printing_another_questions_key_in_its_feedback_clashes():
    asked = cloze("Dushanbe", 1)
    telling = Item(
        "true_false",
        "True or false? The talks were held in March.",
        ("True",),
        5,
        0,
        30,
        explanation="“The talks in Dushanbe were held in March.”",
    )
    assert clash(asked, telling) == "the other question prints the answer “Dushanbe”"


def test_a_key_inside_a_longer_word_is_not_a_give_away():
    asked = cloze("30", 1)
    other = Item("true_false", "True or false? Some 300 troops moved.", ("True",), 4, 0, 30)
    assert clash(asked, other) is None


def test_questions_resting_on_one_fact_clash_wherever_they_cite():
    first = cloze("Collective Security Treaty Organisation", 1)
    second = Item(
        "matching", "Match each acronym.", ("x",), 7, 0, 30, facts=first.facts + ("other",)
    )
    assert clash(first, second) == "rests on the same fact"


def test_a_drawn_quiz_never_holds_two_clashing_questions():
    bank = [cloze(f"answer {n}", n % 4 + 1, importance=n / 20) for n in range(20)]
    quiz = draw_quiz(bank, count=10)
    assert len(quiz) == 4  # only four sentences to ask about
    assert all(clash(a, b) is None for a in quiz for b in quiz if a is not b)


def test_a_ranked_draw_takes_the_most_important_questions():
    bank = [cloze(f"answer {n}", n + 1, importance=n / 10) for n in range(10)]
    quiz = draw_quiz(bank, count=3, seed=7)
    assert {q.correct[0] for q in quiz} == {"answer 9", "answer 8", "answer 7"}


def test_a_draw_spreads_the_question_types():
    bank = [cloze(f"c{n}", n + 1, importance=0.7) for n in range(6)]
    bank += [
        Item("true_false", f"True or false? {n}.", ("True",), 20 + n, 0, 9, importance=0.6)
        for n in range(6)
    ]
    for seed in range(5):
        kinds = Counter(q.kind for q in draw_quiz(bank, count=6, seed=seed))
        assert min(kinds["cloze"], kinds["true_false"]) >= 2, kinds


def test_a_draw_does_not_make_every_true_or_false_statement_true():
    statements = [
        Item("true_false", f"True or false? {n}.", ("True",), 20 + n, 0, 9, importance=0.8)
        for n in range(6)
    ]
    statements += [
        Item("true_false", f"True or false? not {n}.", ("False",), 40 + n, 0, 9, importance=0.6)
        for n in range(6)
    ]
    for seed in range(5):
        keys = Counter(q.correct[0] for q in draw_quiz(statements, count=6, seed=seed))
        assert min(keys["True"], keys["False"]) >= 2, keys


def test_a_draw_takes_the_best_question_of_each_type_before_a_second_of_any():
    bank = [cloze(f"c{n}", n + 1, importance=0.9) for n in range(6)]
    bank.append(Item("ordering", "Put in order.", ("a", "b", "c"), 30, 0, 9, importance=0.1))
    assert "ordering" in {q.kind for q in draw_quiz(bank, count=2)}


def test_a_per_type_draw_takes_that_many_of_each_type():
    bank = [cloze(f"c{n}", n + 1) for n in range(5)]
    bank += [Item("true_false", f"T/F {n}", ("True",), 20 + n, 0, 9) for n in range(5)]
    quiz = draw_quiz(bank, count=0, per_type=2, ranked=False, seed=3)
    assert Counter(q.kind for q in quiz) == {"cloze": 2, "true_false": 2}


def test_the_same_seed_draws_the_same_quiz_and_keeps_the_bank_order():
    bank = [cloze(f"answer {n}", n + 1, importance=0.5) for n in range(30)]
    first = draw_quiz(bank, count=8, seed="attempt-1")
    assert first == draw_quiz(bank, count=8, seed="attempt-1")
    assert first == sorted(first, key=bank.index)
    others = {tuple(draw_quiz(bank, count=8, seed=f"attempt-{n}")) for n in range(2, 12)}
    assert len(others) > 1


def test_on_a_long_report_the_ranked_quiz_asks_more_important_facts_than_a_random_one():
    text = (SHARED_ARTICLES / "08_crs_mongolia_in_brief.txt").read_text(encoding="utf-8")
    bank = generate_questions(parse_article(text))
    assert len(bank) > 36

    def mean_importance(ranked: bool) -> float:
        drawn = [q for s in range(5) for q in draw_quiz(bank, count=12, seed=s, ranked=ranked)]
        return sum(q.importance for q in drawn) / len(drawn)

    # The quiz also mixes types and avoids clashes, so it cannot take the twelve most
    # important questions; it must still close a good part of the gap to them.
    best = sorted((q.importance for q in bank), reverse=True)[:12]
    random_mean = mean_importance(False)
    assert mean_importance(True) - random_mean > (sum(best) / 12 - random_mean) / 3


def test_a_full_date_is_never_drawn_with_a_question_printing_its_year():
    article = build_article(
        [
            "The Exchange Stabilization Fund was established on January 30, 1934, to "
            "stabilise the exchange value of the dollar.",
            "Congress created the fund in 1934 with $2 billion from the devaluation of the dollar.",
            "Mexico was the first country to borrow from the fund, and Brazil followed.",
            "Treasury reported that the fund held $40 billion in assets.",
            "Argentina drew $2.5 billion from a swap line with the fund.",
            "The Secretary of the Treasury controls the fund without approval from Congress.",
        ]
    )
    bank = generate_questions(article)
    (dated,) = [q for q in bank if q.correct[:1] == ("January 30, 1934",)]
    printing_year = [
        q
        for q in bank
        if q is not dated and "1934" in " ".join([q.stem, *q.options, q.explanation])
    ]
    assert printing_year
    assert all(clash(dated, question) for question in printing_year)
    for seed in range(4):
        quiz = draw_quiz(bank, count=len(bank), seed=seed)
        assert not (dated in quiz and any(q in quiz for q in printing_year))


def test_a_date_among_another_questions_options_is_a_give_away():
    asked = Item("single_choice", "On _____, the court ruled.", ("October 22",), 1, 0, 30)
    other = Item(
        "single_choice",
        "On _____, the blogger was detained.",
        ("July 16",),
        2,
        0,
        30,
        options=("June 7", "June 10", "October 22", "July 16"),
    )
    assert clash(asked, other) == "the other question prints the answer “October 22”"


def test_a_key_printed_in_the_possessive_in_another_question_is_a_give_away():
    asked = cloze("HMS", 1, stem="Functions moved from _____ to the service.")
    telling = Item(
        "true_false",
        "True or false? The plan merges the board's work and HMS's protected resources office.",
        ("True",),
        2,
        0,
        40,
    )
    assert clash(asked, telling) is not None
