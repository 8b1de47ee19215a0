"""Questions on which organisation, programme or person a sentence names."""

from __future__ import annotations

import pytest

from briefings.text import parse_article
from quizzes.text import generate_questions
from quizzes.text.facts import extract_facts
from quizzes.text.generation import entities
from quizzes.text.generation.drafts import organisation_names
from quizzes.text.generation.kinds.single_choice import _entity_gap
from quizzes.text.generation.source import Source
from tests.quizzes.text.builders import build_article

_ARTICLE = "\n\n".join(
    [
        ("Agencies Test a Permitting Platform"),
        (
            "The Council on Environmental Quality (CEQ) announced a pilot program for a new "
            "permitting platform on Tuesday, March 3, 2026."
        ),
        (
            "CEQ developed the platform in collaboration with the General Services "
            "Administration (GSA) and its engineers over many months."
        ),
        (
            "For the pilot, CEQ is partnering with the Environmental Protection Agency to "
            "test the platform on grazing permits across western states."
        ),
        (
            "Officials said the National Energy Dominance Council will review the results of "
            "the pilot before any wider rollout to federal agencies."
        ),
        (
            "The Federal Highway Administration will later adopt the platform for road "
            "projects and bridge repairs across the country."
        ),
        (
            '"The Environmental Protection Agency will see faster reviews from this '
            'platform," said Katherine Scarlett, the chief of staff at the council.'
        ),
        (
            "Thomas Shedd, a technology director, said the Federal Highway Administration had"
            " asked for the platform early on."
        ),
    ]
)


def _questions():
    return generate_questions(parse_article(_ARTICLE))


def _entity_gaps():
    """Every gap question the single-choice builder makes of the article's named actors."""
    article = parse_article(_ARTICLE)
    source = Source(article, extract_facts(article), 0)
    drafts = [
        _entity_gap(source, fact, f"k{index}")
        for index, fact in enumerate(source.facts)
        if fact.kind == "entity"
    ]
    return [draft for draft in drafts if draft is not None]


def test_a_full_name_with_its_acronym_is_one_fact_whose_value_is_the_full_name():
    article = parse_article(_ARTICLE)
    entities = [f for f in extract_facts(article) if f.kind == "entity"]
    defined = [f for f in entities if f.detail == "GSA"]
    assert [f.value for f in defined] == ["General Services Administration"]
    assert all(
        f.value != "CEQ" or f.subject == "Council on Environmental Quality" for f in entities
    )


def test_a_name_inside_a_quotation_gives_no_fact():
    article = parse_article(_ARTICLE)
    quoted = [
        f
        for f in extract_facts(article)
        if f.kind == "entity"
        and "faster reviews" in article.block(f.paragraph).text[f.value_start : f.sentence_end]
        and "said" not in article.block(f.paragraph).text[f.sentence_start : f.value_start]
    ]
    assert quoted == []


def test_gap_stems_never_keep_the_acronym_of_the_blanked_name():
    gaps = _entity_gaps()
    assert gaps
    for question in gaps:
        if question.correct == ("General Services Administration",):
            assert "(GSA)" not in question.stem


def test_gap_options_are_bodies_of_the_article_none_printed_in_the_stem():
    gaps = [q for q in _entity_gaps() if "organization" in q.stem]
    assert gaps
    for question in gaps:
        for option in question.options:
            assert option in _ARTICLE
            if option not in question.correct:
                assert option not in question.stem


def test_a_person_gap_offers_only_people():
    people = {"Katherine Scarlett", "Thomas Shedd", "Scarlett", "Shedd"}
    for question in _entity_gaps():
        if question.stem.startswith("Which person"):
            assert set(question.options) <= people


def test_a_false_swap_puts_another_body_of_the_article_in_the_sentence():
    swaps = [
        q
        for q in _questions()
        if q.kind == "true_false" and q.correct == ("False",) and "Administration" in q.stem
    ]
    for question in swaps:
        assert question.stem.removeprefix("True or false? ") not in _ARTICLE


def test_an_article_with_too_few_bodies_of_a_kind_gets_no_organisation_gap():
    text = (
        "Two Agencies Agree\n\nBy Staff\n\nThe Federal Highway Administration "
        "signed an agreement with "
        "the Bureau of Land Management to share road data "
        "across western states this spring.\n"
    )
    questions = generate_questions(parse_article(text))
    assert not [q for q in questions if "organization completes" in q.stem]


def test_a_world_known_office_holder_is_never_the_gap():
    text = (
        "Permitting Pilot\n\nBy Staff\n\nCEQ developed the platform in response to "
        "President Donald J. Trump's "
        "memorandum on permitting technology for the twenty-first century.\n\nDonald J. Trump "
        "spoke.\n"
    )
    questions = generate_questions(parse_article(text))
    assert not [q for q in questions if "Donald J. Trump" in q.correct]


def test_a_name_with_the_same_words_in_another_order_is_never_the_swap_or_a_distractor():
    from quizzes.text.generation.entities import _same_words

    assert _same_words("State Department", "Department of State")
    assert _same_words("the U.S. Department of State", "State Department")
    assert not _same_words("Department of Defense", "Department of State")


_AGENCIES = (
    "Agencies, including the Department of Transportation (DOT), the Department of Energy "
    "(DOE), and the Environmental Protection Agency (EPA), are pursuing a suite of actions."
)
_SUPPORTERS = "Supporters include Freedom House, Human Rights Watch and PEN America."
_RELEASED = (
    "In January 2023, the Department of Energy, the Environmental Protection Agency, the "
    "Department of Transportation, and the Department of Housing jointly released the plan."
)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (_AGENCIES, "Department of Transportation"),
        (_AGENCIES, "Department of Energy"),
        (_AGENCIES, "Environmental Protection Agency"),
        (_SUPPORTERS, "Freedom House"),
        (_SUPPORTERS, "Human Rights Watch"),
        (_SUPPORTERS, "PEN America"),
        (_RELEASED, "Department of Energy"),
        (_RELEASED, "Environmental Protection Agency"),
        (_RELEASED, "Department of Housing"),
    ],
)
def test_one_name_from_a_list_of_several_is_not_asked(sentence, name):
    from quizzes.text.generation.entities import _one_of_a_list

    start = sentence.index(name)
    assert _one_of_a_list(sentence, start, start + len(name))


def test_no_gap_asks_which_body_a_list_holds_but_a_body_named_alone_is_asked():
    listed = (
        "For the pilot, CEQ is partnering with agencies, including the Environmental Protection "
        "Agency, the General Services Administration and the Federal Highway Administration, "
        "to test the platform."
    )
    article = parse_article(_ARTICLE.replace(_ARTICLE.split("\n\n")[3], listed))
    assert any(block.text == listed for block in article.blocks)
    source = Source(article, extract_facts(article), 0)
    in_list = [
        f for f in source.facts if f.kind == "entity" and article.block(f.paragraph).text == listed
    ]
    assert in_list, "the list's names are facts"
    assert not [f for f in in_list if entities.worth_asking(source, f)]
    assert any(
        entities.worth_asking(source, f)
        for f in source.facts
        if f.kind == "entity" and f.value == "National Energy Dominance Council"
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The grant went to Freedom House, which runs the programme in Sughd.", "Freedom House"),
        ("Freedom House and PEN America signed the letter on May 3.", "PEN America"),
        (
            "In Dushanbe, the Border Committee opened a post, and the ministry paid for it.",
            "Border Committee",
        ),
    ],
)
def test_a_name_beside_one_other_or_a_clause_is_no_list(sentence, name):
    from quizzes.text.generation.entities import _one_of_a_list

    start = sentence.index(name)
    assert not _one_of_a_list(sentence, start, start + len(name))


def test_a_question_heading_and_a_name_cut_before_its_possessive_are_no_bodies():
    from quizzes.text.facts.entities import entities

    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "The Army's New Launcher",
                "What Is the Army's Mid-Range Capability?",
                "The Army plans to field one battery in the Fires Battalion of the Army's five "
                "regional Task Forces, officials said.",
                "Army Contracting Command signed the order with Lockheed Martin Corporation.",
            ]
        )
    )
    names = {entity.name for entity in entities(article)}
    assert "Lockheed Martin Corporation" in names
    assert not {n for n in names if n.startswith("What") or n.endswith("of the Army")}


def test_a_person_gap_offers_neither_the_articles_subject_nor_two_of_one_family():
    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "Ann Koval",
                "Ann Koval, a reporter for the Osh Times, was shot dead in Osh in October 2007.",
                "Her father, Petr Koval, said the killing was political. Her brother Oleg Koval "
                "left the country in 2008.",
                "Deputy Interior Minister Melis Turgan confirmed a new investigation in 2012.",
                "The lawyer Dina Rasul said the trial of the suspect, Omar Beksultan, was unfair.",
                "Omar Beksultan was charged with murder in 2009, the prosecutor Ivan Sorokin said.",
                "Melis Turgan did not elaborate on the new investigation in 2012.",
            ]
        )
    )
    source = Source(article, extract_facts(article), 0)
    gaps = [
        _entity_gap(source, fact, f"k{index}")
        for index, fact in enumerate(source.facts)
        if fact.kind == "entity" and fact.category == "person"
    ]
    options = [draft.options for draft in gaps if draft is not None]
    assert options
    for offered in options:
        surnames = [name.split()[-1] for name in offered[1:]]
        assert "Koval" not in surnames or offered[0].endswith("Koval")
        assert len(set(surnames)) == len(surnames)


_NOMINEES = [
    "The President named six nominees: Anvar Tursunov, Dilshod Rahimov, Farrukh Umarov, "
    "Nigora Saidova, Malika Azimova and Zarina Karimova.",
    "Anvar Tursunov is the prosecutor of Khujand. Earlier in his career, Anvar Tursunov was the "
    "director of the Sughd customs office in 2009.",
    "Dilshod Rahimov is a judge in Penjikent. He led the regional bar from 2010 onwards.",
    "Farrukh Umarov is the mayor of Isfara, where he opened 12 border posts in 2015.",
    "Nigora Saidova is a professor of law in Dushanbe. She wrote the border code in 2012.",
    "Malika Azimova is the chair of Vahdat. Ms. Azimova founded its council in 2011.",
    "Zarina Karimova is a reporter in Khorog who covered the Sughd border trade in 2014.",
]
_NOMINEE_PEOPLE = [
    ("Anvar Tursunov", "prosecutor of Khujand"),
    ("Dilshod Rahimov", "judge in Penjikent"),
    ("Farrukh Umarov", "mayor of Isfara"),
    ("Nigora Saidova", "professor of law"),
    ("Malika Azimova", "chair of Vahdat"),
    ("Zarina Karimova", "reporter in Khorog"),
]


def test_a_person_gap_whose_sentence_says_his_offers_no_one_the_text_calls_she():
    article = build_article(_NOMINEES, people=_NOMINEE_PEOPLE)
    source = Source(article, extract_facts(article), 0)
    assert source.pronoun_of("Nigora Saidova") == "she"
    assert source.pronoun_of("Malika Azimova") == "she"
    assert source.pronoun_of("Dilshod Rahimov") == "he"
    assert source.pronoun_of("Zarina Karimova") is None  # never referred to by a pronoun
    drafts = [
        _entity_gap(source, fact, f"k{index}")
        for index, fact in enumerate(source.facts)
        if fact.kind == "entity" and fact.value == "Anvar Tursunov"
    ]
    asked = [draft for draft in drafts if draft is not None and "his career" in draft.stem]
    assert asked
    for draft in asked:
        assert not {"Nigora Saidova", "Malika Azimova"} & set(draft.options), draft.options


def test_a_gap_after_a_rank_offers_only_people_the_article_gives_that_rank():
    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "The Space Force Gets a New Chief",
                "The current chief, General Chance Saltzman, was appointed in November 2022.",
                "General Michael Guetlein, the vice chief, oversaw the new missile shield.",
                "President Donald Trump signed the order creating the shield in January.",
                "General Stephen Whiting, the head of Space Command, praised the plan.",
                "Senator Ann Koval said the shield would cost more than planned.",
            ]
        )
    )
    source = Source(article, extract_facts(article), 0)
    gaps = [
        _entity_gap(source, fact, f"k{index}")
        for index, fact in enumerate(source.facts)
        if fact.kind == "entity" and fact.value == "Chance Saltzman"
    ]
    offered = [option for draft in gaps if draft is not None for option in draft.options]
    assert offered
    assert "Donald Trump" not in offered and "Ann Koval" not in offered


def test_the_rank_before_a_gap_is_read_through_a_title():
    from quizzes.text.generation.entities import _rank_before_gap

    assert _rank_before_gap("Secretary of Defense _____ directed the review.") == "secretary"
    assert _rank_before_gap("Anthropic CEO _____ stated that ...") == "ceo"
    assert _rank_before_gap("The chief, General _____, was appointed.") == "general"
    assert _rank_before_gap("The report by _____ was published.") == ""


def test_no_body_is_read_from_the_tail_of_a_longer_name():
    from quizzes.text.facts.entities import entities

    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "Agencies Act on a New Drug Threat",
                "In February, the U.S. Food and Drug Administration restricted drug imports.",
                "The Association of State and Territorial Health Officials and the Drug "
                "Enforcement Administration issued alerts in March.",
            ]
        )
    )
    names = {entity.name for entity in entities(article)}
    assert "Drug Enforcement Administration" in names
    assert not {"Drug Administration", "Association of State"} & names


def test_a_clause_opened_by_a_conjunction_is_no_body():
    from quizzes.text.facts.entities import entities

    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "The Army's New Tank",
                "While the Army has not made public its design, the Army Science Board shaped it.",
                "Once the Army receives the tanks, crews of the Armored Brigade will test them.",
            ]
        )
    )
    names = {entity.name for entity in entities(article)}
    assert not {n for n in names if n.split()[0] in ("While", "Once")}


def test_an_appropriations_title_is_never_offered_in_place_of_a_court():
    from quizzes.text.generation.entities import same_sort_of_body

    assert not same_sort_of_body(
        "Court of International Trade", "Financial Services and General Government"
    )
    assert same_sort_of_body("Court of International Trade", "Court of Federal Claims")


def test_a_plural_name_is_of_the_sort_its_singular_names():
    from quizzes.text.generation.entities import same_sort_of_body

    # "Supportive Business Services" is an office of sorts, no fund.
    assert not same_sort_of_body("Community Reinvestment Fund", "Supportive Business Services")
    assert same_sort_of_body("Technology Transformation Services", "Moab Field Office")


def test_a_body_named_with_a_plural_possessive_keeps_no_apostrophe():
    article = parse_article(
        "Lenders Meet in Khujand\n\n"
        "Community lenders met in Khujand to plan loans for farmers.\n\n"
        "Ana Costa is a founding member of the National League of Minority Voters’ board "
        "and chairs the Harbour Community Loan Fund in Khujand.\n\n"
        "The Harbour Community Loan Fund lent $4 million to farmers in 2023."
    )
    names = {f.value for f in extract_facts(article) if f.kind == "entity"}
    assert "National League of Minority Voters" in names
    assert not [name for name in names if name.endswith(("\u2019", "'"))]


_COURTS = "\n\n".join(
    [
        "Judges Named to the Harbour Commission",
        "Seven judges were named to the Harbour Sentencing Commission on Monday.",
        "In 1991, Judge Ana Costa was a staff attorney for the Supreme Court of Harbouria.",
        "Judge Luis Pereira served as a law clerk on the Harbouria Supreme Court in 1995.",
        "Judge Omar Reyes served as a law clerk on the Khujand Court of Appeals in 1999.",
        "Judge Rosa Silva served as a law clerk on the Supreme Court of the United States.",
        "For the second roundtable, judges heard from Consumer Financial Protection Bureau "
        "Director (CFPB) Tom Vale and the Harbour Sentencing Commission in 2023.",
    ]
)


def test_two_names_of_one_body_are_never_both_offered():
    article = parse_article(_COURTS)
    source = Source(article, extract_facts(article), 0)
    for seed, fact in enumerate(f for f in source.all_facts if f.kind == "entity"):
        draft = _entity_gap(source, fact, f"k{seed}")
        if draft is not None:
            assert not {"Supreme Court of Harbouria", "Harbouria Supreme Court"} <= set(
                draft.options
            ), draft.options


def test_a_title_after_a_body_s_name_is_no_body():
    names = {f.value for f in extract_facts(parse_article(_COURTS)) if f.kind == "entity"}
    assert not [name for name in names if name.endswith("Director")]


def test_a_unit_named_after_a_firm_s_possessive_is_not_asked():
    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "Key Nominees",
                "Ann Ode is a Partner at Vale Harbour, a member of the firm’s Civil Rights & "
                "Employment practice group, and Co-Chair of the firm’s Hiring and Diversity "
                "Committee.",
                "Tom Vale, a career member of the Senior Foreign Service, currently serves as "
                "Senior Coordinator for Harbour Affairs at the U.S. Department of State.",
                "Luis Pereira is the Chief Operating Officer of the U.S. Small Business "
                "Administration, where he leads its finance office.",
            ]
        )
    )
    keys = {
        answer
        for seed_value in range(6)
        for question in generate_questions(article, seed=seed_value)
        for answer in question.correct
    }
    assert "Hiring and Diversity Committee" not in keys


_ROUND = [
    "The President named four nominees: Anvar Tursunov, Dilshod Rahimov, Farrukh Umarov and "
    "Nigora Saidova.",
    "Anvar Tursunov is the prosecutor of Khujand. Earlier in his career, Anvar Tursunov was the "
    "director of the Sughd customs office in 2009.",
    "Dilshod Rahimov is a judge in Penjikent, where he clerked for Judge Bahrom Nazarov.",
    "Farrukh Umarov is the mayor of Isfara, where he worked for Senator Jamshed Qodirov.",
    "Nigora Saidova is a professor of law in Dushanbe, where she taught Ravshan Ismoilov.",
]
_ROUND_PEOPLE = [
    ("Anvar Tursunov", "Nominee for prosecutor"),
    ("Dilshod Rahimov", "Nominee for judge"),
    ("Farrukh Umarov", "Nominee for mayor"),
    ("Nigora Saidova", "Nominee for professor"),
    ("Bahrom Nazarov", "Judge"),
    ("Jamshed Qodirov", "Senator"),
    ("Ravshan Ismoilov", "student"),
]


def _person_gaps(article, name: str, seeds=range(1)) -> list:
    """The person gaps asked about ``name``, under each seed (which shuffles distractors)."""
    facts = extract_facts(article)
    drafts = [
        _entity_gap(source, fact, f"k{index}")
        for source in (Source(article, facts, seed) for seed in seeds)
        for index, fact in enumerate(source.facts)
        if fact.kind == "entity" and fact.value == name
    ]
    return [draft for draft in drafts if draft is not None]


def test_a_nominees_gap_offers_the_other_nominees_not_people_named_once_in_passing():
    asked = _person_gaps(build_article(_ROUND, people=_ROUND_PEOPLE), "Anvar Tursunov")
    assert asked
    passing = {"Bahrom Nazarov", "Jamshed Qodirov", "Ravshan Ismoilov"}
    for draft in asked:
        assert not passing & set(draft.options), draft.options
        assert {"Dilshod Rahimov", "Farrukh Umarov"} <= set(draft.options), draft.options


def test_a_gap_for_someone_named_again_and_again_among_people_named_once_is_not_asked():
    # Without the list of nominees, each of the others is named in one sentence only.
    assert not _person_gaps(build_article(_ROUND[1:], people=_ROUND_PEOPLE), "Anvar Tursunov")


def test_people_in_the_keys_role_come_before_people_in_another_role():
    paragraphs = [
        "The President named seven nominees: Sue Moore and Andrew Read to the Marine Mammal "
        "Commission, and Mark Libby, Gautam Rana, Angela Aggeler, Marie Damour and Mark Lebby "
        "as ambassadors.",
        "Andrew Read is a marine biologist at Duke University. Andrew Read has studied "
        "porpoises in the Bay of Fundy since 1988.",
        "Sue Moore is an oceanographer in Seattle.",
        "Mark Libby is a diplomat in Baku.",
        "Gautam Rana is a diplomat in Algiers.",
        "Angela Aggeler is a diplomat in Skopje.",
        "Marie Damour is a diplomat in Suva.",
        "Mark Lebby is a diplomat in Tunis.",
    ]
    people = [
        ("Sue Moore", "Nominee for Commissioner of the Marine Mammal Commission"),
        ("Andrew Read", "Nominee for Commissioner of the Marine Mammal Commission"),
        ("Mark Libby", "Nominee for Ambassador to Azerbaijan"),
        ("Gautam Rana", "Nominee for Ambassador to Slovakia"),
        ("Angela Aggeler", "Nominee for Ambassador to North Macedonia"),
        ("Marie Damour", "Nominee for Ambassador to Fiji"),
        ("Mark Lebby", "Nominee for Ambassador to Tunisia"),
    ]
    asked = _person_gaps(build_article(paragraphs, people=people), "Andrew Read", range(8))
    assert asked
    for draft in asked:
        assert "Sue Moore" in draft.options, draft.options


def test_a_gap_the_stem_calls_a_woman_offers_no_man():
    paragraphs = [
        "The President named four nominees: Loida Lewis, Carol Kellermann, Maria Ruiz and "
        "Devin Anderson.",
        "A lawyer by profession, Loida Lewis was the first Filipino woman to pass the New York "
        "bar without attending law school in the United States.",
        "Carol Kellermann ran a fund for victims, and she led it for five years.",
        "Maria Ruiz is a judge in Denver. Ms. Ruiz sat on the state bench for ten years.",
        "Devin Anderson is a lawyer in Salt Lake City, where he works on class actions.",
    ]
    people = [
        (name, "Nominee")
        for name in ("Loida Lewis", "Carol Kellermann", "Maria Ruiz", "Devin Anderson")
    ]
    article = build_article(paragraphs, people=people)
    asked = [d for d in _person_gaps(article, "Loida Lewis") if "woman" in d.stem]
    assert asked
    for draft in asked:
        assert "Devin Anderson" not in draft.options, draft.options


def test_half_of_a_name_is_never_shown_beside_the_gap_for_the_other_half():
    paragraphs = [
        "The nominees are Rebecca Jones Gaston and Jodi Herman.",
        "Rebecca Jones Gaston leads the Children's Bureau. With long experience of child welfare, "
        "Jones Gaston is committed to evidence-based reform of the bureau.",
        "Jodi Herman leads the legislative office. Herman was counsel to a Senate committee.",
    ]
    article = build_article(
        paragraphs, people=[("Rebecca Jones Gaston", "commissioner"), ("Jodi Herman", "counsel")]
    )
    for question in generate_questions(article):
        assert "Jones _____" not in question.stem, question.stem


def test_a_body_the_gap_says_belongs_to_one_country_is_never_offered_an_international_one():
    paragraphs = [
        "Export restrictions are being imposed on Burma\u2019s Ministry of Defense, the Ministry "
        "of Home Affairs and the armed forces in response to the coup.",
        "The UN Security Council and the UN Human Rights Council met on the coup, and the State "
        "Administration Council ignored them. The National Defense and Security Council met too.",
        "The Ministry of Defense and the State Administration Council run the country.",
    ]
    for question in generate_questions(build_article(paragraphs)):
        if "Burma\u2019s _____" in question.stem:
            assert not [o for o in question.options if o.startswith("UN ")], question.options


def test_a_rank_is_never_offered_as_someones_employer():
    article = parse_article(
        "\n\n".join(
            [
                "Test Publisher",
                "President Names Science Nominees",
                "Steven Fagin is a career member of the Senior Foreign Service. He served at the "
                "Department of State and the Office of Management and Budget.",
                "Jodi Herman is a member of the Senior Executive Service. She worked at the "
                "Department of Defense.",
            ]
        )
    )
    source = Source(article, extract_facts(article), 0)
    assert "Senior Foreign Service" in source.organisations
    offered = organisation_names(source)
    assert "Department of State" in offered
    assert not [name for name in offered if name.startswith("Senior ")]


def test_a_judge_gap_is_not_asked_when_the_key_is_the_only_judge_among_the_nominees():
    paragraphs = [
        "The nominees are Kato Crews, Jabari Wamble and Molly Silfen.",
        "Judge Kato Crews has served as a magistrate in Denver since 2018. Judge Kato Crews "
        "was a partner at Rothgerber Johnson from 2008 to 2010.",
        "Jabari Wamble has been a prosecutor in Kansas since 2016.",
        "Molly Silfen clerked for Judge Alan Lourie. Molly Silfen has been a solicitor since 2013.",
    ]
    people = [
        ("Kato Crews", "Judge"),
        ("Jabari Wamble", "Nominee"),
        ("Molly Silfen", "Nominee"),
        ("Alan Lourie", "Judge"),
    ]
    article = build_article(paragraphs, people=people)
    for question in generate_questions(article):
        assert "Judge _____" not in question.stem, question.stem


def test_a_rank_in_the_civil_service_is_never_the_key():
    paragraphs = [
        "Marcia Bernicat, a career member of the Senior Foreign Service, leads the Bureau of "
        "Oceans and International Environmental Affairs.",
        "The Bureau of Oceans and International Environmental Affairs and the Senior Foreign "
        "Service both report to the Department of State.",
    ]
    article = build_article(paragraphs, people=[("Marcia Bernicat", "diplomat")])
    for question in generate_questions(article):
        assert "Senior Foreign Service" not in question.correct, question.stem


def test_a_body_is_never_offered_beside_its_own_name_written_out():
    assert entities._same_words("UN Security Council", "United Nations Security Council")
    assert entities._same_words("EU Council", "European Union Council")
    assert not entities._same_words("UN Security Council", "Security Consultative Committee")
