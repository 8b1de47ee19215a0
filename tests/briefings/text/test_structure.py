import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefings.text.article import ArticleError
from briefings.text.structure import (
    MAX_ARTICLE_BYTES,
    decode_article,
    mask_footnote_markers,
    split_article,
)
from tests.briefings.text.support import OWN, SEED, SHARED, needs_shared


def shared(name: str) -> str:
    return next(SHARED.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def article(*body: str, header: str = "Publisher\n\nA Title\n\n") -> str:
    return header + "\n\n".join(body) + "\n"


def texts(text: str) -> list[str]:
    return [block.text for block in split_article(text).blocks]


# decode_article ------------------------------------------------------------


def test_a_utf8_byte_order_mark_is_dropped():
    assert decode_article(b"\xef\xbb\xbfPublisher\n") == "Publisher\n"


def test_windows_and_old_mac_line_endings_become_line_feeds():
    assert decode_article(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_invisible_joiners_and_soft_hyphens_are_dropped_so_quotes_show_no_hidden_marks():
    text = "Biden-\u2060Harris Plan\nA soft\u00adhyphen and a zero\u200bwidth space.\n"
    expected = "Biden-Harris Plan\nA softhyphen and a zerowidth space.\n"
    assert decode_article(text.encode()) == expected


def test_empty_input_is_refused():
    with pytest.raises(ArticleError, match="empty"):
        decode_article(b"")


def test_input_of_only_whitespace_and_a_byte_order_mark_is_refused_as_empty():
    with pytest.raises(ArticleError, match="empty"):
        decode_article(b"\xef\xbb\xbf \r\n\t\n")


def test_nul_bytes_mark_the_input_as_binary():
    with pytest.raises(ArticleError, match="binary"):
        decode_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_text_that_is_mostly_control_characters_is_refused_as_binary():
    with pytest.raises(ArticleError, match="control characters"):
        decode_article(bytes(range(1, 32)) * 4)


def test_a_few_stray_control_characters_are_tolerated():
    assert decode_article(b"Publisher\x07\n\nTitle\n\n" + b"Body text. " * 20)


def test_undecodable_bytes_are_reported_with_their_offset():
    with pytest.raises(ArticleError, match=r"byte 0xff at offset 5"):
        decode_article(b"Hello\xff world")


def test_the_offset_of_a_bad_byte_counts_the_byte_order_mark():
    with pytest.raises(ArticleError, match=r"byte 0xe9 at offset 6"):
        decode_article(b"\xef\xbb\xbfCaf\xe9 au lait")


def test_latin1_text_is_refused_rather_than_guessed():
    with pytest.raises(ArticleError, match="not valid UTF-8"):
        decode_article("Vázquez said".encode("latin-1"))


def test_input_over_five_megabytes_is_refused():
    with pytest.raises(ArticleError, match="limit is 5 MB"):
        decode_article(b"a" * (MAX_ARTICLE_BYTES + 1))


def test_input_of_exactly_five_megabytes_is_accepted():
    assert len(decode_article(b"a" * MAX_ARTICLE_BYTES)) == MAX_ARTICLE_BYTES


@given(st.binary(max_size=300))
def test_arbitrary_bytes_either_decode_or_raise_article_error(data):
    try:
        text = decode_article(data)
    except ArticleError as error:
        assert str(error)
    else:
        assert "\r" not in text
        assert not text.startswith("\ufeff")


# split_article: header -----------------------------------------------------


def test_the_first_line_is_the_publisher_and_the_next_paragraph_the_title():
    parts = split_article(article("Body."))
    assert (parts.publisher, parts.title) == ("Publisher", "A Title")


def test_a_standfirst_and_byline_on_consecutive_lines_are_both_recognised():
    parts = split_article("Pub\n\nTitle\n\nHow worried should we be?\nBy Desk Staff\n\nBody.\n")
    assert parts.standfirst == "How worried should we be?"
    assert parts.byline == "By Desk Staff"
    assert texts("Pub\n\nTitle\n\nHow worried should we be?\nBy Desk Staff\n\nBody.\n") == ["Body."]


def test_a_standfirst_and_byline_separated_by_a_blank_line_are_both_recognised():
    parts = split_article("Pub\n\nTitle\n\nA short standfirst.\n\nBy Jo Bloggs\n\nBody.\n")
    assert (parts.standfirst, parts.byline) == ("A short standfirst.", "By Jo Bloggs")
    assert [block.text for block in parts.blocks] == ["Body."]


def test_a_byline_with_a_role_is_kept_whole():
    parts = split_article("Pub\n\nTitle\n\nBy Doug Bernard, VOA press freedom editor\n\nBody.\n")
    assert parts.byline == "By Doug Bernard, VOA press freedom editor"
    assert parts.standfirst == ""


def test_without_a_byline_a_short_first_paragraph_stays_in_the_body():
    parts = split_article("Pub\n\nTitle\n\nHe was shot on Monday. He was 38.\n\nMore text.\n")
    assert parts.standfirst == ""
    assert parts.blocks[0].text == "He was shot on Monday. He was 38."


def test_a_body_paragraph_opening_with_by_is_not_a_byline():
    parts = split_article("Pub\n\nTitle\n\nBy contrast, the city was calm all week.\n\nMore.\n")
    assert parts.byline == ""
    assert parts.blocks[0].text.startswith("By contrast")


def test_a_line_glued_to_the_title_is_a_standfirst():
    parts = split_article("Pub\n\nTitle\nThe standfirst line\n\nBody.\n")
    assert (parts.title, parts.standfirst) == ("Title", "The standfirst line")


def test_a_title_in_capitals_is_kept_as_written():
    assert split_article(article("Body.", header="Pub\n\nTHE TITLE'S WORDS\n\n")).title == (
        "THE TITLE'S WORDS"
    )


def test_a_publisher_line_followed_directly_by_the_title_still_splits():
    parts = split_article("Pub\nThe Title\n\nBody.\n")
    assert (parts.publisher, parts.title) == ("Pub", "The Title")


def test_an_article_without_a_title_is_refused():
    with pytest.raises(ArticleError, match="no title"):
        split_article("Only a publisher line\n")


def test_a_paragraph_where_the_title_should_be_is_refused():
    paragraph = " ".join(["word"] * 60)
    with pytest.raises(ArticleError, match="no title"):
        split_article(f"Pub\n\n{paragraph}\n")


def test_an_article_with_a_title_but_no_body_is_refused():
    with pytest.raises(ArticleError, match="no body"):
        split_article("Pub\n\nTitle\n\nBy Someone\n")


def test_an_empty_article_is_refused():
    with pytest.raises(ArticleError, match="empty"):
        split_article("\n\n  \n")


# split_article: body -------------------------------------------------------


def test_blocks_are_numbered_from_one_in_reading_order():
    parts = split_article(article("First.", "Second.", "Third."))
    assert [(block.number, block.anchor) for block in parts.blocks] == [
        (1, "p1"),
        (2, "p2"),
        (3, "p3"),
    ]


def test_hard_wrapped_lines_are_joined_with_a_space():
    assert texts(article("The militants announced\na withdrawal on\nOctober 3.")) == [
        "The militants announced a withdrawal on October 3."
    ]


def test_a_word_hyphenated_across_a_line_break_is_mended():
    assert texts(article("a counter-\ninsurgency operation.")) == [
        "a counter-insurgency operation."
    ]


def test_a_dash_at_the_end_of_a_line_keeps_its_space():
    assert texts(article("groups -\npresumably ex-Taleban.")) == ["groups - presumably ex-Taleban."]


def test_a_short_unpunctuated_line_between_paragraphs_is_a_heading():
    parts = split_article(article("Intro.", "Force Structure", "Details follow."))
    assert [block.kind for block in parts.blocks] == ["paragraph", "heading", "paragraph"]


def test_a_short_line_ending_with_a_full_stop_is_a_paragraph():
    parts = split_article(article("Intro.", "He is survived by his wife.", "End."))
    assert parts.blocks[1].kind == "paragraph"


def test_a_long_line_without_final_punctuation_is_a_paragraph_not_a_heading():
    line = "This line runs on and on with many words but forgets its final full stop at all"
    assert split_article(article("Intro.", line, "End.")).blocks[1].kind == "paragraph"


@pytest.mark.parametrize("marker", ["- ", "* ", "• ", "1. ", "12) ", "(a) ", "(iv) "])
def test_each_bullet_marker_starts_a_list_item_and_is_removed(marker):
    parts = split_article(article(f"{marker}First item\n{marker}Second item"))
    assert [(block.kind, block.text) for block in parts.blocks] == [
        ("list_item", "First item"),
        ("list_item", "Second item"),
    ]


def test_a_wrapped_bullet_keeps_its_continuation_line():
    assert texts(article("- A long item that\n  wraps onto a second line\n- Short")) == [
        "A long item that wraps onto a second line",
        "Short",
    ]


def test_a_lead_in_line_before_bullets_is_its_own_paragraph():
    parts = split_article(article("Key findings:\n- one\n- two"))
    assert [(block.kind, block.text) for block in parts.blocks] == [
        ("paragraph", "Key findings:"),
        ("list_item", "one"),
        ("list_item", "two"),
    ]


def test_the_press_release_end_mark_is_dropped_and_ends_the_body():
    parts = split_article(article("Body.", "###", "About the agency: boilerplate."))
    assert texts(article("Body.", "###")) == ["Body."]
    assert parts.trailer == ("About the agency: boilerplate.",)


@pytest.mark.parametrize(
    "line",
    [
        "More IWPR-style Voices",
        "Read more: Another Headline",
        "Share this",
        "Follow us on Twitter.",
        "https://example.org/story",
        "Link: https://example.org/story",
        "© 2015 The Publisher. All rights reserved.",
    ],
)
def test_short_site_boilerplate_after_the_body_goes_to_the_trailer(line):
    parts = split_article(article("The body ends here.", line))
    assert texts(article("The body ends here.", line)) == ["The body ends here."]
    assert parts.trailer == (line,)


def test_several_trailing_boilerplate_lines_keep_their_order():
    parts = split_article(article("Body.", "Read more: Next Story\nhttps://x.org/a\nShare this"))
    assert parts.trailer == ("Read more: Next Story", "https://x.org/a", "Share this")


def test_a_final_sentence_starting_with_more_stays_in_the_body():
    assert texts(article("Intro.", "More than 20 people died.")) == [
        "Intro.",
        "More than 20 people died.",
    ]


def test_a_final_sentence_case_line_without_a_full_stop_stays_in_the_body():
    assert texts(article("Intro.", "He is survived by his wife"))[-1] == (
        "He is survived by his wife"
    )


def test_a_link_line_inside_the_body_is_not_a_paragraph():
    parts = split_article(article("Before.", "https://example.org/a", "After."))
    assert [block.text for block in parts.blocks] == ["Before.", "After."]
    assert parts.trailer == ("https://example.org/a",)


def test_the_only_paragraph_is_never_taken_for_boilerplate():
    assert texts(article("Share this")) == ["Share this"]


def test_footnote_markers_stay_in_the_block_text():
    assert texts(article("About 25 million people depend on it.[i] Others disagree.[12]")) == [
        "About 25 million people depend on it.[i] Others disagree.[12]"
    ]


def test_double_spaces_inside_a_line_are_kept():
    assert texts(article("Covid-19.  She was joined by others.")) == [
        "Covid-19.  She was joined by others."
    ]


# helpers -------------------------------------------------------------------


def test_masking_footnote_markers_keeps_every_offset():
    text = "depend on it.[i] Others.[12] A [US] aside."
    masked = mask_footnote_markers(text)
    assert len(masked) == len(text)
    assert "[i]" not in masked and "[12]" not in masked
    assert "[US]" in masked


# the seed and the shared articles -------------------------------------------


def test_the_seed_header_standfirst_byline_and_trailer_are_split_out():
    parts = split_article(SEED.read_text(encoding="utf-8"))
    assert parts.publisher == (
        "Institute for War and Peace Reporting | Giving Voice, Driving Change"
    )
    assert parts.title == "For Tajikistan, Kunduz Battles Too Close for Comfort"
    assert parts.standfirst.startswith("How worried should Central Asian leaders be")
    assert parts.byline == "By IWPR Central Asia"
    assert parts.trailer == ("More IWPR's Global Voices",)
    assert parts.blocks[0].text.startswith("The capture of the Afghan city of Kunduz")
    assert parts.blocks[-1].text.startswith("“The Kunduz battle does not pose")
    assert {block.kind for block in parts.blocks} == {"paragraph"}
    assert len(parts.blocks) == 28


@needs_shared
def test_crs_section_headings_are_headings():
    parts = split_article(shared("07"))
    assert [block.text for block in parts.blocks if block.kind == "heading"] == [
        "Force Structure",
        "Doctrine and Employment Plans",
        "Russian Coercive Signaling",
        "Arms Control and Risk Reduction",
    ]
    assert parts.byline == "By Anya L. Fink"


@needs_shared
def test_the_long_crs_report_has_its_headings_and_figure_caption():
    parts = split_article(shared("08"))
    headings = [block.text for block in parts.blocks if block.kind == "heading"]
    assert headings[:3] == ["Summary", "Overview", "U.S.-Mongolia Bilateral Relations"]
    assert "Figure 1. Map of Mongolia" in headings
    assert "Relations with Russia and China" in headings
    assert parts.standfirst == parts.byline == ""


@needs_shared
@pytest.mark.parametrize("name", ["02", "04"])
def test_press_releases_lose_their_end_mark(name):
    parts = split_article(shared(name))
    assert all("###" not in block.text for block in parts.blocks)
    assert parts.trailer == ()


@needs_shared
def test_an_all_capitals_record_title_and_an_embedded_byline_stay_as_they_are():
    parts = split_article(shared("06"))
    assert parts.title == "KAZAKHSTAN'S VISION OF A MORE EFFECTIVE OSCE"
    assert parts.byline == ""
    assert parts.blocks[0].text.startswith("Mr. HASTINGS of Florida.")
    assert "(By Robert O. Blake, Jr., Jan. 20, 2010)" in [block.text for block in parts.blocks]


@needs_shared
@pytest.mark.parametrize("name", ["01", "02", "03", "04", "05", "06", "07", "08"])
def test_every_shared_article_splits_without_losing_body_words(name):
    text = shared(name)
    parts = split_article(text)
    header = len(parts.publisher.split()) + len(parts.title.split())
    header += len(parts.standfirst.split()) + len(parts.byline.split())
    body = sum(len(block.text.split()) for block in parts.blocks)
    trailer = sum(len(line.split()) for line in parts.trailer)
    end_marks = text.count("###")
    assert header + body + trailer + end_marks == len(text.split())


# our own articles ----------------------------------------------------------


def test_a_windows_file_with_a_byte_order_mark_splits_cleanly():
    data = (OWN / "windows_bom.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data  # the fixture itself
    parts = split_article(decode_article(data))
    assert parts.publisher == "Lakeside Daily"
    assert parts.title == "Council Approves New Ferry Timetable"
    assert parts.byline == "By Ana Ruiz"
    assert parts.blocks[0].text == (
        "The town council on Wednesday approved a new ferry timetable that adds two "
        "early-morning crossings on weekdays."
    )
    assert parts.trailer == ("Share this",)


def test_the_long_report_keeps_its_lists_footnotes_and_trailer():
    text = (OWN / "long_report.txt").read_text(encoding="utf-8")
    assert len(text.split()) > 4500
    parts = split_article(text)
    items = [block.text for block in parts.blocks if block.kind == "list_item"]
    assert items[0].startswith("Summer flows in the lower river have fallen")
    assert "fund joint border committees that already manage shared canals;" in items
    assert any(item.startswith("Replace yearly water-for-energy swaps") for item in items)
    assert any("[i]" in block.text for block in parts.blocks)
    assert any("[12]" in block.text for block in parts.blocks)
    assert parts.trailer == (
        "Read more: Water and Peace in the Fergana Valley",
        "https://example.org/reports/fergana-water",
        "Share this report",
    )


def test_the_wire_brief_is_five_plain_paragraphs():
    parts = split_article((OWN / "wire_brief.txt").read_text(encoding="utf-8"))
    assert [block.kind for block in parts.blocks] == ["paragraph"] * 5
    assert parts.byline == "By Elena Marsh"
