from __future__ import annotations

from quizzes.export import approved_bank_as_moodle_xml
from quizzes.management.bank_export import BankExportCommand


class Command(BankExportCommand):
    help = "Write a briefing's approved question bank in Moodle XML."
    render = staticmethod(approved_bank_as_moodle_xml)
