"""Ranking questions by how much their facts matter to the story."""

from __future__ import annotations

from briefings.text import parse_article
from quizzes.text.question import GeneratedQuestion
from quizzes.text.ranking import rank_questions

ARTICLE = parse_article(
    "\n\n".join(
        [
            "Wire Service",
            "Drought Forces Water Rationing in Valdora",
            "By Staff Reporter",
            "The city of Valdora began rationing water on Monday after the worst drought "
            "in 40 years emptied its reservoirs to 12 percent of capacity.",
            "Mayor Elena Ruiz said the rationing would last until the reservoirs reach "
            "30 percent, and that the drought had cost farmers 200 million dollars.",
            "Farmers near Valdora have lost most of the wheat harvest to the drought, "
            "Ruiz said, and the city is trucking water to 14 villages.",
            "One resident, a 71-year-old retired teacher, said she had never seen "
            "the river so low.",
            "The city council also renamed a small park near the old railway station.",
            "The mayor posted a photograph of the dry riverbed on Facebook on Monday.",
            "Hydrologist Tomas Berg of the Valdora water board said the reservoirs were at "
            "12 percent of capacity.",
            "Source: municipal records, 2019.",
        ]
    )
)


def _question(paragraph: int, answer: str) -> GeneratedQuestion:
    text = ARTICLE.block(paragraph).text
    return GeneratedQuestion(
        kind="cloze",
        stem="Type the missing value: _____",
        options=(),
        correct=(answer,),
        explanation=text,
        paragraph=paragraph,
        start=0,
        end=len(text),
        difficulty=0.5,
        key=f"k{paragraph}{answer}",
    )


def _importance(paragraph: int, answer: str) -> float:
    return rank_questions(ARTICLE, [_question(paragraph, answer)])[0].importance


def test_the_lead_about_the_headline_ranks_above_a_side_detail_late_in_the_story():
    assert _importance(1, "12 percent") > _importance(5, "railway station") + 0.2


def test_the_age_of_a_passer_by_ranks_below_the_figures_that_carry_the_story():
    assert _importance(4, "71") < _importance(2, "200 million dollars") - 0.2


def test_a_source_line_ranks_at_the_bottom():
    source = _importance(8, "2019")
    others = [_importance(p, a) for p, a in ((1, "Monday"), (2, "30 percent"), (3, "14"))]
    assert source < min(others)


def test_a_recurring_actor_lifts_a_sentence_that_is_not_in_the_lead():
    assert _importance(3, "Ruiz") > _importance(5, "railway station")


def test_who_someone_named_only_once_is_ranks_below_the_recurring_mayor():
    assert _importance(7, "Tomas Berg") < _importance(2, "Elena Ruiz") - 0.2


def test_when_something_was_posted_on_social_media_ranks_below_other_side_details():
    assert _importance(6, "Monday") < _importance(5, "railway station") - 0.1


def test_ranking_keeps_the_order_and_stays_between_zero_and_one():
    questions = [_question(p, "x") for p in range(1, 7)]
    ranked = rank_questions(ARTICLE, questions)
    assert [q.key for q in ranked] == [q.key for q in questions]
    assert all(0.0 <= q.importance <= 1.0 for q in ranked)


def test_a_month_or_a_year_alone_ranks_below_a_figure_of_the_same_sentence():
    figure = _importance(1, "40")
    assert _importance(1, "1985") < figure
    assert _importance(1, "May") < _importance(1, "1985")
