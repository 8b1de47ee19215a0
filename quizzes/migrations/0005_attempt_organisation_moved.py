"""Attempt.organisation points at the organisations app, where Organisation moved.

The table is the same (``cohorts_organisation``), so the column and its
foreign key constraint stay as they are: only the migration state changes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("quizzes", "0004_question_key_forms"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="attempt",
                    name="organisation",
                    field=models.ForeignKey(
                        blank=True,
                        help_text=(
                            "The organisation whose assignment it was taken under; empty for "
                            "personal practice. Only that organisation's staff see it."
                        ),
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attempts",
                        to="organisations.organisation",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
