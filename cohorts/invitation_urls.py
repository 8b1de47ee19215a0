"""Invitations to a cohort, answered by the person invited (outside /teach/)."""

from django.urls import URLPattern, path

from cohorts import views

app_name = "invitations"
urlpatterns: list[URLPattern] = [
    path("", views.invitations, name="list"),
    path("<str:token>/", views.invitation, name="respond"),
]
