from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self) -> None:
        from briefings.export import register_export_section
        from briefings.page_parts import register_detail_part
        from briefings.signals import briefing_copied, briefing_imported, paragraphs_retiring
        from quizzes import export, selectors, services

        briefing_imported.connect(services.on_briefing_imported, dispatch_uid="quizzes-bank")
        briefing_copied.connect(services.on_briefing_copied, dispatch_uid="quizzes-copy")
        paragraphs_retiring.connect(services.on_paragraphs_retiring, dispatch_uid="quizzes-retire")
        register_export_section("questions", export.questions_for_export)
        register_detail_part("quiz_cards", selectors.briefing_quiz_cards)
