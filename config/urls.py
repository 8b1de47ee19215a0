from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import last_modified, require_GET
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog

from accounts.forms import AdminSignInForm

admin.site.login_form = AdminSignInForm

# When this process started: the JavaScript catalogue is unchanged since.
STARTED = timezone.now()


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: the process serves requests.

    Touches neither the database nor the session, so it stays up while the
    database restarts (pages then answer 503) and costs almost nothing to ask.
    """
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def view_on_site(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    """The admin's "view on site" link, for objects the user may see in the admin.

    Django's own redirect finds any object by id, whatever its organisation; this
    one asks the model's admin for its (organisation-scoped) queryset first, and
    lets only platform admins through for models without one.
    """
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404("No such content type.") from None
    model_admin = admin.site._registry.get(model) if model is not None else None
    if model_admin is not None:
        try:
            visible = model_admin.get_queryset(request).filter(pk=object_id).exists()
        except (ValueError, TypeError):
            visible = False
    else:
        visible = request.user.is_superuser
    if not visible:
        raise Http404("No such object.")
    return shortcut(request, content_type_id, object_id)


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="briefings:list", permanent=False)),
    path("healthz/", healthz, name="healthz"),
    path("briefings/", include("briefings.urls")),
    path("quizzes/", include("quizzes.urls")),
    path("teach/", include("cohorts.urls")),
    path("teach/", include("reviews.teach_urls")),
    path("reviews/", include("reviews.urls")),
    path("invitations/", include("cohorts.invitation_urls")),
    path("accounts/", include("accounts.urls")),
    # The language chooser in the footer posts to set_language here.
    path("i18n/", include("django.conf.urls.i18n")),
    # The words site.js shows (gettext, ngettext), in the page's language; they
    # change only with a deployment, so a browser may keep them until then.
    path(
        "jsi18n/",
        last_modified(lambda request, **kwargs: STARTED)(JavaScriptCatalog.as_view()),
        name="javascript-catalog",
    ),
    # Ahead of the admin's own route of the same address, which is not scoped.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="view_on_site",
    ),
    path("admin/", admin.site.urls),
]
