from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_1ac0a032031a176d.txt"
SHARED_ARTICLES = REPO.parent / "shared" / "articles"

# Playwright's sync API runs an event loop in the test thread; Django's
# async-safety check would otherwise refuse ORM calls made by the tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def seed_briefing(db):
    from briefings.services import import_article

    return import_article(data=SEED.read_bytes(), source_name=SEED.name).briefing
