"""Single-choice questions: what they ask, and what they refuse to ask."""

from __future__ import annotations

import re

from briefings.text.parsing import parse_article
from quizzes.text import generate_questions
from quizzes.text.facts import extract_facts
from quizzes.text.generation import BLANK
from quizzes.text.generation.kinds import TYPES
from quizzes.text.generation.kinds.single_choice import is_specific
from quizzes.text.generation.source import Source
from tests.quizzes.text.builders import build_article, seed_article

SEEDS = range(8)


def single_choices(article):
    """Every single-choice question the generator asks of ``article`` over several seeds."""
    return [
        question
        for seed_value in SEEDS
        for question in generate_questions(article, seed=seed_value)
        if question.kind == "single_choice"
    ]


WATER = [
    "The International Crisis Group (ICG), a conflict prevention organisation, warned of "
    "tension in the valley.",
    "The Interstate Commission for Water Coordination (ICWC), a regional body that sets "
    "annual water quotas, met in Tashkent.",
    "The Asian Development Bank (ADB), a lender to governments in the region, paid for new canals.",
    "The Aral Sea Fund (ASF), a fund for the delta, bought new pumps.",
]
WATER_GLOSSARY = (
    ("ICG", "International Crisis Group", "a conflict prevention organisation"),
    (
        "ICWC",
        "Interstate Commission for Water Coordination",
        "a regional body that sets annual water quotas",
    ),
    ("ADB", "Asian Development Bank", "a lender to governments in the region"),
    ("ASF", "Aral Sea Fund", "a fund for the delta"),
)


def test_no_question_asks_what_an_acronym_stands_for():
    for article in (seed_article(), build_article(WATER, glossary=WATER_GLOSSARY)):
        for question in single_choices(article):
            assert "stand for" not in question.stem, question.stem


def test_a_body_is_asked_about_with_descriptions_the_article_gives():
    article = build_article(WATER, glossary=WATER_GLOSSARY)
    source = Source(article, extract_facts(article), 0)
    describe = TYPES["single_choice"].builders["term-description"]
    drafts = [describe(source, f, "key") for f in source.facts if f.kind == "term"]
    described = [d for d in drafts if d is not None]
    assert described
    text = " ".join(WATER)
    for draft in described:
        assert draft.stem.startswith("How does the article describe")
        for option in draft.options:
            assert option in text, option


def test_a_word_only_the_answer_shares_with_the_stem_drops_the_name_question():
    article = build_article(WATER, glossary=WATER_GLOSSARY)
    for question in single_choices(article):
        assert "Aral Sea Fund" not in question.correct, question.stem


def test_a_body_asked_by_its_description_is_chosen_among_the_articles_organisations():
    article = seed_article()
    source = Source(article, extract_facts(article), 0)
    describe = TYPES["single_choice"].builders["term-description"]
    drafts = [describe(source, f, "key") for f in source.facts if f.kind == "term"]
    asked = [d for d in drafts if d is not None and d.stem.startswith("Which organisation")]
    assert asked
    text = " ".join(block.text for block in article.blocks)
    for draft in asked:
        for option in draft.options:
            assert option in text, option


def test_a_description_that_shares_words_with_the_name_is_not_asked_by_description():
    # "a security bloc" would point straight at the "Security Treaty Organisation".
    for question in single_choices(seed_article()):
        if question.stem.startswith("Which organisation does the article describe"):
            assert "security bloc" not in question.stem


def test_bare_titles_and_titles_a_nationality_gives_away_do_not_make_person_questions():
    assert not is_specific("President", [])
    assert not is_specific("Vice President", [])
    assert not is_specific("Afghan President", [])
    assert not is_specific("Kyrgyz deputy energy minister", [])
    assert is_specific("hydrologist at the Tashkent Institute of Irrigation", ["canal supervisor"])


def test_a_description_two_people_share_does_not_make_a_person_question():
    assert not is_specific("the regional water official", ["the regional water official"])
    assert not is_specific("canal supervisor", ["a supervisor"])


PEOPLE = [
    "Nodira Yusupova, a hydrologist at the Tashkent Institute of Irrigation, measured the flow.",
    "Davron Mirzoev, a canal supervisor, closed the gate. Rustam Safarov, a deputy mayor, "
    "opened the school. Gaukhar Tulegenova, a local museum director, kept the records.",
    "President Biden and Vice President Harris were briefed. Reporter Ann Kask was there.",
]
PEOPLE_DESCRIBED = [
    ("Nodira Yusupova", "a hydrologist at the Tashkent Institute of Irrigation"),
    ("Davron Mirzoev", "a canal supervisor"),
    ("Rustam Safarov", "a deputy mayor"),
    ("Gaukhar Tulegenova", "a local museum director"),
    ("Biden", "President"),
    ("Harris", "Vice President"),
    ("Ann Kask", "Reporter"),
]


def test_person_questions_offer_other_described_people_of_the_same_name_form():
    article = build_article(PEOPLE, people=PEOPLE_DESCRIBED)
    asked = [q for q in single_choices(article) if q.stem.startswith("Who does the article")]
    assert asked
    full_names = {"Nodira Yusupova", "Davron Mirzoev", "Rustam Safarov", "Gaukhar Tulegenova"}
    for question in asked:
        assert "President" not in question.stem and "Reporter" not in question.stem
        # Ann Kask is described only by a bare title: not of the same granularity.
        assert set(question.options) <= full_names, question.options


QUOTES = [
    "\u201cThe river gives us less each summer,\u201d said Shahlo Nazarova, an irrigation officer.",
    "\u201cNobody asks us what we need,\u201d said Bakyt Ermekov, a farmer.",
    "Marat Dzhumabaev and Elmira Asanova did not attend the meeting.",
]


def test_no_speaker_question_when_only_one_other_person_speaks():
    article = build_article(
        QUOTES,
        people=[
            ("Shahlo Nazarova", "an irrigation officer"),
            ("Bakyt Ermekov", "a farmer"),
            ("Marat Dzhumabaev", ""),
            ("Elmira Asanova", ""),
        ],
        quotations=[
            ("The river gives", "Shahlo Nazarova", "Shahlo Nazarova"),
            ("Nobody asks", "Bakyt Ermekov", "Bakyt Ermekov"),
        ],
    )
    assert not [q for q in single_choices(article) if q.stem.startswith("Who said")]


def test_a_speaker_question_offers_only_people_who_speak_in_the_article():
    paragraphs = [*QUOTES, "\u201cThe gate stays shut,\u201d said Serik Dauletov, an official."]
    article = build_article(
        paragraphs,
        people=[
            ("Shahlo Nazarova", "an irrigation officer"),
            ("Bakyt Ermekov", "a farmer"),
            ("Marat Dzhumabaev", ""),
            ("Elmira Asanova", ""),
            ("Serik Dauletov", "an official"),
        ],
        quotations=[
            ("The river gives", "Shahlo Nazarova", "Shahlo Nazarova"),
            ("Nobody asks", "Bakyt Ermekov", "Bakyt Ermekov"),
            ("The gate stays", "Serik Dauletov", "Serik Dauletov"),
        ],
    )
    asked = [q for q in single_choices(article) if q.stem.startswith("Who said")]
    assert asked
    for question in asked:
        assert set(question.options) == {"Shahlo Nazarova", "Bakyt Ermekov", "Serik Dauletov"}


def test_a_gap_stem_starts_where_its_sentence_starts():
    long_sentence = (
        "According to a 2025 estimate from the Federation of American Scientists, the most "
        "recent available for the country and widely cited by officials and analysts in "
        "several capitals, Russia has around 1,718 deployed nuclear warheads on a triad of "
        "delivery vehicles, roughly 330 missiles, 12 submarines and 58 bombers, which "
        "analysts expect to change slowly over the coming decade as older systems retire."
    )
    article = build_article(
        [long_sentence, "In 2022, officials counted 1,550 warheads, and 2,600 in 2026."]
    )
    gaps = [q for q in single_choices(article) if "completes this sentence" in q.stem]
    assert gaps
    for question in gaps:
        quoted = question.stem.split("? ", 1)[1]
        assert not quoted.startswith("\u201c\u2026"), question.stem
        if "Federation" in quoted:
            assert quoted.startswith("\u201cAccording to a "), question.stem


def test_a_conversion_beside_the_answer_is_left_out_of_the_stem():
    article = build_article(
        [
            "The 300-kilometre (186-mile) border runs through the mountains.",
            "A 250-kilometre road and a 400-kilometre railway were built in 2019.",
        ]
    )
    asked = [q for q in single_choices(article) if "300" in q.correct]
    assert asked
    for question in asked:
        assert "186" not in question.stem, question.stem
    assert not [q for q in single_choices(article) if "186" in q.correct]


def test_no_speaker_question_when_the_sentence_does_not_name_the_speaker():
    paragraphs = [
        "Serik Dauletov, an official, spoke first. \u201cThe gate stays shut,\u201d he said.",
        "\u201cThe river gives us less each summer,\u201d said Shahlo Nazarova, an officer.",
        "\u201cNobody asks us what we need,\u201d said Bakyt Ermekov, a farmer.",
    ]
    article = build_article(
        paragraphs,
        people=[
            ("Serik Dauletov", "an official"),
            ("Shahlo Nazarova", "an officer"),
            ("Bakyt Ermekov", "a farmer"),
        ],
        quotations=[
            ("The gate stays", "Serik Dauletov", "he"),
            ("The river gives", "Shahlo Nazarova", "Shahlo Nazarova"),
            ("Nobody asks", "Bakyt Ermekov", "Bakyt Ermekov"),
        ],
    )
    asked = [q for q in single_choices(article) if q.stem.startswith("Who said")]
    assert asked
    assert not [q for q in asked if "Serik Dauletov" in q.correct]


def test_a_short_phrase_worked_into_a_sentence_makes_no_speaker_question():
    paragraphs = [
        "Admiral Ray Cole said Russia had \u201cup to 2,000 warheads\u201d in reserve.",
        "\u201cThe river gives us less each summer,\u201d said Shahlo Nazarova, an officer.",
        "\u201cNobody asks us what we need,\u201d said Bakyt Ermekov, a farmer.",
    ]
    article = build_article(
        paragraphs,
        people=[
            ("Ray Cole", "Admiral"),
            ("Shahlo Nazarova", "an officer"),
            ("Bakyt Ermekov", "a farmer"),
        ],
        quotations=[
            ("up to 2,000", "Ray Cole", "Admiral Ray Cole"),
            ("The river gives", "Shahlo Nazarova", "Shahlo Nazarova"),
            ("Nobody asks", "Bakyt Ermekov", "Bakyt Ermekov"),
        ],
    )
    asked = [q for q in single_choices(article) if q.stem.startswith("Who said")]
    assert asked
    assert not [q for q in asked if "2,000" in q.stem]


ANGOLA = [
    "Officials of the ruling Popular Movement for the Liberation of Angola (MPLA) warned the "
    "reporter to stop writing about the war.",
    "The accord was signed with the Union for the Total Independence of Angola (UNITA) rebels.",
    "Later the Committee to Protect Journalists (CPJ) said the inquiry was dropped.",
    "The figures come from the Annual Threat Assessment (ATA) published in 2026.",
]
ANGOLA_GLOSSARY = (
    ("MPLA", "Popular Movement for the Liberation of Angola", ""),
    ("UNITA", "Union for the Total Independence of Angola", ""),
    ("CPJ", "Committee to Protect Journalists", ""),
    ("ATA", "Annual Threat Assessment", ""),
)


def test_an_acronyms_name_is_asked_in_its_sentence_without_the_acronym():
    article = build_article(ANGOLA, glossary=ANGOLA_GLOSSARY)
    asked = [q for q in single_choices(article) if q.stem.startswith("Which name completes")]
    assert asked
    bodies = {expansion for _, expansion, _ in ANGOLA_GLOSSARY[:3]}
    for question in asked:
        assert not any(acronym in question.stem for acronym, _, _ in ANGOLA_GLOSSARY)
        assert set(question.options) <= bodies, question.options


def test_a_body_the_text_names_as_the_answer_s_parent_is_never_offered_in_its_place():
    bureaus = [
        "Outside the monument, the Bureau of Reclamation (USBR) has found 9 million acres of "
        "public land fit for solar farms.",
        "The monument spans 506,814 acres managed by the Interior Department's Bureau of "
        "Reclamation and the National Park Service (NPS).",
        "The Interior Department will sign a memorandum with the Nevada Department of Wildlife "
        "(NDOW) and the Bureau of Land Management (BLM) in 2024.",
    ]
    glossary = (
        ("BLM", "Bureau of Land Management", ""),
        ("NPS", "National Park Service", ""),
        ("NDOW", "Nevada Department of Wildlife", ""),
        ("USBR", "Bureau of Reclamation", ""),
    )
    article = build_article(bureaus, glossary=glossary)
    asked = [
        q
        for q in single_choices(article)
        if q.stem.startswith("Which name completes") and "Bureau of Reclamation" in q.correct
    ]
    assert asked
    for question in asked:
        assert "Interior Department" not in question.options, question.options


def test_a_name_that_is_no_body_is_not_asked_among_bodies():
    article = build_article(ANGOLA, glossary=ANGOLA_GLOSSARY)
    for question in single_choices(article):
        assert "Annual Threat Assessment" not in question.options


def test_people_of_a_roster_are_not_asked_about_but_stand_as_wrong_answers():
    from tests.quizzes.text.test_source import ROSTER, ROSTER_PEOPLE

    article = build_article(ROSTER, people=ROSTER_PEOPLE)
    asked = [q for q in single_choices(article) if q.stem.startswith("Who does the article")]
    assert {q.correct[0] for q in asked} == {"Farrukh Umarov"}
    offered = {option for q in asked for option in q.options}
    assert offered >= {"Anvar Tursunov", "Dilshod Rahimov", "Bakhtiyor Saidov"}


PROGRAMME_LIST = """Harbour Research Service

Harbour Primer: Port Grant Programs

By Ann Clerk

The harbour title of the port bill reauthorizes a number of grant programs, including the \
Harbour Renewal Program (HRP). These programs were last reauthorized in 2018 through \
September 30, 2023.

Programs Typically Reauthorized in a Port Bill

Harbour Renewal Program (HRP);

Coastal Dredging Grants Program (CDGP);

Dock Workers' Safety Program (DWSP); and

Tom Baker Pier Incentive Program (TBPIP) grants.

These programs are administered by the Department of Harbours (DOH), except for TBPIP, \
administered by the National Pier Institute (NPI).
"""


def test_a_list_item_blanked_to_almost_nothing_is_no_question():
    article = parse_article(PROGRAMME_LIST)
    for seed_value in SEEDS:
        for question in generate_questions(article, seed=seed_value):
            if BLANK in question.stem:
                gapped = question.stem.split("\u201c", 1)[-1].replace(BLANK, " ")
                assert len(gapped.split()) >= 4, question.stem


NOMINEES = [
    "Ann Ode has served as the First Assistant United States Attorney for the Northern "
    "District of Harbour since 2021.",
    "From 2014 to 2016, Ms. Ode worked at the Harbour Department of Justice in Old Harbour, "
    "serving as an Associate Deputy Attorney General.",
    "Tom Vale has served as the Chief Probation Officer for the Harbour Seventh Judicial "
    "District since 2014.",
    "Mr. Vale was Sheriff of Dawson County, Harbour from 2003 to 2014.",
    "Luis Pereira has served as the appointed United States Attorney for the Middle District "
    "of Harbour since 2021.",
    "Mr. Pereira served as a trial attorney in the Federal Programs Branch of the Harbour Civil "
    "Division from 2007 to 2012.",
    "Rosa Silva has served as the Deputy Marshal for the Eastern District of Harbour since 2019.",
    "Ms. Silva led the Harbour Fugitive Task Force from 2010 to 2018.",
    "Nina Kurz has served as the Chief Deputy Marshal for the Western District of Harbour "
    "since 2017.",
    "Ms. Kurz led the Harbour Warrant Squad from 2009 to 2017.",
]
NOMINEE_NAMES = [
    ("Ann Ode", ""),
    ("Tom Vale", ""),
    ("Luis Pereira", ""),
    ("Rosa Silva", ""),
    ("Nina Kurz", ""),
]


def test_a_name_the_text_writes_after_ms_or_mr_is_asked_without_the_title():
    article = build_article(NOMINEES, people=NOMINEE_NAMES)
    after_a_title = {"Ode", "Vale", "Pereira"}
    questions = generate_questions(article)
    asked = [q for q in questions if BLANK in q.stem and set(q.correct) & after_a_title]
    assert asked
    for question in asked:
        assert not re.search(r"\bM(?:s|r)\.\s*_", question.stem), question.stem
