from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import RedirectView

from accounts.forms import AdminSignInForm

admin.site.login_form = AdminSignInForm


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: the process serves requests.

    Touches neither the database nor the session, so it stays up while the
    database restarts (pages then answer 503) and costs almost nothing to ask.
    """
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="briefings:list", permanent=False)),
    path("healthz/", healthz, name="healthz"),
    path("briefings/", include("briefings.urls")),
    path("quizzes/", include("quizzes.urls")),
    path("teach/", include("cohorts.urls")),
    path("invitations/", include("cohorts.invitation_urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
]
