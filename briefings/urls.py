from django.urls import path

from briefings import views

app_name = "briefings"
urlpatterns = [
    path("", views.briefing_list, name="list"),
    path("<slug:slug>/", views.briefing_detail, name="detail"),
]
