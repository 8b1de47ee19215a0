"""Organisation and Membership, moved here from cohorts with their tables.

On a database migrated before the move the tables ``cohorts_organisation`` and
``cohorts_membership`` exist and hold rows, and on a new one cohorts' first
migration makes them; so this migration only records the models in this
app's state and touches no table. cohorts, briefings and quizzes then point
their foreign keys here and cohorts forgets its copies, each in its own
migration.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Organisation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200)),
                        ("slug", models.SlugField(max_length=80, unique=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "db_table": "cohorts_organisation",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Membership",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("trainee", "Trainee"),
                                    ("instructor", "Instructor"),
                                    ("admin", "Organisation admin"),
                                ],
                                default="trainee",
                                max_length=12,
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("invitation_sent_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to="organisations.organisation",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "cohorts_membership",
                        "ordering": ["organisation", "user"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("organisation", "user"), name="membership_once"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
