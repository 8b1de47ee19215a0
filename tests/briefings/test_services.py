import pytest
from django.core.exceptions import ValidationError

from briefings.models import Briefing, GlossaryTerm, Paragraph
from briefings.services import import_article, render_briefing
from tests.conftest import SEED

pytestmark = pytest.mark.django_db

SMALL = (
    "Example Wire\n\nPort Reopens After Storm\n\nBy Staff Reporter\n\n"
    "The port reopened on Monday after a storm closed it for three days.\n\n"
    "Officials said 40 ships were waiting to dock.\n"
)


def test_importing_the_seed_stores_its_structure(seed_briefing):
    assert seed_briefing.title == "For Tajikistan, Kunduz Battles Too Close for Comfort"
    assert seed_briefing.byline == "By IWPR Central Asia"
    assert seed_briefing.standfirst.startswith("How worried should Central Asian leaders")
    assert seed_briefing.publisher.startswith("Institute for War and Peace Reporting")
    assert seed_briefing.trailer == "More IWPR's Global Voices"
    numbers = list(seed_briefing.paragraphs.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    assert not seed_briefing.paragraphs.filter(text__contains="More IWPR").exists()


def test_the_seed_glossary_has_exactly_its_three_defined_terms(seed_briefing):
    defined = dict(
        seed_briefing.glossary_terms.exclude(expansion="").values_list("term", "expansion")
    )
    assert defined == {
        "CSTO": "Collective Security Treaty Organisation",
        "CIS": "Commonwealth of Independent States",
        "IMU": "Islamic Movement of Uzbekistan",
    }
    nato = seed_briefing.glossary_terms.get(term="NATO")
    assert nato.expansion == "" and nato.source == GlossaryTerm.Source.ABBREVIATION


def test_the_seed_cross_reference_is_kept_as_a_record(seed_briefing):
    titles = set(seed_briefing.cross_references.values_list("title", flat=True))
    assert "Tajiks Talk Up Afghan Spillover Risks" in titles


def test_importing_the_same_file_again_changes_nothing(seed_briefing):
    before = (Briefing.objects.count(), Paragraph.objects.count(), GlossaryTerm.objects.count())
    outcome = import_article(data=SEED.read_bytes(), source_name=SEED.name)
    assert outcome.action == "unchanged"
    after = (Briefing.objects.count(), Paragraph.objects.count(), GlossaryTerm.objects.count())
    assert before == after


def test_a_changed_file_is_refused_without_update():
    import_article(data=SMALL.encode(), source_name="port.txt")
    changed = SMALL.replace("40 ships", "45 ships").encode()
    with pytest.raises(ValidationError, match="--update"):
        import_article(data=changed, source_name="port.txt")


def test_update_reimports_a_changed_file_in_place():
    first = import_article(data=SMALL.encode(), source_name="port.txt").briefing
    changed = SMALL.replace("40 ships", "45 ships").encode()
    outcome = import_article(data=changed, source_name="port.txt", update=True)
    assert outcome.action == "updated"
    assert outcome.briefing.pk == first.pk
    assert outcome.briefing.paragraphs.filter(text__contains="45 ships").exists()
    assert Briefing.objects.count() == 1


def test_an_instructor_completion_survives_a_reimport(seed_briefing):
    nato = seed_briefing.glossary_terms.get(term="NATO")
    nato.expansion = "North Atlantic Treaty Organization"
    nato.record_instructor_edit()
    nato.save()
    changed = SEED.read_bytes().replace(b"porous border", b"long border")
    import_article(data=changed, source_name=SEED.name, update=True)
    nato.refresh_from_db()
    assert nato.expansion == "North Atlantic Treaty Organization"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00data" * 20, "binary"),
        (b"Publisher\n\n\xff\xfe\xfa broken bytes\n\nParagraph.\n", "decode"),
    ],
)
def test_bad_input_names_the_file_and_writes_nothing(data, message):
    with pytest.raises(ValidationError) as excinfo:
        import_article(data=data, source_name="bad.txt")
    text = " ".join(excinfo.value.messages)
    assert text.startswith("bad.txt:")
    assert message in text.lower()
    assert Briefing.objects.count() == 0


def test_an_oversized_file_is_refused():
    with pytest.raises(ValidationError, match="over 5 MB"):
        import_article(data=b"x" * (5 * 1024 * 1024 + 1), source_name="huge.txt")


def test_rendering_marks_defined_terms_in_the_body(seed_briefing):
    assert 'href="#term-csto"' in seed_briefing.body_html
    assert 'id="term-csto"' in seed_briefing.appendix_html
    assert "<dfn>CSTO</dfn>" in seed_briefing.appendix_html


def test_completing_an_abbreviation_marks_it_in_the_text_once_rendered(seed_briefing):
    nato = seed_briefing.glossary_terms.get(term="NATO")
    assert 'href="#term-nato"' not in seed_briefing.body_html
    nato.expansion = "North Atlantic Treaty Organization"
    nato.save()
    render_briefing(briefing=seed_briefing)
    seed_briefing.refresh_from_db()
    assert 'href="#term-nato"' in seed_briefing.body_html


def test_a_copy_carries_the_whole_briefing_and_bank_into_the_organisation(seed_briefing):
    from briefings.services import copy_briefing
    from quizzes.models import Question
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory()
    edited = seed_briefing.questions.first()
    edited.status, edited.stem, edited.edited, edited.version = "approved", "Edited?", True, 3
    edited.save()
    nato = seed_briefing.glossary_terms.get(term="NATO")
    nato.expansion, nato.edited = "North Atlantic Treaty Organization", True
    nato.save()
    quiz = seed_briefing.quizzes.get(is_default=True)
    quiz.pass_mark, quiz.question_count = 55, 7
    quiz.save()

    copy = copy_briefing(briefing=seed_briefing, organisation=organisation, by=None)

    assert copy.organisation == organisation and copy.status == Briefing.Status.DRAFT
    assert copy.slug != seed_briefing.slug and copy.source_name == ""
    for related in ("paragraphs", "glossary_terms", "people", "quotations", "cross_references"):
        assert getattr(copy, related).count() == getattr(seed_briefing, related).count() > 0
    assert not copy.quotations.exclude(paragraph__briefing=copy).exists()
    assert not copy.quotations.filter(speaker__isnull=False).exclude(speaker__briefing=copy)
    copied = copy.questions.get(key=edited.key)
    assert (copied.status, copied.stem, copied.edited) == ("approved", "Edited?", True)
    assert copied.paragraph.briefing == copy
    assert copied.paragraph.number == edited.paragraph.number
    assert list(copy.questions.values_list("status", flat=True).order_by("key")) == list(
        Question.objects.filter(briefing=seed_briefing)
        .values_list("status", flat=True)
        .order_by("key")
    )
    assert copy.glossary_terms.get(term="NATO").expansion == "North Atlantic Treaty Organization"
    copied_quiz = copy.quizzes.get(is_default=True)
    assert (copied_quiz.pass_mark, copied_quiz.question_count) == (55, 7)
    assert "North Atlantic Treaty Organization" in copy.appendix_html  # rendered
    seed_briefing.refresh_from_db()
    assert seed_briefing.organisation is None
    assert seed_briefing.questions.count() == copy.questions.count()
    drawn_by = ("citations", "facts", "key_forms", "importance")
    originals = {q.key: q for q in seed_briefing.questions.all()}
    for question in copy.questions.all():
        original = originals[question.key]
        assert question.citations, "a copied question cites its sentences"
        for field in drawn_by:
            assert getattr(question, field) == getattr(original, field), field


def test_an_instructor_cannot_copy_into_another_organisation(seed_briefing):
    from briefings.services import copy_briefing
    from organisations.models import Membership
    from tests.factories import OrganisationFactory, UserFactory

    own, other = OrganisationFactory(), OrganisationFactory()
    instructor = UserFactory()
    Membership.objects.create(organisation=own, user=instructor, role=Membership.Role.INSTRUCTOR)
    with pytest.raises(ValidationError):
        copy_briefing(briefing=seed_briefing, organisation=other, by=instructor)
    assert not Briefing.objects.filter(organisation=other).exists()


def test_the_same_article_imported_by_two_organisations_gives_each_its_own_briefing(db):
    from briefings.services import import_article
    from tests.conftest import SEED
    from tests.factories import OrganisationFactory

    first, second = OrganisationFactory(), OrganisationFactory()
    data = SEED.read_bytes()
    a = import_article(data=data, source_name=SEED.name, organisation=first)
    b = import_article(data=data, source_name=SEED.name, organisation=second)
    assert (a.action, b.action) == ("created", "created")
    assert a.briefing.pk != b.briefing.pk
    assert b.briefing.organisation == second and a.briefing.organisation == first
    again = import_article(data=data, source_name=SEED.name, organisation=second)
    assert again.action == "unchanged" and again.briefing.pk == b.briefing.pk
