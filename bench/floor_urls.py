"""The site's URLs and the signed-in floor page (see ``bench/floor_settings.py``)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
@login_required
def signed_in(request: HttpRequest) -> HttpResponse:
    return HttpResponse(request.user.get_username(), content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/signed-in/", signed_in), path("", include("config.urls"))]
