"""Moodle XML: each type written as Moodle's "Moodle XML format" documentation
describes it, read back the same, and bad files named by their line."""

import contextlib
import gc
import time
import xml.etree.ElementTree as ET

import pytest

from quizzes.text.generation import generate_questions
from quizzes.text.moodle_xml import read_moodle_xml, to_moodle_xml
from quizzes.text.question import QUESTION_KINDS, GeneratedQuestion
from quizzes.text.question_files import QuestionFileError
from tests.quizzes.text.builders import seed_article

#: The grades Moodle's import accepts for an answer (question_bank::fraction_options_full),
#: as percentages; anything else is refused unless rounding is asked for.
MOODLE_GRADES = {
    100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0,
    25.0, 20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0,
}  # fmt: skip

OPTIONS = {
    "single_choice": ("Dushanbe <capital> & more", "Kabul", "Tashkent"),
    "multiple_response": ("Tajikistan", "Uzbekistan", "Chile", "Peru"),
    "true_false": ("True", "False"),
    "cloze": (),
    "matching": ("Tajikistan", "Afghanistan", "Chile"),
    "ordering": ("First event", "Second event", "Third event"),
}
CORRECT = {
    "single_choice": ("Dushanbe <capital> & more",),
    "multiple_response": ("Tajikistan", "Uzbekistan", "Chile"),
    "true_false": ("False",),
    "cloze": ("1,200", "a]]>b", "12*"),
    "matching": ("Tajikistan", "Afghanistan"),
    "ordering": ("First event", "Second event", "Third event"),
}


def question(kind):
    return GeneratedQuestion(
        kind=kind,
        stem=f"Which one? <{kind}> & _____",
        options=OPTIONS[kind],
        correct=CORRECT[kind],
        prompts=("Dushanbe", "Kabul") if kind == "matching" else (),
        explanation="The source sentence, with a < b.",
        paragraph=3,
        start=0,
        end=7,
        difficulty=0.5,
        key=f"{kind}:0123456789abcdef",
    )


@pytest.fixture
def quiz():
    return ET.fromstring(
        to_moodle_xml([question(kind) for kind in QUESTION_KINDS], category="Kunduz / Tajikistan")
    )


def fractions(element):
    return [float(answer.get("fraction")) for answer in element.findall("answer")]


def by_name(quiz, kind):
    return next(q for q in quiz.findall("question") if q.findtext("name/text", "").startswith(kind))


def test_the_file_opens_with_a_category_and_every_question_has_the_common_elements(quiz):
    assert quiz.tag == "quiz"
    category, *questions = quiz.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/Kunduz // Tajikistan"
    assert len(questions) == len(QUESTION_KINDS)
    for element in questions:
        assert element.findtext("name/text")
        assert element.find("questiontext").get("format") == "html"
        assert element.findtext("questiontext/text")
        assert element.find("generalfeedback/text") is not None
        assert element.findtext("defaultgrade") == "1"


def test_html_text_is_escaped_inside_cdata(quiz):
    element = by_name(quiz, "single_choice")
    # ElementTree undoes the CDATA; Moodle then reads the text as HTML.
    assert element.findtext("questiontext/text") == "Which one? &lt;single_choice&gt; &amp; _____"
    assert element.findtext("generalfeedback/text") == "The source sentence, with a &lt; b."
    texts = [answer.findtext("text") for answer in element.findall("answer")]
    assert texts[0] == "Dushanbe &lt;capital&gt; &amp; more"


def test_cdata_is_used_where_markup_characters_are_and_a_cdata_end_is_split():
    written = to_moodle_xml([question("cloze")], category="C")
    assert "<text><![CDATA[Which one? &lt;cloze&gt; &amp; _____]]></text>" in written
    assert "<![CDATA[a]]]]><![CDATA[>b]]>" in written
    assert "<text>1,200</text>" in written


def test_single_choice_is_multichoice_single_with_one_answer_worth_everything(quiz):
    element = by_name(quiz, "single_choice")
    assert element.get("type") == "multichoice"
    assert element.findtext("single") == "true"
    assert sorted(fractions(element)) == [0, 0, 100]


def test_multiple_response_fractions_are_moodle_grades_and_the_right_ones_add_up_to_100(quiz):
    element = by_name(quiz, "multiple_response")
    assert element.get("type") == "multichoice"
    assert element.findtext("single") == "false"
    shares = fractions(element)
    assert sum(f for f in shares if f > 0) == pytest.approx(100, abs=0.001)
    assert all(abs(f) in MOODLE_GRADES for f in shares)
    assert [f > 0 for f in shares] == [True, True, True, False]
    assert min(shares) == pytest.approx(-100 / 3, abs=0.0001)


def test_true_false_has_the_answers_true_and_false_worth_100_and_0(quiz):
    element = by_name(quiz, "true_false")
    assert element.get("type") == "truefalse"
    answers = {a.findtext("text"): float(a.get("fraction")) for a in element.findall("answer")}
    assert answers == {"true": 0, "false": 100}


def test_fill_in_the_blank_is_a_short_answer_accepting_every_answer_but_wildcards(quiz):
    element = by_name(quiz, "cloze")
    assert element.get("type") == "shortanswer"
    assert element.findtext("usecase") == "0"
    assert [a.findtext("text") for a in element.findall("answer")] == ["1,200", "a]]>b"]
    assert fractions(element) == [100, 100]


def test_matching_has_a_subquestion_per_item_and_one_with_no_text_per_spare_option(quiz):
    element = by_name(quiz, "matching")
    assert element.get("type") == "matching"
    subquestions = element.findall("subquestion")
    pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in subquestions]
    assert pairs == [("Dushanbe", "Tajikistan"), ("Kabul", "Afghanistan"), ("", "Chile")]


def test_ordering_lists_the_items_in_order_graded_by_neighbours(quiz):
    element = by_name(quiz, "ordering")
    assert element.get("type") == "ordering"
    assert element.findtext("gradingtype") == "RELATIVE_NEXT_EXCLUDE_LAST"
    assert element.findtext("selecttype") == "ALL"
    assert fractions(element) == [1, 2, 3]
    assert [a.findtext("text") for a in element.findall("answer")] == list(CORRECT["ordering"])


def test_every_generated_question_comes_back_from_moodle_xml_as_it_was():
    generated = generate_questions(seed_article())
    read = read_moodle_xml(to_moodle_xml(generated, category="Kunduz"))
    assert [(q.kind, q.stem, q.prompts, q.explanation) for q in read] == [
        (q.kind, q.stem, q.prompts, q.explanation) for q in generated
    ]
    for before, after in zip(generated, read, strict=True):
        assert set(after.correct) == {a for a in before.correct if "*" not in a}


def test_bad_questions_are_named_by_their_line():
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'  # 1
        "<quiz>\n"  # 2
        '  <question type="essay">\n'  # 3
        "    <questiontext><text>Discuss.</text></questiontext>\n"
        "  </question>\n"
        '  <question type="multichoice">\n'  # 6
        "    <questiontext><text>Which?</text></questiontext>\n"
        '    <answer fraction="50"><text>A</text></answer>\n'
        '    <answer fraction="0"><text>B</text></answer>\n'
        "  </question>\n"
        "</quiz>\n"
    )
    with pytest.raises(QuestionFileError) as caught:
        read_moodle_xml(text)
    assert [problem.line for problem in caught.value.problems] == [3, 6]
    assert "“essay” has no counterpart here" in str(caught.value)
    assert "exactly one answer worth 100" in str(caught.value)


def test_xml_that_is_not_well_formed_gets_the_line_of_the_fault():
    with pytest.raises(QuestionFileError, match=r"line 3: the XML is not well formed"):
        read_moodle_xml("<quiz>\n<question type='truefalse'>\n</quiz>\n")


def test_elements_nested_deeper_than_any_question_file_are_refused():
    with pytest.raises(QuestionFileError, match=r"line 1: elements nest too deep"):
        read_moodle_xml("<quiz>" + "<a>" * 100)


def test_a_document_type_is_refused_so_no_entity_can_expand():
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<quiz>&b;</quiz>'
    )
    with pytest.raises(QuestionFileError, match=r"line 2: a document type"):
        read_moodle_xml(bomb)


@pytest.mark.parametrize(
    "element",
    ["<a>", "<answer fraction='1'><text>x</text></answer>", "&amp;"],
)
def test_large_files_take_time_in_proportion_to_their_length(element):
    def seconds(count):
        text = "<quiz><question type='ordering'><questiontext><text>Q</text></questiontext>"
        text += element * count
        # The fastest of three: a busy machine or a garbage collection slows one
        # run down, and only a parser that is really slower slows all three.
        timings = []
        for _ in range(3):
            gc.collect()
            start = time.process_time()
            with contextlib.suppress(QuestionFileError):
                read_moodle_xml(text)
            timings.append(time.process_time() - start)
        return min(timings)

    # Eight times the elements: a linear reader takes some eight times as long
    # (up to twice that on a busy machine), a quadratic one sixty-four times.
    small, large = seconds(5_000), seconds(40_000)
    assert large < 2.0
    assert large < 32 * small + 0.05


def test_a_file_as_moodle_exports_it_is_read():
    text = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Default for Geography</text></category>
    <info format="moodle_auto_format"><text>The default category.</text></info>
    <idnumber></idnumber>
  </question>
<!-- question: 7  -->
  <question type="multichoice">
    <name><text>Capital</text></name>
    <questiontext format="html">
      <text><![CDATA[<p dir="ltr">Which is the <b>capital</b>?</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <showstandardinstruction>0</showstandardinstruction>
    <answer fraction="100" format="html"><text><![CDATA[<p dir="ltr">Dushanbe</p>]]></text>
      <feedback format="html"><text></text></feedback></answer>
    <answer fraction="0" format="html"><text><![CDATA[<p dir="ltr">Kabul</p>]]></text>
      <feedback format="html"><text></text></feedback></answer>
  </question>
<!-- question: 8  -->
  <question type="numerical">
    <name><text>Length</text></name>
    <questiontext format="moodle_auto_format">
      <text>How long is the border, in km?</text>
    </questiontext>
    <answer fraction="100" format="moodle_auto_format"><text>1200</text>
      <feedback format="html"><text></text></feedback><tolerance>0</tolerance></answer>
  </question>
<!-- question: 9  -->
  <question type="match">
    <name><text>Pairs</text></name>
    <questiontext format="html"><text>Match each city to its country.</text></questiontext>
    <subquestion format="html">
      <text><![CDATA[<p>Dushanbe</p>]]></text><answer><text>Tajikistan</text></answer>
    </subquestion>
    <subquestion format="html">
      <text><![CDATA[<p>Kabul</p>]]></text><answer><text>Afghanistan</text></answer>
    </subquestion>
    <subquestion format="html"><text></text><answer><text>Chile</text></answer></subquestion>
  </question>
</quiz>
"""
    single, numerical, matching = read_moodle_xml(text)
    assert (single.kind, single.stem, single.options, single.correct) == (
        "single_choice", "Which is the capital?", ("Dushanbe", "Kabul"), ("Dushanbe",)
    )  # fmt: skip
    numerical_line = text.splitlines().index('  <question type="numerical">') + 1
    assert (numerical.kind, numerical.correct, numerical.line) == (
        "cloze",
        ("1200",),
        numerical_line,
    )
    assert matching.prompts == ("Dushanbe", "Kabul")
    assert matching.correct == ("Tajikistan", "Afghanistan")
    assert matching.options == ("Tajikistan", "Afghanistan", "Chile")


def test_a_numerical_tolerance_is_refused_at_its_answer():
    text = (
        '<quiz>\n<question type="numerical">\n<questiontext><text>How far?</text></questiontext>\n'
        '<answer fraction="100"><text>1200</text><tolerance>50</tolerance></answer>\n'
        "</question>\n</quiz>\n"
    )
    with pytest.raises(QuestionFileError, match=r"line 4: only exact numbers"):
        read_moodle_xml(text)
