from quizzes.text.cards import CitedAnswer, cloze_markup, fact_cards

SENTENCE = "Meeting with Russian president Vladimir Putin on October 6, Tajik leader said so."


def test_questions_citing_one_sentence_give_one_card_with_a_deletion_each():
    cards = fact_cards(
        [
            CitedAnswer(6, SENTENCE, ("October 6",)),
            CitedAnswer(6, SENTENCE, ("Vladimir Putin", "Putin")),
            CitedAnswer(6, SENTENCE, ("Putin",)),  # inside a deletion already made
        ]
    )
    assert len(cards) == 1
    assert cards[0].cloze == (
        "Meeting with Russian president {{c1::Vladimir Putin}} on {{c2::October 6}}, "
        "Tajik leader said so."
    )


def test_an_answer_that_is_not_in_the_sentence_makes_no_card():
    assert fact_cards([CitedAnswer(1, SENTENCE, ("True", "Kabul"))]) == []


def test_forms_match_whole_words_only():
    [card] = fact_cards([CitedAnswer(2, "The IMUS and the IMU met.", ("IMU",))])
    assert card.cloze == "The IMUS and the {{c1::IMU}} met."


def test_markup_and_cloze_syntax_in_the_text_are_made_inert():
    assert cloze_markup("a <b> :: {{x}}", [(0, 1)]) == "{{c1::a}} &lt;b&gt; :&#58; {&#123;x}&#125;"
