"""The case list at a million cases (bench/README.md, "pages"): filtered by category and channel, its count is
read from one index, whose first two columns also serve the category choices. (The search statistics this
docstring once promised were never applied here: cases/0013 applies them.)"""

from django.conf import settings
from django.db import migrations, models


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
