"""Two organisations and the seed briefing owned by the first, for quiz tests."""

from __future__ import annotations

import pytest

from tests.factories import OrganisationFactory
from tests.quizzes.quiz_world import approve_bank, cohort_in


@pytest.fixture
def org_a():
    return OrganisationFactory(name="Northwind Training")


@pytest.fixture
def org_b():
    return OrganisationFactory(name="Southgate Academy")


@pytest.fixture
def briefing(seed_briefing, org_a):
    """The seed briefing, owned by organisation A, with its whole bank approved."""
    seed_briefing.organisation = org_a
    seed_briefing.save()
    approve_bank(seed_briefing)
    return seed_briefing


@pytest.fixture
def cohort_a(org_a):
    return cohort_in(org_a, name="Spring intake")
