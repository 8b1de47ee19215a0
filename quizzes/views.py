"""Trainee pages for taking quizzes.

Every interaction is a plain form post that works without JavaScript; with
htmx the same URLs answer with fragments (django-htmx's ``request.htmx``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from quizzes import attempts, selectors
from quizzes.forms import answer_from_post, has_answer_fields
from quizzes.kinds import Mark, type_of
from quizzes.models import Attempt, Quiz, Response
from quizzes.page_parts import learning_parts
from quizzes.review import answer_marks, build_review, duration_text, feedback_for


def _trainee(request: HttpRequest) -> User:
    """The signed-in user (the views are all behind ``login_required``)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _question_url(attempt: Attempt, position: int) -> str:
    return reverse("quizzes:question", kwargs={"attempt_id": attempt.pk, "position": position})


def _results_url(attempt: Attempt) -> str:
    return reverse("quizzes:results", kwargs={"attempt_id": attempt.pk})


def _redirect(request: HttpRequest, url: str) -> HttpResponse:
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
@require_POST
def start(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """Continue the open attempt, or start one if the quiz is open to this user.

    A quiz on a briefing the user cannot read answers 404; one they can see
    but may not start (an assessment not assigned to them, an assignment not
    open yet) sends them back with the reason.
    """
    user = _trainee(request)
    quiz, access = selectors.quiz_access(user=user, quiz_id=quiz_id)
    if attempts.open_attempt(user=user, quiz=quiz) is None and not access.may_start:
        messages.error(request, access.refusal())
        return redirect(quiz.briefing.get_absolute_url())
    try:
        attempt = attempts.start_attempt(
            user=user, quiz=quiz, organisation_id=access.organisation_id
        )
    except attempts.AttemptError as error:
        messages.error(request, str(error))
        return redirect(quiz.briefing.get_absolute_url())
    if not attempt.is_open:
        messages.info(
            request, gettext("The time limit of your attempt had passed; it has been submitted.")
        )
        return redirect(_results_url(attempt))
    return redirect(_question_url(attempt, attempt.current_position))


def _question_context(
    request: HttpRequest,
    attempt: Attempt,
    response: Response,
    *,
    error: str = "",
    status: str = "",
) -> dict[str, Any]:
    states = selectors.response_states(attempt=attempt)
    total = len(states)
    quiz = attempt.quiz
    feedback = None
    marks: list[Mark | None] = []
    final = attempts.is_final(response, quiz)
    question_type = type_of(response.question.kind)
    if quiz.mode == Quiz.Mode.PRACTICE and response.checked_at is not None:
        # Before the last try the right answer stays hidden, as in Moodle's
        # interactive mode; the trainee's own choices are marked either way.
        feedback = feedback_for(
            response,
            briefing_url=quiz.briefing.get_absolute_url(),
            show_correct=final,
            show_explanation=final,
            final=final,
            tries_left=attempts.tries_left(response, quiz),
            penalty=quiz.try_penalty,
        )
        marks = answer_marks(response, reveal=final)
    return {
        "attempt": attempt,
        "quiz": quiz,
        "response": response,
        "question": response.question,
        "position": response.position,
        "question_url": _question_url(attempt, response.position),
        "total": total,
        # What the question map shows, as plain values: the template renders it as a memo.
        "map_items": tuple(
            (state["position"], state["classes"], state["symbol"], state["spoken"])
            for state in states
        ),
        "previous": response.position - 1 if response.position > 1 else None,
        "next": response.position + 1 if response.position < total else None,
        "feedback": feedback,
        "error": error,
        "status": status,
        "deadline": attempt.deadline,
        "answer_template": question_type.template,
        "choices": question_type.choices(response, marks),
        "can_try_again": response.checked_at is not None and not final,
        "tries_left": attempts.tries_left(response, quiz),
        "try_worth": max(0, 100 - quiz.try_penalty * response.tries),
    }


def _render_question(
    request: HttpRequest,
    attempt: Attempt,
    response: Response,
    *,
    error: str = "",
    status: str = "",
    http_status: int = 200,
    fragment: str | None = None,
) -> HttpResponse:
    template = "quizzes/question.html"
    if fragment:
        template = f"{template}#{fragment}"
    context = _question_context(request, attempt, response, error=error, status=status)
    result = render(request, template, context, status=http_status)
    if fragment == "panel":
        result["HX-Push-Url"] = _question_url(attempt, response.position)
        # A change on the fieldset targets the status line; the panel replaces the panel.
        retarget(result, "#question-panel")
        reswap(result, "outerHTML")
    return result


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, attempt_id: int, position: int) -> HttpResponse:
    attempt = selectors.get_user_attempt(user=_trainee(request), attempt_id=attempt_id)
    if attempts.expire_if_due(attempt):
        messages.warning(
            request, gettext("Time is up: your attempt was submitted with the answers saved.")
        )
        return _redirect(request, _results_url(attempt))
    if not attempt.is_open:
        if request.method == "POST":
            messages.info(
                request, gettext("This attempt was already submitted; nothing was changed.")
            )
        return _redirect(request, _results_url(attempt))
    response = selectors.get_response(attempt=attempt, position=position)
    if request.method == "GET":
        # Read-only: the position is kept by the answer or the move that follows.
        return _render_question(request, attempt, response)
    return _answer(request, attempt, response)


def _answer(request: HttpRequest, attempt: Attempt, response: Response) -> HttpResponse:
    """Save the posted answer, then act on the button pressed (if any)."""
    action = request.POST.get("action", "")
    htmx = bool(getattr(request, "htmx", False))
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = None
    status = ""
    try:
        if has_answer_fields(request.POST) or action in ("save", "check"):
            _save_posted_answer(request, attempt, response, revision)
            # Said even when nothing changed: a repeated post of the same answer
            # must not blank the status line while the answer is stored.
            status = gettext("Answer saved.")
        if action == "check":
            attempts.check_answer(attempt=attempt, response=response)
            status = gettext("Answer checked.")
        elif action == "retry":
            attempts.try_again(attempt=attempt, response=response)
            status = gettext("Try again: change your answer, then check it.")
        elif action in ("flag", "unflag"):
            attempts.set_flag(attempt=attempt, response=response, flagged=action == "flag")
            status = (
                gettext("Flagged for review.") if action == "flag" else gettext("Flag removed.")
            )
    except attempts.TimeExpired as error:
        messages.warning(request, str(error))
        return _redirect(request, _results_url(attempt))
    except attempts.AttemptFinished as error:
        messages.info(request, str(error))
        return _redirect(request, _results_url(attempt))
    except attempts.StaleAnswer as error:
        return _render_question(
            request,
            attempt,
            _fresh(response),
            error=str(error),
            http_status=409,
            fragment="panel" if htmx else None,
        )
    except attempts.InvalidAnswer as error:
        if htmx and not action:
            return _render_status(request, response, error=str(error))
        # Show the question again with the message, not a bare error page.
        return _render_question(
            request,
            attempt,
            response,
            error=str(error),
            http_status=400,
            fragment="panel" if htmx else None,
        )
    except attempts.AttemptError as error:
        return _render_question(
            request, attempt, response, error=str(error), fragment="panel" if htmx else None
        )

    if action == "summary":
        return _redirect(request, reverse("quizzes:summary", kwargs={"attempt_id": attempt.pk}))
    target = _navigation_target(action, response.position)
    if target is not None:
        try:
            next_response = selectors.get_response(attempt=attempt, position=target)
        except Http404:
            # Past the last question (a stale "Next", a hand-made post): the summary.
            return _redirect(request, reverse("quizzes:summary", kwargs={"attempt_id": attempt.pk}))
        attempts.move_to(attempt=attempt, position=target)
        if htmx:
            return _render_question(request, attempt, next_response, fragment="panel")
        return redirect(_question_url(attempt, target))
    # A pressed button (the form targets the panel) gets the panel back; only a
    # change on the fieldset gets the status line alone.
    if htmx and action in ("save", "check", "retry", "flag", "unflag"):
        return _render_question(request, attempt, response, status=status, fragment="panel")
    if htmx:
        return _render_status(request, response, status=status)
    if status:
        messages.success(request, status)
    return redirect(_question_url(attempt, response.position))


def _save_posted_answer(
    request: HttpRequest, attempt: Attempt, response: Response, revision: int | None
) -> None:
    """Save the posted answer; one sent again after its reply was lost counts as saved.

    When the database goes away after an answer is committed but before the
    reply (or the connection drops then), the page sends the answer again
    with the revision it still shows. If that very answer is what is stored,
    it is acknowledged; any other answer at an old revision is still refused
    as coming from a stale tab.
    """
    answer = answer_from_post(response, request.POST)
    try:
        attempts.save_answer(attempt=attempt, response=response, answer=answer, revision=revision)
    except attempts.StaleAnswer:
        if answer != _fresh(response).answer:
            raise


def _render_status(
    request: HttpRequest, response: Response, *, status: str = "", error: str = ""
) -> HttpResponse:
    """The status line alone, for a change saved by htmx.

    Made from what the save already holds, with no further query: the reply
    follows the save's writes at once, so a database that goes away can
    hardly leave a stored answer unacknowledged (and if it does, the answer
    sent again is acknowledged, see ``_save_posted_answer``).
    """
    context = {"response": response, "status": status, "error": error}
    return render(request, "quizzes/question.html#status", context)


def _navigation_target(action: str, position: int) -> int | None:
    if action == "next":
        return position + 1
    if action == "previous":
        return max(1, position - 1)
    if action.startswith("goto-"):
        try:
            return int(action.removeprefix("goto-"))
        except ValueError:
            return None
    return None


def _fresh(response: Response) -> Response:
    response.refresh_from_db(
        fields=["answer", "revision", "flagged", "checked_at", "score", "tries"]
    )
    return response


@never_cache
@login_required
@require_GET
def summary(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = selectors.get_user_attempt(user=_trainee(request), attempt_id=attempt_id)
    if attempts.expire_if_due(attempt):
        messages.warning(
            request, gettext("Time is up: your attempt was submitted with the answers saved.")
        )
        return redirect(_results_url(attempt))
    if not attempt.is_open:
        return redirect(_results_url(attempt))
    states = selectors.response_states(attempt=attempt)
    checked = [s for s in states if s["result"]]
    marks = [s["mark"] for s in states if isinstance(s["mark"], float)]
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "practice": attempt.quiz.mode == Quiz.Mode.PRACTICE,
        "states": states,
        "answered": sum(1 for s in states if s["answered"]),
        "unanswered": [s for s in states if not s["answered"]],
        "flagged": [s for s in states if s["flagged"]],
        "checked": len(checked),
        "right": sum(1 for s in checked if s["result"] == "right"),
        "percent_so_far": round(100 * sum(marks) / len(marks)) if marks else 0,
        "deadline": attempt.deadline,
    }
    return render(request, "quizzes/summary.html", context)


@login_required
@require_POST
def submit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = selectors.get_user_attempt(user=_trainee(request), attempt_id=attempt_id)
    if request.POST.get("confirm") != "yes":
        messages.error(request, gettext("Confirm that you want to submit."))
        return redirect(reverse("quizzes:summary", kwargs={"attempt_id": attempt.pk}))
    was_open = attempt.is_open
    attempts.submit_attempt(attempt=attempt)
    if not was_open:
        messages.info(request, gettext("This attempt had already been submitted."))
    return _redirect(request, _results_url(attempt))


@never_cache
@login_required
@require_GET
def results(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = selectors.get_user_attempt(user=_trainee(request), attempt_id=attempt_id)
    if attempts.expire_if_due(attempt):
        messages.warning(
            request, gettext("Time is up: your attempt was submitted with the answers saved.")
        )
    if attempt.is_open:
        return redirect(_question_url(attempt, attempt.current_position))
    responses = list(selectors.attempt_responses(attempt=attempt))
    finished = attempt.finished_at or attempt.started_at
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "practice": attempt.quiz.mode == Quiz.Mode.PRACTICE,
        "briefing": attempt.quiz.briefing,
        "review": build_review(attempt.quiz, responses),
        "percent": round((attempt.score or 0) * 100),
        "time_taken": duration_text(finished - attempt.started_at),
    }
    return render(request, "quizzes/results.html", context)


@login_required
@require_GET
def learning(request: HttpRequest) -> HttpResponse:
    """Every quiz open to the trainee, with due dates, status and attempt history."""
    user = _trainee(request)
    context = {
        "groups": selectors.learning_by_briefing(user=user),
        "revise": selectors.terms_to_revise(user=user),
        # Invitations, from the cohorts app; cards due, from the reviews app.
        **learning_parts(user=user),
    }
    return render(request, "quizzes/learning.html", context)
