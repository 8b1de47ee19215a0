"""Organisation data in the admin, scoped to the organisations a user teaches.

Platform superusers see everything; instructors and organisation admins see
only rows of their own organisations, and another organisation's object
answers the admin's not-found.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest

from cohorts import selectors
from cohorts.models import Assignment, Cohort, Enrolment, Membership, Organisation


class OrganisationScopedAdmin[M: Model](admin.ModelAdmin[M]):
    """Limit a model admin to the requesting user's organisations.

    ``organisation_path`` is the lookup from the model to its organisation.
    With ``include_shared``, rows whose organisation is empty (shared by the
    platform) are listed too, but only platform superusers may change them.
    """

    organisation_path = "organisation"
    include_shared = False
    #: For learner data: the lookup to a user, who must be a member of one of
    #: the organisations (used instead of ``organisation_path``).
    member_path = ""

    def get_queryset(self, request: HttpRequest) -> QuerySet[M]:
        queryset = super().get_queryset(request)
        if selectors.is_platform_superuser(request.user):
            return queryset
        ids = selectors.taught_organisation_ids(request.user)
        if self.member_path:
            members = Membership.objects.filter(organisation_id__in=ids).values("user_id")
            return queryset.filter(**{f"{self.member_path}__in": members})
        scope = Q(**{f"{self.organisation_path}__in": ids})
        if self.include_shared:
            scope |= Q(**{f"{self.organisation_path}__isnull": True})
        return queryset.filter(scope)

    def _is_shared(self, obj: M | None) -> bool:
        if obj is None or not self.include_shared or self.member_path:
            return False
        value: Any = obj
        for part in self.organisation_path.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return True
        return False

    def has_change_permission(self, request: HttpRequest, obj: M | None = None) -> bool:
        if self._is_shared(obj) and not selectors.is_platform_superuser(request.user):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: M | None = None) -> bool:
        if self._is_shared(obj) and not selectors.is_platform_superuser(request.user):
            return False
        return super().has_delete_permission(request, obj)

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
