"""Page parts rendered once per set of values (config/memo.py), as readers see them."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Engine, TemplateSyntaxError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from config import memo
from tests.factories import StaffFactory, UserFactory

ENGINE = Engine(libraries={"memo": "config.memo", "i18n": "django.templatetags.i18n"})


@pytest.fixture(autouse=True)
def _forget_memos():
    memo.clear()
    yield
    memo.clear()


def render(source: str, **values) -> str:
    return ENGINE.from_string("{% load memo %}" + source).render(Context(values))


def test_a_memo_renders_what_the_same_markup_renders_without_it():
    markup = "<p>{{ name }} · {{ when|date:'j M Y' }} · {% if count > 1 %}many{% endif %}</p>"
    values = {"name": "Ana <Ruiz>", "when": datetime.date(2026, 3, 4), "count": 2}
    wrapped = "{% memo name=name when=when count=count %}" + markup + "{% endmemo %}"
    assert render(wrapped, **values) == render(markup, **values)
    # Again, from what was kept.
    assert render(wrapped, **values) == render(markup, **values)


def test_a_memo_sees_only_the_values_it_names():
    html = render("{% memo a=a %}[{{ a }}|{{ b }}]{% endmemo %}", a="one", b="two")
    assert html == "[one|]"


def test_a_changed_value_is_shown_not_the_one_rendered_before():
    source = "{% memo name=name %}Hello {{ name }}{% endmemo %}"
    assert render(source, name="Ana") == "Hello Ana"
    assert render(source, name="Ben") == "Hello Ben"
    assert render(source, name="Ana") == "Hello Ana"


def test_values_that_print_differently_are_kept_apart():
    source = "{% memo v=v %}{{ v }}{% endmemo %}"
    assert render(source, v=1) == "1"
    assert render(source, v=True) == "True"
    assert render(source, v="<b>") == "&lt;b&gt;"
    from django.utils.safestring import mark_safe

    assert render(source, v=mark_safe("<b>")) == "<b>"
    assert render(source, v=[1]) == "[1]"
    assert render(source, v=(1,)) == "(1,)"


def test_a_model_instance_is_refused_because_its_other_fields_could_change_unseen(db):
    user = UserFactory()
    with pytest.raises(TypeError, match="'person' is a User"):
        render("{% memo person=person %}{{ person.email }}{% endmemo %}", person=user)


def test_tuples_of_plain_values_are_accepted_and_looped_over():
    source = (
        "{% memo rows=rows %}{% for n, word in rows %}{{ n }}={{ word }};{% endfor %}{% endmemo %}"
    )
    assert render(source, rows=((1, "one"), (2, "two"))) == "1=one;2=two;"
    assert render(source, rows=((1, "uno"),)) == "1=uno;"


def test_lists_dictionaries_and_dataclasses_are_keyed_by_what_they_hold_now():
    @dataclasses.dataclass
    class Option:
        text: str
        chosen: bool

    source = (
        "{% memo data=data %}{% for o in data.options %}{{ o.text }}"
        "{% if o.chosen %}*{% endif %} {% endfor %}{% endmemo %}"
    )
    options = [Option("Kabul", False), Option("Kunduz", True)]
    assert render(source, data={"options": options}) == "Kabul Kunduz* "
    options[0].chosen, options[1].chosen = True, False
    assert render(source, data={"options": options}) == "Kabul* Kunduz "
    options.append(Option("Dushanbe", False))
    assert render(source, data={"options": options}) == "Kabul* Kunduz Dushanbe "


def test_a_hole_is_filled_on_every_render_and_escaped():
    source = '{% memo holes next=next %}<input value="{{ next }}">{% endmemo %}'
    assert render(source, next="/a/") == '<input value="/a/">'
    assert render(source, next='/b/?q="><script>') == (
        '<input value="/b/?q=&quot;&gt;&lt;script&gt;">'
    )


def test_each_hole_gets_its_own_value():
    source = "{% memo holes a=a b=b %}{{ b }}/{{ a }}{% endmemo %}"
    assert render(source, a="one", b="two") == "two/one"
    assert render(source, a="uno", b="dos") == "dos/uno"


def test_the_language_in_use_is_part_of_what_a_memo_depends_on():
    source = "{% load i18n %}{% memo %}{% get_current_language as code %}{{ code }}{% endmemo %}"
    with translation.override("en-us"):
        assert render(source) == "en-us"
    with translation.override("en-gb"):
        assert render(source) == "en-gb"


def test_the_store_stays_bounded_however_many_values_come(monkeypatch):
    monkeypatch.setattr(memo, "MAX_ENTRIES", 5)
    source = "{% memo n=n %}{{ n }}{% endmemo %}"
    for n in range(50):
        assert render(source, n=n) == str(n)
        assert len(memo._rendered) <= 5


@pytest.mark.parametrize(
    "tag",
    [
        "{% memo holes %}",
        "{% memo name %}",
        "{% memo csrf_token=x %}",
        "{% memo a=x holes a=y %}",
        "{% memo %}{% block title %}{% endblock %}",
    ],
)
def test_a_malformed_memo_tag_is_a_template_syntax_error(tag):
    with pytest.raises(TemplateSyntaxError):
        render(tag + "{% endmemo %}", x=1, y=2)


# The site's own pages: base.html renders its head, header and footer as memos.


def csrf_inputs(html: str) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)


@pytest.mark.django_db
def test_each_page_carries_a_csrf_token_the_site_accepts_and_its_own_nonce():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    seen_nonces = set()
    for _ in range(2):
        response = client.get(reverse("quizzes:learning"))
        html = response.content.decode()
        nonces = set(re.findall(r'nonce="([^"]+)"', html))
        assert len(nonces) == 1
        (nonce,) = nonces
        assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
        seen_nonces.add(nonce)
        header_token = re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)
        assert "memohole" not in html
        # The sign-out and language forms, and htmx's header, carry this page's token.
        assert csrf_inputs(html) == [header_token, header_token]
    assert len(seen_nonces) == 2
    signed_out = client.post(reverse("logout"), {"csrfmiddlewaretoken": header_token})
    assert signed_out.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_header_names_whoever_is_signed_in_not_whoever_came_before():
    trainee, instructor = UserFactory(username="ana.trainee"), StaffFactory(username="ben.teacher")
    client = Client()
    client.force_login(instructor)
    staff_page = client.get(reverse("quizzes:learning")).content.decode()
    assert "ben.teacher" in staff_page and reverse("admin:index") in staff_page
    client.force_login(trainee)
    page = client.get(reverse("quizzes:learning")).content.decode()
    assert '<span class="visually-hidden">ana.trainee</span>' in page
    assert "ben.teacher" not in page
    assert reverse("admin:index") not in page
    client.logout()
    anonymous = client.get(reverse("login")).content.decode()
    assert "ana.trainee" not in anonymous and reverse("logout") not in anonymous


@pytest.mark.django_db
def test_the_language_chooser_returns_to_the_page_it_is_on(client):
    for query in ("?next=1", "?page=2&amp=3", ""):
        html = client.get(reverse("login") + query).content.decode()
        expected = (reverse("login") + query).replace("&", "&amp;")
        assert f'<input type="hidden" name="next" value="{expected}">' in html


@pytest.mark.django_db
def test_the_current_page_is_marked_in_the_navigation_on_each_page():
    client = Client()
    client.force_login(UserFactory())
    learning = client.get(reverse("quizzes:learning")).content.decode()
    briefings = client.get(reverse("briefings:list")).content.decode()
    current = r'<a href="([^"]+)" aria-current="page">'
    assert re.findall(current, learning) == [reverse("quizzes:learning")]
    assert re.findall(current, briefings) == [reverse("briefings:list")]


@pytest.mark.django_db
def test_a_changed_setting_is_seen_by_pages_rendered_after_it(client):
    assert "/static/css/site.css" in client.get(reverse("login")).content.decode()
    with override_settings(STATIC_URL="/assets/"):
        assert "/assets/css/site.css" in client.get(reverse("login")).content.decode()


def test_a_page_rendered_without_a_request_has_no_token_markers():
    from django.template.loader import render_to_string

    html = render_to_string("base.html", {"user": AnonymousUser()})
    assert "memohole" not in html
    assert "csrfmiddlewaretoken" not in html
