"""Paths and small builders shared by the parser's tests."""

from pathlib import Path

import pytest

from briefings.text.article import Block

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "000_1ac0a032031a176d.txt"
SHARED = REPO / ".." / "shared" / "articles"
OWN = Path(__file__).resolve().parent / "articles"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="the shared test articles (../shared/articles) are not checked out"
)


def blocks(*texts: str) -> list[Block]:
    return [Block(number, "paragraph", text) for number, text in enumerate(texts, start=1)]
