"""Cohorts, enrolments and assignments in the admin, scoped like every organisation's data."""

from __future__ import annotations

from django.contrib import admin

from cohorts.models import Assignment, Cohort, Enrolment
from organisations.admin import OrganisationScopedAdmin, scope_picker

scope_picker("cohorts.cohort", "organisation")


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
