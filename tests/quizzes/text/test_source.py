"""What question builders see of an article: stems that stand alone, facts worth asking."""

import dataclasses

import pytest

from quizzes.text.facts import extract_facts
from quizzes.text.generation.aspects import blank_out, swap_value
from quizzes.text.generation.source import Source
from tests.quizzes.text.builders import build_article


def source_of(paragraphs, people=(), glossary=()):
    article = build_article(paragraphs, people=people, glossary=glossary)
    return Source(article, extract_facts(article), 0)


def fact_with(source, value, *, askable=True):
    facts = source.facts if askable else source.all_facts
    return next(f for f in facts if f.value == value)


def asked_values(source):
    return {f.value for f in source.facts}


# Pronouns and references to other sentences -------------------------------------


def test_a_leading_he_becomes_the_one_person_the_sentence_before_names():
    source = source_of(
        [
            "Defence expert Parviz Rasulov studied the border for years. "
            "He counted 1,400 kilometres of unguarded frontier in 2015."
        ],
        people=[("Parviz Rasulov", "Defence expert")],
    )
    shown = source.resolved_sentence(fact_with(source, "2015"))
    assert shown.startswith("Parviz Rasulov counted 1,400 kilometres")


def test_a_leading_he_after_a_sentence_naming_two_people_is_not_asked():
    source = source_of(
        [
            "Parviz Rasulov met Qosimsho Iskandarov in Dushanbe. "
            "He counted 1,400 kilometres of unguarded frontier in 2015."
        ],
        people=[("Parviz Rasulov", "Defence expert"), ("Qosimsho Iskandarov", "analyst")],
    )
    assert "2015" not in asked_values(source)
    assert not source.stands_alone(fact_with(source, "2015", askable=False))


@pytest.mark.parametrize(
    "sentence",
    [
        "It opened 12 new border posts in 2015.",
        "They opened 12 new border posts in 2015.",
        "The committee opened 12 new border posts in 2015.",
        "This plan opened 12 new border posts in 2015.",
        "For example, the army opened 12 new border posts in 2015.",
        "A month later the army opened 12 new border posts in Khatlon.",
        "The army opened 12 new border posts on the same day.",
        "Last year the army opened 12 new border posts in Khatlon.",
        "On Sunday the army opened 12 new border posts in Khatlon.",
        "The army also, as before, opened 12 new border posts in 2015.",
        "The leaders also applaud the 12 new border posts opened in 2015.",
        "The delegation visited 12 new border posts in 2015.",
        "Officials from the 12 border posts opened in 2015 also joined.",
        "Guards from the 12 border posts opened in 2015 attended.",
        "All other units opened 12 new border posts in 2015.",
        "Only the army opened 12 new border posts in 2015.",
        "The army opened 12 new border posts the previous December.",
        "In 2015, the army reported:",
        "In 2015 officers confiscated his equipment, including a phone.",
        "The army opened nearly12 new border posts in 2015.",
        "The Border Program (BP)funds 12 new border posts opened in 2015.",
        "The army could open 12 new border posts in 2015.",
        "Approximately 12 new border posts in 2015 for the army.",
        "In 2015 the army opened 12 of these posts.",
        "The author acknowledges the army, which opened 12 new border posts in 2015.",
        "An additional 12 new border posts opened in 2015.",
        "Section 12 required the army to open new border posts in 2015.",
        "The new pilot program opened 12 new border posts in 2015.",
        "The army used the same authority to open 12 new border posts in 2015.",
        "12 new border posts at risk of losing guaranteed funding in 2015.",
        "A partnership with the Harbour Climate Fund, for the 2015 border programme.",
        "Nearly $12 million for armored carriers for the border posts of 2015.",
        "Over the past two years the army opened 12 new border posts in Khatlon.",
        "In 2015, Research Assistant Ann Lee provided analytical support for 12 border posts.",
        "The army received $12 millionto open new border posts in 2015.",
        "The army opened 12 new border posts in 2015, as planned in 2014.)",
        "Posts: 12 (2015)",
        "The two sides opened 12 new border posts in 2015.",
        "The army opened 12 new border posts in 2015 in the areas listed above.",
        "The E.O. directed the army to open 12 new border posts in 2015.",
        "the army opened 12 new border posts in 2015; and",
        "Will the army open 12 new border posts in 2015, or keep the old ones?",
        "For the units subject to it, the army opened 12 new border posts in 2015.",
        "Anvar Tursunov assumed its command of 12 new border posts in 2015.",
        "In 2015 the army closed 12 border posts for similar violations.",
        "Opening the 12 new border posts in 2015, which enables guards to rest as needed.",
        "As a founder of the Khatlon Border Party, she opened 12 new border posts in 2015.",
        "Under the order, the army opened 12 new border posts in 2015.",
        "Together, they opened 12 new border posts in 2015.",
        "Most units of the Khatlon Border Guard as well as the 12 Sughd posts.",
        "Continuing to support enhanced patrols at 12 new border posts in 2015.",
        "The army \u2018s engineers opened 12 new border posts in 2015.",
        "The army is delivering on that promise by opening 12 new border posts in 2015.",
    ],
)
def test_a_sentence_leaning_on_another_is_not_asked(sentence):
    source = source_of(["The Tajik army guards the southern frontier with Afghanistan.", sentence])
    assert not [f for f in source.facts if f.paragraph == 2]


@pytest.mark.parametrize(
    "sentence",
    [
        "If the talks fail, the army could open 12 new border posts in 2015.",
        "The army opened 12 new border posts in 2015, but these posts are unmanned.",
        "Approximately 12 new border posts were opened in 2015.",
        "A new fund supports 12 border posts opened in 2015.",
        "A fire broke out at 12 border posts in 2015.",
    ],
)
def test_a_condition_a_verb_or_a_thing_named_in_the_sentence_keeps_it_asked(sentence):
    source = source_of(["The Tajik army guards the southern frontier with Afghanistan.", sentence])
    assert [f for f in source.facts if f.paragraph == 2]


def test_the_date_a_figure_was_counted_as_of_is_not_asked():
    source = source_of(["The army had opened 12 new border posts as of March 2015."])
    assert "March 2015" not in asked_values(source)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (
            "Under section 7 of Executive Order 13636 of February 12, 2013, the army opened "
            "12 new border posts.",
            "February 12, 2013",
        ),
        (
            "In a survey conducted by the Border Institute in 2022, 27% of guards reported "
            "threats at the 12 new border posts.",
            "2022",
        ),
        (
            "Since releasing the Border Action Plan in June 2022, the army has opened 12 new "
            "border posts.",
            "June 2022",
        ),
        (
            "In 2023, a State Border Committee memo asserted that the 12 new border posts were "
            "unmanned.",
            "2023",
        ),
        (
            "President Rahmon signed an order on the emergency declared in E.O. 13873 of "
            "May 15, 2019, and the army opened 12 new border posts.",
            "May 15, 2019",
        ),
        (
            "In December 2023, the State Border Committee (SBC) released a report that found "
            "the army had opened 12 new border posts.",
            "December 2023",
        ),
        (
            "As discussed at the Border Council meeting in November 2022, both sides plan to "
            "open 12 new border posts.",
            "November 2022",
        ),
    ],
)
def test_the_date_a_cited_document_bears_is_not_asked(sentence, date):
    source = source_of([sentence])
    assert date not in asked_values(source)
    assert "12" in asked_values(source)


def test_the_date_of_a_meeting_that_is_the_news_stays_asked():
    source = source_of(["The Border Council met in November 2022 and opened 12 new border posts."])
    assert "November 2022" in asked_values(source)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rasulov is married to Nigora Rasulova, who is an author and playwright of 12 plays.",
        "Rasulov is the father of two children and has written 12 books on the border.",
        "Rasulov lives in Dushanbe with his wife and their 12 grandchildren.",
    ],
)
def test_a_nominee_s_family_is_not_asked(sentence):
    source = source_of([sentence], people=[("Rasulov", "")])
    assert not source.facts


def test_families_a_policy_serves_are_still_asked():
    source = source_of(["In 2021, parents in Khatlon enrolled their children in 12 new schools."])
    assert "12" in asked_values(source)


def test_the_date_of_an_event_beside_a_document_stays_asked():
    source = source_of(
        ["In 2015, the army opened 12 new border posts, the State Border Committee reported."]
    )
    assert "2015" in asked_values(source)


def test_how_much_someone_has_published_is_not_asked():
    source = source_of(
        [
            "Rasulov has published over 100 articles on the border.",
            "In 2021, Rasulov opened 12 new border posts in Khatlon.",
        ],
        people=[("Rasulov", "")],
    )
    assert "100" not in asked_values(source)
    assert "12" in asked_values(source)


def test_a_count_the_list_after_it_gives_away_is_not_asked():
    counted = "The top 4 allocations went to Khatlon, Sughd, Dushanbe and Badakhshan in 2023."
    source = source_of(
        [counted, "The Border Committee opened 12 new border posts in Khatlon in 2023."]
    )
    assert "4" not in asked_values(source)
    assert "12" in asked_values(source)


def test_a_month_its_sentence_gives_no_year_is_not_asked():
    source = source_of(
        [
            "In March, President Rahmon signed an Executive Order on the 12 new border posts.",
            "In May, 2,500 soldiers from a joint CSTO force held wargames in Khatlon.",
            "In June 2015, 3,000 soldiers from a joint CSTO force held wargames in Sughd.",
        ]
    )
    asked = asked_values(source)
    assert "March" not in asked
    assert "May" not in asked
    assert "June 2015" in asked


def test_how_many_chapters_a_document_has_is_not_asked():
    source = source_of(["The border guidebook contains 11 chapters on the 12 new border posts."])
    assert "11" not in asked_values(source)
    assert "12" in asked_values(source)


def test_a_weekday_beside_its_date_is_no_obstacle():
    source = source_of(["On Sunday, March 3, the army opened 12 new border posts in Khatlon."])
    assert "March 3" in asked_values(source)


def test_an_also_tying_a_sentence_to_the_one_before_is_dropped_from_the_stem():
    source = source_of(
        ["The ministry closed two crossings. The army also opened 12 new border posts in 2015."]
    )
    blanked = blank_out(source, fact_with(source, "2015"))
    assert blanked is not None and blanked.startswith("The army opened 12 new border posts in")
    statement = source.resolved_sentence(fact_with(source, "12"))
    assert statement == "The army opened 12 new border posts in 2015."


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        (
            "Today, the army opened 12 new border posts in Khatlon.",
            "The army opened 12 new border posts in Khatlon.",
        ),
        (
            "New Posts: Today the army opened 12 new border posts in Khatlon.",
            "The army opened 12 new border posts in Khatlon.",
        ),
        (
            "Army recruiting has recently seen 12 new border posts open in Khatlon.",
            "Army recruiting has seen 12 new border posts open in Khatlon.",
        ),
    ],
)
def test_a_today_or_recently_dating_a_release_is_dropped_from_the_stem(sentence, shown):
    source = source_of([sentence])
    assert source.resolved_sentence(fact_with(source, "12")) == shown


@pytest.mark.parametrize(
    "sentence",
    [
        "Until recently, the army opened 12 new border posts in Khatlon.",
        "As recently as 2015, the army opened 12 new border posts in Khatlon.",
        "The army opened 12 new border posts in Khatlon today.",
    ],
)
def test_a_time_that_is_part_of_the_claim_keeps_the_sentence_unasked(sentence):
    source = source_of([sentence])
    assert "12" not in asked_values(source)


def test_a_linking_opener_is_dropped_from_the_stem():
    source = source_of(["However, the army opened 12 new border posts in 2015."])
    blanked = blank_out(source, fact_with(source, "2015"))
    assert blanked is not None and blanked.startswith("The army opened 12 new border posts in")


@pytest.mark.parametrize(
    "heading",
    [
        "New Posts: ",
        "U.S.-Tajik MOU on Border Development: ",
        "Phase 2 Outcomes:  ",
        "Ending the Purchase of Monoclonal Antibody Treatments, Scaling Back State/Territory "
        "Allocations: ",
        "Incorporate the best freight planning practices into state plans: ",
    ],
)
def test_a_run_in_heading_is_dropped_from_the_stem(heading):
    source = source_of([f"{heading}The army opened 12 new border posts in 2015."])
    blanked = blank_out(source, fact_with(source, "2015"))
    assert blanked is not None and blanked.startswith("The army opened 12 new border posts in")


def test_a_sentence_leading_to_a_colon_is_no_heading():
    source = source_of(["The army reported two things: It opened 12 new border posts in 2015."])
    blanked = blank_out(source, fact_with(source, "2015"))
    assert blanked is not None and blanked.startswith("The army reported two things:")


# Text hygiene -------------------------------------------------------------------


def test_footnote_markers_are_left_out_of_stems_and_statements():
    source = source_of(["The army opened 12 new border posts in 2015.[iv] Others followed."])
    fact = fact_with(source, "2015")
    assert source.resolved_sentence(fact) == "The army opened 12 new border posts in 2015."
    assert blank_out(source, fact) == "The army opened 12 new border posts in _____."
    assert swap_value(source, fact, "2019") == "The army opened 12 new border posts in 2019."


def test_a_long_stem_is_cut_at_its_end_and_never_starts_mid_sentence():
    long_tail = " ".join(["and the posts were staffed by conscripts from every region"] * 6)
    source = source_of([f"The army opened 12 new border posts in 2015, {long_tail}."])
    blanked = blank_out(source, fact_with(source, "2015"))
    assert blanked is not None
    assert blanked.startswith("The army opened 12 new border posts in")
    assert blanked.endswith("\u2026")


@pytest.mark.parametrize("words_before_the_name", range(4, 14))
def test_a_long_stem_is_never_cut_inside_a_name_or_after_a_word_that_leads_on(
    words_before_the_name,
):
    lead = " ".join(["quiet"] * words_before_the_name)
    long_tail = " ".join(["and the posts were staffed by conscripts from every region"] * 6)
    source = source_of(
        [
            f"On March 3, 2015, {lead} officials of the Centers for Disease Control and "
            f"Prevention opened 12 new border posts, {long_tail}."
        ]
    )
    blanked = blank_out(source, fact_with(source, "March 3, 2015"))
    assert blanked is not None and blanked.endswith("\u2026")
    last_word = blanked.removesuffix("\u2026").split()[-1]
    assert last_word not in {"the", "of", "Centers", "for", "Disease", "Control", "and"}


# Facts not worth asking ---------------------------------------------------------


def test_the_date_of_a_dateline_is_not_asked():
    source = source_of(
        ["DUSHANBE, March 3 (Reuters) - The army opened 12 new border posts in Khatlon."]
    )
    assert "March 3" not in asked_values(source)


@pytest.mark.parametrize(
    "sentence",
    [
        "In a March 2024 report, the ministry said the army opened border posts in Khatlon.",
        "The ministry said in a statement on March 3 that the army opened posts in Khatlon.",
        "See CRS In Focus IF12345, Tajikistan, updated March 2024.",
        "According to a November 2023 ministry inspector general report, the army has 12 posts.",
        "According to February 2026 discussions with the ministry, the army has 12 border posts.",
        "A 2024 study revealed that over a quarter of the border posts in Khatlon were empty.",
        "According to a 2025 economics study, most border posts in Khatlon are understaffed.",
    ],
)
def test_when_something_was_published_is_not_asked(sentence):
    source = source_of([sentence])
    assert not [f for f in source.facts if f.kind == "date"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The House ordered reported the Border, Food, and National Security Act of 2026 in May.",
        "The Consolidated Appropriations Act, 2026 (P.L. 119-75), kept the border posts open.",
    ],
)
def test_the_year_in_a_law_s_name_is_not_asked(sentence):
    source = source_of([sentence])
    assert "2026" not in asked_values(source)


def test_the_size_of_a_study_s_sample_is_not_asked():
    source = source_of(
        [
            "A 2025 study based on data from 354 border posts found most were understaffed.",
            "A survey of 1,200 residents of Khatlon found that most backed the new posts.",
        ]
    )
    asked = {f.value for f in source.facts if f.kind == "quantity"}
    assert not asked & {"354", "1,200"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Grant Facility received $25 million from the ministry in 2015.",
        "The Office of the President opened 12 new border posts in 2015.",
        "Under a shutdown, 10,000 children would immediately lose access to 12 border schools.",
        "President Rahmon stated that the army would open 12 new border posts in Khatlon.",
    ],
)
def test_a_named_body_a_stated_condition_or_a_speaker_keeps_the_sentence_asked(sentence):
    source = source_of([sentence])
    assert [f for f in source.facts if f.kind in ("quantity", "date")]


def test_a_year_after_initials_is_part_of_a_programme_s_name():
    source = source_of(["Under PACC 2030, the ministry will open 12 new border posts."])
    assert "2030" not in asked_values(source)


def test_a_map_s_credit_line_is_not_asked():
    source = source_of(
        ["Created from CRS using data from the U.S. Department of State in March 2024."]
    )
    assert not source.facts


def test_a_one_the_singular_after_it_gives_away_is_not_asked_but_one_billion_is():
    source = source_of(
        [
            "Currently, border posts in Khatlon are 90 percent staffed, just 1 percentage point "
            "below their levels at the end of 2019.",
            "Tajikistan stands to collect as much as $1 billion a year in transit fees from 2027.",
        ]
    )
    asked = {(f.paragraph, f.value) for f in source.facts if f.kind == "quantity"}
    assert (1, "1") not in asked
    assert (2, "1") in asked


def test_an_event_date_in_a_sentence_naming_a_report_is_still_asked():
    source = source_of(["The army opened 12 new border posts in Khatlon in March 2024."])
    assert "March 2024" in asked_values(source)


def test_a_description_the_article_gives_several_people_is_not_asked():
    source = source_of(
        [
            "Lesley Weiss, Commission Member, inspected the border posts in Khatlon.",
            "Michael Lozman, Commission Member, inspected the border posts in Sughd.",
            "Farrukh Nazarov, the commission's treasurer, paid for the new posts.",
        ],
        people=[
            ("Lesley Weiss", "Commission Member"),
            ("Michael Lozman", "Commission Member"),
            ("Farrukh Nazarov", "the commission's treasurer"),
        ],
    )
    described = {f.subject for f in source.facts if f.kind == "person"}
    assert described == {"Farrukh Nazarov"}


def test_who_holds_a_well_known_office_is_not_asked():
    source = source_of(
        ["President Emomali Rahmon met local mayor Paulino Dominguez in Khatlon."],
        people=[("Emomali Rahmon", "President"), ("Paulino Dominguez", "local mayor")],
    )
    described = {f.subject for f in source.facts if f.kind == "person"}
    assert described == {"Paulino Dominguez"}


@pytest.mark.parametrize(
    "sentence",
    [
        "A 2025 intelligence assessment stated that the army opened 12 border posts in Khatlon.",
        "According to a 2026 FAS estimate, the army has around 1,770 soldiers in Khatlon.",
        "The ministry announced on March 3 that the army opened 12 border posts in Khatlon.",
        "The DIA stated in 2025 that the army opened 12 border posts in Khatlon.",
        "In 2018, President Rahmon stated that the army would open 12 border posts in Khatlon.",
        "The 2024 ATA said that the army opened 12 border posts in Khatlon.",
        "General Karimov testified in April 2024 that the army opened 12 border posts in Khatlon.",
    ],
)
def test_when_something_was_assessed_or_said_is_not_asked(sentence):
    source = source_of([sentence])
    assert not [f for f in source.facts if f.kind == "date"]


@pytest.mark.parametrize(
    "sentence",
    [
        "When leaders gathered in Dushanbe on September 15, Putin said his country would help.",
        "The militants announced a withdrawal from the northeastern city on October 3.",
        "A second compact to build water infrastructure concluded in March 2026.",
    ],
)
def test_the_date_of_an_event_reported_beside_a_statement_is_still_asked(sentence):
    source = source_of([sentence])
    assert [f for f in source.facts if f.kind == "date"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nazarov joined the border service in 1998 and now commands the Khatlon posts.",
        "Nazarov graduated from Tajik National University in 2004 before moving to Khatlon.",
    ],
)
def test_the_year_someone_joined_or_graduated_is_not_asked(sentence):
    source = source_of([sentence])
    assert not [f for f in source.facts if f.kind == "date"]


def test_the_years_someone_spent_at_an_employer_are_not_asked():
    source = source_of(["Nazarov spent 15 years at the border service before 12 posts opened."])
    assert "15" not in asked_values(source)
    assert "12" in asked_values(source)


def test_the_hours_in_a_day_are_not_asked():
    source = source_of(
        ["The 12 posts are staffed 24 hours per day, 7 days per week, by 300 guards."]
    )
    values = asked_values(source)
    assert "24" not in values and "7" not in values
    assert "300" in values


@pytest.mark.parametrize(
    "title",
    ["Then-President", "General", "Police Colonel", "Congresswoman", "officer", "a deputy mayor"],
)
def test_a_bare_title_is_no_description_worth_asking(title):
    source = source_of(
        ["Farrukh Nazarov inspected the new border posts in Khatlon."],
        people=[("Farrukh Nazarov", title)],
    )
    assert not [f for f in source.facts if f.kind == "person"]


def test_a_title_with_its_organisation_is_a_description_worth_asking():
    role = "Director of the Office of Science and Technology Policy"
    source = source_of(
        [f"Farrukh Nazarov, {role}, inspected the new border posts in Khatlon."],
        people=[("Farrukh Nazarov", role)],
    )
    assert [f.value for f in source.facts if f.kind == "person"] == [role]


@pytest.mark.parametrize(
    "sentence",
    [
        "The act set aside $52 billion for chip factories in 2022.",
        "The request sought $52 billion for chip factories in 2022.",
        "Under the agreement, the army opened 12 new border posts in 2015.",
        "The aforementioned strikes destroyed 12 border posts in 2015.",
        "Such a test would take 12 months to prepare in Khatlon.",
        "The latter opened 12 new border posts in 2015.",
        "Said agreement opened 12 new border posts in 2015.",
        "Department programs for border security opened 12 new posts in 2015.",
        "The surcharge lasted 127 days, until an agreement on border posts in 2015.",
        "The notification opened a review of 12 border posts in 2015.",
        "The FY2027 request is $37.1 million, an increase of 94.2% over 2026.",
        "The FY2027 discretionary budget request is $38.7 million, up 5.4% on 2026.",
        "The total represents a 29.0% increase over the FY2026 enacted level.",
        "The Administration has been clear that we need Congress to provide $22.5 billion.",
        "The ministry projects that the new rule will add 12 border posts in 2027.",
        "The 2024 extension applied to both programs and their 12 border posts.",
        "As part of this 2022 law, Congress funded 12 new border posts in Khatlon.",
        "Partners include the Aga Khan Fund, Grow Khatlon, and 12 border villages since 2015.",
        "The convening closed with a call to open 12 new border posts by 2027.",
        "The Army cancelled all five contracts for the 12 border posts in 2015.",
        "Tajikistan will contribute $25 million to the Facility in 2027.",
        "Older farmers would see especially large price spikes of 12 percent in Khatlon.",
        "Open competition for the first round of 12 border post grants within 90 days.",
        "From there, soldiers will patrol the 12 border posts until September 2027.",
        "So, when you patrol it in 12-foot snow, as done in the case in Khorog, it stalls.",
        "Prior to that, Rasulov was the chief prosecutor of Khatlon for 12 years.",
        "The funds are being awarded under a programme that opened 12 border posts in 2015.",
        "The final standards will avoid 12 million tons of emissions by 2032.",
        "Awards range from $27 million to over $3.3 billion, with a minimum of $107 million.",
        "Some members praised the army for opening 12 border posts in 2015.",
        "In 2015, the army took such decisive action on the 12 border posts in Khatlon.",
    ],
)
def test_a_definite_reference_to_something_named_elsewhere_is_not_asked(sentence):
    source = source_of(["Parliament debated border security at length.", sentence])
    assert not [f for f in source.facts if f.paragraph == 2]


@pytest.mark.parametrize(
    ("named", "described"),
    [
        (
            "President Rahmon designated the Zorkul National Monument in 2015.",
            "The national monument spans approximately 506,814 acres of the Pamir.",
        ),
        (
            "Parliament awarded the Khatlon Gold Medal to the border guards in 2015.",
            "The gold medal was struck from 506,814 grams of Pamir gold.",
        ),
    ],
)
def test_a_thing_described_by_a_word_before_its_name_s_last_word_is_not_asked(named, described):
    source = source_of([named, described])
    assert "506,814" in {f.value for f in source.all_facts}
    assert "506,814" not in asked_values(source)


def test_a_thing_the_sentence_names_right_after_a_comma_is_no_dangling_reference():
    source = source_of(
        [
            "The Border Task Force met in Khorog in 2015.",
            "The task force, officially known as the Border Task Force, has 12 members.",
        ]
    )
    assert "12" in asked_values(source)


def test_a_thing_the_sentence_names_is_no_dangling_reference():
    source = source_of(
        ["The act, the CHIPS Act, set aside $52 billion for chip factories in 2022."]
    )
    assert "2022" in asked_values(source)


def test_a_thing_the_title_names_is_no_dangling_reference():
    article = build_article(
        ["The act set aside $52 billion for chip factories in 2022."],
        title="What the CHIPS Act pays for",
    )
    source = Source(article, extract_facts(article), 0)
    assert "2022" in asked_values(source)


def test_a_request_under_each_heading_dangles_even_when_the_title_names_a_request():
    article = build_article(
        [
            "Fees of Jurors",
            "This account pays jurors. The FY2027 request is $37.1 million, up 94.2% on 2026.",
            "Vaccine Injury Compensation",
            "This account pays claims. The FY2027 request is $12.1 million, level with 2026.",
            "The FY2027 request for AO is $113.8 million, an increase of 6.4% over 2026.",
        ],
        title="Judiciary Budget Request for FY2027",
    )
    source = Source(article, extract_facts(article), 0)
    asked = asked_values(source)
    assert not asked & {"37.1", "94.2", "12.1"}
    # Naming whose request it is makes the sentence stand alone again.
    assert {"113.8", "6.4"} <= asked


def test_a_possessive_before_a_fiscal_year_is_no_name():
    source = source_of(
        [
            "As the judiciary's research entity, the Federal Judicial Center studies courts.",
            "The center's FY2027 request is $35.6 million, an increase of 1.4% over 2026.",
        ]
    )
    assert not [f for f in source.facts if f.paragraph == 2]


# What the text states -----------------------------------------------------------


def test_a_value_stated_in_another_sentence_about_the_same_subject_counts_as_stated():
    source = source_of(
        [
            "The talks in Vienna were held on March 3 and 4.",
            "The border posts were opened on March 9.",
        ]
    )
    assert source.states("The talks in Vienna were held", "March 4")
    assert source.states("The talks in Vienna were held", "March 3")
    assert not source.states("The talks in Vienna were held", "March 9")


def test_the_age_of_someone_met_in_passing_is_not_asked():
    source = source_of(
        ["A 45-year-old shopkeeper said the market had been closed for 3 days in 2015."]
    )
    assert asked_values(source) >= {"3", "2015"}
    assert "45" not in asked_values(source)


def test_a_relative_time_in_minutes_is_not_shown():
    source = source_of(
        [
            "The first bomb exploded in Kabul on April 30, 2018. "
            "Roughly 20 minutes later, 12 journalists arrived to cover the explosion."
        ]
    )
    assert "12" not in asked_values(source)


def test_an_organisation_name_is_never_a_piece_of_a_longer_name():
    from quizzes.text.generation.source import _organisation_names

    text = (
        "Mongolia has joined the National Guard State Partnership Program. "
        "Katherine Scarlett is Chief of Staff at the White House Council on Environmental "
        "Quality. The talks included the Tajik Border Service."
    )
    names = _organisation_names(text)
    assert "National Guard State" not in names
    assert "Partnership Program" not in names
    assert "White House Council" not in names
    assert "Tajik Border Service" in names


def test_a_linking_opener_goes_but_a_phrase_that_begins_alike_stays():
    from quizzes.text.generation.source import _DROPPABLE_OPENER

    assert _DROPPABLE_OPENER.sub("", "In addition, the agency hired staff.") == (
        "the agency hired staff."
    )
    assert _DROPPABLE_OPENER.sub("", "However the court ruled.") == "the court ruled."
    kept = "In addition to Orion, SLS carries small satellites."
    assert _DROPPABLE_OPENER.sub("", kept) == kept
    assert _DROPPABLE_OPENER.sub("", "Still unclear is the cost.") == "Still unclear is the cost."


def test_a_title_read_from_inside_a_name_is_not_asked():
    article = build_article(
        [
            "The tolls were approved in 2019 by then-New York Governor Andrew Cuomo, who "
            "signed the budget on April 1, 2019.",
            "Former Transport Secretary Pete Buttigieg approved the plan on June 26, 2023.",
        ],
        people=[("Andrew Cuomo", "York Governor"), ("Pete Buttigieg", "Transport Secretary")],
    )
    source = Source(article, extract_facts(article), seed=0)
    asked = {f.value for f in source.all_facts if f.kind == "person" and source.worth_asking(f)}
    assert "York Governor" not in asked
    assert "Transport Secretary" in asked


def test_a_name_in_the_possessive_is_mentioned_but_a_year_inside_a_decade_is_not():
    from quizzes.text.generation.source import mentions

    assert mentions("in the Fires Battalion of the Army's five Task Forces", "Army")
    assert mentions("the ESF’s assets", "ESF")
    assert not mentions("Armistice talks", "Army")
    assert not mentions("since the 1990s", "1990")


@pytest.mark.parametrize(
    "sentence",
    [
        "Provided 200 ventilators to 29 healthcare facilities in 15 states in 2021.",
        "Partnered with more than 1,000 facilities to train 14,000 people in 2021.",
        "Helps states buy 300 new buses for rural routes by 2027.",
        "Instructs the Secretary of Transport and the Secretary of State, along with the "
        "Secretary of Commerce, to submit a plan within 90 days.",
        "Promotes 300 new bus routes and revitalizes rural depots by 2027.",
    ],
)
def test_a_list_item_that_opens_on_its_verb_is_not_asked(sentence):
    source = source_of([sentence])
    assert not source.facts


def test_a_participle_that_leads_to_its_subject_is_still_asked():
    source = source_of(["Founded in 2002, the fund has invested more than $53 billion."])
    assert "2002" in asked_values(source)


def test_a_sentence_cut_short_is_not_asked():
    source = source_of(["Within 14 days of the order, the agency was to"])
    assert not source.facts


def test_a_sentence_on_a_thing_the_article_names_in_full_elsewhere_is_not_asked():
    source = source_of(
        [
            "The President designated the Bears Ears National Monument in Utah.",
            "The new monument contains over 3,000 known cultural sites.",
            "Bears Ears National Monument covers 1.36 million acres.",
        ]
    )
    assert "3,000" not in asked_values(source)
    assert "1.36 million" in asked_values(source) or "1.36" in asked_values(source)


def test_a_sentence_that_points_to_a_table_below_is_not_asked():
    source = source_of(
        [
            "Taxpayers in the bottom 27% received 0.8% of benefits "
            "(rounded to 1% in the table below)."
        ]
    )
    assert not source.facts


def test_a_person_named_only_in_the_acknowledgements_is_not_asked_about():
    source = source_of(
        [
            "The agency awarded 64,000 grants in 2024.",
            "Research Assistant Joe Angert provided analytical support.",
        ],
        people=[("Joe Angert", "Research Assistant")],
    )
    assert not [f for f in source.facts if f.kind == "person"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Vale received his J.D. from the Harbour Law School in 2005.",
        "Ms. Ode served as a law clerk for Judge Ann Ruiz from 1997 to 1998.",
        "Ann Ode earned a master's degree in engineering at the Harbour Institute in 2011.",
    ],
)
def test_the_years_of_a_curriculum_vitae_are_not_asked(sentence):
    source = source_of([sentence])
    assert not [f for f in source.facts if f.kind == "date"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Adm. Ann Ode is a 1986 graduate of the Harbour Naval Academy.",
        "Ms. Ode received her B.A. from Kenyon Harbour College, where she studied law.",
        "Mr. Vale earned a Master of Arts in Coastal Studies from Old Harbour University.",
        "Ann Ode was commissioned in 1985 through the Harbour Reserve Officer Program.",
        "Mr. Vale holds a Ph.D. in physics from the Harbour Institute.",
        "Ann Ode has an undergraduate degree in geology from the Harbour Institute.",
        "Tom Vale earned enough to attend Harbour University and graduate with a law degree.",
        "A member of the service since 1985, Vale has a Master’s degree from Harbour University.",
    ],
)
def test_nothing_about_someone_s_schooling_is_asked(sentence):
    source = source_of([sentence])
    assert not [f for f in source.all_facts if source.worth_asking(f)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Harbour Institute received 40 applications in 2011.",
        "The city received U.S. aid worth $4 million in 2020.",
        "The agency has a law enforcement unit of 40 officers in Khujand.",
        "The office has an associate director and 12 staff since 2019.",
    ],
)
def test_a_body_receiving_or_having_something_is_not_schooling(sentence):
    source = source_of([sentence])
    assert [f for f in source.all_facts if source.worth_asking(f)]


def test_that_office_named_in_another_sentence_is_not_asked_about():
    source = source_of(
        [
            "Ann Ode opened the Harbour Prosecutor's Office in 2005.",
            "Ann Ode has led the appeals unit in that office since 2016.",
        ],
        people=[("Ann Ode", "")],
    )
    assert "2016" not in asked_values(source)
    assert "2005" in asked_values(source)


def test_a_sum_to_the_dollar_is_not_asked_but_a_rounded_one_is():
    source = source_of(
        [
            "Grants ranged between $48,932 and $96,750 in 2024.",
            "Congress gave the harbour fund $45 million in 2025.",
        ]
    )
    asked = asked_values(source)
    assert "48,932" not in asked and "96,750" not in asked
    assert "45" in asked


def test_one_figure_of_a_list_given_respectively_is_not_asked():
    source = source_of(
        [
            "Congress provided $380 million, $425 million and $75 million in FY2018, FY2020 "
            "and FY2022, respectively."
        ]
    )
    assert not [f for f in source.facts if f.kind == "quantity"]


def test_sentences_run_together_at_a_full_stop_are_not_asked():
    source = source_of(
        [
            "Centres support families of children with special needs (CSN).Currently, 59 centres "
            "receive funds in 2024."
        ]
    )
    assert not source.facts


def test_a_number_run_into_the_next_word_is_not_asked_but_ordinals_and_decades_are():
    source = source_of(
        [
            "For nominees since 1975, Figure 2shows that 44 days passed on average.",
            "The 3rd unit was formed in the 1990s and had 87 tanks in 2019.",
        ]
    )
    asked = asked_values(source)
    assert "1975" not in asked and "44" not in asked
    assert "87" in asked


def test_a_sentence_on_a_year_everyone_knows_is_not_asked_about_at_all():
    source = source_of(
        [
            "On July 4, the country marks the 1776 signing with a holiday that drew "
            "2 million visitors in 2019.",
            "The new museum opened in Boston in 2016.",
        ]
    )
    asked = asked_values(source)
    assert not {"July 4", "2 million", "2", "2019"} & asked
    assert "2016" in asked


def test_a_capitalised_the_memorandum_the_title_does_not_name_is_not_asked():
    source = source_of(
        [
            "President Costa signed a Presidential Memorandum on ports in 2025.",
            "The Memorandum directs the navy to open a fifth shipyard by 2030.",
        ]
    )
    assert "2030" not in asked_values(source)
    assert "2025" in asked_values(source)


def test_a_figure_in_brackets_after_a_fraction_is_not_asked():
    source = source_of(
        [
            "Taxpayers in the top 24% received two-thirds (66%) of the benefits in 2023.",
        ]
    )
    assert "66" not in asked_values(source)


def test_a_head_of_state_written_in_lower_case_is_still_world_knowledge():
    source = source_of(
        ["Meeting with Russian president Vladimir Putin in 2015, the minister asked for help."],
        people=[("Vladimir Putin", "Russian president")],
    )
    assert not [f for f in source.facts if f.kind == "person"]


def test_who_leads_the_senate_is_world_knowledge():
    source = source_of(
        ["Senate Majority Leader Chuck Schumer welcomed the 12 nominees in 2024."],
        people=[("Chuck Schumer", "Senate Majority Leader")],
    )
    assert not [f for f in source.facts if f.kind == "person"]


def test_much_of_the_difference_worked_out_elsewhere_is_not_asked():
    source = source_of(
        ["Much of the difference ($178 million) comes from moving 40 offices to the service."]
    )
    assert not [f for f in source.facts if f.kind == "quantity"]


def test_the_department_named_in_another_sentence_is_not_asked_about():
    source = source_of(["The Department invested $110 million in programs in 2021."])
    assert not [f for f in source.facts if f.kind == "quantity"]


def test_finding_the_heads_of_names_takes_time_in_proportion_to_the_text():
    import time

    from quizzes.text.generation.source import _multiword_name_heads

    def cost(words: int) -> float:
        text = "Ab " * words + "AB."
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            list(_multiword_name_heads(text))
            best = min(best, time.process_time() - start)
        return best

    small, large = cost(20_000), cost(160_000)
    # Eight times the words: linear is 8 times the time, quadratic 64 times.
    assert large < 32 * max(small, 1e-4)


# Rosters, inventories and passages an editor changed -------------------------------

ROSTER = [
    "The minister spoke with Khujand Prosecutor Anvar Tursunov; Penjikent Judge Dilshod Rahimov; "
    "Isfara Mayor Farrukh Umarov; and Vahdat Chair Bakhtiyor Saidov about the floods.",
    "Mayor Umarov asked for 40 more pumps in May 2024.",
]
ROSTER_PEOPLE = [
    ("Anvar Tursunov", "Khujand Prosecutor"),
    ("Dilshod Rahimov", "Penjikent Judge"),
    ("Farrukh Umarov", "Isfara Mayor"),
    ("Bakhtiyor Saidov", "Vahdat Chair"),
]


def test_who_held_which_office_in_a_roster_is_asked_only_of_someone_named_again():
    source = source_of(ROSTER, people=ROSTER_PEOPLE)
    described = {f.subject for f in source.facts if f.kind == "person"}
    assert described == {"Farrukh Umarov"}


def test_people_listed_with_commas_are_no_roster():
    source = source_of([ROSTER[0].replace(";", ",")], ROSTER_PEOPLE)
    described = {f.subject for f in source.facts if f.kind == "person"}
    assert described == {name for name, _ in ROSTER_PEOPLE}


def test_three_people_in_one_sentence_are_no_roster():
    source = source_of(
        [ROSTER[0].replace("; and Vahdat Chair Bakhtiyor Saidov", "")], ROSTER_PEOPLE[:3]
    )
    described = {f.subject for f in source.facts if f.kind == "person"}
    assert described == {"Anvar Tursunov", "Dilshod Rahimov", "Farrukh Umarov"}


def test_a_participant_listed_on_a_line_of_their_own_is_asked_only_if_named_again():
    source = source_of(
        [
            "Experts on flood defence met in Khujand in May 2024.",
            "Participants:",
            "Anvar Tursunov, Khujand Prosecutor",
            "Farrukh Umarov, Isfara Mayor",
            "Mayor Umarov asked for 40 more pumps in May 2024.",
        ],
        people=[("Anvar Tursunov", "Khujand Prosecutor"), ("Farrukh Umarov", "Isfara Mayor")],
    )
    described = {f.subject for f in source.facts if f.kind == "person"}
    assert described == {"Farrukh Umarov"}


def test_one_figure_of_an_inventory_in_brackets_is_not_asked():
    source = source_of(
        [
            "Exports included cotton ($34.6 million), aluminium ($28.5 million), fruit "
            "($24.8 million) and fabric ($17.2 million) in 2024.",
            "Exports reached $40.1 million in 2024, up from $31.2 million in 2019.",
        ]
    )
    asked = {f.value for f in source.facts if f.kind == "quantity"}
    assert asked == {"31.2", "40.1"}


def test_a_number_the_others_in_its_sentence_add_up_to_is_not_asked():
    source = source_of(
        [
            "Parliament voted to build 6 schools, 6 clinics and 4 bridges, for a total of 16 "
            "projects in Khatlon.",
            "Parliament voted to build 6 schools and 4 bridges in Khatlon at a cost of "
            "$12 million.",
        ]
    )
    asked = {(f.paragraph, f.value) for f in source.facts if f.kind == "quantity"}
    assert not {value for paragraph, value in asked if paragraph == 1}
    assert {value for paragraph, value in asked if paragraph == 2} >= {"6", "4", "12"}


def test_a_passage_an_editor_changed_is_not_asked_unless_its_words_are_quoted():
    source = source_of(
        [
            "By 2027, [the army] must open 12 border posts in Khatlon.",
            "The minister said the army would \u201copen [new] border posts\u201d in 12 "
            "districts by 2027.",
        ]
    )
    assert {f.paragraph for f in source.facts if f.kind in ("date", "quantity")} == {2}


@pytest.mark.parametrize("lead_in", ["In April 2024, the ministry noted,", "The report states:"])
def test_a_paragraph_set_out_as_someone_s_words_is_not_asked(lead_in):
    source = source_of(
        [
            "Parliament debated border security at length in March 2024.",
            lead_in,
            "In the future, the army must open 12 border posts in Khatlon by 2027.",
        ]
    )
    assert not [f for f in source.facts if f.paragraph == 3]


def test_a_paragraph_after_a_lead_in_to_a_list_is_still_asked():
    source = source_of(
        [
            "Parliament approved three measures:",
            "The army will open 12 border posts in Khatlon by 2027.",
        ]
    )
    assert [f for f in source.facts if f.paragraph == 2]


def test_a_signature_line_in_capitals_is_not_asked():
    source = source_of(
        [
            "The council approved the harbour plan on May 3, 2023, after a long debate.",
            "THE WHITE HOUSE, May 4, 2023.",
        ]
    )
    asked = {f.value for f in source.all_facts if f.kind == "date" and source.worth_asking(f)}
    assert "May 3, 2023" in asked
    assert "May 4, 2023" not in asked


# "The President", acronyms and courtesy titles in a stem ------------------------------


def test_the_president_is_named_after_the_one_president_the_article_names():
    source = source_of(
        [
            "President Ana Costa opened the new port of Harbour in 2020.",
            "The President signed 12 decrees on ports in 2021.",
        ]
    )
    assert source.resolved_sentence(fact_with(source, "12")) == (
        "President Costa signed 12 decrees on ports in 2021."
    )


def test_a_president_named_only_in_the_title_names_the_president_of_the_text():
    article = build_article(["The President signed 12 decrees on ports in 2021."])
    article = dataclasses.replace(article, title="President Ana Costa Signs Port Decrees")
    source = Source(article, extract_facts(article), 0)
    assert source.resolved_sentence(fact_with(source, "12")).startswith("President Costa signed")


@pytest.mark.parametrize(
    "text",
    [
        "The President signed 12 decrees on ports in 2021.",
        "President Ana Costa met President Rui Silva in 2019. "
        "The President signed 12 decrees on ports in 2021.",
    ],
)
def test_a_sentence_on_the_president_is_not_asked_when_the_text_names_no_one_president(text):
    assert "12" not in asked_values(source_of([text]))


def test_a_post_called_the_president_is_not_read_as_the_head_of_state():
    source = source_of(
        [
            "President Ana Costa opened the new port of Harbour in 2020.",
            "Rui Silva serves as the President and Chief Executive Officer of Harbour Bank, "
            "which has 12 branches.",
        ]
    )
    assert "the President and Chief Executive Officer" in source.resolved_sentence(
        fact_with(source, "12")
    )


def test_an_acronym_the_stem_uses_without_its_full_name_is_written_out():
    source = source_of(
        [
            "The two countries relaunched the High-Level Economic Dialogue (HLED) in 2021.",
            "Established in 2013, the HLED advances 12 shared economic priorities.",
            "The Department of Transportation (DOT) inspected the line in 2022.",
            "Two agencies within DOT studied 14 rail cars.",
            "The 2021 Infrastructure Act directs DOT to publish 18 studies.",
            "Soldiers of a joint HLED force spent 16 days on manoeuvres.",
        ],
        glossary=[
            ("HLED", "High-Level Economic Dialogue", ""),
            ("DOT", "Department of Transportation", ""),
        ],
    )
    assert source.resolved_sentence(fact_with(source, "12")) == (
        "Established in 2013, the High-Level Economic Dialogue (HLED) advances 12 shared "
        "economic priorities."
    )
    assert source.resolved_sentence(fact_with(source, "14")) == (
        "Two agencies within the Department of Transportation (DOT) studied 14 rail cars."
    )
    assert "a joint High-Level Economic Dialogue (HLED) force" in source.resolved_sentence(
        fact_with(source, "16")
    )
    assert "directs the Department of Transportation (DOT) to" in source.resolved_sentence(
        fact_with(source, "18")
    )


def test_an_acronym_everyone_knows_or_one_that_is_the_answer_stays_as_written():
    source = source_of(
        [
            "The United Nations (UN) and the Department of Transportation (DOT) met in 2020.",
            "After 2021, DOT sent more inspectors than the UN.",
        ],
        glossary=[("UN", "United Nations", ""), ("DOT", "Department of Transportation", "")],
    )
    assert source.resolved_sentence(fact_with(source, "2021")) == (
        "After 2021, the Department of Transportation (DOT) sent more inspectors than the UN."
    )
    shown = source.shown(fact_with(source, "DOT"))
    assert shown is not None and "Department of Transportation" not in shown.text


def test_two_letters_nobody_knows_are_written_out():
    source = source_of(
        [
            "The Administrative Office (AO) of the courts asked for new funds in 2025.",
            "In 2024, judges in Khatlon sent 14 requests to AO.",
        ],
        glossary=[("AO", "Administrative Office", "")],
    )
    assert "14 requests to the Administrative Office (AO)." in source.resolved_sentence(
        fact_with(source, "14")
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Costa was named an 'Employment Law MVP' by Law Weekly in 2018.",
        "Ana Costa was a Harbour Law School Public Interest Fellow from 2004 to 2006.",
        "Ana Costa received the Distinguished Service Award from the ministry in 2015.",
    ],
)
def test_an_honour_in_a_biography_is_not_asked(sentence):
    source = source_of(
        ["Ana Costa is the nominee for Harbour Commissioner.", sentence],
        people=[("Ana Costa", "nominee for Harbour Commissioner")],
    )
    assert not {"2018", "2004", "2015"} & asked_values(source)


def test_an_acronym_inside_another_body_s_name_is_not_written_out():
    source = source_of(
        [
            "The U.S. Department of Transportation (DOT) set up the programme in 2019.",
            "In 2021, the New York State DOT signed 12 agreements with the city.",
        ],
        glossary=[("DOT", "U.S. Department of Transportation", "")],
    )
    assert source.resolved_sentence(fact_with(source, "12")) == (
        "In 2021, the New York State DOT signed 12 agreements with the city."
    )


@pytest.mark.parametrize(
    "slip",
    [
        "The deal is the largestinvestment in the grid, at 65 billion dollars in 2021.",
        "Thisaccount funds 12 programmes of the ministry in 2021.",
    ],
)
def test_a_sentence_with_two_words_run_together_by_the_source_is_not_shown(slip):
    source = source_of(
        [
            "This is the largest programme of its kind, and the account holds the investment.",
            slip,
        ]
    )
    assert "2021" not in asked_values(source)


def test_a_compound_word_is_not_taken_for_two_words_run_together():
    source = source_of(
        [
            "The ground under the plant holds water.",
            "The groundwater under the plant fell by 12 metres in 2021.",
        ]
    )
    assert "2021" in asked_values(source)


@pytest.mark.parametrize(
    "item",
    [
        "$45 million to the Harbour Health Organization is the arm of the ministry in 2021.",
        "Nearly $300 million annually to Somalia for programmes that failed by 2021.",
    ],
)
def test_a_line_of_a_spending_list_is_not_shown(item):
    assert "2021" not in asked_values(source_of(["The ministry cut its aid in 2020.", item]))


@pytest.mark.parametrize(
    "sentence",
    [
        "Applicants must be physically present in the country on or before January 1, 2021.",
        "Eligible recipients will receive up to 12 months of support from 2021.",
    ],
)
def test_the_parties_to_a_scheme_named_elsewhere_are_not_a_subject_that_stands_alone(sentence):
    source = source_of(["The bill sets up a scheme for workers in 2020.", sentence])
    assert "2021" not in asked_values(source)


def test_the_release_s_own_i_does_not_stand_alone_but_a_roman_one_does():
    source = source_of(
        [
            "On June 3, 2021, I signed an order that widened the emergency.",
            "For Category I and II banks, the rule requires 12% more capital from 2022.",
        ]
    )
    assert "June 3, 2021" not in asked_values(source)
    assert "12" in asked_values(source)


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Improving the housing programme in order to exceed the 22% savings of 2021.", False),
        ("Aligning payment with the cost by which hospitals acquire 12 drugs in 2021.", False),
        ("Building off programs to help states get deals below the required 23.1% in 2021.", False),
        ("Improving access to care was the ministry's priority in 2021.", True),
        ("Building on two years of work, the ministry will open 12 clinics in 2021.", True),
        ("Working with a port after a trial, the lawyer Ana Costa opened 12 sites in 2021.", True),
    ],
)
def test_a_list_item_opening_on_ing_is_not_shown_but_a_sentence_is(sentence, shown):
    source = source_of(["The ministry set out its plan in 2020.", sentence])
    assert ("2021" in asked_values(source)) is shown


# Bullets under a lead-in ----------------------------------------------------------


def test_a_verbless_bullet_under_a_lead_in_is_not_shown_as_a_sentence():
    source = source_of(
        [
            "The ministry announced new duties on 3 March. Duties on imports are now:",
            "25% tariffs on goods that do not satisfy the 2021 border agreement.",
            "A lower 10% tariff on any grain imported from Kazakhstan that falls outside it.",
            "New guidance to all border posts to help 300 traders cross faster.",
        ]
    )
    assert not {"25", "10", "300"} & asked_values(source)


def test_a_noun_phrase_bullet_under_a_lead_in_is_not_shown_as_a_sentence():
    source = source_of(
        [
            "Finally, Tajikistan and Kazakhstan take note of recent deals in energy and grain:",
            "Purchases of approximately $3.5 billion of Kazakh grain, including wheat and corn.",
            "Purchases of energy products, with an estimated value of $15 billion over 15 years.",
            "The Border Committee opens 12 new posts in Khatlon every year since 2021.",
        ]
    )
    asked = asked_values(source)
    assert not {"3.5", "15"} & asked
    assert "12" in asked  # a bullet with a verb of its own still says something


def test_a_bullet_with_a_verb_of_its_own_stays_asked():
    source = source_of(
        [
            "Actions include:",
            "New guidance was issued to all 300 border posts in 2021.",
            "In 2022, the army opened 12 new border posts in Khatlon.",
        ]
    )
    assert {"300", "12"} <= asked_values(source)


def test_the_same_verbless_line_without_a_lead_in_is_judged_as_before():
    source = source_of(
        [
            "The ministry opened posts in Khatlon.",
            "New guidance to all border posts helps 300 traders cross faster.",
        ]
    )
    assert "300" in asked_values(source)


@pytest.mark.parametrize(
    "sentence",
    [
        "Perhaps as a result, 7 in 10 traders in Khatlon want 12 new border posts.",
        "Among other things, the law directs the army to open 12 new border posts.",
    ],
)
def test_a_sentence_that_follows_on_from_the_one_before_is_not_asked(sentence):
    source = source_of(["The army opened posts in Khatlon in 2021.", sentence])
    assert "12" not in asked_values(source)


def test_where_a_change_started_is_not_asked_but_where_it_went_is():
    source = source_of(
        ["Spending on border posts rose from $2.1 billion (2002) to $6.4 billion in 2024."]
    )
    values = asked_values(source)
    assert "6.4" in values
    assert "2.1" not in values


def test_a_figure_after_from_with_no_change_is_still_asked():
    source = source_of(["In 2024, 300 guards from 12 border posts trained in Khujand."])
    assert "12" in asked_values(source)


def test_a_written_out_acronym_takes_the_article_the_text_gives_its_name():
    source = source_of(
        [
            "The Border Exposure Record (BER) tracks hazards at every post.",
            "In 2023, BER covered 12 border posts in Khatlon.",
        ],
        glossary=[("BER", "Border Exposure Record", "")],
    )
    assert source.resolved_sentence(fact_with(source, "12")).startswith(
        "In 2023, the Border Exposure Record (BER) covered 12"
    )


def test_a_name_further_down_a_roll_call_of_offices_is_not_asked_but_who_led_it_is():
    roll_call = (
        "The Sughd delegation was led by the Regional Prosecutor, Anvar Tursunov; and included "
        "the Regional Judge, Dilshod Rahimov; the Mayor of Isfara, Farrukh Umarov; and the Chair "
        "of Vahdat, Bakhtiyor Saidov."
    )
    source = source_of([roll_call], people=ROSTER_PEOPLE)
    named = {f.value for f in source.all_facts if f.kind == "entity"}
    assert {"Anvar Tursunov", "Dilshod Rahimov", "Farrukh Umarov"} <= named
    asked = {f.value for f in source.facts if f.kind == "entity"}
    assert "Anvar Tursunov" in asked
    assert not asked & {"Dilshod Rahimov", "Farrukh Umarov", "Bakhtiyor Saidov"}


def test_such_as_and_members_of_a_named_body_keep_a_sentence_asked():
    source = source_of(
        [
            "Border posts such as Panj opened 12 new crossings in 2015.",
            "Some members of the Border Council opened 9 new posts in Khatlon in 2016.",
            "In 2022, 27% of traders reported threats, and 17% reported having such goods seized.",
        ]
    )
    assert {"12", "9", "27"} <= asked_values(source)


def test_the_judge_someone_clerked_for_is_not_asked():
    source = source_of(
        [
            "Rasulov served as a law clerk for Judge Dilshod Rahimov of the Sughd court in 2004.",
            "Judge Dilshod Rahimov opened 12 new border courts in Khatlon in 2015.",
        ],
        people=[("Rasulov", ""), ("Dilshod Rahimov", "Judge")],
    )
    clerkship = [f for f in source.all_facts if f.kind == "entity" and f.paragraph == 1]
    assert clerkship
    assert not [f for f in source.facts if f.kind == "entity" and f.paragraph == 1]


def test_today_the_president_becomes_the_president_the_article_names():
    source = source_of(
        [
            "President Rahmon signed the border law in 2014.",
            "Today, the President is announcing 12 new border posts in Khatlon.",
        ]
    )
    shown = source.shown(fact_with(source, "12"))
    assert shown is not None
    assert shown.text.startswith("President Rahmon is announcing")


def test_a_surname_two_people_share_is_not_asked_alone():
    source = source_of(
        [
            "Loida Lewis chairs a family investment firm in New York.",
            "Reginald F. Lewis bought Beatrice International Foods in 1987.",
            "Lewis served as chair of the company for 13 years from 1994.",
        ],
        people=[("Loida Lewis", "chair")],
    )
    assert "13" not in asked_values(source)
    assert "1987" in asked_values(source)


def test_a_gap_whose_words_open_two_sentences_is_not_asked():
    source = source_of(
        [
            "Mark Libby, a career member of the Senior Foreign Service with the rank of "
            "Minister-Counselor, serves as a Faculty Advisor at the National War College.",
            "Angela Aggeler, a career member of the Senior Foreign Service with the rank of "
            "Minister-Counselor, serves as Director of the Office of Western European Affairs.",
        ]
    )
    shared = "_____, a career member of the Senior Foreign Service with the rank of \u2026"
    assert source.fits_elsewhere(shared)
    assert not source.fits_elsewhere(
        "_____, a career member of the Senior Foreign Service with the rank of "
        "Minister-Counselor, serves as a Faculty Advisor at the National War College."
    )


def test_a_name_the_gap_would_cut_in_two_is_not_asked():
    source = source_of(
        [
            "In April 2021, President Rahmon opened his new Made in Tajikistan Office in Dushanbe.",
            "The Made in Tajikistan Office buys goods for 12 ministries.",
        ]
    )
    cut = [f for f in source.all_facts if f.kind == "entity" and f.value == "Tajikistan Office"]
    assert cut
    assert not [f for f in cut if source.shown(f) is not None]


def test_the_day_someone_was_sworn_in_is_not_asked():
    source = source_of(
        [
            "Special Advisor Minkara was sworn in on March 3, 2015.",
            "Minkara opened 12 new border posts on March 9, 2015.",
        ]
    )
    assert "March 3, 2015" not in asked_values(source)
    assert "March 9, 2015" in asked_values(source)


def test_the_year_of_a_step_in_someones_career_is_not_asked():
    source = source_of(
        [
            "In 2009, Minkara became the chief of the 12 border posts in Khatlon.",
            "In 2011, the army opened 12 new border posts in Sughd.",
        ],
        people=[("Lina Minkara", "chief")],
    )
    asked = asked_values(source)
    assert "2009" not in asked
    assert "2011" in asked


def test_the_consortium_named_in_full_elsewhere_leaves_a_sentence_opening_on_it_unasked():
    source = source_of(
        [
            "The Harbour Data Consortium was launched in 2022 to fix broken chargers.",
            "The Consortium has over 30 partners from across the private sector.",
            "The Varnian parliament ratified a border treaty with 40 votes in 2004.",
        ]
    )
    assert "30" not in asked_values(source)
    assert "40" in asked_values(source)  # "The Varnian parliament" names no longer body


def test_the_framework_after_an_opening_clause_leans_on_another_sentence():
    source = source_of(
        [
            "For a family of four earning $100,000 per year, the framework will save "
            "more than $5,000 in child care costs per year.",
            "For a family of four, the Harbour Child Care Act will save $3,000 per year.",
        ]
    )
    assert "5,000" not in asked_values(source)
    assert "3,000" in asked_values(source)


def test_a_list_item_opening_on_its_verb_stays_unasked_though_a_clause_follows_its_comma():
    source = source_of(
        [
            "Made the Rural Lending Agency permanent, creating the only agency dedicated to "
            "lending to 4,000 rural firms.",
            "Founded in 1990, the Rural Lending Agency lent to 2,000 rural firms in 2020.",
        ]
    )
    names = {f.value for f in source.all_facts if f.kind == "entity"}
    assert "Made the Rural Lending Agency" not in names
    assert "4,000" not in asked_values(source)
    assert "2,000" in asked_values(source)


def test_no_name_is_asked_from_a_cross_reference_to_another_report():
    source = source_of(
        [
            "For more on harbour policy, see CRS Report R12345, Harbour Policy: An Overview, "
            "by Ana R. Costa.",
            "Ana R. Costa testified before the Harbour Committee in 2021.",
        ],
        people=[("Ana R. Costa", "")],
    )
    entities = [f for f in source.all_facts if f.kind == "entity" and f.value == "Ana R. Costa"]
    assert {f.paragraph for f in entities} == {1, 2}
    assert {f.paragraph for f in source.facts if f in entities} == {2}


def test_a_two_word_surname_the_text_uses_is_another_way_to_write_the_answer():
    from briefings.text import parse_article

    article = parse_article(
        "Test Publisher\n\nHarbour Judges Named\n\n"
        "Judge Ana Sousa Vidal is a magistrate on the Harbour Superior Court.\n\n"
        "Before her appointment in 2012, Judge Sousa Vidal served as a public defender."
    )
    source = Source(article, extract_facts(article), 0)
    assert "Sousa Vidal" in source.aliases("Ana Sousa Vidal")


def test_a_name_run_into_its_verb_by_a_slip_of_the_source_is_not_repeated_in_a_stem():
    source = source_of(
        [
            "Ana Costa has been a judge since 2019.",
            "Ana Costahas served as a public defender in Lisbon since 2011.",
            "Rui Vidal has served as a prosecutor since 2012.",
        ]
    )
    assert "2011" not in asked_values(source)
    assert "2012" in asked_values(source)


def test_a_list_of_offices_with_no_verb_is_never_asked_though_it_holds_nouns_and_possessives():
    source = source_of(
        [
            "Harbour Security. The Office of the Chief Clerk in each cabinet-level department, "
            "as well as the Port Authority\u2019s Harbour Security Agency, the Coastal Trade "
            "Council (CTC), and the Harbour Data Office (HDO).",
            "The Coastal Trade Council opened 12 offices in 2021.",
        ]
    )
    entities = {f.value for f in source.facts if f.kind == "entity" and f.paragraph == 1}
    assert entities == set()
    assert "12" in asked_values(source)


def test_a_number_in_a_run_of_equal_steps_is_never_asked():
    source = source_of(
        [
            "Agencies completed each 90-day, 120-day, and 150-day action on time in 2024.",
            "Agencies completed 45 of the 60 actions on time in 2025.",
        ]
    )
    assert not {"90", "120", "150"} & asked_values(source)
    assert "60" in asked_values(source)


def test_a_list_item_opening_on_its_verb_stays_unasked_though_which_follows_its_comma():
    source = source_of(
        [
            "Enacted House Bill 1234, which allows renters to reuse an application for 30 days.",
            "The state enacted a law that lets renters reuse an application for 60 days.",
        ]
    )
    assert "30" not in asked_values(source)
    assert "60" in asked_values(source)


def test_a_word_run_on_after_an_okina_is_not_repeated_in_a_stem():
    source = source_of(
        [
            "The Harbour Agency spent $40 million in Hawai\u2018i in 2023.",
            "The Harbour Agency gave $25 million to build a future for Hawai\u2018iagainst storms.",
            "The Harbour Agency announced $30 million for Hawai\u2018i schools in 2024.",
        ]
    )
    assert "25" not in asked_values(source)
    assert "30" in asked_values(source)


def test_how_long_someone_has_worked_is_a_line_of_a_biography_not_asked():
    source = source_of(
        [
            "Ana Costa has more than 25 years of experience in harbour law.",
            "Rui Vidal has for over 30 years worked on harbour finance in Lisbon.",
            "The border between Varnia and Kandor stayed closed for 15 years until 2005.",
        ]
    )
    assert not {"25", "30"} & asked_values(source)
    assert "15" in asked_values(source)


def test_he_is_not_the_person_whose_name_is_half_of_a_hyphenated_word():
    source = source_of(
        [
            "During the Costa-Lee government, he served as a deputy minister for 4 years. "
            "He worked with the Harbour Council on 12 new ports in 2015."
        ],
        people=[("Rui Lee", "President")],
    )
    assert "12" not in asked_values(source)


def test_a_share_of_them_leans_on_the_sentence_that_says_who_they_are():
    source = source_of(
        [
            "The Harbour Agency will open 1,000 clinics in 2026.",
            "Approximately 70% of them, or 700 clinics, will be in rural towns.",
            "Approximately 60% of the clinics, or 600 sites, will open in 2027.",
        ]
    )
    assert "700" not in asked_values(source)
    assert "600" in asked_values(source)


def test_a_heading_run_in_with_a_dash_leaves_the_sentence_leaning_on_the_law():
    source = source_of(
        [
            "Safer Harbours \u2013 The law will give harbour towns grants of up to $7,500 in 2026.",
            "Safer Harbours \u2013 The Harbour Act will give ports grants of up to $9,000 in 2026.",
        ]
    )
    assert "7,500" not in asked_values(source)
    assert "9,000" in asked_values(source)


def test_a_time_counted_from_the_framework_leans_on_the_sentence_that_names_it():
    source = source_of(
        [
            "Starting 150 days after the framework is announced, agencies will require grantees "
            "to buy from vendors that screen.",
            "Starting 90 days after the Harbour Screening Framework is announced, ports will "
            "require screening.",
        ]
    )
    assert "150" not in asked_values(source)
    assert "90" in asked_values(source)
