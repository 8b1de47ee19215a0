"""Parts of a page rendered once per process for each set of values they show.

Most of a page's markup is the same from one request to the next: the site's
header for a given trainee, the footer for a given language, the question map
for a given set of answers. Rendering it through the template engine costs
more than the queries behind it, so such a part is wrapped in::

    {% load memo %}
    {% memo username=user.get_username staff=user.is_staff %}
      … {{ username }} … {% if staff %}…{% endif %} … {% csrf_token %}
    {% endmemo %}

and rendered once for each distinct set of values, language, time zone and
script prefix; later requests reuse the HTML.

The nodes inside see only the values named in the tag, so what a memo shows
cannot depend on anything its key leaves out: a value the memo does not name
renders empty, as in any template, and a test sees it. Values are text,
numbers, booleans, dates, ``None``, and tuples, lists, dictionaries and
dataclasses of these (keyed by all they hold); anything else (a model
instance, whose other fields could change under the same key) is refused with
``TypeError``. A ``{% block %}`` inside a memo is refused too: a child
template could never fill it.

Some values differ on every request and would make every render a new one: the
CSRF token and the CSP nonce always, and any value named after ``holes``::

    {% memo holes next=request.get_full_path %}
      <input type="hidden" name="next" value="{{ next }}">
    {% endmemo %}

Inside the memo these render as markers, and each request's own values,
escaped as the template would escape them, replace the markers on the way out.
A hole is for printing as it is (``{{ next }}``), not for filters or tests.

The rendered parts live in a bounded dictionary per process (emptied when it
fills, and when a setting changes); a second server renders its own, so
nothing needs sharing between servers.
"""

from __future__ import annotations

import dataclasses
import datetime
import secrets
import threading
from decimal import Decimal
from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import FilterExpression, NodeList, Parser, Token, token_kwargs
from django.template.context import Context
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

register = template.Library()

# Enough for every page shape of a few thousand trainees; each entry is a few KB.
MAX_ENTRIES = 4096

# The values every request brings, put into memos as holes.
REQUEST_HOLES = ("csrf_token", "csp_nonce")

_rendered: dict[tuple[Any, ...], str] = {}
_lock = threading.Lock()
# Letters and digits only, so that escaping, JSON and attribute quoting leave it whole.
_MARKER_PREFIX = "memohole" + secrets.token_hex(8)

_PLAIN = (str, int, float, Decimal, datetime.date, datetime.time, datetime.timedelta)


def _keyed(name: str, value: Any) -> Any:
    """The part of the cache key that stands for one value; refuses values it cannot trust.

    A container's key is made of what it holds at this render, so a list or a
    dictionary filled for the page is as good as a tuple. A dataclass is keyed
    by its fields, so its properties must be worked out from them alone (not
    from the clock, say).
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, _PLAIN):
        # The type is part of the key: 1 and True, "<b>" and a safe "<b>" render apart.
        return (type(value), value, isinstance(value, SafeData))
    if isinstance(value, tuple | list):
        return (type(value), *(_keyed(name, item) for item in value))
    if isinstance(value, dict):
        return (type(value), *((_keyed(name, k), _keyed(name, v)) for k, v in value.items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value),
            *(_keyed(name, getattr(value, f.name)) for f in dataclasses.fields(value)),
        )
    raise TypeError(
        f"memo value {name!r} is a {type(value).__name__}: pass text, numbers, dates, "
        "booleans, None, or tuples, lists, dictionaries and dataclasses of these, so that "
        "the memo's key holds all it shows"
    )


def _marker(kind: str, number: int) -> str:
    # The closing "x" keeps marker 1 from being the start of marker 10.
    return f"{_MARKER_PREFIX}{kind}{number}x"


class MemoNode(template.Node):
    # Not searched by {% extends %} for blocks on every render (a memo holds none).
    child_nodelists = ()

    def __init__(
        self,
        nodelist: NodeList,
        values: dict[str, FilterExpression],
        holes: dict[str, FilterExpression],
    ) -> None:
        self.nodelist = nodelist
        self.values = values
        self.holes = holes

    def render(self, context: Context) -> str:
        values = {name: value.resolve(context) for name, value in self.values.items()}
        present = tuple(name for name in REQUEST_HOLES if name in context)
        key = (
            self,
            get_language(),
            get_current_timezone_name(),
            get_script_prefix(),
            context.autoescape,
            context.use_l10n,
            context.use_tz,
            present,
            *((name, _keyed(name, value)) for name, value in values.items()),
        )
        html = _rendered.get(key)
        if html is None:
            html = self._render_once(context, values, present)
            with _lock:
                if len(_rendered) >= MAX_ENTRIES:
                    _rendered.clear()
                _rendered[key] = html
        escape = conditional_escape if context.autoescape else str
        for number, name in enumerate(REQUEST_HOLES):
            marker = _marker("r", number)
            # Read only when printed: reading the CSRF token renews its cookie.
            if marker in html:
                html = html.replace(marker, escape(context[name]))
        for number, hole in enumerate(self.holes.values()):
            html = html.replace(_marker("h", number), escape(hole.resolve(context)))
        return mark_safe(html)

    def _render_once(
        self, context: Context, values: dict[str, Any], present: tuple[str, ...]
    ) -> str:
        inner = Context(
            values,
            autoescape=context.autoescape,
            use_l10n=context.use_l10n,
            use_tz=context.use_tz,
        )
        inner.template = context.template
        # Safe, so that a marker is printed as it is; each value is escaped later.
        for number, name in enumerate(REQUEST_HOLES):
            if name in present:
                inner[name] = SafeString(_marker("r", number))
        for number, name in enumerate(self.holes):
            inner[name] = SafeString(_marker("h", number))
        return str(self.nodelist.render(inner))


@register.tag("memo")
def do_memo(parser: Parser, token: Token) -> MemoNode:
    """``{% memo name=value … [holes name=value …] %} … {% endmemo %}``"""
    bits = token.split_contents()[1:]
    values = token_kwargs(bits, parser, support_legacy=False)
    holes: dict[str, FilterExpression] = {}
    if bits and bits[0] == "holes":
        del bits[0]
        holes = token_kwargs(bits, parser, support_legacy=False)
        if not holes:
            raise template.TemplateSyntaxError("'memo' needs name=value pairs after 'holes'")
    if bits:
        raise template.TemplateSyntaxError(
            f"'memo' takes name=value pairs, then optionally 'holes' and more; got {bits[0]!r}"
        )
    clash = (set(values) & set(holes)) | ((set(values) | set(holes)) & set(REQUEST_HOLES))
    if clash:
        raise template.TemplateSyntaxError(
            f"'memo' names a value twice or one it fills itself: {sorted(clash)}"
        )
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        # A child template's block would not reach a memo rendered on its own.
        raise template.TemplateSyntaxError("'memo' cannot hold a {% block %}")
    return MemoNode(nodelist, values, holes)


def clear() -> None:
    """Forget every rendered memo (their templates, settings or translations changed)."""
    with _lock:
        _rendered.clear()


@receiver(setting_changed, dispatch_uid="config.memo.clear")
def _clear_on_setting_changed(**kwargs: Any) -> None:
    clear()
