"""Comprehension questions generated from an article's facts.

Each fact (see :mod:`quizzes.text.facts`) becomes at most one question, so no
two questions ask the same thing; the question's ``key`` fingerprints what is
asked (the fact's kind, subject and answer), not how, so regenerating an
article with another ``seed`` replaces a question instead of duplicating it.
On top of those, the generator builds questions about several facts at once:
matching (acronym and expansion, person and description, quotation and
speaker), ordering (dated events) and multiple response (acronyms defined,
people quoted, statements true).

Rules every question keeps:

* Wrong options are of the answer's kind (a date for a date, a person for a
  person, a number counting the same thing, an organisation for an
  organisation), taken from the same article first and from
  :mod:`quizzes.text.pool` only when the article has too few. None equals
  the answer after normalisation, none repeats another, and none stands out
  by its form: all options share the answer's capitalisation pattern, have a
  comparable length and hold digits only if the answer does.
* No stem contains its answer (as whole words or numbers, after
  :func:`~quizzes.text.answers.normalise_answer`); for a cloze, the answer
  does not appear elsewhere in the blanked sentence either.
* The explanation quotes the source sentence, and ``paragraph``/``start``/
  ``end`` give its span. For single choice and cloze, the answer is written
  in that paragraph.
* Wrong options must be wrong, not merely different: a person whose
  description holds or shares its role with the one asked about ("reporter"
  and "reporter from a local outlet") is not offered for it, nobody a
  quotation names is offered as its speaker, and a place the text writes
  beside the answer ("Tashkent, Uzbekistan") is not offered for it.
* A true/false statement is the source sentence itself (true) or that
  sentence with one value swapped for another value of the same kind (false);
  statements are never negated. Places are never swapped: "killed in Kabul"
  with "Afghanistan" swapped in would still be true.
* Dated events are ordered only when the text makes their order certain:
  dates that state a year are compared as written, with each date standing
  for the whole period it names ("2005" is all of 2005, "the late 1990s" is
  1996-1999), and two events are ordered only when their periods do not
  overlap. Dates without a year ("October 3") are ordered only among
  themselves and only when they all fall within three months of the calendar
  without crossing a new year, which in a news story means one sequence of
  events; they are never mixed with dated years. Ranges ("between 2003 and
  2008") are not ordered.

``difficulty`` is a heuristic in [0, 1]: a base for the question type
(recognising is easier than recalling: true/false 0.2, single choice 0.3,
matching 0.4, multiple response 0.45, ordering 0.55, cloze 0.55), plus 0.1
for exact figures and dates, plus 0.05 per matching or ordering item beyond
three, plus 0.1 when a numeric distractor is within a quarter of the answer,
plus 0.05 for a source sentence over 30 words, minus 0.1 for an acronym's
expansion (the letters are a hint); clamped to [0.05, 0.95].

Each question type lives in its own module under :mod:`.kinds`, with its
builders, its checks and its base difficulty; :data:`.kinds.TYPES` registers
them. ``citations`` lists every sentence a question uses and ``facts`` the
key of every fact it rests on, keyed as the question about that fact alone
would be.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from briefings.text.article import ParsedArticle
from quizzes.text.facts import Fact, extract_facts
from quizzes.text.generation.aspects import aspects
from quizzes.text.generation.drafts import BLANK, Draft, finish
from quizzes.text.generation.kinds import TYPES, problems
from quizzes.text.generation.source import VALUE_KINDS, Source
from quizzes.text.question import QUESTION_KINDS, GeneratedQuestion
from quizzes.text.ranking import rank_questions

__all__ = ["BLANK", "GENERATOR_VERSION", "generate_questions"]

GENERATOR_VERSION = "1"

_MAX_QUESTIONS_PER_SENTENCE = 3


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


def generate_questions(
    article: ParsedArticle, facts: tuple[Fact, ...] | None = None, *, seed: int = 0
) -> tuple[GeneratedQuestion, ...]:
    """Comprehension questions about ``article``, in reading order.

    ``facts`` defaults to :func:`~quizzes.text.facts.extract_facts`;
    ``seed`` varies the choice of question types, distractors and option
    order. The same article, facts and seed always give the same questions.
    An article with few facts gives a short quiz (possibly empty), never an
    error.
    """
    source = Source(article, extract_facts(article) if facts is None else facts, seed)
    drafts = [*_fact_questions(source)]
    for question_type in TYPES.values():
        if question_type.collective is not None:
            drafts.extend(question_type.collective(source))
    questions: dict[str, GeneratedQuestion] = {}
    for draft in drafts:
        question = finish(source, draft)
        if question.key not in questions and not problems(question):
            questions[question.key] = question
    kind_order = {kind: index for index, kind in enumerate(QUESTION_KINDS)}
    ordered = sorted(questions.values(), key=lambda q: (q.paragraph, q.start, kind_order[q.kind]))
    return rank_questions(article, ordered)
