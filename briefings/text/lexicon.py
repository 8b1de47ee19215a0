"""Word lists the parser and the question generator share.

One list per vocabulary, so the parser that finds a speaker and the
generator that asks about one agree on what counts as speech, a month or an
abbreviation.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A lookup set from a whitespace-separated word list, so vocabularies stay readable."""
    return frozenset(words.split())


MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
