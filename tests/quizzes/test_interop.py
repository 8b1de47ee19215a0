"""GIFT, Moodle XML and Anki in and out of a briefing's bank, as an instructor uses them
in the admin: downloads, imports, round trips, line-numbered errors and organisation scope."""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.demo import instructor_group
from organisations.models import Membership
from quizzes.decks import briefing_deck
from quizzes.models import Question
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SAME = ("kind", "stem", "options", "prompts", "correct", "explanation", "paragraph_id", "start")


def make_instructor(organisation, username):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(instructor_group())
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.INSTRUCTOR)
    return user


@pytest.fixture
def own(seed_briefing):
    """The seed briefing as Harbour Training's own, its whole bank approved."""
    seed_briefing.organisation = OrganisationFactory(name="Harbour Training")
    seed_briefing.save()
    seed_briefing.questions.update(status=Question.Status.APPROVED)
    return seed_briefing


@pytest.fixture
def instructor_client(client, own):
    client.force_login(make_instructor(own.organisation, "imogen"))
    return client


def download(client, name, briefing):
    return client.get(reverse(f"admin:quizzes_{name}", args=[briefing.pk]))


def post_file(client, briefing, name, content, **extra):
    upload = SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)
    url = reverse("admin:quizzes_import_questions", args=[briefing.pk])
    return client.post(url, {"question_file": upload, **extra})


#: Lists whose order carries no meaning: a matching question's choices and a
#: multiple-response question's right options.
UNORDERED = {("matching", "options"), ("multiple_response", "correct")}


def bank(briefing):
    """The bank as comparable rows of the ``SAME`` fields."""
    rows = []
    for row in briefing.questions.values(*SAME):
        rows.append(
            tuple(
                str(sorted(value) if (row["kind"], name) in UNORDERED else value)
                for name, value in row.items()
            )
        )
    return sorted(rows)


def test_the_briefing_page_offers_the_three_downloads_and_the_import(instructor_client, own):
    html = instructor_client.get(
        reverse("admin:briefings_briefing_change", args=[own.pk])
    ).content.decode()
    for name in ("gift", "xml", "anki", "import_questions"):
        assert reverse(f"admin:quizzes_{name}", args=[own.pk]) in html
    assert "Approved questions (Moodle XML)" in html
    assert "Glossary and facts (Anki deck)" in html


def test_gift_is_downloaded_as_a_named_text_file_of_the_approved_bank(
    instructor_client, own, django_assert_max_num_queries
):
    own.questions.filter(kind="true_false").update(status=Question.Status.DRAFT)
    with django_assert_max_num_queries(7):
        response = download(instructor_client, "gift", own)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{own.slug}-questions.gift"'
    gift = response.content.decode()
    approved = own.questions.filter(status=Question.Status.APPROVED).count()
    assert len(re.findall(r"^::", gift, re.MULTILINE)) == approved
    assert "{TRUE" not in gift and "{FALSE" not in gift


def test_moodle_xml_is_downloaded_as_xml_with_one_question_per_approved_question(
    instructor_client, own, django_assert_max_num_queries
):
    with django_assert_max_num_queries(7):
        response = download(instructor_client, "xml", own)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{own.slug}-questions.xml"'
    quiz = ET.fromstring(response.content)
    types = [q.get("type") for q in quiz.findall("question")]
    assert types[0] == "category"
    assert len(types) - 1 == own.questions.count()
    assert set(types[1:]) == {
        "multichoice", "truefalse", "shortanswer", "matching", "ordering"
    }  # fmt: skip


def read_back_with_anki(data: bytes, collection_dir: Path, *, again: bytes | None = None):
    """Import a deck (then another) into a fresh Anki collection, as Anki does; its notes."""
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    collection = Collection(str(collection_dir / "collection.anki2"))
    logs = []
    try:
        for package in (data, again):
            if package is None:
                continue
            path = collection_dir / f"deck{len(logs)}.apkg"
            path.write_bytes(package)
            request = ImportAnkiPackageRequest(
                package_path=str(path), options=ImportAnkiPackageOptions()
            )
            logs.append(collection.import_anki_package(request).log)
        notes = [collection.get_note(note_id) for note_id in collection.find_notes("")]
        return [(n.guid, (n.note_type() or {})["name"], list(n.fields)) for n in notes], logs
    finally:
        collection.close()


def test_the_anki_deck_holds_each_defined_term_and_each_cited_fact_once(
    instructor_client, own, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = download(instructor_client, "anki", own)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="{own.slug}.apkg"'
    with tempfile.TemporaryDirectory() as folder:
        notes, _ = read_back_with_anki(response.content, Path(folder))
    terms = [fields for _, kind, fields in notes if kind.endswith("glossary term")]
    facts = [fields for _, kind, fields in notes if kind.endswith("fact")]
    defined = set(own.glossary_terms.exclude(expansion="").values_list("term", flat=True))
    assert sorted(term for term, *_ in terms) == sorted(defined)
    assert len(notes) == len(terms) + len(facts)
    assert len({guid for guid, *_ in notes}) == len(notes)
    sentences = [re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", text) for text, _ in facts]
    assert len(set(sentences)) == len(sentences)
    cited = {c["text"] for q in own.questions.all() for c in q.citations}
    assert set(sentences) <= {s.replace("&", "&amp;") for s in cited} | cited
    # Every fill-in-the-blank question's sentence is there, its answer blanked out.
    clozes = dict(zip(sentences, (text for text, _ in facts), strict=True))
    for question in own.questions.filter(kind="cloze"):
        cloze = clozes[question.citations[0]["text"]]
        deleted = re.findall(r"\{\{c\d+::(.*?)\}\}", cloze)
        assert set(deleted) & set(question.correct), (cloze, question.correct)
    # Each term's card links to its paragraph on the site.
    assert all(f"{own.get_absolute_url()}#p" in source for *_, source in terms)


def test_importing_an_updated_deck_updates_its_notes_instead_of_adding_them(own):
    first = briefing_deck(own, base_url="http://testserver", timestamp=1_700_000_000)
    term = own.glossary_terms.get(term="NATO")
    term.expansion = "North Atlantic Treaty Organisation"
    term.save()
    cis = own.glossary_terms.get(term="CIS")
    cis.description = "a grouping of former Soviet republics"
    cis.save()
    second = briefing_deck(own, base_url="http://testserver", timestamp=1_700_000_600)
    with tempfile.TemporaryDirectory() as folder:
        notes, (log_first, log_second) = read_back_with_anki(
            first.data, Path(folder), again=second.data
        )
    assert len(log_first.new) == first.notes
    assert len(notes) == first.notes + 1  # NATO is now defined; nothing else is added
    assert len(log_second.new) == 1
    assert len(log_second.updated) >= 1
    meanings = {fields[0]: fields[1] for _, kind, fields in notes if kind.endswith("term")}
    assert "a grouping of former Soviet republics" in meanings["CIS"]


@pytest.mark.parametrize("name", ["gift", "xml"])
def test_a_downloaded_bank_imports_back_as_the_same_questions_marked_hand_written(
    instructor_client, own, name
):
    exported = download(instructor_client, name, own).content
    before = bank(own)
    own.questions.all().delete()
    response = post_file(instructor_client, own, f"bank.{name}", exported, approve="on")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert bank(own) == before
    assert set(own.questions.values_list("origin", flat=True)) == {Question.Origin.INSTRUCTOR}
    assert set(own.questions.values_list("status", flat=True)) == {Question.Status.APPROVED}
    message = instructor_client.get(response["Location"]).content.decode()
    assert f"Imported {len(before)} hand-written questions" in message


def test_importing_the_same_file_twice_adds_nothing_the_second_time(instructor_client, own):
    text = "Is Dushanbe the capital of Tajikistan? {T}\n\nThe border is {=1,200} km long.\n"
    post_file(instructor_client, own, "mine.gift", text)
    count = own.questions.count()
    response = post_file(instructor_client, own, "mine.gift", text)
    assert response.status_code == 302
    assert own.questions.count() == count
    imported = own.questions.filter(origin=Question.Origin.INSTRUCTOR)
    assert imported.count() == 2
    assert set(imported.values_list("status", flat=True)) == {Question.Status.DRAFT}


def test_a_bad_file_lists_each_bad_line_and_writes_nothing(instructor_client, own):
    before = bank(own)
    text = (
        "Is Dushanbe the capital of Tajikistan? {T}\n"  # line 1: fine
        "\n"
        "Name two neighbours. {~%50%Uzbekistan ~%50%Kyrgyzstan}\n"  # line 3: two options
        "\n"
        "An essay question. {}\n"  # line 5
    )
    response = post_file(instructor_client, own, "bad.gift", text)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "line 3: Give at least three options." in html
    assert "line 5: an empty { } is an essay" in html
    assert bank(own) == before


def test_a_bad_moodle_xml_file_names_the_line_and_writes_nothing(instructor_client, own):
    before = bank(own)
    text = '<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n</quiz>\n'
    html = post_file(instructor_client, own, "bad.xml", text).content.decode()
    assert "line 4: the XML is not well formed" in html
    assert bank(own) == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(instructor_client, own):
    html = post_file(instructor_client, own, "big.gift", "Q {T}\n\n" * 200_000).content.decode()
    assert "The file is over 1 MB" in html
    assert own.questions.filter(origin=Question.Origin.INSTRUCTOR).count() == 0


def test_the_import_page_runs_a_fixed_number_of_queries_whatever_the_file_holds(
    instructor_client, own, django_assert_max_num_queries
):
    url = reverse("admin:quizzes_import_questions", args=[own.pk])
    # The admin's own page frame asks, for each app in its menu, whether the
    # user teaches: most of these queries are that.
    with django_assert_max_num_queries(21):
        assert instructor_client.get(url).status_code == 200

    def import_queries(count, name):
        questions = "\n\n".join(f"Is statement {n} of {name} true? {{T}}" for n in range(count))
        with CaptureQueriesContext(connection) as queries:
            response = post_file(instructor_client, own, f"{name}.gift", questions)
        assert response.status_code == 302
        return len(queries)

    few, many = import_queries(2, "few"), import_queries(200, "many")
    assert many == few
    assert many <= 12
    assert own.questions.filter(origin=Question.Origin.INSTRUCTOR).count() == 202


def test_another_organisations_instructor_can_neither_import_nor_download(client, own):
    outsider = make_instructor(OrganisationFactory(name="Southgate Academy"), "mallory")
    client.force_login(outsider)
    before = bank(own)
    response = post_file(client, own, "attack.gift", "Planted question? {T}\n", approve="on")
    assert response.status_code == 404
    assert client.get(reverse("admin:quizzes_import_questions", args=[own.pk])).status_code == 404
    for name in ("gift", "xml", "anki"):
        assert download(client, name, own).status_code == 404
    assert bank(own) == before


def test_a_shared_briefing_is_downloadable_but_only_platform_staff_import_into_it(
    client, seed_briefing
):
    instructor = make_instructor(OrganisationFactory(), "ines")
    client.force_login(instructor)
    assert download(client, "xml", seed_briefing).status_code == 200
    page = client.get(reverse("admin:briefings_briefing_change", args=[seed_briefing.pk]))
    assert "Import questions" not in page.content.decode()
    response = post_file(client, seed_briefing, "x.gift", "Planted? {T}\n")
    assert response.status_code == 403
    assert not seed_briefing.questions.filter(origin=Question.Origin.INSTRUCTOR).exists()
