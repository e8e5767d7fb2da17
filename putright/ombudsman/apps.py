from django.apps import AppConfig


class OmbudsmanConfig(AppConfig):
    name = "putright.ombudsman"
    label = "ombudsman"
    default_auto_field = "django.db.models.BigAutoField"
