"""Comprehension questions generated from an article's facts.

Each fact (see :mod:`quizzes.text.facts`) becomes at most one question, so no
two questions ask the same thing; the question's ``key`` fingerprints what is
asked (the fact's kind, subject and answer), not how, so regenerating an
article with another ``seed`` replaces a question instead of duplicating it.
On top of those, the generator builds questions about several facts at once:
matching (person and description, quotation and speaker), ordering (dated
events) and multiple response (people quoted, statements true).

Rules every question keeps (a question that cannot keep them is not made):

* It stands alone: its sentence is shown from its start (only a long one is
  cut, at its end), with footnote markers and linking openers removed and a
  leading "He"/"She" replaced by the one person the sentence before names;
  a sentence leaning on another ("It", "This plan", "also", "last year", a
  bare weekday) is not used.
* It is worth asking: no datelines, dates of reports or interviews,
  cross-references, document titles, passers-by's ages, world-known offices,
  someone's schooling, and nothing the headline prints.
* Wrong options are of the answer's kind and granularity (a date for a date,
  a person of the article for a person, a figure in the same unit, an
  organisation for an organisation) and come from the same article;
  :mod:`quizzes.text.pool` only adds nearby dates and round steps from a
  figure, never halves or doubles. None equals the answer after
  normalisation, none is another name, part or whole of it, none repeats
  another, and none stands out by its form.
* No acronym question that its letters answer: a full name is asked in its
  sentence among the article's other names, never by its initials.
* No stem contains its answer (as whole words or numbers, after
  :func:`~quizzes.text.answers.normalise_answer`), nor one end of a pair
  whose other end it prints ("fiscal years 2024 and _____").
* A true/false statement is the source sentence (true) or that sentence with
  one value swapped for another value of the same kind that the article
  states elsewhere (false), refused when any sentence about the same subject
  supports the swapped value; statements are never negated.
* A speaker is asked only when the text names them beside the quotation.
* Dated events are ordered only when the text makes their order certain:
  explicit, distinct dates, each item a clause with its subject, one per
  actor; ranges, bounds ("since 2010") and plans ("by 2028") are not ordered.
* ``citations`` lists every sentence a question uses (a quotation closed by
  "he said" cites the sentence naming him too), ``facts`` the key of every
  fact it rests on, keyed as the question about that fact alone would be, and
  ``key_forms`` every way the text writes its answer, so that
  :func:`~quizzes.text.selection.draw_quiz` can keep questions that answer
  one another out of one quiz. ``importance`` comes from
  :mod:`quizzes.text.ranking`.

``difficulty`` is a heuristic in [0, 1]: a base for the question type
(recognising is easier than recalling: true/false 0.2, single choice 0.3,
matching 0.4, multiple response 0.45, ordering 0.55, cloze 0.55), plus 0.1
for exact figures and dates, plus 0.05 per matching or ordering item beyond
three, plus 0.1 when a numeric distractor is within a quarter of the answer,
plus 0.05 for a source sentence over 30 words; clamped to [0.05, 0.95].

Each question type lives in its own module under :mod:`.kinds`, with its
builders, its checks and its base difficulty; :data:`.kinds.TYPES` registers
them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from briefings.text.article import ParsedArticle, Person
from briefings.text.structure import extraction_blocks
from quizzes.text.facts import Fact, extract_facts
from quizzes.text.generation.aspects import aspects
from quizzes.text.generation.drafts import BLANK, Draft, finish
from quizzes.text.generation.kinds import TYPES, problems
from quizzes.text.generation.source import VALUE_KINDS, Source, mentions
from quizzes.text.question import QUESTION_KINDS, GeneratedQuestion
from quizzes.text.ranking import rank_questions

__all__ = ["BLANK", "GENERATOR_VERSION", "generate_questions"]

GENERATOR_VERSION = "41"

_MAX_QUESTIONS_PER_SENTENCE = 3

# What questions are drawn from, so that generating them takes bounded time: the
# first 32 KB of body text (some 5,000 words, the whole of every sample article)
# and at most its first 400 facts, since each value is compared with every other
# value of its kind.
MAX_SOURCE_CHARACTERS = 32 * 1024
MAX_SOURCE_FACTS = 400


def _fact_questions(source: Source) -> Iterator[Draft]:
    """One question per aspect of a fact, in reading order, spreading the types evenly."""
    used: Counter[str] = Counter()
    per_sentence: Counter[tuple[int, int]] = Counter()
    for fact in source.facts:
        for aspect, key in aspects(fact):
            # A sentence packed with figures should not become a run of near-identical gaps.
            where = (fact.paragraph, fact.sentence_start)
            is_value = fact.kind in (*VALUE_KINDS, "entity")
            if is_value and per_sentence[where] >= _MAX_QUESTIONS_PER_SENTENCE:
                continue
            forms = [
                (kind, question_type.builders[aspect])
                for kind, question_type in TYPES.items()
                if aspect in question_type.builders
            ]
            tie = source.rng(key).random
            ranked = sorted(forms, key=lambda form: (used[form[0]], tie()))
            for kind, builder in ranked:
                draft = builder(source, fact, key)
                if draft is not None and not problems(finish(source, draft)):
                    used[kind] += 1
                    per_sentence[where] += is_value
                    yield draft
                    break


def _headline_tells(article: ParsedArticle, question: GeneratedQuestion) -> bool:
    """Whether the title or standfirst prints what a gap or choice asks for.

    "Three reporters killed in _____" under the headline "Three Reporters
    Killed in Mexico" asks nothing.
    """
    if question.kind not in ("single_choice", "cloze"):
        return False
    headline = f"{article.title}\n{article.standfirst}"
    return any(mentions(headline, form) for form in question.key_forms)


def _readable(article: ParsedArticle) -> ParsedArticle:
    """The article cut after MAX_SOURCE_CHARACTERS characters of body text, with
    what the parser found in the rest left out."""
    blocks = extraction_blocks(article.blocks, limit=MAX_SOURCE_CHARACTERS)
    if len(blocks) == len(article.blocks) and blocks[-1:] == article.blocks[-1:]:
        return article
    kept = {block.number: len(block.text) for block in blocks}
    text = "\n".join(block.text for block in blocks)

    def inside(paragraph: int, end: int) -> bool:
        return end <= kept.get(paragraph, -1)

    def named(person: Person) -> bool:
        return any(form in text for form in (person.name, *person.aliases))

    return replace(
        article,
        blocks=blocks,
        cross_references=tuple(r for r in article.cross_references if inside(r.paragraph, r.end)),
        glossary=tuple(d for d in article.glossary if inside(d.defined_in, d.end)),
        undefined_abbreviations=tuple(
            a for a in article.undefined_abbreviations if a.first_used_in in kept
        ),
        people=tuple(
            replace(p, paragraphs=tuple(n for n in p.paragraphs if n in kept))
            for p in article.people
            if p.first_paragraph in kept and named(p)
        ),
        quotations=tuple(q for q in article.quotations if inside(q.paragraph, q.end)),
    )


def _facts_in(article: ParsedArticle, facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """The facts that lie in the article's (perhaps cut) text."""
    lengths = {block.number: len(block.text) for block in article.blocks}
    return tuple(f for f in facts if f.sentence_end <= lengths.get(f.paragraph, -1))


def generate_questions(
    article: ParsedArticle, facts: tuple[Fact, ...] | None = None, *, seed: int = 0
) -> tuple[GeneratedQuestion, ...]:
    """Comprehension questions about ``article``, in reading order.

    ``facts`` defaults to :func:`~quizzes.text.facts.extract_facts`;
    ``seed`` varies the choice of question types, distractors and option
    order. The same article, facts and seed always give the same questions.
    An article with few facts gives a short quiz (possibly empty), never an
    error. Questions come from the first MAX_SOURCE_CHARACTERS characters of
    body text and from its first MAX_SOURCE_FACTS facts.
    """
    article = _readable(article)
    facts = _facts_in(article, extract_facts(article) if facts is None else facts)
    source = Source(article, facts[:MAX_SOURCE_FACTS], seed)
    drafts = [*_fact_questions(source)]
    for question_type in TYPES.values():
        if question_type.collective is not None:
            drafts.extend(question_type.collective(source))
    questions: dict[str, GeneratedQuestion] = {}
    asked: set[tuple[str, tuple[str, ...]]] = set()
    for draft in drafts:
        question = finish(source, draft)
        if question.key in questions or problems(question) or _headline_tells(article, question):
            continue
        # Two facts of one sentence can each give the sentence as written: one question.
        if (question.stem, question.options) in asked:
            continue
        asked.add((question.stem, question.options))
        questions[question.key] = question
    kind_order = {kind: index for index, kind in enumerate(QUESTION_KINDS)}
    ordered = sorted(questions.values(), key=lambda q: (q.paragraph, q.start, kind_order[q.kind]))
    return rank_questions(article, ordered)
