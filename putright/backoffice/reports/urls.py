"""Included by putright/backoffice/urls.py, so the names are in the "backoffice" namespace."""

from django.urls import URLPattern, path

from putright.backoffice.reports import survey_views, views

report_urlpatterns: list[URLPattern] = [
    path("landlords/<slug:slug>/reports/tsm/", views.tsm, name="report-tsm"),
    path("landlords/<slug:slug>/reports/tsm/setting/", views.tsm_setting, name="report-tsm-setting"),
    path("landlords/<slug:slug>/reports/tsm/surveys/", survey_views.surveys, name="report-surveys"),
    path(
        "landlords/<slug:slug>/reports/tsm/surveys/import/",
        survey_views.survey_import,
        name="report-survey-import",
    ),
    path(
        "landlords/<slug:slug>/reports/tsm/surveys/template.csv",
        survey_views.survey_template,
        name="report-survey-template",
    ),
    path(
        "landlords/<slug:slug>/reports/tsm/surveys/<int:pk>/withdraw/",
        survey_views.survey_withdraw,
        name="report-survey-withdraw",
    ),
    path("landlords/<slug:slug>/reports/tsm/<str:measure>/", views.tsm_cases, name="report-tsm-cases"),
    path("landlords/<slug:slug>/reports/board-pack/", views.board, name="report-board-pack"),
    path(
        "landlords/<slug:slug>/reports/board-pack/hot-spots/settings/",
        views.board_hot_spot_settings,
        name="report-board-pack-hot-spot-settings",
    ),
    path(
        "landlords/<slug:slug>/reports/board-pack/hot-spots/<slug:breakdown>/",
        views.board_hot_spot,
        name="report-board-pack-hot-spot",
    ),
    path(
        "landlords/<slug:slug>/reports/board-pack/export.<str:fmt>",
        views.board_export,
        name="report-board-pack-export",
    ),
]

urlpatterns = report_urlpatterns
