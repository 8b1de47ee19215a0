"""The review page (one card at a time) and the instructors' forgotten-terms report."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from cohorts.routers import reading_reports
from cohorts.selectors import taught_cohorts
from reviews import selectors, services
from reviews.forms import RatingForm
from reviews.models import ReviewLog

RATINGS = [
    (ReviewLog.Rating.AGAIN, gettext_lazy("Forgot it; show it again soon")),
    (ReviewLog.Rating.HARD, gettext_lazy("Remembered with difficulty")),
    (ReviewLog.Rating.GOOD, gettext_lazy("Remembered")),
    (ReviewLog.Rating.EASY, gettext_lazy("Remembered at once")),
]


def _trainee(request: HttpRequest) -> AbstractBaseUser:
    """The signed-in user (the views below require a sign-in)."""
    user = request.user
    assert user.is_authenticated
    return user


@login_required
@never_cache
@require_GET
def review(request: HttpRequest) -> HttpResponse:
    """The next due card's front; with ``?card=<key>``, that card's answer and the ratings.

    A ``card`` that is no longer due (rated in another tab) sends the trainee
    on to the next card with a note, instead of showing an answer to rate.
    """
    user = _trainee(request)
    now = timezone.now()
    key = request.GET.get("card", "")
    if key:
        card = selectors.card_for(user, key, now)
        if card is None:
            return redirect(f"{reverse('reviews:review')}?stale=1")
        show_answer = True
    else:
        card = selectors.next_card(user, now)
        show_answer = False
    rated = request.GET.get("rated", "")
    context = {
        "card": card,
        "show_answer": show_answer,
        "counts": selectors.due_counts(user, now),
        "next_due": selectors.next_due_at(user) if card is None else None,
        "ratings": RATINGS,
        "rated": ReviewLog.Rating(int(rated)).label
        if rated.isdigit() and int(rated) in ReviewLog.Rating.values
        else "",
        "stale": "stale" in request.GET,
        # After a rating or "Show answer", focus goes to the card (see reviews.js).
        "focus_card": bool(key or rated or "stale" in request.GET),
    }
    return render(request, "reviews/review.html", context)


@login_required
@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    """Rate the shown card, then show the next (post/redirect/get)."""
    user = _trainee(request)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(gettext("Choose Again, Hard, Good or Easy for a card."))
    try:
        result = services.rate_card(
            user=user,
            key=form.cleaned_data["card"],
            rating=form.cleaned_data["rating"],
            reps_seen=form.cleaned_data["reps"],
        )
    except selectors.CardNotFound:
        raise Http404("No such card.") from None
    if result.stale:
        return redirect(f"{reverse('reviews:review')}?stale=1")
    return redirect(f"{reverse('reviews:review')}?rated={result.rating}")


@login_required
@never_cache
@require_GET
def forgotten_terms(request: HttpRequest, cohort_id: int) -> HttpResponse:
    """The cohort's terms most often rated "Again"; only its organisation's instructors
    (and platform admins) find the cohort, anyone else gets a 404."""
    cohort = get_object_or_404(taught_cohorts(request.user), pk=cohort_id)
    with reading_reports(request):
        terms = selectors.forgotten_terms(cohort)
    context = {"cohort": cohort, "terms": terms}
    return render(request, "reviews/forgotten_terms.html", context)
