"""Briefing.organisation points at the organisations app, where Organisation moved.

The table is the same (``cohorts_organisation``), so the column and its
foreign key constraint stay as they are: only the migration state changes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("briefings", "0003_briefing_copied_from"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="briefing",
                    name="organisation",
                    field=models.ForeignKey(
                        blank=True,
                        help_text=(
                            "Leave empty for a briefing shared by the platform with every "
                            "organisation."
                        ),
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="briefings",
                        to="organisations.organisation",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
