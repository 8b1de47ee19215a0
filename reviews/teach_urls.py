"""Review reports under /teach/, beside the cohorts app's own pages."""

from django.urls import URLPattern, path

from reviews import views

app_name = "reviews_teach"
urlpatterns: list[URLPattern] = [
    path(
        "cohorts/<int:cohort_id>/forgotten-terms/",
        views.forgotten_terms,
        name="forgotten_terms",
    ),
]
