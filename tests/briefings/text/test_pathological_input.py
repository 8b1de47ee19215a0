"""Parsing time is bounded: pathological uploads import, or are refused, within seconds.

The shapes (nested and unbalanced quotes, brackets and parentheses, one huge
line, thousands of short lines, runs of stops, dates, definitions and names)
come from bench/parsing_bounds.py, which prints their timings. Times are CPU
seconds of this process: other work on a busy machine slows the wall clock,
not this one, so the bounds can be generous and still fail a quadratic step.
"""

import gc
import time
from collections.abc import Callable

import pytest

from bench.parsing_bounds import SHAPES, article
from briefings.text import ArticleError, parse_article
from briefings.text.readers import read_article
from briefings.text.structure import MAX_ARTICLE_BYTES, MAX_EXTRACTED_CHARACTERS
from quizzes.text import generate_questions, generation
from quizzes.text.generation import MAX_SOURCE_CHARACTERS
from tests.briefings.text.support import OWN

MB = 1024 * 1024
BOUND = 10.0  # CPU seconds: several times what any shape takes now

# Shapes whose parse was quadratic (or worse) before; their doubling test runs below
# the extraction limit, where every step still reads all of the text.
FORMERLY_QUADRATIC = ["straight-quotes", "curly-quotes", "definitions", "names", "wrapped-lines"]
DOUBLING_SIZE = 160 * 1024


def cpu_seconds(step: Callable[[], object]) -> tuple[object, float]:
    gc.collect()  # garbage left by an earlier step is not this one's cost
    started = time.process_time()
    result = step()
    return result, time.process_time() - started


def imports_with_questions_within_bound(data: bytes) -> None:
    reading, parse_time = cpu_seconds(lambda: read_article(data, filename="article.txt"))
    article = reading.article
    assert article.title == "A Headline for a Pathological Article"
    assert article.blocks
    assert parse_time < BOUND, f"parsed in {parse_time:.1f} s"
    _, generation_time = cpu_seconds(lambda: generate_questions(article))
    assert generation_time < BOUND, f"questions generated in {generation_time:.1f} s"


@pytest.mark.parametrize("shape", SHAPES)
def test_a_one_megabyte_article_of_each_shape_imports_with_its_questions_within_seconds(shape):
    imports_with_questions_within_bound(article(shape, MB))


def test_five_megabytes_is_the_largest_article_accepted():
    assert MAX_ARTICLE_BYTES == 5 * MB


@pytest.mark.parametrize("shape", SHAPES)
def test_a_five_megabyte_article_of_each_shape_imports_with_its_questions_within_seconds(shape):
    imports_with_questions_within_bound(article(shape, MAX_ARTICLE_BYTES))


@pytest.mark.parametrize("shape", ["curly-quotes", "definitions"])
def test_an_article_a_byte_over_five_megabytes_is_refused_before_any_parsing(shape):
    data = article(shape, MAX_ARTICLE_BYTES + 1)
    started = time.process_time()
    with pytest.raises(ArticleError, match=r"^The article is 5\.0 MB; the limit is 5 MB\.$"):
        read_article(data, filename="article.txt")
    with pytest.raises(ArticleError, match=r"^The article is larger than the 5 MB limit\.$"):
        parse_article(data.decode("utf-8", errors="ignore") + "x" * 4)
    assert time.process_time() - started < 1


@pytest.mark.parametrize("shape", FORMERLY_QUADRATIC)
def test_twice_the_text_takes_about_twice_as_long_to_parse(shape):
    def seconds(data: bytes) -> float:
        return cpu_seconds(lambda: read_article(data, filename="article.txt"))[1]

    assert DOUBLING_SIZE * 2 < MAX_EXTRACTED_CHARACTERS
    small, large = article(shape, DOUBLING_SIZE), article(shape, DOUBLING_SIZE * 2)
    # The fastest of three runs of each, taken in turns so that a busy spell on the machine
    # (other test workers) weighs on both sizes alike: a run can only be slowed down.
    runs = [(seconds(small), seconds(large)) for _ in range(3)]
    single, double = min(r[0] for r in runs), min(r[1] for r in runs)
    # Linear work doubles; quadratic work would take four times as long.
    assert double / single < 3, f"{single:.2f} s, then {double:.2f} s"


def test_terms_people_and_quotations_beyond_the_first_512_kb_are_not_looked_for():
    filler = "The council met again and nothing was decided that day. " * 12
    paragraphs = [filler] * (MAX_EXTRACTED_CHARACTERS // len(filler) + 10)
    paragraphs.append(
        "The Shanghai Cooperation Organisation (SCO) met. “We will win,” said Dr. Ann Lee."
    )
    text = "Wire\n\nA Long Report\n\n" + "\n\n".join(paragraphs)
    reading = read_article(text.encode(), filename="report.txt")
    assert not reading.article.glossary
    assert not reading.article.people
    assert not reading.article.quotations
    assert reading.article.blocks[-1].text.startswith("The Shanghai Cooperation Organisation")
    assert "only the first 512 KB of the text were searched" in " ".join(reading.report.warnings)


def test_the_limits_leave_the_longest_sample_article_whole(monkeypatch):
    path = OWN / "long_report.txt"
    reading = read_article(path.read_bytes(), filename=path.name)
    length = sum(len(block.text) for block in reading.article.blocks)
    assert length < MAX_SOURCE_CHARACTERS < MAX_EXTRACTED_CHARACTERS
    assert not any("searched" in warning for warning in reading.report.warnings)
    questions = generate_questions(reading.article)
    monkeypatch.setattr(generation, "MAX_SOURCE_CHARACTERS", MAX_ARTICLE_BYTES)
    monkeypatch.setattr(generation, "MAX_SOURCE_FACTS", MAX_ARTICLE_BYTES)
    assert generate_questions(reading.article) == questions


def test_questions_come_from_the_first_32_kb_of_body_text():
    sentence = "On March {day}, 2020, the council of Korvansk approved {count} new wells. "
    paragraphs = [
        "".join(sentence.format(day=day % 28 + 1, count=100 + number) for day in range(8))
        for number in range(MAX_SOURCE_CHARACTERS // 250)
    ]
    text = "Wire\n\nA Long Report\n\n" + "\n\n".join(paragraphs)
    parsed = read_article(text.encode(), filename="report.txt").article
    assert sum(len(block.text) for block in parsed.blocks) > 2 * MAX_SOURCE_CHARACTERS
    questions = generate_questions(parsed)
    assert questions
    before = 0  # characters of body text before each paragraph
    offsets = {}
    for block in parsed.blocks:
        offsets[block.number] = before
        before += len(block.text)
    assert max(offsets[q.paragraph] + q.end for q in questions) <= MAX_SOURCE_CHARACTERS
