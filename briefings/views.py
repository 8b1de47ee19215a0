from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from briefings import selectors, services
from briefings.page_parts import detail_parts


@login_required
@require_GET
def briefing_list(request: HttpRequest) -> HttpResponse:
    briefings = selectors.briefing_list(user=request.user)
    return render(request, "briefings/list.html", {"briefings": briefings})


@login_required
@require_GET
def briefing_detail(request: HttpRequest, slug: str) -> HttpResponse:
    briefing = selectors.get_visible_briefing(user=request.user, slug=slug)
    parts = detail_parts(user=request.user, briefing=briefing)
    body_html, appendix_html = services.briefing_html(briefing)
    context = {"briefing": briefing, "body_html": body_html, "appendix_html": appendix_html}
    return render(request, "briefings/detail.html", {**context, **parts})
