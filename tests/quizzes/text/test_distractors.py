"""Wrong options: of the answer's kind and size, from the article first, never made up wildly."""

from __future__ import annotations

import pytest

from bench.rating import read_file
from quizzes.text import generate_questions, pool
from quizzes.text.facts import extract_facts
from quizzes.text.generation.drafts import (
    answer_stands_out,
    cut_short,
    organisation_names,
    value_distractors,
)
from quizzes.text.generation.entities import same_kind_names
from quizzes.text.generation.kinds.single_choice import _entity_gap
from quizzes.text.generation.source import Source
from tests.quizzes.text.builders import SHARED_ARTICLES, build_article


def source_of(paragraphs, **parsed):
    article = build_article(paragraphs, **parsed)
    return Source(article, extract_facts(article), 0)


def fact_valued(source, value):
    (fact,) = [f for f in source.all_facts if f.value == value and f.kind != "entity"]
    return fact


def single_choices(article, seeds=range(8)):
    return [
        q
        for seed_value in seeds
        for q in generate_questions(article, seed=seed_value)
        if q.kind == "single_choice"
    ]


def as_number(text):
    return float(text.replace(",", "").rstrip("stndrh"))


@pytest.mark.parametrize("value", ["450", "1,718", "14", "300", "2,500", "35,000", "6.9", "60"])
def test_nearby_numbers_are_never_halves_or_doubles(value):
    key = as_number(value)
    nearby = pool.nearby_numbers(value)
    assert len(nearby) >= 3
    for candidate in nearby:
        assert 0.55 < as_number(candidate) / key < 1.8, candidate


def test_nearby_numbers_keep_the_answers_format():
    assert all("," in n for n in pool.nearby_numbers("35,000"))
    assert all("." in n for n in pool.nearby_numbers("6.9"))
    assert all(n.endswith(("st", "nd", "rd", "th")) for n in pool.nearby_numbers("144th"))


def test_a_share_stays_a_share():
    for value in ("89", "95", "60", "7"):
        for candidate in pool.nearby_numbers(value, ceiling=100):
            assert 0 < as_number(candidate) <= 100


def test_the_articles_own_figures_in_the_same_unit_come_first():
    source = source_of(
        [
            "The army sent 1,200 soldiers to the north in spring.",
            "Later 1,500 soldiers followed, and 900 soldiers stayed behind.",
            "Another 2 soldiers guarded the gate, and the road is 1,100 kilometres long.",
        ]
    )
    fact = fact_valued(source, "1,200")
    distractors = value_distractors(source, fact, 3, "")
    assert {"1,500", "900"} <= set(distractors)
    # The same unit, but no reader would take 2 soldiers for 1,200.
    assert "2" not in distractors
    assert "1,100" not in distractors


def test_a_number_with_decimals_is_not_offered_for_a_whole_number():
    source = source_of(
        [
            "China accounted for 89% of exports and 40% of imports in 2025.",
            "The economy grew by 6.9% in 2025, and mining made up 25% of output.",
        ]
    )
    distractors = value_distractors(source, fact_valued(source, "40"), 3, "")
    assert len(distractors) == 3
    assert not any("." in d for d in distractors)


def test_no_year_is_later_than_any_the_article_mentions():
    source = source_of(["Eight journalists were killed in 2019.", "The first was killed in 2017."])
    distractors = value_distractors(source, fact_valued(source, "2019"), 3, "")
    assert len(distractors) == 3
    assert all(int(d) <= 2019 for d in distractors)


def test_no_decade_is_later_than_the_articles_latest_year():
    source = source_of(
        [
            "Ana Lima covered the civil war in the 1990s.",
            "Ana Lima was killed on January 18, 1995.",
        ]
    )
    distractors = value_distractors(source, fact_valued(source, "1990s"), 3, "")
    assert len(distractors) == 3
    assert all(int(d[:4]) < 1990 for d in distractors), distractors


def test_a_year_far_from_the_answer_comes_after_nearby_years():
    source = source_of(
        [
            "Since the 1962 missile crisis, the two countries have talked.",
            "Talks resumed in 2010, stalled in 2022 and ended in 2026.",
        ]
    )
    distractors = value_distractors(source, fact_valued(source, "1962"), 3, "")
    assert all(abs(int(d) - 1962) <= 20 for d in distractors), distractors


def test_a_year_gap_offers_years_within_a_few_of_the_answer():
    article = build_article(
        [
            "President Biden signed the Executive Order on research and manufacturing on "
            "July 28, 2023.",
            "The Executive Order directs most agencies to move reporting to a single portal by "
            "the end of 2025.",
            "The Bayh-Dole Act of 1980 lets universities own their inventions.",
        ]
    )
    asked = [q for q in single_choices(article) if "by the end of _____" in q.stem]
    assert asked
    for question in asked:
        assert all(abs(int(o) - 2025) <= 5 for o in question.options), question.options


def test_a_share_is_never_offered_above_a_hundred_percent():
    source = source_of(
        [
            "Sales rose 128% in 2023.",
            "The company offers grants and up to a 75% discount on security products.",
        ]
    )
    distractors = value_distractors(source, fact_valued(source, "75"), 3, "")
    assert distractors
    assert all(as_number(d) <= 100 for d in distractors), distractors


def test_growth_may_be_offered_above_a_hundred_percent():
    source = source_of(["Sales rose 128% in 2023.", "Profits rose 75% in 2024."])
    distractors = value_distractors(source, fact_valued(source, "75"), 3, "")
    assert "128" in distractors


def test_the_start_of_a_range_is_offered_only_before_its_end():
    source = source_of(
        [
            "Between 2008 and 2013, the fund built roads.",
            "Elections were held in 2016, 2020 and 2024, and a crisis came in 2025.",
        ]
    )
    for distractor in value_distractors(source, fact_valued(source, "2008"), 3, ""):
        assert int(distractor) < 2013


PLACES = [
    "A summit was held in Kazakhstan in October.",
    "Troops trained in Tajikistan, then moved to Uzbekistan and on to Kyrgyzstan.",
    "Ministers flew to Dushanbe and later to Almaty.",
    "The International Crisis Group published a report from Central Asia.",
]


def test_a_country_is_offered_only_among_countries():
    article = build_article(PLACES)
    asked = [q for q in single_choices(article) if q.correct == ("Kazakhstan",)]
    assert asked
    for question in asked:
        assert set(question.options) <= pool.COUNTRIES, question.options


def test_places_are_sorted_into_countries_regions_and_localities():
    assert pool.place_kind("Kazakstan") == "country"
    assert pool.place_kind("the United States") == "country"
    assert pool.place_kind("Central Asia") == "region"
    assert pool.place_kind("Aral Sea") == "region"
    assert pool.place_kind("Dushanbe") == "locality"


def test_no_organisation_comes_from_outside_the_article():
    article = build_article(
        [
            "In 2026, Mongolia became a founding member of the Board of Peace, an international "
            "organization.",
            "The Millennium Challenge Corporation funded roads, and the International Criminal "
            "Court issued a warrant.",
            "The Asian Development Bank lent money to the Mongolian People's Party government.",
        ]
    )
    text = " ".join(block.text for block in article.blocks)
    source = Source(article, extract_facts(article), 0)
    for fact in source.facts:
        if fact.kind == "relation" and fact.category != "place":
            for distractor in value_distractors(source, fact, 3, ""):
                assert distractor in text, distractor
    for question in single_choices(article):
        if question.stem.startswith("Which name completes"):
            for option in question.options:
                assert option in text, option


def test_the_pool_holds_no_organisations_or_roles_from_other_stories():
    for name in ("ORGANISATIONS", "PERSON_DESCRIPTIONS", "ORGANISATION_DESCRIPTIONS"):
        assert not hasattr(pool, name), name


def test_a_value_with_a_conversion_beside_it_gets_no_swap():
    # "a 400-kilometre (186-mile) border" would contradict itself.
    source = source_of(
        [
            "The 300-kilometre (186-mile) border runs through the mountains.",
            "A 250-kilometre road and a 400-kilometre railway were built in 2019.",
        ]
    )
    for value in ("300", "186"):
        assert value_distractors(source, fact_valued(source, value), 1, "") == []
    assert value_distractors(source, fact_valued(source, "300"), 3, "", conversion_removed=True)


def test_a_bound_gets_no_swap_as_a_value_on_its_one_side_would_be_true_too():
    source = source_of(
        [
            "The service had over 3 million visits to its website each month.",
            "It reached 5 million viewers and 2 million listeners in 2019.",
        ]
    )
    assert value_distractors(source, fact_valued(source, "3"), 3, "") == []
    assert value_distractors(source, fact_valued(source, "5"), 3, "")


def test_an_organisation_the_stem_names_by_its_acronym_is_not_offered():
    source = source_of(
        [
            "The Exchange Stabilization Fund (ESF) is a reserve of the Treasury.",
            "The ESF traded with the International Monetary Fund and the World Bank.",
            "Officials of the Asian Development Bank and the African Development Bank met.",
        ],
        glossary=[("ESF", "Exchange Stabilization Fund", "")],
    )
    stem = "The ESF traded with the _____ and the World Bank."
    imf = next(
        f for f in source.all_facts if f.value == "International Monetary Fund" and f.paragraph == 2
    )
    offered = value_distractors(source, imf, 3, stem)
    assert offered and "Exchange Stabilization Fund" not in offered


def test_a_party_is_offered_only_for_a_party():
    source = source_of(
        [
            "In 2026, Mongolia joined the Board of Peace, and the Democratic Party objected.",
            "Loans came from the Global Water Fund and the Asian Development Bank.",
            "The People's Party and the Green Party won seats.",
        ]
    )
    distractors = value_distractors(source, fact_valued(source, "Board of Peace"), 3, "")
    assert {"Global Water Fund", "Asian Development Bank"} <= set(distractors)
    assert not [d for d in distractors if "Party" in d]


def test_a_word_after_in_that_is_no_known_place_is_not_offered_as_a_city():
    source = source_of(
        [
            "Two bombs killed 25 people in Kabul on April 30, 2018.",
            "He wrote in Pashto and worked in Rain for a year.",
            "Fighting spread to Kandahar and to Herat.",
        ]
    )
    distractors = value_distractors(source, fact_valued(source, "Kabul"), 3, "")
    assert "Pashto" not in distractors
    assert "Rain" not in distractors


def test_a_name_cut_short_is_not_offered():
    source = source_of(
        [
            "Donors met at the International Fund for Saving the Aral Sea (IFAS) with the Asian "
            "Development Bank.",
            "In 2024, the valley joined the Global Water Fund.",
        ],
        glossary=[("IFAS", "International Fund for Saving the Aral Sea", "")],
    )
    distractors = value_distractors(source, fact_valued(source, "Global Water Fund"), 3, "")
    assert "International Fund for Saving" not in distractors


def test_two_names_of_one_body_are_not_both_offered():
    source = source_of(
        [
            "Officials briefed the Department of State in 2025.",
            "Analysts from the State Department and from the Defense Intelligence Agency "
            "disagreed.",
        ]
    )
    names = organisation_names(source)
    assert "Defense Intelligence Agency" in names
    assert len({"State Department", "Department of State"} & set(names)) == 1


def test_a_date_that_shares_its_month_with_one_option_and_its_day_with_another_stands_out():
    assert answer_stands_out(
        "March 4, 2026", ["March 18, 2026", "April 4, 2026", "August 9, 2024"], dates=True
    )
    assert not answer_stands_out(
        "June 25, 2006", ["December 18, 2006", "September 14, 2006", "June 18, 2006"], dates=True
    )


def test_a_date_alone_in_lacking_the_month_all_others_share_stands_out():
    assert answer_stands_out("May 11", ["February 18", "February 21", "February 11"], dates=True)


def test_a_figure_between_two_equidistant_ones_or_alone_in_not_being_round_stands_out():
    assert answer_stands_out("1,718", ["1,918", "1,518", "2,000"], dates=False)
    assert answer_stands_out("1,718", ["2,000", "3,000", "1,500"], dates=False)
    assert not answer_stands_out("2,500", ["2,000", "3,000", "1,500"], dates=False)
    assert not answer_stands_out("300", ["200", "400", "500"], dates=False)


def test_date_options_never_point_at_the_answer_by_their_pattern():
    source = source_of(
        [
            "The council met on February 11, 2026 to vote on the budget.",
            "The mayor resigned on February 18, 2026.",
            "Protests began on May 11, 2025 in the capital.",
            "A new law passed on March 2, 2024.",
        ]
    )
    fact = fact_valued(source, "February 11, 2026")
    distractors = value_distractors(source, fact, 3, "")
    assert len(distractors) == 3
    assert not answer_stands_out(fact.value, distractors, dates=True)


def test_numbers_offered_never_centre_on_the_answer():
    source = source_of(["The agency counted 1,718 warheads in the arsenal."])
    fact = fact_valued(source, "1,718")
    distractors = value_distractors(source, fact, 3, "")
    assert len(distractors) == 3
    assert not answer_stands_out(fact.value, distractors, dates=False)


def test_a_name_the_text_always_continues_is_not_offered_cut_short():
    source = source_of(
        [
            "The Canadian Space Agency joined the project.",
            "Officials of the White House Office of Science and Technology Policy attended.",
            "The National Space Council met in June.",
            "She led the American Association of People with Disabilities for a decade.",
        ]
    )
    names = organisation_names(source)
    assert "White House Office of Science" not in names
    assert "American Association of People" not in names
    assert cut_short(source.text, "White House Office of Science")
    assert cut_short(source.text, "American Association of People")
    assert not cut_short(source.text, "National Space Council")


def test_a_state_is_not_offered_among_bodies():
    source = source_of(
        [
            "Mongolia was a satellite state of the Soviet Union until 1990.",
            "The United Nations and the Constitutional Court were named in the report.",
            "The Democratic Party won the vote.",
        ]
    )
    assert "Soviet Union" not in organisation_names(source)


def test_a_surname_the_text_never_writes_alone_is_not_offered():
    # The Mongolia brief writes "Xi Jinping" only in full: "Jinping" is no surname to offer.
    article = read_file(SHARED_ARTICLES / "08_crs_mongolia_in_brief.txt")
    questions = [q for q in generate_questions(article) if q.kind == "single_choice"]
    surnames = [q for q in questions if "Zandanshatar" in q.options]
    assert surnames
    assert not any("Jinping" in q.options for q in questions)


def test_no_year_is_offered_that_the_stems_before_rules_out():
    source = source_of(
        [
            "The treaty was signed in 2005, before 2010 elections reshaped the council.",
            "The council expanded in 2012 and again in 2016.",
            "A review followed in 2019.",
        ]
    )
    fact = fact_valued(source, "2005")
    stem = "The treaty was signed in _____, before 2010 elections reshaped the council."
    distractors = value_distractors(source, fact, 3, stem)
    assert len(distractors) == 3
    assert all(int(d) <= 2010 for d in distractors), distractors


def test_a_bound_the_answer_itself_breaks_does_not_narrow_the_options():
    source = source_of(["The mine opened in 2015.", "Output fell after 2008 and in 2011."])
    fact = fact_valued(source, "2015")
    assert value_distractors(source, fact, 3, "The mine opened in _____, after 2018 reforms.")


def test_a_party_named_in_a_gap_is_offered_only_among_parties():
    article = read_file(SHARED_ARTICLES / "08_crs_mongolia_in_brief.txt")
    source = Source(article, extract_facts(article), 0)
    gaps = [
        _entity_gap(source, fact, f"k{index}")
        for index, fact in enumerate(source.facts)
        if fact.kind == "entity" and fact.value in ("Democratic Party", "DP", "MPP")
    ]
    parties = [draft for draft in gaps if draft is not None]
    assert parties
    expansions = {d.term: d.expansion for d in article.glossary}
    for question in parties:
        for option in question.options:
            assert "Part" in expansions.get(option, option), question.options


def test_a_university_is_offered_only_among_universities():
    source = source_of(
        [
            "Dr. Lin studied at Princeton University before joining the Treasury Department.",
            "She later taught at Duke University and advised the National Security Council.",
            "The Commerce Department and Stanford University signed a research agreement.",
        ]
    )
    fact = next(
        f for f in source.all_facts if f.value == "Princeton University" and f.kind == "entity"
    )
    offered = value_distractors(source, fact, 3, "Dr. Lin studied at _____ before joining.")
    assert offered
    assert all("University" in name for name in offered)


def test_a_figure_the_stem_prints_is_never_offered():
    source = source_of(
        [
            "The pilot sets goals of hiring 40% of apprentices and 20% of journeypersons.",
            "Only 30% of apprentices finished, and 50% of employers joined.",
        ]
    )
    stem = "The pilot sets goals of hiring _____% of apprentices and 20% of journeypersons."
    offered = value_distractors(source, fact_valued(source, "40"), 3, stem)
    assert offered and "20" not in offered


def test_run_in_headings_pointers_and_names_cut_at_a_comma_are_no_bodies():
    source = source_of(
        [
            "Launch of Fertilizer Fund: The Development Agency plans to provide $1.5 million.",
            "This Fertilizer Fund will help farmers, the World Bank said.",
            "Zambia's Ministry of Commerce, Trade and Industry and the Commerce Department met.",
        ]
    )
    names = organisation_names(source)
    assert "World Bank" in names
    assert not {"Launch of Fertilizer Fund", "This Fertilizer Fund", "Ministry of Commerce"} & set(
        names
    )


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The cost would fall to between $1.4 billion and $2.1 billion a year.", "1.4"),
        ("Required capital fell by 6.4% to 7.9%, depending on the group.", "7.9"),
        ("Credits ranged from a low of $743 in Iowa to a high of $1,150 in Ohio.", "1,150"),
    ],
)
def test_one_end_of_a_range_gets_no_swap(sentence, value):
    source = source_of([sentence, "The programme paid $3.5 billion to 24 states and $9.9 billion."])
    assert value_distractors(source, fact_valued(source, value), 3, "") == []


def test_the_tail_of_a_longer_name_is_no_body():
    source = source_of(
        [
            "The Internet for All Initiative will connect every home, the World Bank said.",
            "The U.S. Food and Drug Administration restricted imports of the drug.",
            "The FCC funded the Your Home, Your Internet Program and the Housing Authority.",
        ]
    )
    names = organisation_names(source)
    assert "World Bank" in names
    assert not {"All Initiative", "Drug Administration", "Your Internet Program"} & set(names)


def test_a_part_is_never_offered_larger_than_the_whole_the_stem_names():
    source = source_of(
        [
            "Of the 197 applicants selected, 177 represent entities from the national program.",
            "The programme gave 250 grants and 300 loans to 24 states.",
        ]
    )
    stem = "Of the 197 applicants selected, _____ represent entities from the national program."
    offered = value_distractors(source, fact_valued(source, "177"), 3, stem)
    assert offered and all(float(v) < 197 for v in offered)


def test_a_round_target_year_is_offered_among_round_years():
    source = source_of(
        [
            "The two governments aim to reach their net zero goals by 2050.",
            "Talks began in 2021 and a first plan followed in 2023.",
        ]
    )
    offered = value_distractors(source, fact_valued(source, "2050"), 3, "")
    assert offered and all(int(v) % 5 == 0 for v in offered)


def test_a_year_in_the_past_is_not_offered_years_the_article_looks_ahead_to():
    source = source_of(
        [
            "The mineral withdrawal was initiated in 2012 and extended in 2019.",
            "The agency opened 40 offices in 2021 and 2023.",
            "The monument will conserve a million acres by 2030, and new trails will open in 2028.",
        ]
    )
    distractors = value_distractors(source, fact_valued(source, "2012"), 3, "")
    assert len(distractors) == 3
    assert all(int(d) <= 2023 for d in distractors), distractors


def test_a_year_the_article_looks_ahead_to_is_offered_only_other_years_ahead():
    source = source_of(
        [
            "The factory will create 850 new jobs by 2030.",
            "It was founded in 2009, expanded in 2016 and doubled its staff in 2022.",
        ]
    )
    distractors = value_distractors(source, fact_valued(source, "2030"), 3, "")
    assert len(distractors) == 3
    assert all(int(d) > 2022 for d in distractors), distractors


def test_bodies_the_article_places_inside_one_another_are_not_offered_for_each_other():
    source = source_of(
        [
            "The program is run by the Harbour Health Bureau (HHB) within the Coastal Health "
            "Administration (CHA) of the Department of Island Services (DIS).",
            "The Coastal Health Administration funded 60 centers in 2024.",
            "The Port Safety Agency and the River Transport Agency met in 2023.",
        ],
        glossary=[
            ("HHB", "Harbour Health Bureau", ""),
            ("CHA", "Coastal Health Administration", ""),
            ("DIS", "Department of Island Services", ""),
        ],
    )
    fact = next(
        f
        for f in source.all_facts
        if f.value == "Coastal Health Administration" and f.paragraph == 2
    )
    sentence = "The _____ funded 60 centers in 2024."
    offered = set(same_kind_names(source, fact, sentence))
    assert offered
    assert not offered & {"Harbour Health Bureau", "HHB", "Department of Island Services", "DIS"}


def test_a_centre_is_not_offered_in_place_of_a_council():
    source = source_of(
        [
            "The office sits at the National Security Council in the capital.",
            "The navy will build a Component Repair Center for submarines.",
            "The Harbour Policy Council and the Coastal Trade Council met in 2023.",
        ]
    )
    fact = next(f for f in source.all_facts if f.value == "National Security Council")
    offered = set(same_kind_names(source, fact, "The office sits at the _____ in the capital."))
    assert "Component Repair Center" not in offered
    assert offered & {"Harbour Policy Council", "Coastal Trade Council"}


def test_a_court_is_offered_only_among_courts_and_no_clause_passes_for_a_name():
    source = source_of(
        [
            "Several states filed lawsuits in the Harbour Court of Trade in 2026.",
            "The Coastal Trade Council and the Port Safety Agency met in 2023.",
            "If the Army buys 40 launchers, costs will rise.",
        ]
    )
    names = {f.value for f in source.all_facts if f.kind == "entity"}
    assert "Port Safety Agency" in names
    assert "If the Army" not in names  # a clause opening on "If the", not a body
    fact = next(f for f in source.all_facts if f.value == "Harbour Court of Trade")
    offered = set(same_kind_names(source, fact, "Several states filed lawsuits in the _____."))
    assert not offered & {"Port Safety Agency", "If the Army"}


def test_the_year_of_a_presidential_election_is_offered_among_election_years():
    source = source_of(
        [
            "Hackers tried to sway the 2020 U.S. presidential election with 12 fake sites.",
            "The agency sanctioned 32 firms in 2021 and 14 more in 2023.",
        ]
    )
    fact = fact_valued(source, "2020")
    offered = value_distractors(source, fact, 3, "Hackers tried to sway the _____ election.")
    assert len(offered) == 3
    assert all((int(year) - 2020) % 4 == 0 for year in offered), offered


def test_a_deadline_in_days_is_offered_among_usual_deadlines():
    source = source_of(
        ["The order instructs the minister to submit a plan for 40 border posts within 90 days."]
    )
    fact = fact_valued(source, "90")
    offered = value_distractors(source, fact, 3, "… within _____ days.")
    assert len(offered) == 3
    assert set(offered) <= {"30", "45", "60", "120", "180", "270", "365"}, offered


def test_a_gap_after_an_is_offered_only_numbers_read_with_an():
    article = build_article(
        [
            "The Udall Foundation led an 18-month effort to record oral histories in 2023.",
            "The Foundation trained 12 interviewers and 20 archivists in 22 states.",
            "It spent 80 days and 11 weeks on the 180 recordings.",
        ]
    )
    asked = [q for q in single_choices(article) if "an _____" in q.stem]
    for question in asked:
        assert all(o.startswith("8") or o in ("11", "18") for o in question.options), (
            question.options
        )


@pytest.mark.parametrize(
    ("name", "post"),
    [
        ("Vice Chairman of the Gateway Development Commission", True),
        ("State Treasurer of the Commonwealth", True),
        ("Secretary of State", True),
        ("Department of Energy", False),
        ("Board of the Municipal Securities Rulemaking Board", False),
        ("Bank of America", False),
    ],
)
def test_a_post_at_a_body_is_told_from_the_body(name, post):
    from quizzes.text.generation.drafts import is_a_post

    assert is_a_post(name) is post


def test_an_office_after_its_owners_name_is_offered_only_among_offices():
    stem = (
        "Ana Costa has served as the Director of Investigations with the National Harbour "
        "Foundation’s _____ since 2018."
    )
    source = source_of(
        [
            stem.replace("_____", "Office of Inspector General"),
            "Ms. Costa also served as an Assistant Counsel with the Department of Fisheries’s "
            "Office of Professional Responsibility from 2007 to 2009.",
            "Sousa Vidal served as General Counsel to the Coastal Department of Transportation "
            "from 2011 to 2013.",
        ]
    )
    fact = next(f for f in source.all_facts if f.value == "Office of Inspector General")
    offered = same_kind_names(source, fact, stem)
    assert offered == ["Office of Professional Responsibility"]
