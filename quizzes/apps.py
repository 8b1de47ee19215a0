from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self) -> None:
        from briefings.export import register_export_section
        from briefings.services import briefing_imported
        from quizzes import export, services

        briefing_imported.connect(services.on_briefing_imported, dispatch_uid="quizzes-bank")
        register_export_section("questions", export.questions_for_export)
