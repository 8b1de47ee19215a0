from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from django.db.migrations.executor import MigrationExecutor

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_1ac0a032031a176d.txt"
SHARED_ARTICLES = REPO.parent / "shared" / "articles"
SHARED_RAW = REPO.parent / "shared" / "articles-raw"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def seed_briefing(db):
    from briefings.services import import_article

    return import_article(data=SEED.read_bytes(), source_name=SEED.name).briefing


@pytest.fixture
def trainee(seed_briefing):
    """A trainee enrolled in a cohort that has the seed briefing's quiz assigned."""
    from tests.factories import UserFactory, enrol_in_briefing

    user = UserFactory()
    enrol_in_briefing(user, seed_briefing)
    return user


@pytest.fixture
def org_a():
    from tests.factories import OrganisationFactory

    return OrganisationFactory(name="Northwind Training")


@pytest.fixture
def org_b():
    from tests.factories import OrganisationFactory

    return OrganisationFactory(name="Southgate Academy")


@pytest.fixture
def briefing(seed_briefing, org_a):
    """The seed briefing, owned by organisation A, with its whole bank approved."""
    from tests.quizzes.quiz_world import approve_bank

    seed_briefing.organisation = org_a
    seed_briefing.save()
    approve_bank(seed_briefing)
    return seed_briefing


@pytest.fixture
def executor(transactional_db) -> Iterator[MigrationExecutor]:
    """Migrates the test database back as a test asks, and forward to the latest after it."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    yield executor
    MigrationExecutor(connection).migrate(latest)  # the graph as applied now
    ContentType.objects.clear_cache()
