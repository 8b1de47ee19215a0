"""A briefing's question bank in and out of the admin: GIFT, Moodle XML and Anki.

The briefing's page in the admin links to these views (see
``templates/admin/quizzes/briefing/change_form.html``). Downloads are open to
anyone who may see the briefing there, its own organisation's or a shared
one; importing needs the right to change it, so an instructor imports only
into their own organisation's briefings, and another organisation's
briefing answers the admin's not-found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache

from briefings.models import Briefing
from quizzes import bank_import
from quizzes.decks import briefing_deck
from quizzes.export import approved_bank_as_gift, approved_bank_as_moodle_xml
from quizzes.models import Question

if TYPE_CHECKING:
    from django.contrib.admin import ModelAdmin

ACCEPTED_FILES = ".gift,.txt,.xml"


class QuestionFileForm(forms.Form):
    question_file = forms.FileField(
        label=gettext_lazy("Question file"),
        allow_empty_file=True,
        help_text=gettext_lazy(
            "GIFT (.gift or .txt) or Moodle XML (.xml), at most 1 MB. Multiple choice, "
            "multiple response, true/false, short answer, numerical (exact), matching and "
            "ordering questions are read."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_FILES}),
    )
    approve = forms.BooleanField(
        label=gettext_lazy("Approve them at once"),
        required=False,
        help_text=gettext_lazy(
            "Otherwise they arrive as drafts for you to review in the question bank."
        ),
    )


def admin_urls(model_admin: ModelAdmin[Briefing]) -> list[URLPattern]:
    site = model_admin.admin_site

    def gift(request: HttpRequest, briefing_id: int) -> HttpResponse:
        return download_view(request, model_admin, briefing_id, "gift")

    def moodle_xml(request: HttpRequest, briefing_id: int) -> HttpResponse:
        return download_view(request, model_admin, briefing_id, "xml")

    def anki(request: HttpRequest, briefing_id: int) -> HttpResponse:
        return download_view(request, model_admin, briefing_id, "apkg")

    def import_questions(request: HttpRequest, briefing_id: int) -> HttpResponse:
        return import_view(request, model_admin, briefing_id)

    return [
        path("<int:briefing_id>/questions.gift", site.admin_view(gift), name="quizzes_gift"),
        path("<int:briefing_id>/questions.xml", site.admin_view(moodle_xml), name="quizzes_xml"),
        path("<int:briefing_id>/deck.apkg", site.admin_view(anki), name="quizzes_anki"),
        path(
            "<int:briefing_id>/import-questions/",
            site.admin_view(import_questions),
            name="quizzes_import_questions",
        ),
    ]


def _visible_briefing(
    request: HttpRequest, model_admin: ModelAdmin[Briefing], briefing_id: int
) -> Briefing:
    """The briefing if the user may see it in the admin; 404 for anyone else's."""
    briefing = get_object_or_404(model_admin.get_queryset(request), pk=briefing_id)
    if not model_admin.has_view_or_change_permission(request, briefing):
        raise PermissionDenied
    return briefing


def _attachment(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
def download_view(
    request: HttpRequest, model_admin: ModelAdmin[Briefing], briefing_id: int, kind: str
) -> HttpResponse:
    """The approved bank as GIFT or Moodle XML, or the glossary and facts as an Anki deck."""
    if request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET"})
    briefing = _visible_briefing(request, model_admin, briefing_id)
    if kind == "gift":
        return _attachment(
            approved_bank_as_gift(briefing),
            "text/plain; charset=utf-8",
            f"{briefing.slug}-questions.gift",
        )
    if kind == "xml":
        return _attachment(
            approved_bank_as_moodle_xml(briefing),
            "application/xml; charset=utf-8",
            f"{briefing.slug}-questions.xml",
        )
    deck = briefing_deck(briefing, base_url=request.build_absolute_uri("/"))
    # An .apkg is a zip archive; no media type of its own is registered.
    return _attachment(deck.data, "application/zip", f"{briefing.slug}.apkg")


def _context(
    request: HttpRequest, model_admin: ModelAdmin[Briefing], briefing: Briefing, **extra: Any
) -> dict[str, Any]:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import questions"),
        "briefing": briefing,
        **extra,
    }


@never_cache
def import_view(
    request: HttpRequest, model_admin: ModelAdmin[Briefing], briefing_id: int
) -> HttpResponse:
    """GET the upload form; POST imports the file's questions, or lists every bad line."""
    briefing = _visible_briefing(request, model_admin, briefing_id)
    if not model_admin.has_change_permission(request, briefing):
        raise PermissionDenied(_("Only those who may change this briefing import into its bank."))
    problems: list[str] = []
    if request.method == "POST":
        form = QuestionFileForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["question_file"]
            try:
                if upload.size is not None and upload.size > bank_import.MAX_FILE_BYTES:
                    raise ValidationError(
                        _("The file is over 1 MB (%(size)s bytes): nothing was imported.")
                        % {"size": f"{upload.size:,}"}
                    )
                outcome = bank_import.import_questions(
                    briefing=briefing,
                    data=upload.read(bank_import.MAX_FILE_BYTES + 1),
                    name=upload.name or "",
                    approve=form.cleaned_data["approve"],
                )
            except ValidationError as error:
                problems = list(error.messages)
            else:
                messages.success(request, _summary(outcome, approved=form.cleaned_data["approve"]))
                query = urlencode(
                    {
                        "briefing__id__exact": str(briefing.pk),
                        "origin__exact": Question.Origin.INSTRUCTOR,
                    }
                )
                return HttpResponseRedirect(
                    f"{reverse('admin:quizzes_question_changelist')}?{query}"
                )
    else:
        form = QuestionFileForm()
    context = _context(request, model_admin, briefing, form=form, problems=problems)
    return render(request, "admin/quizzes/briefing/import_questions.html", context)


def _summary(outcome: bank_import.ImportOutcome, *, approved: bool) -> str:
    values = {"count": outcome.created, "format": outcome.format_name}
    if approved:
        text = ngettext(
            "Imported %(count)d hand-written question from %(format)s (approved).",
            "Imported %(count)d hand-written questions from %(format)s (approved).",
            outcome.created,
        )
    else:
        text = ngettext(
            "Imported %(count)d hand-written question from %(format)s (drafts to review).",
            "Imported %(count)d hand-written questions from %(format)s (drafts to review).",
            outcome.created,
        )
    parts = [text % values]
    if outcome.skipped:
        parts.append(
            ngettext(
                "%(count)d already in the bank was left as it is.",
                "%(count)d already in the bank were left as they are.",
                outcome.skipped,
            )
            % {"count": outcome.skipped}
        )
    if outcome.unplaced:
        parts.append(
            ngettext(
                "%(count)d could not be found in the article and cites paragraph 1: "
                "set its paragraph.",
                "%(count)d could not be found in the article and cite paragraph 1: "
                "set their paragraph.",
                outcome.unplaced,
            )
            % {"count": outcome.unplaced}
        )
    return " ".join(parts)
