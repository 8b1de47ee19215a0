"""Writes to briefings: importing articles and rendering them.

Views, admin actions, management commands and seed loading all go through
these functions, so every path validates and renders the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy

from briefings import rendering
from briefings.models import (
    Briefing,
    CrossReference,
    GlossaryTerm,
    Paragraph,
    Person,
    Quotation,
)
from briefings.signals import briefing_copied, briefing_imported, paragraphs_retiring
from briefings.text import ArticleError, ParsedArticle
from briefings.text.article import Notice
from briefings.text.readers import ImportReport, Reading, TitleNeeded, read_article
from organisations.selectors import is_platform_superuser, taught_organisation_ids

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from organisations.models import Organisation

    type Actor = AbstractBaseUser | AnonymousUser

MAX_ARTICLE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    briefing: Briefing
    action: Literal["created", "updated", "unchanged"]
    report: ImportReport


def preview_article(
    *, data: bytes, source_name: str, title: str | None = None, chrome_lines: int | None = None
) -> Reading:
    """Read an article file without writing anything: the parse and its import report.

    Any problem becomes a ValidationError on "source" naming the file; a text
    with no title line gives one with code "title_needed" (ask for a title).
    """
    if len(data) > MAX_ARTICLE_BYTES:
        raise ValidationError({"source": too_large(source_name, len(data))})
    try:
        return read_article(data, filename=source_name, title=title, chrome_lines=chrome_lines)
    except TitleNeeded as error:
        raise ValidationError(
            {"source": ValidationError(_named(source_name, error), code="title_needed")}
        ) from error
    except ArticleError as error:
        raise ValidationError({"source": _named(source_name, error)}) from error


def _named(source_name: str, error: ArticleError) -> str:
    """The reader's error, after the name of the file it is about."""
    return gettext("%(name)s: %(message)s") % {"name": source_name, "message": translated(error)}


def translated(item: ArticleError | Notice) -> str:
    """A reader's error or notice in the user's language, its values filled in."""
    params = {
        name: translated(value) if isinstance(value, Notice) else value
        for name, value in item.params.items()
    }
    message = gettext(item.message)
    return message % params if params else message


def too_large(source_name: str, size: int) -> str:
    """The message for a file or text over the size limit, in the user's language."""
    return gettext("%(name)s: the file is over 5 MB (%(size)s bytes).") % {
        "name": source_name,
        "size": number_format(size, force_grouping=True),
    }


def parse_source(*, data: bytes, source_name: str, title: str | None = None) -> ParsedArticle:
    """Parse raw bytes, turning any problem into a ValidationError naming the file."""
    return preview_article(data=data, source_name=source_name, title=title).article


def unique_slug(title: str) -> str:
    base = slugify(title)[:110] or "briefing"
    slug, counter = base, 2
    while Briefing.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


SHARED_IS_PLATFORM_ONLY = gettext_lazy(
    "Only platform admins publish a briefing to every organisation; choose your organisation."
)


def check_briefing_owner(*, briefing: Briefing, by: Actor | None) -> None:
    """Refuse a save by ``by`` that would create, change or produce platform-shared content.

    Platform superusers, and platform tasks (``by`` is None: management
    commands, seed loading), may do anything. Everyone else must give one of
    the organisations they teach, and may not change a briefing that is
    stored as shared or as another organisation's.
    """
    if by is None or is_platform_superuser(by):
        return
    taught = set(taught_organisation_ids(by))
    if briefing.pk is not None:
        stored = Briefing.objects.filter(pk=briefing.pk).values_list("organisation_id", flat=True)
        owner = stored.first()
        if owner is None or owner not in taught:
            raise ValidationError(
                gettext(
                    "Only platform admins change a platform-shared briefing; "
                    "copy it to your organisation to edit it."
                )
            )
    if briefing.organisation_id is None:
        raise ValidationError({"organisation": SHARED_IS_PLATFORM_ONLY})
    if briefing.organisation_id not in taught:
        raise ValidationError(
            {"organisation": gettext("Choose one of the organisations you teach.")}
        )


def save_briefing(*, briefing: Briefing, by: Actor | None) -> Briefing:
    """Validate and save a briefing's own fields; see ``check_briefing_owner``."""
    check_briefing_owner(briefing=briefing, by=by)
    briefing.full_clean()
    with transaction.atomic():
        briefing.save()
    return briefing


def import_article(
    *,
    data: bytes,
    source_name: str,
    update: bool = False,
    organisation: Organisation | None = None,
    approve_questions: bool = False,
    title: str | None = None,
    chrome_lines: int | None = None,
    draft: bool = False,
) -> ImportOutcome:
    """Store an article as a briefing.

    Importing the same bytes again changes nothing. A changed file is refused
    unless ``update`` is true; an update keeps learner data and refuses when it
    would remove a paragraph that questions or answers refer to. Nothing is
    written when anything fails. ``approve_questions`` publishes the generated
    question bank at once instead of leaving it as drafts for review.
    ``title`` and ``chrome_lines`` are passed to the reader (see
    ``preview_article``); ``draft`` stores a new briefing as a draft. The
    outcome carries the import report, with the number of questions.
    """
    reading = preview_article(
        data=data, source_name=source_name, title=title, chrome_lines=chrome_lines
    )
    article = reading.article
    digest = hashlib.sha256(data).hexdigest()
    existing = existing_import(
        source_name=source_name, title=article.title, organisation=organisation
    )
    if existing is not None and existing.source_sha256 == digest:
        return ImportOutcome(existing, "unchanged", _with_questions(reading.report, existing))
    if existing is not None and not update:
        raise ValidationError(
            {
                "source": f"{source_name}: the briefing “{existing.title}” was already imported "
                "from a different version of this article; use --update to re-import it."
            }
        )
    with transaction.atomic():
        if existing is None:
            briefing = Briefing(slug=unique_slug(article.title), organisation=organisation)
            if draft:
                briefing.status = Briefing.Status.DRAFT
            action: Literal["created", "updated"] = "created"
        else:
            briefing = existing
            action = "updated"
        briefing.title = article.title
        briefing.standfirst = article.standfirst
        briefing.byline = article.byline
        briefing.publisher = article.publisher
        briefing.trailer = "\n".join(article.trailer)
        briefing.source_name = source_name
        briefing.source_sha256 = digest
        briefing.word_count = sum(len(block.text.split()) for block in article.blocks)
        briefing.full_clean()
        briefing.save()
        paragraphs = _store_paragraphs(briefing, article)
        _store_extractions(briefing, article, paragraphs)
        render_briefing(briefing=briefing)
        briefing_imported.send(
            sender=Briefing,
            briefing=briefing,
            created=action == "created",
            approve=approve_questions,
        )
    return ImportOutcome(briefing, action, _with_questions(reading.report, briefing))


def existing_import(
    *, source_name: str, title: str, organisation: Organisation | None
) -> Briefing | None:
    """The briefing an import of this article into ``organisation`` would update, if any.

    Matched by file name, else by title, among the organisation's own briefings
    (or the platform-shared ones when ``organisation`` is None): another
    organisation's copy of the same article is neither updated nor revealed.
    """
    own = Briefing.objects.filter(organisation=organisation)
    return own.filter(source_name=source_name).first() or own.filter(title=title).first()


def _with_questions(report: ImportReport, briefing: Briefing) -> ImportReport:
    # The question bank is generated by the quizzes app on briefing_imported.
    return report.with_questions(briefing.questions.count())


def _store_paragraphs(briefing: Briefing, article: ParsedArticle) -> dict[int, Paragraph]:
    """Create or re-number paragraphs, keeping rows whose text is unchanged."""
    old_by_text: dict[str, list[Paragraph]] = {}
    for paragraph in briefing.paragraphs.order_by("number"):
        old_by_text.setdefault(paragraph.text, []).append(paragraph)
    kept: list[Paragraph] = []
    new: list[Paragraph] = []
    by_number: dict[int, Paragraph] = {}
    for block in article.blocks:
        matches = old_by_text.get(block.text)
        paragraph = matches.pop(0) if matches else Paragraph(briefing=briefing)
        paragraph.number = block.number
        paragraph.kind = block.kind
        paragraph.text = block.text
        paragraph.text_format = Paragraph.Format.PLAIN
        (kept if paragraph.pk else new).append(paragraph)
        by_number[block.number] = paragraph
    removed = [p for group in old_by_text.values() for p in group]
    if removed:
        paragraphs_retiring.send(sender=Briefing, briefing=briefing, paragraphs=removed)
        try:
            Paragraph.objects.filter(pk__in=[p.pk for p in removed]).delete()
        except ProtectedError as error:
            referenced = {getattr(obj, "paragraph_id", None) for obj in error.protected_objects}
            anchors = [f"#p{p.number}" for p in removed if p.pk in referenced]
            raise ValidationError(
                {
                    "source": f"{briefing.source_name}: the new version removes or changes "
                    f"paragraph(s) {', '.join(anchors)}, which questions or answers refer to. "
                    "Edit those paragraphs in the admin instead, or retire the questions first."
                }
            ) from error
    if kept:
        # Shift kept rows out of the way first so the unique (briefing, number)
        # constraint holds at every step of the renumbering.
        offset = 1_000_000
        for paragraph in kept:
            paragraph.number += offset
        Paragraph.objects.bulk_update(kept, ["number"])
        for paragraph in kept:
            paragraph.number -= offset
        Paragraph.objects.bulk_update(kept, ["number", "kind", "text", "text_format"])
    Paragraph.objects.bulk_create(new)
    return by_number


def _store_extractions(
    briefing: Briefing, article: ParsedArticle, paragraphs: dict[int, Paragraph]
) -> None:
    """Replace what the importer extracted; instructor-edited glossary entries stay."""
    existing_terms = {term.term: term for term in briefing.glossary_terms.all()}
    seen: set[str] = set()
    for definition in article.glossary:
        seen.add(definition.term)
        term = existing_terms.get(definition.term) or GlossaryTerm(
            briefing=briefing, term=definition.term
        )
        if not term.edited:
            term.expansion = definition.expansion
            term.description = definition.description
            term.source = GlossaryTerm.Source.TEXT
        term.defined_in = paragraphs.get(definition.defined_in)
        term.definition_start, term.definition_end = definition.start, definition.end
        term.first_used_in = paragraphs.get(definition.first_used_in)
        term.save()
    for abbreviation in article.undefined_abbreviations:
        if abbreviation.term in seen:
            continue
        seen.add(abbreviation.term)
        term = existing_terms.get(abbreviation.term) or GlossaryTerm(
            briefing=briefing, term=abbreviation.term, source=GlossaryTerm.Source.ABBREVIATION
        )
        term.first_used_in = paragraphs.get(abbreviation.first_used_in)
        term.defined_in = None
        if not term.edited:
            term.source = GlossaryTerm.Source.ABBREVIATION
        term.save()
    briefing.glossary_terms.exclude(term__in=seen).filter(edited=False).exclude(
        source=GlossaryTerm.Source.INSTRUCTOR
    ).delete()

    briefing.quotations.all().delete()
    briefing.people.all().delete()
    briefing.cross_references.all().delete()
    created = Person.objects.bulk_create(
        Person(
            briefing=briefing,
            name=found.name[:200],
            description=found.description[:300],
            first_paragraph=paragraphs.get(found.first_paragraph),
        )
        for found in article.people
    )
    people = {found.name: person for found, person in zip(article.people, created, strict=True)}
    Quotation.objects.bulk_create(
        Quotation(
            briefing=briefing,
            paragraph=paragraphs[quote.paragraph],
            position=position,
            text=quote.text,
            start=quote.start,
            end=quote.end,
            speaker=people.get(quote.speaker) if quote.speaker else None,
            speaker_label=quote.speaker_label[:300],
        )
        for position, quote in enumerate(article.quotations, start=1)
    )
    titles = {ref.title for ref in article.cross_references}
    targets = {b.title.casefold(): b for b in Briefing.objects.filter(title__in=titles)}
    CrossReference.objects.bulk_create(
        CrossReference(
            briefing=briefing,
            paragraph=paragraphs[ref.paragraph],
            title=ref.title[:300],
            start=ref.start,
            end=ref.end,
            target=targets.get(ref.title.casefold()),
        )
        for ref in article.cross_references
    )


def term_links(terms: Sequence[GlossaryTerm]) -> list[rendering.TermLink]:
    # Longer terms first, so "RFE/RL" is marked before a shorter term inside it.
    return [
        rendering.TermLink(term=t.term, expansion=t.expansion, anchor=t.anchor)
        for t in sorted(terms, key=lambda t: -len(t.term))
        if t.expansion
    ]


@dataclass(frozen=True, slots=True)
class _BlockGroup:
    kind: str
    paragraphs: list[Paragraph]


def _group_blocks(paragraphs: list[Paragraph]) -> list[_BlockGroup]:
    """Consecutive list items become one list; other blocks stand alone."""
    groups: list[_BlockGroup] = []
    for paragraph in paragraphs:
        if groups and paragraph.kind == groups[-1].kind == Paragraph.Kind.LIST_ITEM:
            groups[-1].paragraphs.append(paragraph)
        else:
            groups.append(_BlockGroup(paragraph.kind, [paragraph]))
    return groups


@dataclass
class _Rendered:
    terms: list[GlossaryTerm]
    paragraphs: list[Paragraph]
    body: str
    appendix: str


def _render(briefing: Briefing) -> _Rendered:
    """Every paragraph, the body and the appendix as HTML, in the active language."""
    terms = list(briefing.glossary_terms.select_related("defined_in", "first_used_in"))
    for term in terms:
        term.description_html = (
            rendering.render_markdown(term.description) if term.description else ""
        )
    links = term_links(terms)
    refs_by_paragraph: dict[int, list[rendering.CrossReferenceLink]] = {}
    for ref in briefing.cross_references.select_related("target"):
        refs_by_paragraph.setdefault(ref.paragraph_id, []).append(
            rendering.CrossReferenceLink(
                start=ref.start,
                end=ref.end,
                title=ref.title,
                url=ref.target.get_absolute_url() if ref.target else None,
            )
        )
    paragraphs = list(briefing.paragraphs.order_by("number"))
    for paragraph in paragraphs:
        paragraph.html = rendering.render_paragraph(
            paragraph.text,
            markdown_format=paragraph.text_format == Paragraph.Format.MARKDOWN,
            terms=links,
            cross_references=refs_by_paragraph.get(paragraph.pk, ()),
        )
    people = list(briefing.people.select_related("first_paragraph"))
    quotations = list(briefing.quotations.select_related("speaker", "paragraph"))
    body = render_to_string(
        "briefings/_body.html", {"briefing": briefing, "groups": _group_blocks(paragraphs)}
    )
    appendix = render_to_string(
        "briefings/_appendix.html",
        {
            "briefing": briefing,
            "defined_terms": [t for t in terms if t.expansion],
            "undefined_terms": [t for t in terms if not t.expansion],
            "people": people,
            "quotations": quotations,
        },
    )
    return _Rendered(terms, paragraphs, body, appendix)


def render_briefing(*, briefing: Briefing) -> None:
    """Render every paragraph, the body and the appendix, and store the HTML.

    What is stored is in the site's default language, whoever saves;
    ``briefing_html`` serves other languages.
    """
    with translation.override(settings.LANGUAGE_CODE):
        rendered = _render(briefing)
    GlossaryTerm.objects.bulk_update(rendered.terms, ["description_html"])
    Paragraph.objects.bulk_update(rendered.paragraphs, ["html"])
    briefing.body_html, briefing.appendix_html = rendered.body, rendered.appendix
    Briefing.objects.filter(pk=briefing.pk).update(
        body_html=briefing.body_html, appendix_html=briefing.appendix_html
    )


#: How long a briefing rendered for another language than the default is kept.
OTHER_LANGUAGE_SECONDS = 24 * 60 * 60


def briefing_html(briefing: Briefing) -> tuple[str, str]:
    """The briefing's body and appendix HTML in the active language.

    The default language's is stored at save time and served as it is. For
    another language the briefing is rendered once and kept in the cache,
    under a key that changes whenever the stored HTML does.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return briefing.body_html, briefing.appendix_html
    stored = f"{briefing.body_html}\x00{briefing.appendix_html}".encode()
    version = hashlib.blake2b(stored, digest_size=8).hexdigest()
    key = f"briefing-html:{briefing.pk}:{language}:{version}"
    cached: tuple[str, str] | None = cache.get(key)
    if cached is None:
        with translation.override(language):
            rendered = _render(briefing)
        cached = (rendered.body, rendered.appendix)
        cache.set(key, cached, OTHER_LANGUAGE_SECONDS)
    return cached


def _copy_slug(briefing: Briefing, organisation: Organisation) -> str:
    return unique_slug(f"{organisation.slug} {briefing.slug}"[:110])


def copy_briefing(*, briefing: Briefing, organisation: Organisation, by: Actor | None) -> Briefing:
    """Give ``organisation`` its own editable copy of ``briefing``, as a draft.

    Copies the paragraphs, glossary, people, quotations and cross-references;
    receivers of ``briefing_copied`` (the quizzes app) copy what they own, such
    as the question bank and the default quiz, all in one transaction. ``by``
    must teach ``organisation`` and be able to read ``briefing`` (shared, or
    one of their organisations'); None is a platform task.
    """
    if by is not None and not is_platform_superuser(by):
        taught = set(taught_organisation_ids(by))
        if organisation.pk not in taught:
            raise ValidationError(
                {"organisation": gettext("Choose one of the organisations you teach.")}
            )
        if briefing.organisation_id is not None and briefing.organisation_id not in taught:
            raise ValidationError(gettext("You can copy only shared briefings or your own."))
    with transaction.atomic():
        copy = Briefing(
            organisation=organisation,
            slug=_copy_slug(briefing, organisation),
            title=briefing.title,
            standfirst=briefing.standfirst,
            byline=briefing.byline,
            publisher=briefing.publisher,
            trailer=briefing.trailer,
            status=Briefing.Status.DRAFT,
            word_count=briefing.word_count,
            copied_from=briefing,
        )
        copy.full_clean()
        copy.save()
        originals = list(briefing.paragraphs.order_by("number"))
        created = Paragraph.objects.bulk_create(
            Paragraph(
                briefing=copy,
                number=p.number,
                kind=p.kind,
                text=p.text,
                text_format=p.text_format,
            )
            for p in originals
        )
        paragraphs = {old.pk: new for old, new in zip(originals, created, strict=True)}

        def moved(paragraph_id: int | None) -> Paragraph | None:
            return None if paragraph_id is None else paragraphs[paragraph_id]

        GlossaryTerm.objects.bulk_create(
            GlossaryTerm(
                briefing=copy,
                term=t.term,
                expansion=t.expansion,
                description=t.description,
                source=t.source,
                defined_in=moved(t.defined_in_id),
                first_used_in=moved(t.first_used_in_id),
                definition_start=t.definition_start,
                definition_end=t.definition_end,
                edited=t.edited,
            )
            for t in briefing.glossary_terms.all()
        )
        old_people = list(briefing.people.all())
        new_people = Person.objects.bulk_create(
            Person(
                briefing=copy,
                name=p.name,
                description=p.description,
                first_paragraph=moved(p.first_paragraph_id),
            )
            for p in old_people
        )
        people = {old.pk: new for old, new in zip(old_people, new_people, strict=True)}
        Quotation.objects.bulk_create(
            Quotation(
                briefing=copy,
                paragraph=paragraphs[q.paragraph_id],
                position=q.position,
                text=q.text,
                start=q.start,
                end=q.end,
                speaker=None if q.speaker_id is None else people[q.speaker_id],
                speaker_label=q.speaker_label,
            )
            for q in briefing.quotations.all()
        )
        CrossReference.objects.bulk_create(
            CrossReference(
                briefing=copy,
                paragraph=paragraphs[r.paragraph_id],
                title=r.title,
                start=r.start,
                end=r.end,
                target_id=r.target_id,
            )
            for r in briefing.cross_references.all()
        )
        briefing_copied.send(sender=Briefing, briefing=briefing, copy=copy, paragraphs=paragraphs)
        render_briefing(briefing=copy)
    return copy
