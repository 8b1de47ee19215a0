from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self) -> None:
        from briefings.access import register_reader_rule
        from cohorts import selectors
        from quizzes.assignments import register_assignment_source
        from quizzes.page_parts import register_learning_part

        # Briefings and quizzes sit below cohorts: they learn of assignments and
        # invitations through these, never by importing cohorts.
        register_reader_rule(selectors.assigned_briefings)
        register_assignment_source(selectors.quiz_assignments)
        register_learning_part("invitations", selectors.pending_invitation_list)
