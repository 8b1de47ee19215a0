import re

from quizzes.text.generation import generate_questions
from tests.quizzes.text.builders import build_article


def multiple_responses(article, words):
    return [
        question
        for seed in range(6)
        for question in generate_questions(article, seed=seed)
        if question.kind == "multiple_response" and words in question.stem
    ]


def test_no_question_asks_which_acronyms_the_article_defines():
    article = build_article(
        [
            "The Collective Security Treaty Organisation (CSTO) met in Dushanbe in May.",
            "The Commonwealth of Independent States (CIS) met in Astana in June.",
        ],
        glossary=[
            ("CSTO", "Collective Security Treaty Organisation", ""),
            ("CIS", "Commonwealth of Independent States", ""),
        ],
    )
    for question in generate_questions(article):
        assert "acronym" not in question.stem


QUOTED = [
    "\u201cThe border is calm,\u201d said Omar Haddad.",
    "Ann Lee thanked the guards. \u201cWe are ready,\u201d she said.",
    "Tom Hale and Maria Santos arrived. \u201cIt is a long road,\u201d he said.",
    "Li Wei and Karl Berg toured the valley without a word to reporters.",
]
QUOTED_PEOPLE = [
    ("Omar Haddad", ""),
    ("Ann Lee", ""),
    ("Tom Hale", ""),
    ("Maria Santos", ""),
    ("Li Wei", ""),
    ("Karl Berg", ""),
]
QUOTATIONS = [
    ("The border", "Omar Haddad", "Omar Haddad"),
    ("We are ready", "Ann Lee", "she"),
    ("It is a long", "Tom Hale", "he"),
]


def test_people_quoted_are_those_named_beside_their_quotes_against_people_never_quoted():
    article = build_article(QUOTED, people=QUOTED_PEOPLE, quotations=QUOTATIONS)
    (question, *_) = multiple_responses(article, "quote directly")
    assert set(question.correct) == {"Omar Haddad", "Ann Lee"}
    # Whether Tom Hale or Maria Santos said "It is a long road" is unclear: neither is offered.
    wrong = set(question.options) - set(question.correct)
    assert wrong and wrong <= {"Li Wei", "Karl Berg"}


STATEMENTS = [
    "The Varnian parliament approved a budget of 1,200 million dinars in 2019.",
    "Kandor opened a railway to Tarvo in 2015.",
    "He said the line carried 40,000 passengers in 2017.",
    "The Tarvo Development Bank lent 300 million dinars to Kandor in 2012.",
    "Varnia also signed a trade pact with Kandor in 2008.",
    "The Kandor Airport handled 2,500 flights in 2016.",
    "Workers in Tarvo built 14 bridges for the Kandor railway in 2014.",
    "The Varnian army held exercises with 3,000 soldiers near Tarvo in 2011.",
]


def test_true_statements_read_alone_and_false_ones_swap_in_values_the_text_gives():
    article = build_article(STATEMENTS)
    questions = multiple_responses(article, "statements are true")
    assert questions
    text = " ".join(STATEMENTS)
    values = set(re.findall(r"\d[\d,]*", text))
    # The sentences as they read alone: an "also" tying one to the sentence before goes.
    alone = [sentence.replace(" also ", " ") for sentence in STATEMENTS]
    for question in questions:
        for option in question.options:
            assert not option.startswith("He ") and " also " not in option
            assert set(re.findall(r"\d[\d,]*", option)) <= values
            assert (option in alone) == (option in question.correct)
        assert len(question.citations) == len(question.options)
