"""On PostgreSQL the case text's trigram index (cases/0008) keeps ten times the default statistics, so that a
common word's matches are estimated near their number rather than a few dozen, which picked plans testing every
match at every landlord (bench/README.md, "Staff pages (issue 5)"). The customer's text has had the same since
customers/0004; cases/0009 meant to do this for both and did not."""

from collections.abc import Callable

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def statistics(target: int) -> Callable[[StateApps, BaseDatabaseSchemaEditor], None]:
    """Set the index's statistics target (-1: back to the default) and gather them again."""

    def run(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"ALTER INDEX cases_search_trgm ALTER COLUMN 1 SET STATISTICS {target}")
        schema_editor.execute("ANALYZE cases_case")

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0012_stages_by_responded_covering")]

    operations = [migrations.RunPython(statistics(1000), statistics(-1))]
