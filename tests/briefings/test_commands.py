import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from briefings.models import Briefing
from tests.conftest import SEED

pytestmark = pytest.mark.django_db


def test_import_article_reports_what_it_did(capsys):
    call_command("import_article", str(SEED))
    assert "created" in capsys.readouterr().out
    call_command("import_article", str(SEED))
    assert "unchanged" in capsys.readouterr().out
    assert Briefing.objects.count() == 1


def test_import_article_fails_with_one_clear_line_for_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_article", str(tmp_path / "missing.txt"))


def test_import_article_refuses_an_empty_file_and_names_it(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match=r"^empty\.txt: "):
        call_command("import_article", str(path))
    assert Briefing.objects.count() == 0


def test_one_bad_file_in_a_batch_means_nothing_is_imported(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\x00")
    with pytest.raises(CommandError, match=r"^bad\.txt: "):
        call_command("import_article", str(SEED), str(bad))
    assert Briefing.objects.count() == 0


def test_export_briefing_prints_the_documented_schema(capsys, seed_briefing):
    call_command("export_briefing", seed_briefing.slug)
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1
    assert data["paragraphs"][0]["anchor"] == "p1"
    assert {g["term"] for g in data["glossary"]} == {"CSTO", "CIS", "IMU"}
    assert "NATO" in [u["term"] for u in data["undefined_abbreviations"]]
    for key in ("people", "quotations", "cross_references", "questions"):
        assert isinstance(data[key], list)
    assert any(q["speaker"] == "Vladimir Putin" for q in data["quotations"])


def test_export_briefing_names_an_unknown_slug():
    with pytest.raises(CommandError, match="no-such"):
        call_command("export_briefing", "no-such")


def test_load_seeds_is_idempotent(capsys):
    call_command("load_seeds")
    call_command("load_seeds")
    assert Briefing.objects.count() == 1
    assert "unchanged" in capsys.readouterr().out
