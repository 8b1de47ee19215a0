"""Facts a comprehension question can ask about, found in a parsed article.

A :class:`Fact` is one checkable statement the text makes, tied to the
sentence that makes it: when something happened, how much of something there
is, who said what, who someone is, what an acronym stands for, and where an
event took place or whom a group has aligned itself with. Questions are built
from facts (see :mod:`quizzes.text.generation`), so every question can quote
its source.

Only the text is used; nothing is looked up or inferred from outside it.

Dates are kept as written. ``year`` is set only when that date expression
itself states the year ("April 30, 2018", "February 2022", "since 1991");
"October 3" gets no year even when the article is plainly from a given year,
because the text does not say so. The generator orders dated events only when
their order follows from what is written (see :mod:`quizzes.text.generation`).

The extraction is heuristic and errs towards missing a fact rather than
inventing one: a number with no unit ("He was 38") or a date inside a range
("2008-2013") yields nothing.
"""

from briefings.text.sentences import sentence_containing, split_sentences
from quizzes.text.facts.extraction import extract_facts
from quizzes.text.facts.model import FACT_KINDS, Fact, FactKind
from quizzes.text.facts.phrases import event_phrase
from quizzes.text.facts.written_dates import contains_date

__all__ = [
    "FACT_KINDS",
    "Fact",
    "FactKind",
    "contains_date",
    "event_phrase",
    "extract_facts",
    "sentence_containing",
    "split_sentences",
]
