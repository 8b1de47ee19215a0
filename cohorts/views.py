"""Instructor pages under /teach/: cohorts, enrolment, assignments and reports.

Every object is looked up through the instructor's organisations, so another
organisation's cohort or assignment answers 404 exactly as a missing one.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from briefings.models import Briefing
from cohorts import analysis, charts, reports, routers, selectors, services
from cohorts.analysis import ItemStatistics
from cohorts.csv_enrolment import RowError
from cohorts.models import Assignment, Cohort, Enrolment, EnrolmentUpload, Invitation
from organisations.selectors import is_platform_superuser, teaches
from quizzes.models import Attempt, Question, Quiz

MAX_UPLOAD = 10 * 1024 * 1024
#: Rows of the progress matrix and of the roster on one page.
PAGE_SIZE = 50


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def instructor_required[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R]:
    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> R:
        if not teaches(request.user):
            raise Http404("This page is for instructors.")
        return view(request, *args, **kwargs)

    return wrapper


def _cohort(request: HttpRequest, cohort_id: int) -> Cohort:
    return get_object_or_404(selectors.taught_cohorts(request.user), pk=cohort_id)


def _site_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _page_number(request: HttpRequest) -> int:
    """The ``page`` asked for; anything that is not a positive number is page 1."""
    value = request.GET.get("page", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _status_context(cohort: Cohort, *, hide: int | None = None) -> dict[str, Any]:
    uploads = [u for u in selectors.enrolment_uploads(cohort) if u.pk != hide]
    return {
        "cohort": cohort,
        "uploads": uploads,
        "uploads_active": any(u.is_active for u in uploads),
    }


class EnrolByEmailForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)


class EnrolCsvForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("Columns: email, first name, last name. UTF-8. Up to 10 MB."),
    )


class AssignForm(forms.Form):
    quiz = forms.ModelChoiceField(queryset=Quiz.objects.none(), label=gettext_lazy("Briefing quiz"))
    opens_on = forms.DateField(
        label=gettext_lazy("Opens on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    due_on = forms.DateField(
        label=gettext_lazy("Due on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    due_days_after_enrolment = forms.IntegerField(
        label=gettext_lazy("…or due this many days after enrolment"), required=False, min_value=0
    )
    pass_mark = forms.IntegerField(
        label=gettext_lazy("Pass mark (%)"), required=False, min_value=0, max_value=100,
        help_text=gettext_lazy("Leave empty to use the quiz's own pass mark."),
    )  # fmt: skip

    def __init__(self, *args: Any, cohort: Cohort, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shared_or_own = Q(briefing__organisation__isnull=True) | Q(
            briefing__organisation=cohort.organisation
        )
        self.fields["quiz"].queryset = Quiz.objects.filter(  # type: ignore[attr-defined]
            shared_or_own, briefing__status="published"
        ).select_related("briefing")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("due_on") and data.get("due_days_after_enrolment") is not None:
            raise ValidationError(_("Give a due date or a number of days, not both."))
        return data


@instructor_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    cohorts = selectors.taught_cohorts(request.user).order_by("organisation__name", "name")
    return render(request, "cohorts/dashboard.html", {"cohorts": cohorts})


@instructor_required
@never_cache
@require_GET
def cohort_detail(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id)
    sort = request.GET.get("sort", "name")
    query = request.GET.get("q", "")[:200]
    with routers.reading_reports(request):
        matrix = reports.progress_matrix(
            cohort, sort=sort, query=query, page=_page_number(request), per_page=PAGE_SIZE
        )
    distributions = []
    for index, assignment in enumerate(matrix.assignments):
        bins = reports.score_bins(matrix, index)
        svg = charts.histogram_svg(
            title=_("Score distribution: %(title)s") % {"title": assignment.quiz.title},
            description=_("Number of trainees by best score, in bands of ten percent."),
            x_label=_("Score"),
            y_label=_("Trainees"),
            bins=bins,
            id_prefix=f"dist-{assignment.pk}",
        )
        distributions.append({"assignment": assignment, "bins": bins, "svg": svg})
    points = reports.completion_points(matrix)
    completion_svg = charts.line_chart_svg(
        title=_("Completion over time: %(cohort)s") % {"cohort": cohort.name},
        description=_("Share of assignments passed across the cohort, by day."),
        points=points,
        y_label=_("Passed (%)"),
        x_label=_("Date"),
        id_prefix=f"completion-{cohort.pk}",
    )
    context = {
        "cohort": cohort,
        "matrix": matrix,
        "sort": sort,
        "distributions": distributions,
        "completion_svg": completion_svg,
        "completion_points": points,
        "assign_form": AssignForm(cohort=cohort, initial={"opens_on": cohort.start_date}),
        "email_form": EnrolByEmailForm(),
        "csv_form": EnrolCsvForm(),
        **_status_context(cohort),
    }
    return render(request, "cohorts/cohort.html", context)


@instructor_required
@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id)
    email_form = EnrolByEmailForm(request.POST if "email" in request.POST else None)
    csv_form = EnrolCsvForm(
        request.POST if "upload" in request.POST else None,
        request.FILES if "upload" in request.POST else None,
    )
    errors: tuple[Any, ...] = ()
    inviter = request.user if isinstance(request.user, User) else None
    if request.method == "POST" and "email" in request.POST and email_form.is_valid():
        try:
            outcome = services.enrol_by_email(
                cohort=cohort,
                site_url=_site_url(request),
                invited_by=inviter,
                **email_form.cleaned_data,
            )
        except ValidationError as error:
            email_form.add_error("email", error.messages[0])
        else:
            messages.success(request, outcome.message())
            return redirect(reverse("cohorts:enrol", args=[cohort.pk]))
    failed: EnrolmentUpload | None = None
    if request.method == "POST" and "upload" in request.POST and csv_form.is_valid():
        file = csv_form.cleaned_data["file"]
        if file.size > MAX_UPLOAD:
            csv_form.add_error("file", _("The file is over 10 MB."))
        else:
            upload = services.start_enrolment_upload(
                cohort=cohort,
                data=file.read(),
                site_url=_site_url(request),
                filename=file.name or "",
                uploaded_by=inviter,
            )
            # A worker may already have finished it (and does at once in tests).
            upload.refresh_from_db()
            if upload.status == EnrolmentUpload.Status.FAILED:
                failed = upload
                errors = tuple(RowError(line, reason) for line, reason in upload.problems)
            else:
                url = reverse("cohorts:enrol", args=[cohort.pk])
                if upload.status == EnrolmentUpload.Status.DONE:
                    messages.success(request, services.upload_message(upload))
                    return redirect(url)
                messages.info(
                    request, _("The file is being enrolled; its progress is shown below.")
                )
                return redirect(f"{url}#enrolment-status")
    status = 400 if errors else 200
    query = request.GET.get("q", "")[:200]
    roster = Paginator(selectors.cohort_roster(cohort, query=query), PAGE_SIZE)
    context = {
        "email_form": email_form,
        "csv_form": csv_form,
        "row_errors": errors,
        "roster": roster.get_page(_page_number(request)),
        "query": query.strip(),
        "unsent": selectors.unsent_email_count(cohort),
        **_status_context(cohort, hide=failed.pk if failed else None),
    }
    return render(request, "cohorts/enrol.html", context, status=status)


@instructor_required
@never_cache
@require_GET
def enrol_status(request: HtmxHttpRequest, cohort_id: int) -> HttpResponse:
    """The cohort's enrolment files and their progress, polled by the pages that show it."""
    cohort = _cohort(request, cohort_id)
    if not request.htmx:
        return redirect(reverse("cohorts:enrol", args=[cohort.pk]) + "#enrolment-status")
    return render(request, "cohorts/_enrolment_status.html", _status_context(cohort))


@instructor_required
@require_POST
def resend_unsent(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Queue again every e-mail of the cohort that has not gone out."""
    cohort = _cohort(request, cohort_id)
    count = services.resend_unsent_emails(cohort=cohort, site_url=_site_url(request))
    if count:
        message = ngettext(
            "E-mails to %(count)d person queued again.",
            "E-mails to %(count)d people queued again.",
            count,
        )
        messages.success(request, message % {"count": count})
    else:
        messages.info(request, _("Every e-mail of this cohort has gone out."))
    return redirect(reverse("cohorts:enrol", args=[cohort.pk]))


class AddressForm(forms.Form):
    email = forms.EmailField(widget=forms.HiddenInput)


@instructor_required
@require_POST
def resend_invitation(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id)
    form = AddressForm(request.POST)
    if form.is_valid():
        email = form.cleaned_data["email"]
        sent = services.resend_invitation(cohort=cohort, email=email, site_url=_site_url(request))
        if sent:
            messages.success(
                request, _("Invitation e-mail sent again to %(email)s.") % {"email": email}
            )
        else:
            messages.error(
                request,
                _("%(email)s has no invitation waiting in %(cohort)s.")
                % {"email": email, "cohort": cohort.name},
            )
    return redirect(reverse("cohorts:enrol", args=[cohort.pk]))


@instructor_required
@never_cache
@require_http_methods(["GET", "POST"])
def remove(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """Unenrol a trainee or withdraw an invitation, after a confirmation page."""
    cohort = _cohort(request, cohort_id)
    form = AddressForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        raise Http404("No such person in this cohort.")
    email = form.cleaned_data["email"]
    entry = selectors.roster_entry(cohort, email)
    if entry is None:
        raise Http404("No such person in this cohort.")
    if request.method == "POST":
        services.remove_from_cohort(cohort=cohort, email=email)
        messages.success(
            request,
            _("%(name)s (%(email)s) is no longer in %(cohort)s.")
            % {"name": entry.name, "email": entry.email, "cohort": cohort.name},
        )
        return redirect(reverse("cohorts:enrol", args=[cohort.pk]))
    return render(request, "cohorts/remove.html", {"cohort": cohort, "entry": entry})


@instructor_required
@require_POST
def assign(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id)
    form = AssignForm(request.POST, cohort=cohort)
    if form.is_valid():
        try:
            services.assign_quiz(cohort=cohort, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Assigned %(title)s.") % {"title": form.cleaned_data["quiz"].title}
            )
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(reverse("cohorts:cohort", args=[cohort.pk]))


@dataclass(frozen=True, slots=True)
class _AnalysisRow:
    stem: str
    kind: str
    paragraph: int
    item: ItemStatistics[int]
    shown: int
    edit_url: str | None


def _analysis_rows(
    report: reports.ItemReport, *, editable_in: Briefing | None
) -> list[_AnalysisRow]:
    """Each item with its type and paragraph, and where the instructor can edit it.

    ``editable_in`` is the briefing whose questions the instructor may change:
    the assignment's own, or the organisation's copy of a shared one (matched
    by question key), or none.
    """
    ids = [item.question_id for _, item, _ in report.items]
    questions = Question.objects.select_related("paragraph").in_bulk(ids)
    copies: dict[str, int] = {}
    if editable_in is not None:
        keys = [q.key for q in questions.values() if q.key]
        copies = dict(
            Question.objects.filter(briefing=editable_in, key__in=keys).values_list("key", "pk")
        )
    rows = []
    for stem, item, shown in report.items:
        question = questions[item.question_id]
        if editable_in is not None and editable_in.pk == question.briefing_id:
            target: int | None = question.pk
        else:
            target = copies.get(question.key) if question.key else None
        rows.append(
            _AnalysisRow(
                stem=stem,
                kind=question.get_kind_display(),
                paragraph=question.paragraph.number,
                item=item,
                shown=shown,
                edit_url=reverse("admin:quizzes_question_change", args=[target])
                if target is not None
                else None,
            )
        )
    return rows


@instructor_required
@never_cache
@require_GET
def assignment_analysis(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = get_object_or_404(
        Assignment.objects.select_related("cohort", "quiz", "quiz__briefing").filter(
            cohort__in=selectors.taught_cohorts(request.user)
        ),
        pk=assignment_id,
    )
    briefing = assignment.quiz.briefing
    organisation = assignment.cohort.organisation
    shared = briefing.organisation_id is None
    own_copy = (
        briefing.copies.filter(organisation=organisation).order_by("-created_at").first()
        if shared
        else None
    )
    if not shared or is_platform_superuser(request.user):
        editable_in: Briefing | None = briefing
    else:
        editable_in = own_copy
    with routers.reading_reports(request):
        report = reports.item_analysis(assignment)
    context = {
        "assignment": assignment,
        "report": report,
        "rows": _analysis_rows(report, editable_in=editable_in) if report else [],
        "shared": shared,
        "own_copy": own_copy,
        "organisation": organisation,
        "min_attempts": analysis.MIN_ATTEMPTS_TO_FLAG,
        "thresholds": analysis,
    }
    return render(request, "cohorts/analysis.html", context)


class _Echo:
    """A file-like object whose write returns the line, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


#: Cells starting with these are formulas to Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: trainees write cloze answers and
    names come from uploads, and "=HYPERLINK(…)" must not run when opened."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def _stream_csv(rows: Iterable[list[str]], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow([_inert(cell) for cell in row]) for row in rows),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@instructor_required
@never_cache
@require_GET
def grades_csv(request: HttpRequest, cohort_id: int) -> StreamingHttpResponse:
    cohort = _cohort(request, cohort_id)
    with routers.reading_reports(request):
        matrix = reports.progress_matrix(cohort)
    return _stream_csv(reports.grade_rows(matrix), f"grades-cohort-{cohort.pk}.csv")


@instructor_required
@never_cache
@require_GET
def responses_csv(request: HttpRequest, cohort_id: int) -> StreamingHttpResponse:
    cohort = _cohort(request, cohort_id)
    rows = routers.read_reports(request, reports.response_rows(cohort))
    return _stream_csv(rows, f"responses-cohort-{cohort.pk}.csv")


# ---------------------------------------------------------------------------
# One trainee in a cohort: their attempts, and what an instructor may adjust.


def _enrolment(request: HttpRequest, cohort_id: int, user_id: int) -> Enrolment:
    return get_object_or_404(
        Enrolment.objects.select_related("user", "cohort", "cohort__organisation").filter(
            cohort__in=selectors.taught_cohorts(request.user)
        ),
        cohort_id=cohort_id,
        user_id=user_id,
    )


def _trainee_url(enrolment: Enrolment) -> str:
    return reverse("cohorts:trainee", args=[enrolment.cohort_id, enrolment.user_id])


class ExtraAttemptsForm(forms.Form):
    assignment = forms.IntegerField(widget=forms.HiddenInput)
    extra_attempts = forms.IntegerField(
        label=gettext_lazy("Extra attempts"), min_value=1, max_value=20, initial=1
    )


MULTIPLIERS = [
    ("1", gettext_lazy("No extra time")),
    ("1.25", gettext_lazy("A quarter more time (×1.25)")),
    ("1.5", gettext_lazy("Half as much again (×1.5)")),
    ("2", gettext_lazy("Double time (×2)")),
]


class ExtraTimeForm(forms.Form):
    assignment = forms.IntegerField(widget=forms.HiddenInput)
    multiplier = forms.ChoiceField(
        label=gettext_lazy("Time limit"), choices=MULTIPLIERS, initial="1.5"
    )


class OverrideForm(forms.Form):
    assignment = forms.IntegerField(widget=forms.HiddenInput)
    percent = forms.IntegerField(label=gettext_lazy("Grade (%)"), min_value=0, max_value=100)
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Kept with the grade and shown wherever it appears."),
    )


def _forms_for(item: reports.TraineeAssignment) -> dict[str, forms.Form]:
    pk = item.assignment.pk
    override = item.cell.override
    multiplier = f"{item.time_multiplier.normalize()}" if item.time_multiplier else "1"
    return {
        "attempts_form": ExtraAttemptsForm(
            auto_id=f"id_attempts{pk}_%s", initial={"assignment": pk, "extra_attempts": 1}
        ),
        "time_form": ExtraTimeForm(
            auto_id=f"id_time{pk}_%s", initial={"assignment": pk, "multiplier": multiplier}
        ),
        "override_form": OverrideForm(
            auto_id=f"id_override{pk}_%s",
            initial={
                "assignment": pk,
                "percent": override.percent if override else None,
                "reason": override.reason if override else "",
            },
        ),
    }


@instructor_required
@never_cache
@require_GET
def trainee(request: HttpRequest, cohort_id: int, user_id: int) -> HttpResponse:
    enrolment = _enrolment(request, cohort_id, user_id)
    items = reports.trainee_report(enrolment.cohort, enrolment)
    context = {
        "cohort": enrolment.cohort,
        "enrolment": enrolment,
        "trainee": enrolment.user,
        "items": [{"item": item, **_forms_for(item)} for item in items],
    }
    return render(request, "cohorts/trainee.html", context)


@instructor_required
@never_cache
@require_GET
def trainee_attempt(
    request: HttpRequest, cohort_id: int, user_id: int, attempt_id: int
) -> HttpResponse:
    """One attempt's answers, for the instructor; only attempts taken under the
    cohort's organisation at one of its assignments."""
    enrolment = _enrolment(request, cohort_id, user_id)
    attempt = get_object_or_404(
        Attempt.objects.select_related("quiz", "quiz__briefing").filter(
            organisation_id=enrolment.cohort.organisation_id,
            user_id=enrolment.user_id,
            quiz_id__in=enrolment.cohort.assignments.values("quiz_id"),
        ),
        pk=attempt_id,
    )
    responses = attempt.responses.select_related("question").order_by("position")
    context = {
        "cohort": enrolment.cohort,
        "enrolment": enrolment,
        "trainee": enrolment.user,
        "attempt": attempt,
        "responses": responses,
    }
    return render(request, "cohorts/attempt.html", context)


def _assignment_of(enrolment: Enrolment, form: forms.Form) -> Assignment:
    return get_object_or_404(
        enrolment.cohort.assignments.select_related("quiz", "quiz__briefing"),
        pk=form.cleaned_data["assignment"],
    )


def _form_errors(form: forms.Form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@instructor_required
@require_POST
def grant_attempts(request: HttpRequest, cohort_id: int, user_id: int) -> HttpResponse:
    enrolment = _enrolment(request, cohort_id, user_id)
    form = ExtraAttemptsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_trainee_url(enrolment))
    assignment = _assignment_of(enrolment, form)
    assert isinstance(request.user, User)
    try:
        allowance = services.grant_extra_attempts(
            assignment=assignment,
            user=enrolment.user,
            extra=form.cleaned_data["extra_attempts"],
            granted_by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(name)s now has %(count)d extra attempt at %(title)s.",
                "%(name)s now has %(count)d extra attempts at %(title)s.",
                allowance.extra_attempts,
            )
            % {
                "name": enrolment.user.get_full_name() or enrolment.user.email,
                "count": allowance.extra_attempts,
                "title": assignment.quiz.title,
            },
        )
    return redirect(_trainee_url(enrolment))


@instructor_required
@require_POST
def extra_time(request: HttpRequest, cohort_id: int, user_id: int) -> HttpResponse:
    enrolment = _enrolment(request, cohort_id, user_id)
    form = ExtraTimeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_trainee_url(enrolment))
    assignment = _assignment_of(enrolment, form)
    multiplier = Decimal(form.cleaned_data["multiplier"])
    services.set_extra_time(assignment=assignment, user=enrolment.user, multiplier=multiplier)
    label = dict(MULTIPLIERS)[form.cleaned_data["multiplier"]]
    messages.success(
        request,
        _("Time limit at %(title)s: %(label)s.") % {"title": assignment.quiz.title, "label": label},
    )
    return redirect(_trainee_url(enrolment))


@instructor_required
@require_POST
def override(request: HttpRequest, cohort_id: int, user_id: int) -> HttpResponse:
    enrolment = _enrolment(request, cohort_id, user_id)
    if "remove" in request.POST:
        form = AssignmentOnlyForm(request.POST)
        if form.is_valid():
            assignment = _assignment_of(enrolment, form)
            services.remove_grade_override(assignment=assignment, user=enrolment.user)
            messages.success(
                request,
                _("The override at %(title)s is removed.") % {"title": assignment.quiz.title},
            )
        return redirect(_trainee_url(enrolment))
    form_ = OverrideForm(request.POST)
    if not form_.is_valid():
        messages.error(request, _form_errors(form_))
        return redirect(_trainee_url(enrolment))
    assignment = _assignment_of(enrolment, form_)
    assert isinstance(request.user, User)
    try:
        services.override_grade(
            assignment=assignment,
            user=enrolment.user,
            percent=form_.cleaned_data["percent"],
            reason=form_.cleaned_data["reason"],
            created_by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Grade at %(title)s overridden to %(percent)s%%.")
            % {"title": assignment.quiz.title, "percent": form_.cleaned_data["percent"]},
        )
    return redirect(_trainee_url(enrolment))


class AssignmentOnlyForm(forms.Form):
    assignment = forms.IntegerField(widget=forms.HiddenInput)


# ---------------------------------------------------------------------------
# Invitations, answered by the person invited.


def _invitation(request: HttpRequest, token: str) -> Invitation:
    """The signed-in user's own pending invitation; anyone else's answers 404."""
    return get_object_or_404(
        selectors.pending_invitations_for(request.user).select_related("invited_by"),
        token=token,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invite = _invitation(request, token)
    if request.method == "POST":
        assert isinstance(request.user, User)
        organisation = invite.cohort.organisation.name
        if request.POST.get("answer") == "accept":
            services.accept_invitation(invitation=invite, user=request.user)
            messages.success(
                request,
                _("You joined %(cohort)s at %(organisation)s.")
                % {"cohort": invite.cohort.name, "organisation": organisation},
            )
        elif request.POST.get("answer") == "decline":
            services.decline_invitation(invitation=invite, user=request.user)
            messages.success(
                request,
                _("You declined the invitation from %(organisation)s.")
                % {"organisation": organisation},
            )
        else:
            return render(request, "cohorts/invitation.html", {"invitation": invite}, status=400)
        return redirect(reverse("quizzes:learning"))
    return render(request, "cohorts/invitation.html", {"invitation": invite})


@login_required
@never_cache
@require_GET
def invitations(request: HttpRequest) -> HttpResponse:
    pending = selectors.pending_invitations_for(request.user)
    return render(request, "cohorts/invitations.html", {"invitations": pending})
