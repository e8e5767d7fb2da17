from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for `make run` and `putright demo`: landlords, staff, customers and cases. No models."""

    name = "putright.demo"
    label = "demo"
    default_auto_field = "django.db.models.BigAutoField"
