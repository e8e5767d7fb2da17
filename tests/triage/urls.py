"""The site's URLs with the triage page added to the back office, as putright/backoffice/urls.py will add it."""

from django.urls import include, path

from putright.backoffice import urls as backoffice_urls
from putright.backoffice.triage.urls import triage_urlpatterns

urlpatterns = [
    path("", include(([*backoffice_urls.urlpatterns, *triage_urlpatterns], "backoffice"))),
]
