from briefings.rendering import (
    CrossReferenceLink,
    TermLink,
    mark_terms_in_html,
    render_markdown,
    render_paragraph,
    render_plain,
)

CSTO = TermLink(
    term="CSTO", expansion="Collective Security Treaty Organisation", anchor="term-csto"
)


def test_raw_html_in_an_article_is_shown_as_text_not_executed():
    html = render_plain('Officials said <script>alert("x")</script> & left.')
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp; left" in html


def test_a_glossary_term_links_to_its_entry_with_its_expansion():
    html = render_plain("Leaders of the CSTO met.", terms=[CSTO])
    assert '<a class="term" href="#term-csto"' in html
    assert '<abbr title="Collective Security Treaty Organisation">CSTO</abbr>' in html


def test_only_the_first_occurrence_of_a_term_in_a_paragraph_is_marked():
    html = render_plain("The CSTO met. The CSTO agreed.", terms=[CSTO])
    assert html.count("<abbr") == 1


def test_a_term_inside_a_longer_word_is_not_marked():
    html = render_plain("CSTOS and XCSTO are not the term.", terms=[CSTO])
    assert "<abbr" not in html


def test_a_plural_of_a_term_is_marked():
    link = TermLink(term="ICBM", expansion="intercontinental ballistic missile", anchor="term-icbm")
    assert "<abbr" in render_plain("Russia has 330 ICBMs.", terms=[link])


def test_a_cross_reference_is_set_apart_and_keeps_its_text():
    text = "Fighting increased. (See Tajiks Talk Up Risks.)"
    start = text.index("(See")
    html = render_plain(
        text, cross_references=[CrossReferenceLink(start, len(text), "Tajiks Talk Up Risks", None)]
    )
    assert '<span class="xref">' in html
    assert "<cite>(See Tajiks Talk Up Risks.)</cite>" in html


def test_a_cross_reference_to_an_imported_briefing_is_a_link():
    text = "(See Other.)"
    html = render_plain(
        text, cross_references=[CrossReferenceLink(0, 12, "Other", "/briefings/other/")]
    )
    assert '<a href="/briefings/other/">(See Other.)</a>' in html


def test_footnote_markers_become_superscripts():
    html = render_plain("A claim.[12] Another.[iv]")
    assert '<sup class="footnote-marker">[12]</sup>' in html
    assert '<sup class="footnote-marker">[iv]</sup>' in html


def test_markdown_is_rendered_and_sanitised():
    html = render_markdown('**bold** <img src=x onerror="alert(1)"> [link](javascript:alert(1))')
    assert "<strong>bold</strong>" in html
    assert "onerror" not in html
    assert "javascript:" not in html


def test_a_markdown_paragraph_is_unwrapped_and_its_terms_marked():
    html = render_paragraph("The *CSTO* met.", markdown_format=True, terms=[CSTO])
    assert not html.startswith("<p>")
    assert "<em>" in html and "<abbr" in html


def test_terms_are_not_marked_inside_existing_links():
    html = mark_terms_in_html('<a href="/x">CSTO</a> and CSTO', [CSTO])
    assert html.startswith('<a href="/x">CSTO</a> and <a class="term"')


def test_a_term_is_never_marked_inside_another_terms_markup():
    treaty = TermLink(term="Treaty", expansion="an agreement", anchor="term-treaty")
    html = mark_terms_in_html("The CSTO met.", [CSTO, treaty])
    assert html.count("<abbr") == 1
    assert 'title="Collective Security Treaty Organisation"' in html


def test_several_terms_in_one_text_node_are_all_marked():
    cis = TermLink(term="CIS", expansion="Commonwealth of Independent States", anchor="term-cis")
    html = mark_terms_in_html("<p>The CIS and the CSTO met.</p>", [CSTO, cis])
    assert html.count("<abbr") == 2
    assert html.index("term-cis") < html.index("term-csto")
