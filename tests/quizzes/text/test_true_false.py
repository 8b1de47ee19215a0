import re
from pathlib import Path

from bench.rating import read_file
from quizzes.text.facts import extract_facts
from quizzes.text.generation import generate_questions
from tests.quizzes.text.builders import build_article, seed_article

SEEDS = range(8)
CE_WORKS = (
    Path(__file__).resolve().parents[2]
    / "briefings"
    / "text"
    / "articles"
    / "real"
    / "d_whitehouse_ceq-ce-works.txt"
)


def statements(article, seeds=SEEDS):
    """Every true/false question the article gives under several seeds, once each."""
    found = {}
    for seed in seeds:
        for question in generate_questions(article, seed=seed):
            if question.kind == "true_false":
                found.setdefault(question.stem, question)
    return list(found.values())


def claim(question):
    assert question.stem.startswith("True or false? ")
    return question.stem.removeprefix("True or false? ")


def source_sentence(article, question):
    return article.block(question.paragraph).text[question.start : question.end]


def false_ones(questions):
    return [q for q in questions if q.correct == ("False",)]


DATED = [
    "The rebels seized the northern town of Amra on March 3 after a week of fighting.",
    "Government troops retook the airport on April 9, according to officials.",
    "A ceasefire signed in Geneva on May 21 ended the fighting in the region.",
]


def test_a_false_statement_swaps_in_another_date_the_article_gives():
    article = build_article(DATED)
    dates = {"March 3", "April 9", "May 21"}
    falses = false_ones(statements(article))
    assert falses
    for question in falses:
        written = set(re.findall(r"(?:March|April|May) \d+", source_sentence(article, question)))
        claimed = set(re.findall(r"(?:March|April|May) \d+", claim(question)))
        assert claimed <= dates and len(claimed) == 1
        assert claimed != written


def test_statements_read_as_plain_sentences_without_a_doubled_prefix():
    for question in statements(seed_article()):
        assert "According to the article:" not in question.stem
        assert not claim(question).startswith(("\u2026", "..."))


def test_a_value_already_in_the_sentence_is_never_swapped_in():
    article = build_article(
        [
            "Talks between the two delegations were held in Vienna on March 3 and 4.",
            "The new border crossing at Tarak opened to lorries on March 4.",
            "Observers arrived at the disputed dam on June 12 to inspect it.",
        ]
    )
    for question in false_ones(statements(article)):
        if "Vienna" in claim(question):
            assert "March 4" not in claim(question).replace("March 3 and 4", "")


def test_a_value_another_sentence_states_about_the_same_subject_is_never_swapped_in():
    article = build_article(
        [
            "The rebels withdrew from the northern town of Amra on October 3.",
            "Some units of rebels only withdrew from the northern town of Amra on October 9.",
            "A new governor of the province was appointed on December 14.",
        ]
    )
    for question in false_ones(statements(article)):
        text = claim(question)
        if "withdrew from the northern town" in text:
            assert "October 3" not in text or "October 9" not in text
            assert "October" not in text.replace("October 3", "").replace("October 9", "")


def test_a_bounded_value_is_never_swapped():
    article = build_article(
        [
            "Russia has kept an army division in the republic since 1991.",
            "A separate force of frontier guards was withdrawn in 2005 after talks.",
            "The galaxies in the image are more than 13 billion years old, astronomers said.",
            "The universe is thought to be about 14 billion years old by most estimates.",
        ]
    )
    for question in false_ones(statements(article)):
        text = claim(question)
        assert "since 2005" not in text
        assert "more than 14 billion" not in text


def test_no_statement_asks_what_an_acronym_stands_for():
    for question in statements(seed_article()):
        assert "stands for" not in question.stem


def test_no_statement_is_a_label_check_of_how_the_article_describes_someone():
    for article in (seed_article(), read_file(CE_WORKS)):
        assert statements(article)
        assert not [q for q in statements(article) if "The article describes" in q.stem]


def test_he_said_after_a_sentence_naming_two_people_gets_no_quotation_statement():
    article = build_article(
        [
            "Anna Kask met Omar Haddad at the border post on Monday morning.",
            "\u201cThe patrols along the river are working well this year,\u201d he said.",
            "\u201cWe will send more troops to the frontier next spring,\u201d Anna Kask said.",
        ],
        people=[("Anna Kask", ""), ("Omar Haddad", "")],
        quotations=[
            ("The patrols along the river", "Omar Haddad", "he"),
            ("We will send more troops", "Anna Kask", "Anna Kask"),
        ],
    )
    for question in statements(article):
        assert "The patrols along the river" not in question.stem


def test_he_said_right_after_a_sentence_naming_the_speaker_alone_may_be_a_statement():
    article = build_article(
        [
            "Defence expert Omar Haddad doubts that the threat is real.",
            "\u201cThe patrols along the river are working well this year,\u201d he said.",
            "\u201cWe will send more troops to the frontier next spring,\u201d Anna Kask said.",
        ],
        people=[("Anna Kask", ""), ("Omar Haddad", "Defence expert")],
        quotations=[
            ("The patrols along the river", "Omar Haddad", "he"),
            ("We will send more troops", "Anna Kask", "Anna Kask"),
        ],
    )
    quoted = [q for q in statements(article) if "The patrols along the river" in q.stem]
    assert quoted
    for question in quoted:
        speaker = claim(question).split(" said: ")[0]
        assert question.correct == (("True",) if speaker == "Omar Haddad" else ("False",))


def test_a_false_quotation_statement_names_another_quoted_person():
    article = build_article(
        [
            "\u201cThe border is quiet and the patrols are working well,\u201d Anna Kask said.",
            "\u201cWe will send more troops to the frontier next spring,\u201d Omar Haddad said.",
            "The talks were attended by Li Wei, who did not speak to reporters.",
        ],
        people=[("Anna Kask", ""), ("Omar Haddad", ""), ("Li Wei", "")],
        quotations=[
            ("The border is quiet", "Anna Kask", "Anna Kask"),
            ("We will send more troops", "Omar Haddad", "Omar Haddad"),
        ],
    )
    quoted = [q for q in statements(article) if " said: \u201c" in q.stem]
    assert quoted
    for question in quoted:
        speaker = claim(question).split(" said: ")[0]
        assert speaker in ("Anna Kask", "Omar Haddad")
        truly = source_sentence(article, question).endswith(f"{speaker} said.")
        assert question.correct == (("True",) if truly else ("False",))


def test_a_sentence_opening_with_a_pronoun_is_not_a_statement():
    article = build_article(
        [
            "It was withdrawn from the region on March 3 after the talks collapsed.",
            "Government troops retook the airport on April 9, according to officials.",
            "A ceasefire signed in Geneva on May 21 ended the fighting in the region.",
        ]
    )
    for question in statements(article):
        assert not claim(question).startswith("It ")


def test_one_sentence_gives_at_most_one_true_statement():
    article = build_article(
        [
            "In 2025, exports to the country totaled about $415 million, while imports "
            "equaled about $127 million.",
            "A loan of $350 million was agreed in 2021 to build a water plant.",
        ]
    )
    for seed in SEEDS:
        trues = [
            claim(q)
            for q in generate_questions(article, seed=seed)
            if q.kind == "true_false" and q.correct == ("True",)
        ]
        assert len(trues) == len(set(trues))


def test_a_person_known_only_by_a_first_name_is_not_described():
    article = build_article(
        [
            "Homeland Security Secretary Markwayne Mullin opened the meeting on May 2.",
            "National Cyber Director Sean Cairncross spoke after him about the new centre.",
        ],
        people=[("Markwayne", "Homeland Security Secretary"), ("Sean", "National Cyber Director")],
    )
    for question in statements(article):
        assert "describes Markwayne as" not in question.stem
        assert "describes Sean as" not in question.stem


def test_the_year_of_a_report_is_never_the_swapped_slot():
    article = build_article(
        [
            "A 2022 intelligence assessment stated that Ruritania still sees value in arms "
            "control.",
            "Ruritania first tested a nuclear weapon in 1984 at a remote site in the steppe.",
            "Ruritania signed the test ban treaty in 1996 after long talks in Geneva.",
        ]
    )
    falses = false_ones(statements(article))
    assert falses
    for question in falses:
        assert "assessment" not in source_sentence(article, question)


def test_a_deadline_is_never_swapped_into_an_event():
    article = build_article(
        [
            "On February 27, 2026, the President directed agencies to stop using the software.",
            "The agencies must replace the software by December 31, 2029.",
            "The company filed a complaint against the directive in a federal court.",
        ]
    )
    statements = [
        q.stem
        for seed in range(6)
        for q in generate_questions(article, seed=seed)
        if q.kind == "true_false"
    ]
    assert statements
    assert not [s for s in statements if "2029" in s and "replace" not in s]


def test_a_year_decades_away_is_never_swapped_in():
    article = build_article(
        [
            "In 1962, Parliament first set a duty on cotton imported from Uzbekistan.",
            "In 2020, the ministry opened 12 new border posts in Khatlon province.",
            "In 2025, the ministry imported $16 billion of cotton under the new duty.",
        ]
    )
    falses = false_ones(statements(article))
    assert falses
    for question in falses:
        written = set(re.findall(r"\b(?:19|20)\d\d\b", source_sentence(article, question)))
        claimed = set(re.findall(r"\b(?:19|20)\d\d\b", claim(question)))
        assert not ({"1962"} & (written | claimed)) or claimed == written, question.stem


def test_the_only_quoted_person_gets_no_quotation_statement():
    article = build_article(
        [
            "\u201cThe border is quiet and the patrols are working well,\u201d Anna Kask said.",
            "The talks were attended by Li Wei, who did not speak to reporters in May.",
        ],
        people=[("Anna Kask", ""), ("Li Wei", "")],
        quotations=[("The border is quiet", "Anna Kask", "Anna Kask")],
    )
    assert not [q for q in statements(article) if " said: \u201c" in q.stem]


def test_no_person_is_described_by_the_tail_of_a_longer_name():
    article = build_article(
        [
            "Dahla Vane, a Center for Security and Emerging Technology analyst, said in 2024 "
            "that 80 countries use the systems.",
            "Omar Reyes, a Harbour Institute researcher, said the systems were spreading.",
        ],
        people=[
            ("Dahla Vane", "Emerging Technology analyst"),
            ("Omar Reyes", "a Harbour Institute researcher"),
        ],
    )
    stems = [q.stem for seed in range(8) for q in generate_questions(article, seed=seed)]
    assert not [s for s in stems if "\u201cEmerging Technology analyst\u201d" in s]


def test_no_statement_describes_someone_by_a_list_they_stand_in():
    article = build_article(
        [
            "Senior officials from across the Administration including National Economic "
            "Advisor Lena Brand and Domestic Policy Advisor Nia Tan met 40 pharmacists in 2024.",
            "Omar Reyes, a Harbour Institute researcher, said prices had risen.",
        ],
        people=[
            ("Lena Brand", "the Administration including National Economic Advisor"),
            ("Nia Tan", "Domestic Policy Advisor"),
            ("Omar Reyes", "a Harbour Institute researcher"),
        ],
    )
    stems = [q.stem for seed in range(8) for q in generate_questions(article, seed=seed)]
    assert not [s for s in stems if "including National Economic Advisor\u201d" in s]


def test_no_false_statement_puts_another_person_beside_the_first_one_s_pronoun(monkeypatch):
    from quizzes.text.generation import entities
    from quizzes.text.generation.kinds import true_false
    from quizzes.text.generation.source import Source

    article = build_article(
        [
            "Lesley Weiss is Deputy Director of the National Coalition for the Border Regions.",
            "In 2013, President Rahmon appointed Weiss Chair of the Border Heritage Commission, "
            "where she served until 2017.",
            "Mohamed Magid leads the Interfaith Peace Corps in Dushanbe since 2010.",
        ],
        people=[("Lesley Weiss", "Deputy Director"), ("Mohamed Magid", "leader")],
    )
    source = Source(article, extract_facts(article), 0)
    weiss = next(f for f in source.facts if f.kind == "entity" and f.value == "Weiss")
    # Another person the article names, offered as the swap.
    monkeypatch.setattr(entities, "same_kind_names", lambda source, fact, sentence: ["Magid"])
    draft = true_false._entity_true_false(source, weiss, "k")
    statements_made = [] if draft is None else [draft.stem]
    assert not any("Magid" in stem for stem in statements_made)


def test_a_false_amount_is_never_ten_times_off_the_true_one():
    from quizzes.text.generation.kinds.true_false import _same_kind_values
    from quizzes.text.generation.source import Source

    article = build_article(
        [
            "Spain gave $2 million to the border fund of Tajikistan in 2025.",
            "Officials said the army opened 12 posts, and Japan pledged $485 million for dams.",
            "Germany promised $5 million for the Rogun dam and its turbines in 2026.",
        ]
    )
    source = Source(article, extract_facts(article), 0)
    spain = next(f for f in source.facts if f.kind == "quantity" and f.value == "2")
    assert _same_kind_values(source, spain) == ["5"]


def test_a_person_after_a_title_is_swapped_only_for_someone_holding_that_title(monkeypatch):
    from quizzes.text.generation import entities
    from quizzes.text.generation.kinds import true_false
    from quizzes.text.generation.source import Source

    article = build_article(
        [
            "“Workers come first,” said Acting Secretary of Labor Ana Costa in Dushanbe.",
            "Judge Omar Reyes and Secretary of Labor Luis Pereira met in Khujand in 2019.",
            "Ms. Costa thanked the Border Heritage Commission for its report.",
        ],
        people=[
            ("Ana Costa", "Acting Secretary of Labor"),
            ("Omar Reyes", "Judge"),
            ("Luis Pereira", "Secretary of Labor"),
        ],
    )
    source = Source(article, extract_facts(article), 0)
    monkeypatch.setattr(
        entities, "same_kind_names", lambda source, fact, sentence: ["Omar Reyes", "Luis Pereira"]
    )
    costa = next(f for f in source.all_facts if f.kind == "entity" and f.value == "Ana Costa")
    offered = {}
    monkeypatch.setattr(
        true_false,
        "pick_distractors",
        lambda answer, pools, count, rng: offered.setdefault(answer, pools[0])[:count],
    )
    true_false._entity_true_false(source, costa, "k")
    assert offered["Ana Costa"] == ["Luis Pereira"]
    # After "Ms." a name of the other sex would give the swap away: no one is offered.
    assert true_false._holding_the_title(source, "Ms. ", ["Omar Reyes", "Luis Pereira"]) == []


def test_a_president_s_administration_is_swapped_only_for_another_administration():
    article = build_article(
        [
            "The Harbour Sentencing Commission is an independent agency created during the "
            "Reagan Administration.",
            "The Harbour Sentencing Commission set new guidelines for courts in 2019.",
            "The Small Business Administration lent $50 billion to firms in Dushanbe in 2023.",
            "The Obama-Biden Administration opened the Khujand office of the Harbour Council.",
        ]
    )
    made = [question.stem for question in statements(article)]
    created = [s for s in made if "independent agency created during" in s]
    assert created, "the sentence is asked"
    assert all(
        s.endswith(("Reagan Administration.", "Obama-Biden Administration.")) for s in created
    )


def test_a_statement_with_no_year_does_not_lean_on_the_day_the_article_came_out():
    undated = [
        "In May, the ministry launched a housing scheme for 12,000 families in the north.",
        "Currently, 14,000 households in the northern province lack safe drinking water.",
        "The northern plant has hired 500 new workers so far.",
    ]
    anchored = [
        "In May 2021, the ministry opened 16 clinics for families in the northern province.",
        "The telescope launched in December 2021 and is now orbiting 1,000 kilometres out.",
        "On July 30, the governor of the northern province opened 18 new schools.",
    ]
    article = build_article([*undated, *anchored])
    stated = {source_sentence(article, q) for q in statements(article)}
    assert not stated & set(undated)
    assert stated & set(anchored) == set(anchored)


def test_praise_with_no_figure_to_check_is_no_statement_to_judge():
    praise = [
        "The Harbour Council provides an important platform for trade between the two ports.",
        "Tajikistan's transport ministry made critical reforms to its port loans in 2023.",
    ]
    checkable = [
        "The Harbour Council approved a significant loan of $40 million for the Khatlon port.",
        "Tajikistan's transport ministry opened 14 port offices in Khujand in 2021.",
    ]
    article = build_article([*praise, *checkable])
    stated = {source_sentence(article, q) for q in statements(article)}
    assert not stated & set(praise)
    assert stated & set(checkable) == set(checkable)


def test_blame_the_article_states_as_its_own_verdict_is_no_statement_to_judge():
    verdicts = [
        "In 2024, the ministry's rejection of the Khatlon road ignored the region's 12 mines.",
        "The results speak for themselves: Khujand opened 14 port offices in 2021.",
    ]
    facts = ["Tajikistan's transport ministry opened 16 port offices in Khorog in 2022."]
    article = build_article([*verdicts, *facts])
    stated = {source_sentence(article, q) for q in statements(article)}
    assert not stated & set(verdicts)
    assert stated & set(facts) == set(facts)


def test_a_figure_weighed_against_another_in_its_sentence_is_never_swapped():
    article = build_article(
        [
            "Of the 8 million vehicles assembled in America, the average domestic content is "
            "estimated at only 50% and is likely closer to 40%.",
            "American plants made 97% of the cars sold in 1985.",
            "Imports made up 30% of the cars sold in 2024.",
        ]
    )
    for question in false_ones(statements(article)):
        assert "closer to" not in question.stem, question.stem


def test_an_acronyms_expansion_beside_it_is_never_swapped():
    article = build_article(
        [
            "The Defense Advanced Research Projects Agency (DARPA) funds research.",
            "Prabhakar served as director of DARPA, the Defense Advanced Research Projects "
            "Agency, from 2012 to 2017.",
            "The Office of Science and Technology Policy and the National Institute of "
            "Standards and Technology both advise the President.",
        ],
        people=[("Prabhakar", "director")],
        glossary=[("DARPA", "Defense Advanced Research Projects Agency", "")],
    )
    for question in false_ones(statements(article)):
        assert "DARPA, the Defense" in question.stem or "DARPA" not in question.stem, question.stem


def test_what_children_deserve_is_never_a_statement_to_mark_true():
    article = build_article(
        [
            "The more than 391,000 children living in foster care in 2023 deserve to grow up "
            "in safe and loving homes.",
            "The Department proposed three new rules for 391,000 children in 2023.",
        ]
    )
    assert not [q for q in statements(article) if "deserve" in q.stem]


def test_a_body_named_twice_in_its_sentence_is_never_swapped_in_one_place():
    from briefings.text import parse_article
    from quizzes.text.generation.kinds.true_false import _entity_true_false
    from quizzes.text.generation.source import Source

    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "Regional Leaders Named",
                "The Environmental Protection Agency (EPA) and the Department of Labor (DOL) "
                "named 20 regional leaders in 2023.",
                "Regional Administrators lead the EPA\u2019s 10 regional offices, each of which "
                "runs EPA programs within a set of states.",
                "The DOL opened offices in 12 states in 2023, and the EPA hired 40 staff in 2024.",
            ]
        )
    )
    source = Source(article, extract_facts(article), 0)
    named = [f for f in source.all_facts if f.kind == "entity" and f.paragraph in (2, 3)]
    twice = [f for f in named if f.paragraph == 2]
    assert len(twice) == 2
    assert all(_entity_true_false(source, f, "k") is None for f in twice)
    # A body named once in its sentence still makes a statement.
    assert any(_entity_true_false(source, f, "k") for f in named if f.paragraph == 3)


def test_a_surname_after_an_initial_is_never_swapped_to_make_up_a_name():
    from quizzes.text.generation.kinds.true_false import _entity_true_false
    from quizzes.text.generation.source import Source

    article = build_article(
        [
            "Ana R. Costa chairs the Harbour Arts Fund, which she founded in 1997.",
            "Board member Ben Lee chaired the Harbour Arts Fund in 2001.",
            "Her son, Lieutenant Rui Costa, graduated in 2020.",
        ],
        people=[("Rui Costa", "Lieutenant"), ("Ben Lee", "Board member")],
    )
    source = Source(article, extract_facts(article), 0)
    after_initial = [
        f
        for f in source.all_facts
        if f.kind == "entity" and f.paragraph == 1 and f.value in ("Costa", "Rui Costa")
    ]
    assert after_initial
    assert all(_entity_true_false(source, f, f"k{n}") is None for n, f in enumerate(after_initial))


def test_ongoing_work_and_a_releases_own_verdict_make_no_statement():
    article = build_article(
        [
            "The Harbour Agency continues to work closely with the Coastal Trade Council to "
            "rehouse survivors from hotels.",
            "The Coastal Trade Council re-hired Ana Costa, a lawyer known for her unethical "
            "conduct in the Harbour case.",
            "The Harbour Agency moved 4,000 households into longer-term housing in 2024.",
            "The Coastal Trade Council opened 12 offices in 2021.",
        ]
    )
    stems = [q.stem for q in statements(article)]
    assert not [s for s in stems if "continues to work" in s or "unethical" in s]
    assert any("4,000 households" in s for s in stems)


def test_a_true_statement_writes_out_the_acronym_its_sentence_uses_alone():
    from briefings.text import parse_article
    from quizzes.text.generation.kinds.true_false import _entity_true_false
    from quizzes.text.generation.source import Source

    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "Harbour Plan Ordered",
                "The order creates a Harbour Action Plan (HAP) to revive the harbour by 2030.",
                "The HAP will set out 40 actions to restore the harbour industry.",
                "The Coastal Trade Council opened 12 offices in 2021.",
            ]
        )
    )
    source = Source(article, extract_facts(article), 0)
    (fact,) = [f for f in source.all_facts if f.value == "HAP" and f.kind == "entity"]
    texts = {
        (d.correct[0], d.stem)
        for n in range(12)
        if (d := _entity_true_false(source, fact, f"k{n}")) is not None
    }
    true_ones = [stem for answer, stem in texts if answer == "True"]
    assert true_ones
    assert all("Harbour Action Plan (HAP) will set out" in stem for stem in true_ones)
