"""The project's URLs with the report pages added to the "backoffice" namespace, as they will be once
putright/backoffice/urls.py includes `report_urlpatterns` (the pages' tests run before that line lands)."""

from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns
from putright.backoffice import urls as backoffice
from putright.backoffice.reports.urls import report_urlpatterns

urlpatterns = [
    path("", include(([*report_urlpatterns, *backoffice.urlpatterns], "backoffice"))),
    *project_urlpatterns[1:],
]
