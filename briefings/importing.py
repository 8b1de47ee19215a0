"""Importing an article in the admin: upload or paste, preview the parse, confirm.

The uploaded bytes stay on the server between the steps, in the session under
a random token (so two tabs importing at once do not clash), and nothing is
written to the database until the import is confirmed. Every step re-reads
the stored bytes through ``services.preview_article``; confirming goes through
``services.import_article``, so the admin and the command agree on every rule.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.cache import never_cache

from briefings import services
from briefings.models import Briefing
from briefings.text.readers import Reading
from briefings.text.readers.report import FORMAT_NAMES
from organisations.models import Organisation
from organisations.selectors import is_platform_superuser, taught_organisations

if TYPE_CHECKING:
    from django.contrib.admin import ModelAdmin

SESSION_KEY = "briefing_imports"
#: Pending imports kept per session; the oldest is dropped past this.
MAX_PENDING = 3
#: The start of a pasted article's stored source name, the same in every language:
#: the source name is what tells a re-import of an article from a new one.
PASTED_NAME = "pasted text"
#: Shown in the preview, never stored, while the text still needs its title.
UNTITLED = gettext_lazy("Untitled article")
ACCEPTED_FILES = ".txt,.md,.markdown,.html,.htm,.docx"
SHARED_LABEL = gettext_lazy("Platform-shared (every organisation)")


# ---------------------------------------------------------------------------
# Forms


class ImportForm(forms.Form):
    """Step one: the article (a file or pasted text), its owner and its status."""

    source_file = forms.FileField(
        label=gettext_lazy("Article file"),
        required=False,
        # The reader says "<file>: The article is empty.", as the command does.
        allow_empty_file=True,
        help_text=gettext_lazy(
            "Plain text (.txt), Markdown (.md), an HTML page (.html) or Word (.docx); at most 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_FILES}),
    )
    source_text = forms.CharField(
        label=gettext_lazy("Or paste the article"),
        required=False,
        strip=False,
        help_text=gettext_lazy(
            "Title on the first line, then the paragraphs separated by blank lines. "
            "Markdown and HTML are recognised."
        ),
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        help_text=gettext_lazy("The organisation that owns and edits the briefing."),
    )
    status = forms.ChoiceField(
        choices=Briefing.Status.choices,
        initial=Briefing.Status.DRAFT,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("A draft stays hidden from trainees until you publish it."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = taught_organisations(user).order_by("name")
        if is_platform_superuser(user):
            field.required = False
            field.empty_label = SHARED_LABEL
        else:
            # An empty organisation would mean platform-shared: platform admins only.
            field.empty_label = None
            mine = list(field.queryset[:2])
            if len(mine) == 1:
                field.initial = mine[0].pk

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("source_file")
        text = data.get("source_text") or ""
        if upload and text.strip():
            raise ValidationError(gettext("Upload a file or paste the text, not both."))
        if not upload and not text.strip():
            raise ValidationError(gettext("Upload an article file or paste its text."))
        if upload and upload.size is not None and upload.size > services.MAX_ARTICLE_BYTES:
            self.add_error("source_file", services.too_large(upload_name(upload.name), upload.size))
        elif text and len(text.encode()) > services.MAX_ARTICLE_BYTES:
            self.add_error(
                "source_text",
                gettext("%(name)s: the text is over 5 MB.") % {"name": gettext("pasted text")},
            )
        return data


class PreviewForm(forms.Form):
    """Step two: correct what the reader took for the header before importing."""

    title = forms.CharField(max_length=300, widget=forms.TextInput(attrs={"size": 70}))
    standfirst = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 70})
    )
    byline = forms.CharField(
        required=False, max_length=255, widget=forms.TextInput(attrs={"size": 70})
    )
    title_line = forms.TypedChoiceField(
        label=gettext_lazy("Where the article starts"),
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Choose the title line (or, for a text with no title, its first "
            "paragraph): the lines above it are page chrome (site name, navigation, "
            "publisher) and are left out."
        ),
    )

    def __init__(
        self, *args: Any, leading_lines: tuple[str, ...], choose_line: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["title_line"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [
            (index, f"Line {index + 1}: {_shorten(line)}")
            for index, line in enumerate(leading_lines)
        ]
        if not leading_lines or not choose_line:
            del self.fields["title_line"]


def _shorten(line: str, limit: int = 110) -> str:
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def upload_name(name: str | None) -> str:
    return PurePath(name or "article").name[:200] or "article"


# ---------------------------------------------------------------------------
# The pending import, kept in the session between the steps


@dataclass
class Pending:
    token: str
    name: str
    data: bytes
    organisation_id: int | None
    draft: bool
    pasted: bool
    #: Whether the title is one of the text's leading lines, so that choosing
    #: another line makes sense (not Markdown front matter or an HTML heading).
    line_choice: bool = True
    #: Overrides chosen in the preview; None keeps what the reader found.
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    chrome_lines: int | None = None

    def to_session(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "data": base64.b64encode(self.data).decode("ascii"),
            "organisation": self.organisation_id,
            "draft": self.draft,
            "pasted": self.pasted,
            "line_choice": self.line_choice,
            "title": self.title,
            "standfirst": self.standfirst,
            "byline": self.byline,
            "chrome_lines": self.chrome_lines,
        }

    @classmethod
    def from_session(cls, token: str, stored: dict[str, Any]) -> Pending:
        return cls(
            token=token,
            name=stored["name"],
            data=base64.b64decode(stored["data"]),
            organisation_id=stored["organisation"],
            draft=stored["draft"],
            pasted=stored["pasted"],
            line_choice=stored["line_choice"],
            title=stored["title"],
            standfirst=stored["standfirst"],
            byline=stored["byline"],
            chrome_lines=stored["chrome_lines"],
        )


def _pending_imports(request: HttpRequest) -> dict[str, Any]:
    stored = request.session.get(SESSION_KEY)
    return stored if isinstance(stored, dict) else {}


def keep_pending(request: HttpRequest, pending: Pending) -> None:
    imports = _pending_imports(request)
    imports.pop(pending.token, None)
    while len(imports) >= MAX_PENDING:
        imports.pop(next(iter(imports)))
    imports[pending.token] = pending.to_session()
    request.session[SESSION_KEY] = imports


def load_pending(request: HttpRequest, token: str) -> Pending | None:
    stored = _pending_imports(request).get(token)
    return Pending.from_session(token, stored) if isinstance(stored, dict) else None


def drop_pending(request: HttpRequest, token: str) -> None:
    imports = _pending_imports(request)
    if imports.pop(token, None) is not None:
        request.session[SESSION_KEY] = imports


# ---------------------------------------------------------------------------
# Reading the stored bytes


@dataclass(frozen=True)
class Parse:
    reading: Reading | None
    error: str = ""
    title_needed: bool = False


def _read(pending: Pending) -> Parse:
    """The parse with the preview's overrides; a text with no title is read
    under a stand-in title so its paragraphs can be shown while asking for one."""
    try:
        reading = services.preview_article(
            data=pending.data,
            source_name=pending.name,
            title=pending.title,
            chrome_lines=pending.chrome_lines,
        )
        return Parse(reading)
    except ValidationError as error:
        if not _needs_title(error):
            return Parse(None, one_line(error))
        message = one_line(error)
    reading = services.preview_article(
        data=pending.data,
        source_name=pending.name,
        title=str(UNTITLED),
        chrome_lines=pending.chrome_lines,
    )
    return Parse(reading, message, title_needed=True)


def _needs_title(error: ValidationError) -> bool:
    return any(
        getattr(item, "code", None) == "title_needed"
        for item in getattr(error, "error_dict", {}).get("source", [])
    )


def one_line(error: ValidationError) -> str:
    return " ".join(error.messages)


# ---------------------------------------------------------------------------
# Views


def admin_urls(model_admin: ModelAdmin[Briefing]) -> list[URLPattern]:
    site = model_admin.admin_site

    def start(request: HttpRequest) -> HttpResponse:
        return import_view(request, model_admin)

    def preview(request: HttpRequest, token: str) -> HttpResponse:
        return preview_view(request, model_admin, token)

    return [
        path("import/", site.admin_view(start), name="briefings_briefing_import"),
        path(
            "import/<str:token>/",
            site.admin_view(preview),
            name="briefings_briefing_import_preview",
        ),
    ]


def _check_access(request: HttpRequest, model_admin: ModelAdmin[Briefing]) -> None:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied


def _context(
    request: HttpRequest, model_admin: ModelAdmin[Briefing], title: str, **extra: Any
) -> dict[str, Any]:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        **extra,
    }


@never_cache
def import_view(request: HttpRequest, model_admin: ModelAdmin[Briefing]) -> HttpResponse:
    """GET the import form; POST keeps the article for the preview, or says why not."""
    _check_access(request, model_admin)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            pending = _pending_from(form)
            parse = _read(pending)
            if parse.reading is None:
                # A bad file: one line saying why, and nothing kept or written.
                field = "source_text" if pending.pasted else "source_file"
                form.add_error(field, parse.error)
            else:
                pending.line_choice = _title_is_a_line(parse)
                keep_pending(request, pending)
                return HttpResponseRedirect(
                    reverse("admin:briefings_briefing_import_preview", args=[pending.token])
                )
    else:
        form = ImportForm(user=request.user)
    context = _context(request, model_admin, gettext("Import an article"), form=form)
    return render(request, "admin/briefings/import.html", context)


def _pending_from(form: ImportForm) -> Pending:
    upload = form.cleaned_data.get("source_file")
    organisation = form.cleaned_data.get("organisation")
    common = {
        "token": secrets.token_urlsafe(16),
        "organisation_id": organisation.pk if organisation is not None else None,
        "draft": form.cleaned_data["status"] == Briefing.Status.DRAFT,
    }
    if upload:
        return Pending(name=upload_name(upload.name), data=upload.read(), pasted=False, **common)
    text: str = form.cleaned_data["source_text"]
    return Pending(name=gettext("pasted text"), data=text.encode(), pasted=True, **common)


@never_cache
def preview_view(
    request: HttpRequest, model_admin: ModelAdmin[Briefing], token: str
) -> HttpResponse:
    """Show what the reader understood; POST updates the preview, imports or cancels."""
    _check_access(request, model_admin)
    pending = load_pending(request, token)
    if pending is None:
        messages.warning(
            request, gettext("That import is no longer pending (imported, cancelled or expired).")
        )
        return HttpResponseRedirect(reverse("admin:briefings_briefing_import"))
    organisation = _owner(request, pending)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action == "cancel":
        drop_pending(request, token)
        messages.info(
            request,
            gettext("Import of %(name)s cancelled: nothing was saved.") % {"name": pending.name},
        )
        return HttpResponseRedirect(reverse("admin:briefings_briefing_changelist"))

    parse = _read(pending)
    if parse.reading is None:  # cannot happen for bytes that read before; be safe
        drop_pending(request, token)
        messages.error(request, parse.error)
        return HttpResponseRedirect(reverse("admin:briefings_briefing_import"))
    shown = _shown(pending, parse)
    report = parse.reading.report
    lines: dict[str, Any] = {
        "leading_lines": report.leading_lines,
        "choose_line": pending.line_choice,
    }
    import_error = ""
    if action in ("preview", "import"):
        form = PreviewForm(request.POST, initial=shown, **lines)
        if form.is_valid():
            changed, reparsed = _apply_edits(pending, form, shown)
            if changed:
                keep_pending(request, pending)
            if action == "import" and not reparsed:
                outcome = _confirm(request, pending, organisation)
                if isinstance(outcome, Briefing):
                    drop_pending(request, token)
                    return HttpResponseRedirect(
                        reverse("admin:briefings_briefing_change", args=[outcome.pk])
                    )
                import_error = outcome
            else:
                if action == "import":
                    messages.info(
                        request,
                        gettext("The preview changed with your choices: check it, then import."),
                    )
                return HttpResponseRedirect(request.path)
    else:
        form = PreviewForm(initial=shown, **lines)
    context = _context(
        request,
        model_admin,
        gettext("Preview the import"),
        form=form,
        pending=pending,
        parse=parse,
        report=parse.reading.report,
        warnings=[services.translated(warning) for warning in parse.reading.report.warnings],
        article=parse.reading.article,
        format_name=gettext(FORMAT_NAMES[parse.reading.report.format]),
        organisation=organisation,
        shared_label=SHARED_LABEL,
        import_error=import_error,
        status_label=Briefing.Status.DRAFT.label
        if pending.draft
        else Briefing.Status.PUBLISHED.label,
    )
    return render(request, "admin/briefings/import_preview.html", context)


def _owner(request: HttpRequest, pending: Pending) -> Organisation | None:
    """The chosen organisation, checked again: rights may change between the steps."""
    if pending.organisation_id is None:
        if not is_platform_superuser(request.user):
            raise PermissionDenied(services.SHARED_IS_PLATFORM_ONLY)
        return None
    organisation = taught_organisations(request.user).filter(pk=pending.organisation_id).first()
    if organisation is None:
        raise PermissionDenied(gettext("Choose one of the organisations you teach."))
    return organisation


def _shown(pending: Pending, parse: Parse) -> dict[str, Any]:
    """What the preview form shows: the user's edits, else the parse."""
    assert parse.reading is not None
    report = parse.reading.report
    return {
        "title": "" if parse.title_needed else report.title,
        "standfirst": report.standfirst if pending.standfirst is None else pending.standfirst,
        "byline": report.byline if pending.byline is None else pending.byline,
        "title_line": report.chrome_count,
    }


def _title_is_a_line(parse: Parse) -> bool:
    """Whether the reader took the title from the text's leading lines (or
    found none there), rather than from Markdown front matter or an HTML heading."""
    assert parse.reading is not None
    report = parse.reading.report
    if parse.title_needed:
        return True
    lines = report.leading_lines
    return report.chrome_count < len(lines) and lines[report.chrome_count] == report.title


def _apply_edits(pending: Pending, form: PreviewForm, shown: dict[str, Any]) -> tuple[bool, bool]:
    """Store what the user changed from what was shown: (anything changed, the
    text must be read again because another title line was chosen)."""
    data = form.cleaned_data
    changed = False
    if data["title"] != shown["title"]:
        pending.title = data["title"]
        changed = True
    if data["standfirst"] != shown["standfirst"]:
        pending.standfirst = data["standfirst"]
        changed = True
    if data["byline"] != shown["byline"]:
        pending.byline = data["byline"]
        changed = True
    line = data.get("title_line")
    reparse = line is not None and line != shown["title_line"]
    if reparse:
        pending.chrome_lines = line
    return changed or reparse, reparse


def _confirm(
    request: HttpRequest, pending: Pending, organisation: Organisation | None
) -> Briefing | str:
    """Import the pending article; the briefing, or a one-line reason it was not."""
    try:
        title = (
            pending.title
            or services.preview_article(
                data=pending.data, source_name=pending.name, chrome_lines=pending.chrome_lines
            ).report.title
        )
        # Each pasted article gets its own source name: the name is what
        # tells a re-import of the same article from a different one.
        source_name = f"{PASTED_NAME}: {slugify(title)[:200]}" if pending.pasted else pending.name
        existing = _existing_briefing(source_name, title, organisation)
        if existing is not None:
            return _already_imported(request, existing)
        with transaction.atomic():
            outcome = services.import_article(
                data=pending.data,
                source_name=source_name,
                organisation=organisation,
                draft=pending.draft,
                title=pending.title,
                chrome_lines=pending.chrome_lines,
            )
            briefing = outcome.briefing
            if outcome.action != "created":
                return _already_imported(request, briefing)
            edited = False
            if pending.standfirst is not None and pending.standfirst != briefing.standfirst:
                briefing.standfirst = pending.standfirst
                edited = True
            if pending.byline is not None and pending.byline != briefing.byline:
                briefing.byline = pending.byline
                edited = True
            if edited:
                services.save_briefing(briefing=briefing, by=request.user)
    except ValidationError as error:
        return one_line(error)
    questions = outcome.report.questions or 0
    status = (
        gettext("a draft") if briefing.status == Briefing.Status.DRAFT else gettext("published")
    )
    message = ngettext(
        "Imported “%(title)s” (%(status)s) with %(count)d question to review: "
        "they stay drafts until you approve them.",
        "Imported “%(title)s” (%(status)s) with %(count)d questions to review: "
        "they stay drafts until you approve them.",
        questions,
    )
    messages.success(
        request, message % {"title": briefing.title, "status": status, "count": questions}
    )
    return briefing


def _existing_briefing(
    source_name: str, title: str, organisation: Organisation | None
) -> Briefing | None:
    """The organisation's own briefing of this article, else a platform-shared one.

    Checked first so that the web never offers an update. Another
    organisation's briefings are never looked at, so nothing about them shows.
    """
    own = services.existing_import(source_name=source_name, title=title, organisation=organisation)
    if own is not None or organisation is None:
        return own
    return services.existing_import(source_name=source_name, title=title, organisation=None)


def _already_imported(request: HttpRequest, briefing: Briefing) -> str:
    if is_platform_superuser(request.user) or briefing.organisation_id in set(
        taught_organisations(request.user).values_list("pk", flat=True)
    ):
        return f"This article is already imported as “{briefing.title}”; nothing was saved."
    if briefing.organisation_id is None:
        return (
            f"This article is already shared with every organisation as “{briefing.title}”; "
            "nothing was saved. Copy that briefing to your organisation to edit it."
        )
    # Another organisation's briefing: say nothing about it.
    return "This article is already on the platform; nothing was saved."
