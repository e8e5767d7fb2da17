from django.urls import path

from putright.backoffice import views
from putright.backoffice.auth.urls import auth_urlpatterns
from putright.backoffice.worklists.urls import worklist_urlpatterns

app_name = "backoffice"
urlpatterns = [
    path("", views.start, name="start"),
    *auth_urlpatterns,  # sign in and out, two-factor, account, password reset
    *worklist_urlpatterns,  # my work, team work, the case list and its CSV export
]
