from django.urls import include, path

urlpatterns = [
    path("", include("putright.backoffice.urls")),
]
