"""A news article kept as a structured briefing.

Text is stored as written; HTML is rendered once, when the briefing is saved
through ``briefings.services`` (see ``render_briefing``), never per request.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Briefing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="briefings",
        help_text=_("Leave empty for a briefing shared by the platform with every organisation."),
    )
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    standfirst = models.TextField(blank=True)
    byline = models.CharField(max_length=300, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    trailer = models.TextField(
        blank=True,
        help_text=_("Site boilerplate that followed the article, kept apart from the body."),
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PUBLISHED)
    source_name = models.CharField(
        max_length=255, blank=True, help_text=_("File it was imported from.")
    )
    source_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="copies",
        help_text=_("The briefing this one was copied from, when an organisation copied it."),
    )
    body_html = models.TextField(blank=True, editable=False)
    appendix_html = models.TextField(blank=True, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("briefings:detail", kwargs={"slug": self.slug})


class Paragraph(models.Model):
    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", _("Paragraph")
        HEADING = "heading", _("Heading")
        LIST_ITEM = "list_item", _("List item")

    class Format(models.TextChoices):
        PLAIN = "plain", _("Plain text (as imported)")
        MARKDOWN = "markdown", _("Markdown")

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.PositiveIntegerField(
        help_text=_("Position in the body; gives the anchor #p<number>.")
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.PARAGRAPH)
    text = models.TextField()
    text_format = models.CharField(max_length=10, choices=Format, default=Format.MARKDOWN)
    html = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["briefing", "number"]
        constraints = [
            models.UniqueConstraint(fields=["briefing", "number"], name="paragraph_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="paragraph_number_positive"),
        ]

    def __str__(self) -> str:
        return f"¶{self.number}"

    def get_absolute_url(self) -> str:
        return f"{self.briefing.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


class GlossaryTerm(models.Model):
    class Source(models.TextChoices):
        TEXT = "text", _("Defined in the text")
        ABBREVIATION = "abbreviation", _("Used in the text without a definition")
        INSTRUCTOR = "instructor", _("Added by an instructor")

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="glossary_terms")
    term = models.CharField(max_length=60)
    expansion = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "What the abbreviation stands for. Empty while an undefined abbreviation waits "
            "for an instructor to complete it."
        ),
    )
    description = models.TextField(blank=True, help_text=_("Markdown."))
    description_html = models.TextField(blank=True, editable=False)
    source = models.CharField(max_length=20, choices=Source, default=Source.INSTRUCTOR)
    defined_in = models.ForeignKey(
        Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    first_used_in = models.ForeignKey(
        Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    definition_start = models.PositiveIntegerField(default=0, editable=False)
    definition_end = models.PositiveIntegerField(default=0, editable=False)
    edited = models.BooleanField(
        default=False,
        editable=False,
        help_text=_("Changed by an instructor; re-imports leave it as it is."),
    )

    class Meta:
        ordering = ["briefing", "term"]
        constraints = [
            models.UniqueConstraint(fields=["briefing", "term"], name="glossary_term_unique"),
            models.CheckConstraint(
                condition=~Q(source="text") | ~Q(expansion=""),
                name="glossary_defined_term_has_expansion",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.term} = {self.expansion}" if self.expansion else f"{self.term} (undefined)"

    @property
    def anchor(self) -> str:
        return f"term-{slugify(self.term)}"

    def record_instructor_edit(self) -> None:
        """Re-imports keep what an instructor changed."""
        self.edited = True

    @property
    def is_defined(self) -> bool:
        return bool(self.expansion)


class Person(models.Model):
    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200)
    description = models.CharField(max_length=300, blank=True)
    first_paragraph = models.ForeignKey(
        Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["briefing", "name"]
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(fields=["briefing", "name"], name="person_name_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.description}" if self.description else self.name


class Quotation(models.Model):
    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="quotations")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="quotations")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    speaker = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="quotations"
    )
    speaker_label = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("How the text refers to the speaker, e.g. an anonymous source."),
    )

    class Meta:
        ordering = ["briefing", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="quotation_span"),
        ]

    def __str__(self) -> str:
        return f"“{self.text[:60]}” ({self.attribution})"

    @property
    def attribution(self) -> str:
        if self.speaker_id is not None and self.speaker is not None:
            return self.speaker.name
        return self.speaker_label or "unattributed"


class CrossReference(models.Model):
    briefing = models.ForeignKey(
        Briefing, on_delete=models.CASCADE, related_name="cross_references"
    )
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="cross_references"
    )
    title = models.CharField(max_length=300)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    target = models.ForeignKey(
        Briefing,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cited_by",
        help_text=_("The briefing this refers to, when it has been imported too."),
    )

    class Meta:
        ordering = ["briefing", "paragraph__number", "start"]

    def __str__(self) -> str:
        return f"See {self.title}"
