import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from briefings.models import Briefing
from briefings.services import import_article, preview_article
from tests.briefings.text.support import needs_shared_raw
from tests.conftest import SEED, SHARED_RAW

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


# Importing articles of every shape ---------------------------------------------

RAW_DATELINE = SHARED_RAW / "08_whitehouse_ostp-gold-standard-science.txt"
RAW_PAGE = SHARED_RAW / "09_crs_defense-primer-space-force.html"
SHAPES = Path(__file__).resolve().parent / "text" / "articles" / "shapes"


@needs_shared_raw
def test_import_article_asks_for_a_title_in_one_line_and_writes_nothing():
    with pytest.raises(CommandError) as error:
        call_command("import_article", str(RAW_DATELINE))
    message = str(error.value)
    assert message.startswith(RAW_DATELINE.name)
    assert "--title" in message and "\n" not in message
    assert Briefing.objects.count() == 0


@needs_shared_raw
def test_import_article_takes_the_title_given_and_reports_the_dateline(capsys):
    call_command("import_article", str(RAW_DATELINE), "--title", "Science Guidance Issued")
    briefing = Briefing.objects.get()
    assert briefing.title == "Science Guidance Issued"
    out = capsys.readouterr().out
    assert "dateline: WASHINGTON, DC" in out
    assert f"questions generated: {briefing.questions.count()}" in out


@needs_shared_raw
def test_import_article_reads_an_html_page_and_prints_what_it_understood(capsys):
    call_command("import_article", str(RAW_PAGE))
    out = capsys.readouterr().out
    briefing = Briefing.objects.get()
    assert briefing.title == "Defense Primer: U.S. Space Force"
    assert "format: HTML page" in out
    assert "glossary: DAF," in out
    assert briefing.paragraphs.filter(kind="heading").count() == 6


def test_import_article_stores_a_draft_for_an_organisation(capsys):
    from organisations.models import Organisation

    organisation = Organisation.objects.create(name="Harbour Trust", slug="harbour-trust")
    call_command(
        "import_article",
        str(SHAPES / "front_matter.md"),
        "--organisation",
        "harbour-trust",
        "--draft",
    )
    briefing = Briefing.objects.get()
    assert briefing.organisation == organisation
    assert briefing.status == Briefing.Status.DRAFT
    assert briefing.byline == "By Petra Lindqvist"
    assert "layout" not in briefing.body_html


def test_import_article_names_an_unknown_organisation():
    with pytest.raises(CommandError, match="no-such-org"):
        call_command("import_article", str(SEED), "--organisation", "no-such-org")
    assert Briefing.objects.count() == 0


def test_import_article_refuses_one_title_for_several_files():
    with pytest.raises(CommandError, match="one"):
        call_command("import_article", str(SEED), str(SEED), "--title", "Same Title")


def test_a_word_document_imports_with_its_title(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Lighthouse Keepers Return", style="Title")
    document.add_paragraph("The lighthouse on the outer skerry is manned again after ten years.")
    path = tmp_path / "lighthouse.docx"
    document.save(str(path))
    call_command("import_article", str(path))
    assert Briefing.objects.get().title == "Lighthouse Keepers Return"


def test_previewing_an_article_writes_nothing_and_returns_its_report():
    reading = preview_article(data=SEED.read_bytes(), source_name=SEED.name)
    assert reading.report.title == reading.article.title
    assert reading.report.questions is None
    assert Briefing.objects.count() == 0


def test_previewing_a_text_without_a_title_gives_a_title_needed_error():
    data = b"KORVANSK, March 3 - The convoy arrived on Friday after a week on the road.\n"
    with pytest.raises(ValidationError) as error:
        preview_article(data=data, source_name="convoy.txt")
    assert [item.code for item in error.value.error_dict["source"]] == ["title_needed"]
    reading = preview_article(data=data, source_name="convoy.txt", title="Convoy Arrives")
    assert reading.report.dateline == "KORVANSK, March 3"


def test_importing_returns_the_report_with_the_number_of_questions():
    outcome = import_article(data=SEED.read_bytes(), source_name=SEED.name)
    assert outcome.report.questions == outcome.briefing.questions.count() > 0
    again = import_article(data=SEED.read_bytes(), source_name=SEED.name)
    assert again.action == "unchanged"
    assert again.report.questions == outcome.report.questions
