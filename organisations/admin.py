"""Organisation data in the admin, scoped to the organisations a user teaches.

Platform superusers see everything; instructors and organisation admins see
only rows of their own organisations, and another organisation's object
answers the admin's not-found. ``OrganisationScopedAdmin`` is the base of
every model admin of the apps above this one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth import get_user_model
from django.core import checks
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest

from organisations import selectors
from organisations.models import Membership, Organisation

#: How each model a form may point at reaches its organisation, and whether
#: platform-shared rows (no organisation) may be picked; filled by each app's
#: admin module through ``scope_picker``.
PICKER_SCOPES: dict[str, tuple[str, bool]] = {}


def scope_picker(label: str, path: str, *, shared: bool = False) -> None:
    """Limit every foreign-key picker of the model ``label`` ("app.model") in scoped admins.

    ``path`` is the lookup from the model to its organisation; with
    ``shared``, rows without one (shared by the platform) may be picked too.
    """
    PICKER_SCOPES[label] = (path, shared)


scope_picker("organisations.organisation", "pk")


def scoped_choices(db_field: Any, request: HttpRequest, kwargs: dict[str, Any]) -> None:
    """Limit a foreign key's choices (drop-down or raw id) to the user's organisations.

    Without this a raw id box accepts any primary key: another organisation's
    quiz, briefing or trainee could be attached to one's own cohort.
    """
    if selectors.is_platform_superuser(request.user):
        return
    related = db_field.related_model
    ids = selectors.taught_organisation_ids(request.user)
    queryset = kwargs.get("queryset", related._default_manager.all())
    if related is get_user_model():
        members = Membership.objects.filter(organisation_id__in=ids).values("user_id")
        kwargs["queryset"] = queryset.filter(pk__in=members)
        return
    scope = PICKER_SCOPES.get(related._meta.label_lower)
    if scope is None:
        return
    path, include_shared = scope
    condition = Q(**{f"{path}__in": ids})
    if include_shared:
        condition |= Q(**{f"{path}__isnull": True})
    kwargs["queryset"] = queryset.filter(condition)


class ScopedInlineMixin:
    """Scopes an inline's foreign keys as its parent admin's (see ``scoped_inline``)."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        scoped_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


@cache
def scoped_inline(inline: type[InlineModelAdmin[Any, Any]]) -> type[InlineModelAdmin[Any, Any]]:
    """``inline`` with scoped foreign keys; inlines of other apps stay plain classes."""
    if issubclass(inline, ScopedInlineMixin):
        return inline
    return type(inline.__name__, (ScopedInlineMixin, inline), {"__module__": inline.__module__})


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
    #: For learner data: the lookup to the organisation of the content the row
    #: is about, which must be one of the user's or shared. A trainee may
    #: belong to two organisations; neither sees their work on the other's
    #: briefings. Required with ``member_path`` (a system check says so).
    content_path = ""
    #: For learner data summed over every organisation (progress, mastery):
    #: False lists only rows about the organisations' own content, since a
    #: row about a shared briefing mixes in work done for other organisations.
    shared_content = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[M]:
        queryset = super().get_queryset(request)
        if selectors.is_platform_superuser(request.user):
            return queryset
        ids = selectors.taught_organisation_ids(request.user)
        if self.member_path:
            members = Membership.objects.filter(organisation_id__in=ids).values("user_id")
            queryset = queryset.filter(**{f"{self.member_path}__in": members})
            content = self.content_path
            if content:
                scope = Q(**{f"{content}__in": ids})
                if self.shared_content:
                    scope |= Q(**{f"{content}__isnull": True})
                queryset = queryset.filter(scope)
            return queryset
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
        scoped_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_inlines(
        self, request: HttpRequest, obj: M | None
    ) -> list[type[InlineModelAdmin[Any, Any]]]:
        return [scoped_inline(inline) for inline in super().get_inlines(request, obj)]

    def get_list_filter(self, request: HttpRequest) -> Any:
        """Related-field filters list only rows in scope, not every organisation's."""
        filters: list[Any] = []
        for item in super().get_list_filter(request):
            if isinstance(item, str) and get_fields_from_path(self.model, item)[-1].is_relation:
                filters.append((item, admin.RelatedOnlyFieldListFilter))
            else:
                filters.append(item)
        return filters

    def has_module_permission(self, request: HttpRequest) -> bool:
        return selectors.teaches(request.user) and super().has_module_permission(request)

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        errors = super().check(**kwargs)
        if self.member_path and not self.content_path:
            errors.append(
                checks.Error(
                    "A learner-data admin (member_path) must name the lookup to the "
                    "organisation of the content its rows are about (content_path).",
                    obj=type(self),
                    id="organisations.E001",
                )
            )
        return errors


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
