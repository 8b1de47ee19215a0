"""Every word a user reads in a template is marked for translation.

The check reads each template with Django's own lexer, replaces what Django
fills in ({{ variables }}, {% translate %}, {% blocktranslate %}…) by a
placeholder, and parses what is left as HTML: any text, or user-visible
attribute value, that still holds a letter was written in English and would
stay English in every language.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template import Context, Engine
from django.template.base import Lexer, TokenType

from tests.conftest import REPO

TEMPLATES = REPO / "templates"

# What Django fills in: no letter, and a character HTML allows in a tag name
# (<h{{ level }}>).
PLACEHOLDER = "\u2400"

# Attributes a user reads or hears; the rest (class, id, href, name, hx-*…) are
# for the browser. `value` is read on buttons made of <input>.
VISIBLE_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "aria-placeholder"}
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}

# Elements whose text is not prose: scripts and styles are not shown, and <code>
# and <kbd> hold what is typed as it is, in every language.
UNREAD_ELEMENTS = {"script", "style", "code", "kbd"}

# Text that stays as it is in every language. The brand is a name; it is split
# in two around the "&" that screen readers hear as "and" (translated).
ALLOWED_TEXT = {"Briefing & Quiz", "Briefing", "Quiz", "UTC"}

# Filters whose string argument is shown to the user: {{ x|default:"None" }}
# must be {{ x|default:_("None") }}, and pluralize suffixes are English grammar.
SHOWN_FILTER_ARGUMENT = re.compile(
    r"\|(?:default|default_if_none|yesno|pluralize):\"[^\"]*[A-Za-z]"
)

TRANSLATE_TAGS = {"translate", "trans"}
BLOCK_TRANSLATE_TAGS = {"blocktranslate", "blocktrans"}
UNREAD_BLOCK_TAGS = {"comment": "endcomment", "verbatim": "endverbatim"}


def _tag_name(contents: str) -> str:
    return contents.split(None, 1)[0] if contents else ""


def fillable_source(source: str) -> tuple[str, list[str]]:
    """The template's own text, with each thing Django fills in as a placeholder.

    Also returns the variables whose filters show a literal English argument.
    """
    parts: list[str] = []
    shown_literals: list[str] = []
    closing: str | None = None
    for token in Lexer(source).tokenize():
        if closing is not None:
            if token.token_type == TokenType.BLOCK and _tag_name(token.contents) == closing:
                closing = None
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(token.contents)
        elif token.token_type == TokenType.VAR:
            if SHOWN_FILTER_ARGUMENT.search(token.contents):
                shown_literals.append(f"{{{{ {token.contents} }}}}")
            parts.append(PLACEHOLDER)
        elif token.token_type == TokenType.BLOCK:
            name = _tag_name(token.contents)
            if name in BLOCK_TRANSLATE_TAGS:
                closing = "end" + name
                parts.append(PLACEHOLDER)
            elif name in UNREAD_BLOCK_TAGS:
                closing = UNREAD_BLOCK_TAGS[name]
            elif name == "block" and token.contents.split()[-1].endswith("_class"):
                # {% block wrap_class %} wide{% endblock %} fills a class attribute.
                closing = "endblock"
            elif name in TRANSLATE_TAGS:
                parts.append(PLACEHOLDER)
            # Other tags ({% if %}, {% url %}…) add no words of their own.
    return "".join(parts), shown_literals


def _has_words(text: str) -> bool:
    text = " ".join(text.replace(PLACEHOLDER, " ").split())
    if not text or text in ALLOWED_TEXT:
        return False
    for allowed in ALLOWED_TEXT:
        text = text.replace(allowed, "")
    return any(character.isalpha() for character in text)


class _UnmarkedText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._unread_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNREAD_ELEMENTS:
            self._unread_depth += 1
        values = dict(attrs)
        for name, value in attrs:
            visible = name in VISIBLE_ATTRIBUTES or (
                name == "value" and tag == "input" and values.get("type") in BUTTON_INPUT_TYPES
            )
            if visible and value and _has_words(value):
                self.found.append(f'<{tag} {name}="{value}">')

    def handle_endtag(self, tag: str) -> None:
        if tag in UNREAD_ELEMENTS and self._unread_depth:
            self._unread_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._unread_depth and _has_words(data):
            self.found.append(" ".join(data.replace(PLACEHOLDER, "…").split()))


def unmarked_text(source: str, *, plain_text: bool = False) -> list[str]:
    """The words in a template's source that no translation tag covers."""
    text, found = fillable_source(source)
    if plain_text:
        # E-mails and subjects are text, not HTML: every line is read.
        return found + [line.strip() for line in text.splitlines() if _has_words(line)]
    parser = _UnmarkedText()
    parser.feed(text)
    parser.close()
    return found + parser.found


def project_templates() -> list[Path]:
    return sorted(path for path in TEMPLATES.rglob("*") if path.suffix in {".html", ".txt"})


@pytest.mark.parametrize(
    "path", project_templates(), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_every_word_in_the_template_is_marked_for_translation(path: Path) -> None:
    found = unmarked_text(path.read_text(), plain_text=path.suffix == ".txt")
    assert found == [], f"{path.relative_to(REPO)} shows words not marked for translation: {found}"


def _render(directory: Path, name: str, source: str) -> str:
    (directory / name).write_text(source)
    engine = Engine(dirs=[str(directory)], libraries={"i18n": "django.templatetags.i18n"})
    return engine.get_template(name).render(Context({"n": 3}))


def test_the_check_finds_an_unmarked_sentence_in_a_template_that_renders(tmp_path: Path) -> None:
    source = (
        '{% load i18n %}<h1>{% translate "Briefings" %}</h1>\n'
        "<p>{{ n }} quizzes on this briefing</p>"
    )
    assert "3 quizzes on this briefing" in _render(tmp_path, "page.html", source)
    assert unmarked_text(source) == ["… quizzes on this briefing"]


def test_the_check_passes_the_same_sentence_once_it_is_marked(tmp_path: Path) -> None:
    source = (
        "{% load i18n %}<p>{% blocktranslate count counter=n %}{{ counter }} quiz on this"
        " briefing{% plural %}{{ counter }} quizzes on this briefing{% endblocktranslate %}</p>"
    )
    assert "3 quizzes on this briefing" in _render(tmp_path, "page.html", source)
    assert unmarked_text(source) == []


def test_the_check_reads_attributes_a_user_hears_and_not_those_for_the_browser() -> None:
    source = (
        '<nav aria-label="Main" class="site-nav"><a href="/x" title="{{ t }}">{{ n }}</a>'
        '<input type="submit" value="Send"><input type="text" name="answer" value="yes">'
        '<img src="a.png" alt="A chart"></nav>'
    )
    assert unmarked_text(source) == [
        '<nav aria-label="Main">',
        '<input value="Send">',
        '<img alt="A chart">',
    ]


def test_the_check_skips_comments_code_and_the_brand_but_not_a_shown_default() -> None:
    source = (
        "{% comment %}Notes for editors{% endcomment %}{# a note #}<script>let a;</script>"
        "<p><code>manage.py import_article</code> · Briefing &amp; Quiz</p>"
        '<p>{{ card.best|default:"None yet" }}</p>'
    )
    assert unmarked_text(source) == ['{{ card.best|default:"None yet" }}']


def test_the_check_reads_every_line_of_a_plain_text_e_mail() -> None:
    source = "{% load i18n %}{% translate 'Hello' %},\n\nOpen this link:\n{{ url }}\n"
    assert unmarked_text(source, plain_text=True) == ["Open this link:"]
