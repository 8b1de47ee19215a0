from briefings.text.sentences import (
    next_sentence_start,
    sentence_containing,
    sentence_starts,
    split_sentences,
)


def sentences(text):
    return [text[start:end] for start, end in split_sentences(text)]


def test_sentences_do_not_break_after_titles_initials_or_dotted_abbreviations():
    text = "Dr. Smith met U.S. officials. Donald J. Trump spoke. Then he left."
    starts = sentence_starts(text)
    assert [text[start:].split()[0] for start in starts] == ["Donald", "Then"]


def test_an_initialism_after_a_hyphen_does_not_end_the_sentence():
    text = "The Japan-U.S. Clean Energy Partnership began. It grew."
    assert sentences(text) == ["The Japan-U.S. Clean Energy Partnership began.", "It grew."]


def test_a_bracketed_initialism_before_a_number_does_not_end_the_sentence():
    text = (
        "The President issued Executive Order (E.O.) 14369 in May. Talks began (in the U.S.) Then."
    )
    assert sentences(text) == [
        "The President issued Executive Order (E.O.) 14369 in May.",
        "Talks began (in the U.S.)",
        "Then.",
    ]


def test_sentences_break_between_quotes_and_after_footnote_markers():
    text = "He said he “could not rule it out.” “Everything is possible,” he said.[3] Next one."
    starts = sentence_starts(text)
    assert [text[start : start + 5] for start in starts] == ["“Ever", "Next "]


def test_a_footnote_marker_stays_with_the_sentence_it_ends():
    text = "Flows fell by a tenth.[iv] Demand grew.[12] Prices rose. [3] Then rain came."
    assert sentences(text) == [
        "Flows fell by a tenth.[iv]",
        "Demand grew.[12]",
        "Prices rose. [3]",
        "Then rain came.",
    ]


def test_a_footnote_marker_never_opens_a_sentence():
    text = "The plan failed. [12] and was dropped."
    assert sentences(text) == [text]


def test_dotted_initialisms_month_abbreviations_and_degrees_stay_inside_a_sentence():
    text = "The U.S. Army left on Jan. 5 with a Ph.D. student. A second group followed."
    assert sentences(text) == [
        "The U.S. Army left on Jan. 5 with a Ph.D. student.",
        "A second group followed.",
    ]


def test_a_company_suffix_ends_a_sentence_before_a_capital():
    assert sentences("He joined Acme Inc. The firm grew.") == [
        "He joined Acme Inc.",
        "The firm grew.",
    ]


def test_decimal_points_and_lower_case_continuations_do_not_end_sentences():
    assert sentences("Costs rose 3.5 percent. e.g. the tariff. Next.") == [
        "Costs rose 3.5 percent. e.g. the tariff.",
        "Next.",
    ]


def test_question_marks_exclamations_and_closing_quotes_end_sentences():
    text = 'Why now? Nobody knows! He said: "Go." Then he left.'
    assert sentences(text) == ["Why now?", "Nobody knows!", 'He said: "Go."', "Then he left."]


def test_spans_exclude_surrounding_space():
    text = "  First one.   Second one.  "
    assert [text[a:b] for a, b in split_sentences(text)] == ["First one.", "Second one."]


def test_the_next_sentence_start_is_found_from_any_position():
    text = "One here. Two here. Three."
    assert text[next_sentence_start(text, 0) :] == "Two here. Three."
    assert text[next_sentence_start(text, 12) :] == "Three."
    assert next_sentence_start(text, 21) == len(text)


def test_the_sentence_containing_a_span_covers_every_sentence_it_touches():
    text = "One here. Two here. Three."
    spans = split_sentences(text)
    assert text[slice(*sentence_containing(spans, 12))] == "Two here."
    assert text[slice(*sentence_containing(spans, 5, 14))] == "One here. Two here."


def test_a_senate_report_number_does_not_end_a_sentence():
    from briefings.text.sentences import split_sentences

    text = "The committee report, S.Rept. 119-46, recommended $36 million. It passed in May."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The committee report, S.Rept. 119-46, recommended $36 million.",
        "It passed in May.",
    ]
