from quizzes.text.generation import generate_questions
from tests.quizzes.text.builders import build_article

EVENTS = [
    "The Northern Alliance signed a ceasefire with Kandor rebels in 1998.",
    "Russia has maintained an army division in Varnia since 2001.",
    "The Varnian parliament ratified a border treaty with Kandor in 2004.",
    "The Tarvo Development Bank approved a loan for the Varnia railway in 2011.",
    "The Tarvo Development Bank approved a second loan for the Varnia railway in 2015.",
    "Delegates praised the goals of Vision 2030 at a forum in Kandor.",
    "The Kandor government plans to finish the railway by 2028.",
    "The Kandor army originally projected its first tank brigade in 2030.",
    "Was arrested at the border in 2019.",
]


def orderings(paragraphs):
    return [
        question
        for seed in range(4)
        for question in generate_questions(build_article(paragraphs), seed=seed)
        if question.kind == "ordering"
    ]


def test_events_are_ordered_by_their_dates_earliest_first():
    (question, *_) = orderings(EVENTS)
    assert question.correct[0].startswith("The Northern Alliance signed a ceasefire")
    assert question.correct[1].startswith("The Varnian parliament ratified")


def test_states_plans_titles_and_subjectless_clauses_are_never_ordered():
    items = [item for question in orderings(EVENTS) for item in question.options]
    assert items
    for item in items:
        assert "maintained" not in item  # "since 2001" dates a state, not an event
        assert "railway by" not in item and "plans" not in item  # a plan for 2028
        assert "projected" not in item  # a projection, not an event
        assert "Vision" not in item  # a year inside a name
        assert not item.startswith("Was ")


def test_one_actor_is_ordered_once_so_its_two_events_cannot_be_confused():
    questions = orderings(EVENTS)
    assert questions
    for question in questions:
        assert sum(item.startswith("The Tarvo Development Bank") for item in question.options) <= 1


def test_each_item_is_its_whole_sentence_without_the_date():
    paragraphs = [
        "On May 6, the Kandor assembly elected Ann Lee as its speaker.",
        "Border guards from Varnia seized a convoy near Tarvo on May 20.",
        "The Osh court ruled on May 28 that the evidence against Omar Haddad was insufficient.",
        "When delegates of the Kandor bloc gathered in Tarvo on May 24, the envoy said talks "
        "would resume.",
        "At the Kandor summit on May 26, the bloc announced a partnership with Varnia.",
        "Meeting with President Ann Lee on May 30, Foreign Minister Omar Haddad said talks "
        "would go on.",
    ]
    items = [item for question in orderings(paragraphs) for item in question.options]
    assert "The Kandor assembly elected Ann Lee as its speaker" in items
    assert "Border guards from Varnia seized a convoy near Tarvo" in items
    assert "The Osh court ruled that the evidence against Omar Haddad was insufficient" in items
    assert "Delegates of the Kandor bloc gathered in Tarvo" in items
    assert "Foreign Minister Omar Haddad met with President Ann Lee" in items
    # Without "At the Kandor summit" the announcement has lost where it was made.
    assert not any("partnership" in item or "talks" in item for item in items)


def test_every_event_cites_its_own_dated_sentence():
    for question in orderings(EVENTS):
        assert len(question.citations) == len(question.options)
        assert len(question.facts) == len(question.options)
