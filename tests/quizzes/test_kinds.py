"""The registry of question types: complete, in step with the model and the contract."""

from html.parser import HTMLParser

import pytest
from django.http import QueryDict
from django.template.loader import get_template, render_to_string

from quizzes.forms import has_answer_fields
from quizzes.kinds import TYPES, type_of
from quizzes.models import Question, Response
from quizzes.text.gift import to_gift
from quizzes.text.question import QUESTION_KINDS, GeneratedQuestion

OPTIONS = ["Dushanbe", "Kabul", "Moscow", "Tashkent"]
PROMPTS = ["Tajikistan", "Afghanistan"]
CORRECT = ["Dushanbe", "Kabul"]


class Controls(HTMLParser):
    """The form controls on a page and the ids its labels point at."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str | None] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("input", "select", "textarea"):
            self.controls.append(attributes)
        if tag == "label":
            self.labelled.add(attributes.get("for"))


def shown(kind: str) -> Response:
    question = Question(
        kind=kind, stem="Which capital?", options=OPTIONS, prompts=PROMPTS, correct=CORRECT
    )
    question_type = type_of(kind)
    return Response(
        question=question,
        position=1,
        option_order=OPTIONS,
        prompt_order=PROMPTS,
        answer_key=question_type.answer_key(CORRECT, prompts=PROMPTS, shown_prompts=PROMPTS),
    )


def test_the_registry_the_contract_and_the_model_list_the_same_kinds_in_one_order():
    assert list(TYPES) == list(QUESTION_KINDS) == list(Question.Kind.values)


def test_each_kind_is_registered_under_its_own_name_with_the_models_label():
    for kind, question_type in TYPES.items():
        assert question_type.kind == kind
        assert Question.Kind(kind).label == question_type.label


def test_an_unregistered_kind_is_refused_by_name():
    with pytest.raises(ValueError, match="essay"):
        type_of("essay")


@pytest.mark.parametrize("kind", QUESTION_KINDS)
def test_each_kind_has_its_own_template_with_a_preview_and_an_answer_key(kind):
    template = TYPES[kind].template
    assert template == f"quizzes/kinds/{kind}.html"
    get_template(template)
    get_template(f"{template}#preview")
    get_template(f"{template}#key")


@pytest.mark.parametrize("kind", QUESTION_KINDS)
def test_each_kinds_inputs_are_labelled_and_post_the_fields_it_reads(kind):
    response = shown(kind)
    question_type = type_of(kind)
    page = render_to_string(
        question_type.template,
        {"question": response.question, "choices": question_type.choices(response, [])},
    )
    parser = Controls()
    parser.feed(page)
    visible = [c for c in parser.controls if c.get("type") != "hidden"]
    assert visible, "the type shows no input"
    assert all(control.get("id") in parser.labelled for control in visible)
    posted = QueryDict(mutable=True)
    for control in parser.controls:
        posted.appendlist(str(control["name"]), "")
    assert question_type.posts_answer(posted)
    assert has_answer_fields(posted)


@pytest.mark.parametrize("kind", QUESTION_KINDS)
def test_each_kinds_admin_preview_shows_the_correct_answer(kind):
    question = shown(kind).question
    key = render_to_string(
        f"{TYPES[kind].template}#key",
        {"question": question, "pairs": list(zip(question.prompts, question.correct, strict=True))},
    )
    assert all(answer in key for answer in CORRECT)


@pytest.mark.parametrize("kind", QUESTION_KINDS)
def test_each_kind_can_be_exported_for_moodle(kind):
    question = GeneratedQuestion(
        kind=kind,
        stem="Which capital?",
        options=tuple(OPTIONS),
        correct=tuple(CORRECT),
        prompts=tuple(PROMPTS),
        explanation="Dushanbe is the capital of Tajikistan.",
        paragraph=1,
        start=0,
        end=10,
        difficulty=0.5,
        key=f"{kind}:capital",
    )
    exported = to_gift([question], category="Capitals")
    assert f"::{kind} p1 {kind}\\:capital::Which capital?" in exported
