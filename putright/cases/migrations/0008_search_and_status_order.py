"""The case list at scale (bench/README.md, "pages"): a stored, indexed status rank for sorting by status, and
on PostgreSQL trigram indexes that serve the case search's substring matches (putright/cases/selectors.py)."""

from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.db.models import Case, Value, When

STATUSES = (
    *("stage1_received", "stage1_investigating", "stage1_responded", "stage2_requested"),
    *("stage2_investigating", "stage2_responded", "not_accepted", "withdrawn", "closed_no_contact"),
    *("open", "acknowledged", "passed_on", "resolved", "converted", "closed"),
)
"""`putright.domain.lifecycle.Status` in its order when this migration was written (STATUS_RANK)."""

# The expressions must stay exactly those of selectors.CASE_SEARCH_SQL and CUSTOMER_SEARCH_SQL.
TRIGRAM_INDEXES = (
    ("cases_search_trgm", "cases_case", "(reference || ' ' || summary || ' ' || description)"),
    (
        "customers_search_trgm",
        "customers_customer",
        "(name || ' ' || address || ' ' || replace(postcode, ' ', ''))",
    ),
)


def fill_status_rank(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    cases = apps.get_model("cases", "Case")
    cases.objects.update(
        status_rank=Case(
            *(When(status=status, then=Value(rank)) for rank, status in enumerate(STATUSES)),
            default=Value(0),
        )
    )


def create_trigram_indexes(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)"
        )


def drop_trigram_indexes(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0007_report_and_filter_indexes'),
        ('customers', '0003_customer_letters_by_representative_correspondence'),
        ('organisations', '0003_landlord_logo'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='status_rank',
            field=models.PositiveSmallIntegerField(default=0, editable=False, help_text="The status's place in the lifecycle (STATUS_RANK), for sorting"),
        ),
        migrations.RunPython(fill_status_rank, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['landlord', 'status_rank', 'next_due', '-received_at', '-id'], name='case_list_by_status'),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
