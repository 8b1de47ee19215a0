import pytest

from briefings.text.article import Block, CrossReference
from briefings.text.crossrefs import find_cross_references
from briefings.text.structure import split_article
from tests.briefings.text.support import SEED, SHARED, needs_shared


def titles(*texts: str) -> list[str]:
    blocks = [Block(number, "paragraph", text) for number, text in enumerate(texts, start=1)]
    return [reference.title for reference in find_cross_references(blocks)]


def test_a_see_parenthetical_gives_the_title_and_spans_the_whole_parenthetical():
    text = "Fighting has increased. (See Tajiks Talk Up Spillover Risks.) Next."
    (reference,) = find_cross_references([Block(4, "paragraph", text)])
    assert reference == CrossReference(4, "Tajiks Talk Up Spillover Risks", 24, 61)
    assert text[reference.start : reference.end] == "(See Tajiks Talk Up Spillover Risks.)"


def test_words_saying_when_a_title_appeared_are_dropped():
    assert titles("(See Does Islamic State Threaten Asia? from earlier this year.)") == [
        "Does Islamic State Threaten Asia?"
    ]
    assert titles("(See Border Guards Return Home published last month.)") == [
        "Border Guards Return Home"
    ]


def test_a_sentence_case_title_keeps_its_trailing_words():
    assert titles("(See Farmers struggle in the heat from the south.)") == [
        "Farmers struggle in the heat from the south"
    ]


def test_see_also_inside_parentheses_is_a_cross_reference():
    assert titles("(See also: Water Wars in the Valley)") == ["Water Wars in the Valley"]


def test_a_square_bracket_reference_is_a_cross_reference():
    assert titles("Talks stalled. [See Water Wars in the Valley.]") == ["Water Wars in the Valley"]


def test_a_see_also_block_lists_each_title_and_spans_the_block():
    text = "See also: Water Wars in the Valley; Dams and Power"
    references = find_cross_references([Block(9, "paragraph", text)])
    assert [(reference.title, reference.start, reference.end) for reference in references] == [
        ("Water Wars in the Valley", 0, len(text)),
        ("Dams and Power", 0, len(text)),
    ]


def test_a_report_series_label_before_the_title_is_dropped():
    assert titles("(See CRS In Focus IF12964, Arms Control: Overview for Congress.)") == [
        "Arms Control: Overview for Congress"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It borders Russia (see Figure 1).",
        "As noted (see above), the data are thin.",
        "(See Table 2 for details.)",
        "(see page 4)",
        "Rates rose (See Appendix).",
    ],
)
def test_pointers_inside_the_document_are_not_cross_references(text):
    assert titles(text) == []


def test_a_one_word_target_is_not_a_title():
    assert titles("(See Kunduz.)") == []


def test_ordinary_parentheses_are_ignored():
    assert titles("The Collective Security Treaty Organisation (CSTO) met in 2006 (sic).") == []


def test_the_seed_points_to_two_other_articles():
    blocks = split_article(SEED.read_text(encoding="utf-8")).blocks
    references = find_cross_references(blocks)
    assert [(reference.paragraph, reference.title) for reference in references] == [
        (5, "Tajiks Talk Up Afghan Spillover Risks"),
        (26, "Does Islamic State Threaten Central Asia?"),
    ]
    spans = [blocks[ref.paragraph - 1].text[ref.start : ref.end] for ref in references]
    assert spans == [
        "(See Tajiks Talk Up Afghan Spillover Risks.)",
        "(See Does Islamic State Threaten Central Asia? from earlier this year.)",
    ]


@needs_shared
def test_the_crs_nuclear_brief_points_to_two_crs_products():
    text = next(SHARED.glob("07_*.txt")).read_text(encoding="utf-8")
    references = find_cross_references(split_article(text).blocks)
    assert [reference.title for reference in references] == [
        "U.S.-Russian Nuclear Arms Control: Overview and Potential Considerations for Congress",
        "Extension of New START Central Limits: Overview of the Expert Debate",
    ]


@needs_shared
@pytest.mark.parametrize("name", ["01", "02", "03", "04", "05", "06", "08"])
def test_the_other_shared_articles_have_no_cross_references(name):
    text = next(SHARED.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    assert find_cross_references(split_article(text).blocks) == ()
