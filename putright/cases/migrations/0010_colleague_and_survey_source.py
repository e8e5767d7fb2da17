"""Who a complaint about a colleague is about, when the customer was told of disciplinary procedures, and how
each satisfaction answer was given. Answers sent through the resident portal before this are found from their
timeline event (its `source`); the rest stay "not recorded"."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def portal_answers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    satisfaction = apps.get_model("cases", "Satisfaction")
    satisfaction.objects.filter(
        case__timeline__kind="satisfaction", case__timeline__after__has_key="source"
    ).update(source="portal")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_category_channel_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="colleague",
            field=models.ForeignKey(
                blank=True,
                help_text="The member of staff a complaint about a colleague is about, once identified: their line manager or a senior manager handles it, never they (colleague_complaints.handler)",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="colleague_disciplinary_on",
            field=models.DateField(
                blank=True,
                help_text="When the customer was told the complaint is progressed via disciplinary procedures, and only that (Brighter Places 6.ii)",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="satisfaction",
            name="source",
            field=models.CharField(
                choices=[
                    ("portal", "Resident portal online survey"),
                    ("phone", "Phone call with staff"),
                    ("paper", "Paper form"),
                    ("email", "Email"),
                    ("in_person", "In person"),
                    ("unknown", "Not recorded"),
                ],
                default="unknown",
                max_length=20,
            ),
        ),
        migrations.RunPython(portal_answers, migrations.RunPython.noop),
    ]
