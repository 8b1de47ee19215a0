"""The language a page is shown in: chosen in the footer, from those that exist."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from briefings.services import render_briefing
from cohorts.demo import instructor_group
from organisations.models import Membership
from tests.conftest import REPO
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def instructor_client(client):
    cohort = CohortFactory(name="Winter", start_date=date(2026, 1, 7))
    user = UserFactory(is_staff=True)
    user.groups.add(instructor_group())
    Membership.objects.create(
        organisation=cohort.organisation, user=user, role=Membership.Role.INSTRUCTOR
    )
    client.force_login(user)
    return client


def choose(client, language: str, next_url: str):
    return client.post(
        reverse("set_language"), {"language": language, "next": next_url}, follow=True
    )


def test_the_footer_offers_each_language_there_is_and_marks_the_one_in_use(client):
    html = client.get(reverse("login")).content.decode()
    action, chooser = re.findall(
        r'<form action="([^"]*)" method="post" class="language-form">(.*?)</form>', html, re.S
    )[0]
    offered = re.findall(r'<option value="([^"]+)"', chooser)
    assert offered == [code for code, _name in django_settings.LANGUAGES]
    assert '<option value="en-gb" lang="en-gb" selected>' in chooser
    assert action == reverse("set_language")
    assert '<html lang="en-gb"' in html


def test_choosing_american_english_writes_the_cohort_dates_the_american_way(instructor_client):
    page = reverse("cohorts:dashboard")
    british = instructor_client.get(page).content.decode()
    assert "<td>7 Jan 2026</td>" in british

    american = choose(instructor_client, "en-us", page)
    html = american.content.decode()
    assert american.redirect_chain[-1][0] == page
    assert '<html lang="en-us"' in html
    assert "<td>Jan. 7, 2026</td>" in html
    assert "7 Jan 2026" not in html
    assert '<option value="en-us" lang="en-us" selected>' in html


def test_a_browser_asking_for_a_language_without_a_catalogue_gets_british_english(client):
    html = client.get(reverse("login"), headers={"accept-language": "fr"}).content.decode()
    assert '<html lang="en-gb"' in html
    assert "<h1>Sign in</h1>" in html


def test_a_browser_asking_for_american_english_gets_it_without_choosing(instructor_client):
    html = instructor_client.get(
        reverse("cohorts:dashboard"), headers={"accept-language": "en-US,en;q=0.8"}
    ).content.decode()
    assert "<td>Jan. 7, 2026</td>" in html


def test_the_javascript_catalogue_loads_with_the_page_and_defines_ngettext(client):
    html = client.get(reverse("login")).content.decode()
    catalogue = reverse("javascript-catalog")
    assert html.index(f'src="{catalogue}"') < html.index("js/site.js")
    script = client.get(catalogue)
    assert script.status_code == 200
    assert "django.ngettext = function" in script.content.decode()


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_a_catalogue_made_by_makemessages_and_translated_shows_the_pages_in_that_language(
    settings, client, tmp_path: Path, monkeypatch
):
    locale = french_catalogue(settings, tmp_path, monkeypatch, {"Sign in": "Se connecter"})
    # A template plural, the sign-in page and the JavaScript's words are all there.
    text = (locale / "fr" / "LC_MESSAGES" / "django.po").read_text()
    assert 'msgid_plural "%(counter)s quizzes on this briefing"' in text
    assert (
        'msgid "Time is up. Your saved answers are being submitted."'
        in (locale / "fr" / "LC_MESSAGES" / "djangojs.po").read_text()
    )

    html = choose(client, "fr", reverse("login")).content.decode()
    assert '<html lang="fr"' in html
    assert "<h1>Se connecter</h1>" in html
    assert '<option value="fr" lang="fr" selected>Français</option>' in html


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_import_reports_error_pages_and_enrolment_problems_are_catalogued_and_translated(
    settings, tmp_path: Path, monkeypatch
):
    from django.core.exceptions import ValidationError
    from django.tasks import task_backends

    from briefings import services
    from cohorts.services import start_enrolment_upload

    french_catalogue(
        settings,
        tmp_path,
        monkeypatch,
        {
            "The article has no title line (%(reason)s).": (
                "L’article n’a pas de titre (%(reason)s)."
            ),
            "no title line found: the text opens with a paragraph": (
                "aucun titre : le texte commence par un paragraphe"
            ),
            "Page not found": "Page introuvable",
            "The file has a header but no trainees below it.": (
                "Le fichier a un en-tête mais aucun stagiaire en dessous."
            ),
            "Choose a password for Briefing & Quiz": (
                "Choisissez un mot de passe pour Briefing & Quiz"
            ),
        },
    )

    untitled = (
        "The ministry said on Monday that the border would stay closed for another "
        "month while talks went on, and that the crossing points would be watched.\n\n"
        "Traders said the closure had already cost them a season of business.\n"
    )
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        services.preview_article(data=untitled.encode(), source_name="note.txt")
    assert refused.value.message_dict["source"] == [
        "note.txt: L’article n’a pas de titre (aucun titre : le texte commence par un paragraphe)."
    ]
    missing = Client().get("/no/such/page/", headers={"accept-language": "fr"})
    assert "<h1>Page introuvable</h1>" in missing.content.decode()

    # An enrolment file is read later by the worker, in the language it was sent in;
    # so is a password-reset e-mail.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    worker = task_backends["default"]

    def run_queued_tasks() -> None:
        with translation.override(None):  # the worker's own language, the site's default
            for queued in worker.results:
                queued.task.call(*queued.args, **queued.kwargs)
        worker.clear()

    with translation.override("fr"):
        upload = start_enrolment_upload(
            cohort=CohortFactory(), data=b"email,first_name,last_name\n", site_url="http://x"
        )
    run_queued_tasks()
    upload.refresh_from_db()
    assert (upload.language, upload.problems) == (
        "fr",
        [[0, "Le fichier a un en-tête mais aucun stagiaire en dessous."]],
    )

    UserFactory(email="rosa@example.org")
    Client().post(
        reverse("password_reset"),
        {"email": "rosa@example.org"},
        headers={"accept-language": "fr"},
    )
    run_queued_tasks()
    assert [message.subject for message in mail.outbox] == [
        "Choisissez un mot de passe pour Briefing & Quiz"
    ]


def french_catalogue(settings, tmp_path: Path, monkeypatch, french: dict[str, str]) -> Path:
    """Make French catalogues of the project (Python and templates, and JavaScript) with
    ``french`` translated, offer French, and return the locale folder."""
    # makemessages reads the current directory and writes to its locale/: a
    # copy of the sources keeps the project's own locale/ untouched.
    source = tmp_path / "source"
    for part in [
        "templates",
        "static/js",
        "accounts",
        "config",
        "briefings",
        "cohorts",
        "quizzes",
        "reviews",
    ]:
        shutil.copytree(REPO / part, source / part)
    locale = tmp_path / "locale"
    locale.mkdir()
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(source)
    call_command("makemessages", locale=["fr"], verbosity=0)
    call_command("makemessages", locale=["fr"], domain="djangojs", verbosity=0)
    catalogue = locale / "fr" / "LC_MESSAGES" / "django.po"
    text = catalogue.read_text()
    for english, translated in french.items():
        entry = f'msgid "{english}"\nmsgstr ""'
        assert entry in text, english
        text = text.replace(entry, f'msgid "{english}"\nmsgstr "{translated}"')
    catalogue.write_text(text)
    call_command("compilemessages", locale=["fr"], verbosity=0)
    settings.LANGUAGES = [*django_settings.LANGUAGES, ("fr", "Français")]
    return locale


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_a_briefing_reads_in_the_readers_language_while_its_stored_page_stays_in_the_default(
    settings, tmp_path: Path, monkeypatch, client, seed_briefing, trainee
):
    from briefings.models import Briefing

    french_catalogue(
        settings, tmp_path, monkeypatch, {"Glossary": "Glossaire", "Paragraph": "Paragraphe"}
    )
    client.force_login(trainee)
    url = seed_briefing.get_absolute_url()
    in_french = client.get(url, headers={"accept-language": "fr"}).content.decode()
    assert '<h2 id="glossary-heading">Glossaire</h2>' in in_french
    assert '<span class="visually-hidden">Paragraphe </span>' in in_french
    # Saving while French is chosen stores the page in the site's default language.
    with translation.override("fr"):
        render_briefing(briefing=seed_briefing)
    stored = Briefing.objects.get(pk=seed_briefing.pk).appendix_html
    assert '<h2 id="glossary-heading">Glossary</h2>' in stored
    in_english = client.get(url, headers={"accept-language": "en-GB"}).content.decode()
    assert '<h2 id="glossary-heading">Glossary</h2>' in in_english
    assert "Glossaire" not in in_english
