"""Organisation data in the admin, scoped to the organisations a user teaches.

Platform superusers see everything; instructors and organisation admins see
only rows of their own organisations, and another organisation's object
answers the admin's not-found.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from cohorts import selectors
from cohorts.models import Assignment, Cohort, Enrolment, Membership, Organisation


class OrganisationScopedAdmin[M: Model](admin.ModelAdmin[M]):
    """Limit a model admin to the requesting user's organisations.

    ``organisation_path`` is the lookup from the model to its organisation.
    """

    organisation_path = "organisation"

    def get_queryset(self, request: HttpRequest) -> QuerySet[M]:
        queryset = super().get_queryset(request)
        if selectors.is_platform_superuser(request.user):
            return queryset
        ids = selectors.taught_organisation_ids(request.user)
        return queryset.filter(**{f"{self.organisation_path}__in": ids})

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if not selectors.is_platform_superuser(request.user):
            ids = selectors.taught_organisation_ids(request.user)
            related = db_field.related_model
            if related is Organisation:
                kwargs["queryset"] = Organisation.objects.filter(pk__in=ids)
            elif related is Cohort:
                kwargs["queryset"] = Cohort.objects.filter(organisation_id__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return selectors.teaches(request.user) and super().has_module_permission(request)


@admin.register(Organisation)
class OrganisationAdmin(OrganisationScopedAdmin[Organisation]):
    organisation_path = "pk"
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if selectors.is_platform_superuser(request.user):
            return queryset
        return queryset.filter(pk__in=selectors.taught_organisation_ids(request.user))


@admin.register(Membership)
class MembershipAdmin(OrganisationScopedAdmin[Membership]):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user", "organisation"]
    raw_id_fields = ["user"]


class EnrolmentInline(admin.TabularInline[Enrolment, Cohort]):
    model = Enrolment
    extra = 0
    raw_id_fields = ["user"]


class AssignmentInline(admin.TabularInline[Assignment, Cohort]):
    model = Assignment
    extra = 0
    raw_id_fields = ["quiz"]


@admin.register(Cohort)
class CohortAdmin(OrganisationScopedAdmin[Cohort]):
    list_display = ["name", "organisation", "start_date"]
    search_fields = ["name"]
    list_select_related = ["organisation"]
    inlines = [AssignmentInline, EnrolmentInline]

    def view_on_site(self, obj: Cohort) -> str:
        from django.urls import reverse

        return reverse("cohorts:cohort", args=[obj.pk])


@admin.register(Enrolment)
class EnrolmentAdmin(OrganisationScopedAdmin[Enrolment]):
    organisation_path = "cohort__organisation"
    list_display = ["user", "cohort", "enrolled_on"]
    search_fields = ["user__username", "user__email", "cohort__name"]
    list_select_related = ["user", "cohort"]
    raw_id_fields = ["user"]


@admin.register(Assignment)
class AssignmentAdmin(OrganisationScopedAdmin[Assignment]):
    organisation_path = "cohort__organisation"
    list_display = ["quiz", "cohort", "opens_on", "due_on", "due_days_after_enrolment", "pass_mark"]
    list_select_related = ["quiz", "cohort"]
    raw_id_fields = ["quiz"]
