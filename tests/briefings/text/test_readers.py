"""Reading articles in every shape: plain text, Markdown, HTML pages and Word .docx."""

from __future__ import annotations

import io
import re
import time
import unicodedata

import pytest

from briefings.text import parse_article
from briefings.text.readers import (
    ArticleError,
    Reading,
    TitleNeeded,
    detect_format,
    read_article,
)
from briefings.text.readers.dispatch import read_draft
from tests.briefings.text.support import OWN, SEED, SHARED, needs_shared, needs_shared_raw
from tests.conftest import SHARED_RAW

SHAPES = OWN / "shapes"


def sources_rows() -> dict[str, list[str]]:
    """SOURCES.md of the raw articles: file name -> the cells of its row."""
    rows: dict[str, list[str]] = {}
    sources = SHARED_RAW / "SOURCES.md"
    if not sources.exists():
        return rows
    for line in sources.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split(" | ")]
        if len(cells) > 8 and re.match(r"\d\d_", cells[0]):
            rows[cells[0]] = cells
    return rows


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u2060", "").split())


def raw_files() -> list[str]:
    return sorted(sources_rows()) or ["(missing)"]


def read_raw(name: str, title: str | None = None) -> Reading:
    path = SHARED_RAW / name
    return read_article(path.read_bytes(), filename=name, title=title)


def blocks_text(name: str) -> str:
    reading = read_raw(name)
    return "\n".join(block.text for block in reading.article.blocks)


# The raw-shape articles ------------------------------------------------------


@needs_shared_raw
@pytest.mark.parametrize("name", raw_files())
def test_every_raw_article_imports_with_the_title_its_sources_give(name):
    expected = sources_rows()[name][2]
    if name.startswith("08_"):
        with pytest.raises(TitleNeeded, match="no title line"):
            read_raw(name)
        return
    reading = read_raw(name)
    assert normal(reading.article.title) == normal(expected)
    assert reading.report.warnings == ()


@needs_shared_raw
def test_an_article_that_opens_on_a_dateline_asks_for_a_title_and_takes_the_one_given():
    name = "08_whitehouse_ostp-gold-standard-science.txt"
    with pytest.raises(TitleNeeded, match="dateline"):
        read_raw(name)
    reading = read_raw(name, title="Agency Guidance Issued")
    report = reading.report
    assert reading.article.title == "Agency Guidance Issued"
    assert report.dateline == "WASHINGTON, DC"
    assert report.standfirst == ""
    first = reading.article.blocks[0].text
    assert first.startswith("WASHINGTON, DC – Today")
    assert "WASHINGTON" not in report.undefined_abbreviations + report.glossary


@needs_shared_raw
@pytest.mark.parametrize(
    "name",
    [
        "09_crs_defense-primer-space-force.html",
        "10_whitehouse_us-palestinian-relationship-fact-sheet.html",
    ],
)
def test_page_chrome_never_reaches_the_paragraphs_and_headings_and_lists_are_kept(name):
    html = (SHARED_RAW / name).read_text(encoding="utf-8")
    chrome = re.findall(r"<(?:header|footer)[^>]*>(.*?)</(?:header|footer)>", html, re.DOTALL)
    chrome_lines = {
        line.strip()
        for part in chrome
        for line in re.sub(r"<[^>]+>", "\n", part).splitlines()
        if len(line.strip()) > 3
    }
    assert chrome_lines, "the page has chrome to drop"
    reading = read_raw(name)
    text = "\n".join(block.text for block in reading.article.blocks)
    blocks = {block.text for block in reading.article.blocks}
    assert not chrome_lines & blocks
    assert not [line for line in chrome_lines if len(line.split()) > 1 and line in text]
    report = reading.report
    assert report.headings == html.count("<h2")
    assert report.list_items >= html.count("<li") - html.count("<li><a href")
    found = re.search(r"<title>(.*?)</title>", html)
    assert found is not None
    title_tag = found.group(1)
    assert report.publisher == title_tag.rsplit(" | ", 1)[1]
    assert "|" not in report.title


@needs_shared_raw
@pytest.mark.parametrize(
    "name",
    ["01_usagm_bashar-fahmi.md", "02_whitehouse_c5plus1-leaders-meeting-readout.md"],
)
def test_front_matter_and_liquid_tags_are_never_shown(name):
    source = (SHARED_RAW / name).read_text(encoding="utf-8")
    front_matter = source.split("---")[1]
    keys = re.findall(r"^([\w-]+):", front_matter, re.MULTILINE)
    text = blocks_text(name)
    assert keys
    assert not [key for key in keys if f"{key}:" in text]
    assert "{%" not in text and "youtube=" not in text
    assert "###" not in text


def inline_definitions() -> dict[str, set[str]]:
    """SOURCES.md's "acronyms defined inline" column: file -> the defined terms."""
    found: dict[str, set[str]] = {}
    for name, cells in sources_rows().items():
        terms = set()
        for entry in cells[8].split("; "):
            if " = " in entry:
                terms.add(entry.split(" = ")[0].strip().split("(")[0].strip())
        found[name] = terms
    return found


@needs_shared_raw
def test_the_glossary_finds_nearly_every_inline_definition_and_no_false_term():
    expected = inline_definitions()
    assert sum(len(terms) for terms in expected.values()) >= 50
    missed, false = [], []
    for name, terms in expected.items():
        title = "Given Title" if name.startswith("08_") else None
        found = set(read_raw(name, title).report.glossary)
        missed += [(name, term) for term in terms - found]
        false += [(name, term) for term in found - terms]
    recall = 1 - len(missed) / sum(len(terms) for terms in expected.values())
    assert recall >= 0.95, missed
    assert false == []


@needs_shared_raw
def test_no_ordinary_word_of_an_article_is_listed_as_an_undefined_abbreviation():
    for name in sources_rows():
        title = "Given Title" if name.startswith("08_") else None
        reading = read_raw(name, title)
        text = "\n".join(block.text for block in reading.article.blocks)
        ordinary = set(re.findall(r"(?<![\w-])[a-z]{2,}(?![\w-])", text))
        undefined = reading.report.undefined_abbreviations
        assert not [term for term in undefined if term.lower().replace(".", "") in ordinary], name


# The seed and the shared articles keep their parse ---------------------------


@needs_shared
def test_the_seed_and_the_shared_articles_read_exactly_as_before():
    for path in [SEED, *sorted(SHARED.glob("0*.txt"))]:
        before = parse_article(path.read_bytes().decode("utf-8-sig"))
        assert read_article(path.read_bytes(), filename=path.name).article == before, path.name


# Plain text in its common shapes ---------------------------------------------


def read_shape(name: str) -> Reading:
    path = SHAPES / name
    return read_article(path.read_bytes(), filename=name)


def test_paragraphs_separated_by_single_newlines_become_paragraphs_and_short_lines_headings():
    reading = read_shape("single_newlines.txt")
    kinds = [(block.kind, block.text.split()[0]) for block in reading.article.blocks]
    assert reading.article.title == "Harbour Dredging Plan Splits Coastal Towns"
    assert kinds[3] == ("heading", "Costs")
    assert reading.report.paragraphs == 6 and reading.report.headings == 2
    assert reading.report.glossary == ("CFB",)
    assert reading.report.publisher == ""


def test_a_byline_of_several_authors_and_a_dateline_lead_are_recognised():
    reading = read_shape("dateline_byline.txt")
    report = reading.report
    assert report.byline == "By Ilse Verhoeven and Tomasz Wrona"
    assert report.dateline == "KORVANSK, March 3 (Northwire)"
    assert report.standfirst == ""
    assert reading.article.blocks[0].text.startswith("KORVANSK, March 3 (Northwire) - A convoy")
    assert report.list_items == 3
    assert "FULL STATEMENT" in [b.text for b in reading.article.blocks if b.kind == "heading"]


def test_definitions_in_transliteration_around_a_name_and_in_square_brackets_are_found():
    reading = read_shape("dateline_byline.txt")
    glossary = {d.term: d.expansion for d in reading.article.glossary}
    assert glossary == {
        "RRO": "Regional Relief Office",
        "GKNB": "State Committee for National Security",
        "SGR": "Special Mountain Rangers",
        "RB": "Rifle Brigade",
        "NBD": "Northern Border District",
    }
    assert reading.report.undefined_abbreviations == ()


def test_capitals_of_datelines_headings_and_shouted_phrases_are_not_abbreviations():
    text = (
        "Talks Resume\n\nISLAMABAD: Talks resumed on Monday.\n\n"
        "MOSCOW/KYIV — Both sides spoke.\n\nFULL STATEMENT\n\n"
        "PRESS RELEASE: The delegation of the ABC arrived. Read it HERE.\n"
    )
    report = read_article(text.encode(), filename="talks.txt").report
    assert report.undefined_abbreviations == ("ABC",)


def test_a_title_and_a_heading_that_could_swap_are_reported_as_a_doubt():
    text = (
        "Harbour Notes\n\nBackground\n\n"
        "The harbour was built in 1890 and was dredged twice since then.\n\nHistory\n\nIt grew."
    )
    report = read_article(text.encode(), filename="notes.txt").report
    assert report.title == "Harbour Notes"
    assert any("two lines could be the title" in warning for warning in report.warnings)


def test_the_leading_lines_can_be_marked_as_chrome_to_move_the_title():
    text = (
        "Skip to main content\n\nValley Post\n\nBridge Reopens After Repairs\n\n"
        "The bridge over the river reopened on Monday after six weeks of repairs to its deck.\n"
    )
    first = read_article(text.encode(), filename="post.txt")
    assert first.report.leading_lines[:3] == (
        "Skip to main content",
        "Valley Post",
        "Bridge Reopens After Repairs",
    )
    fixed = read_article(text.encode(), filename="post.txt", chrome_lines=2)
    assert fixed.article.title == "Bridge Reopens After Repairs"
    assert fixed.report.chrome_count == 2
    assert [block.text[:10] for block in fixed.article.blocks] == ["The bridge"]
    with pytest.raises(TitleNeeded, match="not a title line"):
        read_article(text.encode(), filename="post.txt", chrome_lines=3)


def test_a_text_that_opens_on_a_paragraph_asks_for_a_title():
    text = "The council met on Monday and approved the budget for the coming year after a debate.\n"
    with pytest.raises(TitleNeeded):
        read_article(text.encode(), filename="budget.txt")
    assert read_article(text.encode(), title="Budget Approved").article.title == "Budget Approved"


# Markdown ---------------------------------------------------------------------


def test_markdown_front_matter_gives_title_date_and_author_and_is_never_shown():
    reading = read_shape("front_matter.md")
    report = reading.report
    text = "\n".join(block.text for block in reading.article.blocks)
    assert report.format == "markdown"
    assert (report.title, report.date, report.byline) == (
        "Ferry Operator Cuts Winter Sailings",
        "2024-11-05",
        "By Petra Lindqvist",
    )
    for hidden in ("layout", "categories", "youtube", "{%", "{:", "https://", "icon.png", "**"):
        assert hidden not in text
    assert "See the full timetable for details." in text
    assert (report.headings, report.list_items) == (2, 3)
    assert reading.article.trailer == ("Media contact: press@example.org",)


def test_markdown_without_front_matter_takes_the_hash_title_dek_and_byline():
    report = read_shape("no_front_matter.md").report
    assert report.title == "Valley Council Approves New Bridge"
    assert (
        report.standfirst == "The crossing replaces a timber bridge closed since the spring floods"
    )
    assert report.byline == "By Sanna Heikkinen"
    assert report.dateline == "VELLBERG, June 12"
    assert (report.headings, report.list_items) == (1, 2)


# HTML -------------------------------------------------------------------------


def test_an_html_page_loses_its_chrome_and_keeps_title_headings_and_lists():
    reading = read_shape("page.html")
    text = "\n".join(block.text for block in reading.article.blocks)
    for chrome in ("cookies", "Weather forecasts", "Subscribe today", "Related stories", "Privacy"):
        assert chrome not in text
    report = reading.report
    assert report.title == "Mountain Rail Line Reopens After Landslide"
    assert report.publisher == "Northern Courier"
    assert report.byline == "By Elin Strand"
    assert (report.headings, report.list_items) == (2, 2)
    assert report.date == ""  # no date is stated by the page
    assert report.glossary == ("NRIA",)


def test_an_html_page_without_an_article_is_refused_in_one_line():
    with pytest.raises(ArticleError) as error:
        read_article(b"<html><body><nav>Home</nav></body></html>", filename="empty.html")
    assert "\n" not in str(error.value)


# Word .docx -------------------------------------------------------------------


def docx_bytes(*, title_style: bool = True) -> bytes:
    import docx

    document = docx.Document()
    if title_style:
        document.add_paragraph("Mine Safety Rules Tightened", style="Title")
        document.add_paragraph("Inspectors gain new powers", style="Subtitle")
    else:
        document.add_heading("Mine Safety Rules Tightened", level=1)
    document.add_paragraph(
        "The Mining Safety Inspectorate (MSI) will be able to close unsafe shafts at once, "
        "the ministry said on Thursday."
    )
    document.add_heading("What changes", level=2)
    document.add_paragraph("Unannounced inspections", style="List Bullet")
    document.add_paragraph("Fines doubled for repeat breaches", style="List Bullet")
    document.add_paragraph("The rules take effect in January.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("title_style", [True, False])
def test_a_word_document_gives_its_title_headings_and_lists(title_style):
    reading = read_article(docx_bytes(title_style=title_style), filename="mine.docx")
    report = reading.report
    assert report.format == "docx"
    assert report.title == "Mine Safety Rules Tightened"
    assert report.standfirst == ("Inspectors gain new powers" if title_style else "")
    assert [block.kind for block in reading.article.blocks] == [
        "paragraph",
        "heading",
        "list_item",
        "list_item",
        "paragraph",
    ]
    assert report.glossary == ("MSI",)


def test_a_broken_word_document_is_refused_in_one_line():
    with pytest.raises(ArticleError, match="not a readable Word"):
        read_article(b"PK\x03\x04 not really a zip", filename="broken.docx")


def test_the_format_is_told_from_the_name_or_else_the_bytes():
    assert detect_format(b"anything", "a.MD") == "markdown"
    assert detect_format(b"<!DOCTYPE html><html>", "") == "html"
    assert detect_format(docx_bytes(), "") == "docx"
    assert detect_format(b"---\ntitle: x\n---\n", "") == "markdown"
    assert detect_format(b"Plain Title\n\nBody.", "") == "text"


def test_the_report_renders_as_lines_for_the_command():
    lines = read_shape("dateline_byline.txt").report.lines()
    assert lines[:2] == ["format: plain text", "title: Grain Convoy Reaches Besieged Valley Towns"]
    assert "dateline: KORVANSK, March 3 (Northwire)" in lines
    assert "glossary: RRO, GKNB, SGR, RB, NBD" in lines
    assert not any(line.startswith("questions") for line in lines)


# Speed ----------------------------------------------------------------------------

PARAGRAPH = (
    "On March 3, officials of the Regional Relief Office (RRO) said 1,200 lorries had moved "
    "40 kilometres north, according to analyst Maria Lopez. “The road is open,” she said. "
) * 3
TWO_MB = 2 * 1024 * 1024


def big(shape: str) -> bytes:
    count = TWO_MB // len(PARAGRAPH.encode())
    wrapped = "\n".join(PARAGRAPH[i : i + 72] for i in range(0, len(PARAGRAPH), 72))
    if shape == "blank-lines.txt":
        text = "Wire | News\n\nA Long Title\n\nBy A Writer\n\n" + "\n\n".join([PARAGRAPH] * count)
    elif shape == "single-newlines.txt":
        text = "A Long Title\n" + "\n".join([PARAGRAPH] * count)
    elif shape == "hard-wrapped.txt":
        text = "A Long Title\n\n" + "\n\n".join([wrapped] * count)
    elif shape == "one-paragraph.txt":
        text = "A Long Title\n\n" + PARAGRAPH * count
    elif shape == "article.md":
        section = "## Section\n\n- an *item* with a [link](https://example.org)\n\n" + PARAGRAPH
        text = "---\ntitle: A Long Title\n---\n\n" + "\n\n".join([section] * (count * 3 // 4))
    else:
        section = f"<h2>Section</h2><p>{PARAGRAPH}</p><ul><li>an item</li></ul>"
        text = (
            "<html><head><title>A Long Title | Site</title></head><body><nav>Home</nav>"
            f"<article><h1>A Long Title</h1>{section * (count * 3 // 4)}</article></body></html>"
        )
    return text.encode()[: int(TWO_MB * 1.1)]


@pytest.mark.parametrize(
    "shape",
    [
        "blank-lines.txt",
        "single-newlines.txt",
        "hard-wrapped.txt",
        "one-paragraph.txt",
        "article.md",
        "page.html",
    ],
)
def test_a_2_mb_article_of_each_shape_is_read_within_seconds(shape):
    data = big(shape)
    # CPU time, not wall time: other work on a shared machine does not count.
    started = time.process_time()
    draft = read_draft(data, filename=shape)
    elapsed = time.process_time() - started
    assert draft.title == "A Long Title"
    assert elapsed < 8, f"{shape}: {elapsed:.1f} CPU seconds"


def test_the_whole_import_parse_grows_linearly_with_the_text():
    def seconds(size: int) -> float:
        text = "A Long Title\n\n" + PARAGRAPH * (size // len(PARAGRAPH))
        # The fastest of three runs: another process on the machine only slows a run down.
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            read_article(text.encode(), filename="one-paragraph.txt")
            runs.append(time.perf_counter() - started)
        return min(runs)

    small, large = seconds(20_000), seconds(160_000)
    # Eight times the text takes about eight times as long; a quadratic step would take 64.
    assert large < small * 24 + 0.3


def test_a_headline_led_by_a_label_in_capitals_is_the_title_not_a_dateline():
    text = (
        "The White House\n\n"
        "FACT SHEET: President Names New Envoy for the Harbour Talks on March 3, 2026\n\n"
        "The President today named a new envoy, who will lead the harbour talks from April.\n\n"
        "The talks began in 2024 and have met six times since then.\n"
    )
    article = read_article(text.encode(), filename="envoy.txt").article
    assert article.title.startswith("FACT SHEET: President Names New Envoy")
    assert article.publisher == "The White House"
    assert article.blocks[0].text.startswith("The President today named")


def test_a_dateline_that_opens_the_body_is_still_read_as_body_text():
    text = "Talks Resume\n\nISLAMABAD: Talks resumed on Monday after a week of delay.\n"
    article = read_article(text.encode(), filename="talks.txt").article
    assert article.title == "Talks Resume"
    assert article.blocks[0].text.startswith("ISLAMABAD: Talks resumed")
