from reviews.cloze import GAP, make_cloze


def test_the_answer_becomes_a_gap_in_its_sentence():
    cloze = make_cloze("Kunduz fell in late September.", ["September"])
    assert cloze is not None
    assert cloze.front == f"Kunduz fell in late {GAP}."
    assert cloze.back == "Kunduz fell in late September."
    assert cloze.answer == "September"


def test_the_sentence_keeps_its_own_spelling_of_the_answer():
    cloze = make_cloze("The CSTO met in Dushanbe.", ["csto"])
    assert cloze is not None
    assert cloze.answer == "CSTO"
    assert cloze.front == f"The {GAP} met in Dushanbe."


def test_the_longest_answer_found_is_hidden():
    cloze = make_cloze("About 1,000 Russian troops are based there.", ["1,000", "1,000 Russian"])
    assert cloze is not None
    assert cloze.front == f"About {GAP} troops are based there."


def test_only_whole_words_are_hidden():
    cloze = make_cloze("Tajikistan and Afghanistan share a border.", ["stan", "border"])
    assert cloze is not None
    assert cloze.answer == "border"


def test_no_gap_when_the_answer_is_not_in_the_sentence():
    assert make_cloze("Nothing to see here.", ["September"]) is None
    assert make_cloze("Nothing to see here.", ["", "  "]) is None


def test_no_gap_when_the_answer_is_the_whole_sentence():
    assert make_cloze("True.", ["True."]) is None
