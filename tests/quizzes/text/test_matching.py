from quizzes.text.generation import generate_questions
from tests.quizzes.text.builders import build_article


def matchings(article):
    return [
        question
        for seed in range(4)
        for question in generate_questions(article, seed=seed)
        if question.kind == "matching"
    ]


def test_acronyms_are_never_matched_to_their_expansions():
    article = build_article(
        [
            "The Collective Security Treaty Organisation (CSTO) met in May.",
            "The Commonwealth of Independent States (CIS) met in June.",
            "The Islamic Movement of Uzbekistan (IMU) was founded in 1998.",
        ],
        glossary=[
            ("CSTO", "Collective Security Treaty Organisation", ""),
            ("CIS", "Commonwealth of Independent States", ""),
            ("IMU", "Islamic Movement of Uzbekistan", ""),
        ],
    )
    for question in matchings(article):
        assert not {"CSTO", "CIS", "IMU"} & set(question.prompts)


PEOPLE = [
    "Deputy mayor Rustam Safarov opened the canal.",
    "Farm cooperative director Malika Ergasheva counted the losses.",
    "Fisheries inspector Saule Ospanova checked the nets.",
    "Russian president Ivan Petrov sent a message.",
    "Reservoir operations manager Marat Dzhumabaev closed the gate.",
]


def test_people_are_matched_to_specific_descriptions_without_a_nationality_cue():
    article = build_article(
        PEOPLE,
        people=[
            ("Rustam Safarov", "Deputy mayor"),
            ("Malika Ergasheva", "Farm cooperative director"),
            ("Saule Ospanova", "Fisheries inspector"),
            ("Ivan Petrov", "Russian president"),
            ("Marat Dzhumabaev", "Reservoir operations manager"),
        ],
    )
    questions = [q for q in matchings(article) if "describes" in q.stem]
    assert questions
    for question in questions:
        assert "Ivan Petrov" not in question.prompts
        pairs = dict(zip(question.prompts, question.correct, strict=True))
        assert pairs.get("Saule Ospanova", "fisheries inspector").lower() == "fisheries inspector"
        assert len(question.citations) == len(question.prompts)


def test_a_quotation_is_matched_only_to_a_speaker_its_sentence_names():
    article = build_article(
        [
            "\u201cThe engineering is the easy part,\u201d said Farrukh Alimov.",
            "Ainura Sultanova runs the district office. \u201cWe can manage a dry year, but not "
            "two,\u201d she said.",
            "\u201cPeople trust the schedule when it is written down,\u201d Marat Dzhumabaev said.",
            "Elmira Asanova met Kubanych Omurov. \u201cEvery repair upstream helps the villages "
            "downstream,\u201d she said.",
        ],
        people=[
            ("Farrukh Alimov", ""),
            ("Ainura Sultanova", ""),
            ("Marat Dzhumabaev", ""),
            ("Elmira Asanova", ""),
            ("Kubanych Omurov", ""),
        ],
        quotations=[
            ("The engineering", "Farrukh Alimov", "Farrukh Alimov"),
            ("We can manage", "Ainura Sultanova", "she"),
            ("People trust", "Marat Dzhumabaev", "Marat Dzhumabaev"),
            ("Every repair", "Elmira Asanova", "she"),
        ],
    )
    (question, *_) = [q for q in matchings(article) if "quotation" in q.stem]
    assert set(question.correct) == {"Farrukh Alimov", "Ainura Sultanova", "Marat Dzhumabaev"}
