"""A common surname's case search at a million cases (bench/README.md, "search and the year's pack"): the
customer's name, address and postcode stored lower-cased (kept by the database, so every way of writing a
customer, bulk loads included, keeps it), matched with LIKE instead of ILIKE, which in UTF-8 lower-cases both
sides of every row it tests and so led PostgreSQL to misjudge its plans. On PostgreSQL the text has a trigram
index (for rare words) in place of cases/0008's one on the unlowered expression, and its statistics target is
ten times the default so that a common surname's matches are estimated near their number; a common one is
tested over the landlord's customers read from one covering index."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.db.models.functions import Concat, Lower, Replace

OLD_INDEX = "customers_search_trgm"
OLD_EXPRESSION = "(name || ' ' || address || ' ' || replace(postcode, ' ', ''))"
"""cases/0008's trigram index on the customer's text as it was written, before it was stored lower-cased."""
NEW_INDEX = "customers_search_text_trgm"
STATISTICS = 1000


def trigram_on_search_text(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NEW_INDEX} ON customers_customer USING gin (search_text gin_trgm_ops)"
    )
    schema_editor.execute(
        f"ALTER TABLE customers_customer ALTER COLUMN search_text SET STATISTICS {STATISTICS}"
    )
    schema_editor.execute("ANALYZE customers_customer")


def trigram_on_expression(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NEW_INDEX}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON customers_customer USING gin ({OLD_EXPRESSION} gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0003_customer_letters_by_representative_correspondence"),
        ("cases", "0010_colleague_and_survey_source"),  # after cases/0008 made the index this replaces
        ("organisations", "0003_landlord_logo"),
    ]

    operations = [
        migrations.AddField(
            model_name="customer",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=Lower(
                    Concat(
                        "name",
                        models.Value(" "),
                        "address",
                        models.Value(" "),
                        Replace("postcode", models.Value(" "), models.Value("")),
                        output_field=models.TextField(),
                    )
                ),
                help_text="Name, address and postcode without spaces, lower-cased and kept by the database: "
                "the case search matches it with LIKE, which costs a fraction of ILIKE's lower-casing of "
                "every row it tests",
                output_field=models.TextField(),
            ),
        ),
        migrations.AddIndex(
            model_name="customer",
            index=models.Index(
                fields=["landlord"], include=("id", "search_text"), name="customers_search_by_landlord"
            ),
        ),
        migrations.RunPython(trigram_on_search_text, trigram_on_expression),
    ]
