from django.urls import URLPattern, path

from reviews import views

app_name = "reviews"
urlpatterns: list[URLPattern] = [
    path("", views.review, name="review"),
    path("rate/", views.rate, name="rate"),
]
