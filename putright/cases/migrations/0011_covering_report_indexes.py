"""The Board pack for a reporting year at a million cases (bench/README.md, "search and the year's pack"):
covering indexes, so that what was open at a moment and whether its stages were late are read from indexes
alone instead of every heap page of the landlord's cases (42,202 at the largest). The cases' index takes the
place of the plain (landlord, received_at) one, whose queries it serves as before. An index-only scan needs
the table's visibility map, which PostgreSQL's autovacuum keeps."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0010_colleague_and_survey_source"),
        ("customers", "0004_customer_search_text"),
        ("organisations", "0003_landlord_logo"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="case", name="cases_case_landlor_46305f_idx"),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["landlord", "received_at"],
                include=("id", "kind", "closed_at"),
                name="cases_by_received",
            ),
        ),
        migrations.AddIndex(
            model_name="stage",
            index=models.Index(
                fields=["case"],
                include=(
                    "number",
                    "received_at",
                    "acknowledge_by",
                    "acknowledged_on",
                    "respond_by",
                    "responded_on",
                ),
                name="stages_lateness",
            ),
        ),
    ]
