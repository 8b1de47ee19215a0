from pathlib import Path

import pytest

from briefings.text.people import Mention, find_mentions, find_people
from briefings.text.structure import split_article
from tests.briefings.text.support import OWN, SEED, SHARED, blocks, needs_shared


def described(*texts: str) -> dict[str, str]:
    return {person.name: person.description for person in find_people(blocks(*texts))}


def aliases(*texts: str) -> dict[str, tuple[str, ...]]:
    return {person.name: person.aliases for person in find_people(blocks(*texts))}


def people_of(path: Path) -> dict[str, str]:
    parts = split_article(path.read_text(encoding="utf-8"))
    return {person.name: person.description for person in find_people(parts.blocks)}


def shared(name: str) -> Path:
    return next(SHARED.glob(f"{name}_*.txt"))


# Evidence that a name is a person -----------------------------------------------


def test_a_job_title_before_a_name_gives_the_person_and_description():
    assert described("Meeting with Russian president Vladimir Putin on October 6, he said.") == {
        "Vladimir Putin": "Russian president"
    }


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        (
            "When Russian deputy defence minister Yury Borisov was asked",
            "Yury Borisov",
            "Russian deputy defence minister",
        ),
        (
            "those who support their new leader Akhtar Mohammad Mansur and",
            "Akhtar Mohammad Mansur",
            "their new leader",
        ),
        ("and the group’s leader Usmon Ghazi appeared", "Usmon Ghazi", "the group’s leader"),
        (
            "allegiance to Islamic State emir Abu Bakr al-Baghdadi.",
            "Abu Bakr al-Baghdadi",
            "Islamic State emir",
        ),
        ("that Taleban leader Mullah Mohammad Omar died", "Mullah Mohammad Omar", "Taleban leader"),
        (
            "said regional roads director Tomas Halvorsen.",
            "Tomas Halvorsen",
            "regional roads director",
        ),
        (
            "Three days later reporter Edgar Alberto Nava was shot.",
            "Edgar Alberto Nava",
            "reporter",
        ),
    ],
)
def test_a_title_takes_its_modifiers_but_not_the_clause_before_it(text, name, description):
    assert described(text) == {name: description}


def test_a_rank_before_the_name_goes_with_the_name_not_the_description():
    found = described(
        "Chief of Staff of the Army General Randy George spoke. Attorney General Ann Lee "
        "and IAEA Director General Rafael Grossi listened."
    )
    assert found["Randy George"] == "Chief of Staff of the Army"
    assert found["Ann Lee"] == "Attorney General"
    assert found["Rafael Grossi"] == "IAEA Director General"


def test_a_title_with_a_scope_ends_before_the_name():
    assert described(
        "He met Indian Minister of External Affairs Subrahmanyam Jaishankar and "
        "US Ambassador to Uzbekistan Daniel Rosenblum and Secretary of State Marco Rubio."
    ) == {
        "Subrahmanyam Jaishankar": "Indian Minister of External Affairs",
        "Daniel Rosenblum": "US Ambassador to Uzbekistan",
        "Marco Rubio": "Secretary of State",
    }


def test_a_middle_initial_after_a_title_with_a_scope_stays_in_the_name():
    assert described(
        "“We act,” said Secretary of Homeland Security Ana M. Costa. "
        "Secretary of Transportation Ngozi F. Adeyemi agreed."
    ) == {
        "Ana M. Costa": "Secretary of Homeland Security",
        "Ngozi F. Adeyemi": "Secretary of Transportation",
    }


def test_a_long_chain_of_capitalised_titles_is_one_description():
    assert described(
        "They were briefed by James Webb Space Telescope Program Director Greg Robinson, "
        "and U.S. Strategic Command (STRATCOM) Commander Admiral Richard Correll stated it."
    ) == {
        "Greg Robinson": "James Webb Space Telescope Program Director",
        "Richard Correll": "U.S. Strategic Command (STRATCOM) Commander Admiral",
    }


def test_an_appositive_after_the_name_is_its_description():
    assert described(
        "By contrast, Qosimsho Iskandarov, a conflict studies expert at Tajikistan’s "
        "Institute of Oriental Studies, believes the defences are weak."
    ) == {
        "Qosimsho Iskandarov": (
            "a conflict studies expert at Tajikistan’s Institute of Oriental Studies"
        )
    }


def test_an_appositive_without_an_article_is_a_description_too():
    assert described("Cuitlahuac Garcia, governor of Veracruz state, said on Twitter") == {
        "Cuitlahuac Garcia": "governor of Veracruz state"
    }


def test_a_title_before_a_comma_and_the_name_is_its_description():
    assert described("Among them was RFE/RL reporter, Abadullah Hananzai.") == {
        "Abadullah Hananzai": "RFE/RL reporter"
    }


def test_an_honorific_marks_a_person_and_a_preceding_appositive_describes_them():
    assert described(
        "This week, the Assistant to the President for Homeland Security, "
        "Dr. Elizabeth Sherwood-Randall, led a delegation."
    ) == {"Elizabeth Sherwood-Randall": "the Assistant to the President for Homeland Security"}


def test_a_bare_title_gives_way_to_a_fuller_appositive():
    assert described("said Professor Nodira Yusupova, a hydrologist at the institute.") == {
        "Nodira Yusupova": "a hydrologist at the institute"
    }


def test_a_speech_verb_after_or_before_a_full_name_marks_a_person():
    assert described("“Enough,” said Jan-Albert Hootsen.", "Lucia Vázquez said nothing.") == {
        "Jan-Albert Hootsen": "",
        "Lucia Vázquez": "",
    }


def test_a_verb_only_people_take_marks_a_person():
    assert described("On July 30, Rogelio Barra was found dead in Morelos state.") == {
        "Rogelio Barra": ""
    }


def test_a_journalist_named_so_and_so_is_a_person():
    assert described("a great journalist named Abdul Manan Arghand, has died") == {
        "Abdul Manan Arghand": "a great journalist"
    }


def test_a_surname_acting_alone_confirms_an_earlier_full_name():
    people = find_people(
        blocks(
            "a government formed under the MPP's Gombojav Zandanshatar.", "Zandanshatar resigned."
        )
    )
    assert [(person.name, person.paragraphs) for person in people] == [
        ("Gombojav Zandanshatar", (1, 2))
    ]


def test_a_speaker_label_in_capitals_after_an_honorific_is_a_person():
    (person,) = find_people(blocks("Mr. HASTINGS of Florida. Madam Speaker, I rise today."))
    assert (person.name, person.aliases) == ("Hastings", ("HASTINGS",))


# Not people -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State said it would fight. Central Asia said nothing.",
        "The United States said so, and Kunduz was retaken.",
        "The Committee to Protect Journalists said officials were slow.",
        "Rio Tinto agreed to pay. Health Ministry officials said more.",
        "He was best known as the founder of Imparcial Fax, a news service.",
        "It acted under Executive Order 14203 of February 6, 2025.",
        "The European Union member Estonia voted against.",
        "(See CRS Insight IN12640, Overview of the Expert Debate.)",
        "The UN General Assembly voted. The Reuters news agency reported it.",
        "Kabul, the capital of Afghanistan, was calm.",
        "She led the Berkeley Art Museum and Pacific Film Archives, Chair of the Jewish Museum.",
        "She led the Federation of Marin and Sonoma Counties, President of the Arts Commission.",
        "She was President Emeritus of the Jewish Community Federation.",
        "She is Deputy Director of the National Coalition Supporting Eurasian Jewry.",
        "Eliminate Head Start Slots for Kids: 10,000 children would lose Head Start Grants.",
        "The Army chose General Dynamics Land Systems and another firm for the design phase.",
        "He serves as the Director of the Duke University Marine Laboratory in Beaufort.",
        "She is the chief of the Kodiak Regional Hospital and the Khorog Observatory.",
    ],
)
def test_places_organisations_and_titles_of_other_articles_are_not_people(text):
    assert described(text) == {}


# Aliases and mentions -----------------------------------------------------------


def test_later_mentions_by_surname_map_to_the_same_person():
    (person,) = find_people(
        blocks("Russian president Vladimir Putin met him.", "Nothing.", "Putin said no.")
    )
    assert (person.first_paragraph, person.paragraphs, person.aliases) == (1, (1, 3), ("Putin",))


def test_a_surname_with_a_particle_matches_either_case():
    (person,) = find_people(
        blocks(
            "Ricardo de Mello was shot.", "De Mello covered the war.", "Friends of de Mello wept."
        )
    )
    assert person.name == "Ricardo de Mello"
    assert person.paragraphs == (1, 2, 3)
    assert person.aliases == ("De Mello", "de Mello")


def test_an_accented_name_is_kept_as_written():
    (person,) = find_people(blocks("Mexican reporter Jorge Celestino Ruiz Vázquez was shot."))
    assert person.name == "Jorge Celestino Ruiz Vázquez"


def test_a_shorter_form_of_a_known_full_name_is_the_same_person():
    people = find_people(
        blocks(
            "Jorge Celestino Ruiz was shot.",
            "“We condemn the murder of a reporter from a local outlet, Jorge Ruiz.”",
        )
    )
    assert [(person.name, person.paragraphs) for person in people] == [
        ("Jorge Celestino Ruiz", (1, 2))
    ]


def test_a_title_and_surname_then_the_full_name_become_one_person():
    (person,) = find_people(blocks("President Biden spoke.", "Later, President Joe Biden left."))
    assert (person.name, person.description, person.first_paragraph) == (
        "Joe Biden",
        "President",
        1,
    )


def test_two_people_with_one_surname_are_kept_apart():
    people = find_people(
        blocks(
            "NASA Administrator Bill Nelson and Deputy Assistant to the President "
            "Dr. Alondra Nelson spoke.",
            "Later Nelson said more.",
            "Bill Nelson left. Then Nelson returned.",
        )
    )
    assert [(person.name, person.description, person.paragraphs) for person in people] == [
        ("Bill Nelson", "NASA Administrator", (1, 3)),
        ("Alondra Nelson", "Deputy Assistant to the President", (1, 2)),
    ]


def test_a_surname_followed_by_another_name_is_not_a_mention():
    (person,) = find_people(
        blocks("Administrator Bill Nelson spoke.", "Nelson Mandela was quoted.")
    )
    assert person.paragraphs == (1,)


def test_find_mentions_lists_each_mention_with_its_offsets():
    texts = blocks("Russian president Vladimir Putin met him.", "Putin said no.")
    people = find_people(texts)
    assert find_mentions(texts, people) == (
        Mention(1, 18, 32, "Vladimir Putin", "Vladimir Putin"),
        Mention(2, 0, 5, "Vladimir Putin", "Putin"),
    )


# The seed and the shared articles ---------------------------------------------


def test_the_seed_names_nine_people_with_their_descriptions():
    parts = split_article(SEED.read_text(encoding="utf-8"))
    people = find_people(parts.blocks)
    assert [(person.name, person.description) for person in people] == [
        ("Vladimir Putin", "Russian president"),
        ("Imomali Rahmon", "Tajik leader"),
        ("Yury Borisov", "Russian deputy defence minister"),
        ("Parviz Rasulov", "Defence expert"),
        (
            "Qosimsho Iskandarov",
            "a conflict studies expert at Tajikistan’s Institute of Oriental Studies",
        ),
        ("Mullah Mohammad Omar", "Taleban leader"),
        ("Usmon Ghazi", "the group’s leader"),
        ("Abu Bakr al-Baghdadi", "Islamic State emir"),
        ("Akhtar Mohammad Mansur", "their new leader"),
    ]
    putin, iskandarov = people[0], people[4]
    assert (putin.first_paragraph, putin.paragraphs, putin.aliases) == (6, (6, 7, 8), ("Putin",))
    assert iskandarov.paragraphs == (16, 24)


@needs_shared
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("01", {"Ricardo de Mello": ""}),
        (
            "02",
            {
                "Elizabeth Sherwood-Randall": (
                    "the Assistant to the President for Homeland Security"
                ),
                "Shavkat Mirziyoyev": "Uzbekistan’s President",
                "Zalmay Khalilzad": (
                    "U.S. Special Representative for Afghanistan Reconciliation Ambassador"
                ),
                "Daniel Rosenblum": "US Ambassador to Uzbekistan",
                "Ashraf Ghani": "Afghan President",
                "Haneef Atmar": "Afghan Foreign Minister",
                "Subrahmanyam Jaishankar": "Indian Minister of External Affairs",
            },
        ),
        (
            "03",
            {"Abadullah Hananzai": "RFE/RL reporter", "Abdul Manan Arghand": "a great journalist"},
        ),
        (
            "04",
            {
                "Biden": "President",
                "Harris": "Vice President",
                "Bill Nelson": "NASA Administrator",
                "Alondra Nelson": "Deputy Assistant to the President",
                "Thomas Zurbuchen": "Head of NASA Science",
                "Greg Robinson": "James Webb Space Telescope Program Director",
                "Jane Rigby": "Operations Project Scientist",
                "Nancy Levenson": "Space Telescope Science Institute Deputy Director",
            },
        ),
        (
            "05",
            {
                "Rogelio Barra": "",
                "Edgar Alberto Nava": "reporter",
                "Jorge Celestino Ruiz": "a reporter from a local outlet",
                "Paulino Dominguez": "local mayor",
                "Cuitlahuac Garcia": "governor of Veracruz state",
                "Andres Manuel Lopez Obrador": "Mexican President",
                "Jan-Albert Hootsen": "",
            },
        ),
        (
            "06",
            {
                "Hastings": "",
                "Nazarbayev": "President",
                "Kanat Saudabayev": "Kazakhstan Secretary of State-Foreign Minister",
                "Obama": "President",
                "Robert O. Blake": "",
            },
        ),
        (
            "07",
            {
                "Vladimir Putin": "Russian President",
                "Richard Correll": "U.S. Strategic Command (STRATCOM) Commander Admiral",
                "Gregory Guillot": "U.S. Northern Command (NORTHCOM) Commander General",
                "Alexander Lukashenko": "Belarusian President",
                "Donald J. Trump": "President",
            },
        ),
        (
            "08",
            {
                "Ukhnaagiin Khurelsukh": "President",
                "Nyam-Osoryn Uchral": "Prime Minister",
                "Trump": "President",
                "Marco Rubio": "Secretary of State",
                "Luvsannamsrai Oyun-Erdene": "Prime Minister",
                "Gombojav Zandanshatar": "",
                "Dashzegviin Amarbayasgalan": "Speaker of Parliament",
                "Vladimir Putin": "Russian President",
                "Xi Jinping": "PRC President",
            },
        ),
    ],
)
def test_each_shared_article_names_the_expected_people(name, expected):
    assert people_of(shared(name)) == expected


@needs_shared
def test_one_person_under_several_titles_is_one_person():
    parts = split_article(shared("06").read_text(encoding="utf-8"))
    saudabayev = next(p for p in find_people(parts.blocks) if p.name == "Kanat Saudabayev")
    assert saudabayev.first_paragraph == 1
    assert saudabayev.aliases == ("Saudabayev",)
    assert len(saudabayev.paragraphs) == 8


# Our own articles -----------------------------------------------------------


def test_the_wire_brief_names_one_official():
    assert people_of(OWN / "wire_brief.txt") == {"Tomas Halvorsen": "regional roads director"}


def test_the_long_report_describes_its_interviewees():
    found = people_of(OWN / "long_report.txt")
    assert len(found) == 25
    assert found["Aibek Toktosunov"] == "Kyrgyz deputy energy minister"
    assert found["Farrukh Alimov"] == (
        "a former ICWC technical director who now teaches at a university in Almaty"
    )
    assert found["Gulnara Abdullaeva"] == "a schoolteacher in the border village of Ak-Sai"
    assert "Leila Karimova" not in found  # the byline is not body text


def test_an_organisation_after_a_title_ending_in_of_the_is_not_a_person():
    found = find_people(
        blocks(
            "“It matters,” said Ida Brekke, who is the Director of the Coastal Survey Laboratory.",
            "Before that she was Managing Director of Harbour Logistics for six years.",
        )
    )
    assert [person.name for person in found] == ["Ida Brekke"]


def test_a_title_after_to_belongs_to_the_name_it_stands_before():
    people = described(
        "The team was led by Jane Doe, Senior Advisor to Assistant Secretary John Roe, "
        "and met officials."
    )
    assert people["John Roe"] == "Assistant Secretary"
    assert people["Jane Doe"].startswith("Senior Advisor to")


def test_an_assistant_to_the_president_keeps_the_whole_title():
    people = described(
        "The Assistant to the President for Homeland Security Elizabeth Sherwood-Randall "
        "met the delegation."
    )
    assert people["Elizabeth Sherwood-Randall"].endswith(
        "Assistant to the President for Homeland Security"
    )


def test_a_headline_line_does_not_stretch_a_name_over_capitalised_words():
    people = described(
        "President Trump Unleashes Permitting Technology for the 21st Century",
        "The center was created under President Trump, officials said.",
    )
    assert "Trump Unleashes Permitting Technology" not in people
    assert "Trump" in people


def test_a_title_before_a_name_keeps_the_whole_name_of_its_body():
    assert described(
        "\u201cWe will move faster,\u201d said Council on Environmental Quality Chairman "
        "Katherine Scarlett."
    ) == {"Katherine Scarlett": "Council on Environmental Quality Chairman"}


def test_a_body_name_too_long_to_take_whole_leaves_the_bare_title():
    description = described(
        "The plan was praised by Institute for the Study of the History of the Eastern "
        "Mediterranean Director Anna Brandt."
    ).get("Anna Brandt", "")
    assert description in ("", "Director")


def test_a_post_named_in_a_list_of_offices_is_not_a_person():
    people = find_people(
        blocks(
            "The decision followed coordination between Peter Hart, a consulting arborist, "
            "the White House Grounds Superintendent, the White House Executive Residence and "
            "its Office of the Curator."
        )
    )
    assert [person.name for person in people if "Superintendent" in person.name] == []


def test_a_generational_suffix_is_not_read_as_the_start_of_a_description():
    people = described(
        "Tom R. Hale, IV, a career member of the Foreign Service, serves in Ottawa.",
        "Hale said the embassy would reopen.",
    )
    assert people == {"Tom R. Hale": "a career member of the Foreign Service"}


def test_counsel_after_a_title_is_a_role_not_a_name():
    people = described(
        "He served as General Counsel at the Department of the Navy.",
        "Lena Ortiz, the Chief Counsel, said the ruling would stand.",
    )
    assert "Counsel" not in people
    assert people["Lena Ortiz"] == "the Chief Counsel"


def test_words_that_open_a_bodys_name_are_not_a_person():
    people = described(
        "She is Chief Counsel to U.S. Consumer Product Safety Commission Commissioner Ann Vale.",
        "Vale said the rule would be reviewed.",
    )
    assert "Product Safety" not in people
    assert "Ann Vale" in people


def test_a_unit_or_a_named_day_is_not_a_person():
    people = described(
        "Captain Tom Hale served as Senior Advisor to the Third Marine Corps, Infantry "
        "Battalion, in 1972.",
        "On April 2, Liberation Day, President Ann Vale imposed a tariff.",
    )
    assert "Infantry Battalion" not in people and "Liberation Day" not in people


# Lists of titled names, couples, and bodies' names that look like people --------


def test_the_next_titled_name_of_a_list_is_not_the_description_of_the_one_before():
    assert described(
        "Secretary Ana Costa, Secretary Ngozi Adeyemi, and Adviser Luis Pereira "
        "were in contact with their counterparts."
    ) == {"Ana Costa": "Secretary", "Ngozi Adeyemi": "Secretary", "Luis Pereira": "Adviser"}


def test_a_verb_between_two_titled_people_is_no_part_of_a_title():
    people = described("In the hours that followed, President Costa called President Adeyemi.")
    assert people["Adeyemi"] == "President"


def test_a_full_name_said_once_is_confirmed_by_a_courtesy_title_later():
    people = aliases(
        "Rosa Pereira has served as the head of the fund since 2019.",
        "Ms. Pereira received her degree in 1998.",
    )
    assert people == {"Rosa Pereira": ("Pereira",)}


def test_a_first_lady_is_not_the_president_of_the_same_surname():
    people = described(
        "Families will have, as President Costa says, more room to breathe.",
        "First Lady Ana Costa and Education Secretary Luis Pereira visited a school.",
    )
    assert people == {
        "Costa": "President",
        "Ana Costa": "First Lady",
        "Luis Pereira": "Education Secretary",
    }


def test_capitalised_words_before_a_body_s_name_are_not_a_person():
    assert (
        described(
            "She served as Associate Director of the Solid State Coastal Wind Energy Research "
            "Center. He leads the National Alliance of Rural Water Users (NARWU). The Treasury "
            "issued a broad General License to provide relief. She was an Assistant Federal "
            "Public Defender."
        )
        == {}
    )


def test_a_quoted_nickname_stays_inside_the_name():
    people = aliases(
        "Vice Adm. Rosa M. “Rosie” Silva commands the fleet.", "Silva is a naval aviator."
    )
    assert people == {"Rosa M. Silva": ("Silva",)}


def test_a_title_before_a_shared_surname_says_which_of_a_couple_it_names():
    people = {
        person.name: (person.description, person.aliases)
        for person in find_people(
            blocks(
                "President Luis Costa signed the order on Monday.",
                "The initiative is led by First Lady Ana Costa.",
                "President Costa thanked the volunteers.",
            )
        )
    }
    assert people == {
        "Luis Costa": ("President", ("Costa",)),
        "Ana Costa": ("First Lady", ()),
    }


def test_a_firm_someone_works_at_or_joins_is_not_a_person():
    people = described(
        "Kalpana Kotagal is a Partner at Cohen Milstein, a member of the firm's Civil Rights "
        "practice group. Prior to joining Cohen Milstein, Kotagal served as a law clerk.",
        "Ana Costa met with Rui Silva, a senator from Porto.",
    )
    assert "Cohen Milstein" not in people
    assert people["Rui Silva"] == "a senator from Porto"


def test_the_words_after_an_ambassadors_title_are_no_persons_name():
    found = described(
        "The President nominated Mark Libby as Ambassador Extraordinary and Plenipotentiary to "
        "the Republic of Azerbaijan. Libby said the Ambassador Extraordinary and "
        "Plenipotentiary serves at the President's pleasure.",
        "She studied at the Judge Advocate Generals' School in Virginia.",
    )
    assert not {"Extraordinary", "Plenipotentiary", "Advocate Generals"} & set(found)


def test_a_security_detail_a_division_or_a_country_cut_short_is_no_person():
    found = described(
        "Smith served as a Special Agent in the Criminal Investigative Liaison Division and "
        "on the Secretary of State Protection Detail.",
        "Leaf was the U.S. Ambassador to the United Arab Emirates from 2014 to 2018.",
    )
    assert not {
        "Protection Detail",
        "Arab Emirates",
        "Criminal Investigative Liaison Division",
    } & set(found)


def test_the_words_of_an_office_between_two_titles_are_no_persons_name():
    found = described(
        "Uhlmann served as the Chief of the Environmental Crimes Section at the Department.",
        "Prouty was Chief Labor Counsel of the players' association from 2008 to 2013.",
    )
    assert not {"Crimes Section", "Labor"} & set(found)


def test_a_country_a_plan_or_a_party_after_a_title_is_no_person():
    found = described(
        "Hood served as the Principal Officer of the U.S. Consulate General in Dhahran, Saudi "
        "Arabia, and the Public Affairs Officer of the U.S. Embassy in Doha, Qatar.",
        "Under the President's Fiscal Year 2023 Budget and the President's American Rescue "
        "Plan, Melissa Butler, CEO and Founder of The Lip Bar, expanded.",
    )
    assert not {
        "Saudi Arabia",
        "Doha Qatar",
        "Fiscal Year",
        "American Rescue Plan",
        "Lip Bar",
    } & set(found)


def test_a_first_name_initials_and_a_surname_are_a_person_with_no_other_cue():
    people = described(
        "Ana R. Costa is a nationally known engineer and chair of the Harbour Arts Fund.",
        "Costa received her degree from the University of Lisbon.",
    )
    assert "Ana R. Costa" in people


def test_a_body_named_after_someone_with_an_initial_is_not_a_person():
    people = described("The John F. Lusk Center opened a new wing in 2020.")
    assert "John F. Lusk" not in people


def test_a_two_word_surname_after_a_title_is_the_person_named_in_full_before():
    people = aliases(
        "Judge Ana Sousa Vidal is a magistrate on the Harbour Superior Court.",
        "Before her appointment, Judge Sousa Vidal served as a public defender.",
    )
    assert people == {"Ana Sousa Vidal": ("Sousa Vidal",)}


def test_a_mission_area_or_an_office_after_a_title_is_no_person():
    people = described(
        "Ana Costa, Harbour State Director, Rural Development, Lisbon",
        "The Harbour Rural Development mission area helps rural towns. State Directors lead "
        "its offices.",
        "Rui Vidal served as Chief Operating Officer of Lisbon, overseeing its operations.",
        "Regional Directors lead the Harbour Agency’s 10 Regional Offices.",
    )
    assert not {"Rural Development", "Development", "Operating", "Directors"} & set(people)
