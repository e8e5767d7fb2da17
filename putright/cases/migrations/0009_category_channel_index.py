"""The case list at a million cases (bench/README.md, "pages"): filtered by category and channel, its count is
read from one index, whose first two columns also serve the category choices; and on PostgreSQL the search's
trigram indexes keep ten times the default statistics, so that a common surname's matches are estimated near
their number (3,139 at one landlord) rather than 25, which picked a plan testing every Smith at every landlord."""

from collections.abc import Callable

from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

SEARCH_INDEXES = (("cases_search_trgm", "cases_case"), ("customers_search_trgm", "customers_customer"))
"""Migration 0008's trigram indexes and their tables."""


def search_statistics(target: int) -> Callable[[StateApps, BaseDatabaseSchemaEditor], None]:
    """Set the trigram indexes' statistics target (-1: back to the default) and gather them again."""

    def run(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for index, table in SEARCH_INDEXES:
            schema_editor.execute(f"ALTER INDEX {index} ALTER COLUMN 1 SET STATISTICS {target}")
            schema_editor.execute(f"ANALYZE {table}")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_search_and_status_order"),
        ("customers", "0003_customer_letters_by_representative_correspondence"),
        ("organisations", "0003_landlord_logo"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["landlord", "category", "channel"], name="cases_by_category_channel"),
        ),
        migrations.RemoveIndex(
            model_name="case",
            name="cases_by_category",
        ),
    ]
