import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from briefings import services
from briefings.models import Briefing
from cohorts.demo import instructor_group
from organisations.models import Membership
from tests.factories import BriefingFactory, OrganisationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_only_staff_reach_the_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_the_briefing_change_page_opens_with_its_inlines(client, seed_briefing):
    client.force_login(StaffFactory())
    url = reverse("admin:briefings_briefing_change", args=[seed_briefing.pk])
    html = client.get(url).content.decode()
    assert "Glossary terms" in html
    assert "Paragraphs" in html
    assert "View on site" in html


def test_an_instructor_completes_an_undefined_abbreviation_and_the_reader_sees_it(
    client, seed_briefing
):
    client.force_login(StaffFactory())
    nato = seed_briefing.glossary_terms.get(term="NATO")
    url = reverse("admin:briefings_glossaryterm_change", args=[nato.pk])
    response = client.post(
        url,
        {
            "briefing": seed_briefing.pk,
            "term": "NATO",
            "expansion": "North Atlantic Treaty Organization",
            "description": "a *military alliance*",
            "source": "abbreviation",
            "defined_in": "",
            "first_used_in": nato.first_used_in_id or "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(seed_briefing.get_absolute_url()).content.decode()
    assert "North Atlantic Treaty Organization" in page
    assert "<em>military alliance</em>" in page


def test_the_glossary_list_filters_undefined_terms(client, seed_briefing):
    client.force_login(StaffFactory())
    url = reverse("admin:briefings_glossaryterm_changelist") + "?expansion__isempty=1"
    html = client.get(url).content.decode()
    assert "NATO" in html
    assert "Collective Security Treaty Organisation" not in html


# ---------------------------------------------------------------------------
# Platform-shared briefings: only platform admins create or change them.


def briefing_form(**overrides):
    data = {
        "title": "Storm Closes the Port",
        "slug": "storm-closes-the-port",
        "status": "published",
        "organisation": "",
        "publisher": "",
        "standfirst": "",
        "byline": "",
        "trailer": "",
    }
    for prefix in ("paragraphs", "glossary_terms", "people", "quotations", "cross_references"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {"questions-TOTAL_FORMS": "0", "questions-INITIAL_FORMS": "0"}
    return data | overrides


def test_an_instructor_cannot_add_a_briefing_without_an_organisation(instructor_client):
    response = instructor_client.post(reverse("admin:briefings_briefing_add"), briefing_form())

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Briefing.objects.filter(slug="storm-closes-the-port").exists()


def test_the_add_form_offers_only_the_instructors_organisation_already_chosen(
    instructor_client, organisation
):
    OrganisationFactory(name="Elsewhere Academy")
    html = instructor_client.get(reverse("admin:briefings_briefing_add")).content.decode()
    assert f'<option value="{organisation.pk}" selected>Harbour Training</option>' in html
    assert "Elsewhere Academy" not in html
    assert '<option value="" ' not in html.split('name="organisation"')[1].split("</select>")[0]


def test_an_instructor_adds_a_briefing_to_their_organisation(instructor_client, organisation):
    response = instructor_client.post(
        reverse("admin:briefings_briefing_add"), briefing_form(organisation=organisation.pk)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Briefing.objects.get(slug="storm-closes-the-port").organisation == organisation


def test_an_instructor_cannot_add_a_briefing_to_another_organisation(instructor_client):
    other = OrganisationFactory()
    response = instructor_client.post(
        reverse("admin:briefings_briefing_add"), briefing_form(organisation=other.pk)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Briefing.objects.filter(slug="storm-closes-the-port").exists()


def test_an_instructor_cannot_clear_the_organisation_of_their_briefing(
    instructor_client, organisation
):
    briefing = BriefingFactory(organisation=organisation, slug="storm-closes-the-port")
    url = reverse("admin:briefings_briefing_change", args=[briefing.pk])

    response = instructor_client.post(url, briefing_form(organisation=""))

    assert response.status_code == 200
    briefing.refresh_from_db()
    assert briefing.organisation == organisation


def test_an_instructor_cannot_change_a_shared_briefing(instructor_client, seed_briefing):
    url = reverse("admin:briefings_briefing_change", args=[seed_briefing.pk])
    response = instructor_client.post(
        url, briefing_form(title="Taken over", slug=seed_briefing.slug)
    )
    assert response.status_code == 403
    seed_briefing.refresh_from_db()
    assert seed_briefing.title != "Taken over"
    assert seed_briefing.organisation is None


def test_the_platform_admin_still_publishes_a_shared_briefing(client):
    client.force_login(StaffFactory())
    response = client.post(reverse("admin:briefings_briefing_add"), briefing_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Briefing.objects.get(slug="storm-closes-the-port").organisation is None


def test_the_service_refuses_a_shared_briefing_from_an_instructor(instructor, organisation):
    with pytest.raises(ValidationError) as error:
        services.save_briefing(briefing=Briefing(title="Sneaky", slug="sneaky"), by=instructor)
    assert "organisation" in error.value.message_dict
    owned = BriefingFactory(organisation=organisation)
    owned.organisation = None
    with pytest.raises(ValidationError):
        services.save_briefing(briefing=owned, by=instructor)
    assert Briefing.objects.get(pk=owned.pk).organisation == organisation
    assert not Briefing.objects.filter(slug="sneaky").exists()


def test_an_instructor_cannot_hang_a_question_on_a_shared_briefing(
    instructor_client, seed_briefing
):
    paragraph = seed_briefing.paragraphs.get(number=1)
    before = seed_briefing.questions.count()
    response = instructor_client.post(
        reverse("admin:quizzes_question_add"),
        {
            "briefing": seed_briefing.pk,
            "kind": "true_false",
            "status": "approved",
            "stem": "Russian forces guard the border today.",
            "options": "True\nFalse",
            "correct": "False",
            "paragraph": paragraph.pk,
            "start": 0,
            "end": 0,
            "difficulty": 0.3,
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert seed_briefing.questions.count() == before


def test_an_instructor_cannot_edit_a_question_of_a_shared_briefing(
    instructor_client, seed_briefing
):
    question = seed_briefing.questions.first()
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    page = instructor_client.get(url)
    assert page.status_code == 200 and 'name="stem"' not in page.content.decode()
    response = instructor_client.post(url, {"briefing": seed_briefing.pk, "stem": "Changed"})
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.stem != "Changed"


def test_an_instructor_cannot_add_a_quiz_to_a_shared_briefing(instructor_client, seed_briefing):
    response = instructor_client.post(
        reverse("admin:quizzes_quiz_add"),
        {"briefing": seed_briefing.pk, "title": "My own quiz", "mode": "practice"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not seed_briefing.quizzes.filter(title="My own quiz").exists()


# ---------------------------------------------------------------------------
# Copying a shared briefing to one's organisation.


def test_a_shared_briefing_page_says_so_and_offers_a_copy(instructor_client, seed_briefing):
    url = reverse("admin:briefings_briefing_change", args=[seed_briefing.pk])
    html = instructor_client.get(url).content.decode()
    assert "Shared by the platform with every organisation" in html
    assert "Only platform admins change this briefing" in html
    assert reverse("admin:briefings_briefing_copy", args=[seed_briefing.pk]) in html
    assert "Copy to Harbour Training" in html


def test_copying_gives_the_organisation_an_editable_draft_with_its_bank(
    instructor_client, organisation, seed_briefing
):
    response = instructor_client.post(
        reverse("admin:briefings_briefing_copy", args=[seed_briefing.pk]),
        {"organisation": organisation.pk},
    )

    copy = Briefing.objects.get(organisation=organisation)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:briefings_briefing_change", args=[copy.pk])
    assert copy.status == Briefing.Status.DRAFT and copy.copied_from == seed_briefing
    assert copy.questions.count() == seed_briefing.questions.count()
    edit = instructor_client.get(response["Location"]).content.decode()
    assert 'name="title"' in edit and "Only platform admins" not in edit
    question = copy.questions.first()
    question_page = instructor_client.get(
        reverse("admin:quizzes_question_change", args=[question.pk])
    ).content.decode()
    assert 'name="stem"' in question_page


def test_an_instructor_edits_the_copy_and_the_shared_original_is_untouched(
    instructor_client, instructor, organisation, seed_briefing
):
    copy = services.copy_briefing(briefing=seed_briefing, organisation=organisation, by=instructor)
    url = reverse("admin:briefings_briefing_change", args=[copy.pk])
    response = instructor_client.post(
        url,
        briefing_form(
            title="Kunduz, for our trainees",
            slug=copy.slug,
            status="published",
            organisation=organisation.pk,
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    copy.refresh_from_db()
    seed_briefing.refresh_from_db()
    assert copy.title == "Kunduz, for our trainees"
    assert seed_briefing.title == "For Tajikistan, Kunduz Battles Too Close for Comfort"


def test_copying_into_an_organisation_one_does_not_teach_is_refused(
    instructor_client, seed_briefing
):
    other = OrganisationFactory()
    response = instructor_client.post(
        reverse("admin:briefings_briefing_copy", args=[seed_briefing.pk]),
        {"organisation": other.pk},
    )
    assert response.status_code == 403
    assert not Briefing.objects.filter(organisation=other).exists()


def test_the_copy_action_copies_the_selected_shared_briefing(
    instructor_client, organisation, seed_briefing
):
    response = instructor_client.post(
        reverse("admin:briefings_briefing_changelist"),
        {"action": "copy_to_my_organisation", "_selected_action": [seed_briefing.pk]},
        follow=True,
    )
    assert "Copied “For Tajikistan" in response.content.decode()
    assert Briefing.objects.filter(organisation=organisation, copied_from=seed_briefing).exists()


def test_another_organisation_cannot_see_the_copy(client, instructor, organisation, seed_briefing):
    copy = services.copy_briefing(briefing=seed_briefing, organisation=organisation, by=instructor)
    outsider = UserFactory(username="olga", is_staff=True)
    outsider.groups.add(instructor_group())
    Membership.objects.create(
        organisation=OrganisationFactory(), user=outsider, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(outsider)
    change = client.get(reverse("admin:briefings_briefing_change", args=[copy.pk]))
    assert change.status_code == 302  # the admin's "no such object" redirect
    listing = client.get(reverse("admin:briefings_briefing_changelist")).content.decode()
    assert reverse("admin:briefings_briefing_change", args=[copy.pk]) not in listing
    copied = copy.questions.first()
    question = client.get(reverse("admin:quizzes_question_change", args=[copied.pk]))
    assert question.status_code == 302


# ---------------------------------------------------------------------------
# A change page that fits on a few screens.


def test_the_briefing_change_page_keeps_its_inlines_collapsed_and_short(client, seed_briefing):
    client.force_login(StaffFactory())
    url = reverse("admin:briefings_briefing_change", args=[seed_briefing.pk])
    html = client.get(url).content.decode()
    paragraphs = seed_briefing.paragraphs.count()
    assert html.count("<details>") >= 6  # paragraphs, glossary, people, quotes, refs, bank
    assert html.count('rows="2"') >= paragraphs
    assert 'rows="10"' not in html
    question = seed_briefing.questions.first()
    assert reverse("admin:quizzes_question_change", args=[question.pk]) in html


def test_staff_who_may_not_add_briefings_cannot_copy_one(client, organisation, seed_briefing):
    from django.contrib.auth.models import Permission

    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_briefing"))
    Membership.objects.create(
        organisation=organisation, user=viewer, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(viewer)
    response = client.post(
        reverse("admin:briefings_briefing_copy", args=[seed_briefing.pk]),
        {"organisation": organisation.pk},
    )
    assert response.status_code == 403
    assert not Briefing.objects.filter(organisation=organisation).exists()
