"""A briefing's glossary and facts as an Anki deck (.apkg), written with genanki.

genanki writes the package in pure Python (SQLite and zip from the standard
library, and three small packages). The ``anki`` package, Anki's own library,
could write it too, but it is a 10 MB compiled wheel built for a few
platforms that must open a full collection on disk to export one; the tests
use it to read the decks back, as Anki does.

Every note has a GUID made from what it is, not from when it was written:
a term's from its briefing and the term, a fact's from its briefing,
paragraph and sentence. Importing a newer deck of the same briefing into
Anki therefore updates its notes (a completed expansion, a second deletion
in a sentence) instead of adding them again, and keeps their review history.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import genanki

from briefings.models import Briefing, GlossaryTerm
from quizzes.models import Question
from quizzes.text.cards import CitedAnswer, FactCard, fact_cards

#: Fixed note type ids: Anki matches note types across imports by id.
TERM_MODEL_ID = 1_607_392_311
FACT_MODEL_ID = 1_607_392_312
GUID_NAMESPACE = "briefing-quiz"

_CSS = (
    ".card { font-family: sans-serif; font-size: 20px; line-height: 1.4; }\n"
    ".source { font-size: 14px; margin-top: 1em; }\n"
)

TERM_MODEL = genanki.Model(
    TERM_MODEL_ID,
    "Briefing & Quiz: glossary term",
    fields=[{"name": "Term"}, {"name": "Meaning"}, {"name": "Source"}],
    templates=[
        {
            "name": "Term → meaning",
            "qfmt": "{{Term}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Meaning}}<div class="source">{{Source}}</div>',
        }
    ],
    css=_CSS,
)

FACT_MODEL = genanki.Model(
    FACT_MODEL_ID,
    "Briefing & Quiz: fact",
    fields=[{"name": "Text"}, {"name": "Source"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": '{{cloze:Text}}<div class="source">{{Source}}</div>',
        }
    ],
    css=_CSS,
    model_type=genanki.Model.CLOZE,
)


@dataclass(frozen=True, slots=True)
class Deck:
    data: bytes
    terms: int
    facts: int

    @property
    def notes(self) -> int:
        return self.terms + self.facts


def deck_id(briefing: Briefing) -> int:
    digest = hashlib.sha256(f"{GUID_NAMESPACE} deck {briefing.pk}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4]) % (1 << 30)


def _source(briefing_url: str, title: str, paragraph: int | None) -> str:
    if paragraph is None:
        return f'<a href="{html.escape(briefing_url)}">{html.escape(title)}</a>'
    return (
        f'<a href="{html.escape(briefing_url)}#p{paragraph}">{html.escape(title)}, ¶{paragraph}</a>'
    )


def _meaning(term: GlossaryTerm) -> str:
    meaning = html.escape(term.expansion)
    if term.description:
        meaning += f"<br>{html.escape(term.description)}"
    return meaning


def _cited_answers(questions: list[Question]) -> list[CitedAnswer]:
    answers = []
    for question in questions:
        # An ordering question's items are whole events, not the words a fact asks for.
        correct = () if question.kind == Question.Kind.ORDERING else question.correct
        forms = tuple(str(form) for form in (*question.key_forms, *correct))
        for citation in question.citations:
            answers.append(
                CitedAnswer(int(citation["paragraph"]), str(citation.get("text", "")), forms)
            )
    return answers


def _package_bytes(deck: genanki.Deck, timestamp: float) -> bytes:
    """The .apkg genanki's ``write_to_file`` makes, in memory, leaving no temporary file."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            package = genanki.Package(deck)
            package.write_to_db(
                connection.cursor(), timestamp, itertools.count(int(timestamp * 1000))
            )
            connection.commit()
        finally:
            connection.close()
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
    return buffer.getvalue()


def briefing_deck(briefing: Briefing, *, base_url: str, timestamp: float | None = None) -> Deck:
    """The defined glossary terms and the facts of the approved questions, as one deck.

    ``base_url`` ("https://host") makes the paragraph links absolute: the
    cards are read in Anki, away from the site. Two queries.
    """
    briefing_url = base_url.rstrip("/") + briefing.get_absolute_url()
    deck = genanki.Deck(deck_id(briefing), briefing.title)
    tag = f"briefing::{briefing.slug}"
    terms = (
        briefing.glossary_terms.exclude(expansion="")
        .select_related("defined_in", "first_used_in")
        .order_by("term")
    )
    term_count = 0
    for term in terms:
        paragraph = term.defined_in or term.first_used_in
        deck.add_note(
            genanki.Note(
                model=TERM_MODEL,
                fields=[
                    html.escape(term.term),
                    _meaning(term),
                    _source(briefing_url, briefing.title, paragraph.number if paragraph else None),
                ],
                guid=genanki.guid_for(GUID_NAMESPACE, "term", briefing.pk, term.term.casefold()),
                tags=[tag, "glossary"],
            )
        )
        term_count += 1
    questions = list(
        briefing.questions.filter(status=Question.Status.APPROVED)
        .only("kind", "citations", "key_forms", "correct")
        .order_by("pk")
    )
    facts: list[FactCard] = fact_cards(_cited_answers(questions))
    for card in facts:
        deck.add_note(
            genanki.Note(
                model=FACT_MODEL,
                fields=[card.cloze, _source(briefing_url, briefing.title, card.paragraph)],
                guid=genanki.guid_for(
                    GUID_NAMESPACE,
                    "fact",
                    briefing.pk,
                    card.paragraph,
                    " ".join(card.sentence.split()),
                ),
                tags=[tag, "fact"],
            )
        )
    data = _package_bytes(deck, time.time() if timestamp is None else timestamp)
    return Deck(data=data, terms=term_count, facts=len(facts))
