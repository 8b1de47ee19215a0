"""Real public-domain articles in every import shape, read as a user would hand them over.

The expected titles and inline definitions come from articles/real/SOURCES.md, which records
what each source article says; the readers must find them in every shape.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from functools import cache

import pytest

from briefings.text.readers import Reading, read_article
from tests.briefings.text.support import OWN

REAL = OWN / "real"
DOCX_SOURCE = "f_whitehouse_independent-agencies.json"

# Definitions the readers get wrong today: (file, term) -> what goes wrong.
MISSED_DEFINITIONS = {
    (
        "e_whitehouse_fly-formula-20th-mission.html",
        "HHS",
    ): "the expansion is cut to the letters' words: 'Health and Human Services'",
}
WRONG_TITLES = {
    "d_whitehouse_ceq-ce-works.txt": (
        "a headline split by a dash reads as a publisher line: the dek is taken (with a warning)"
    ),
}
INVENTED_BYLINES: dict[str, str] = {}

# Text that belongs to the YAML front matter or to the page around the article.
NOT_ARTICLE_TEXT = (
    "published_time",
    "modified_time",
    "source_url",
    "tags:",
    "bidenwhitehouse.archives.gov/briefing-room",
    "| The White House",
    "An official website of the United States government",
    "Briefing Room",
    "Get Involved",
    "Privacy Policy",
    "Accessibility Statement",
    "1600 Pennsylvania",
    "Statements and Releases",
    "###",
)


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u2060", "").split())


@cache
def sources() -> dict[str, tuple[str, tuple[tuple[str, str], ...]]]:
    """SOURCES.md: file name -> (true title, inline definitions as (term, expansion))."""
    rows: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}
    for line in (REAL / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split(" | ")]
        if len(cells) == 6 and re.match(r"[a-f]_", cells[0]):
            definitions = tuple(
                (term.strip(), expansion.strip())
                for term, expansion in (item.split(" = ", 1) for item in cells[5].split("; "))
            )
            rows[cells[0]] = (cells[2], definitions)
    return rows


def files() -> list[str]:
    return sorted(sources())


def docx_bytes(name: str) -> bytes:
    """A Word document made from the stored blocks: Title, Heading 2 sections, bullet lists."""
    import docx

    stored = json.loads((REAL / name).read_text(encoding="utf-8"))
    document = docx.Document()
    document.add_paragraph(stored["title"], style="Title")
    styles = {"heading": "Heading 2", "paragraph": None, "bullet": "List Bullet"}
    for kind, text in stored["blocks"]:
        document.add_paragraph(text, style=styles[kind])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def read(name: str) -> Reading:
    if name.endswith(".json"):
        return read_article(docx_bytes(name), filename=name.replace(".json", ".docx"))
    return read_article((REAL / name).read_bytes(), filename=name)


def known_failure(reasons: dict[str, str], name: str) -> pytest.ParameterSet:
    if name in reasons:
        return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reasons[name]))
    return pytest.param(name)


def definition_cases() -> list[pytest.ParameterSet]:
    cases = []
    for name, (_title, definitions) in sorted(sources().items()):
        for term, expansion in definitions:
            marks = []
            if (name, term) in MISSED_DEFINITIONS:
                reason = MISSED_DEFINITIONS[name, term]
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            cases.append(pytest.param(name, term, expansion, marks=marks, id=f"{name}-{term}"))
    return cases


def test_the_sources_list_six_articles_one_in_each_shape():
    assert [name[0] for name in files()] == ["a", "b", "c", "d", "e", "f"]
    for name in files():
        assert (REAL / name).is_file()


@pytest.mark.parametrize("name", [known_failure(WRONG_TITLES, name) for name in files()])
def test_each_real_article_imports_with_the_title_its_source_gives(name):
    reading = read(name)
    expected = sources()[name][0]
    assert normal(reading.article.title) == normal(expected)
    assert normal(reading.report.title) == normal(expected)


@pytest.mark.parametrize("name", files())
def test_no_front_matter_or_page_chrome_reaches_any_block(name):
    reading = read(name)
    title = normal(sources()[name][0])
    for block in reading.article.blocks:
        for chrome in NOT_ARTICLE_TEXT:
            assert chrome not in block.text, (chrome, block.text)
        assert normal(block.text) != title
        assert not block.text.startswith(("#", "---", "title:", "date:"))


@pytest.mark.parametrize("name", files())
def test_each_real_article_keeps_more_than_two_paragraphs(name):
    reading = read(name)
    paragraphs = [block for block in reading.article.blocks if block.kind == "paragraph"]
    assert reading.report.paragraphs > 2
    assert len(paragraphs) > 2


@pytest.mark.parametrize("name", [known_failure(INVENTED_BYLINES, name) for name in files()])
def test_an_article_without_an_author_gets_no_byline(name):
    reading = read(name)
    assert reading.article.byline == ""
    assert reading.report.byline == ""


@pytest.mark.parametrize(("name", "term", "expansion"), definition_cases())
def test_every_inline_definition_in_the_sources_reaches_the_glossary(name, term, expansion):
    glossary = {definition.term: definition.expansion for definition in read(name).article.glossary}
    assert term in glossary, sorted(glossary)
    assert normal(glossary[term]) == normal(expansion)
    undefined = {abbreviation.term for abbreviation in read(name).article.undefined_abbreviations}
    assert term not in undefined


def test_the_html_page_keeps_its_italic_dek_as_the_standfirst_not_as_a_paragraph():
    reading = read("e_whitehouse_fly-formula-20th-mission.html")
    dek = "Biden Administration will facilitate air shipment"
    assert reading.article.standfirst.startswith(dek)
    assert not any(block.text.startswith(dek) for block in reading.article.blocks)


def test_the_word_document_keeps_its_sections_and_bullets():
    reading = read(DOCX_SOURCE)
    kinds = [block.kind for block in reading.article.blocks]
    assert kinds.count("heading") == 3
    assert kinds.count("list_item") == 9
    assert reading.report.headings == 3
    assert reading.report.list_items == 9


def test_a_headline_split_by_a_dash_above_another_title_line_is_reported_as_a_doubt():
    warnings = read("d_whitehouse_ceq-ce-works.txt").report.warnings
    assert any(
        "two lines could be the title" in warning and "CEQ Demos Tech" in warning
        for warning in warnings
    )
