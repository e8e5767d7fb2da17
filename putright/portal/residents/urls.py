"""Included by putright/portal/urls.py, so the names are in the "portal" namespace."""

from django.urls import URLPattern, path

from putright.portal.residents import details_views, views

resident_urlpatterns: list[URLPattern] = [
    path("<slug:slug>/sign-in/", views.sign_in_start, name="sign-in"),
    path("<slug:slug>/sign-in/check-your-email/", views.sign_in_sent, name="sign-in-sent"),
    path("<slug:slug>/sign-in/link/<str:token>/", views.sign_in_link, name="sign-in-link"),
    path("<slug:slug>/sign-out/", views.sign_out_view, name="sign-out"),
    path("<slug:slug>/your-cases/", views.my_cases, name="my-cases"),
    path("<slug:slug>/your-cases/<str:reference>/", views.case_detail, name="my-case"),
    path(
        "<slug:slug>/your-cases/<str:reference>/letters/<int:letter_id>/",
        views.letter_pdf_view,
        name="my-letter",
    ),
    path("<slug:slug>/your-cases/<str:reference>/stage-2/", views.escalate, name="my-case-escalate"),
    path(
        "<slug:slug>/your-cases/<str:reference>/add-information/", views.add_information, name="my-case-add"
    ),
    path("<slug:slug>/your-cases/<str:reference>/withdraw/", views.withdraw, name="my-case-withdraw"),
    path("<slug:slug>/your-cases/<str:reference>/survey/", views.survey, name="my-case-survey"),
    path("<slug:slug>/your-details/", details_views.your_details, name="my-details"),
    path(
        "<slug:slug>/your-details/<int:customer_id>/contact/",
        details_views.contact_details,
        name="my-contact",
    ),
    path(
        "<slug:slug>/your-details/<int:customer_id>/help/",
        details_views.adjustments,
        name="my-adjustments",
    ),
]
