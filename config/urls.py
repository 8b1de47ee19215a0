from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from accounts.forms import AdminSignInForm

admin.site.login_form = AdminSignInForm

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="briefings:list", permanent=False)),
    path("briefings/", include("briefings.urls")),
    path("quizzes/", include("quizzes.urls")),
    path("teach/", include("cohorts.urls")),
    path("invitations/", include("cohorts.invitation_urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
]
