"""Paths and small builders shared by the parser's tests."""

import os
from pathlib import Path

import pytest

from briefings.text.article import Block
from tests.conftest import SHARED_ARTICLES, SHARED_RAW

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "000_1ac0a032031a176d.txt"
SHARED = SHARED_ARTICLES
OWN = Path(__file__).resolve().parent / "articles"
# Locally the shared articles may be absent; in CI (CI=true) they must be there, so
# the tests run and fail instead of being skipped.
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir() and not IN_CI,
    reason="the shared test articles (../shared/articles) are not checked out",
)
needs_shared_raw = pytest.mark.skipif(
    not SHARED_RAW.is_dir() and not IN_CI,
    reason="the raw-shape articles (../shared/articles-raw) are not checked out",
)


def blocks(*texts: str) -> list[Block]:
    return [Block(number, "paragraph", text) for number, text in enumerate(texts, start=1)]
