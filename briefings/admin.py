from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest

from briefings import services
from briefings.models import (
    Briefing,
    CrossReference,
    GlossaryTerm,
    Paragraph,
    Person,
    Quotation,
)
from cohorts.admin import OrganisationScopedAdmin


class ParagraphInline(admin.StackedInline[Paragraph, Briefing]):
    model = Paragraph
    extra = 0
    fields = [("number", "kind", "text_format"), "text"]
    ordering = ["number"]
    show_change_link = False


class GlossaryTermInline(admin.TabularInline[GlossaryTerm, Briefing]):
    model = GlossaryTerm
    extra = 1
    fields = ["term", "expansion", "description", "source", "defined_in", "first_used_in"]
    readonly_fields = ["defined_in", "first_used_in"]


class PersonInline(admin.TabularInline[Person, Briefing]):
    model = Person
    extra = 0
    fields = ["name", "description", "first_paragraph"]
    raw_id_fields = ["first_paragraph"]


class QuotationInline(admin.StackedInline[Quotation, Briefing]):
    model = Quotation
    extra = 0
    fields = [("paragraph", "position"), "text", ("speaker", "speaker_label")]
    raw_id_fields = ["paragraph"]

    def get_formset(
        self, request: HttpRequest, obj: Briefing | None = None, **kwargs: Any
    ) -> type[BaseInlineFormSet[Quotation, Briefing, ModelForm[Quotation]]]:
        formset = super().get_formset(request, obj, **kwargs)
        speaker_field = formset.form.base_fields.get("speaker")
        if speaker_field is not None and obj is not None:
            # Only this briefing's people can speak in it.
            speaker_field.queryset = Person.objects.filter(briefing=obj)  # type: ignore[attr-defined]
        return formset


class CrossReferenceInline(admin.TabularInline[CrossReference, Briefing]):
    model = CrossReference
    fk_name = "briefing"
    extra = 0
    fields = ["paragraph", "title", "target"]
    raw_id_fields = ["paragraph", "target"]


class UndefinedTermsFilter(admin.SimpleListFilter):
    title = "glossary"
    parameter_name = "glossary"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("undefined", "Has undefined abbreviations")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "undefined":
            return queryset.filter(glossary_terms__expansion="").distinct()
        return queryset


@admin.register(Briefing)
class BriefingAdmin(OrganisationScopedAdmin[Briefing]):
    include_shared = True
    list_display = ["title", "status", "organisation", "byline", "word_count", "updated_at"]
    list_filter = ["status", "organisation", UndefinedTermsFilter]
    search_fields = ["title", "standfirst", "byline", "paragraphs__text"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["source_name", "word_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "organisation"]}),
        ("Article", {"fields": ["publisher", "standfirst", "byline", "trailer"]}),
        ("Source", {"fields": ["source_name", "word_count", "created_at", "updated_at"]}),
    ]
    inlines = [
        ParagraphInline,
        GlossaryTermInline,
        PersonInline,
        QuotationInline,
        CrossReferenceInline,
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Briefing]:
        return super().get_queryset(request).select_related("organisation")

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        for instance in instances:
            # Rows that re-imports or regeneration must leave alone say so here.
            record_edit = getattr(instance, "record_instructor_edit", None)
            if record_edit is not None:
                record_edit()
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.render_briefing(briefing=form.instance)


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(OrganisationScopedAdmin[GlossaryTerm]):
    organisation_path = "briefing__organisation"
    include_shared = True
    list_display = ["term", "expansion", "briefing", "source", "is_defined"]
    list_filter = ["source", ("expansion", admin.EmptyFieldListFilter), "briefing"]
    search_fields = ["term", "expansion", "description", "briefing__title"]
    list_select_related = ["briefing"]
    fields = [
        "briefing",
        "term",
        "expansion",
        "description",
        "source",
        "defined_in",
        "first_used_in",
    ]
    raw_id_fields = ["defined_in", "first_used_in"]

    @admin.display(boolean=True, description="Defined")
    def is_defined(self, obj: GlossaryTerm) -> bool:
        return obj.is_defined

    def view_on_site(self, obj: GlossaryTerm) -> str:
        return f"{obj.briefing.get_absolute_url()}#{obj.anchor}"

    def save_model(self, request: HttpRequest, obj: GlossaryTerm, form: Any, change: bool) -> None:
        obj.record_instructor_edit()
        super().save_model(request, obj, form, change)
        services.render_briefing(briefing=obj.briefing)

    def delete_model(self, request: HttpRequest, obj: GlossaryTerm) -> None:
        briefing = obj.briefing
        super().delete_model(request, obj)
        services.render_briefing(briefing=briefing)


@admin.register(Person)
class PersonAdmin(OrganisationScopedAdmin[Person]):
    organisation_path = "briefing__organisation"
    include_shared = True
    list_display = ["name", "description", "briefing"]
    search_fields = ["name", "description", "briefing__title"]
    list_filter = ["briefing"]
    list_select_related = ["briefing"]
    raw_id_fields = ["first_paragraph"]

    def save_model(self, request: HttpRequest, obj: Person, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        services.render_briefing(briefing=obj.briefing)


@admin.register(Quotation)
class QuotationAdmin(OrganisationScopedAdmin[Quotation]):
    organisation_path = "briefing__organisation"
    include_shared = True
    list_display = ["__str__", "speaker", "briefing"]
    search_fields = ["text", "speaker__name", "speaker_label", "briefing__title"]
    list_filter = ["briefing"]
    list_select_related = ["briefing", "speaker"]
    raw_id_fields = ["paragraph", "speaker"]

    def save_model(self, request: HttpRequest, obj: Quotation, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        services.render_briefing(briefing=obj.briefing)
