import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from quizzes.models import Question

pytestmark = pytest.mark.django_db


def test_export_gift_refuses_a_bank_with_nothing_approved(seed_briefing):
    with pytest.raises(CommandError, match="no approved questions"):
        call_command("export_gift", seed_briefing.slug)


def test_export_gift_writes_only_approved_questions(seed_briefing, tmp_path):
    approved = list(seed_briefing.questions.filter(kind="single_choice")[:2])
    Question.objects.filter(pk__in=[q.pk for q in approved]).update(status="approved")
    out = tmp_path / "bank.gift"
    call_command("export_gift", seed_briefing.slug, "-o", str(out))
    gift = out.read_text(encoding="utf-8")
    assert gift.count("::") == 2 * len(approved)
    assert gift.startswith("$CATEGORY:")
    for question in approved:
        assert question.correct[0].split()[0] in gift


def test_export_briefing_includes_the_question_bank(seed_briefing, capsys):
    call_command("export_briefing", seed_briefing.slug)
    data = json.loads(capsys.readouterr().out)
    assert len(data["questions"]) == seed_briefing.questions.count()
    first = data["questions"][0]
    assert first["paragraph"].startswith("p") and first["generator_version"]
    assert first["citations"][0] == {
        "anchor": first["paragraph"],
        "start": first["start"],
        "end": first["end"],
    }
    assert 0 <= first["importance"] <= 1


def test_generate_questions_reports_and_keeps_reviewed_ones(seed_briefing, capsys):
    seed_briefing.questions.update(status="approved")
    call_command("generate_questions", seed_briefing.slug)
    out = capsys.readouterr().out
    assert "0 new" in out and "kept" in out
