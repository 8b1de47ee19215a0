"""Moving Organisation and Membership out of cohorts keeps every row and link.

The database is taken back to before the move, filled through the models as
they were then, and migrated forward again, as an existing database is.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from briefings.models import Briefing
from cohorts.models import Cohort
from organisations.models import Membership, Organisation
from organisations.selectors import taught_organisations

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("organisations", None)]


def test_an_existing_database_keeps_its_organisations_and_what_points_at_them(
    executor: MigrationExecutor,
) -> None:
    executor.migrate(BEFORE_THE_MOVE)
    applied = MigrationExecutor(connection).loader.applied_migrations
    old = executor.loader.project_state(list(applied)).apps
    user = old.get_model("auth", "User").objects.create(username="ines", is_staff=True)
    organisation = old.get_model("cohorts", "Organisation").objects.create(name="Acme", slug="acme")
    old.get_model("cohorts", "Membership").objects.create(
        organisation=organisation, user=user, role="instructor"
    )
    cohort = old.get_model("cohorts", "Cohort").objects.create(
        organisation=organisation, name="Spring", start_date="2026-03-01"
    )
    briefing = old.get_model("briefings", "Briefing").objects.create(
        organisation=organisation, slug="acme-brief", title="Acme's own"
    )
    # Permissions given out before the move name the cohorts app's content type.
    old_types = old.get_model("contenttypes", "ContentType").objects
    membership_type = old_types.get(model="membership")
    assert membership_type.app_label == "cohorts"
    group = old.get_model("auth", "Group").objects.create(name="Instructors")
    group.permissions.set(
        old.get_model("auth", "Permission").objects.filter(content_type=membership_type)
    )
    group.user_set.add(user)

    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    moved = Organisation.objects.get(pk=organisation.pk)
    assert moved.name == "Acme"
    assert Membership.objects.get(user_id=user.pk).organisation == moved
    assert Cohort.objects.get(pk=cohort.pk).organisation == moved
    assert Briefing.objects.get(pk=briefing.pk).organisation == moved
    instructor = User.objects.get(pk=user.pk)
    assert list(taught_organisations(instructor)) == [moved]
    assert instructor.has_perm("organisations.change_membership")
    assert Group.objects.get(pk=group.pk).permissions.count() == 4
    assert ContentType.objects.get_for_model(Membership).pk == membership_type.pk
