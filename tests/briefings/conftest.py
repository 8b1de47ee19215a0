"""An organisation and its instructor, signed in, for the briefing admin tests."""

from __future__ import annotations

import pytest

from cohorts.demo import instructor_group
from organisations.models import Membership
from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Harbour Training")


@pytest.fixture
def instructor(organisation):
    user = UserFactory(username="imogen", is_staff=True)
    user.groups.add(instructor_group())
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.INSTRUCTOR)
    return user


@pytest.fixture
def instructor_client(client, instructor):
    client.force_login(instructor)
    return client
