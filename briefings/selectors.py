"""Reads of briefings, with the joins each page needs done here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, Q, QuerySet
from django.http import Http404

from briefings.access import readable_by
from briefings.models import Briefing
from briefings.text.article import (
    Abbreviation,
    Block,
    CrossReference,
    Definition,
    ParsedArticle,
    Person,
    Quotation,
)
from config.prepared import PreparedQuery
from organisations.models import Membership
from organisations.selectors import STAFF_ROLES, is_platform_superuser

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def visible_briefings(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Briefing]:
    """Published briefings this user may read.

    Platform superusers read everything. Instructors and organisation admins
    read their organisations' briefings and the platform's shared ones.
    Trainees read the briefings whose quizzes are assigned to their cohorts
    (the rule the cohorts app registers with ``briefings.access``).
    """
    published = Briefing.objects.filter(status=Briefing.Status.PUBLISHED)
    if is_platform_superuser(user):
        return published
    if not user.is_authenticated or user.pk is None:
        return published.none()
    return _readable_briefings(user.pk)


def _readable_briefings(user_id: int) -> QuerySet[Briefing]:
    """What a signed-in user who is no platform superuser reads, as one query."""
    from django.contrib.auth.models import User

    published = Briefing.objects.filter(status=Briefing.Status.PUBLISHED)
    taught = Membership.objects.filter(user_id=user_id, role__in=STAFF_ROLES)
    readable = (
        readable_by(User(pk=user_id))
        | Q(organisation_id__in=taught.values("organisation_id"))
        | Q(organisation__isnull=True, pk__in=published.filter(Exists(taught)).values("pk"))
    )
    return published.filter(pk__in=published.filter(readable).values("pk"))


# The briefing page's lookup, built once per connection (see config.prepared).
_readable_by_slug = PreparedQuery(
    lambda user_id, slug: _readable_briefings(user_id).filter(slug=slug).order_by(),
    user_id=int,
    slug=str,
)


def briefing_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Briefing]:
    return visible_briefings(user=user).defer("body_html", "appendix_html", "trailer")


def get_visible_briefing(*, user: AbstractBaseUser | AnonymousUser, slug: str) -> Briefing:
    """The briefing with its rendered HTML: one query, whatever its length."""
    if user.is_authenticated and user.pk is not None and not is_platform_superuser(user):
        briefing = _readable_by_slug.first(user_id=user.pk, slug=slug)
    else:
        briefing = visible_briefings(user=user).filter(slug=slug).first()
    if briefing is None:
        raise Http404("No briefing you can read has that address.")
    return briefing


def briefing_export_queryset() -> QuerySet[Briefing]:
    return Briefing.objects.prefetch_related(
        "paragraphs",
        "glossary_terms__defined_in",
        "glossary_terms__first_used_in",
        "people__first_paragraph",
        "quotations__speaker",
        "quotations__paragraph",
        "cross_references__paragraph",
        "cross_references__target",
    )


def parsed_article(briefing: Briefing) -> ParsedArticle:
    """The briefing as it stands now (instructor edits included), in the parser's shape.

    The question generator reads this, so questions follow the reviewed
    glossary, people and quotations rather than the raw import.
    """
    paragraphs = list(briefing.paragraphs.order_by("number"))
    number_of = {p.pk: p.number for p in paragraphs}

    def number(pk: int | None, default: int = 1) -> int:
        return number_of.get(pk, default) if pk is not None else default

    terms = list(briefing.glossary_terms.all())
    people = list(briefing.people.all())
    return ParsedArticle(
        publisher=briefing.publisher,
        title=briefing.title,
        standfirst=briefing.standfirst,
        byline=briefing.byline,
        blocks=tuple(Block(number=p.number, kind=p.kind, text=p.text) for p in paragraphs),  # type: ignore[arg-type]
        trailer=tuple(briefing.trailer.splitlines()),
        cross_references=tuple(
            CrossReference(
                paragraph=number(r.paragraph_id), title=r.title, start=r.start, end=r.end
            )
            for r in briefing.cross_references.all()
        ),
        glossary=tuple(
            Definition(
                term=t.term,
                expansion=t.expansion,
                description=t.description,
                defined_in=number(t.defined_in_id, number(t.first_used_in_id)),
                first_used_in=number(t.first_used_in_id, number(t.defined_in_id)),
                start=t.definition_start,
                end=t.definition_end,
            )
            for t in terms
            if t.expansion
        ),
        undefined_abbreviations=tuple(
            Abbreviation(term=t.term, first_used_in=number(t.first_used_in_id), count=1)
            for t in terms
            if not t.expansion
        ),
        people=tuple(
            Person(
                name=p.name,
                description=p.description,
                first_paragraph=number(p.first_paragraph_id),
            )
            for p in people
        ),
        quotations=tuple(
            Quotation(
                paragraph=number(q.paragraph_id),
                text=q.text,
                start=q.start,
                end=q.end,
                speaker=q.speaker.name if q.speaker else None,
                speaker_label=q.speaker_label,
            )
            for q in briefing.quotations.select_related("speaker")
        ),
    )
