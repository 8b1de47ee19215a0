import pytest

from quizzes.text.facts import extract_facts
from quizzes.text.generation import generate_questions
from quizzes.text.generation.kinds.single_choice import (
    _description_choice,
    _named_description_choice,
)
from quizzes.text.generation.source import Source
from tests.quizzes.text.builders import build_article, seed_article

SEEDS = range(8)


def descriptions(*paragraphs):
    facts = extract_facts(build_article(paragraphs))
    return {(f.subject, f.value, f.category) for f in facts if f.kind == "description"}


def questions(article, kind):
    found = {}
    for seed in SEEDS:
        for question in generate_questions(article, seed=seed):
            if question.kind == kind:
                found.setdefault(question.stem, question)
    return list(found.values())


# What counts as a description -------------------------------------------------


def test_an_appositive_after_a_name_says_what_the_named_thing_is():
    assert descriptions(
        "Officials launched CE Works, a technology platform that digitizes the environmental "
        "review process to assist federal agencies with completing reviews under the act."
    ) == {
        (
            "CE Works",
            "a technology platform that digitizes the environmental review process",
            "programme",
        )
    }


def test_a_sentence_opening_with_a_name_and_is_describes_it_up_to_the_clause_end():
    assert descriptions(
        "The Webb Space Telescope is an international program led by NASA with its partners, "
        "the European and Canadian space agencies."
    ) == {
        (
            "Webb Space Telescope",
            "an international program led by NASA with its partners",
            "programme",
        )
    }


def test_adjectives_separated_by_a_comma_stay_in_the_description():
    assert descriptions(
        "Mongolia is a landlocked, mineral-rich country about the size of Alaska."
    ) == {("Mongolia", "a landlocked, mineral-rich country about the size of Alaska", "place")}


def test_a_long_description_loses_a_whole_relative_clause_never_half_of_one():
    found = descriptions(
        "The House Democracy Partnership, a commission of the House of Representatives that "
        "aims to advance democracy abroad through peer exchanges with legislatures in many "
        "countries, met in Ulaanbaatar."
    )
    assert found == {
        (
            "House Democracy Partnership",
            "a commission of the House of Representatives",
            "organisation",
        )
    }


@pytest.mark.parametrize(
    "text",
    [
        "Data came from the Department of State, the Sovereign Limits database, and ESRI.",
        "Kunduz is a headache for Central Asia.",
        "He was born in Kabul, the capital of Afghanistan.",
        "\u201cTTS remains a preferred provider of software and services,\u201d Shedd said.",
        "According to the Board of Trade, a report published in May found losses.",
        "Developed by the Committee on Harbour Waste and a Circular Economy, the report lists "
        "key principles for reducing waste.",
        "Parliament passed the Water Act\u2014 the most significant law in our history to help "
        "farmers who were hit by drought during the summer.",
    ],
    ids=[
        "a list",
        "no kind of thing",
        "world knowledge",
        "a speaker's claim",
        "an opening phrase",
        "a participle's opening phrase",
        "a superlative cut from what restricts it",
    ],
)
def test_what_only_looks_like_a_description_is_not_taken_for_one(text):
    assert descriptions(text) == set()


def test_the_body_a_role_belongs_to_is_what_the_description_describes():
    found = descriptions(
        "Lewis served as Chair and CEO of TLC Beatrice International, a multinational food "
        "company with operations across Europe, from 1994 to 2007."
    )
    assert {subject for subject, _, _ in found} == {"TLC Beatrice International"}


def test_a_described_company_is_offered_among_companies_never_universities():
    article = build_article(
        [
            "Loida Lewis led TLC Beatrice International, a multinational food company with "
            "operations across Europe, from 1994 to 2007.",
            "Lewis studied at Stanford University and taught at George Mason University.",
            "Lewis later advised Acme Corporation and the Sprint Corporation on mergers.",
        ],
        people=[("Loida Lewis", "Chair")],
    )
    asked = [
        q for q in questions(article, "single_choice") if "multinational food company" in q.stem
    ]
    assert asked
    for question in asked:
        assert not [o for o in question.options if "University" in o], question.options


def test_a_common_noun_opening_its_sentence_is_not_described_as_a_name():
    assert not descriptions(
        "Data is an increasingly powerful tool for the tracking of individuals.",
        "Advances in technology and access to large data sets enable tracking.",
    )


# Questions on descriptions ----------------------------------------------------


def _press_article():
    return build_article(
        [
            "Imparcial Fax, a daily news service covering government corruption, closed in "
            "March after threats against its staff.",
            "Radio Norte, a regional network of radio stations across the north, kept "
            "reporting on the threats.",
            "The Watchdog Alliance, a coalition of press unions based in the capital, "
            "condemned the threats on Monday.",
            "The Press Freedom Fund, a charity group that pays legal fees for reporters, "
            "offered to help the staff.",
            "Reporters were given SafeWire, a software tool that encrypts their messages, "
            "after the attacks.",
        ]
    )


ORGANISATION_DESCRIPTIONS = {
    "Imparcial Fax": "daily news service covering government corruption",
    "Radio Norte": "regional network of radio stations across the north",
    "Watchdog Alliance": "coalition of press unions based in the capital",
    "Press Freedom Fund": "charity group that pays legal fees for reporters",
}


def test_a_body_is_asked_by_its_description_among_descriptions_of_other_bodies():
    asked = [q for q in questions(_press_article(), "single_choice") if "describe" in q.stem]
    assert asked
    for question in asked:
        named = next(name for name in ORGANISATION_DESCRIPTIONS if name in question.stem)
        assert question.correct == (ORGANISATION_DESCRIPTIONS[named],)
        # Never the software tool's description, and no option opens with "a" or "an".
        assert set(question.options) <= set(ORGANISATION_DESCRIPTIONS.values())
        assert not any(option.startswith(("a ", "an ")) for option in question.options)


def test_a_programme_is_asked_among_the_article_s_programmes_when_no_other_is_described():
    article = build_article(
        [
            "Permit Tracker Hub, a technology platform that digitizes the environmental review "
            "process, was launched by the General Services Administration.",
            "Agencies already use the Digital Shield Program and the Open Records Program, "
            "and the Land Survey Program is due next year.",
        ]
    )
    # The builder itself: the type balance may turn the one description into a statement.
    source = Source(article, extract_facts(article), 0)
    described = [f for f in source.facts if f.kind == "description"]
    asked = [_named_description_choice(source, fact, "key") for fact in described]
    assert asked
    for question in asked:
        assert question is not None
        assert question.stem.startswith("Which programme does the article describe as")
        assert question.correct == ("Permit Tracker Hub",)
        assert "General Services Administration" not in question.options
        assert all(o == "Permit Tracker Hub" or o.endswith("Program") for o in question.options)


def test_no_false_statement_gives_a_faction_the_description_of_the_group_it_split_from():
    stated = questions(seed_article(), "true_false")
    about_the_faction = [q for q in stated if "describes the Islamic Jihad Union" in q.stem]
    assert all("guerrilla group" not in q.stem for q in about_the_faction)


def test_an_acronym_s_description_stands_among_descriptions_of_other_named_bodies():
    article = build_article(
        [
            "The Regional Trade Organisation (RTO), a customs union of five states, met in May.",
            "Radio Norte, a regional network of radio stations across the north, covered the "
            "talks.",
            "The Watchdog Alliance, a coalition of press unions based in the capital, "
            "criticised the talks.",
        ],
        glossary=[("RTO", "Regional Trade Organisation", "a customs union of five states")],
    )
    source = Source(article, extract_facts(article), 0)
    term = next(f for f in source.facts if f.kind == "term")
    question = _description_choice(source, term, "key")
    assert question is not None
    assert question.stem == "How does the article describe RTO?"
    assert question.correct == ("customs union of five states",)
    assert set(question.options) == {
        "customs union of five states",
        "regional network of radio stations across the north",
        "coalition of press unions based in the capital",
    }


def test_a_splinter_of_a_body_is_never_offered_as_the_body_its_description_names():
    article = build_article(
        [
            "The National Liberation Front (NLF), a guerrilla group from the southern hills, "
            "was banned.",
            "After the ban, the Eastern Valley Union, an NLF splinter faction, fought on.",
            "The ban was welcomed by the Trade Workers Council and by the National Farmers "
            "Movement.",
            "It was ignored by the Coastal Fishers Association.",
        ],
        glossary=[
            ("NLF", "National Liberation Front", "a guerrilla group from the southern hills")
        ],
    )
    source = Source(article, extract_facts(article), 0)
    term = next(f for f in source.facts if f.kind == "term")
    question = _description_choice(source, term, "key")
    assert question is not None
    assert question.correct == ("National Liberation Front",)
    assert "Eastern Valley Union" not in question.options


def test_a_name_after_the_comma_is_the_next_item_of_a_list_not_a_description():
    from quizzes.text.facts.descriptions import _worth_keeping

    assert not _worth_keeping("the Ukrainian Center for Civil Liberties", "Radio Liberty")
    assert not _worth_keeping("the International Civil Aviation Organization", "Europe")
    assert not _worth_keeping("the Office of Science and Technology Policy", "NSC")
    assert _worth_keeping("a technology platform that digitizes reviews", "CE Works")
    assert _worth_keeping("the Ukrainian government's main anti-corruption agency", "NABU")


def test_a_name_inside_another_names_phrase_is_not_given_the_description_after_it():
    found = descriptions(
        "NIH, part of the Department of Health and Human Services, the nation's leading "
        "health and medical research agency, awards grants."
    )
    assert not {d for d in found if d[0] == "Department of Health and Human Services"}


def test_a_description_pointing_to_a_company_named_elsewhere_is_not_kept():
    found = descriptions(
        "The Pentagon relies on Claude, the company's generative AI model for analysis, "
        "in several offices."
    )
    assert not {d for d in found if d[0] == "Claude"}


def test_a_company_suffix_is_not_the_name_a_description_belongs_to():
    article = build_article(
        [
            "Ana Costa oversees the three lenders of Harbour Bancorp: Harbour Bancorp, Inc., "
            "a bank holding company; Khujand Savings, a credit union founded in 1998; and "
            "Harbour Bancorp Bank.",
        ]
    )
    described = {f.subject for f in extract_facts(article) if f.kind == "description"}
    assert "Inc." not in described
    assert "Khujand Savings" in described


@pytest.mark.parametrize(
    "text",
    [
        "The Ransomware Task Force, the Administration will continue its campaign to combat "
        "cybercrime, met in 2023.",
        "As a Result of The President\u2019s Investments In America, a Record 10.5 Million New "
        "Small Businesses Applications Filed in 2021 and 2022.",
    ],
    ids=["a clause with its own verb", "a headline"],
)
def test_a_clause_or_a_headline_is_no_description(text):
    assert descriptions(text) == set()
