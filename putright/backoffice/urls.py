from django.urls import path

from putright.backoffice import views
from putright.backoffice.administration.urls import administration_urlpatterns
from putright.backoffice.auth.urls import auth_urlpatterns
from putright.backoffice.case_actions.urls import case_action_urlpatterns
from putright.backoffice.case_page.urls import case_page_urlpatterns
from putright.backoffice.customers.urls import customer_urlpatterns
from putright.backoffice.governance.urls import governance_urlpatterns
from putright.backoffice.intake.urls import intake_urlpatterns
from putright.backoffice.notifications.urls import notification_urlpatterns
from putright.backoffice.ombudsman.urls import ombudsman_urlpatterns
from putright.backoffice.reports.urls import report_urlpatterns
from putright.backoffice.submissions.urls import submission_urlpatterns
from putright.backoffice.triage.urls import triage_urlpatterns
from putright.backoffice.worklists.urls import worklist_urlpatterns

app_name = "backoffice"
urlpatterns = [
    path("", views.start, name="start"),
    *auth_urlpatterns,  # sign in and out, two-factor, account, password reset
    *worklist_urlpatterns,  # my work, team work, the case list and its CSV export
    *intake_urlpatterns,  # logging feedback from any channel
    *case_page_urlpatterns,  # a case: summary, customer panel, deadlines, timeline, letters, notes, files
    *case_action_urlpatterns,  # a form for every use case on a case
    *customer_urlpatterns,  # the customer record and its adjustments, restrictions, representatives
    *administration_urlpatterns,  # landlord administration: staff, policy, closure days, templates, branding
    *report_urlpatterns,  # Tenant Satisfaction Measures and the Board pack
    *ombudsman_urlpatterns,  # Ombudsman cases and orders, Code non-compliance, the learning log
    *governance_urlpatterns,  # the Code self-assessment and the annual complaints report
    *triage_urlpatterns,  # email received, awaiting triage
    *submission_urlpatterns,  # online-form submissions not yet logged
    *notification_urlpatterns,  # the signed-in person's own notifications
]
