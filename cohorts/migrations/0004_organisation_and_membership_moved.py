"""Organisation and Membership now belong to the organisations app.

Their tables keep their names and rows; cohorts points Cohort.organisation at
the moved model and forgets its own copies, in the migration state only. The
content types move too, so permissions given for them (the Instructors
group's membership permissions) and admin history follow the models.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = ("organisation", "membership")


def _move_content_types(apps, schema_editor, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.db_manager(schema_editor.connection.alias)
    for model in MOVED:
        # Both exist when post_migrate made one after this migration was
        # unapplied; the older one holds the permissions given out and the
        # admin history, so it is kept. Neither exists on a new database.
        found = list(types.filter(app_label__in=[source, target], model=model).order_by("pk"))
        if not found:
            continue
        kept, *newer = found
        types.filter(pk__in=[t.pk for t in newer]).delete()
        types.filter(pk=kept.pk).update(app_label=target)
    types.clear_cache()


def forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "cohorts", "organisations")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "organisations", "cohorts")


class Migration(migrations.Migration):
    dependencies = [
        ("briefings", "0004_briefing_organisation_moved"),
        ("cohorts", "0003_enrolment_uploads_and_sent_flags"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisations", "0001_initial"),
        ("quizzes", "0005_attempt_organisation_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="cohort",
                    name="organisation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cohorts",
                        to="organisations.organisation",
                    ),
                ),
                migrations.DeleteModel(name="Membership"),
                migrations.DeleteModel(name="Organisation"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
