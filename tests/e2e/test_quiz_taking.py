import pytest

pytestmark = pytest.mark.django_db


def test_probe(seed_briefing):
    from collections import Counter

    qs = seed_briefing.questions.all()
    print(Counter(q.kind for q in qs))
    for q in qs[:40]:
        print(q.kind, q.paragraph.number, repr(q.stem[:70]), q.options, q.prompts, q.correct)
    print(seed_briefing.quizzes.all().values())
