from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Spaced review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Cards for missed facts are written when an attempt is submitted (the
        # signals module); the quizzes app does not know this app exists. The
        # briefing page and My learning show this app's counts, but their apps
        # sit below this one, so their views ask their registries for every part.
        from briefings.page_parts import register_detail_part
        from quizzes.page_parts import register_learning_part
        from reviews import selectors, signals  # noqa: F401

        register_detail_part("learned_terms", selectors.learned_terms)
        register_learning_part("review_due", selectors.due_counts)
