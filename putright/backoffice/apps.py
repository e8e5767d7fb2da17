from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    name = "putright.backoffice"
    label = "backoffice"
