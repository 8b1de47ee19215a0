"""The commands beside export_gift: Moodle XML and Anki out, GIFT or Moodle XML in."""

import xml.etree.ElementTree as ET
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from quizzes.models import Question

pytestmark = pytest.mark.django_db


def test_export_moodle_xml_writes_only_approved_questions(seed_briefing, tmp_path):
    approved = list(seed_briefing.questions.filter(kind="true_false")[:3])
    Question.objects.filter(pk__in=[q.pk for q in approved]).update(status="approved")
    out = tmp_path / "bank.xml"
    call_command("export_moodle_xml", seed_briefing.slug, "-o", str(out))
    quiz = ET.parse(out).getroot()
    assert [q.get("type") for q in quiz.findall("question")] == ["category"] + ["truefalse"] * 3


def test_export_moodle_xml_refuses_a_bank_with_nothing_approved(seed_briefing):
    with pytest.raises(CommandError, match="no approved questions"):
        call_command("export_moodle_xml", seed_briefing.slug)


def test_export_anki_writes_a_package_and_says_what_it_holds(seed_briefing, tmp_path, capsys):
    out = tmp_path / "deck.apkg"
    call_command("export_anki", seed_briefing.slug, "-o", str(out))
    terms = seed_briefing.glossary_terms.exclude(expansion="").count()
    assert f"{terms} glossary terms" in capsys.readouterr().out
    assert "collection.anki2" in zipfile.ZipFile(out).namelist()


def test_import_questions_adds_a_file_and_refuses_a_bad_one_whole(seed_briefing, tmp_path):
    good = tmp_path / "good.gift"
    good.write_text("Is it so? {T}\n\nWhich? {=A ~B}\n", encoding="utf-8")
    call_command("import_questions", seed_briefing.slug, str(good), "--approve")
    added = seed_briefing.questions.filter(origin=Question.Origin.INSTRUCTOR)
    assert set(added.values_list("status", flat=True)) == {"approved"}
    bad = tmp_path / "bad.gift"
    bad.write_text("Is it really so? {T}\n\nWhich one? {~A ~B}\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.gift: line 3: no answer is marked right"):
        call_command("import_questions", seed_briefing.slug, str(bad))
    assert added.count() == 2
