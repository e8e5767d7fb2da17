from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "putright.submissions"
    label = "submissions"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Public submissions"
