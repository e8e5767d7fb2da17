"""The Board pack's compensation at a million cases (bench/README.md, "search and the year's pack"): with the
stage's id and case in the (landlord, responded_on) index, the remedies' responses are found from the index
alone instead of every heap page of the landlord's stages (32,000 at the largest)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_covering_report_indexes"),
        ("organisations", "0003_landlord_logo"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="stage", name="stages_by_responded"),
        migrations.AddIndex(
            model_name="stage",
            index=models.Index(
                fields=["landlord", "responded_on"], include=("id", "case"), name="stages_by_responded"
            ),
        ),
    ]
