"""The admin's "Import an article" flow: upload or paste, preview, confirm or cancel."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from briefings.models import Briefing
from cohorts.demo import instructor_group
from organisations.models import Membership
from quizzes.models import Question
from tests.conftest import SEED, SHARED_RAW
from tests.factories import BriefingFactory, OrganisationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:briefings_briefing_import"

ARTICLE = """Harbour Pilots Strike Over Night Shifts

Pilots at the port walked out on Monday over new night rotas.

The International Maritime Organization (IMO) sets the rules on pilot rest. "We cannot
guide ships safely after sixteen hours awake," said Maria Okafor, a senior pilot.

The port authority said talks would resume on Thursday. On March 3, 2025, 40 of the
port's 52 pilots stopped work.
"""

DATELINE_ARTICLE = """LAGOS (Reuters) - Pilots at the port walked out on Monday over night rotas.

The port authority said talks would resume on Thursday, and that ships would wait offshore.
"""


def start(client, *, text="", upload=None, organisation="", status="draft"):
    data = {"source_text": text, "organisation": organisation, "status": status}
    if upload is not None:
        data["source_file"] = upload
    return client.post(reverse(IMPORT_URL), data)


def preview_url(response) -> str:
    assert response.status_code == 302, response.content.decode()[:3000]
    url = response["Location"]
    assert "/import/" in url
    return url


def header(client, url, **overrides):
    """The preview form as shown, with the user's changes."""
    html = client.get(url).content.decode()
    fields = {
        "title": _value(html, "title"),
        "standfirst": _textarea(html, "standfirst"),
        "byline": _value(html, "byline"),
    }
    checked = re.search(r'name="title_line" value="(\d+)"[^>]*checked', html)
    if checked:
        fields["title_line"] = checked.group(1)
    return fields | overrides


def _value(html: str, name: str) -> str:
    match = re.search(rf'<input type="text" name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


def _textarea(html: str, name: str) -> str:
    match = re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', html, re.S)
    return match.group(1) if match else ""


def test_an_instructor_pastes_an_article_and_sees_what_was_read(instructor_client, organisation):
    url = preview_url(start(instructor_client, text=ARTICLE, organisation=organisation.pk))
    html = instructor_client.get(url).content.decode()
    assert 'value="Harbour Pilots Strike Over Night Shifts"' in html
    assert "3 paragraphs" in html
    assert "<dt>IMO</dt>" in html
    assert "International Maritime Organization" in html
    assert "Maria Okafor" in html
    assert "Harbour Training" in html
    assert Briefing.objects.count() == 0


def test_confirming_creates_a_draft_briefing_in_the_instructors_organisation_with_draft_questions(
    instructor_client, organisation
):
    url = preview_url(start(instructor_client, text=ARTICLE, organisation=organisation.pk))
    response = instructor_client.post(url, header(instructor_client, url) | {"action": "import"})
    briefing = Briefing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:briefings_briefing_change", args=[briefing.pk])
    assert briefing.title == "Harbour Pilots Strike Over Night Shifts"
    assert briefing.status == Briefing.Status.DRAFT
    assert briefing.organisation == organisation
    assert briefing.paragraphs.count() == 3
    questions = Question.objects.filter(briefing=briefing)
    assert questions.exists()
    assert not questions.exclude(status=Question.Status.DRAFT).exists()
    page = instructor_client.get(response["Location"]).content.decode()
    assert "to review" in page


def test_the_edited_title_standfirst_and_byline_are_what_gets_saved(
    instructor_client, organisation
):
    url = preview_url(start(instructor_client, text=ARTICLE, organisation=organisation.pk))
    edits = {
        "title": "Pilots Walk Out",
        "standfirst": "Night rotas spark a strike.",
        "byline": "By Port Reporter",
    }
    instructor_client.post(url, header(instructor_client, url, **edits) | {"action": "import"})
    briefing = Briefing.objects.get()
    assert briefing.title == "Pilots Walk Out"
    assert briefing.slug == "pilots-walk-out"
    assert briefing.standfirst == "Night rotas spark a strike."
    assert briefing.byline == "By Port Reporter"


def test_cancelling_writes_nothing_and_forgets_the_article(instructor_client, organisation):
    url = preview_url(start(instructor_client, text=ARTICLE, organisation=organisation.pk))
    response = instructor_client.post(url, {"action": "cancel"})
    assert response.status_code == 302
    assert Briefing.objects.count() == 0
    assert Question.objects.count() == 0
    # The pending article is gone: importing it now is impossible.
    again = instructor_client.post(url, header(instructor_client, url) | {"action": "import"})
    assert again.status_code == 302
    assert again["Location"] == reverse(IMPORT_URL)
    assert Briefing.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.txt", bytes(range(256)) * 4, "photo.txt: "),
        ("empty.txt", b"", "empty.txt: The article is empty."),
        ("huge.txt", b"word " * (1_100_000), "huge.txt: the file is over 5 MB"),
    ],
)
def test_a_bad_file_gets_one_line_and_nothing_is_written(
    instructor_client, organisation, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    response = start(instructor_client, upload=upload, organisation=organisation.pk)
    assert response.status_code == 200
    errors = re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    assert len(errors) == 1
    assert message in errors[0]
    assert "\n" not in errors[0].strip()
    assert Briefing.objects.count() == 0
    assert "briefing_imports" not in instructor_client.session


def test_each_upload_format_reaches_the_preview_with_its_title(instructor_client, organisation):
    # The title line is offered for choosing only where the title is one of
    # the text's lines, not Markdown front matter or an HTML heading.
    for name, title, line_choice in [
        ("03_usagm_ogulsapar-muradova.txt", "Ogulsapar Muradova", True),
        ("01_usagm_bashar-fahmi.md", "Bashar Fahmi", False),
        ("09_crs_defense-primer-space-force.html", "Defense Primer: U.S. Space Force", False),
    ]:
        upload = SimpleUploadedFile(name, (SHARED_RAW / name).read_bytes())
        url = preview_url(start(instructor_client, upload=upload, organisation=organisation.pk))
        html = instructor_client.get(url).content.decode()
        assert f'value="{title}"' in html, name
        assert ('name="title_line"' in html) == line_choice, name


def test_a_word_document_is_previewed_and_imported(instructor_client, organisation):
    docx = pytest.importorskip("docx")
    import io

    document = docx.Document()
    document.add_heading("Ferry Timetable Cut for Winter", level=1)
    document.add_paragraph("The island ferry will run twice a day from November.")
    document.add_paragraph("Residents said the change would cut them off in storms.")
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("ferry.docx", buffer.getvalue())
    url = preview_url(start(instructor_client, upload=upload, organisation=organisation.pk))
    html = instructor_client.get(url).content.decode()
    assert "Word document (.docx)" in html
    instructor_client.post(url, header(instructor_client, url) | {"action": "import"})
    briefing = Briefing.objects.get()
    assert briefing.title == "Ferry Timetable Cut for Winter"
    assert briefing.source_name == "ferry.docx"


def test_an_instructor_cannot_import_into_another_organisation(instructor_client):
    other = OrganisationFactory(name="Rival Academy")
    response = start(instructor_client, text=ARTICLE, organisation=other.pk)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "briefing_imports" not in instructor_client.session
    assert Briefing.objects.count() == 0


def test_an_instructor_cannot_import_a_platform_shared_briefing(instructor_client):
    response = start(instructor_client, text=ARTICLE, organisation="")
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert Briefing.objects.count() == 0


def test_an_instructor_who_lost_the_organisation_cannot_confirm(
    instructor_client, instructor, organisation
):
    url = preview_url(start(instructor_client, text=ARTICLE, organisation=organisation.pk))
    fields = header(instructor_client, url)
    Membership.objects.filter(user=instructor).delete()
    response = instructor_client.post(url, fields | {"action": "import"})
    assert response.status_code == 403
    assert Briefing.objects.count() == 0


def test_a_platform_admin_may_import_a_shared_briefing(client):
    client.force_login(StaffFactory())
    url = preview_url(start(client, text=ARTICLE, organisation="", status="published"))
    client.post(url, header(client, url) | {"action": "import"})
    briefing = Briefing.objects.get()
    assert briefing.organisation is None
    assert briefing.status == Briefing.Status.PUBLISHED


def test_a_text_without_a_title_asks_for_one_then_imports_with_it(instructor_client, organisation):
    url = preview_url(start(instructor_client, text=DATELINE_ARTICLE, organisation=organisation.pk))
    html = instructor_client.get(url).content.decode()
    assert "no title line" in html
    assert _value(html, "title") == ""
    refused = instructor_client.post(url, header(instructor_client, url) | {"action": "import"})
    assert refused.status_code == 200
    assert "This field is required" in refused.content.decode()
    assert Briefing.objects.count() == 0
    fields = header(instructor_client, url, title="Port Pilots Walk Out")
    instructor_client.post(url, fields | {"action": "import"})
    briefing = Briefing.objects.get()
    assert briefing.title == "Port Pilots Walk Out"
    assert briefing.paragraphs.order_by("number").first().text.startswith("LAGOS (Reuters)")


def test_choosing_another_title_line_treats_the_lines_above_as_chrome(
    instructor_client, organisation
):
    text = "Harbour Gazette\n\n" + ARTICLE
    url = preview_url(start(instructor_client, text=text, organisation=organisation.pk))
    html = instructor_client.get(url).content.decode()
    assert "Line 1: Harbour Gazette" in html
    assert "Line 2: Harbour Pilots Strike Over Night Shifts" in html
    fields = header(instructor_client, url, title_line="1")
    response = instructor_client.post(url, fields | {"action": "preview"})
    assert response.status_code == 302
    html = instructor_client.get(url).content.decode()
    assert 'value="Harbour Pilots Strike Over Night Shifts"' in html
    assert re.search(r'value="1"[^>]*checked', html)


def test_two_pending_imports_in_one_session_do_not_clash(instructor_client, organisation):
    first = preview_url(start(instructor_client, text=ARTICLE, organisation=organisation.pk))
    second = preview_url(
        start(instructor_client, text=DATELINE_ARTICLE, organisation=organisation.pk)
    )
    assert first != second
    instructor_client.post(first, header(instructor_client, first) | {"action": "import"})
    assert Briefing.objects.get().title == "Harbour Pilots Strike Over Night Shifts"
    assert "no title line" in instructor_client.get(second).content.decode()


def test_a_trainee_cannot_reach_the_import(client):
    client.force_login(UserFactory())
    response = client.get(reverse(IMPORT_URL))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    response = start(client, text=ARTICLE)
    assert response.status_code == 302
    assert Briefing.objects.count() == 0


def test_staff_without_the_right_to_add_briefings_are_refused(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse(IMPORT_URL)).status_code == 403


def test_another_users_pending_import_is_not_reachable(client, instructor_client, organisation):
    url = preview_url(start(instructor_client, text=ARTICLE, organisation=organisation.pk))
    client.logout()
    other = UserFactory(username="otto", is_staff=True)
    other.groups.add(instructor_group())
    Membership.objects.create(
        organisation=organisation, user=other, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(other)
    response = client.post(url, {"title": "Stolen", "action": "import"})
    assert response.status_code == 302
    assert response["Location"] == reverse(IMPORT_URL)
    assert Briefing.objects.count() == 0


def test_the_teach_dashboard_and_the_briefing_list_link_to_the_import(
    instructor_client, organisation
):
    link = reverse(IMPORT_URL)
    assert link in instructor_client.get(reverse("cohorts:dashboard")).content.decode()
    changelist = instructor_client.get(reverse("admin:briefings_briefing_changelist"))
    assert link in changelist.content.decode()


def test_an_article_already_shared_is_not_imported_twice(
    instructor_client, organisation, seed_briefing
):
    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes())
    url = preview_url(start(instructor_client, upload=upload, organisation=organisation.pk))
    response = instructor_client.post(url, header(instructor_client, url) | {"action": "import"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"already shared with every organisation as “{seed_briefing.title}”" in html
    assert Briefing.objects.count() == 1
    assert not Briefing.objects.filter(organisation=organisation).exists()


def test_a_file_another_organisation_imported_is_imported_again_as_this_organisations_own(
    instructor_client, organisation
):
    other = OrganisationFactory(name="Rival Academy")
    rival = BriefingFactory(title="Rival Secret Plans", organisation=other, source_name="notes.txt")
    upload = SimpleUploadedFile("notes.txt", ARTICLE.encode())
    url = preview_url(start(instructor_client, upload=upload, organisation=organisation.pk))
    response = instructor_client.post(url, header(instructor_client, url) | {"action": "import"})
    assert response.status_code == 302
    assert "Rival Secret Plans" not in response.content.decode()
    own = Briefing.objects.get(organisation=organisation)
    assert own.source_name == "notes.txt" and own.pk != rival.pk
    rival.refresh_from_db()
    assert rival.title == "Rival Secret Plans" and rival.organisation == other
