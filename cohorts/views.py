"""Instructor pages under /teach/: cohorts, enrolment, assignments and reports.

Every object is looked up through the instructor's organisations, so another
organisation's cohort or assignment answers 404 exactly as a missing one.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from briefings.models import Briefing
from cohorts import analysis, charts, reports, selectors, services
from cohorts.analysis import ItemStatistics
from cohorts.models import Assignment, Cohort
from quizzes.models import Question, Quiz

MAX_UPLOAD = 10 * 1024 * 1024


def instructor_required[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R]:
    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> R:
        if not selectors.teaches(request.user):
            raise Http404("This page is for instructors.")
        return view(request, *args, **kwargs)

    return wrapper


def _cohort(request: HttpRequest, cohort_id: int) -> Cohort:
    return get_object_or_404(selectors.taught_cohorts(request.user), pk=cohort_id)


def _site_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


class EnrolByEmailForm(forms.Form):
    email = forms.EmailField(label="E-mail")
    first_name = forms.CharField(label="First name", max_length=150, required=False)
    last_name = forms.CharField(label="Last name", max_length=150, required=False)


class EnrolCsvForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: email, first name, last name, cohort. UTF-8. Up to 10 MB.",
    )


class AssignForm(forms.Form):
    quiz = forms.ModelChoiceField(queryset=Quiz.objects.none(), label="Briefing quiz")
    opens_on = forms.DateField(
        label="Opens on", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    due_on = forms.DateField(
        label="Due on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    due_days_after_enrolment = forms.IntegerField(
        label="…or due this many days after enrolment", required=False, min_value=0
    )
    pass_mark = forms.IntegerField(
        label="Pass mark (%)", required=False, min_value=0, max_value=100,
        help_text="Leave empty to use the quiz's own pass mark.",
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
            raise ValidationError("Give a due date or a number of days, not both.")
        return data


@instructor_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    cohorts = selectors.taught_cohorts(request.user).order_by("organisation__name", "name")
    return render(request, "cohorts/dashboard.html", {"cohorts": cohorts})


@instructor_required
@require_GET
def cohort_detail(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id)
    sort = request.GET.get("sort", "name")
    matrix = reports.progress_matrix(cohort, sort=sort)
    distributions = []
    for index, assignment in enumerate(matrix.assignments):
        bins = reports.score_bins(matrix, index)
        svg = charts.histogram_svg(
            title=f"Score distribution: {assignment.quiz.briefing.title}",
            description="Number of trainees by best score, in bands of ten percent.",
            bins=bins,
            id_prefix=f"dist-{assignment.pk}",
        )
        distributions.append({"assignment": assignment, "bins": bins, "svg": svg})
    points = reports.completion_points(matrix)
    completion_svg = charts.line_chart_svg(
        title=f"Completion over time: {cohort.name}",
        description="Share of assignments passed across the cohort, by day.",
        points=points,
        y_label="Passed (%)",
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
    }
    return render(request, "cohorts/cohort.html", context)


@instructor_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort(request, cohort_id)
    email_form = EnrolByEmailForm(request.POST if "email" in request.POST else None)
    csv_form = EnrolCsvForm(
        request.POST if "upload" in request.POST else None,
        request.FILES if "upload" in request.POST else None,
    )
    errors: tuple[Any, ...] = ()
    if request.method == "POST" and "email" in request.POST and email_form.is_valid():
        try:
            outcome = services.enrol_by_email(
                cohort=cohort, site_url=_site_url(request), **email_form.cleaned_data
            )
        except ValidationError as error:
            email_form.add_error("email", error.messages[0])
        else:
            messages.success(
                request,
                f"Enrolled {email_form.cleaned_data['email']}"
                + (" and sent a set-password e-mail." if outcome.created_accounts else "."),
            )
            return redirect(reverse("cohorts:enrol", args=[cohort.pk]))
    if request.method == "POST" and "upload" in request.POST and csv_form.is_valid():
        upload = csv_form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            csv_form.add_error("file", "The file is over 10 MB.")
        else:
            outcome = services.enrol_csv(
                organisation=cohort.organisation, data=upload.read(), site_url=_site_url(request)
            )
            if outcome.ok:
                messages.success(
                    request,
                    f"Checked {outcome.rows} row(s): {outcome.created_accounts} new account(s), "
                    f"{outcome.new_enrolments} new enrolment(s).",
                )
                return redirect(reverse("cohorts:enrol", args=[cohort.pk]))
            errors = outcome.errors
    status = 400 if errors else 200
    context = {
        "cohort": cohort,
        "email_form": email_form,
        "csv_form": csv_form,
        "row_errors": errors,
        "enrolments": cohort.enrolments.select_related("user").order_by("user__email"),
    }
    return render(request, "cohorts/enrol.html", context, status=status)


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
            messages.success(request, f"Assigned {form.cleaned_data['quiz'].briefing.title}.")
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
    if not shared or selectors.is_platform_superuser(request.user):
        editable_in: Briefing | None = briefing
    else:
        editable_in = own_copy
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
@require_GET
def grades_csv(request: HttpRequest, cohort_id: int) -> StreamingHttpResponse:
    cohort = _cohort(request, cohort_id)
    matrix = reports.progress_matrix(cohort)
    return _stream_csv(reports.grade_rows(matrix), f"grades-cohort-{cohort.pk}.csv")


@instructor_required
@require_GET
def responses_csv(request: HttpRequest, cohort_id: int) -> StreamingHttpResponse:
    cohort = _cohort(request, cohort_id)
    return _stream_csv(reports.response_rows(cohort), f"responses-cohort-{cohort.pk}.csv")
