from django.urls import URLPattern, path

from quizzes import views

app_name = "quizzes"
urlpatterns: list[URLPattern] = [
    path("learning/", views.learning, name="learning"),
    path("<int:quiz_id>/start/", views.start, name="start"),
    path("attempts/<int:attempt_id>/questions/<int:position>/", views.question, name="question"),
    path("attempts/<int:attempt_id>/summary/", views.summary, name="summary"),
    path("attempts/<int:attempt_id>/submit/", views.submit, name="submit"),
    path("attempts/<int:attempt_id>/results/", views.results, name="results"),
]
