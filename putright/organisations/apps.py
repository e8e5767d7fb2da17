from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "putright.organisations"
    label = "organisations"
    default_auto_field = "django.db.models.BigAutoField"
