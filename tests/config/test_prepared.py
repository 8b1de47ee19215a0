"""Queries built once and run again with new values (config.prepared)."""

from __future__ import annotations

import datetime
import threading
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.db.models.query import ModelIterable
from django.db.models.sql.query import Query
from django.utils import timezone

from briefings.models import Briefing, GlossaryTerm, Paragraph
from config.prepared import PreparedQuery
from organisations.models import Membership
from tests.factories import (
    BriefingFactory,
    GlossaryTermFactory,
    MembershipFactory,
    OrganisationFactory,
    ParagraphFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def by_name(username: str) -> QuerySet[User]:
    return User.objects.filter(username=username)


def test_each_call_returns_the_rows_its_own_values_select():
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    named = PreparedQuery(by_name, username=str)

    assert named.all(username="alice") == [alice]
    assert named.all(username="bob") == [bob]
    assert named.all(username="nobody") == []
    assert named.first(username="bob") == bob
    assert named.first(username="nobody") is None


def test_later_calls_do_not_build_the_sql_again():
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    named = PreparedQuery(by_name, username=str)
    assert named.first(username="alice") == alice

    with mock.patch.object(Query, "get_compiler", side_effect=AssertionError("built again")):
        assert named.first(username="bob") == bob


def test_rows_come_back_as_the_queryset_would_give_them():
    organisation = OrganisationFactory(name="Northwind Training")
    member = UserFactory()
    MembershipFactory(user=member, organisation=organisation, role=Membership.Role.INSTRUCTOR)

    with_organisation = PreparedQuery(
        lambda user_id: Membership.objects.filter(user_id=user_id).select_related("organisation"),
        user_id=int,
    )
    roles = PreparedQuery(
        lambda user_id: Membership.objects.filter(user_id=user_id).values_list(
            "organisation__name", "role"
        ),
        user_id=int,
    )
    names = PreparedQuery(
        lambda user_id: Membership.objects.filter(user_id=user_id).values("organisation__name"),
        user_id=int,
    )

    membership = with_organisation.first(user_id=member.pk)
    assert membership is not None
    with mock.patch.object(Query, "get_compiler", side_effect=AssertionError("a second query")):
        assert membership.organisation.name == "Northwind Training"
    assert roles.all(user_id=member.pk) == [("Northwind Training", "instructor")]
    assert names.all(user_id=member.pk) == [{"organisation__name": "Northwind Training"}]


def test_a_moment_is_compared_as_the_orm_compares_it():
    session = Session.objects.create(
        session_key="k" * 32,
        session_data="{}",
        expire_date=timezone.now() + datetime.timedelta(hours=1),
    )
    live = PreparedQuery(
        lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now),
        key=str,
        now=datetime.datetime,
    )

    assert live.first(key=session.session_key, now=timezone.now()) == session
    later = timezone.now() + datetime.timedelta(hours=2)
    assert live.first(key=session.session_key, now=later) is None


def test_annotations_and_values_the_builder_fixes_are_kept():
    term = GlossaryTermFactory(term="CSTO", expansion="Collective Security Treaty Organisation")
    GlossaryTermFactory(briefing=term.briefing, term="CIS", expansion="")
    defined = PreparedQuery(
        lambda briefing_id: (
            GlossaryTerm.objects.filter(briefing_id=briefing_id)
            .exclude(expansion="")
            .values_list("term", flat=True)
        ),
        briefing_id=int,
    )

    assert defined.all(briefing_id=term.briefing_id) == ["CSTO"]


@pytest.mark.django_db(transaction=True)
def test_each_thread_builds_its_own_and_gets_its_own_rows():
    alice = UserFactory(username="alice")
    named = PreparedQuery(by_name, username=str)
    assert named.first(username="alice") == alice
    seen: list[object] = []

    def other_thread() -> None:
        from django.db import connection

        try:
            seen.append(named.first(username="alice"))
        except Exception as error:  # noqa: BLE001  (the assertion below shows it)
            seen.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert seen == [alice]


def test_values_must_be_the_ones_declared():
    named = PreparedQuery(by_name, username=str)
    with pytest.raises(TypeError):
        named.all(name="alice")
    with pytest.raises(TypeError):
        named.all()


def test_a_value_the_sql_does_not_carry_as_a_parameter_is_refused():
    containing = PreparedQuery(lambda part: User.objects.filter(username__contains=part), part=str)
    ignoring = PreparedQuery(lambda username: User.objects.all(), username=str)

    with pytest.raises(ValueError, match="not a plain parameter"):
        containing.all(part="ali")
    with pytest.raises(ValueError, match="are not parameters"):
        ignoring.all(username="alice")


def test_a_prefetch_is_refused_since_it_would_run_more_queries():
    with_groups = PreparedQuery(
        lambda pk: User.objects.filter(pk=pk).prefetch_related("groups"), pk=int
    )
    with pytest.raises(ValueError, match="prefetch"):
        with_groups.all(pk=1)


def test_only_whole_numbers_text_and_moments_are_taken():
    with pytest.raises(TypeError):
        PreparedQuery(lambda ok: User.objects.filter(is_active=ok), ok=bool).all(ok=True)


def test_a_positive_number_column_is_looked_up_by_its_value():
    first = ParagraphFactory(number=1)
    second = ParagraphFactory(briefing=first.briefing, number=2)
    numbered = PreparedQuery(
        lambda briefing_id, number: Paragraph.objects.filter(
            briefing_id=briefing_id, number=number
        ),
        briefing_id=int,
        number=int,
    )

    assert numbered.all(briefing_id=first.briefing_id, number=2) == [second]
    assert numbered.all(briefing_id=first.briefing_id, number=1) == [first]


def test_a_number_too_large_for_any_column_finds_nothing_rather_than_failing():
    paragraph = ParagraphFactory(number=1)
    numbered = PreparedQuery(
        lambda briefing_id, number: Paragraph.objects.filter(
            briefing_id=briefing_id, number=number
        ),
        briefing_id=int,
        number=int,
    )

    assert numbered.all(briefing_id=paragraph.briefing_id, number=10**30) == []
    assert numbered.all(briefing_id=paragraph.briefing_id, number=-(10**30)) == []


def _as_built(value: object) -> object:
    """A result with everything the ORM filled in: fields, annotations, related objects."""
    if isinstance(value, list | tuple):
        # A named tuple keeps its class (and so its field names) in the comparison.
        return (type(value), [_as_built(item) for item in value])
    if hasattr(value, "_state"):
        fields = {k: v for k, v in vars(value).items() if k != "_state"}
        state = value._state
        related = {name: _as_built(obj) for name, obj in state.fields_cache.items()}
        return (type(value), fields, state.db, state.adding, related)
    return value


def _shapes(user_id: int) -> dict[str, QuerySet]:
    memberships = Membership.objects.filter(user_id=user_id).order_by("pk")
    briefings = Briefing.objects.filter(
        Exists(Membership.objects.filter(user_id=user_id))
    ).order_by("pk")
    return {
        "instances": memberships,
        "instances with related rows": memberships.select_related("organisation", "user"),
        "a nullable related row": briefings.select_related("organisation"),
        "deferred fields": briefings.defer("body_html", "standfirst"),
        "annotations": briefings.annotate(
            paragraph_count=Count("paragraphs"),
            taught=Exists(Membership.objects.filter(organisation=OuterRef("organisation"))),
        ),
        "dictionaries": memberships.values("role", "organisation__name", "user__date_joined"),
        "tuples": memberships.values_list("role", "user__last_login", "organisation_id"),
        "flat values": memberships.values_list("organisation__slug", flat=True),
        "named tuples": memberships.values_list("role", "organisation_id", named=True),
        "distinct, ordered by a column it does not select": briefings.values_list("title", "slug")
        .distinct()
        .order_by("organisation__name", "title"),
    }


@pytest.mark.parametrize(
    "shape",
    [
        "instances",
        "instances with related rows",
        "a nullable related row",
        "deferred fields",
        "annotations",
        "dictionaries",
        "tuples",
        "flat values",
        "named tuples",
        "distinct, ordered by a column it does not select",
    ],
)
def test_every_shape_of_result_is_built_as_the_orm_builds_it(shape: str):
    member = UserFactory(last_login=timezone.now())
    shared = BriefingFactory(organisation=None)
    ParagraphFactory(briefing=shared)
    for name in ("Northwind", "Contoso"):
        organisation = OrganisationFactory(name=name)
        MembershipFactory(user=member, organisation=organisation)
        BriefingFactory(organisation=organisation)
    prepared = PreparedQuery(lambda user_id: _shapes(user_id)[shape], user_id=int)

    for _ in range(2):  # the first call builds the SQL, the second reuses it
        rows = prepared.all(user_id=member.pk)
        assert _as_built(rows) == _as_built(list(_shapes(member.pk)[shape]))
        assert rows


def test_instances_are_read_straight_from_the_rows_after_the_first_call():
    alice = UserFactory(username="alice")
    named = PreparedQuery(by_name, username=str)
    assert named.first(username="alice") == alice

    with mock.patch.object(ModelIterable, "__iter__", side_effect=AssertionError("iterated")):
        found = named.first(username="alice")
    assert found == alice
    assert found is not None and found._state.adding is False
    assert found._state.db == "default"
