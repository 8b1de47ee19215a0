from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from briefings import selectors
from quizzes.selectors import quiz_cards


@login_required
@require_GET
def briefing_list(request: HttpRequest) -> HttpResponse:
    briefings = selectors.briefing_list(user=request.user)
    return render(request, "briefings/list.html", {"briefings": briefings})


@login_required
@require_GET
def briefing_detail(request: HttpRequest, slug: str) -> HttpResponse:
    briefing = selectors.get_visible_briefing(user=request.user, slug=slug)
    user = request.user
    cards = quiz_cards(user=user, briefing=briefing) if isinstance(user, User) else []
    return render(request, "briefings/detail.html", {"briefing": briefing, "quiz_cards": cards})
