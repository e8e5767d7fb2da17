from django.urls import path

from putright.backoffice import views

app_name = "backoffice"
urlpatterns = [
    path("", views.start, name="start"),
]
