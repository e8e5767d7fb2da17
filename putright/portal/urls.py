"""The customers' pages, per landlord under /feedback/<slug>/: public pages and the resident portal."""

from putright.portal.learning.urls import learning_urlpatterns
from putright.portal.public.urls import public_urlpatterns
from putright.portal.residents.urls import resident_urlpatterns

app_name = "portal"
urlpatterns = [
    *public_urlpatterns,  # how to complain, compliment or comment; the feedback form and its confirmation
    *learning_urlpatterns,  # the "you said, we did" page of published lessons
    *resident_urlpatterns,  # sign-in by emailed link; my cases, letters, escalation, survey, contact details
]
