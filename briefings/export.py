"""The briefing as a JSON-ready dict (schema documented in README.md).

Other apps add sections (the quizzes app adds ``questions``) by registering a
function with ``register_export_section`` in their ``AppConfig.ready``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefings.models import Briefing, Paragraph

EXPORT_SCHEMA_VERSION = 1

_sections: dict[str, Callable[[Briefing], Any]] = {}


def register_export_section(name: str, build: Callable[[Briefing], Any]) -> None:
    _sections[name] = build


def _anchor(paragraph: Paragraph | None) -> str | None:
    return paragraph.anchor if paragraph is not None else None


def briefing_as_dict(briefing: Briefing) -> dict[str, Any]:
    """Use with ``selectors.briefing_export_queryset`` to avoid a query per row."""
    terms = list(briefing.glossary_terms.all())
    data: dict[str, Any] = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "slug": briefing.slug,
        "url": briefing.get_absolute_url(),
        "title": briefing.title,
        "standfirst": briefing.standfirst,
        "byline": briefing.byline,
        "publisher": briefing.publisher,
        "status": briefing.status,
        "source_name": briefing.source_name,
        "trailer": briefing.trailer.splitlines(),
        "paragraphs": [
            {"anchor": p.anchor, "number": p.number, "kind": p.kind, "text": p.text}
            for p in briefing.paragraphs.all()
        ],
        "glossary": [
            {
                "term": t.term,
                "expansion": t.expansion,
                "description": t.description,
                "source": t.source,
                "defined_in": _anchor(t.defined_in),
                "first_used_in": _anchor(t.first_used_in),
            }
            for t in terms
            if t.expansion
        ],
        "undefined_abbreviations": [
            {"term": t.term, "first_used_in": _anchor(t.first_used_in)}
            for t in terms
            if not t.expansion
        ],
        "people": [
            {
                "name": p.name,
                "description": p.description,
                "first_paragraph": _anchor(p.first_paragraph),
            }
            for p in briefing.people.all()
        ],
        "quotations": [
            {
                "text": q.text,
                "speaker": q.speaker.name if q.speaker else None,
                "speaker_label": q.speaker_label,
                "paragraph": q.paragraph.anchor,
                "start": q.start,
                "end": q.end,
            }
            for q in briefing.quotations.all()
        ],
        "cross_references": [
            {
                "title": r.title,
                "paragraph": r.paragraph.anchor,
                "target": r.target.slug if r.target else None,
            }
            for r in briefing.cross_references.all()
        ],
    }
    for name, build in _sections.items():
        data[name] = build(briefing)
    return data
