from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self) -> None:
        from briefings.export import register_export_section
        from briefings.signals import briefing_imported, paragraphs_retiring
        from quizzes import export, services

        briefing_imported.connect(services.on_briefing_imported, dispatch_uid="quizzes-bank")
        paragraphs_retiring.connect(services.on_paragraphs_retiring, dispatch_uid="quizzes-retire")
        register_export_section("questions", export.questions_for_export)
