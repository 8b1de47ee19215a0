import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cohorts.analysis import MIN_ATTEMPTS_TO_FLAG, ItemFlag, analyse_attempts

# Five attempts at three one-mark questions, used for the hand calculation.
#
#          q1   q2   q3   total
#   s1      1    1    1     3
#   s2      1    1    0     2
#   s3      1    0   0.5   1.5
#   s4      0    1    0     1
#   s5      0    0    0     0
HAND_WORKED = [
    {"q1": 1, "q2": 1, "q3": 1},
    {"q1": 1, "q2": 1, "q3": 0},
    {"q1": 1, "q2": 0, "q3": 0.5},
    {"q1": 0, "q2": 1, "q3": 0},
    {"q1": 0, "q2": 0, "q3": 0},
]


def _item(analysis, question_id):
    return next(item for item in analysis.items if item.question_id == question_id)


def test_q1_statistics_match_the_hand_calculation():
    q1 = _item(analyse_attempts(HAND_WORKED), "q1")
    # Marks 1,1,1,0,0: mean 3/5 = 0.6.
    assert q1.facility == pytest.approx(0.6)
    # Deviations .4,.4,.4,-.6,-.6; squares sum to 3(.16) + 2(.36) = 1.2; V = 1.2/4 = 0.3.
    assert q1.standard_deviation == pytest.approx(math.sqrt(0.3))
    # Rest of test (total - q1) = 2, 1, .5, 1, 0; mean 4.5/5 = .9.
    # Deviations 1.1, .1, -.4, .1, -.9; squares 1.21+.01+.16+.01+.81 = 2.2; V = 2.2/4 = .55.
    # Cross products .4(1.1) + .4(.1) + .4(-.4) - .6(.1) - .6(-.9) = .8; C = .8/4 = .2.
    assert q1.discrimination_index == pytest.approx(0.2 / math.sqrt(0.3 * 0.55))
    # Sorted pairing: item 0,0,1,1,1 (dev -.6,-.6,.4,.4,.4) with rest 0,.5,1,1,2
    # (dev -.9,-.4,.1,.1,1.1): .54 + .24 + .04 + .04 + .44 = 1.3; C_max = 1.3/4 = .325.
    assert q1.discriminative_efficiency == pytest.approx(0.2 / 0.325)


def test_q2_statistics_match_the_hand_calculation():
    q2 = _item(analyse_attempts(HAND_WORKED), "q2")
    # Marks 1,1,0,1,0: mean .6, V = .3 as for q1.
    assert q2.facility == pytest.approx(0.6)
    assert q2.standard_deviation == pytest.approx(math.sqrt(0.3))
    # Rest 2, 1, 1.5, 0, 0; mean .9; deviations 1.1, .1, .6, -.9, -.9;
    # squares 1.21+.01+.36+.81+.81 = 3.2; V = .8.
    # Cross products .4(1.1) + .4(.1) - .6(.6) + .4(-.9) - .6(-.9) = .3; C = .3/4 = .075.
    assert q2.discrimination_index == pytest.approx(0.075 / math.sqrt(0.3 * 0.8))
    # Sorted: item dev -.6,-.6,.4,.4,.4 with rest 0,0,1,1.5,2 (dev -.9,-.9,.1,.6,1.1):
    # .54 + .54 + .04 + .24 + .44 = 1.8; C_max = 1.8/4 = .45.
    assert q2.discriminative_efficiency == pytest.approx(0.075 / 0.45)


def test_q3_statistics_match_the_hand_calculation():
    q3 = _item(analyse_attempts(HAND_WORKED), "q3")
    # Marks 1,0,.5,0,0: mean 1.5/5 = .3; deviations .7,-.3,.2,-.3,-.3;
    # squares .49+.09+.04+.09+.09 = .8; V = .2.
    assert q3.facility == pytest.approx(0.3)
    assert q3.standard_deviation == pytest.approx(math.sqrt(0.2))
    # Rest 2,2,1,1,0; mean 1.2; deviations .8,.8,-.2,-.2,-1.2; squares sum 2.8; V = .7.
    # Cross products .7(.8) - .3(.8) + .2(-.2) - .3(-.2) - .3(-1.2) = .7; C = .175.
    assert q3.discrimination_index == pytest.approx(0.175 / math.sqrt(0.2 * 0.7))
    # Sorted: item dev -.3,-.3,-.3,.2,.7 with rest 0,1,1,2,2 (dev -1.2,-.2,-.2,.8,.8):
    # .36 + .06 + .06 + .16 + .56 = 1.2; C_max = .3.
    assert q3.discriminative_efficiency == pytest.approx(0.175 / 0.3)


def test_quiz_statistics_match_the_hand_calculation():
    quiz = analyse_attempts(HAND_WORKED).quiz
    assert quiz.attempts == 5
    assert quiz.items == 3
    assert quiz.max_total == 3
    # Totals 3, 2, 1.5, 1, 0.
    assert quiz.mean == pytest.approx(7.5 / 5)
    assert quiz.median == pytest.approx(1.5)
    # Deviations 1.5,.5,0,-.5,-1.5; squares 2.25+.25+0+.25+2.25 = 5; V = 5/4 = 1.25.
    assert quiz.standard_deviation == pytest.approx(math.sqrt(1.25))
    # Item variances .3 + .3 + .2 = .8; alpha = 3/2 * (1 - .8/1.25) = 1.5 * .36.
    assert quiz.cronbach_alpha == pytest.approx(0.54)
    # Deviations are symmetric, so the third moment and the skewness are 0.
    assert quiz.skewness == pytest.approx(0.0)
    # m2 = 5/5 = 1, m4 = (2 * 1.5**4 + 2 * .5**4)/5 = 10.25/5 = 2.05, k2 = 5/4 = 1.25,
    # k4 = 25 * (6 * 2.05 - 3 * 4 * 1) / (4 * 3 * 2) = 25 * .3 / 24 = .3125;
    # kurtosis = k4 / k2**2 = .3125 / 1.5625 = .2.
    assert quiz.kurtosis == pytest.approx(0.2)


def test_no_item_in_the_hand_worked_quiz_is_flagged():
    assert [item.flags for item in analyse_attempts(HAND_WORKED).items] == [(), (), ()]


def test_max_marks_weight_the_rest_of_the_test_but_not_the_facility():
    # a is worth 3 marks, b and c 1 mark each.
    #        a(frac) b  c   | c's rest = 3a + b
    #   s1      1    0  1   |   3
    #   s2      0    1  0   |   1
    #   s3      0    1  0   |   1
    #   s4      0    0  0   |   0
    attempts = [
        {"a": 1, "b": 0, "c": 1},
        {"a": 0, "b": 1, "c": 0},
        {"a": 0, "b": 1, "c": 0},
        {"a": 0, "b": 0, "c": 0},
    ]
    analysis = analyse_attempts(attempts, max_marks={"a": 3, "b": 1, "c": 1})
    a = _item(analysis, "a")
    # a's marks 3,0,0,0: mean .75 of 3 marks = .25; V = (2.25**2 + 3 * .75**2)/3 = 2.25;
    # SD 1.5 of 3 marks = .5.
    assert a.facility == pytest.approx(0.25)
    assert a.standard_deviation == pytest.approx(0.5)
    # c: marks 1,0,0,0, deviations .75,-.25,-.25,-.25, V = .75/3.
    # Rest 3,1,1,0, mean 1.25, deviations 1.75,-.25,-.25,-1.25,
    # V = (3.0625 + .0625 + .0625 + 1.5625)/3 = 4.75/3.
    # Cross products .75(1.75) + 2(.0625) + .3125 = 1.75; C = 1.75/3.
    c = _item(analysis, "c")
    assert c.discrimination_index == pytest.approx(1.75 / math.sqrt(0.75 * 4.75))
    assert analysis.quiz.max_total == 5
    assert analysis.quiz.mean == pytest.approx((4 + 1 + 1 + 0) / 4)


def test_unweighted_the_same_attempts_discriminate_less():
    attempts = [
        {"a": 1, "b": 0, "c": 1},
        {"a": 0, "b": 1, "c": 0},
        {"a": 0, "b": 1, "c": 0},
        {"a": 0, "b": 0, "c": 0},
    ]
    # Rest of test for c is now 1,1,1,0: C = .25/3, V(c) = V(rest) = .75/3, so D = 1/3.
    c = _item(analyse_attempts(attempts), "c")
    assert c.discrimination_index == pytest.approx(1 / 3)


def test_a_question_missing_from_an_attempt_counts_as_zero():
    with_gap = analyse_attempts([{"a": 1, "b": 1}, {"a": 1}, {"a": 0, "b": 1}])
    explicit = analyse_attempts([{"a": 1, "b": 1}, {"a": 1, "b": 0}, {"a": 0, "b": 1}])
    assert with_gap == explicit
    assert _item(with_gap, "b").facility == pytest.approx(2 / 3)


def test_a_question_only_in_max_marks_is_analysed_as_all_zero():
    analysis = analyse_attempts([{"a": s % 2} for s in range(6)], max_marks={"z": 2})
    z = _item(analysis, "z")
    assert z.facility == 0
    assert z.standard_deviation == 0
    assert ItemFlag.TOO_HARD in z.flags
    assert analysis.quiz.max_total == 3


def test_questions_follow_max_marks_order_then_first_appearance():
    analysis = analyse_attempts([{"c": 1, "a": 0}, {"b": 1}], max_marks={"b": 1})
    assert [item.question_id for item in analysis.items] == ["b", "c", "a"]


def test_integer_question_ids_work_as_well_as_strings():
    analysis = analyse_attempts([{101: 1, 102: 0}, {101: 0, 102: 1}])
    assert [item.question_id for item in analysis.items] == [101, 102]


def test_an_item_answered_in_the_same_order_as_the_rest_has_efficiency_one():
    # Rest-of-test order matches the item's order exactly (a Guttman pattern).
    attempts = [
        {"x": 1, "y": 1, "z": 1},
        {"x": 1, "y": 1, "z": 0},
        {"x": 1, "y": 0, "z": 0},
        {"x": 0, "y": 0, "z": 0},
    ]
    for item in analyse_attempts(attempts).items:
        assert item.discriminative_efficiency == pytest.approx(1.0)
        assert item.discrimination_index is not None
        assert item.discrimination_index > 0


def test_an_item_that_the_weaker_trainees_get_right_has_negative_statistics_and_a_flag():
    attempts = [
        {"good": 1, "other": 1, "odd": 0},
        {"good": 1, "other": 1, "odd": 0},
        {"good": 1, "other": 1, "odd": 0},
        {"good": 0, "other": 0, "odd": 1},
        {"good": 0, "other": 0, "odd": 1},
    ]
    odd = _item(analyse_attempts(attempts), "odd")
    assert odd.discrimination_index == pytest.approx(-1.0)
    assert odd.discriminative_efficiency is not None
    assert odd.discriminative_efficiency < 0
    assert ItemFlag.POOR_DISCRIMINATION in odd.flags


def test_an_item_below_a_fifth_facility_is_flagged_too_hard():
    attempts = [{"hard": 1 if s == 0 else 0, "other": s % 2} for s in range(6)]
    hard = _item(analyse_attempts(attempts), "hard")
    assert hard.facility == pytest.approx(1 / 6)
    assert ItemFlag.TOO_HARD in hard.flags
    assert ItemFlag.TOO_EASY not in hard.flags


def test_facility_of_exactly_a_fifth_is_not_too_hard():
    attempts = [{"q": 1 if s == 0 else 0} for s in range(5)]
    assert ItemFlag.TOO_HARD not in _item(analyse_attempts(attempts), "q").flags


def test_an_item_everyone_gets_right_is_too_easy_and_has_no_discrimination():
    attempts = [{"easy": 1, "other": s % 2} for s in range(6)]
    easy = _item(analyse_attempts(attempts), "easy")
    assert easy.facility == 1
    assert easy.standard_deviation == 0
    assert easy.discrimination_index is None
    assert easy.discriminative_efficiency is None
    # Without a discrimination index there is nothing to call poor.
    assert easy.flags == (ItemFlag.TOO_EASY,)


def test_facility_just_above_ninety_five_percent_is_too_easy():
    attempts = [{"q": 1} for _ in range(19)] + [{"q": 0.1}]
    q = _item(analyse_attempts(attempts), "q")
    assert q.facility == pytest.approx(19.1 / 20)
    assert ItemFlag.TOO_EASY in q.flags


def test_an_item_is_not_flagged_before_the_minimum_number_of_attempts():
    few = [{"hard": 0, "other": s % 2} for s in range(MIN_ATTEMPTS_TO_FLAG - 1)]
    enough = [*few, {"hard": 0, "other": 1}]
    assert _item(analyse_attempts(few), "hard").facility == 0
    assert _item(analyse_attempts(few), "hard").flags == ()
    assert _item(analyse_attempts(enough), "hard").flags == (ItemFlag.TOO_HARD,)


def test_no_attempts_gives_no_numbers_and_no_errors():
    analysis = analyse_attempts([], max_marks={"q": 1})
    q = _item(analysis, "q")
    assert (q.facility, q.standard_deviation, q.discrimination_index) == (None, None, None)
    assert q.discriminative_efficiency is None
    assert q.flags == ()
    quiz = analysis.quiz
    assert quiz.attempts == 0
    assert (quiz.mean, quiz.median, quiz.standard_deviation) == (None, None, None)
    assert (quiz.skewness, quiz.kurtosis, quiz.cronbach_alpha) == (None, None, None)


def test_one_attempt_gives_facility_and_mean_but_no_spread():
    analysis = analyse_attempts([{"a": 1, "b": 0.5}])
    a = _item(analysis, "a")
    assert a.facility == 1
    assert a.standard_deviation is None
    assert a.discrimination_index is None
    assert a.discriminative_efficiency is None
    assert analysis.quiz.mean == pytest.approx(1.5)
    assert analysis.quiz.median == pytest.approx(1.5)
    assert analysis.quiz.standard_deviation is None
    assert analysis.quiz.cronbach_alpha is None


def test_identical_attempts_have_zero_spread_and_no_alpha():
    analysis = analyse_attempts([{"a": 0.1, "b": 0.7}] * 4)
    quiz = analysis.quiz
    # Summing 0.1s leaves rounding noise; it must not pass for spread.
    assert quiz.standard_deviation == 0
    assert quiz.cronbach_alpha is None
    assert quiz.skewness is None
    assert quiz.kurtosis is None
    for item in analysis.items:
        assert item.standard_deviation == 0
        assert item.discrimination_index is None


def test_a_single_question_quiz_has_no_rest_of_test_and_no_alpha():
    analysis = analyse_attempts([{"only": 1}, {"only": 0}, {"only": 1}])
    only = _item(analysis, "only")
    assert only.discrimination_index is None
    assert only.discriminative_efficiency is None
    assert analysis.quiz.cronbach_alpha is None
    assert analysis.quiz.standard_deviation == pytest.approx(math.sqrt(1 / 3))


def test_skewness_needs_three_attempts_and_kurtosis_four():
    two = analyse_attempts([{"a": 1, "b": 1}, {"a": 0, "b": 0}]).quiz
    three = analyse_attempts([{"a": 1, "b": 1}, {"a": 0, "b": 0}, {"a": 1, "b": 0}]).quiz
    assert two.skewness is None
    assert three.skewness is not None
    assert three.kurtosis is None


def test_the_median_of_an_even_number_of_totals_is_the_middle_pair_average():
    quiz = analyse_attempts([{"q": 0}, {"q": 0.25}, {"q": 0.75}, {"q": 1}]).quiz
    assert quiz.median == pytest.approx(0.5)


def test_a_long_tail_of_high_scores_skews_positive():
    quiz = analyse_attempts([{"q": 0}] * 6 + [{"q": 0.1}] * 3 + [{"q": 1}]).quiz
    assert quiz.skewness is not None
    assert quiz.skewness > 1


@pytest.mark.parametrize("fraction", [-0.1, 1.01, math.nan, math.inf])
def test_a_mark_fraction_outside_zero_to_one_is_refused(fraction):
    with pytest.raises(ValueError, match="must be in \\[0, 1\\]"):
        analyse_attempts([{"q": fraction}])


@pytest.mark.parametrize("max_mark", [0, -1, math.nan])
def test_a_max_mark_that_is_not_positive_is_refused(max_mark):
    with pytest.raises(ValueError, match="must be positive"):
        analyse_attempts([{"q": 1}], max_marks={"q": max_mark})


_matrices = st.integers(min_value=2, max_value=5).flatmap(
    lambda items: st.lists(
        st.lists(
            st.sampled_from([0.0, 0.25, 0.5, 1.0]),
            min_size=items,
            max_size=items,
        ),
        min_size=2,
        max_size=30,
    )
)


@given(_matrices)
def test_discrimination_is_the_standard_library_correlation_with_the_rest(rows):
    attempts = [dict(enumerate(row)) for row in rows]
    analysis = analyse_attempts(attempts)
    for index, item in enumerate(analysis.items):
        marks = [row[index] for row in rows]
        rest = [sum(row) - row[index] for row in rows]
        if len(set(marks)) < 2 or len(set(rest)) < 2:
            assert item.discrimination_index is None
            continue
        assert item.discrimination_index == pytest.approx(
            statistics.correlation(marks, rest), abs=1e-9
        )


@given(_matrices)
def test_indices_stay_in_range_for_any_matrix(rows):
    analysis = analyse_attempts([dict(enumerate(row)) for row in rows])
    for item in analysis.items:
        if item.discrimination_index is not None:
            assert -1 <= item.discrimination_index <= 1
            assert item.discriminative_efficiency is not None
            assert item.discriminative_efficiency <= 1
            # Efficiency is the index scaled up by 1 / r_max, keeping its sign.
            assert abs(item.discriminative_efficiency) >= abs(item.discrimination_index) - 1e-9
        if item.facility is not None:
            assert 0 <= item.facility <= 1
    alpha = analysis.quiz.cronbach_alpha
    if alpha is not None:
        assert alpha <= 1 + 1e-9


# ---------------------------------------------------------------------------
# The item analysis page


@pytest.fixture
def cohort(db):
    from tests.factories import CohortFactory, OrganisationFactory

    return CohortFactory(name="Autumn", organisation=OrganisationFactory(name="Harbour Training"))


@pytest.fixture
def instructor_client(client, cohort):
    from cohorts.demo import instructor_group
    from organisations.models import Membership
    from tests.factories import UserFactory

    user = UserFactory(username="teacher", is_staff=True)
    user.groups.add(instructor_group())
    Membership.objects.create(
        organisation=cohort.organisation, user=user, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(user)
    return client


def analysed_assignment(cohort, briefing, rights):
    """An assignment of ``briefing``'s quiz (three questions, in bank order) with one
    finished first attempt per entry of ``rights`` (how many answered right)."""
    from cohorts.models import Assignment, Enrolment
    from organisations.models import Membership
    from quizzes import attempts
    from quizzes.models import Question
    from tests.factories import UserFactory

    briefing.questions.update(status=Question.Status.APPROVED)
    quiz = briefing.quizzes.get(is_default=True)
    quiz.question_count, quiz.shuffle_questions = 3, False
    quiz.save()
    assignment = Assignment.objects.create(cohort=cohort, quiz=quiz)
    for n, right in enumerate(rights):
        user = UserFactory(username=f"learner{n}")
        Membership.objects.create(organisation=cohort.organisation, user=user)
        Enrolment.objects.create(cohort=cohort, user=user)
        attempt = attempts.start_attempt(
            user=user, quiz=quiz, seed=1, organisation_id=cohort.organisation_id
        )
        for response in attempt.responses.select_related("question").order_by("position")[:right]:
            key = [str(k) for k in response.answer_key]
            answer = key[:1] if response.question.kind == Question.Kind.CLOZE else key
            attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=None)
        attempts.submit_attempt(attempt=attempt)
    return assignment


def page(client, assignment):
    from django.urls import reverse

    response = client.get(reverse("cohorts:analysis", args=[assignment.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_names_each_questions_type_and_paragraph_and_the_minimum(
    instructor_client, cohort, seed_briefing
):
    seed_briefing.organisation = cohort.organisation
    seed_briefing.save()
    assignment = analysed_assignment(cohort, seed_briefing, [3, 3, 2, 1, 1])
    html = page(instructor_client, assignment)
    shown = assignment.quiz.attempts.first().responses.select_related("question__paragraph")
    for response in shown:
        question = response.question
        assert f"{question.get_kind_display()} · paragraph {question.paragraph.number}" in html
    assert f"at least {MIN_ATTEMPTS_TO_FLAG} attempts" in html
    assert "<strong>too easy</strong>" in html  # everyone got the first question right


def test_with_too_few_attempts_nothing_is_flagged_and_the_page_says_why(
    instructor_client, cohort, seed_briefing
):
    seed_briefing.organisation = cohort.organisation
    seed_briefing.save()
    assignment = analysed_assignment(cohort, seed_briefing, [3, 3, 0])
    html = page(instructor_client, assignment)
    assert "First attempts: 3." in html
    assert "<strong>too easy</strong>" not in html and "<strong>too hard</strong>" not in html
    assert html.count("(too few to flag)") == 3


def test_own_briefing_flags_link_to_an_editable_question(instructor_client, cohort, seed_briefing):
    from django.urls import reverse

    seed_briefing.organisation = cohort.organisation
    seed_briefing.save()
    assignment = analysed_assignment(cohort, seed_briefing, [3, 3, 2, 1, 1])
    html = page(instructor_client, assignment)
    first = assignment.quiz.attempts.first().responses.get(position=1).question
    link = reverse("admin:quizzes_question_change", args=[first.pk])
    assert link in html
    editor = instructor_client.get(link).content.decode()
    assert 'name="stem"' in editor
    assert "shared by the platform" not in html.lower()


def test_a_shared_briefing_says_so_offers_a_copy_then_links_into_the_copy(
    instructor_client, cohort, seed_briefing
):
    from django.urls import reverse

    from briefings.models import Briefing

    assignment = analysed_assignment(cohort, seed_briefing, [3, 3, 2, 1, 1])
    html = page(instructor_client, assignment)
    first = assignment.quiz.attempts.first().responses.get(position=1).question
    assert "A briefing shared by the platform" in html
    assert "<strong>too easy</strong>" in html
    # No link to a page the instructor cannot change.
    assert reverse("admin:quizzes_question_change", args=[first.pk]) not in html
    copy_url = reverse("admin:briefings_briefing_copy", args=[seed_briefing.pk])
    assert f'action="{copy_url}"' in html

    response = instructor_client.post(copy_url, {"organisation": cohort.organisation_id})

    copy = Briefing.objects.get(organisation=cohort.organisation, copied_from=seed_briefing)
    assert response.status_code == 302
    html = page(instructor_client, assignment)
    copied = copy.questions.get(key=first.key)
    assert reverse("admin:quizzes_question_change", args=[copied.pk]) in html
    assert f'action="{copy_url}"' not in html
    seed_briefing.refresh_from_db()
    assert seed_briefing.organisation is None
