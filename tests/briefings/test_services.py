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
