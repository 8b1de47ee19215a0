from quizzes.text.answers import answer_matches
from quizzes.text.generation import BLANK, generate_questions
from tests.quizzes.text.builders import build_article

SEEDS = range(8)


def clozes(article, seeds=SEEDS):
    found = {}
    for seed in seeds:
        for question in generate_questions(article, seed=seed):
            if question.kind == "cloze":
                found.setdefault(question.stem, question)
    return list(found.values())


def gap_text(question):
    return question.stem.split(": ", 1)[1].strip("\u201c\u201d")


LONG = (
    "The treaty that limited the strategic forces of both countries expired in February 2026, "
    "though officials in the capital then stated that the country would continue to abide by "
    "the central limits of the treaty, 1,550 warheads on 700 deployed delivery vehicles and a "
    "total of 800 deployed and nondeployed delivery vehicles, as long as the other side did so "
    "and kept its own forces within the same limits."
)


def test_a_long_sentence_is_cut_at_its_end_never_its_start():
    article = build_article([LONG, "The army sent 1,200 soldiers to the north in May 2024."])
    found = [q for q in clozes(article) if "treaty" in q.stem]
    assert found
    for question in found:
        assert gap_text(question).startswith("The treaty that limited")
        assert question.stem.count(BLANK) == 1


def test_the_year_of_a_report_or_statement_is_not_a_gap():
    article = build_article(
        [
            "According to a 2026 estimate by independent researchers, the country has around "
            "1,770 deployed warheads.",
            "The intelligence agency stated in 2025 that the country is expanding its arsenal.",
            "The country first tested a nuclear weapon in 1949 at a remote site in the steppe.",
        ]
    )
    asked = {q.correct[0] for q in clozes(article)}
    assert "2026" not in asked and "2025" not in asked


def test_the_age_of_someone_met_once_is_not_a_gap():
    article = build_article(
        [
            "Soldiers fired on the crowd in the market square of the capital on March 3.",
            "A passer-by, Omar Haddad, who is 45 years old, said he saw three lorries.",
            "The army later said 12 soldiers had been arrested over the shooting.",
        ],
        people=[("Omar Haddad", "")],
    )
    asked = {q.correct[0] for q in clozes(article)}
    assert "45" not in asked


def test_a_sentence_leaning_on_the_one_before_is_not_a_gap():
    article = build_article(
        [
            "Islamic State pays its regular fighters 200 dollars a month, officials said.",
            "The latter can earn 600 dollars a month as commanders in the south.",
            "A second compact worth $350 million entered into force in 2021.",
        ]
    )
    for question in clozes(article):
        assert not gap_text(question).startswith(("The latter", "A second"))


def test_the_answer_is_not_printed_elsewhere_in_the_stem():
    article = build_article(
        [
            "The country donated $50 million to a training fund, and pledged $50 million more "
            "for scholarships in 2011.",
            "The fund trained 1,000 students at universities across the region in 2012.",
        ]
    )
    for question in clozes(article):
        for answer in question.correct:
            assert not answer_matches(answer, [gap_text(question).replace(BLANK, "")])
        assert "50" not in question.correct


def test_an_organisation_gap_accepts_the_acronym_the_article_defines():
    article = build_article(
        [
            "Leaders of the Collective Security Treaty Organisation (CSTO) met in May.",
            "The Islamic Movement of Uzbekistan (IMU) is a guerrilla group from Central Asia.",
            "More worrying still, the IMU leadership has formally aligned itself with the "
            "Collective Security Treaty Organisation.",
        ],
        glossary=[
            ("IMU", "Islamic Movement of Uzbekistan", "a guerrilla group"),
            ("CSTO", "Collective Security Treaty Organisation", ""),
        ],
    )
    found = [q for q in clozes(article) if "aligned itself with the _____" in q.stem]
    assert found
    for question in found:
        assert answer_matches("CSTO", question.correct)
        assert answer_matches("the Collective Security Treaty Organization", question.correct)


def test_a_time_counted_from_an_earlier_sentence_is_not_a_gap():
    article = build_article(
        [
            "Two bombs exploded in the centre of Kabul on April 30, 2018.",
            "Roughly 20 minutes later, journalists began to arrive to cover the first explosion.",
        ]
    )
    for question in clozes(article):
        assert not gap_text(question).startswith("Roughly")
    assert clozes(article)


def test_a_gap_for_a_name_keeps_the_comma_after_it_and_a_date_gap_drops_its_own():
    article = build_article(
        [
            "Prior to joining the Harbour Safety Board, Vale served as a volunteer in Lisbon "
            "for twelve years.",
            "The treaty's February 5, 2026, expiration date passed without a new agreement.",
            "The Coastal Trade Council met the Harbour Safety Board in Porto in 2023.",
        ]
    )
    stems = [gap_text(q) for q in clozes(article)]
    board = [s for s in stems if s.startswith("Prior to joining the _____")]
    assert board and all(s.startswith("Prior to joining the _____, Vale") for s in board)
    dated = [s for s in stems if s.startswith("The treaty")]
    assert all(", expiration" not in s for s in dated)


def test_the_body_the_whole_article_is_about_is_not_a_gap():
    article = build_article(
        [
            "The Harbour Board (HB) reviews requests to alter the sea walls.",
            "In 2020, HB announced a rule for processing requests.",
            "In 2022, HB held listening sessions in four ports.",
            "HB reviewed 300 requests in 2023, and the Coastal Agency reviewed 40.",
            "Critics said HB was slow, and the Coastal Agency agreed in 2024.",
        ],
        glossary=[("HB", "Harbour Board", "")],
    )
    answers = [q.correct for q in clozes(article)]
    assert not [a for a in answers if "HB" in a or "Harbour Board" in a]
