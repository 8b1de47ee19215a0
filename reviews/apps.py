from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Spaced review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Cards for missed facts are written when an attempt is submitted;
        # the quizzes app does not know this app exists.
        from reviews import signals  # noqa: F401
