from __future__ import annotations

from quizzes.export import approved_bank_as_gift
from quizzes.management.bank_export import BankExportCommand


class Command(BankExportCommand):
    help = "Write a briefing's approved question bank in Moodle's GIFT format."
    render = staticmethod(approved_bank_as_gift)
