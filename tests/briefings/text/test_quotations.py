from pathlib import Path

import pytest

from briefings.text.article import Block, Quotation
from briefings.text.people import find_people
from briefings.text.quotations import find_quotations
from briefings.text.structure import split_article
from tests.briefings.text.support import OWN, SEED, SHARED, needs_shared


def quotations_in(blocks: list[Block]) -> tuple[Quotation, ...]:
    found = find_quotations(blocks, find_people(blocks))
    for quotation in found:
        assert blocks[quotation.paragraph - 1].text[quotation.start : quotation.end] == (
            quotation.text
        )
    return found


def quotes(*texts: str) -> list[tuple[int, str, str | None, str]]:
    blocks = [Block(number, "paragraph", text) for number, text in enumerate(texts, start=1)]
    return [
        (quote.paragraph, quote.text, quote.speaker, quote.speaker_label)
        for quote in quotations_in(blocks)
    ]


def quotes_of(path: Path) -> list[tuple[int, str | None, str]]:
    blocks = list(split_article(path.read_text(encoding="utf-8")).blocks)
    return [
        (quote.paragraph, quote.speaker, quote.speaker_label) for quote in quotations_in(blocks)
    ]


def shared(name: str) -> Path:
    return next(SHARED.glob(f"{name}_*.txt"))


# Quote marks and offsets --------------------------------------------------------


def test_offsets_cover_the_quoted_words_without_the_marks_or_a_trailing_comma():
    text = "“Everything is possible,” he told reporters, said the Tajik leader Imomali Rahmon."
    (quote,) = quotations_in([Block(1, "paragraph", text)])
    assert (quote.start, quote.end, quote.text) == (1, 23, "Everything is possible")


def test_a_full_stop_inside_the_quote_marks_is_kept():
    assert quotes(
        "When deputy minister Yury Borisov was asked, he said he “could not rule it out.”"
    ) == [(1, "could not rule it out.", "Yury Borisov", "he")]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            '"Mexican authorities must act," said Jan-Albert Hootsen.',
            "Mexican authorities must act",
        ),
        (
            "Jan-Albert Hootsen stated, ''Mexican authorities must act.''",
            "Mexican authorities must act.",
        ),
        (
            "It was, said Jan-Albert Hootsen, a ‘very hard winter for everyone’ there.",
            "very hard winter for everyone",
        ),
    ],
)
def test_straight_doubled_apostrophe_and_single_curly_quotes_are_recognised(text, quoted):
    assert quotes(text) == [(1, quoted, "Jan-Albert Hootsen", "Jan-Albert Hootsen")]


def test_an_apostrophe_inside_a_single_quoted_passage_does_not_close_it():
    assert [quote[1] for quote in quotes("He said: ‘we don’t know yet,’ and left.")] == [
        "we don’t know yet"
    ]


# Attribution ------------------------------------------------------------------


def test_he_said_after_a_quote_is_the_person_named_last_in_the_paragraph():
    assert quotes(
        "Defence expert Parviz Rasulov said so. “It is an imaginary threat,” he said."
    ) == [(1, "It is an imaginary threat", "Parviz Rasulov", "he")]


def test_he_said_in_a_paragraphs_first_sentence_reaches_into_the_previous_paragraph():
    assert quotes(
        "Addressing a summit, Russian president Vladimir Putin said militants were coming.",
        "“The situation is close to critical,” he said.",
    ) == [(2, "The situation is close to critical", "Vladimir Putin", "he")]


def test_he_later_in_a_paragraph_does_not_reach_into_the_previous_paragraph():
    assert quotes(
        "Secretary of State Marco Rubio spoke.",
        "The Dalai Lama confirmed it. He stated that his office “has sole authority over it.”",
    ) == [(2, "has sole authority over it.", None, "He")]


def test_a_named_speaker_after_the_quote_is_resolved_to_the_person():
    assert quotes(
        "Mexican President Andres Manuel Lopez Obrador spoke.",
        '"This past week must be a catalyst," CPJ’s Jan-Albert Hootsen said in a statement.',
    ) == [
        (2, "This past week must be a catalyst", "Jan-Albert Hootsen", "CPJ’s Jan-Albert Hootsen")
    ]


def test_a_speaker_with_an_affiliation_after_the_name_is_still_the_person():
    assert quotes("It was a ‘very difficult winter’, said reporter Anna Berg of the Times.") == [
        (1, "very difficult winter", "Anna Berg", "reporter Anna Berg of the Times")
    ]


def test_an_anonymous_source_has_no_speaker_but_keeps_the_texts_words():
    assert quotes(
        "“Support is growing,” a defence analyst who asked to remain anonymous told the agency."
    ) == [(1, "Support is growing", None, "a defence analyst who asked to remain anonymous")]


def test_a_speech_verb_before_the_quote_attributes_it():
    assert quotes(
        "The Guardian reports that Cuitlahuac Garcia, governor of Veracruz state, said on "
        "Twitter: “We condemn the cowardly murder.”"
    ) == [(1, "We condemn the cowardly murder.", "Cuitlahuac Garcia", "Cuitlahuac Garcia")]


def test_according_to_attributes_the_quote_to_its_source():
    assert quotes("According to the UN, “Mongolian contributions have been notable.”") == [
        (1, "Mongolian contributions have been notable.", None, "the UN")
    ]


def test_a_possessive_statement_attributes_the_quote_to_its_owner():
    assert quotes(
        "I applaud Chairman-in-Office Saudabayev's statement that, ''further steps will "
        "be fully in line with our goals.''"
    ) == [(1, "further steps will be fully in line with our goals.", "Saudabayev", "Saudabayev")]


def test_a_name_that_only_qualifies_the_speaker_is_not_the_speaker():
    assert quotes(
        "President Trump spoke.",
        "The Trump Administration has noted the country's “leading role in peacekeeping.”",
    ) == [(2, "leading role in peacekeeping.", None, "The Trump Administration")]


def test_a_split_quote_gives_two_records_with_one_speaker():
    assert quotes(
        "Defence expert Parviz Rasulov spoke. “It is imaginary,” he said. “Their aim is clear.”"
    ) == [
        (1, "It is imaginary", "Parviz Rasulov", "he"),
        (1, "Their aim is clear.", "Parviz Rasulov", "he"),
    ]


def test_a_quote_paragraph_without_attribution_continues_the_previous_quote():
    assert quotes(
        "“Support is growing,” a defence analyst who asked to remain anonymous told the agency.",
        "“The Taleban are divided into two camps now.”",
    )[1] == (
        2,
        "The Taleban are divided into two camps now.",
        None,
        ("a defence analyst who asked to remain anonymous"),
    )


def test_a_quote_paragraph_without_attribution_continues_reported_speech():
    assert quotes(
        "The anonymous defence expert said the rising power was a concern.",
        "“The battle does not pose a direct hazard for the country.”",
    ) == [
        (
            2,
            "The battle does not pose a direct hazard for the country.",
            None,
            "The anonymous defence expert",
        )
    ]


def test_a_footnote_marker_after_the_quote_does_not_disturb_attribution():
    assert quotes(
        "Port director Hanna Berg spoke.", "“We are working around the clock,”[4] she said."
    ) == [(2, "We are working around the clock", "Hanna Berg", "she")]


def test_a_distant_verb_does_not_claim_a_quote_in_another_clause():
    assert (
        quotes(
            "Activists have argued that the firm has downplayed the risks of the mine, which "
            "the firm describes as “the largest-ever foreign direct investment in the country.”"
        )
        == []
    )


def test_a_verb_that_already_introduced_a_quote_covers_later_quotes_in_its_sentence():
    assert [
        quote[1]
        for quote in quotes(
            'The 2024 ATA said that "Russia is expanding" its systems "because Moscow believes '
            'they offer options."'
        )
    ] == ["Russia is expanding", "because Moscow believes they offer options."]


def test_which_as_a_subject_stands_for_the_name_before_it():
    assert quotes(
        "The agency cited the monitor Freedom House, which assesses that rights "
        "“are generally respected in the country.”"
    ) == [(1, "are generally respected in the country.", None, "Freedom House")]


# Not quotations ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The image shows the “deepest” view and “stellar nurseries” where stars form.",
        "It ranks low due a climate of “constant fear and violence.”",
        "The website La Silla Rota (“The Broken Chair”) reports it.",
        'Mongolia pursues a "third neighbor" policy.',
        "President Biden showed the first image: “Webb’s First Deep Field,” the sharpest yet.",
        'The report stated that the country could not "certify" compliance.',
        "a founding member of the Board, chaired by President Trump with a stated mission "
        "“to promote stability and peace.”",
    ],
)
def test_scare_quotes_titles_and_translations_are_not_quotations(text):
    assert quotes(text) == []


def test_a_block_without_quote_marks_has_no_quotations():
    assert quotes("Putin said militants were planning incursions into the region.") == []


# The seed and the shared articles ---------------------------------------------


def test_the_seed_quotations_and_their_speakers():
    blocks = list(split_article(SEED.read_text(encoding="utf-8")).blocks)
    found = [
        (quote.paragraph, quote.speaker, quote.speaker_label, quote.text[:24])
        for quote in quotations_in(blocks)
    ]
    anonymous = "a defence analyst who asked to remain anonymous"
    assert found == [
        (9, "Vladimir Putin", "he", "The situation in Afghani"),
        (9, "Vladimir Putin", "he", "Terrorists of various st"),
        (12, "Yury Borisov", "he", "could not rule it out."),
        (12, "Yury Borisov", "he", "Everything is possible"),
        (15, "Parviz Rasulov", "he", "It’s an imaginary threat"),
        (15, "Parviz Rasulov", "he", "Their sole aim is to bri"),
        (17, "Qosimsho Iskandarov", "he", "Even though the Tajik bo"),
        (22, None, anonymous, "Islamic State’s support "),
        (22, None, anonymous, "The Taleban are divided "),
        (25, "Qosimsho Iskandarov", "he", "There have already been "),
        (28, None, "The anonymous defence expert", "The Kunduz battle does n"),
    ]


@needs_shared
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("01", []),
        ("02", []),
        (
            "03",
            [
                (2, "Abadullah Hananzai", "he"),
                (2, "Abadullah Hananzai", "he"),
                (7, "Abadullah Hananzai", "Hananzai"),
            ],
        ),
        ("04", []),
        (
            "05",
            [
                (7, "Cuitlahuac Garcia", "Cuitlahuac Garcia"),
                (9, "Jan-Albert Hootsen", "CPJ’s Jan-Albert Hootsen"),
                (9, "Jan-Albert Hootsen", "CPJ’s Jan-Albert Hootsen"),
            ],
        ),
        (
            "06",
            [
                (1, "Nazarbayev", "President Nazarbayev"),
                (1, "Kanat Saudabayev", "Saudabayev"),
            ],
        ),
    ],
)
def test_each_short_shared_article_has_the_expected_quotations(name, expected):
    assert quotes_of(shared(name)) == expected


@needs_shared
def test_the_crs_nuclear_brief_attributes_quotes_to_people_and_documents():
    found = quotes_of(shared("07"))
    speakers = {speaker for _, speaker, _ in found if speaker}
    assert speakers == {
        "Richard Correll",
        "Gregory Guillot",
        "Alexander Lukashenko",
        "Donald J. Trump",
    }
    labels = {label for _, speaker, label in found if speaker is None}
    assert {"The DIA", "The 2024 ATA", "the State Department"} <= labels


@needs_shared
def test_the_crs_mongolia_report_does_not_guess_a_speaker_for_he():
    found = quotes_of(shared("08"))
    assert (7, "Marco Rubio", "Secretary of State Marco Rubio") in found
    assert all(speaker in {None, "Marco Rubio"} for _, speaker, _ in found)
    assert (21, None, "one observer") in found


# Our own articles -----------------------------------------------------------


def test_the_wire_brief_quotes_one_official_twice():
    assert quotes_of(OWN / "wire_brief.txt") == [
        (3, "Tomas Halvorsen", "regional roads director Tomas Halvorsen"),
        (3, "Tomas Halvorsen", "regional roads director Tomas Halvorsen"),
    ]


def test_the_long_report_attributes_every_quotation_to_a_named_person():
    found = quotes_of(OWN / "long_report.txt")
    assert len(found) == 32
    assert all(speaker is not None for _, speaker, _ in found)


# Pronoun speakers ---------------------------------------------------------------


def test_he_said_is_credited_to_the_one_person_the_sentence_before_names():
    found = quotes(
        "Reporter Edgar Nava was shot on Monday. Defence expert Parviz Rasulov spoke to us. "
        "\u201cThe killings must stop at once,\u201d he said."
    )
    assert [(q[1], q[2]) for q in found] == [("The killings must stop at once", "Parviz Rasulov")]


def test_he_said_after_a_sentence_naming_two_people_has_no_speaker():
    found = quotes(
        "Defence expert Parviz Rasulov met analyst Qosimsho Iskandarov in Dushanbe. "
        "\u201cThe border is not secure enough,\u201d he said."
    )
    assert [(q[1], q[2]) for q in found] == [("The border is not secure enough", None)]


def test_a_quote_with_an_unreadable_attribution_does_not_take_the_previous_speaker():
    found = quotes(
        "\u201cThe agreement protects families across the country,\u201d said Agriculture "
        "Secretary Tom Vilsack.",
        "\u201cWildfires threaten the health of the public,\u201d saidMandy Cohen, Director "
        "of the agency.",
    )
    speakers = {q[1]: q[2] for q in found}
    assert speakers["The agreement protects families across the country"] == "Tom Vilsack"
    assert speakers.get("Wildfires threaten the health of the public") is None
