from pathlib import Path

import pytest

from briefings.text.acronyms import find_glossary
from briefings.text.article import Definition
from briefings.text.structure import split_article
from tests.briefings.text.support import OWN, SEED, SHARED, blocks, needs_shared


def definitions(*texts: str) -> dict[str, str]:
    found, _ = find_glossary(blocks(*texts))
    return {definition.term: definition.expansion for definition in found}


def undefined(*texts: str) -> dict[str, int]:
    _, found = find_glossary(blocks(*texts))
    return {abbreviation.term: abbreviation.count for abbreviation in found}


def glossary_of(path: Path) -> tuple[dict[str, str], list[str]]:
    parts = split_article(path.read_text(encoding="utf-8"))
    found, missing = find_glossary(parts.blocks)
    return (
        {definition.term: definition.expansion for definition in found},
        [abbreviation.term for abbreviation in missing],
    )


def shared(name: str) -> Path:
    return next(SHARED.glob(f"{name}_*.txt"))


# The three inline forms ----------------------------------------------------


def test_a_name_followed_by_its_acronym_in_parentheses_is_a_definition():
    text = "Leaders of the Collective Security Treaty Organisation (CSTO) met."
    (definition,), _ = find_glossary(blocks(text))
    assert definition == Definition(
        term="CSTO",
        expansion="Collective Security Treaty Organisation",
        description="",
        defined_in=1,
        first_used_in=1,
        start=15,
        end=61,
    )
    assert text[definition.start : definition.end] == (
        "Collective Security Treaty Organisation (CSTO)"
    )


def test_a_title_between_a_name_and_its_acronym_is_no_part_of_the_name():
    text = "They heard from Harbour Financial Protection Bureau Director (HFPB) Ana Costa."
    (definition,), _ = find_glossary(blocks(text))
    assert (definition.term, definition.expansion) == (
        "HFPB",
        "Harbour Financial Protection Bureau",
    )


def test_an_acronym_followed_by_its_name_in_parentheses_is_a_definition():
    text = "NASA and its partner ESA (European Space Agency) built it."
    (definition,), _ = find_glossary(blocks(text))
    assert (definition.term, definition.expansion) == ("ESA", "European Space Agency")
    assert text[definition.start : definition.end] == "ESA (European Space Agency)"


def test_a_name_then_a_comma_and_the_acronym_is_a_definition():
    text = "the chair of the Organization for Security and Co-operation in Europe, OSCE. The OSCE"
    (definition,), _ = find_glossary(blocks(text))
    assert (definition.term, definition.expansion) == (
        "OSCE",
        "Organization for Security and Co-operation in Europe",
    )
    assert text[definition.start : definition.end].endswith("in Europe, OSCE")


# Tracing letters ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "expansion"),
    [
        (
            "the Commonwealth of Independent States (CIS) met",
            "CIS",
            "Commonwealth of Independent States",
        ),
        (
            "the Office for the Coordination of Humanitarian Affairs (OCHA) said",
            "OCHA",
            "Office for the Coordination of Humanitarian Affairs",
        ),
        (
            "the Organisation for Economic Co-operation and Development (OECD) said",
            "OECD",
            "Organisation for Economic Co-operation and Development",
        ),
        ("the Non-Aligned Movement (NAM) met", "NAM", "Non-Aligned Movement"),
        ("the Ministry of Defence (MoD) said", "MoD", "Ministry of Defence"),
        ("the Group of Seven (G7) met", "G7", "Group of Seven"),
        (
            "with 192 submarine-launched ballistic missiles (SLBMs) at sea",
            "SLBMs",
            "submarine-launched ballistic missiles",
        ),
        ("about 25% of gross domestic product (GDP) last year", "GDP", "gross domestic product"),
        (
            "their use as nonstrategic nuclear weapons (NSNW) is feared",
            "NSNW",
            "nonstrategic nuclear weapons",
        ),
        ("the Varieties of Democracy (V-Dem) Institute said", "V-Dem", "Varieties of Democracy"),
        (
            "Diplomats at the North Atlantic Treaty Organization (Nato) said",
            "Nato",
            "North Atlantic Treaty Organization",
        ),
        ("a spokesperson for Central Command (Centcom) said", "Centcom", "Central Command"),
        (
            "the Armed Conflict Location & Event Data Project (Acled) counts",
            "Acled",
            "Armed Conflict Location & Event Data Project",
        ),
    ],
)
def test_acronym_letters_are_traced_to_the_words_of_the_name(text, term, expansion):
    assert definitions(text) == {term: expansion}


def test_a_leading_the_is_not_part_of_the_expansion():
    assert definitions("The Committee to Protect Journalists (CPJ) reported") == {
        "CPJ": "Committee to Protect Journalists"
    }


def test_a_qualifying_abbreviation_before_the_name_is_kept():
    assert definitions("In March, U.S. Strategic Command (STRATCOM) said") == {
        "STRATCOM": "U.S. Strategic Command"
    }


def test_a_name_from_another_language_is_accepted_after_a_capitalised_name():
    assert definitions(
        "officials of the ruling Popular Movement for the Liberation of Angola (MPLA) party",
        "and the Union for the Total Independence of Angola (UNITA) rebel forces",
    ) == {
        "MPLA": "Popular Movement for the Liberation of Angola",
        "UNITA": "Union for the Total Independence of Angola",
    }


def test_a_trailing_of_phrase_is_covered_by_the_whole_capitalised_name():
    assert definitions(
        "The Food and Agriculture Organization of the United Nations (FAO) said"
    ) == {"FAO": "Food and Agriculture Organization of the United Nations"}


def test_a_lower_case_name_that_does_not_spell_the_acronym_is_not_a_definition():
    found, missing = find_glossary(blocks("with 12 ballistic-missile submarines (SSBNs) at sea"))
    assert found == ()
    assert [abbreviation.term for abbreviation in missing] == ["SSBNs"]


def test_an_acronym_after_a_name_it_cannot_abbreviate_is_not_a_definition():
    assert definitions("Reporters Without Borders (XQZ) ranks Mexico low.") == {}


def test_an_acronym_from_the_name_in_another_language_is_still_a_definition():
    # RSF is "Reporters sans frontières": the letters come from the French name.
    assert definitions("Reporters without Borders (RSF) ranks Mexico low.") == {
        "RSF": "Reporters without Borders"
    }


def test_a_single_word_is_never_an_expansion():
    assert definitions("Tension rose in the capital (TC) and in Kabul (KBL).") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Fighting has increased. (See Tajiks Talk Up Afghan Spillover Risks.)",
        "pays its fighters 200 [US] dollars",
        "The website La Silla Rota (“The Broken Chair”) reports",
        "Russia (2006), Japan (2010), China (2014)",
        "the Southern Mongolian Human Rights Policy Act (H.R. 6877, S. 288)",
        "the Trade Act of 1974 (19 U.S.C. § 2132)",
        "the Sovereign Limits (International Mapping) database",
        "Russia and (or) Belarus",
        "scenarios: (1) the receipt of data, (2) the use",
        "study In Kazakhstan (sic)",
        "Senator Bob Smith (R-NY) and Governor Ann Lee (D) spoke",
        "in the Tajik capital (Dushanbe) on Monday",
        "After World War (II) ended",
    ],
)
def test_parentheses_that_are_not_definitions_create_nothing(text):
    assert definitions(text) == {}


# Comments and descriptions ----------------------------------------------------


def test_a_comment_after_the_acronym_is_not_part_of_the_term():
    found, _ = find_glossary(blocks("the People's Republic of China (PRC, or China) and Russia"))
    assert [(item.term, item.expansion, item.description) for item in found] == [
        ("PRC", "People's Republic of China", "")
    ]


def test_a_descriptive_comment_after_the_acronym_becomes_the_description():
    found, _ = find_glossary(
        blocks("the Mongolian People's Party (MPP, the successor to the MPRP)")
    )
    assert found[0].description == "the successor to the MPRP"


def test_an_appositive_after_the_definition_is_its_description():
    found, _ = find_glossary(
        blocks(
            "When the Collective Security Treaty Organisation (CSTO), a post-Soviet security "
            "bloc, gathered in the capital, nothing was agreed.",
            "It was the Islamic Movement of Uzbekistan (IMU), a guerrilla group originally "
            "from Central Asia. After that, it moved.",
        )
    )
    assert [item.description for item in found] == [
        "a post-Soviet security bloc",
        "a guerrilla group originally from Central Asia",
    ]


def test_an_appositive_that_is_a_clause_is_not_a_description():
    found, _ = find_glossary(blocks("the Democratic Party (DP), the party said on Monday."))
    assert found[0].description == ""


def test_the_next_name_in_a_list_is_not_a_description():
    found, _ = find_glossary(
        blocks(
            "members of the Collective Security Treaty Organisation (CSTO), "
            "the Shanghai Cooperation Organisation (SCO), and others"
        )
    )
    assert [(item.term, item.description) for item in found] == [("CSTO", ""), ("SCO", "")]


def test_a_footnote_marker_does_not_hide_the_description():
    found, _ = find_glossary(
        blocks("the Interstate Commission for Water Coordination (ICWC)[3], a regional body, met")
    )
    assert found[0].description == "a regional body"


# First use and repeats --------------------------------------------------------


def test_an_acronym_used_before_its_definition_records_its_first_use():
    found, missing = find_glossary(
        blocks(
            "Nato officials met.",
            "Nothing here.",
            "Diplomats at the North Atlantic Treaty Organization (Nato) agreed.",
        )
    )
    assert (found[0].first_used_in, found[0].defined_in) == (1, 3)
    assert missing == ()


def test_an_expansion_used_before_its_definition_records_its_first_use():
    found, _ = find_glossary(
        blocks(
            "The Millennium Challenge Corporation has two compacts.",
            "In 2008 the Millennium Challenge Corporation (MCC) began work.",
        )
    )
    assert (found[0].first_used_in, found[0].defined_in) == (1, 2)


def test_capitalised_uses_of_a_mixed_case_acronym_count_as_uses():
    _, missing = find_glossary(
        blocks("NATO troops left.", "the North Atlantic Treaty Organization (Nato) said")
    )
    assert missing == ()


def test_a_term_defined_twice_gives_one_definition_the_first():
    found, _ = find_glossary(
        blocks(
            "two International Criminal Court (ICC) judges",
            "the first International Criminal Court (ICC) member",
            "the ICC (International Criminal Court) ruled",
        )
    )
    assert [(item.term, item.defined_in, item.start) for item in found] == [("ICC", 1, 4)]


def test_singular_and_hyphenated_uses_of_a_plural_acronym_are_uses_not_undefined():
    _, missing = find_glossary(
        blocks(
            "Russia has 330 intercontinental ballistic missiles (ICBMs).",
            "It deploys warheads on ICBMs and an ICBM-mounted glide vehicle.",
        )
    )
    assert missing == ()


# Undefined abbreviations ----------------------------------------------------


def test_abbreviations_used_but_never_defined_are_listed_with_counts_in_order():
    found = undefined(
        "Fighting rose after most NATO troops left. RFE/RL reported it on TV.",
        "NATO said so, and RFE/RL’s editors agreed.",
    )
    assert found == {"NATO": 2, "RFE/RL": 2, "TV": 1}


def test_digits_and_joiners_stay_part_of_an_abbreviation():
    assert undefined("the new G7-led plan, the C5+1 forum and the COVID-19 era") == {
        "G7": 1,
        "C5+1": 1,
        "COVID-19": 1,
    }


def test_spellings_differing_only_in_case_are_one_abbreviation_named_as_first_seen():
    assert undefined("the Covid-19 pandemic", "COVID-19 vaccines") == {"Covid-19": 2}


def test_an_undefined_abbreviation_records_its_first_paragraph():
    _, missing = find_glossary(blocks("Nothing.", "Still nothing.", "Then ESRI data."))
    assert [(item.term, item.first_used_in) for item in missing] == [("ESRI", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "After World War II and Henry VIII, in Chapter XIV.",
        "The figure rose.[iv] It fell.[12]",
        "He met A. Smith and J. Doe in Room B.",
        "U.S. and US forces, UK and U.K. ministers, [US] dollars.",
        "He did NOT say THE word.",
        "See product IF12964 and report R49352.",
        "Mr. HASTINGS of Florida. Madam Speaker, I rise today.",
        "A SHOUTED HEADLINE ABOUT THE OSCE appears here.",
        "Senator Bob Smith (R-NY) spoke.",
    ],
)
def test_things_that_are_not_undefined_abbreviations_are_left_out(text):
    assert undefined(text) == {}


# The seed and the shared articles ---------------------------------------------


def test_the_seed_defines_exactly_three_terms():
    parts = split_article(SEED.read_text(encoding="utf-8"))
    found, missing = find_glossary(parts.blocks)
    assert [(item.term, item.expansion, item.description) for item in found] == [
        ("CSTO", "Collective Security Treaty Organisation", "a post-Soviet security bloc"),
        ("CIS", "Commonwealth of Independent States", ""),
        ("IMU", "Islamic Movement of Uzbekistan", "a guerrilla group originally from Central Asia"),
    ]
    assert [(item.defined_in, item.first_used_in) for item in found] == [(7, 7), (8, 8), (19, 19)]
    assert [item.term for item in missing] == ["NATO", "IWPR"]
    assert "US" not in [item.term for item in missing]


@needs_shared
@pytest.mark.parametrize(
    ("name", "expected_definitions", "expected_undefined"),
    [
        (
            "01",
            {
                "MPLA": "Popular Movement for the Liberation of Angola",
                "UNITA": "Union for the Total Independence of Angola",
                "CPJ": "Committee to Protect Journalists",
            },
            ["VOA"],
        ),
        ("02", {}, ["G7", "C5+1", "Covid-19"]),
        ("03", {}, ["NATO", "RFE/RL", "TV"]),
        (
            "04",
            {
                "NASA": "National Aeronautics and Space Administration",
                "ESA": "European Space Agency",
            },
            [],
        ),
        ("05", {}, ["CPJ"]),
        ("06", {"OSCE": "Organization for Security and Co-operation in Europe"}, []),
        (
            "07",
            {
                "FAS": "Federation of American Scientists",
                "ICBMs": "intercontinental ballistic missiles",
                "SLBMs": "submarine-launched ballistic missiles",
                "ATA": "Annual Threat Assessment",
                "STRATCOM": "U.S. Strategic Command",
                "NSNW": "nonstrategic nuclear weapons",
                "DIA": "Defense Intelligence Agency",
                "NORTHCOM": "U.S. Northern Command",
            },
            ["START", "SSBNs", "NATO", "CRS"],
        ),
        (
            "08",
            {
                "PRC": "People's Republic of China",
                "MPRP": "Mongolian People's Revolutionary Party",
                "UN": "United Nations",
                "ICC": "International Criminal Court",
                "MCC": "Millennium Challenge Corporation",
                "NGO": "nongovernmental organization",
                "V-Dem": "Varieties of Democracy",
                "MPP": "Mongolian People's Party",
                "DP": "Democratic Party",
                "GDP": "gross domestic product",
            },
            ["H.R.", "NATO", "U.S.C.", "COVID-19", "HUN", "CRS", "ESRI"],
        ),
    ],
)
def test_each_shared_article_has_the_expected_glossary(
    name, expected_definitions, expected_undefined
):
    found, missing = glossary_of(shared(name))
    assert found == expected_definitions
    assert missing == expected_undefined


@needs_shared
def test_the_millennium_challenge_corporation_is_first_used_before_it_is_defined():
    parts = split_article(shared("08").read_text(encoding="utf-8"))
    found, _ = find_glossary(parts.blocks)
    mcc = next(item for item in found if item.term == "MCC")
    assert (mcc.first_used_in, mcc.defined_in) == (2, 14)


@needs_shared
def test_a_definition_span_covers_the_name_and_the_acronym():
    parts = split_article(shared("06").read_text(encoding="utf-8"))
    (osce,), _ = find_glossary(parts.blocks)
    assert parts.blocks[0].text[osce.start : osce.end] == (
        "Organization for Security and Co-operation in Europe, OSCE"
    )


# Our own articles -----------------------------------------------------------


def test_mixed_case_acronyms_defined_after_first_use():
    parts = split_article((OWN / "mixed_case_acronyms.txt").read_text(encoding="utf-8"))
    found, missing = find_glossary(parts.blocks)
    assert [(item.term, item.expansion, item.first_used_in, item.defined_in) for item in found] == [
        ("Acled", "Armed Conflict Location & Event Data Project", 1, 2),
        ("Nato", "North Atlantic Treaty Organization", 1, 3),
        ("Centcom", "U.S. Central Command", 1, 3),
    ]
    assert missing == ()


def test_initialisms_that_skip_small_words():
    found, missing = glossary_of(OWN / "initialism_small_words.txt")
    assert found == {
        "FAO": "Food and Agriculture Organization of the United Nations",
        "OCHA": "Office for the Coordination of Humanitarian Affairs",
        "UNHCR": "United Nations High Commissioner for Refugees",
        "ICRC": "International Committee of the Red Cross",
        "MoFA": "Ministry of Foreign Affairs",
        "BoR": "Bank of the Republic",
    }
    assert missing == []


def test_a_term_defined_twice_in_an_article_appears_once():
    found, missing = glossary_of(OWN / "defined_twice.txt")
    assert found == {"WFP": "World Food Programme"}
    assert missing == []


def test_the_wire_brief_has_no_glossary():
    assert glossary_of(OWN / "wire_brief.txt") == ({}, [])


def test_the_long_report_glossary_ignores_its_footnote_markers():
    found, missing = glossary_of(OWN / "long_report.txt")
    assert found == {
        "ICG": "International Crisis Group",
        "FAO": "Food and Agriculture Organization of the United Nations",
        "ICWC": "Interstate Commission for Water Coordination",
        "IFAS": "International Fund for Saving the Aral Sea",
        "ADB": "Asian Development Bank",
    }
    assert missing == ["EU"]


def test_a_possessive_before_the_short_form_is_not_part_of_the_expansion():
    from briefings.text.acronyms import find_glossary
    from briefings.text.article import Block

    block = Block(
        number=1,
        kind="paragraph",
        text="The Council on Environmental Quality’s (CEQ) pilot and the Veterans' "
        "Administration's (VA) office both opened, with $2 billion for the Department of "
        "Agriculture’s (USDA) Reconnect Program.",
    )
    glossary, _ = find_glossary((block,))
    expansions = {d.term: d.expansion for d in glossary}
    assert expansions["CEQ"] == "Council on Environmental Quality"
    assert expansions["VA"] == "Veterans' Administration"
    # What follows the possessive is the department's programme, not its name; the name
    # before it does not account for "US", so no definition is better than a wrong one.
    assert "Reconnect" not in expansions.get("USDA", "")
