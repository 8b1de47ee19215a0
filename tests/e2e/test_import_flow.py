"""Importing an article in the admin, in the browser at 1280 px, with axe.

Paste or upload each format, read the preview, edit the title, confirm or
cancel, and a bad file: every step as an instructor of one organisation.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import expect

from briefings.models import Briefing
from cohorts.demo import instructor_group
from cohorts.models import Cohort
from organisations.models import Membership, Organisation
from quizzes.models import Question
from tests.conftest import SHARED_RAW
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PASTED = """Harbour Pilots Strike Over Night Shifts

Pilots at the port walked out on Monday over new night rotas.

The International Maritime Organization (IMO) sets the rules on pilot rest. "We cannot
guide ships safely after sixteen hours awake," said Maria Okafor, a senior pilot.

The port authority said talks would resume on Thursday. On March 3, 2025, 40 of the
port's 52 pilots stopped work.
"""


@pytest.fixture
def organisation(db):
    organisation = Organisation.objects.create(name="Harbour Training", slug="harbour")
    Cohort.objects.create(organisation=organisation, name="Autumn", start_date=date.today())
    return organisation


@pytest.fixture
def instructor(organisation):
    user = User.objects.create_user("imogen", "imogen@example.org", "pw", is_staff=True)
    user.groups.add(instructor_group())
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.INSTRUCTOR)
    return user


@pytest.fixture
def import_page(context_factory, instructor):
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("admin:briefings_briefing_import"))
    return page


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Ferry Timetable Cut for Winter", level=1)
    document.add_paragraph("The island ferry will run twice a day from November.")
    document.add_paragraph(
        "The Island Transport Authority (ITA) said fewer crossings would save fuel."
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(page, name: str, data: bytes) -> None:
    page.get_by_label("Article file").set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}]
    )
    page.get_by_role("button", name="Preview the import").click()


def test_the_teach_page_leads_to_the_import_form_which_has_no_axe_violations(
    context_factory, instructor
):
    page = context_factory(user=instructor).new_page()
    page.goto(reverse("cohorts:dashboard"))
    page.get_by_role("link", name="Import an article").click()
    expect(page.get_by_role("heading", name="Import an article")).to_be_visible()
    assert page.get_by_label("Organisation").input_value() == str(Organisation.objects.get().pk)
    assert page.get_by_label("Draft").is_checked()
    screenshot(page, "import-form")
    assert axe_violations(page) == []


def test_pasting_previews_then_an_edited_title_is_imported_as_a_draft(import_page):
    page = import_page
    page.get_by_label("Or paste the article").fill(PASTED)
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", name="Preview the import")).to_be_visible()
    assert page.get_by_label("Title").input_value() == "Harbour Pilots Strike Over Night Shifts"
    paragraphs = page.locator(".import-paragraphs li")
    assert paragraphs.count() == 3
    expect(page.locator(".import-glossary").get_by_text("IMO")).to_be_visible()
    expect(page.get_by_text("Maria Okafor").first).to_be_visible()
    screenshot(page, "import-preview")
    assert axe_violations(page) == []

    page.get_by_label("Title").fill("Pilots Walk Out")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("Imported “Pilots Walk Out” (a draft)")).to_be_visible()
    briefing = Briefing.objects.get()
    assert briefing.title == "Pilots Walk Out"
    assert briefing.status == Briefing.Status.DRAFT
    assert briefing.organisation.name == "Harbour Training"
    assert Question.objects.filter(briefing=briefing).exists()
    assert (
        not Question.objects.filter(briefing=briefing)
        .exclude(status=Question.Status.DRAFT)
        .exists()
    )


@pytest.mark.parametrize(
    ("name", "title", "format_name"),
    [
        ("03_usagm_ogulsapar-muradova.txt", "Ogulsapar Muradova", "plain text"),
        ("01_usagm_bashar-fahmi.md", "Bashar Fahmi", "Markdown"),
        (
            "09_crs_defense-primer-space-force.html",
            "Defense Primer: U.S. Space Force",
            "HTML page",
        ),
        ("ferry.docx", "Ferry Timetable Cut for Winter", "Word document (.docx)"),
    ],
)
def test_each_file_format_uploads_previews_and_imports(import_page, name, title, format_name):
    page = import_page
    data = docx_bytes() if name.endswith(".docx") else (SHARED_RAW / name).read_bytes()
    upload(page, name, data)
    assert page.get_by_label("Title").input_value() == title
    expect(page.locator(".import-summary").get_by_text(format_name, exact=True)).to_be_visible()
    assert page.locator(".import-paragraphs li").count() >= 2
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text(f"Imported “{title}”")).to_be_visible()
    assert Briefing.objects.get().source_name == name


def test_cancelling_the_preview_saves_nothing(import_page):
    page = import_page
    upload(page, "03.txt", (SHARED_RAW / "03_usagm_ogulsapar-muradova.txt").read_bytes())
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_text("cancelled: nothing was saved")).to_be_visible()
    assert Briefing.objects.count() == 0


def test_a_bad_file_gets_one_clear_line_and_nothing_is_saved(import_page):
    page = import_page
    upload(page, "scan.txt", bytes(range(256)) * 8)
    error = page.locator(".errorlist")
    assert error.count() == 1
    assert error.inner_text().startswith("scan.txt: The file looks like binary data")
    expect(page.get_by_role("heading", name="Import an article")).to_be_visible()
    screenshot(page, "import-bad-file")
    assert axe_violations(page) == []
    assert Briefing.objects.count() == 0


def test_a_text_with_no_title_asks_for_one_without_javascript(context_factory, instructor):
    page = context_factory(user=instructor, javascript=False).new_page()
    page.goto(reverse("admin:briefings_briefing_import"))
    page.get_by_label("Or paste the article").fill(
        "LAGOS (Reuters) - Pilots at the port walked out on Monday over night rotas.\n\n"
        "The port authority said talks would resume on Thursday.\n"
    )
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("no title line")).to_be_visible()
    assert page.get_by_label("Title").input_value() == ""
    screenshot(page, "import-title-needed")
    page.get_by_label("Title").fill("Port Pilots Walk Out")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("Imported “Port Pilots Walk Out”")).to_be_visible()
    assert Briefing.objects.get().title == "Port Pilots Walk Out"


def test_the_preview_fits_a_phone(context_factory, instructor):
    page = context_factory(user=instructor, mobile=True).new_page()
    page.goto(reverse("admin:briefings_briefing_import"))
    page.get_by_label("Or paste the article").fill(PASTED)
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", name="Preview the import")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, "import-preview-phone")
    assert axe_violations(page) == []
