"""The start page: the policy profiles this installation knows and how each measures up to the Code."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from putright.domain.code_check import CODE_NAME, Shortfall, check_profile
from putright.domain.profiles import Profile, default_registry


@dataclass(frozen=True)
class ProfileSummary:
    profile: Profile
    shortfalls: list[Shortfall]


def start(request: HttpRequest) -> HttpResponse:
    registry = default_registry()
    summaries = [
        ProfileSummary(profile, check_profile(profile))
        for name in registry.names()
        for profile in registry.versions(name)
    ]
    return render(request, "backoffice/start.html", {"summaries": summaries, "code_name": CODE_NAME})
