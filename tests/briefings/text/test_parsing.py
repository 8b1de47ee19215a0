import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefings.text
from briefings.text import ArticleError, ParsedArticle, parse_article, parse_article_bytes
from briefings.text.structure import MAX_ARTICLE_BYTES
from tests.briefings.text.support import OWN, REPO, SEED, SHARED, needs_shared

CODE = REPO / "briefings" / "text"


def all_articles() -> list[Path]:
    shared = sorted(SHARED.glob("0*.txt")) if SHARED.is_dir() else []
    return [SEED, *shared, *sorted(OWN.glob("*.txt"))]


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def assert_consistent(parsed: ParsedArticle) -> None:
    """Every offset and paragraph number points where it claims to."""
    numbers = [block.number for block in parsed.blocks]
    assert numbers == list(range(1, len(parsed.blocks) + 1))
    for reference in parsed.cross_references:
        span = parsed.block(reference.paragraph).text[reference.start : reference.end]
        assert reference.title[:8] in span
    for definition in parsed.glossary:
        span = parsed.block(definition.defined_in).text[definition.start : definition.end]
        assert definition.term in span
        assert definition.first_used_in <= definition.defined_in
    for abbreviation in parsed.undefined_abbreviations:
        assert abbreviation.term in parsed.block(abbreviation.first_used_in).text
        assert abbreviation.count >= 1
    for person in parsed.people:
        assert person.first_paragraph == person.paragraphs[0]
        assert set(person.paragraphs) <= set(numbers)
    for quotation in parsed.quotations:
        text = parsed.block(quotation.paragraph).text
        assert text[quotation.start : quotation.end] == quotation.text
        assert quotation.speaker is None or quotation.speaker in {p.name for p in parsed.people}


# The public API -----------------------------------------------------------------


def test_the_package_re_exports_the_parser_and_the_contract():
    assert briefings.text.parse_article is parse_article
    assert briefings.text.ArticleError is ArticleError
    assert {"Block", "Definition", "Person", "Quotation", "ParsedArticle"} <= set(
        briefings.text.__all__
    )


def test_the_seed_parses_into_a_complete_briefing():
    parsed = parse_article(read(SEED))
    assert parsed.title == "For Tajikistan, Kunduz Battles Too Close for Comfort"
    assert parsed.byline == "By IWPR Central Asia"
    assert parsed.trailer == ("More IWPR's Global Voices",)
    assert len(parsed.blocks) == 28
    assert [reference.paragraph for reference in parsed.cross_references] == [5, 26]
    assert [definition.term for definition in parsed.glossary] == ["CSTO", "CIS", "IMU"]
    assert [item.term for item in parsed.undefined_abbreviations] == ["NATO", "IWPR"]
    assert len(parsed.people) == 9
    assert len(parsed.quotations) == 11
    assert parsed.block(7).text.startswith("Russia is clearly concerned")
    assert_consistent(parsed)


def test_bytes_with_a_byte_order_mark_and_windows_line_endings_parse_like_text():
    data = (OWN / "windows_bom.txt").read_bytes()
    from_bytes = parse_article_bytes(data)
    assert from_bytes == parse_article(data.decode("utf-8-sig").replace("\r\n", "\n"))
    assert from_bytes.people[0].name == "Marta Kovacs"
    assert from_bytes.quotations[0].speaker == "Marta Kovacs"


def test_a_text_with_windows_line_endings_parses_like_one_with_line_feeds():
    text = read(SEED)
    assert parse_article(text.replace("\n", "\r\n")) == parse_article(text)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01binary", "binary"),
        (b"Publisher\n\nTitle \xff\n", "offset 17"),
        (b"Just one line\n", "no title"),
    ],
)
def test_unreadable_bytes_raise_article_error(data, message):
    with pytest.raises(ArticleError, match=message):
        parse_article_bytes(data)


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_raises_article_error(text):
    with pytest.raises(ArticleError, match="empty"):
        parse_article(text)


def test_text_over_the_size_limit_raises_article_error():
    with pytest.raises(ArticleError, match="5 MB"):
        parse_article("a" * (MAX_ARTICLE_BYTES + 1))


# Every article --------------------------------------------------------------


@pytest.mark.parametrize("path", all_articles(), ids=lambda path: path.name)
def test_every_article_parses_with_consistent_offsets(path):
    assert_consistent(parse_article(read(path)))


@needs_shared
def test_the_shared_articles_give_the_expected_counts():
    counts = {
        path.name[:2]: (len(parsed.glossary), len(parsed.people), len(parsed.quotations))
        for path in sorted(SHARED.glob("0*.txt"))
        for parsed in [parse_article(read(path))]
    }
    assert counts == {
        "01": (3, 1, 0),
        "02": (0, 7, 0),
        "03": (0, 2, 3),
        "04": (2, 8, 0),
        "05": (0, 7, 3),
        "06": (1, 5, 2),
        "07": (8, 5, 23),
        "08": (10, 9, 17),
    }


# Size -----------------------------------------------------------------------
# Timings live in bench/ (make bench); these check that long inputs come out whole.


def test_a_five_thousand_word_report_parses_into_all_its_blocks():
    text = read(OWN / "long_report.txt")
    assert len(text.split()) > 4500
    article = parse_article(text)
    assert sum(len(b.text.split()) for b in article.blocks) > 4000
    assert any(b.kind == "list_item" for b in article.blocks)


def test_five_thousand_words_in_a_single_paragraph_stay_one_block():
    body = [block.text for block in parse_article(read(SEED)).blocks]
    text = "Publisher\n\nTitle\n\n" + " ".join(body * 5)
    assert len(text.split()) > 5000
    assert len(parse_article(text).blocks) == 1


# Robustness -----------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_either_parses_consistently_or_raises_article_error(text):
    try:
        parsed = parse_article(text)
    except ArticleError:
        return
    assert_consistent(parsed)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The Collective Security Treaty Organisation (CSTO) met.",
                "“It is over,” he said.",
                'Defence expert Jo Bloggs said "we wait" and (See Other Story.)',
                "- a bullet",
                "Heading Here",
                "NATO (North Atlantic Treaty Organization), a bloc, grew.[3]",
                "''quoted,'' said Dr. Ann Lee, a researcher at the institute.",
                "(1) one (or) two [US] (sic) (2006)",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_mix_of_tricky_paragraphs_parses_consistently(paragraphs):
    assert_consistent(parse_article("Publisher\n\nTitle\n\n" + "\n\n".join(paragraphs)))


# No special cases -----------------------------------------------------------


def distinctive_words() -> set[str]:
    """Names, places and acronyms from the articles that a generic parser never needs."""
    words: set[str] = set()
    for path in all_articles():
        parsed = parse_article(read(path))
        for person in parsed.people:
            words.update(part for part in person.name.split() if len(part) > 3)
        words.update(definition.term for definition in parsed.glossary)
        words.update(item.term for item in parsed.undefined_abbreviations if len(item.term) > 2)
        words.update(
            word
            for reference in parsed.cross_references
            for word in reference.title.split()
            if len(word) > 6
        )
    words.update({"Kunduz", "Tajikistan", "Dushanbe", "Taleban", "Mongolia", "Kazakhstan"})
    return words


def test_no_name_place_or_acronym_from_the_articles_appears_in_the_code():
    source = "\n".join(path.read_text(encoding="utf-8") for path in CODE.rglob("*.py"))
    found = sorted(
        word
        for word in distinctive_words()
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", source)
    )
    assert found == []
