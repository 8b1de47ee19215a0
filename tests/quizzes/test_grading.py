import pytest

from quizzes.grading import grade, is_complete_response, penalised

OPTIONS = ("Dushanbe", "Kazakstan", "Moscow", "Kabul")


def test_single_choice_scores_one_for_the_right_option_and_zero_otherwise():
    assert (
        grade("single_choice", options=OPTIONS, correct=("Kazakstan",), response=["Kazakstan"]) == 1
    )
    assert grade("single_choice", options=OPTIONS, correct=("Kazakstan",), response=["Moscow"]) == 0


def test_single_choice_with_no_choice_or_two_choices_scores_zero():
    assert grade("single_choice", options=OPTIONS, correct=("Kazakstan",), response=[]) == 0
    two = ["Kazakstan", "Moscow"]
    assert grade("single_choice", options=OPTIONS, correct=("Kazakstan",), response=two) == 0


def test_true_false_scores_like_single_choice():
    options = ("True", "False")
    assert grade("true_false", options=options, correct=("False",), response=["False"]) == 1
    assert grade("true_false", options=options, correct=("False",), response=["True"]) == 0


def test_multiple_response_earns_a_share_for_each_right_option():
    correct = ("CSTO", "CIS")
    options = ("CSTO", "CIS", "SCO", "GCC")
    assert grade("multiple_response", options=options, correct=correct, response=["CSTO"]) == 0.5
    both = ["CSTO", "CIS"]
    assert grade("multiple_response", options=options, correct=correct, response=both) == 1


def test_multiple_response_loses_a_share_for_each_wrong_option():
    correct = ("CSTO", "CIS", "IMU")
    options = ("CSTO", "CIS", "IMU", "SCO", "GCC")
    score = grade(
        "multiple_response", options=options, correct=correct, response=["CSTO", "CIS", "SCO"]
    )
    assert score == pytest.approx(1 / 3)


def test_multiple_response_never_goes_below_zero():
    correct = ("CSTO",)
    options = ("CSTO", "SCO", "GCC")
    assert (
        grade("multiple_response", options=options, correct=correct, response=["SCO", "GCC"]) == 0
    )


def test_multiple_response_with_nothing_selected_scores_zero():
    assert grade("multiple_response", options=("a", "b"), correct=("a",), response=[]) == 0


def test_multiple_response_counts_a_repeated_selection_once():
    options = ("a", "b", "c")
    assert (
        grade("multiple_response", options=options, correct=("a", "b"), response=["a", "a"]) == 0.5
    )


def test_selecting_every_option_when_half_are_wrong_scores_zero():
    options = ("a", "b", "c", "d")
    score = grade("multiple_response", options=options, correct=("a", "b"), response=list(options))
    assert score == 0


def test_cloze_accepts_spelling_variants_of_an_accepted_answer():
    correct = ("1,200", "1200")
    for typed in ("1 200", "1,200 km", "1,200-kilometre"):
        assert grade("cloze", options=(), correct=correct, response=[typed]) == 1
    assert grade("cloze", options=(), correct=correct, response=["1,300"]) == 0
    assert grade("cloze", options=(), correct=correct, response=[""]) == 0


def test_matching_scores_the_fraction_of_prompts_matched():
    prompts = ("CSTO", "CIS", "IMU", "SCO")
    correct = ("Collective", "Commonwealth", "Islamic", "Shanghai")
    # CSTO and IMU are right; CIS is wrong; SCO is unanswered.
    response = ["Collective", "Islamic", "Islamic", ""]
    score = grade("matching", options=correct, correct=correct, response=response, prompts=prompts)
    assert score == 0.5


def test_matching_with_a_short_response_counts_missing_prompts_as_wrong():
    correct = ("x", "y", "z")
    assert grade(
        "matching", options=correct, correct=correct, response=["x"], prompts="abc"
    ) == pytest.approx(1 / 3)


def test_ordering_in_the_right_order_scores_one():
    items = ("first", "second", "third", "fourth")
    assert grade("ordering", options=items, correct=items, response=list(items)) == 1


def test_ordering_in_reverse_scores_zero():
    items = ("first", "second", "third", "fourth")
    assert grade("ordering", options=items, correct=items, response=list(reversed(items))) == 0


def test_ordering_counts_adjacent_pairs_kept_in_order():
    items = ("a", "b", "c", "d", "e")
    # Pairs in the trainee's order: (b,c) right, (c,a) wrong, (a,d) wrong, (d,e) right.
    score = grade("ordering", options=items, correct=items, response=["b", "c", "a", "d", "e"])
    assert score == pytest.approx(2 / 4)


def test_ordering_with_one_item_moved_keeps_most_of_the_marks():
    items = ("a", "b", "c", "d", "e")
    score = grade("ordering", options=items, correct=items, response=["a", "b", "c", "e", "d"])
    assert score == pytest.approx(2 / 4)
    score = grade("ordering", options=items, correct=items, response=["e", "a", "b", "c", "d"])
    assert score == pytest.approx(3 / 4)


def test_unknown_question_types_are_refused():
    with pytest.raises(ValueError, match="essay"):
        grade("essay", options=(), correct=("x",), response=["x"])
    with pytest.raises(ValueError, match="essay"):
        is_complete_response("essay", ["x"])


@pytest.mark.parametrize(
    ("kind", "response", "prompts", "complete"),
    [
        ("single_choice", ["a"], (), True),
        ("single_choice", [], (), False),
        ("single_choice", ["a", "b"], (), False),
        ("true_false", [" "], (), False),
        ("multiple_response", ["a", "b"], (), True),
        ("multiple_response", [""], (), False),
        ("cloze", ["1,200"], (), True),
        ("cloze", ["   "], (), False),
        ("matching", ["x", "y", "z"], ("a", "b", "c"), True),
        ("matching", ["x", "", "z"], ("a", "b", "c"), False),
        ("matching", ["x", "y"], ("a", "b", "c"), False),
        ("ordering", ["a", "b", "c"], (), True),
        ("ordering", ["a", "a", "c"], (), False),
        ("ordering", ["a", "", "c"], (), False),
        ("ordering", [], (), False),
    ],
)
def test_a_response_is_complete_when_every_part_is_answered(kind, response, prompts, complete):
    assert is_complete_response(kind, response, prompts) is complete


@pytest.mark.parametrize(
    "kind", ["single_choice", "multiple_response", "cloze", "matching", "ordering"]
)
def test_scores_always_lie_between_zero_and_one(kind):
    correct = ("a", "b", "c")
    for response in (["a"], ["c", "b", "a"], ["x", "y", "z"], ["a", "b", "c", "d"], []):
        score = grade(kind, options=correct, correct=correct, response=response, prompts=correct)
        assert 0 <= score <= 1


def test_a_first_try_keeps_its_whole_grade():
    assert penalised(1.0, tries=1, penalty_percent=25) == 1.0
    assert penalised(0.5, tries=1, penalty_percent=100) == 0.5


def test_each_extra_try_takes_the_penalty_off_the_grade():
    assert penalised(1.0, tries=2, penalty_percent=25) == pytest.approx(0.75)
    assert penalised(1.0, tries=3, penalty_percent=25) == pytest.approx(0.5)
    assert penalised(0.5, tries=2, penalty_percent=20) == pytest.approx(0.4)


def test_a_penalised_grade_never_goes_below_zero():
    assert penalised(1.0, tries=5, penalty_percent=30) == 0.0
    assert penalised(1.0, tries=9, penalty_percent=0) == 1.0
