"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import path

from putright.backoffice.customers import views

CUSTOMER = "landlords/<slug:slug>/customers/<int:customer_id>/"

customer_urlpatterns = [
    path("landlords/<slug:slug>/customers/", views.customers, name="customers"),
    path("landlords/<slug:slug>/customers/new/", views.customer_add, name="customer-add"),
    path(CUSTOMER, views.customer, name="customer"),
    path(f"{CUSTOMER}contact/", views.customer_action, {"action": "contact"}, name="customer-contact"),
    path(
        f"{CUSTOMER}representatives/new/",
        views.customer_action,
        {"action": "representative"},
        name="customer-representative-add",
    ),
    path(
        f"{CUSTOMER}representatives/<int:item_id>/authority/",
        views.customer_item_action,
        {"action": "authority"},
        name="customer-representative-authority",
    ),
    path(
        f"{CUSTOMER}adjustments/new/",
        views.customer_action,
        {"action": "adjustment"},
        name="customer-adjustment-add",
    ),
    path(
        f"{CUSTOMER}adjustments/requests/<int:item_id>/agree/",
        views.customer_item_action,
        {"action": "adjustment_agree"},
        name="customer-adjustment-agree",
    ),
    path(
        f"{CUSTOMER}adjustments/requests/<int:item_id>/decline/",
        views.customer_item_action,
        {"action": "adjustment_decline"},
        name="customer-adjustment-decline",
    ),
    path(
        f"{CUSTOMER}adjustments/<int:item_id>/review/",
        views.customer_item_action,
        {"action": "adjustment_review"},
        name="customer-adjustment-review",
    ),
    path(
        f"{CUSTOMER}adjustments/<int:item_id>/end/",
        views.customer_item_action,
        {"action": "adjustment_end"},
        name="customer-adjustment-end",
    ),
    path(
        f"{CUSTOMER}disabilities/new/",
        views.customer_action,
        {"action": "disability"},
        name="customer-disability-add",
    ),
    path(
        f"{CUSTOMER}restrictions/new/",
        views.customer_action,
        {"action": "restriction"},
        name="customer-restriction-apply",
    ),
    path(
        f"{CUSTOMER}restrictions/<int:item_id>/review/",
        views.customer_item_action,
        {"action": "restriction_review"},
        name="customer-restriction-review",
    ),
    path(
        f"{CUSTOMER}restrictions/<int:item_id>/appeal/",
        views.customer_item_action,
        {"action": "restriction_appeal"},
        name="customer-restriction-appeal",
    ),
]
