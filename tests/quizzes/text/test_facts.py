import pytest

from briefings.text.article import Block
from quizzes.text.facts import event_phrase, extract_facts, split_sentences
from tests.quizzes.text.builders import build_article, seed_article


def sentences(text):
    return [text[start:end] for start, end in split_sentences(text)]


def facts_of(*paragraphs, kind=None, **structures):
    found = extract_facts(build_article(list(paragraphs), **structures))
    return [f for f in found if kind is None or f.kind == kind]


def one(*paragraphs, kind, value=None):
    found = [f for f in facts_of(*paragraphs, kind=kind) if value is None or f.value == value]
    assert len(found) == 1, found
    return found[0]


# Sentences


def test_sentences_split_at_full_stops_question_and_exclamation_marks():
    assert sentences("One thing. Two things? Three! Four") == [
        "One thing.",
        "Two things?",
        "Three!",
        "Four",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Hastings rose to speak about it.",
        "Dr. Alondra Nelson leads the office.",
        "The U.S. Government sent a delegation.",
        "By Robert O. Blake, Jr., Jan. 20, 2010.",
        "Donald J. Trump posted on social media.",
        "It covers 13.5 billion years of history.",
        "It was passed as H.R. 6877 and S. 288 in the House.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_a_quotation_followed_by_its_attribution_stays_one_sentence():
    text = "\u201cIt is close to critical,\u201d he said. \u201cWe need to be ready.\u201d"
    assert sentences(text) == [
        "\u201cIt is close to critical,\u201d he said.",
        "\u201cWe need to be ready.\u201d",
    ]


def test_a_closing_quote_or_bracket_belongs_to_the_sentence_it_ends():
    text = (
        "He said he \u201ccould not rule it out.\u201d Others agreed. (See Other Story.) Then more."
    )
    assert sentences(text) == [
        "He said he \u201ccould not rule it out.\u201d",
        "Others agreed.",
        "(See Other Story.)",
        "Then more.",
    ]


def test_an_ellipsis_ends_a_sentence_before_a_capital():
    text = "They want the frontier\u2026. Russian experts scare us."
    assert sentences(text) == ["They want the frontier\u2026.", "Russian experts scare us."]


def test_sentence_spans_exclude_surrounding_space():
    text = "  First.   Second.  "
    assert [text[s:e] for s, e in split_sentences(text)] == ["First.", "Second."]


# Dates

SEED_DATES = {
    "September 28": ("month_day", None, 9, 28),
    "October 3": ("month_day", None, 10, 3),
    "September 15": ("month_day", None, 9, 15),
    "October 6": ("month_day", None, 10, 6),
    "October 16": ("month_day", None, 10, 16),
    "1991": ("year", 1991, None, None),
    "2005": ("year", 2005, None, None),
    "May": ("month", None, 5, None),
    "August": ("month", None, 8, None),
    "2001": ("year", 2001, None, None),
    "1990s": ("decade", 1990, None, None),
}


def seed_facts(kind):
    return [f for f in extract_facts(seed_article()) if f.kind == kind]


def test_every_dated_event_of_the_seed_is_found_with_what_it_states():
    dates = {f.value: (f.category, f.year, f.month, f.day) for f in seed_facts("date")}
    for value, stated in SEED_DATES.items():
        assert dates.get(value) == stated, value


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("September 28", ["assault"]),
        ("October 3", ["militants", "withdrawal"]),
        ("September 15", ["gathered", "Dushanbe"]),
        ("October 6", ["Rahmon", "meeting", "Putin"]),
        ("October 16", ["summit", "Kazakstan"]),
        ("2005", ["frontier guards", "withdrawn"]),
        ("2001", ["invasion"]),
    ],
)
def test_a_dated_event_is_described_without_its_date(value, words):
    (fact,) = [f for f in seed_facts("date") if f.value == value]
    for word in words:
        assert word in fact.subject
    assert value not in fact.subject


def test_full_dates_keep_the_year_they_state():
    fact = one("On the morning of April 30, 2018, two bombs exploded in Kabul.", kind="date")
    assert (fact.value, fact.category, fact.year, fact.month, fact.day) == (
        "April 30, 2018",
        "month_day_year",
        2018,
        4,
        30,
    )
    assert fact.subject == "Two bombs exploded in Kabul"


def test_a_month_and_year_is_one_date():
    fact = one("Since Russia's February 2022 invasion of Ukraine, prices rose.", kind="date")
    assert (fact.value, fact.category, fact.year, fact.month) == (
        "February 2022",
        "month_year",
        2022,
        2,
    )
    assert fact.subject == "Russia's invasion of Ukraine"


def test_a_date_without_a_year_is_never_given_one():
    fact = one("In 2015 the talks began; they ended on October 3.", kind="date", value="October 3")
    assert fact.year is None


def test_abbreviated_months_and_day_first_dates_are_read():
    assert one("It was signed on Jan. 20, 2010.", kind="date").month == 1
    fact = one("It was signed on 18 January 1995 in Luanda.", kind="date")
    assert (fact.year, fact.month, fact.day) == (1995, 1, 18)


def test_may_is_a_month_only_after_a_preposition():
    assert one("The wargames were held in May in the south.", kind="date").month == 5
    assert facts_of("Officials May resign if the talks fail.", kind="date") == []


def test_both_ends_of_a_range_are_marked_as_a_range():
    found = facts_of("Troops served in Iraq between 2003 and 2008.", kind="date")
    assert [(f.value, f.detail) for f in found] == [("2003", "range"), ("2008", "range")]


@pytest.mark.parametrize(
    "text",
    [
        "It was pursuant to Executive Order 14203 and Section 1974 of the act.",
        "The bill, H.R. 6877, failed.",
        "The Covid-19 pandemic spread.",
        "Compacts ran for years (2008-2013) in the country.",
        "Partners followed, Russia (2006) and Japan (2010) first.",
        "The map is dated 09/16/2026 in the corner.",
        "About 2000 soldiers arrived.",
    ],
)
def test_numbers_that_are_not_dates_are_not_read_as_years(text):
    assert facts_of(text, kind="date") == []


def test_a_decade_keeps_its_qualifier():
    fact = one("After raids in the late 1990s, the group moved.", kind="date")
    assert (fact.value, fact.category, fact.year, fact.detail) == ("1990s", "decade", 1990, "late")


@pytest.mark.parametrize(
    ("sentence", "value", "expected"),
    [
        (
            "On July 30, Rogelio Barra was found dead in Morelos state.",
            "July 30",
            "Rogelio Barra was found dead in Morelos state",
        ),
        (
            "Russia, which maintains a test site, withdrew its ratification in November 2023.",
            "November 2023",
            "Russia withdrew its ratification",
        ),
        (
            "In a 2026 annual report to Congress, the State Department stated that it agreed.",
            "2026",
            "The State Department\u2019s annual report",
        ),
        (
            "Following a peaceful revolution in 1990, Mongolia embarked on a transition.",
            "1990",
            "A peaceful revolution",
        ),
    ],
)
def test_event_phrases_read_as_what_happened(sentence, value, expected):
    start = sentence.index(value)
    assert event_phrase(sentence, start, start + len(value)) == expected


# Quantities


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "number", "subject"),
    [
        (
            "Tajikistan has a 1,200-kilometre border with Afghanistan.",
            "1,200",
            "kilometre",
            1200,
            "border",
        ),
        ("There was conflict along 60 per cent of the border.", "60", "%", 60, "the border"),
        ("In May, 2,500 soldiers held wargames.", "2,500", "soldier", 2500, "soldiers"),
        ("It pays its fighters 200 [US] dollars a month.", "200", "dollar", 200, None),
        ("Commanders get 600 or 700 dollars [monthly].", "600 or 700", "dollar", 600, None),
        ("Kazakhstan has donated $50 million to a new program.", "50", "dollar", 50e6, None),
        ("The President set a 10% tariff rate.", "10", "%", 10, "tariff rate"),
        ("It sent more than 22,000 troops abroad.", "22,000", "troop", 22000, "troops"),
        ("It studies the past 13.5 billion years of history.", "13.5", "year", 13.5e9, "years"),
        ("Bombings killed at least 25 people in Kabul.", "25", "people", 25, "people"),
        (
            "It ranks Mexico 144th out of 180 countries.",
            "144th",
            "rank",
            144,
            "out of 180 countries",
        ),
    ],
)
def test_quantities_keep_their_unit_and_what_they_measure(sentence, value, unit, number, subject):
    fact = one(sentence, kind="quantity")
    assert (fact.value, fact.unit, fact.number) == (value, unit, number)
    if subject is not None:
        assert fact.subject == subject


def test_a_qualifier_stays_in_the_written_expression_not_the_value():
    fact = one("Bombings killed at least 25 people in Kabul.", kind="quantity")
    assert fact.detail == "at least 25 people"
    assert fact.value == "25"


def test_a_scale_word_is_kept_apart_from_the_value():
    fact = one("Exports totaled about $415 million in 2025.", kind="quantity")
    assert (fact.value, fact.scale, fact.detail) == ("415", "million", "about $415 million")


@pytest.mark.parametrize(
    "text",
    [
        "He was 38.",
        "Under Section 122 of the Trade Act, it expired.",
        "The Covid-19 pandemic spread.",
        "The scenarios are (1) an attack and (2) a threat.",
        "The G7 met in 2019.",
        "Pillar 2 focuses on joint development of advanced capabilities.",
        "Phase 3 trials of the vaccine began.",
        "NASA chose the Block 1 rocket over Block 2.",
        "Bills in the 119 Congress would allow year-round sales.",
    ],
)
def test_numbers_without_a_unit_are_not_quantities(text):
    assert facts_of(text, kind="quantity") == []


# Quotations, people and terms


def test_quotation_facts_pair_the_speaker_with_the_words():
    quotes = {f.value: f.subject for f in seed_facts("quotation")}
    assert quotes["Everything is possible,"] == "Yury Borisov"
    assert quotes["It\u2019s an imaginary threat from the Russians,"] == "Parviz Rasulov"


def test_an_anonymous_quotation_has_no_speaker():
    anonymous = [f for f in seed_facts("quotation") if f.value.startswith("Islamic State")]
    assert [f.subject for f in anonymous] == [""]
    assert "anonymous" in anonymous[0].detail


def test_person_facts_pair_a_name_with_its_description():
    people = {f.subject: f.value for f in seed_facts("person")}
    assert people["Yury Borisov"] == "Russian deputy defence minister"
    assert people["Qosimsho Iskandarov"].startswith("a conflict studies expert")


def test_term_facts_pair_an_acronym_with_its_expansion_and_description():
    terms = {f.subject: (f.value, f.detail) for f in seed_facts("term")}
    assert terms["CSTO"] == (
        "Collective Security Treaty Organisation",
        "a post-Soviet security bloc",
    )
    assert terms["CIS"] == ("Commonwealth of Independent States", "")
    assert set(terms) == {"CSTO", "CIS", "IMU"}


# Relations


def test_where_a_summit_or_gathering_took_place_is_a_relation():
    places = {f.value: f.subject for f in seed_facts("relation") if f.category == "place"}
    assert "summit" in places["Kazakstan"]
    assert "gathered" in places["Dushanbe"]


def test_an_alignment_stated_plainly_is_a_relation():
    (fact,) = [f for f in seed_facts("relation") if "aligned" in f.detail]
    assert (fact.value, fact.subject) == ("Islamic State", "the IMU leadership")


def test_a_place_far_from_the_event_is_not_where_it_happened():
    text = (
        "The delegation met with Afghan President Ashraf Ghani to discuss the evolving security "
        "situation in Afghanistan."
    )
    assert facts_of(text, kind="relation") == []


# The whole article


def test_every_fact_points_at_its_value_inside_its_sentence():
    article = seed_article()
    for fact in extract_facts(article):
        text = article.block(fact.paragraph).text
        assert text[fact.value_start : fact.value_end] == fact.value
        assert fact.sentence_start <= fact.value_start < fact.value_end <= fact.sentence_end


def test_facts_come_in_reading_order():
    found = extract_facts(seed_article())
    positions = [(f.paragraph, f.value_start) for f in found]
    assert positions == sorted(positions)


def test_an_article_without_dates_or_acronyms_still_yields_facts():
    found = facts_of(
        "Defence expert Parviz Rasulov said the 1,200-kilometre border was hard to guard.",
        "\u201cIt is an imaginary threat,\u201d Rasulov said.",
        people=[("Parviz Rasulov", "Defence expert")],
        quotations=[("It is an imaginary threat", "Parviz Rasulov", "Rasulov")],
    )
    assert {f.kind for f in found} == {"quantity", "person", "quotation", "entity"}


def test_headings_state_no_facts():
    article = build_article(["Troops arrived on October 3 in the city."])
    with_heading = type(article)(
        publisher=article.publisher,
        title=article.title,
        standfirst="",
        byline="",
        blocks=(
            Block(1, "heading", "Events of October 3"),
            Block(2, "paragraph", article.blocks[0].text),
        ),
    )
    assert [f.paragraph for f in extract_facts(with_heading)] == [2]


def test_an_empty_article_has_no_facts():
    assert extract_facts(build_article([])) == ()


def test_someone_known_by_one_word_only_gets_no_description_fact():
    found = facts_of(
        "Staff of the White House Executive Residence and the arborist Peter Hart met.",
        kind="person",
        people=[("Residence", "White House Executive"), ("Peter Hart", "the arborist")],
    )
    assert [fact.subject for fact in found] == ["Peter Hart"]


def test_praise_is_no_description_of_who_someone_is():
    found = facts_of(
        "Hananzai was a great journalist, said Abdul Arghand, the station's director.",
        kind="person",
        people=[
            ("Ali Hananzai", "a great journalist"),
            ("Abdul Arghand", "the station's director"),
        ],
    )
    assert [fact.subject for fact in found] == ["Abdul Arghand"]


def test_a_clause_read_as_a_title_is_no_description():
    found = facts_of(
        "In 2022, President Biden nominated Judge Ketanji Brown Jackson to the Court.",
        kind="person",
        people=[("Ketanji Brown Jackson", "President Biden nominated Judge")],
    )
    assert found == []
