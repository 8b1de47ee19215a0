from django.urls import URLPattern, path

from cohorts import views

app_name = "cohorts"
urlpatterns: list[URLPattern] = [
    path("", views.dashboard, name="dashboard"),
    path("cohorts/<int:cohort_id>/", views.cohort_detail, name="cohort"),
    path("cohorts/<int:cohort_id>/enrol/", views.enrol, name="enrol"),
    path("cohorts/<int:cohort_id>/enrol/resend/", views.resend_invitation, name="resend"),
    path(
        "cohorts/<int:cohort_id>/enrol/resend-unsent/",
        views.resend_unsent,
        name="resend_unsent",
    ),
    path("cohorts/<int:cohort_id>/enrol/status/", views.enrol_status, name="enrol_status"),
    path("cohorts/<int:cohort_id>/enrol/remove/", views.remove, name="remove"),
    path("cohorts/<int:cohort_id>/assign/", views.assign, name="assign"),
    path("cohorts/<int:cohort_id>/grades.csv", views.grades_csv, name="grades_csv"),
    path("cohorts/<int:cohort_id>/responses.csv", views.responses_csv, name="responses_csv"),
    path("cohorts/<int:cohort_id>/trainees/<int:user_id>/", views.trainee, name="trainee"),
    path(
        "cohorts/<int:cohort_id>/trainees/<int:user_id>/attempts/<int:attempt_id>/",
        views.trainee_attempt,
        name="trainee_attempt",
    ),
    path(
        "cohorts/<int:cohort_id>/trainees/<int:user_id>/extra-attempts/",
        views.grant_attempts,
        name="grant_attempts",
    ),
    path(
        "cohorts/<int:cohort_id>/trainees/<int:user_id>/extra-time/",
        views.extra_time,
        name="extra_time",
    ),
    path(
        "cohorts/<int:cohort_id>/trainees/<int:user_id>/override/",
        views.override,
        name="override",
    ),
    path("assignments/<int:assignment_id>/analysis/", views.assignment_analysis, name="analysis"),
]
