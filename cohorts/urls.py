from django.urls import URLPattern, path

from cohorts import views

app_name = "cohorts"
urlpatterns: list[URLPattern] = [
    path("", views.dashboard, name="dashboard"),
    path("cohorts/<int:cohort_id>/", views.cohort_detail, name="cohort"),
    path("cohorts/<int:cohort_id>/enrol/", views.enrol, name="enrol"),
    path("cohorts/<int:cohort_id>/assign/", views.assign, name="assign"),
    path("cohorts/<int:cohort_id>/grades.csv", views.grades_csv, name="grades_csv"),
    path("cohorts/<int:cohort_id>/responses.csv", views.responses_csv, name="responses_csv"),
    path("assignments/<int:assignment_id>/analysis/", views.assignment_analysis, name="analysis"),
]
