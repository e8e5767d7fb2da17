"""A common surname's case search (bench/README.md, "search and the year's pack"): PostgreSQL tests the
landlord's customers from one covering index in a few milliseconds, but planned it with two parallel workers,
whose start took longer than the scan (the page query's customer part 45 ms waiting for 6 ms of work each on
a busy 2-core machine). Customers are only ever read a landlord's worth at a time, so their table is not
scanned in parallel: the search's page p50 73-91 -> 64-66 ms, p95 199-251 -> 157-165 ms in-process."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def serial(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE customers_customer SET (parallel_workers = 0)")


def parallel(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE customers_customer RESET (parallel_workers)")


class Migration(migrations.Migration):
    dependencies = [("customers", "0004_customer_search_text")]

    operations = [migrations.RunPython(serial, parallel)]
