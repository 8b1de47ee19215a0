from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext, gettext_lazy

from briefings import importing, services
from briefings.models import (
    Briefing,
    CrossReference,
    GlossaryTerm,
    Paragraph,
    Person,
    Quotation,
)
from organisations.admin import OrganisationScopedAdmin, scope_picker
from organisations.selectors import is_platform_superuser, taught_organisations

# Shared briefings and their parts are edited by platform staff only, so an
# instructor may not hang questions or quizzes on them.
scope_picker("briefings.briefing", "organisation")
scope_picker("briefings.paragraph", "briefing__organisation")
scope_picker("briefings.person", "briefing__organisation")
scope_picker("briefings.glossaryterm", "briefing__organisation")

#: Inline textareas stay a few lines high; a briefing has dozens of rows.
SHORT_TEXT = forms.Textarea(attrs={"rows": 2, "cols": 70})


class ParagraphInline(admin.TabularInline[Paragraph, Briefing]):
    """A numbered, collapsed list: one short row per paragraph instead of a page each."""

    model = Paragraph
    extra = 0
    fields = ["number", "kind", "text_format", "text"]
    ordering = ["number"]
    classes = ["collapse"]
    formfield_overrides = {models.TextField: {"widget": SHORT_TEXT}}


class GlossaryTermInline(admin.TabularInline[GlossaryTerm, Briefing]):
    model = GlossaryTerm
    extra = 0
    fields = ["term", "expansion", "description", "source", "defined_in", "first_used_in"]
    readonly_fields = ["defined_in", "first_used_in"]
    classes = ["collapse"]
    formfield_overrides = {models.TextField: {"widget": SHORT_TEXT}}


class PersonInline(admin.TabularInline[Person, Briefing]):
    model = Person
    extra = 0
    fields = ["name", "description", "first_paragraph"]
    raw_id_fields = ["first_paragraph"]
    classes = ["collapse"]


class QuotationInline(admin.TabularInline[Quotation, Briefing]):
    model = Quotation
    extra = 0
    fields = ["paragraph", "position", "text", "speaker", "speaker_label"]
    raw_id_fields = ["paragraph"]
    classes = ["collapse"]
    formfield_overrides = {models.TextField: {"widget": SHORT_TEXT}}

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
    classes = ["collapse"]


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

    actions = ["copy_to_my_organisation"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}
    change_form_template = "admin/briefings/briefing/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Briefing]:
        return super().get_queryset(request).select_related("organisation")

    def get_form(
        self, request: HttpRequest, obj: Briefing | None = None, change: bool = False, **kwargs: Any
    ) -> type[ModelForm[Briefing]]:
        form = super().get_form(request, obj, change, **kwargs)
        user = request.user
        if is_platform_superuser(user):
            return form

        class OwnedBriefingForm(form):  # type: ignore[valid-type,misc]
            def _post_clean(self) -> None:
                super()._post_clean()
                try:
                    services.check_briefing_owner(briefing=self.instance, by=user)
                except ValidationError as error:
                    self._update_errors(error)

        # Set on the subclass: declaring it builds its fields afresh.
        field = OwnedBriefingForm.base_fields.get("organisation")
        if field is not None:
            # Empty would mean "shared with every organisation": platform admins only.
            field.required = True
            field.empty_label = None
            field.help_text = gettext("The organisation that owns and edits this briefing.")
            choices = field.queryset
            if obj is None and choices.count() == 1:
                field.initial = choices.get().pk

        return OwnedBriefingForm

    def save_model(self, request: HttpRequest, obj: Briefing, form: Any, change: bool) -> None:
        services.save_briefing(briefing=obj, by=request.user)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        briefing = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if briefing is not None and briefing.organisation_id is None:
            organisations = taught_organisations(request.user).order_by("name")
            context["shared_briefing"] = True
            context["copy_organisations"] = organisations
            context["existing_copies"] = briefing.copies.filter(organisation__in=organisations)
        return super().change_view(request, object_id, form_url, context)

    def get_urls(self) -> list[URLPattern]:
        copy = path(
            "<int:briefing_id>/copy/",
            self.admin_site.admin_view(self.copy_view),
            name="briefings_briefing_copy",
        )
        return [copy, *importing.admin_urls(self), *super().get_urls()]

    def copy_view(self, request: HttpRequest, briefing_id: int) -> HttpResponse:
        """POST: copy a briefing into one of the user's organisations, then edit the copy."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied(
                gettext("Copying makes a new briefing: you may not add briefings.")
            )
        briefing = get_object_or_404(self.get_queryset(request), pk=briefing_id)
        chosen = request.POST.get("organisation", "")
        target = (
            taught_organisations(request.user).filter(pk=int(chosen)).first()
            if chosen.isdigit()
            else None
        )
        if target is None:
            raise PermissionDenied(gettext("Choose one of the organisations you teach."))
        copy = services.copy_briefing(briefing=briefing, organisation=target, by=request.user)
        self.message_user(
            request,
            gettext(
                "“%(title)s” is now %(organisation)s's own draft: edit it and its question bank "
                "here, then publish it."
            )
            % {"title": copy.title, "organisation": target.name},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:briefings_briefing_change", args=[copy.pk]))

    @admin.action(
        description=gettext_lazy("Copy to my organisation (an editable draft)"), permissions=["add"]
    )
    def copy_to_my_organisation(self, request: HttpRequest, queryset: QuerySet[Briefing]) -> None:
        organisations = list(taught_organisations(request.user)[:2])
        if len(organisations) != 1:
            self.message_user(
                request,
                gettext("Open the briefing and choose the organisation to copy it to."),
                messages.WARNING,
            )
            return
        for briefing in queryset:
            services.copy_briefing(
                briefing=briefing, organisation=organisations[0], by=request.user
            )
            self.message_user(
                request,
                gettext("Copied “%(title)s” to %(organisation)s as a draft.")
                % {"title": briefing.title, "organisation": organisations[0].name},
                messages.SUCCESS,
            )

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

    @admin.display(boolean=True, description=gettext_lazy("Defined"))
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
