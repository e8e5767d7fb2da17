"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import path

from putright.backoffice.administration.views import (
    audit,
    branding,
    calendar,
    letter_templates,
    policy,
    staff,
)

ADMIN = "landlords/<slug:slug>/admin/"

administration_urlpatterns = [
    path(ADMIN, staff.staff_list, name="admin-staff"),
    path(f"{ADMIN}staff/add/", staff.staff_add, name="admin-staff-add"),
    path(f"{ADMIN}staff/<int:person_id>/", staff.person_detail, name="admin-person"),
    path(f"{ADMIN}staff/<int:person_id>/roles/add/", staff.role_grant, name="admin-role-grant"),
    path(f"{ADMIN}staff/<int:person_id>/roles/remove/", staff.role_revoke, name="admin-role-revoke"),
    path(
        f"{ADMIN}staff/<int:person_id>/resend-invitation/",
        staff.invitation_resend,
        name="admin-invitation-resend",
    ),
    path(f"{ADMIN}staff/<int:person_id>/line-manager/", staff.line_manager, name="admin-line-manager"),
    path(f"{ADMIN}staff/<int:person_id>/remove-access/", staff.access_remove, name="admin-access-remove"),
    path(
        f"{ADMIN}staff/<int:person_id>/reset-two-factor/",
        staff.two_factor_reset,
        name="admin-two-factor-reset",
    ),
    path(f"{ADMIN}policy/", policy.policy, name="admin-policy"),
    path(f"{ADMIN}closure-days/", calendar.closure_days, name="admin-closure-days"),
    path(f"{ADMIN}homes/", calendar.homes, name="admin-homes"),
    path(f"{ADMIN}letters/", letter_templates.letter_templates, name="admin-letters"),
    path(f"{ADMIN}letters/<str:kind>/", letter_templates.letter_template_edit, name="admin-letter-template"),
    path(f"{ADMIN}branding/", branding.branding, name="admin-branding"),
    path(f"{ADMIN}branding/logo/", branding.logo, name="admin-logo"),
    path(f"{ADMIN}audit/", audit.audit_log, name="admin-audit"),
    path("landlords/<slug:slug>/logo/", branding.logo_image, name="landlord-logo"),
]
